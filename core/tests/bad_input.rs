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
fn json_reads_with_a_bom() {
    let t = datasets::miller_blair_2sector();
    let json = localecon::interchange::write_json(&t);
    assert_eq!(read_json(&format!("\u{feff}{json}")).unwrap(), t);
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
    let e = read_csv(&CSV.replace(',', "|")).unwrap_err();
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

/// A sector without national employment has no location quotient: the regionalised table
/// takes it as average and says so in its source line, naming the sector; a sector with
/// national employment is never named.
#[test]
fn a_sector_without_national_employment_is_flagged() {
    use localecon::regionalize::{RegionalizeOptions, regionalize};
    let scotland = datasets::scotland_2019_sections();
    let n = scotland.n();
    let mut national: Vec<f64> = (0..n).map(|i| 1000.0 + 10.0 * i as f64).collect();
    let mut regional: Vec<f64> = national.iter().map(|e| 0.1 * e).collect();
    let flagged = scotland.sectors()[3].code.clone();
    let plain = RegionalizeOptions::default();
    let before = regionalize(&scotland, &national, &regional, &plain).unwrap();
    assert!(!before.source().unwrap().contains("ASSUMPTION"));
    national[3] = 0.0;
    regional[3] = 0.0;
    let after = regionalize(&scotland, &national, &regional, &plain).unwrap();
    let source = after.source().unwrap();
    let note = source.split("ASSUMPTION: ").nth(1).expect("flagged");
    assert!(
        note.starts_with(&format!("no national employment in {flagged}:")),
        "{source}"
    );
    let share: f64 = regional.iter().sum::<f64>() / national.iter().sum::<f64>();
    assert!((after.output()[3] - scotland.output()[3] * share).abs() <= 1e-9 * after.output()[3]);
}

/// A spreadsheet export in a European locale (semicolons, decimal commas) or with tabs reads
/// as the same table as the comma file; thousands separators are refused with a hint.
#[test]
fn semicolon_and_tab_files_read_as_the_comma_file() {
    use localecon::interchange::write_csv;
    let table = datasets::scotland_2019_sections();
    let comma = write_csv(&table);
    let (meta, body): (Vec<&str>, Vec<&str>) = comma.lines().partition(|l| l.starts_with('#'));
    let records: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.join("\n").as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    let mut decimal_commas = 0;
    let write = |delimiter: u8, decimal_commas: &mut usize| {
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_writer(Vec::new());
        for r in &records {
            let cells: Vec<String> = r
                .iter()
                .map(|c| {
                    if delimiter == b';' && c.parse::<f64>().is_ok() && c.contains('.') {
                        *decimal_commas += 1;
                        c.replace('.', ",")
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            w.write_record(&cells).unwrap();
        }
        let mut text = meta.join("\n");
        text.push('\n');
        text.push_str(&String::from_utf8(w.into_inner().unwrap()).unwrap());
        text
    };
    let semicolon = write(b';', &mut decimal_commas);
    let tab = write(b'\t', &mut decimal_commas);
    assert!(decimal_commas > 100, "{decimal_commas}");
    assert_eq!(read_csv(&semicolon).unwrap(), table);
    assert_eq!(read_csv(&tab).unwrap(), table);
    let thousands = semicolon.replacen(";1", ";1.000,", 1);
    let e = read_csv(&thousands).expect_err("thousands separator");
    assert_eq!(e.code(), "csv");
    assert!(e.to_string().contains("thousands separators"), "{e}");
}

/// A file's bytes: UTF-16 with its byte-order mark reads as the UTF-8 file; Windows-1252 is
/// refused at its first byte that is not UTF-8, naming the line and field.
#[test]
fn file_encodings() {
    use localecon::interchange::{read_csv_bytes, read_json_bytes, write_csv, write_json};
    let table = datasets::miller_blair_2sector();
    for text in [write_csv(&table), write_json(&table)] {
        for be in [false, true] {
            let mut bytes = if be {
                vec![0xFE, 0xFF]
            } else {
                vec![0xFF, 0xFE]
            };
            for u in text.encode_utf16() {
                bytes.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            let back = if text.starts_with('{') {
                read_json_bytes(&bytes)
            } else {
                read_csv_bytes(&bytes)
            };
            assert_eq!(back.unwrap(), table);
        }
    }
    let csv = write_csv(&table);
    let line = csv.lines().position(|l| l.starts_with("sector,")).unwrap() + 1;
    let cp1252 = csv.replacen("sector,s1,", "sector,s1,Caf\u{e9} ", 1);
    let mut bytes = Vec::new();
    for c in cp1252.chars() {
        if c == '\u{e9}' {
            bytes.push(0xE9); // é in Windows-1252
        } else {
            bytes.extend(c.to_string().as_bytes());
        }
    }
    let e = read_csv_bytes(&bytes).expect_err("Windows-1252");
    assert_eq!(e.code(), "csv");
    let message = e.to_string();
    assert!(
        message.contains(&format!("line {line}, field 3")),
        "{message}"
    );
    assert!(message.contains("byte 0xE9"), "{message}");
    let e = read_json_bytes(b"{\"name\": \"Caf\xE9\"}").expect_err("Latin-1 JSON");
    assert_eq!(e.code(), "json");
}

/// Sizes a caller gives (n, k) whose product wraps around to the data's length on 64 bits
/// are shape errors, not a pass into indexing past the data.
#[test]
#[cfg(target_pointer_width = "64")]
fn sizes_whose_product_wraps_around_are_refused() {
    let huge = 1usize << 32;
    let e = localecon::LeontiefModel::from_coefficients(huge, vec![]).unwrap_err();
    assert_eq!(e.code(), "shape");
    let model = localecon::LeontiefModel::from_coefficients(2, vec![0.1; 4]).unwrap();
    assert_eq!(model.solve_many(&[], 1 << 63).unwrap_err().code(), "shape");
    let dense = localecon::clusters::ClusterGraph::from_dense(huge, &[], false);
    assert_eq!(dense.unwrap_err().code(), "shape");
}
