//! Which location-quotient method to trust: the UK 2019 table regionalised to Scotland by
//! every method, against the real Scottish 2019 table (both at the 20 SIC sections).
//!
//! Scotland is the test a regional economist would choose: it has an official table of its
//! own. The UK table (ONS IOAT 2019, domestic use at basic prices, summed to sections) is
//! regionalised with BRES 2019 employment (UK and Scotland by SIC division, summed to
//! sections), and each method's Type I output multipliers are compared with the Scottish
//! table's (Flegg & Webber 1997; Flegg & Tohmo 2013 did the same for Finland).

use serde::{Deserialize, Serialize};

use super::super::{Sources, number, records};
use crate::error::{Error, Result};
use crate::multipliers::Multipliers;
use crate::regionalize::{LqMethod, RegionalizeOptions, regionalize, sic_section};

const BRES_FILE: &str = "bres_2019_uk_scotland_division.csv";

/// The δ values of FLQ and AFLQ compared.
pub const VALIDATION_DELTAS: [f64; 7] = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4];

/// One method's Type I output multipliers for Scotland and their errors against the real
/// Scottish table's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MethodErrors {
    /// Method and δ as the book prints them, e.g. `"FLQ δ=0.25"`, or
    /// `"UK table, not regionalised"`.
    pub label: String,
    /// The location-quotient method (`None`: the UK table as it is).
    pub method: Option<LqMethod>,
    /// Flegg's δ (FLQ and AFLQ only).
    pub delta: Option<f64>,
    /// Mean of (estimated − real) over the sections.
    pub bias: f64,
    /// Mean absolute error over the sections.
    pub mean_absolute_error: f64,
    /// Largest absolute error.
    pub worst_absolute_error: f64,
    /// The section with the largest error.
    pub worst_section: String,
    /// The estimated Type I output multipliers, one per section.
    pub multipliers: Vec<f64>,
}

/// Every method against the real Scottish table ([`Sources::regionalisation_validation`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionalisationValidation {
    /// The 20 SIC sections, `A` … `T`.
    pub sections: Vec<String>,
    /// The real Scottish Type I output multipliers, one per section.
    pub scotland: Vec<f64>,
    /// UK jobs by section (BRES 2019).
    pub uk_jobs: Vec<f64>,
    /// Scottish jobs by section (BRES 2019).
    pub scotland_jobs: Vec<f64>,
    /// The UK table as it is, then SLQ, CILQ, FLQ and AFLQ at each of [`VALIDATION_DELTAS`].
    pub methods: Vec<MethodErrors>,
}

impl RegionalisationValidation {
    /// The errors of one method by its label (`"SLQ"`, `"FLQ δ=0.3"`, …).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLabel`] when no method has this label.
    pub fn get(&self, label: &str) -> Result<&MethodErrors> {
        self.methods
            .iter()
            .find(|m| m.label == label)
            .ok_or_else(|| Error::UnknownLabel {
                what: "regionalisation method".into(),
                label: label.into(),
            })
    }

    /// The table the book prints (bias, mean and worst absolute error per method).
    #[must_use]
    pub fn markdown(&self) -> String {
        let mut s = String::from(
            "| method | bias | mean absolute error | worst absolute error (section) |\n|---|---|---|---|\n",
        );
        for m in &self.methods {
            s.push_str(&format!(
                "| {} | {:+.3} | {:.3} | {:.3} ({}) |\n",
                m.label, m.bias, m.mean_absolute_error, m.worst_absolute_error, m.worst_section
            ));
        }
        s
    }
}

impl Sources {
    /// BRES 2019 employment of the UK and of Scotland, summed from SIC divisions to the
    /// sections of `codes` (each code starts with its section letter).
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] when the embedded file is malformed.
    pub fn bres_2019_uk_scotland_sections(&self, codes: &[String]) -> Result<(Vec<f64>, Vec<f64>)> {
        let mut uk = vec![0.0; codes.len()];
        let mut scotland = vec![0.0; codes.len()];
        for r in records(&self.bres_2019_uk_scotland_division, BRES_FILE, 3)? {
            let Some(section) = sic_section(&r[0]) else {
                continue;
            };
            if let Some(k) = codes.iter().position(|c| c.starts_with(section)) {
                uk[k] += number(&r[1], BRES_FILE)?;
                scotland[k] += number(&r[2], BRES_FILE)?;
            }
        }
        Ok((uk, scotland))
    }

    /// The UK 2019 table regionalised to Scotland by every method (the table as it is, SLQ,
    /// CILQ, FLQ and AFLQ at δ = 0.1 … 0.4), each method's Type I output multipliers against
    /// the real Scottish table's, both at the 20 SIC sections.
    ///
    /// Cost: 16 regionalisations and factorisations of 20 sectors (well under a millisecond
    /// each).
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] when an embedded file is malformed; the errors of the regionalisation.
    pub fn regionalisation_validation(&self) -> Result<RegionalisationValidation> {
        let uk = self.uk_2019_sections()?;
        let scotland = crate::interchange::read_csv(&self.scotland_2019_sections)?;
        let sections: Vec<String> = uk.sectors().iter().map(|s| s.code.clone()).collect();
        let same: Vec<String> = scotland.sectors().iter().map(|s| s.code.clone()).collect();
        if sections != same {
            return Err(Error::Inconsistent {
                what: format!("the UK sections {sections:?} are not Scotland's {same:?}"),
            });
        }
        let (uk_jobs, scotland_jobs) = self.bres_2019_uk_scotland_sections(&sections)?;
        let real = Multipliers::new(&scotland)?.output.type_i;
        let compare = |label: String,
                       method: Option<LqMethod>,
                       delta: Option<f64>,
                       table: &crate::table::RegionalTable|
         -> Result<MethodErrors> {
            let est = Multipliers::new(table)?.output.type_i;
            let diff: Vec<f64> = est.iter().zip(&real).map(|(e, r)| e - r).collect();
            let n = diff.len() as f64;
            let (worst_k, worst) = diff.iter().enumerate().fold((0, 0.0_f64), |a, (k, d)| {
                if d.abs() > a.1 { (k, d.abs()) } else { a }
            });
            Ok(MethodErrors {
                label,
                method,
                delta,
                bias: diff.iter().sum::<f64>() / n,
                mean_absolute_error: diff.iter().map(|d| d.abs()).sum::<f64>() / n,
                worst_absolute_error: worst,
                worst_section: sections[worst_k].clone(),
                multipliers: est,
            })
        };
        let mut methods = vec![compare(
            "UK table, not regionalised".into(),
            None,
            None,
            &uk,
        )?];
        for (method, deltas) in [
            (LqMethod::Slq, &[0.0][..]),
            (LqMethod::Cilq, &[0.0][..]),
            (LqMethod::Flq, &VALIDATION_DELTAS[..]),
            (LqMethod::Aflq, &VALIDATION_DELTAS[..]),
        ] {
            for &delta in deltas {
                let options = RegionalizeOptions {
                    name: "Scotland from UK".into(),
                    method,
                    delta,
                    ..Default::default()
                };
                let region = regionalize(&uk, &uk_jobs, &scotland_jobs, &options)?;
                let (label, d) = match method {
                    LqMethod::Flq | LqMethod::Aflq => (
                        format!("{} δ={delta}", method.as_str().to_uppercase()),
                        Some(delta),
                    ),
                    _ => (method.as_str().to_uppercase(), None),
                };
                methods.push(compare(label, Some(method), d, &region)?);
            }
        }
        Ok(RegionalisationValidation {
            sections,
            scotland: real,
            uk_jobs,
            scotland_jobs,
            methods,
        })
    }
}
