//! Random balanced tables for property tests.
#![allow(dead_code)]

use localecon::table::{
    Employment, FinalDemandColumn, FinalDemandKind, PrimaryInputKind, PrimaryInputRow, Sector,
    Share, TableParts,
};
use proptest::prelude::*;

/// Parameters of a random balanced table with `n` sectors.
#[derive(Debug, Clone)]
pub struct Spec {
    pub n: usize,
    /// Raw coefficient weights, scaled so that every column of A sums to `col_scale[j]`.
    pub a_raw: Vec<f64>,
    pub col_scale: Vec<f64>,
    pub hh: Vec<f64>,
    pub exports: Vec<f64>,
    /// Per column: weights of imports (country, world), taxes, compensation, surplus.
    pub pi_raw: Vec<[f64; 5]>,
    pub employment: Vec<f64>,
    pub retention_comp: f64,
    pub retention_surplus: f64,
}

pub fn spec(max_n: usize) -> impl Strategy<Value = Spec> {
    (1..=max_n).prop_flat_map(|n| {
        (
            prop::collection::vec(prop_oneof![Just(0.0), 0.0..1.0f64], n * n),
            prop::collection::vec(0.0..0.85f64, n),
            prop::collection::vec(0.0..100.0f64, n),
            prop::collection::vec(0.1..100.0f64, n),
            prop::collection::vec([0.01..1.0f64, 0.0..1.0, 0.0..0.3, 0.05..1.0, 0.0..1.0], n),
            prop::collection::vec(0.0..50.0f64, n),
            0.0..=1.0f64,
            0.0..=1.0f64,
        )
            .prop_map(
                move |(a_raw, col_scale, hh, exports, pi_raw, employment, rc, rs)| Spec {
                    n,
                    a_raw,
                    col_scale,
                    hh,
                    exports,
                    pi_raw,
                    employment,
                    retention_comp: rc,
                    retention_surplus: rs,
                },
            )
    })
}

/// Builds a balanced table: `x` solves `x = A x + f` by Neumann iteration (independent of the
/// library's LU), `Z = A diag(x)`, primary inputs fill each column to `x`.
pub fn build(s: &Spec) -> TableParts {
    let n = s.n;
    let mut a = vec![0.0; n * n];
    for j in 0..n {
        let sum: f64 = (0..n).map(|i| s.a_raw[i * n + j]).sum();
        for i in 0..n {
            if sum > 0.0 {
                a[i * n + j] = s.a_raw[i * n + j] / sum * s.col_scale[j];
            }
        }
    }
    let f: Vec<f64> = (0..n).map(|i| s.hh[i] + s.exports[i]).collect();
    let mut x = f.clone();
    for _ in 0..400 {
        x = (0..n)
            .map(|i| f[i] + (0..n).map(|j| a[i * n + j] * x[j]).sum::<f64>())
            .collect();
    }
    let mut z = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            z[i * n + j] = a[i * n + j] * x[j];
        }
    }
    let kinds = [
        PrimaryInputKind::ImportsRestOfCountry,
        PrimaryInputKind::ImportsRestOfWorld,
        PrimaryInputKind::TaxesOnProducts,
        PrimaryInputKind::Compensation,
        PrimaryInputKind::OperatingSurplus,
    ];
    let mut rows: Vec<Vec<f64>> = vec![vec![0.0; n]; 5];
    for j in 0..n {
        let rest = x[j] - (0..n).map(|i| z[i * n + j]).sum::<f64>();
        let w = s.pi_raw[j];
        let total: f64 = w.iter().sum();
        for k in 0..5 {
            rows[k][j] = rest * w[k] / total;
        }
    }
    let sectors = (0..n)
        .map(|i| Sector {
            code: format!("S{i}"),
            name: format!("Sector {i}"),
        })
        .collect();
    let mut parts = TableParts::new("random", sectors, z);
    parts.final_demand.push(FinalDemandColumn {
        label: "HH".into(),
        kind: FinalDemandKind::Households,
        values: s.hh.clone(),
    });
    parts.final_demand.push(FinalDemandColumn {
        label: "EXP".into(),
        kind: FinalDemandKind::ExportsRestOfWorld,
        values: s.exports.clone(),
    });
    for (k, kind) in kinds.iter().enumerate() {
        parts.primary_inputs.push(PrimaryInputRow {
            label: kind.to_string(),
            kind: *kind,
            values: rows[k].clone(),
        });
    }
    parts.employment = Some(Employment {
        unit: "jobs".into(),
        values: s.employment.clone(),
    });
    parts.retention.compensation = Share::Uniform(s.retention_comp);
    parts.retention.operating_surplus = Share::Uniform(s.retention_surplus);
    let comp: f64 = rows[3].iter().sum();
    let hh: f64 = s.hh.iter().sum();
    parts.household_closure.household_income =
        Some((comp * s.retention_comp).max(1.5 * hh).max(1e-9));
    parts.balance_tolerance = 1e-9;
    parts
}

/// The same parts with sectors reordered: new sector `k` is old sector `perm[k]`.
pub fn permute(p: &TableParts, perm: &[usize]) -> TableParts {
    let n = p.sectors.len();
    let mut q = p.clone();
    q.sectors = perm.iter().map(|&k| p.sectors[k].clone()).collect();
    q.z = (0..n * n)
        .map(|idx| p.z[perm[idx / n] * n + perm[idx % n]])
        .collect();
    for c in &mut q.final_demand {
        c.values = perm.iter().map(|&k| c.values[k]).collect();
    }
    for r in &mut q.primary_inputs {
        r.values = perm.iter().map(|&k| r.values[k]).collect();
    }
    if let Some(e) = &mut q.employment {
        e.values = perm.iter().map(|&k| e.values[k]).collect();
    }
    q
}

/// The parts with imports by product and buyer "supplied": each buyer's entry of each import
/// row spread over products by the weights `w` (`n × n` per import row, any non-negative
/// numbers; a column of zeros spreads evenly).
pub fn with_import_use(mut parts: TableParts, w: &[f64]) -> TableParts {
    use localecon::table::{ImportBasis, ImportUse, ImportUseBlock};
    let n = parts.sectors.len();
    let blocks = parts
        .primary_inputs
        .iter()
        .filter(|r| r.kind.is_import())
        .enumerate()
        .map(|(o, r)| {
            let mut values = vec![0.0; n * n];
            for j in 0..n {
                let weight = |i: usize| w[(o * n * n + i * n + j) % w.len()];
                let total: f64 = (0..n).map(weight).sum();
                for i in 0..n {
                    values[i * n + j] = if total > 0.0 {
                        r.values[j] * weight(i) / total
                    } else {
                        r.values[j] / n as f64
                    };
                }
            }
            ImportUseBlock {
                origin: r.label.clone(),
                values,
            }
        })
        .collect();
    parts.import_use = Some(ImportUse {
        basis: ImportBasis::Supplied,
        blocks,
    });
    parts
}
