//! Australia's LGA tables against another implementation: the regional tables of the R
//! package eiat (`lq_basic`, 2021-22) for its five sample LGAs, read into localecon and
//! compared with localecon's own LGA tables built from the same ABS and census data.

use std::fmt::Write as _;

use localecon::datasets::{self, Sources};
use localecon::regionalize::{LqMethod, regionalize};
use localecon::table::{
    FinalDemandColumn, FinalDemandKind, PrimaryInputKind, PrimaryInputRow, RegionalTable, Sector,
    TableParts,
};
use localecon::{Multipliers, Result};

use crate::fixtures_dir;

/// The five LGAs eiat ships regional tables for.
pub const SAMPLE_LGAS: [&str; 5] = [
    "Adelaide",
    "Albury",
    "Alice Springs",
    "Broken Hill",
    "Hobart",
];

const FINAL_DEMAND: [(&str, FinalDemandKind); 5] = [
    (
        "Households Final Consumption Expenditure",
        FinalDemandKind::Households,
    ),
    (
        "General Government Final Consumption Expenditure",
        FinalDemandKind::OtherGovernment,
    ),
    ("Gross Fixed Capital Formation", FinalDemandKind::Investment),
    ("Changes in Inventories", FinalDemandKind::Investment),
    (
        "Exports of Goods and Services",
        FinalDemandKind::ExportsRestOfWorld,
    ),
];
const PRIMARY: [(&str, PrimaryInputKind); 4] = [
    ("Imports", PrimaryInputKind::Imports),
    (
        "Taxes less subsidies on products and production",
        PrimaryInputKind::TaxesOnProducts,
    ),
    ("Compensation of employees", PrimaryInputKind::Compensation),
    (
        "Gross operating surplus mixed income",
        PrimaryInputKind::OperatingSurplus,
    ),
];

/// eiat's regional table of one sample LGA (`lq_basic`), as a localecon table.
///
/// # Panics
///
/// When the fixture is missing or malformed (it is part of the repository).
#[must_use]
pub fn eiat_table(lga: &str) -> RegionalTable {
    let text = std::fs::read_to_string(fixtures_dir().join("eiat_lq_basic_sample_lgas.csv"))
        .expect("eiat fixture");
    let mut reader = csv_rows(&text);
    let header = reader.remove(0);
    let rows: Vec<&Vec<String>> = reader.iter().filter(|r| r[0] == lga).collect();
    let divisions: Vec<String> = header[2..21].to_vec();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let row = |name: &str| *rows.iter().find(|r| r[1] == name).expect(name);
    let value = |r: &Vec<String>, c: usize| -> f64 { r[c].parse().expect("number") };
    let sectors: Vec<Sector> = divisions
        .iter()
        .enumerate()
        .map(|(k, d)| Sector {
            code: char::from(b'A' + u8::try_from(k).expect("19 divisions")).to_string(),
            name: d.clone(),
        })
        .collect();
    let z: Vec<f64> = divisions
        .iter()
        .flat_map(|d| (2..21).map(move |c| (d, c)))
        .map(|(d, c)| value(row(d), c))
        .collect();
    let mut parts = TableParts::new(format!("{lga} (eiat lq_basic)"), sectors, z);
    parts.unit = "AUD million".into();
    parts.final_demand = FINAL_DEMAND
        .iter()
        .map(|(label, kind)| FinalDemandColumn {
            label: (*label).into(),
            kind: *kind,
            values: divisions
                .iter()
                .map(|d| value(row(d), col(label)))
                .collect(),
        })
        .collect();
    parts.primary_inputs = PRIMARY
        .iter()
        .map(|(label, kind)| PrimaryInputRow {
            label: (*label).into(),
            kind: *kind,
            values: (2..21).map(|c| value(row(label), c)).collect(),
        })
        .collect();
    parts.output = Some(
        (2..21)
            .map(|c| value(row("Australian Production"), c))
            .collect(),
    );
    parts.balance_tolerance = 1e-6;
    RegionalTable::new(parts).expect("eiat's table balances")
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        for ch in line.chars() {
            match ch {
                '"' => quoted = !quoted,
                ',' if !quoted => fields.push(std::mem::take(&mut field)),
                c => field.push(c),
            }
        }
        fields.push(field);
        out.push(fields);
    }
    out
}

/// One LGA: eiat's table against localecon's.
#[derive(Debug, Clone, PartialEq)]
pub struct EiatComparison {
    /// LGA name.
    pub lga: String,
    /// Total output, eiat.
    pub eiat_output: f64,
    /// Total output, localecon (every method: national output per job).
    pub output: f64,
    /// Local intermediate purchases per unit of output, eiat.
    pub eiat_local_share: f64,
    /// The same, localecon by SLQ from the national table.
    pub slq_local_share: f64,
    /// The same, localecon by FLQ (δ = 0.3), the default.
    pub flq_local_share: f64,
    /// Mean Type I output multiplier over the 19 divisions, eiat.
    pub eiat_multiplier: f64,
    /// The same, localecon by SLQ.
    pub slq_multiplier: f64,
    /// The same, localecon by FLQ (δ = 0.3).
    pub flq_multiplier: f64,
}

fn local_share(t: &RegionalTable) -> f64 {
    t.z().iter().sum::<f64>() / t.output().iter().sum::<f64>()
}

fn mean_multiplier(t: &RegionalTable) -> Result<f64> {
    let m = Multipliers::new(t)?;
    Ok(m.output.type_i.iter().sum::<f64>() / m.output.type_i.len() as f64)
}

/// The comparison for the five sample LGAs.
///
/// # Errors
///
/// The errors of building and regionalising the tables.
pub fn comparison() -> Result<Vec<EiatComparison>> {
    let sources = Sources::embedded();
    let national = sources.australia_2021()?;
    let employment = sources.australia_2021_employment()?;
    SAMPLE_LGAS
        .iter()
        .map(|lga| {
            let e = eiat_table(lga);
            let l = sources.australia_lga(lga)?;
            let flq = sources.australia_lga_2021(lga)?;
            let mut options = datasets::lga_options(&l);
            options.method = LqMethod::Slq;
            let slq = regionalize(&national, &employment, &l.work, &options)?;
            Ok(EiatComparison {
                lga: (*lga).to_string(),
                eiat_output: e.output().iter().sum(),
                output: flq.output().iter().sum(),
                eiat_local_share: local_share(&e),
                slq_local_share: local_share(&slq),
                flq_local_share: local_share(&flq),
                eiat_multiplier: mean_multiplier(&e)?,
                slq_multiplier: mean_multiplier(&slq)?,
                flq_multiplier: mean_multiplier(&flq)?,
            })
        })
        .collect()
}

/// The comparison as the book prints it.
///
/// # Errors
///
/// The errors of [`comparison`].
pub fn markdown_table() -> Result<String> {
    let mut out = String::from(
        "| LGA | output AUD m, eiat | output, localecon | local inputs per $ of output: eiat | localecon SLQ | localecon FLQ δ=0.3 | mean Type I output multiplier: eiat | localecon SLQ | localecon FLQ δ=0.3 |\n|---|---|---|---|---|---|---|---|---|\n",
    );
    for c in comparison()? {
        let _ = writeln!(
            out,
            "| {} | {:.0} | {:.0} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
            c.lga,
            c.eiat_output,
            c.output,
            c.eiat_local_share,
            c.slq_local_share,
            c.flq_local_share,
            c.eiat_multiplier,
            c.slq_multiplier,
            c.flq_multiplier
        );
    }
    Ok(out)
}
