//! The fuzz harnesses (run by `cargo fuzz` in `fuzz/`, and on the saved corpus by the normal
//! test suite): whatever the bytes, reading and analysing must return `Ok` or a typed
//! error — never panic, never produce NaN in a report.

use localecon::circularity::{
    Closure, EnaOptions, FlowSystem, analyse as analyse_flows, flow_indicators,
};
use localecon::linkages::{Extraction, GhoshModel, Linkages, hypothetical_extraction};
use localecon::table::{
    FinalDemandColumn, FinalDemandKind, PrimaryInputKind, PrimaryInputRow, Sector, Share,
    TableParts,
};
use localecon::{RegionReport, RegionalTable, interchange};

use crate::fuzz_inputs::check;

/// Runs every analysis a table supports (the report, the audit, the flow indicators and
/// ENA, the linkages, the Ghosh model, the hypothetical extractions of the first sector) and
/// checks that none gives a non-finite number.
///
/// # Panics
///
/// When an analysis returns NaN in a report — the bug the fuzzer looks for.
pub fn analyse(table: &RegionalTable) {
    let _ = table.audit();
    if let Ok(report) = RegionReport::new(table) {
        // the report refuses non-finite numbers itself; check the ones it does not cover
        for s in &report.sectors {
            for v in s.leakage_by_channel.values() {
                assert!(v.is_finite(), "a non-finite leakage share in {}", s.code);
            }
        }
        assert!(report.totals.output.is_finite() && report.totals.final_demand.is_finite());
    }
    if let Ok(system) = FlowSystem::from_table(table, Closure::Households) {
        check("flow indicators", &flow_indicators(&system));
        check("ENA", &analyse_flows(&system, &EnaOptions::default()));
    }
    check("linkages", &Linkages::new(table));
    check(
        "Ghosh",
        &GhoshModel::new(table).map(|g| g.forward_linkages()),
    );
    if let Some(first) = table.sectors().first() {
        for kind in [Extraction::Backward, Extraction::Forward, Extraction::Total] {
            check(
                "extraction",
                &hypothetical_extraction(table, &first.code, kind),
            );
        }
    }
    let _ = interchange::read_json(&interchange::write_json(table)).map(|t| assert_eq!(&t, table));
}

/// The JSON reader on arbitrary bytes.
pub fn json(data: &[u8]) {
    if let Ok(t) = interchange::read_json(&String::from_utf8_lossy(data)) {
        analyse(&t);
    }
}

/// The CSV reader on arbitrary bytes.
pub fn csv(data: &[u8]) {
    if let Ok(t) = interchange::read_csv(&String::from_utf8_lossy(data)) {
        analyse(&t);
        let _ =
            interchange::read_csv(&interchange::write_csv(&t)).map(|back| assert_eq!(&back, &t));
    }
}

/// The table builder on arbitrary numbers: bytes become a small table (n ≤ 5).
pub fn builder(data: &[u8]) {
    if data.len() < 2 {
        return;
    }
    let n = usize::from(data[0] % 5) + 1;
    let mut values = data[1..].chunks(8).map(|c| {
        let mut b = [0u8; 8];
        b[..c.len()].copy_from_slice(c);
        f64::from_le_bytes(b)
    });
    let mut take =
        |k: usize| -> Vec<f64> { (0..k).map(|_| values.next().unwrap_or(1.0)).collect() };
    let sectors = (0..n)
        .map(|i| Sector {
            code: format!("s{i}"),
            name: format!("s{i}"),
        })
        .collect();
    let mut parts = TableParts::new("fuzz", sectors, take(n * n));
    parts.final_demand.push(FinalDemandColumn {
        label: "hh".into(),
        kind: FinalDemandKind::Households,
        values: take(n),
    });
    parts.final_demand.push(FinalDemandColumn {
        label: "x".into(),
        kind: FinalDemandKind::ExportsRestOfWorld,
        values: take(n),
    });
    for (k, kind) in [
        PrimaryInputKind::Imports,
        PrimaryInputKind::Compensation,
        PrimaryInputKind::TaxesOnProduction,
    ]
    .into_iter()
    .enumerate()
    {
        parts.primary_inputs.push(PrimaryInputRow {
            label: format!("p{k}"),
            kind,
            values: take(n),
        });
    }
    let extra = take(3);
    parts.retention.compensation = Share::Uniform(extra[0]);
    parts.household_closure.household_income = Some(extra[1]);
    parts.balance_tolerance = extra[2];
    let _ = parts.audit();
    if let Ok(t) = RegionalTable::new(parts) {
        analyse(&t);
    }
}
