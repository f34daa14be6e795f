//! Production- and consumption-based accounts of a region, and how a scenario changes them.
//!
//! With `y_d` the region's own final demand (every column but exports) and `y_e` its exports
//! (to the rest of the country, the rest of the world and visitors), `x_d = L·y_d` and
//! `x_e = L·y_e` (two solves):
//!
//! - production-based: `PBA = S·x + F_hh` (what is emitted in the region, households' own
//!   included: pymrio's `D_pba_reg`);
//! - embodied in exports: `EEE = S·x_e`;
//! - embodied in imports, by origin: `EEI_o = w_o·x_d` (what the region's own final demand
//!   causes at origin `o`);
//! - consumption-based: `CBA = S·x_d + Σ_o EEI_o + F_hh` (pymrio's `D_cba_reg`).
//!
//! Then `CBA − PBA = Σ_o EEI_o − EEE + S·(x_d + x_e − x)`: the last term, the identity gap,
//! is zero on a table whose rows balance (`L·y = x`) and is reported. What the imports used
//! to make exports carry (`w_o·x_e`) belongs to the buyers of the exports, as in a
//! multi-regional model; it is reported apart.

use serde::{Deserialize, Serialize};

use super::Satellite;
use crate::error::{Error, Result};
use crate::table::RegionalTable;

/// What the consumption-based account leaves out, stated in every [`Accounts`].
pub const DIRECT_FINAL_IMPORTS: &str = "the consumption-based account counts what the region's own final demand buys from local producers and the imports of their supply chains; imports bought directly by final users (a domestic table has none) are not counted";

/// An amount at one import origin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OriginAmount {
    /// The import row, e.g. `"RUKImp"`.
    pub origin: String,
    /// The amount, in the stressor's unit.
    pub amount: f64,
}

/// The accounts of one stressor (all in its unit, per the table's period).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StressorAccount {
    /// The stressor's name.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// Production-based: industries' `S·x` plus households' own amount.
    pub production: f64,
    /// Industries' part of the production-based account, `S·x`.
    pub industries: f64,
    /// Households' (final users') own direct amount.
    pub households: f64,
    /// Consumption-based: `S·x_d + Σ_o EEI_o + F_hh`.
    pub consumption: f64,
    /// Caused in the region by its own final demand, `S·x_d`.
    pub local_for_local: f64,
    /// Embodied in exports, `S·x_e`.
    pub embodied_in_exports: f64,
    /// Embodied in imports for the region's own final demand, by origin.
    pub embodied_in_imports: Vec<OriginAmount>,
    /// Embodied in the imports that went into exports (attributed to the export buyers).
    pub imports_for_exports: Vec<OriginAmount>,
    /// `(CBA − PBA) − (Σ EEI − EEE) = S·(L·y − x)`: zero on a row-balanced table.
    pub identity_gap: f64,
}

/// The production- and consumption-based accounts of a region, one per stressor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Accounts {
    /// The region (table name).
    pub region: String,
    /// One account per stressor.
    pub stressors: Vec<StressorAccount>,
    /// The assumptions the numbers rest on.
    pub assumptions: Vec<String>,
}

impl Accounts {
    /// The account of a stressor.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLabel`] when no stressor has this name.
    pub fn get(&self, name: &str) -> Result<&StressorAccount> {
        self.stressors
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| Error::UnknownLabel {
                what: "stressor".into(),
                label: name.into(),
            })
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

impl Satellite {
    /// The region's production- and consumption-based accounts (see the module page for the
    /// formulas). Two solves with the table's LU factor and `O(k·o·n)` dot products after
    /// the import rows ([`Satellite::footprint`]'s cost without its solves).
    ///
    /// # Errors
    ///
    /// From the open model, and [`Error::UnknownLabel`] when the table's sectors are not the
    /// satellite's.
    pub fn accounts(&self, table: &RegionalTable) -> Result<Accounts> {
        let n = table.n();
        let rows = self.rows_for(table)?;
        let (imports, basis) = self.import_rows(table);
        let mut yd = vec![0.0; n];
        let mut ye = vec![0.0; n];
        for c in table.final_demand() {
            let y = if c.kind.is_export() { &mut ye } else { &mut yd };
            for (a, v) in y.iter_mut().zip(&c.values) {
                *a += v;
            }
        }
        let mut both = Vec::with_capacity(2 * n);
        for i in 0..n {
            both.push(yd[i]);
            both.push(ye[i]);
        }
        let solved = table.shared_leontief()?.solve_many(&both, 2)?;
        let xd: Vec<f64> = solved.iter().step_by(2).copied().collect();
        let xe: Vec<f64> = solved.iter().skip(1).step_by(2).copied().collect();
        let x = table.output();
        let stressors = self
            .parts
            .stressors
            .iter()
            .enumerate()
            .map(|(s, st)| {
                let industries = dot(&rows[s], x);
                let local_for_local = dot(&rows[s], &xd);
                let embodied_in_exports = dot(&rows[s], &xe);
                let per_origin = |x: &[f64]| -> Vec<OriginAmount> {
                    imports
                        .iter()
                        .map(|(origin, r)| OriginAmount {
                            origin: origin.clone(),
                            amount: dot(&r[s], x),
                        })
                        .collect()
                };
                let embodied_in_imports = per_origin(&xd);
                let eei: f64 = embodied_in_imports.iter().map(|o| o.amount).sum();
                let production = industries + st.household;
                let consumption = local_for_local + eei + st.household;
                StressorAccount {
                    name: st.name.clone(),
                    unit: st.unit.clone(),
                    production,
                    industries,
                    households: st.household,
                    consumption,
                    local_for_local,
                    embodied_in_exports,
                    imports_for_exports: per_origin(&xe),
                    identity_gap: (consumption - production) - (eei - embodied_in_exports),
                    embodied_in_imports,
                }
            })
            .collect();
        let mut assumptions = self.parts.assumptions.clone();
        if let Some(b) = basis {
            assumptions.push(b.assumption().to_string());
        }
        assumptions.push(DIRECT_FINAL_IMPORTS.to_string());
        Ok(Accounts {
            region: table.name().to_string(),
            stressors,
            assumptions,
        })
    }
}

/// How one stressor's accounts change from one table to another (e.g. before and after a
/// scenario), intensities held fixed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StressorChange {
    /// The stressor's name.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// Production-based, after − before.
    pub production: f64,
    /// Consumption-based, after − before.
    pub consumption: f64,
    /// Embodied in imports for the region's own final demand (all origins), after − before.
    pub embodied_in_imports: f64,
    /// Embodied in exports, after − before.
    pub embodied_in_exports: f64,
}

/// The change of every stressor's accounts between two tables of the same economy (sectors
/// aligned by code), with the satellite's intensities and import factors held fixed: what a
/// scenario does to the jobs and the emissions in the region and through its imports.
///
/// # Errors
///
/// As [`Satellite::accounts`].
pub fn compare(
    satellite: &Satellite,
    before: &RegionalTable,
    after: &RegionalTable,
) -> Result<(Accounts, Accounts, Vec<StressorChange>)> {
    let b = satellite.accounts(before)?;
    let a = satellite.accounts(after)?;
    let total = |v: &[OriginAmount]| v.iter().map(|o| o.amount).sum::<f64>();
    let changes = b
        .stressors
        .iter()
        .zip(&a.stressors)
        .map(|(b, a)| StressorChange {
            name: b.name.clone(),
            unit: b.unit.clone(),
            production: a.production - b.production,
            consumption: a.consumption - b.consumption,
            embodied_in_imports: total(&a.embodied_in_imports) - total(&b.embodied_in_imports),
            embodied_in_exports: a.embodied_in_exports - b.embodied_in_exports,
        })
        .collect();
    Ok((b, a, changes))
}
