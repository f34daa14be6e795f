//! Every kind of bad input is answered by its typed error, naming the place and the value.

use localecon::interchange::{read_csv, read_json};
use localecon::table::{AuditStatus, Share, TableParts};
use localecon::{ClosedModel, LeontiefModel, RegionalTable, datasets};

fn mb() -> TableParts {
    datasets::miller_blair_2sector().into_parts()
}

fn err(parts: TableParts) -> localecon::Error {
    RegionalTable::new(parts).expect_err("bad input must be refused")
}

#[test]
fn wrong_shape_of_z() {
    let mut p = mb();
    p.z.pop();
    let e = err(p);
    assert_eq!(e.code(), "shape");
    assert!(e.to_string().contains("expected 4, found 3"), "{e}");
}

#[test]
fn wrong_length_of_a_final_demand_column() {
    let mut p = mb();
    p.final_demand[0].values.push(1.0);
    let e = err(p);
    assert_eq!(e.code(), "shape");
    assert!(e.to_string().contains("final demand \"f\""), "{e}");
}

#[test]
fn empty_table() {
    let p = TableParts::new("empty", vec![], vec![]);
    assert_eq!(err(p).code(), "empty");
}

#[test]
fn duplicate_and_empty_labels() {
    let mut p = mb();
    p.sectors[1].code = "s1".into();
    let e = err(p);
    assert_eq!(e.code(), "invalid_label");
    assert!(
        e.to_string().contains("\"s1\"") && e.to_string().contains("duplicate"),
        "{e}"
    );
    let mut p = mb();
    p.primary_inputs[0].label = " ".into();
    assert_eq!(err(p).code(), "invalid_label");
}

#[test]
fn unknown_sector_label() {
    let e = datasets::miller_blair_2sector()
        .sector_index("s9")
        .unwrap_err();
    assert_eq!(e.code(), "unknown_label");
    assert!(e.to_string().contains("\"s9\""));
}

#[test]
fn nan_and_infinity_name_their_cell() {
    let mut p = mb();
    p.z[3] = f64::NAN;
    let e = err(p);
    assert_eq!(e.code(), "non_finite");
    assert_eq!(e.to_string(), "non-finite value NaN at Z[1, 1]");
    let mut p = mb();
    p.primary_inputs[0].values[1] = f64::INFINITY;
    let e = err(p);
    assert_eq!(e.code(), "non_finite");
    assert!(
        e.to_string().contains("primary input \"va\", sector 1"),
        "{e}"
    );
}

#[test]
fn negative_flows_where_none_may_be() {
    let mut p = mb();
    p.z[1] = -5.0;
    let e = err(p);
    assert_eq!(e.code(), "negative");
    assert!(
        e.to_string().contains("-5") && e.to_string().contains("Z[0, 1]"),
        "{e}"
    );
    // compensation cannot be negative, net taxes can
    let mut p = mb();
    p.primary_inputs[0].values[0] = -1.0;
    assert_eq!(err(p).code(), "negative");
}

#[test]
fn retention_share_out_of_range() {
    let mut p = mb();
    p.retention.compensation = Share::PerSector(vec![0.5, 1.5]);
    let e = err(p);
    assert_eq!(e.code(), "out_of_range");
    assert!(
        e.to_string().contains("retention.compensation[1]") && e.to_string().contains("1.5"),
        "{e}"
    );
}

#[test]
fn unbalanced_beyond_tolerance() {
    let mut p = mb();
    p.final_demand[0].values[0] += 10.0; // row total 1010 vs column total 1000
    let e = err(p.clone());
    assert_eq!(e.code(), "unbalanced");
    assert!(
        e.to_string().contains("s1") && e.to_string().contains("1010"),
        "{e}"
    );
    p.balance_tolerance = 0.02;
    assert!(
        RegionalTable::new(p).is_ok(),
        "within a stated 2 % tolerance"
    );
}

#[test]
fn non_productive_coefficients() {
    // sector 1 buys more from local suppliers than it produces: subsidies make it balance
    let mut p = mb();
    p.z = vec![1050.0, 500.0, 200.0, 100.0];
    p.primary_inputs[0].values = vec![0.0, 1400.0];
    p.primary_inputs.push(localecon::table::PrimaryInputRow {
        label: "subsidy".into(),
        kind: localecon::table::PrimaryInputKind::TaxesOnProducts,
        values: vec![-250.0, 0.0],
    });
    p.final_demand[0].values = vec![-550.0, 1700.0];
    let t = RegionalTable::new(p).expect("structurally valid");
    let e = LeontiefModel::new(&t).unwrap_err();
    assert_eq!(e.code(), "non_productive");
    assert!(e.to_string().contains("s1"), "{e}");
    assert_eq!(
        t.audit().check("productive").unwrap().status,
        AuditStatus::Fail
    );
}

#[test]
fn singular_system() {
    let e = LeontiefModel::from_coefficients(2, vec![1.0, 0.0, 0.0, 0.5]).unwrap_err();
    assert_eq!(e.code(), "singular");
}

#[test]
fn missing_household_column_for_type_ii() {
    let e = ClosedModel::new(&datasets::miller_blair_2sector()).unwrap_err();
    assert_eq!(e.code(), "missing_data");
}

#[test]
fn malformed_json_names_line_and_column() {
    let e = read_json("{\"format\": \"localecon-table\",\n \"version\": 1,,}").unwrap_err();
    assert_eq!(e.code(), "json");
    assert!(e.to_string().contains("line 2"), "{e}");
    let e = read_json("").unwrap_err();
    assert_eq!(e.code(), "json");
}

#[test]
fn json_with_wrong_version_or_format() {
    let json = localecon::interchange::write_json(&datasets::miller_blair_2sector());
    let e = read_json(&json.replace("\"version\": 1", "\"version\": 2")).unwrap_err();
    assert_eq!(e.code(), "unsupported_version");
    assert!(e.to_string().contains("version 2"), "{e}");
    let e = read_json(&json.replace("localecon-table", "pymrio")).unwrap_err();
    assert_eq!(e.code(), "unsupported_version");
}

#[test]
fn json_with_a_typo_in_a_field_or_a_kind() {
    let json = localecon::interchange::write_json(&datasets::miller_blair_2sector());
    let e = read_json(&json.replace("\"final_demand\"", "\"final_demnd\"")).unwrap_err();
    assert_eq!(e.code(), "json");
    assert!(e.to_string().contains("final_demnd"), "{e}");
    let e = read_json(&json.replace("\"compensation\"", "\"wages\"")).unwrap_err();
    assert_eq!(e.code(), "json");
    assert!(e.to_string().contains("wages"), "{e}");
    let e = read_json(&json.replace("[\n      150.0,\n      500.0\n    ]", "[150.0]")).unwrap_err();
    assert_eq!(e.code(), "shape", "{e}");
}

const CSV: &str = "kind,code,name,s1,s2,f\n,,,sector,sector,other\nsector,s1,A,150,500,350\nsector,s2,B,200,100,1700\ncompensation,va,VA,650,1400,\n";

#[test]
fn csv_reads_the_documented_layout_with_a_bom() {
    let t = read_csv(&format!("\u{feff}# name: two\n{CSV}")).unwrap();
    assert_eq!(t.output(), &[1000.0, 2000.0]);
    assert_eq!(t.name(), "two");
}

#[test]
fn malformed_csv_names_line_and_field() {
    let e = read_csv(&CSV.replace("200,100", "200,abc")).unwrap_err();
    assert_eq!(e.code(), "csv");
    assert_eq!(
        e.to_string(),
        "malformed CSV at line 4, field 5: \"abc\" is not a number"
    );
    let e = read_csv(&CSV.replace(',', ";")).unwrap_err();
    assert_eq!(e.code(), "csv");
    assert!(e.to_string().contains("delimiter"), "{e}");
    let e = read_csv(&CSV.replace("sector,s2,B,200,100,1700", "sector,s2,B,200,100")).unwrap_err();
    assert_eq!(e.code(), "csv");
    assert!(e.to_string().contains("line 4"), "{e}");
    let e = read_csv(&CSV.replace("compensation,va", "wages,va")).unwrap_err();
    assert_eq!(e.code(), "csv");
    assert!(e.to_string().contains("\"wages\""), "{e}");
    let e = read_csv("kind,code,name\n").unwrap_err();
    assert_eq!(e.code(), "csv");
}

#[test]
fn unknown_final_demand_kind_in_csv() {
    let e = read_csv(&CSV.replace(",other\n", ",tourists\n")).unwrap_err();
    assert_eq!(e.code(), "csv");
    assert!(
        e.to_string().contains("tourists") && e.to_string().contains("exports_visitors"),
        "{e}"
    );
}

#[test]
fn audit_reports_every_problem_without_failing() {
    let mut p = mb();
    p.z[0] = f64::NAN;
    p.z[1] = -1.0;
    let a = p.audit();
    assert_eq!(a.status(), AuditStatus::Fail);
    assert_eq!(a.check("non_finite").unwrap().status, AuditStatus::Fail);
    assert_eq!(a.check("negative").unwrap().status, AuditStatus::Fail);
    assert!(a.productive.is_none(), "not computed on a table with NaN");
}

#[test]
fn audit_of_scotland_passes_and_reports_tobacco() {
    let a = datasets::scotland_2019().audit();
    assert_eq!(a.status(), AuditStatus::Warn, "{a}");
    assert_eq!(a.zero_output_sectors, vec!["12".to_string()]);
    assert_eq!(a.check("productive").unwrap().status, AuditStatus::Pass);
    let gap = a.row_gaps.iter().fold(0.0_f64, |m, g| m.max(g.abs()));
    assert!(
        gap < 0.002 && gap > 0.0,
        "row gap {gap} (SOURCE.md: £0.0014m)"
    );
    assert_eq!(a.productive, Some(true));
}

#[test]
fn households_spending_all_their_income_locally_is_refused_with_a_reason() {
    let mut p = mb();
    p.final_demand[0].kind = localecon::table::FinalDemandKind::Households;
    // household income defaults to the compensation paid, 2050 = household consumption
    let t = RegionalTable::new(p).unwrap();
    let e = ClosedModel::new(&t).unwrap_err();
    assert_eq!(e.code(), "out_of_range");
    assert!(
        e.to_string().contains("household income") && e.to_string().contains("value 1 "),
        "{e}"
    );
}

#[test]
fn negative_output_is_refused() {
    // net subsidies larger than the costs make the column total negative
    let mut p = mb();
    p.z = vec![0.0, 500.0, 0.0, 100.0];
    p.primary_inputs[0].values = vec![0.0, 1400.0];
    p.primary_inputs.push(localecon::table::PrimaryInputRow {
        label: "subsidy".into(),
        kind: localecon::table::PrimaryInputKind::TaxesOnProducts,
        values: vec![-10.0, 0.0],
    });
    p.final_demand[0].values = vec![-510.0, 1900.0];
    let e = err(p);
    assert_eq!(e.code(), "negative");
    assert!(e.to_string().contains("output of sector 0 (s1)"), "{e}");
}
