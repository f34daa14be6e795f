//! The audit on the real tables (they pass, with their known quirks reported) and on
//! deliberately broken copies (they fail with the right check).

use localecon::table::{AuditStatus, TableParts};
use localecon::{RegionalTable, datasets, interchange};
use localecon_conformance::{fixtures_dir, load_fixtures};

fn status(parts: &TableParts, check: &str) -> AuditStatus {
    parts
        .audit()
        .check(check)
        .unwrap_or_else(|| panic!("no check {check}"))
        .status
}

fn real_tables() -> Vec<(String, RegionalTable)> {
    let mut out = vec![
        ("scotland-2019".to_string(), datasets::scotland_2019()),
        (
            "scotland-2019-sections".into(),
            datasets::scotland_2019_sections(),
        ),
        ("glasgow-2019".into(), datasets::glasgow_2019()),
    ];
    let uk = std::fs::read_to_string(fixtures_dir().join("uk_ioat_2019.csv")).unwrap();
    out.push(("uk-2019".into(), interchange::read_csv(&uk).unwrap()));
    for fx in load_fixtures() {
        if fx.table.is_some() {
            out.push((fx.name.clone(), fx.table().unwrap()));
        }
    }
    out
}

#[test]
fn real_tables_pass_with_their_known_quirks() {
    for (name, t) in real_tables() {
        let a = t.audit();
        assert_ne!(a.status(), AuditStatus::Fail, "{name}:\n{a}");
        for check in [
            "structure",
            "non_finite",
            "negative",
            "transposed",
            "scale",
            "productive",
            "conditioning",
            "household_closure",
        ] {
            assert_eq!(
                a.check(check).unwrap().status,
                AuditStatus::Pass,
                "{name} {check}:\n{a}"
            );
        }
        assert!(
            a.condition.unwrap() < 100.0,
            "{name}: condition {:?}",
            a.condition
        );
    }
    let scotland = datasets::scotland_2019().audit();
    assert_eq!(scotland.zero_output_sectors, vec!["12"], "Tobacco");
    // DE1995 as printed: row output 1,079,400 for manufacturing, column total 1,079,446
    let mut de = load_fixtures()
        .into_iter()
        .find(|f| f.name == "eurostat_de1995")
        .unwrap()
        .table()
        .unwrap()
        .into_parts();
    de.output = Some(vec![
        43910.0,
        1_079_400.0,
        245_606.0,
        540_063.0,
        692_487.0,
        508_918.0,
    ]);
    let de = de.audit();
    assert_ne!(de.status(), AuditStatus::Fail, "{de}");
    assert_eq!(
        de.check("column_balance").unwrap().status,
        AuditStatus::Warn,
        "DE1995's rounding gap of 46 in manufacturing:\n{de}"
    );
    assert!(
        de.check("column_balance")
            .unwrap()
            .detail
            .contains("4.600e1"),
        "{de}"
    );
}

fn scotland_parts() -> TableParts {
    datasets::scotland_2019().into_parts()
}

#[test]
fn a_transposed_copy_fails_the_transposed_check() {
    let mut p = scotland_parts();
    let n = p.sectors.len();
    p.z = (0..n * n).map(|k| p.z[(k % n) * n + k / n]).collect();
    assert_eq!(status(&p, "transposed"), AuditStatus::Fail);
    assert_eq!(status(&p, "row_balance"), AuditStatus::Fail);
    assert_eq!(RegionalTable::new(p).unwrap_err().code(), "unbalanced");
}

#[test]
fn a_column_in_thousands_fails_the_scale_check() {
    let mut p = scotland_parts();
    let n = p.sectors.len();
    let j = 46; // a big sector, entered in £ thousand instead of £ million
    for i in 0..n {
        p.z[i * n + j] *= 1000.0;
    }
    for r in &mut p.primary_inputs {
        r.values[j] *= 1000.0;
    }
    if let Some(x) = &mut p.output {
        x[j] *= 1000.0;
    }
    let a = p.audit();
    assert_eq!(a.check("scale").unwrap().status, AuditStatus::Fail, "{a}");
    assert!(a.check("scale").unwrap().detail.contains("35.1"), "{a}");
}

#[test]
fn broken_values_fail_their_checks() {
    let mut p = scotland_parts();
    p.z[5] = f64::NAN;
    assert_eq!(status(&p, "non_finite"), AuditStatus::Fail);
    let mut p = scotland_parts();
    p.z[7] = -3.0;
    assert_eq!(status(&p, "negative"), AuditStatus::Fail);
    let mut p = scotland_parts();
    p.household_closure.household_income = Some(1000.0); // less than household spending
    assert_eq!(status(&p, "household_closure"), AuditStatus::Fail);
    let mut p = scotland_parts();
    p.retention.compensation = localecon::table::Share::Uniform(1.5);
    assert_eq!(p.audit().status(), AuditStatus::Fail);
}

#[test]
fn the_report_says_what_the_audit_found() {
    let r = localecon::RegionReport::new(&datasets::scotland_2019()).unwrap();
    assert!(
        r.warnings.iter().any(|w| w.starts_with("zero_output")),
        "{:?}",
        r.warnings
    );
    assert!(
        r.warnings.iter().any(|w| w.starts_with("row_balance")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn ill_conditioned_systems_say_so() {
    // a near-closed loop: two sectors that buy almost everything from each other
    let sectors = vec![
        localecon::table::Sector {
            code: "a".into(),
            name: "a".into(),
        },
        localecon::table::Sector {
            code: "b".into(),
            name: "b".into(),
        },
    ];
    let eps = 1e-10;
    let mut p = TableParts::new("loop", sectors, vec![0.0, 1.0 - eps, 1.0 - eps, 0.0]);
    p.final_demand.push(localecon::table::FinalDemandColumn {
        label: "f".into(),
        kind: localecon::table::FinalDemandKind::Other,
        values: vec![eps, eps],
    });
    p.primary_inputs.push(localecon::table::PrimaryInputRow {
        label: "va".into(),
        kind: localecon::table::PrimaryInputKind::Compensation,
        values: vec![eps, eps],
    });
    let t = RegionalTable::new(p).unwrap();
    let m = localecon::Multipliers::new(&t).unwrap();
    assert!(m.condition > 1e9, "{}", m.condition);
    assert!(
        m.warnings[0].contains("ill-conditioned"),
        "{:?}",
        m.warnings
    );
    assert_eq!(
        t.audit().check("conditioning").unwrap().status,
        AuditStatus::Warn
    );
}
