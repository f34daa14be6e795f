//! The regionalisation validation: the UK 2019 table regionalised to Scotland with each
//! method, compared with the real Scottish table (both at the 20 SIC sections).

use std::collections::HashMap;

use localecon::regionalize::{LqMethod, RegionalizeOptions, aggregate, regionalize, sic_section};
use localecon::{Multipliers, RegionalTable, datasets, interchange};

use crate::fixtures_dir;

/// One method's errors against the real Scottish Type I output multipliers.
#[derive(Debug, Clone, PartialEq)]
pub struct MethodError {
    /// Method and δ, e.g. `"FLQ δ=0.25"`.
    pub method: String,
    /// Mean of (estimated − real).
    pub bias: f64,
    /// Mean absolute error.
    pub mean_abs: f64,
    /// Largest absolute error.
    pub worst_abs: f64,
    /// The section with the largest error.
    pub worst_section: String,
}

/// The UK table aggregated to SIC sections, and UK and Scottish employment by section.
///
/// # Panics
///
/// When the fixture files are missing or malformed (they are part of the repository).
#[must_use]
pub fn inputs() -> (RegionalTable, Vec<f64>, Vec<f64>) {
    let uk = interchange::read_csv(
        &std::fs::read_to_string(fixtures_dir().join("uk_ioat_2019.csv")).expect("UK table"),
    )
    .expect("valid UK table");
    let groups: Vec<String> = uk
        .sectors()
        .iter()
        .map(|s| s.code[..1].to_string())
        .collect();
    let scotland = datasets::scotland_2019_sections();
    let names: HashMap<String, String> = scotland
        .sectors()
        .iter()
        .map(|s| (s.code.clone(), s.name.clone()))
        .collect();
    let uk = aggregate(&uk, &groups, &names).expect("aggregation");
    let codes: Vec<String> = uk.sectors().iter().map(|s| s.code.clone()).collect();
    let mut ne = vec![0.0; codes.len()];
    let mut re = vec![0.0; codes.len()];
    let text = std::fs::read_to_string(fixtures_dir().join("bres_2019_uk_scotland_division.csv"))
        .expect("BRES");
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let Some(section) = sic_section(f[0]) else {
            continue;
        };
        if let Some(k) = codes.iter().position(|c| c.starts_with(section)) {
            ne[k] += f[1].parse::<f64>().expect("number");
            re[k] += f[2].parse::<f64>().expect("number");
        }
    }
    (uk, ne, re)
}

/// Errors of every method (and of the unregionalised UK table) against Scotland.
///
/// # Panics
///
/// When a regionalisation fails (it does not on these inputs; the test says so).
#[must_use]
pub fn errors() -> Vec<MethodError> {
    let (uk, ne, re) = inputs();
    let scotland = datasets::scotland_2019_sections();
    assert_eq!(
        uk.sectors().iter().map(|s| &s.code).collect::<Vec<_>>(),
        scotland
            .sectors()
            .iter()
            .map(|s| &s.code)
            .collect::<Vec<_>>(),
        "the UK and Scottish tables must have the same sections"
    );
    let real = Multipliers::new(&scotland).expect("Scotland").output.type_i;
    let compare = |method: String, table: &RegionalTable| -> MethodError {
        let est = Multipliers::new(table).expect("multipliers").output.type_i;
        let diff: Vec<f64> = est.iter().zip(&real).map(|(e, r)| e - r).collect();
        let n = diff.len() as f64;
        let (worst_k, worst) = diff.iter().enumerate().fold((0, 0.0_f64), |a, (k, d)| {
            if d.abs() > a.1 { (k, d.abs()) } else { a }
        });
        MethodError {
            method,
            bias: diff.iter().sum::<f64>() / n,
            mean_abs: diff.iter().map(|d| d.abs()).sum::<f64>() / n,
            worst_abs: worst,
            worst_section: table.sectors()[worst_k].code.clone(),
        }
    };
    let mut out = vec![compare("UK table, not regionalised".into(), &uk)];
    for (method, deltas) in [
        (LqMethod::Slq, vec![0.0]),
        (LqMethod::Cilq, vec![0.0]),
        (LqMethod::Flq, vec![0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4]),
        (LqMethod::Aflq, vec![0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4]),
    ] {
        for delta in deltas {
            let options = RegionalizeOptions {
                name: "Scotland from UK".into(),
                method,
                delta,
                ..Default::default()
            };
            let region = regionalize(&uk, &ne, &re, &options).expect("regionalisation");
            let label = match method {
                LqMethod::Flq | LqMethod::Aflq => {
                    format!("{} δ={delta}", method.as_str().to_uppercase())
                }
                _ => method.as_str().to_uppercase(),
            };
            out.push(compare(label, &region));
        }
    }
    out
}

/// The Markdown table of [`errors`], as the book prints it.
#[must_use]
pub fn markdown_table() -> String {
    let mut s = String::from(
        "| method | bias | mean absolute error | worst absolute error (section) |\n|---|---|---|---|\n",
    );
    for e in errors() {
        s.push_str(&format!(
            "| {} | {:+.3} | {:.3} | {:.3} ({}) |\n",
            e.method, e.bias, e.mean_abs, e.worst_abs, e.worst_section
        ));
    }
    s
}
