//! Regionalisation and balancing: a credible regional table for any place from a national
//! table and local employment (location quotients), concordances between classifications,
//! aggregation, and RAS balancing.

mod concordance;
mod imports;
mod quotients;
mod ras;

pub use concordance::{Concordance, ConcordanceLink, aggregate, sic_section};
pub use imports::{ProductImports, import_use_from_products};
pub use quotients::{
    EmploymentPair, LqMethod, flegg_lambda, quotient_matrix, regional_coefficients, resident_share,
};
pub use ras::{RasOptions, RasResult, ras};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::technical_coefficients;
use crate::table::{
    Employment, FinalDemandColumn, FinalDemandKind, ImportBasis, ImportUse, ImportUseBlock,
    PrimaryInputKind, PrimaryInputRow, RegionalTable, Share, TableParts,
};

/// The default δ of FLQ and AFLQ: 0.3 (Flegg & Webber 1997; Flegg & Tohmo 2013 find values
/// between 0.1 and 0.4 for most regions — see the validation page of the book).
pub const DEFAULT_DELTA: f64 = 0.3;

/// How to regionalise a national table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RegionalizeOptions {
    /// Name of the region, e.g. `"Glasgow City 2019"`.
    pub name: String,
    /// Location-quotient method.
    pub method: LqMethod,
    /// δ of FLQ and AFLQ.
    pub delta: f64,
    /// Resident share of compensation (from commuting data); `None` keeps the national
    /// table's retention.
    pub resident_compensation_share: Option<Share>,
    /// Locally owned share of operating surplus; `None` keeps the national table's.
    pub local_surplus_share: Option<Share>,
    /// Unit of the employment figures, stored in the regional table.
    pub employment_unit: String,
}

impl Default for RegionalizeOptions {
    fn default() -> Self {
        Self {
            name: "region".into(),
            method: LqMethod::Flq,
            delta: DEFAULT_DELTA,
            resident_compensation_share: None,
            local_surplus_share: None,
            employment_unit: "jobs".into(),
        }
    }
}

/// A regional table from a national one and employment by sector (Miller & Blair 2009,
/// §8.2–8.3; Flegg & Webber 1997).
///
/// With `s = TRE/TNE` and the quotient matrix `Q` of the chosen method:
///
/// 1. regional output `x^R_j = x^N_j · RE_j / NE_j` (national output per job; a sector
///    without national employment is scaled by `s`);
/// 2. local flows `Z^R_ij = a^N_ij · min(Q_ij, 1) · x^R_j`; what the quotient removes,
///    `Σ_i (a^N_ij − a^R_ij)·x^R_j`, becomes a new import row from the rest of the nation,
///    so every column still adds up to its output;
/// 3. the other primary inputs keep their national coefficients `P^N_kj / x^N_j`;
/// 4. local final demand (households, government, investment, other) is the national column
///    times `s`, times the own-sector supply share `min(Q_ii, 1)`; exports to the rest of
///    the country or world and visitors' spending are the national column times
///    `RE_i / NE_i`;
/// 5. a new column, exports to the rest of the nation, balances each row; where a row's
///    local sales already exceed its output, its final demand (and if need be its
///    intermediate sales, which then become the buyers' imports) is scaled down so the row
///    balances.
///
/// A sector without national employment has no location quotient: it is taken as average
/// (`SLQ = 1`, output `x^N_j · s`), and the regional table's source line says so under
/// `ASSUMPTION:` naming the sectors.
///
/// Household income for the Type II closure is scaled by `s`; retention comes from the
/// options or the national table. Imports by product and buyer are carried
/// ([`ImportBasis::Regionalised`]): the imports from the rest of the nation by product are
/// exactly what steps 2 and 5 removed from each `Z^R_ij`; the national import rows keep the
/// national table's [imports by product](RegionalTable::imports_by_product) per unit of output.
///
/// # Errors
///
/// The errors of [`EmploymentPair::new`] (mismatched sectors, negative values, regional
/// employment above national, zero totals), of [`quotient_matrix`] (δ out of range) and of
/// [`RegionalTable::new`].
///
/// # Example
///
/// ```
/// use localecon::regionalize::{LqMethod, RegionalizeOptions, regionalize};
/// let scotland = localecon::datasets::scotland_2019_sections();
/// // a region with 10 % of every sector's jobs, but twice that share in sector C
/// let national: Vec<f64> = (0..20).map(|i| 1000.0 + 100.0 * i as f64).collect();
/// let mut regional: Vec<f64> = national.iter().map(|e| 0.1 * e).collect();
/// regional[2] *= 2.0;
/// let options = RegionalizeOptions { name: "Somewhere".into(), method: LqMethod::Flq, ..Default::default() };
/// let region = regionalize(&scotland, &national, &regional, &options)?;
/// assert_eq!(region.n(), 20);
/// let m_region = localecon::Multipliers::new(&region)?;
/// let m_nation = localecon::Multipliers::new(&scotland)?;
/// assert!(m_region.output.type_i[0] < m_nation.output.type_i[0]); // smaller region, more leakage
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn regionalize(
    national: &RegionalTable,
    national_employment: &[f64],
    regional_employment: &[f64],
    options: &RegionalizeOptions,
) -> Result<RegionalTable> {
    let n = national.n();
    let codes: Vec<String> = national.sectors().iter().map(|s| s.code.clone()).collect();
    let emp = EmploymentPair::new(
        regional_employment.to_vec(),
        national_employment.to_vec(),
        &codes,
    )?;
    let q = quotient_matrix(&emp, options.method, options.delta)?;
    let s = emp.regional_share();
    let xn = national.output();
    let a_n = technical_coefficients(n, national.z(), xn);
    let a_r = regional_coefficients(&a_n, &q);
    let xr: Vec<f64> = (0..n)
        .map(|j| {
            if emp.national[j] == 0.0 {
                xn[j] * s
            } else {
                xn[j] * emp.regional[j] / emp.national[j]
            }
        })
        .collect();
    let output_share: Vec<f64> = (0..n)
        .map(|j| {
            if emp.national[j] == 0.0 {
                s
            } else {
                emp.regional[j] / emp.national[j]
            }
        })
        .collect();
    let mut z = vec![0.0; n * n];
    let mut imported = vec![0.0; n];
    // what buyer j imports of product i from the rest of the nation: exact by construction
    let mut rest_of_nation = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            z[i * n + j] = a_r[i * n + j] * xr[j];
            let removed = (a_n[i * n + j] - a_r[i * n + j]) * xr[j];
            rest_of_nation[i * n + j] = removed;
            imported[j] += removed;
        }
    }
    let mut primary: Vec<PrimaryInputRow> = national
        .primary_inputs()
        .iter()
        .map(|r| PrimaryInputRow {
            label: r.label.clone(),
            kind: r.kind,
            values: (0..n)
                .map(|j| {
                    if xn[j] == 0.0 {
                        0.0
                    } else {
                        r.values[j] / xn[j] * xr[j]
                    }
                })
                .collect(),
        })
        .collect();
    let mut final_demand: Vec<FinalDemandColumn> = national
        .final_demand()
        .iter()
        .map(|c| FinalDemandColumn {
            label: c.label.clone(),
            kind: c.kind,
            values: (0..n)
                .map(|i| {
                    if c.kind.is_export() {
                        c.values[i] * output_share[i]
                    } else {
                        c.values[i] * s * q[i * n + i].min(1.0)
                    }
                })
                .collect(),
        })
        .collect();
    // balance each row with exports to the rest of the nation
    let mut exports = vec![0.0; n];
    for i in 0..n {
        let mut sold: f64 = (0..n).map(|j| z[i * n + j]).sum();
        if sold > xr[i] {
            let f = if sold > 0.0 { xr[i] / sold } else { 0.0 };
            for j in 0..n {
                let moved = z[i * n + j] * (1.0 - f);
                z[i * n + j] -= moved;
                imported[j] += moved;
                rest_of_nation[i * n + j] += moved;
            }
            sold = xr[i];
        }
        let available = xr[i] - sold;
        let positive: f64 = final_demand.iter().map(|c| c.values[i].max(0.0)).sum();
        let negative: f64 = final_demand.iter().map(|c| c.values[i].min(0.0)).sum();
        if positive + negative > available {
            let f = if positive > 0.0 {
                ((available - negative) / positive).max(0.0)
            } else {
                0.0
            };
            for c in &mut final_demand {
                if c.values[i] > 0.0 {
                    c.values[i] *= f;
                }
            }
        }
        let used: f64 = final_demand.iter().map(|c| c.values[i]).sum();
        exports[i] = (available - used).max(0.0);
    }
    let nation = national.name();
    final_demand.push(FinalDemandColumn {
        label: unique_label(
            final_demand.iter().map(|c| c.label.as_str()),
            "EXPORTS_REST_OF_NATION",
        ),
        kind: FinalDemandKind::ExportsRestOfCountry,
        values: exports,
    });
    let rest_label = unique_label(
        primary.iter().map(|r| r.label.as_str()),
        "IMPORTS_REST_OF_NATION",
    );
    let mut blocks: Vec<ImportUseBlock> = national
        .imports_by_product()
        .blocks
        .iter()
        .map(|b| ImportUseBlock {
            origin: b.origin.clone(),
            values: (0..n * n)
                .map(|k| {
                    let j = k % n;
                    if xn[j] == 0.0 {
                        0.0
                    } else {
                        b.values[k] / xn[j] * xr[j]
                    }
                })
                .collect(),
        })
        .collect();
    blocks.insert(
        0,
        ImportUseBlock {
            origin: rest_label.clone(),
            values: rest_of_nation,
        },
    );
    primary.insert(
        0,
        PrimaryInputRow {
            label: rest_label,
            kind: PrimaryInputKind::ImportsRestOfCountry,
            values: imported,
        },
    );
    let mut parts = TableParts::new(options.name.clone(), national.sectors().to_vec(), z);
    parts.unit = national.unit().to_string();
    let unknown: Vec<&str> = codes
        .iter()
        .zip(&emp.national)
        .filter(|(_, ne)| **ne == 0.0)
        .map(|(c, _)| c.as_str())
        .collect();
    let assumption = if unknown.is_empty() {
        String::new()
    } else {
        format!(
            "; ASSUMPTION: no national employment in {}: location quotient taken as 1 and output as the regional share {s:.4} of national output (the employment data say nothing about these sectors)",
            unknown.join(", ")
        )
    };
    parts.source = Some(format!(
        "Regionalised from {nation} by {} (δ = {}) with regional employment{assumption}; {}",
        options.method.as_str().to_uppercase(),
        options.delta,
        national.source().unwrap_or("national table")
    ));
    parts.final_demand = final_demand;
    parts.primary_inputs = primary;
    parts.output = Some(xr);
    parts.employment = Some(Employment {
        unit: options.employment_unit.clone(),
        values: emp.regional.clone(),
    });
    parts.import_use = Some(ImportUse {
        basis: ImportBasis::Regionalised,
        blocks,
    });
    parts.retention = national.retention().clone();
    if let Some(c) = &options.resident_compensation_share {
        parts.retention.compensation = c.clone();
    }
    if let Some(o) = &options.local_surplus_share {
        parts.retention.operating_surplus = o.clone();
    }
    parts.household_closure = national.household_closure().clone();
    parts.household_closure.household_income =
        national.household_closure().household_income.map(|h| h * s);
    parts.balance_tolerance = national.parts().balance_tolerance.max(1e-9);
    RegionalTable::new(parts).map_err(|e| match e {
        Error::Unbalanced { .. } => Error::Inconsistent {
            what: format!("the regionalised table does not balance ({e})"),
        },
        other => other,
    })
}

fn unique_label<'a>(existing: impl Iterator<Item = &'a str> + Clone, base: &str) -> String {
    let mut label = base.to_string();
    let mut k = 2;
    while existing.clone().any(|l| l == label) {
        label = format!("{base}_{k}");
        k += 1;
    }
    label
}
