//! Satellite accounts: stressors × sectors (jobs, FTE, greenhouse gases, any user stressor),
//! their multipliers and footprints inside and outside the region.
//!
//! A stressor `s` has a direct amount `F_sj` per sector (and optionally a direct amount of
//! final users, e.g. households burning gas). Its intensity is `S_sj = F_sj / x_j` per unit of
//! output, and its multiplier `M = S·L` (Type I) or `S·L̄` (Type II) is computed, like every
//! multiplier here, by transposed solves with the table's one LU factor (Miller & Blair 2009,
//! §10.2; the `S`/`M`/`F_Y` names follow pymrio). What a pound of final demand causes
//! outside the region comes from an import factor per origin (a stressor amount per unit of
//! money imported, for all products or per product): `q_o·(m_o·L)` with `m_o` the import
//! coefficients of origin `o` ([`Satellite::footprint`]); the region's production- and
//! consumption-based accounts and the identity between them are in [`Satellite::accounts`].

mod accounts;
mod calibrate;
mod combine;
mod effects;
mod gases;
mod matrix;
mod restore;
mod summary;

pub use accounts::{
    Accounts, DIRECT_FINAL_IMPORTS, OriginAmount, StressorAccount, StressorChange, compare,
};
pub use calibrate::{Calibration, calibrate};
pub use effects::{Footprint, StressorInfo, StressorMultipliers};
pub use gases::{Gas, Gwp100, MassUnit};
pub use matrix::StressorMatrix;
pub use summary::{SatelliteSummary, SectorFootprint};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result, check_finite};
use crate::table::{RegionalTable, Sector};

/// One stressor: a direct amount per sector in a stated unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stressor {
    /// Unique name, e.g. `"FTE"` or `"CO2"`.
    pub name: String,
    /// Unit of the amounts, e.g. `"FTE"`, `"kt CO2e"`, `"t"`.
    pub unit: String,
    /// The gas, for greenhouse-gas stressors (what [`Satellite::characterise`] converts).
    #[serde(default)]
    pub gas: Option<Gas>,
    /// Direct amount per sector (or, with [`SatelliteParts::per_unit_of_output`], per unit
    /// of output), in table sector order.
    pub values: Vec<f64>,
    /// Direct amount of final users (households' own emissions: heating, cars), not caused
    /// by any sector's production.
    #[serde(default)]
    pub household: f64,
    /// Whether negative amounts (removals, e.g. forestry sequestration) are allowed.
    #[serde(default)]
    pub removals: bool,
}

impl Stressor {
    /// A table's employment as the stressor `"employment"`, in its unit.
    #[must_use]
    pub fn employment(e: &crate::table::Employment) -> Self {
        Self {
            name: "employment".into(),
            unit: e.unit.clone(),
            gas: None,
            values: e.values.clone(),
            household: 0.0,
            removals: false,
        }
    }
}

/// What one unit of money of imports from an origin carries of a stressor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportFactor {
    /// The import row of the table (e.g. `"RUKImp"`).
    pub origin: String,
    /// The stressor's name.
    pub stressor: String,
    /// One value (every product alike) or one per product in sector order (applied to the
    /// table's imports by product, [`RegionalTable::imports_by_product`]): stressor amount per
    /// unit of money imported, usually the origin's total (Type I) intensity.
    pub values: Vec<f64>,
}

/// Everything a [`Satellite`] is made of, with public fields.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SatelliteParts {
    /// The stressors.
    pub stressors: Vec<Stressor>,
    /// Import factors, at most one per (origin, stressor).
    #[serde(default)]
    pub import_factors: Vec<ImportFactor>,
    /// Whether `values` are intensities per unit of output rather than amounts.
    #[serde(default)]
    pub per_unit_of_output: bool,
    /// Source and licence line.
    #[serde(default)]
    pub source: Option<String>,
    /// The assumptions the numbers rest on, in words (every result repeats them).
    #[serde(default)]
    pub assumptions: Vec<String>,
}

/// Validated stressors of a table's sectors, held as intensities per unit of output (so that
/// they apply unchanged to the same economy after a scenario).
///
/// Read back from its own serialisation (a pickle, a saved file), it is checked again: one
/// finite intensity per stressor and sector, unique stressor names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "restore::SatelliteData")]
pub struct Satellite {
    parts: SatelliteParts,
    sectors: Vec<Sector>,
    /// `S`, row-major `k × n`.
    intensities: Vec<f64>,
}

pub(super) fn field(what: String) -> Location {
    Location::Field(what)
}

impl Satellite {
    /// Validates stressors against a table: one value per sector, finite, non-negative
    /// unless the stressor allows removals, unique names, import factors for import rows of
    /// the table and known stressors with one or `n` values. Amounts become intensities
    /// `S_sj = F_sj / x_j`. `O(k·n)`.
    ///
    /// # Errors
    ///
    /// [`Error::Shape`], [`Error::NonFinite`], [`Error::Negative`] (a negative amount of a
    /// stressor without `removals`), [`Error::InvalidLabel`] (duplicate or empty name, two
    /// factors for one origin and stressor), [`Error::UnknownLabel`] (an import factor for
    /// an origin that is no import row, or for an unknown stressor),
    /// [`Error::Inconsistent`] (an amount in a sector with no output: its intensity is
    /// undefined).
    ///
    /// # Example
    ///
    /// ```
    /// use localecon::satellite::{Satellite, SatelliteParts, Stressor};
    /// let table = localecon::datasets::miller_blair_2sector();
    /// let jobs = Stressor { name: "jobs".into(), unit: "jobs".into(), gas: None,
    ///     values: vec![100.0, 400.0], household: 0.0, removals: false };
    /// let sat = Satellite::new(&table, SatelliteParts { stressors: vec![jobs], ..Default::default() })?;
    /// assert_eq!(sat.intensities(), &[0.1, 0.2]); // per unit of output (x = 1000, 2000)
    /// # Ok::<(), localecon::Error>(())
    /// ```
    pub fn new(table: &RegionalTable, parts: SatelliteParts) -> Result<Self> {
        let n = table.n();
        let x = table.output();
        let mut intensities = Vec::with_capacity(parts.stressors.len() * n);
        for (k, s) in parts.stressors.iter().enumerate() {
            if s.name.trim().is_empty() || parts.stressors[..k].iter().any(|t| t.name == s.name) {
                return Err(Error::InvalidLabel {
                    what: "stressor names".into(),
                    label: s.name.clone(),
                    reason: if s.name.trim().is_empty() {
                        "empty"
                    } else {
                        "duplicate"
                    }
                    .into(),
                });
            }
            if s.values.len() != n {
                return Err(Error::Shape {
                    what: format!("stressor \"{}\" (one value per sector)", s.name),
                    expected: n,
                    found: s.values.len(),
                });
            }
            let place = |j: usize| field(format!("stressor \"{}\", sector {j}", s.name));
            for (j, &v) in s.values.iter().enumerate() {
                check_finite(v, || place(j))?;
                if v < 0.0 && !s.removals {
                    return Err(Error::Negative {
                        location: place(j),
                        value: v,
                    });
                }
                if parts.per_unit_of_output {
                    intensities.push(v);
                } else if x[j] == 0.0 {
                    if v != 0.0 {
                        return Err(Error::Inconsistent {
                            what: format!(
                                "stressor \"{}\" has {v} in sector {j} ({}) whose output is 0: its intensity is undefined",
                                s.name,
                                table.sectors()[j].code
                            ),
                        });
                    }
                    intensities.push(0.0);
                } else {
                    intensities.push(v / x[j]);
                }
            }
            let hh = field(format!("stressor \"{}\", household", s.name));
            check_finite(s.household, || hh.clone())?;
            if s.household < 0.0 && !s.removals {
                return Err(Error::Negative {
                    location: hh,
                    value: s.household,
                });
            }
        }
        check_import_factors(table, &parts)?;
        Ok(Self {
            parts,
            sectors: table.sectors().to_vec(),
            intensities,
        })
    }

    /// The employment of a table as a one-stressor satellite (`"employment"` in the table's
    /// employment unit).
    ///
    /// # Errors
    ///
    /// [`Error::MissingData`] when the table has no employment.
    pub fn employment(table: &RegionalTable) -> Result<Self> {
        let e = table.employment().ok_or_else(|| Error::MissingData {
            what: "employment: the table has none".into(),
        })?;
        let stressor = Stressor::employment(e);
        Self::new(
            table,
            SatelliteParts {
                stressors: vec![stressor],
                ..Default::default()
            },
        )
    }

    /// The parts this satellite was built from.
    #[must_use]
    pub fn parts(&self) -> &SatelliteParts {
        &self.parts
    }

    /// The stressors.
    #[must_use]
    pub fn stressors(&self) -> &[Stressor] {
        &self.parts.stressors
    }

    /// The sectors the stressors belong to.
    #[must_use]
    pub fn sectors(&self) -> &[Sector] {
        &self.sectors
    }

    /// Intensities `S` per unit of output, row-major `k × n`.
    #[must_use]
    pub fn intensities(&self) -> &[f64] {
        &self.intensities
    }

    /// The index of a stressor.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLabel`] when no stressor has this name.
    pub fn stressor_index(&self, name: &str) -> Result<usize> {
        self.parts
            .stressors
            .iter()
            .position(|s| s.name == name)
            .ok_or_else(|| Error::UnknownLabel {
                what: "stressor".into(),
                label: name.into(),
            })
    }

    /// `S` rows in the sector order of `table`, aligned by sector code (the same economy,
    /// e.g. after a scenario, may list its sectors in another order).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLabel`] when a sector of the table has no intensity here, or
    /// [`Error::Shape`] when the sector counts differ.
    pub(crate) fn rows_for(&self, table: &RegionalTable) -> Result<Vec<Vec<f64>>> {
        let n = self.sectors.len();
        if table.n() != n {
            return Err(Error::Shape {
                what: "sectors of the table and of the satellite".into(),
                expected: n,
                found: table.n(),
            });
        }
        let order: Vec<usize> = if table.sectors() == self.sectors.as_slice() {
            (0..n).collect()
        } else {
            let codes: Vec<String> = self.sectors.iter().map(|s| s.code.clone()).collect();
            let found: Vec<String> = table.sectors().iter().map(|s| s.code.clone()).collect();
            crate::table::align_labels("satellite sectors", &codes, &found)?
        };
        Ok(self
            .intensities
            .chunks(n.max(1))
            .take(self.parts.stressors.len())
            .map(|row| order.iter().map(|&j| row[j]).collect())
            .collect())
    }
}

fn check_import_factors(table: &RegionalTable, parts: &SatelliteParts) -> Result<()> {
    let n = table.n();
    for (k, f) in parts.import_factors.iter().enumerate() {
        let row = table
            .primary_inputs()
            .iter()
            .find(|r| r.label == f.origin)
            .ok_or_else(|| Error::UnknownLabel {
                what: "import factor origin (an import row of the table)".into(),
                label: f.origin.clone(),
            })?;
        if !row.kind.is_import() {
            return Err(Error::UnknownLabel {
                what: format!(
                    "import factor origin (\"{}\" is a {} row, not imports)",
                    f.origin, row.kind
                ),
                label: f.origin.clone(),
            });
        }
        let stressor = parts
            .stressors
            .iter()
            .find(|s| s.name == f.stressor)
            .ok_or_else(|| Error::UnknownLabel {
                what: "import factor stressor".into(),
                label: f.stressor.clone(),
            })?;
        if parts.import_factors[..k]
            .iter()
            .any(|g| g.origin == f.origin && g.stressor == f.stressor)
        {
            return Err(Error::InvalidLabel {
                what: "import factors (origin, stressor)".into(),
                label: format!("{} / {}", f.origin, f.stressor),
                reason: "duplicate".into(),
            });
        }
        if f.values.len() != 1 && f.values.len() != n {
            return Err(Error::Shape {
                what: format!(
                    "import factor {} / {} (one value, or one per product)",
                    f.origin, f.stressor
                ),
                expected: n,
                found: f.values.len(),
            });
        }
        for (i, &v) in f.values.iter().enumerate() {
            let place = || {
                field(format!(
                    "import factor {} / {}, product {i}",
                    f.origin, f.stressor
                ))
            };
            check_finite(v, place)?;
            if v < 0.0 && !stressor.removals {
                return Err(Error::Negative {
                    location: place(),
                    value: v,
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
