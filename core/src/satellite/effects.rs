//! Stressor multipliers `M = S·L` (Type I) and `S·L̄` (Type II), and the footprint of a unit
//! of final demand inside the region and by import origin.

use serde::{Deserialize, Serialize};

use super::Satellite;
use crate::error::Result;
use crate::model::ClosedModel;
use crate::multipliers::Effects;
use crate::table::{ImportBasis, RegionalTable, Sector};

/// Rows (`k × n`) by import origin.
pub(crate) type OriginRows = Vec<(String, Vec<Vec<f64>>)>;

/// A stressor's name and unit, as results label their rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StressorInfo {
    /// The stressor's name.
    pub name: String,
    /// The unit of its amounts; intensities and multipliers are per unit of the table's money.
    pub unit: String,
}

/// Multipliers of every stressor: direct intensity, Type I and Type II effects per unit of
/// final demand, and their split (see [`Effects`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StressorMultipliers {
    /// The sectors, in table order.
    pub sectors: Vec<Sector>,
    /// The stressors, in satellite order.
    pub stressors: Vec<StressorInfo>,
    /// The table's money unit (effects are stressor units per unit of it).
    pub money_unit: String,
    /// One [`Effects`] per stressor: `direct = S_s`, `type_i = (S·L)_s`, `type_ii = (S·L̄)_s`.
    pub effects: Vec<Effects>,
    /// Why there is no Type II (a closure that cannot be formed), if so.
    pub type_ii_unavailable: Option<String>,
    /// The assumptions of the satellite.
    pub assumptions: Vec<String>,
}

/// What one unit of final demand for each sector causes of each stressor: inside the region
/// (the Type I multiplier) and, through the imports its supply chain needs, at each origin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footprint {
    /// The sectors, in table order.
    pub sectors: Vec<Sector>,
    /// The stressors, in satellite order.
    pub stressors: Vec<StressorInfo>,
    /// Inside the region, `k × n`: `(S·L)_sj`.
    pub local: Vec<Vec<f64>>,
    /// By import origin, each `k × n`: `(w_o,s·L)_j` with `w_o,s = q_o,s·m_o` per unit of
    /// output (all zero for a stressor without an import factor for that origin).
    pub by_origin: Vec<(String, Vec<Vec<f64>>)>,
    /// How the imports by product were obtained, when a per-product factor used them.
    pub import_basis: Option<ImportBasis>,
    /// The assumptions the numbers rest on.
    pub assumptions: Vec<String>,
}

impl Footprint {
    /// Inside + every origin, `k × n`.
    #[must_use]
    pub fn total(&self) -> Vec<Vec<f64>> {
        let mut t = self.local.clone();
        for (_, rows) in &self.by_origin {
            for (tr, r) in t.iter_mut().zip(rows) {
                for (a, b) in tr.iter_mut().zip(r) {
                    *a += b;
                }
            }
        }
        t
    }

    /// Share of stressor `s`'s footprint of sector `j` caused inside the region (0 for an
    /// empty footprint).
    #[must_use]
    pub fn local_share(&self, s: usize, j: usize) -> f64 {
        let total = self.total()[s][j];
        if total == 0.0 {
            0.0
        } else {
            self.local[s][j] / total
        }
    }
}

impl Satellite {
    /// Stressor multipliers, Type I `S·L` and (where the table closes with households) Type II
    /// `S·L̄`: all `k` stressors in one blocked transposed solve with the table's LU factor,
    /// `O(k·n²)` after the factorisation. Type II counts the stressors of production only
    /// (households' own direct amounts are not per unit of output).
    ///
    /// # Errors
    ///
    /// From the open model ([`crate::Error::NonProductive`], [`crate::Error::Singular`]),
    /// and [`crate::Error::UnknownLabel`] when the table's sectors are not the satellite's.
    ///
    /// # Example
    ///
    /// ```
    /// # use localecon::satellite::Satellite;
    /// let table = localecon::datasets::scotland_2019();
    /// let m = Satellite::employment(&table)?.multipliers(&table)?;
    /// // Agriculture: the Scottish Government's published Type I employment effect, 12.48 FTE per £1m
    /// assert!((m.effects[0].type_i[0] - 12.481377547380141).abs() < 1e-6);
    /// # Ok::<(), localecon::Error>(())
    /// ```
    pub fn multipliers(&self, table: &RegionalTable) -> Result<StressorMultipliers> {
        self.effects(table, true)
    }

    /// [`Satellite::multipliers`] without Type II: no household closure is formed, so the
    /// cost is the factorisation (shared with every other analysis of the table) and one
    /// blocked transposed solve for the `k` stressors, `O(n³ + k·n²)`.
    ///
    /// # Errors
    ///
    /// As [`Satellite::multipliers`].
    pub fn multipliers_type_i(&self, table: &RegionalTable) -> Result<StressorMultipliers> {
        self.effects(table, false)
    }

    fn effects(&self, table: &RegionalTable, type_ii: bool) -> Result<StressorMultipliers> {
        let rows = self.rows_for(table)?;
        let model = table.shared_leontief()?;
        let (closed, why) = if type_ii {
            ClosedModel::optional(table, model.clone())?
        } else {
            (None, Some("Type I only was asked for".to_string()))
        };
        let type_i = model.solve_transpose_rows(&rows);
        let effects = rows
            .into_iter()
            .zip(type_i)
            .map(|(direct, type_i)| Effects {
                type_ii: closed.as_ref().map(|c| c.lift_transposed(&type_i, 0.0).0),
                direct,
                type_i,
            })
            .collect();
        Ok(StressorMultipliers {
            sectors: table.sectors().to_vec(),
            stressors: self.infos(),
            money_unit: table.unit().to_string(),
            effects,
            type_ii_unavailable: why,
            assumptions: self.parts.assumptions.clone(),
        })
    }

    pub(crate) fn infos(&self) -> Vec<StressorInfo> {
        self.parts
            .stressors
            .iter()
            .map(|s| StressorInfo {
                name: s.name.clone(),
                unit: s.unit.clone(),
            })
            .collect()
    }

    /// The import rows `w_o,s` per unit of output, by origin (in table order of the import
    /// rows) and stressor: `q·c_o` for a single factor, `Σ_i q_i·B_o[i][j]/x_j` for a factor
    /// per product (`B_o` the imports by product of origin `o`). `O(k·o·n²)` for per-product
    /// factors, `O(k·o·n)` otherwise.
    pub(crate) fn import_rows(&self, table: &RegionalTable) -> (OriginRows, Option<ImportBasis>) {
        let n = table.n();
        let x = table.output();
        let per_output = |v: f64, j: usize| if x[j] == 0.0 { 0.0 } else { v / x[j] };
        let needs_products = self.parts.import_factors.iter().any(|f| f.values.len() > 1);
        let by_product = needs_products.then(|| table.imports_by_product());
        let mut out = Vec::new();
        for row in table.primary_inputs().iter().filter(|r| r.kind.is_import()) {
            let rows = self
                .parts
                .stressors
                .iter()
                .map(|s| {
                    let Some(f) = self
                        .parts
                        .import_factors
                        .iter()
                        .find(|f| f.origin == row.label && f.stressor == s.name)
                    else {
                        return vec![0.0; n];
                    };
                    if f.values.len() == 1 {
                        return (0..n)
                            .map(|j| f.values[0] * per_output(row.values[j], j))
                            .collect();
                    }
                    let block = by_product
                        .as_ref()
                        .and_then(|iu| iu.blocks.iter().find(|b| b.origin == row.label))
                        .map(|b| b.values.as_slice());
                    (0..n)
                        .map(|j| {
                            let embodied: f64 = block
                                .map_or(0.0, |b| (0..n).map(|i| f.values[i] * b[i * n + j]).sum());
                            per_output(embodied, j)
                        })
                        .collect()
                })
                .collect();
            out.push((row.label.clone(), rows));
        }
        (out, by_product.map(|iu| iu.basis))
    }

    /// Where a final demand `y` causes each stressor: `S_si·(L·y)_i`, `k × n`, by the sector
    /// `i` that emits (pymrio's `D_cba` by sector of origin). One solve, `O(n² + k·n)`.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Shape`]/[`crate::Error::NonFinite`] for a bad `y`; as
    /// [`Satellite::multipliers`] otherwise.
    pub fn caused_by(&self, table: &RegionalTable, final_demand: &[f64]) -> Result<Vec<Vec<f64>>> {
        let rows = self.rows_for(table)?;
        let x = table.shared_leontief()?.solve(final_demand)?;
        Ok(rows
            .into_iter()
            .map(|s| s.iter().zip(&x).map(|(s, x)| s * x).collect())
            .collect())
    }

    /// What one unit of final demand for each sector causes inside the region and at each
    /// import origin: `(S·L)_sj` and `(w_o,s·L)_sj` (see [`Footprint`]), all in one blocked
    /// transposed solve, `O((1 + o)·k·n²)` after the factorisation.
    ///
    /// # Errors
    ///
    /// As [`Satellite::multipliers`].
    pub fn footprint(&self, table: &RegionalTable) -> Result<Footprint> {
        let k = self.parts.stressors.len();
        let mut rows = self.rows_for(table)?;
        let (imports, basis) = self.import_rows(table);
        for (_, r) in &imports {
            rows.extend(r.iter().cloned());
        }
        let mut solved = table
            .shared_leontief()?
            .solve_transpose_rows(&rows)
            .into_iter();
        let local: Vec<Vec<f64>> = solved.by_ref().take(k).collect();
        let by_origin = imports
            .into_iter()
            .map(|(origin, _)| (origin, solved.by_ref().take(k).collect()))
            .collect();
        let mut assumptions = self.parts.assumptions.clone();
        if let Some(b) = basis {
            assumptions.push(b.assumption().to_string());
        }
        for s in &self.parts.stressors {
            let missing: Vec<&str> = table
                .primary_inputs()
                .iter()
                .filter(|r| r.kind.is_import())
                .filter(|r| {
                    !self
                        .parts
                        .import_factors
                        .iter()
                        .any(|f| f.origin == r.label && f.stressor == s.name)
                })
                .map(|r| r.label.as_str())
                .collect();
            if !missing.is_empty() {
                assumptions.push(format!(
                    "{}: no import factor for {}: what imports from there carry is not counted",
                    s.name,
                    missing.join(", ")
                ));
            }
        }
        Ok(Footprint {
            sectors: table.sectors().to_vec(),
            stressors: self.infos(),
            local,
            by_origin,
            import_basis: basis,
            assumptions,
        })
    }
}
