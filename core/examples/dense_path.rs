//! Times each stage of the dense path (table → multipliers → leakage) on a synthetic
//! balanced table, a development aid for the benchmarks page:
//! `cargo run --release --example dense_path -- 2000`.
use std::time::Instant;

use localecon::table::{
    FinalDemandColumn, FinalDemandKind, PrimaryInputKind, PrimaryInputRow, Sector, TableParts,
};
use localecon::{Leakage, Multipliers, RegionalTable};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let mut state = 1u64;
    let mut draw = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    // x = 100 everywhere, Z with column sums 0.2..0.6 of output, the rest primary inputs
    let mut z: Vec<f64> = (0..n * n).map(|_| draw()).collect();
    let mut col = vec![0.0; n];
    for r in z.chunks_exact(n) {
        for (c, v) in col.iter_mut().zip(r) {
            *c += v;
        }
    }
    let share: Vec<f64> = (0..n).map(|_| 0.2 + 0.4 * draw()).collect();
    for r in z.chunks_exact_mut(n) {
        for j in 0..n {
            r[j] *= 100.0 * share[j] / col[j];
        }
    }
    let row: Vec<f64> = z.chunks_exact(n).map(|r| r.iter().sum()).collect();
    let rest: Vec<f64> = (0..n).map(|j| 100.0 * (1.0 - share[j])).collect();
    let sectors = (0..n)
        .map(|i| Sector {
            code: format!("s{i}"),
            name: format!("sector {i}"),
        })
        .collect();
    let mut parts = TableParts::new("synthetic", sectors, z);
    parts.final_demand.push(FinalDemandColumn {
        label: "households".into(),
        kind: FinalDemandKind::Households,
        values: row.iter().map(|r| 0.5 * (100.0 - r)).collect(),
    });
    parts.final_demand.push(FinalDemandColumn {
        label: "exports".into(),
        kind: FinalDemandKind::ExportsRestOfWorld,
        values: row.iter().map(|r| 0.5 * (100.0 - r)).collect(),
    });
    for (label, kind, s) in [
        ("imports", PrimaryInputKind::Imports, 0.4),
        ("wages", PrimaryInputKind::Compensation, 0.4),
        ("profits", PrimaryInputKind::OperatingSurplus, 0.2),
    ] {
        parts.primary_inputs.push(PrimaryInputRow {
            label: label.into(),
            kind,
            values: rest.iter().map(|r| s * r).collect(),
        });
    }
    parts.household_closure.household_income = Some(100.0 * n as f64);
    parts.balance_tolerance = 1e-6;
    for _ in 0..3 {
        let t0 = Instant::now();
        let table = RegionalTable::new(parts.clone()).unwrap();
        let t1 = Instant::now();
        let _ = table.leontief().unwrap();
        let t2 = Instant::now();
        let m = Multipliers::new(&table).unwrap();
        let t3 = Instant::now();
        let l = Leakage::new(&table).unwrap();
        let t4 = Instant::now();
        println!(
            "n = {n}: table {:.1} ms, factor {:.1} ms, multipliers {:.1} ms, leakage {:.1} ms ({:.4} {:.4})",
            1e3 * (t1 - t0).as_secs_f64(),
            1e3 * (t2 - t1).as_secs_f64(),
            1e3 * (t3 - t2).as_secs_f64(),
            1e3 * (t4 - t3).as_secs_f64(),
            m.output.type_i[0],
            l.leakage[0],
        );
    }
}
