//! Interregional input–output: `R` regions, each with its own sectors, trading with one
//! another — the region inside its country.
//!
//! An [`InterregionalTable`] holds one `N × N` matrix `Z` of intermediate flows (`N` = the
//! sum of the regions' sector counts; rows and columns in region order, each region's
//! sectors contiguous), so that the diagonal block `Z_rr` is region `r`'s own trade and an
//! off-diagonal block `Z_sr` is what region `r`'s sectors buy from region `s` (Isard's
//! interregional model; Miller & Blair 2009, ch. 3). Final demand columns name the region
//! that buys (or none: beyond the system, e.g. exports to the rest of the world); primary
//! input rows are what each sector pays beyond the system's intermediate flows (imports from
//! the rest of the world, taxes, wages, profits).
//!
//! The analyses live on [`InterregionalModel`]: total, intraregional and spill-over
//! multipliers, Miller's interregional feedback, the Round decomposition, Miyazawa's
//! internal and external multipliers, fio's spill-over measures, regional hypothetical
//! extraction, and the indicator of ours that the literature lacks: how much of each pound
//! leaked to the other regions comes back as orders for the region's own firms.
//! [`InterregionalTable::region_table`] gives any region as a single-region
//! [`RegionalTable`] (purchases from the other regions as imports from the rest of the
//! country), so that every single-region analysis — leakage by channel, Type II, the
//! report — applies to it.

mod document;
mod households;
mod model;
mod sweeps;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

pub use document::{
    INTERREGIONAL_FORMAT, INTERREGIONAL_VERSION, RegionSpec, SectorSpec, read_json,
    read_json_bytes, write_json,
};
pub use households::{Commuting, TypeIi};
pub use model::{
    Decomposition, Extraction, Interdependence, InterregionalImpact, InterregionalModel,
    LeakDestinations, Miyazawa, ROUND_MATRICES_MAX_N, RegionReturn, RoundMatrices,
    SPILLOVER_MATRIX_MAX_N, Stressor, StressorAccounts,
};
pub use sweeps::ITERATIVE_MIN_N;

use crate::error::{Error, Location, Result};
use crate::sector::Sector;
use crate::table::{
    DEFAULT_BALANCE_TOLERANCE, FinalDemandColumn, FinalDemandKind, PrimaryInputKind,
    PrimaryInputRow, RegionalTable, TableParts,
};

/// One region of an interregional system: its name and its sectors, in table order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Region {
    /// Unique name, e.g. `"glasgow-city"`.
    pub name: String,
    /// The region's sectors (codes unique within the region; regions may differ).
    pub sectors: Vec<Sector>,
}

/// A final-demand column of an interregional system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterregionalFinalDemand {
    /// Label, unique within the system, e.g. `"households r"`.
    pub label: String,
    /// The region whose final users buy (`None`: beyond the system, e.g. the rest of the
    /// world).
    #[serde(default)]
    pub region: Option<String>,
    /// What kind of final user this is.
    pub kind: FinalDemandKind,
    /// One value per (region, sector) of the system, in system order.
    pub values: Vec<f64>,
}

/// Regions from the `(region, code)` entries of a system in table order (with the sector
/// names, or the codes as names): regions in order of first appearance, each region's
/// entries contiguous, as `Z`'s region blocks need.
///
/// # Errors
///
/// [`Error::Shape`] for names of another length; [`Error::InvalidInput`] naming the region
/// whose entries are not contiguous and the entry where it comes back.
pub fn regions_from_entries(
    entries: &[(String, String)],
    names: Option<&[String]>,
) -> Result<Vec<Region>> {
    if let Some(names) = names
        && names.len() != entries.len()
    {
        return Err(Error::Shape {
            what: "sector names".into(),
            expected: entries.len(),
            found: names.len(),
        });
    }
    let mut regions: Vec<Region> = Vec::new();
    for (i, (region, code)) in entries.iter().enumerate() {
        let sector = Sector {
            code: code.clone(),
            name: names.map_or_else(|| code.clone(), |n| n[i].clone()),
        };
        if let Some(last) = regions.last_mut()
            && last.name == *region
        {
            last.sectors.push(sector);
            continue;
        }
        if regions.iter().any(|r| r.name == *region) {
            return Err(Error::InvalidInput {
                what: "index".into(),
                message: format!(
                    "the sectors of region \"{region}\" are not contiguous (at entry {i}): \
                     order the entries region by region"
                ),
            });
        }
        regions.push(Region {
            name: region.clone(),
            sectors: vec![sector],
        });
    }
    Ok(regions)
}

/// Everything an [`InterregionalTable`] is made of, with public fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterregionalParts {
    /// Name of the system and year.
    pub name: String,
    /// Unit of the money values.
    pub unit: String,
    /// Source and licence line, with every assumption the builder made.
    pub source: Option<String>,
    /// The regions, in block order.
    pub regions: Vec<Region>,
    /// Intermediate flows, row-major `N × N`: `z[i * N + j]` is what `j` buys from `i`.
    pub z: Vec<f64>,
    /// Final-demand columns (may be empty when `output` is given).
    pub final_demand: Vec<InterregionalFinalDemand>,
    /// Primary-input rows: payments beyond the system's intermediate flows.
    pub primary_inputs: Vec<PrimaryInputRow>,
    /// Total output per (region, sector); when absent, the row totals.
    pub output: Option<Vec<f64>>,
    /// Relative tolerance for the row and column identities.
    pub balance_tolerance: f64,
    /// Accept columns whose purchases from the system exceed their output (negative value
    /// added: impossible in a real table, found in some published toy systems such as
    /// pymrio's test MRIO). Default `false`: such a column is an error.
    pub allow_purchases_above_output: bool,
}

impl InterregionalParts {
    /// Parts from regions, `Z` and output, with no final demand or primary inputs (what
    /// textbook systems such as Miller & Blair's give).
    #[must_use]
    pub fn new(
        name: impl Into<String>,
        regions: Vec<Region>,
        z: Vec<f64>,
        output: Vec<f64>,
    ) -> Self {
        Self {
            name: name.into(),
            unit: "money units".into(),
            source: None,
            regions,
            z,
            final_demand: Vec::new(),
            primary_inputs: Vec::new(),
            output: Some(output),
            balance_tolerance: DEFAULT_BALANCE_TOLERANCE,
            allow_purchases_above_output: false,
        }
    }
}

/// A validated interregional input–output table.
#[derive(Debug, Clone)]
pub struct InterregionalTable {
    parts: InterregionalParts,
    /// Block start of every region, and `N` at the end.
    starts: Vec<usize>,
    output: Vec<f64>,
    /// The open model, factored once on first use.
    model: OnceLock<Result<Arc<InterregionalModel>>>,
}

impl PartialEq for InterregionalTable {
    fn eq(&self, other: &Self) -> bool {
        self.parts == other.parts
    }
}

/// The label of entry `i` of a system: `"region/code"`.
fn joined(region: &str, code: &str) -> String {
    format!("{region}/{code}")
}

impl InterregionalTable {
    /// Validates the parts.
    ///
    /// Cost: `O(N²)` (one pass over `Z`).
    ///
    /// # Errors
    ///
    /// [`Error::Empty`] without regions; [`Error::InvalidLabel`] for an empty or duplicate
    /// region name, a region without sectors (reason `"no sectors"`), or a sector code twice
    /// in one region; [`Error::Shape`] when `Z`, a final-demand column, a primary-input row or
    /// the output has the wrong length; [`Error::UnknownLabel`] for a final-demand column
    /// naming no region; [`Error::NonFinite`], [`Error::Negative`] (flows, output, imports,
    /// wages); [`Error::MissingData`] with neither output nor final demand;
    /// [`Error::OutOfRange`] when a column's purchases exceed its output (trade flows that
    /// overdraw a region's sector), unless `allow_purchases_above_output`;
    /// [`Error::Unbalanced`] when the rows or columns miss the
    /// output beyond the tolerance.
    pub fn new(parts: InterregionalParts) -> Result<Self> {
        if parts.regions.is_empty() {
            return Err(Error::Empty);
        }
        let mut names = HashSet::new();
        let mut starts = vec![0];
        for region in &parts.regions {
            let reason = if region.name.trim().is_empty() {
                Some("empty")
            } else if !names.insert(region.name.as_str()) {
                Some("duplicate")
            } else if region.sectors.is_empty() {
                Some("no sectors")
            } else {
                None
            };
            if let Some(reason) = reason {
                return Err(Error::InvalidLabel {
                    what: "region names".into(),
                    label: region.name.clone(),
                    reason: reason.into(),
                });
            }
            let mut codes = HashSet::new();
            for s in &region.sectors {
                if s.code.trim().is_empty() || !codes.insert(s.code.as_str()) {
                    return Err(Error::InvalidLabel {
                        what: format!("sector codes of region {:?}", region.name),
                        label: s.code.clone(),
                        reason: if s.code.trim().is_empty() {
                            "empty"
                        } else {
                            "duplicate"
                        }
                        .into(),
                    });
                }
            }
            starts.push(starts.last().copied().unwrap_or(0) + region.sectors.len());
        }
        let n = *starts.last().unwrap_or(&0);
        let table = Self {
            starts,
            output: Vec::new(),
            parts,
            model: OnceLock::new(),
        };
        table.check_shapes(n)?;
        table.check_values(n)?;
        let output = table.balanced_output(n)?;
        Ok(Self { output, ..table })
    }

    fn check_shapes(&self, n: usize) -> Result<()> {
        let p = &self.parts;
        let shape = |what: String, expected: usize, found: usize| {
            if expected == found {
                Ok(())
            } else {
                Err(Error::Shape {
                    what,
                    expected,
                    found,
                })
            }
        };
        shape("Z (N × N)".into(), n * n, p.z.len())?;
        let mut labels = HashSet::new();
        for c in &p.final_demand {
            shape(format!("final demand {:?}", c.label), n, c.values.len())?;
            if let Some(r) = &c.region
                && self.region_index(r).is_none()
            {
                return Err(Error::UnknownLabel {
                    what: format!("region of final demand {:?}", c.label),
                    label: r.clone(),
                });
            }
            if !labels.insert(c.label.as_str()) {
                return Err(duplicate("final-demand labels", &c.label));
            }
        }
        let mut labels = HashSet::new();
        for row in &p.primary_inputs {
            shape(
                format!("primary input {:?}", row.label),
                n,
                row.values.len(),
            )?;
            if !labels.insert(row.label.as_str()) {
                return Err(duplicate("primary-input labels", &row.label));
            }
        }
        if let Some(x) = &p.output {
            shape("output".into(), n, x.len())?;
        }
        Ok(())
    }

    fn check_values(&self, n: usize) -> Result<()> {
        let p = &self.parts;
        // places are named by "region/code" (and position), not by position alone; one
        // vectorisable scan finds the first bad cell (NaN fails both comparisons)
        if let Some(k) = crate::error::first_negative_or_non_finite(&p.z) {
            let v = p.z[k];
            let (row, col) = (k / n, k % n);
            let location = Location::Field(format!(
                "Z[{}, {}] (row {row}, column {col})",
                self.label(row),
                self.label(col)
            ));
            if !v.is_finite() {
                return Err(Error::NonFinite { location, value: v });
            }
            if v < 0.0 {
                return Err(Error::Negative { location, value: v });
            }
        }
        for c in &p.final_demand {
            for (row, &v) in c.values.iter().enumerate() {
                if !v.is_finite() {
                    let location = Location::Field(format!(
                        "final demand {:?}, entry {}",
                        c.label,
                        self.label(row)
                    ));
                    return Err(Error::NonFinite { location, value: v });
                }
            }
        }
        for r in &p.primary_inputs {
            for (col, &v) in r.values.iter().enumerate() {
                if v.is_finite() && (v >= 0.0 || r.kind.may_be_negative()) {
                    continue;
                }
                let location = Location::Field(format!(
                    "primary input {:?}, entry {}",
                    r.label,
                    self.label(col)
                ));
                if !v.is_finite() {
                    return Err(Error::NonFinite { location, value: v });
                }
                if v < 0.0 && !r.kind.may_be_negative() {
                    return Err(Error::Negative { location, value: v });
                }
            }
        }
        if let Some(x) = &p.output {
            for (i, &v) in x.iter().enumerate() {
                let location = Location::Field(format!("output[{}]", self.label(i)));
                if !v.is_finite() {
                    return Err(Error::NonFinite { location, value: v });
                }
                if v < 0.0 {
                    return Err(Error::Negative { location, value: v });
                }
            }
        }
        Ok(())
    }

    /// The output, checked against the rows and columns it can be checked against.
    fn balanced_output(&self, n: usize) -> Result<Vec<f64>> {
        let p = &self.parts;
        let tol = p.balance_tolerance;
        let mut rows = crate::leontief::row_sums(n, &p.z);
        for c in &p.final_demand {
            for (t, v) in rows.iter_mut().zip(&c.values) {
                *t += v;
            }
        }
        let purchases = crate::leontief::column_sums(n, &p.z);
        let mut columns = purchases.clone();
        for r in &p.primary_inputs {
            for (t, v) in columns.iter_mut().zip(&r.values) {
                *t += v;
            }
        }
        let output = match &p.output {
            Some(x) => x.clone(),
            None if p.final_demand.is_empty() => {
                return Err(Error::MissingData {
                    what: "an interregional table needs its output or its final demand".into(),
                });
            }
            None => rows.clone(),
        };
        let gap = |a: f64, b: f64| (a - b).abs() / b.abs().max(1.0);
        let unbalanced = |i: usize, row_total: f64, column_total: f64| Error::Unbalanced {
            sector: i,
            code: self.label(i),
            row_total,
            column_total,
            relative_gap: gap(row_total, column_total),
            tolerance: tol,
        };
        for i in 0..n {
            if !p.allow_purchases_above_output && purchases[i] > output[i] * (1.0 + tol) {
                return Err(Error::OutOfRange {
                    location: Location::Field(format!(
                        "column {} of Z (its purchases from every region)",
                        self.label(i)
                    )),
                    value: purchases[i],
                    expected: format!("at most its output {}", output[i]),
                });
            }
            if !p.final_demand.is_empty() && gap(rows[i], output[i]) > tol {
                return Err(unbalanced(i, rows[i], output[i]));
            }
            if !p.primary_inputs.is_empty() && gap(columns[i], output[i]) > tol {
                return Err(unbalanced(i, output[i], columns[i]));
            }
        }
        Ok(output)
    }

    /// The parts this table was built from.
    #[must_use]
    pub fn parts(&self) -> &InterregionalParts {
        &self.parts
    }

    /// Number of (region, sector) entries `N`.
    #[must_use]
    pub fn n(&self) -> usize {
        self.output.len()
    }

    /// The regions.
    #[must_use]
    pub fn regions(&self) -> &[Region] {
        &self.parts.regions
    }

    /// Index of the region named `name`.
    #[must_use]
    pub fn region_index(&self, name: &str) -> Option<usize> {
        self.parts.regions.iter().position(|r| r.name == name)
    }

    /// The rows (and columns) of region `r` in the system.
    #[must_use]
    pub fn block(&self, r: usize) -> Range<usize> {
        self.starts[r]..self.starts[r + 1]
    }

    /// The region of entry `i`.
    #[must_use]
    pub fn region_of(&self, i: usize) -> usize {
        self.starts.partition_point(|&s| s <= i) - 1
    }

    /// `"region/code"` of entry `i`.
    #[must_use]
    pub fn label(&self, i: usize) -> String {
        let r = self.region_of(i);
        let region = &self.parts.regions[r];
        joined(&region.name, &region.sectors[i - self.starts[r]].code)
    }

    /// Region name and sector code of every entry, in system order (a two-level index).
    #[must_use]
    pub fn index(&self) -> (Vec<String>, Vec<String>) {
        let mut regions = Vec::with_capacity(self.n());
        let mut codes = Vec::with_capacity(self.n());
        for region in &self.parts.regions {
            for s in &region.sectors {
                regions.push(region.name.clone());
                codes.push(s.code.clone());
            }
        }
        (regions, codes)
    }

    /// Every entry as a sector whose code is `"region/code"` (for error messages of the
    /// whole system).
    pub(crate) fn system_sectors(&self) -> Vec<Sector> {
        self.parts
            .regions
            .iter()
            .flat_map(|r| {
                r.sectors.iter().map(|s| Sector {
                    code: joined(&r.name, &s.code),
                    name: s.name.clone(),
                })
            })
            .collect()
    }

    /// Total output per entry.
    #[must_use]
    pub fn output(&self) -> &[f64] {
        &self.output
    }

    /// `Z`, row-major `N × N`.
    #[must_use]
    pub fn z(&self) -> &[f64] {
        &self.parts.z
    }

    /// Total final demand per entry (all columns).
    #[must_use]
    pub fn final_demand_total(&self) -> Vec<f64> {
        let mut total = vec![0.0; self.n()];
        for c in &self.parts.final_demand {
            for (t, v) in total.iter_mut().zip(&c.values) {
                *t += v;
            }
        }
        total
    }

    /// Region `r` alone as a single-region table: `Z_rr`; its own final demand; one export
    /// column per other region (what that region's sectors and final users buy from `r`,
    /// kind `exports_rest_of_country`); final demand from beyond the system as it is; one
    /// import row per other region (what `r`'s sectors buy there, kind
    /// `imports_rest_of_country`); the primary inputs of `r`'s columns. Output is `x_r`.
    /// Every single-region analysis then applies, and a leak "to the rest of the country" is
    /// a purchase from the other regions of the system.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLabel`] for an unknown region; [`Error::MissingData`] when the system
    /// has no final demand or no primary inputs (a single-region table needs both);
    /// whatever [`RegionalTable::new`] finds.
    pub fn region_table(&self, region: &str) -> Result<RegionalTable> {
        let r = self
            .region_index(region)
            .ok_or_else(|| Error::UnknownLabel {
                what: "region".into(),
                label: region.into(),
            })?;
        let p = &self.parts;
        if p.final_demand.is_empty() || p.primary_inputs.is_empty() {
            return Err(Error::MissingData {
                what: format!(
                    "region {region:?} as a single-region table needs the system's final demand and primary inputs"
                ),
            });
        }
        let (n, own) = (self.n(), self.block(r));
        let m = own.len();
        let mut z = Vec::with_capacity(m * m);
        for i in own.clone() {
            z.extend_from_slice(&p.z[i * n + own.start..i * n + own.end]);
        }
        let mut final_demand = Vec::new();
        for c in &p.final_demand {
            if c.region.as_deref().is_none_or(|name| name == region) {
                final_demand.push(FinalDemandColumn {
                    label: c.label.clone(),
                    kind: c.kind,
                    values: c.values[own.clone()].to_vec(),
                });
            }
        }
        let mut primary_inputs = Vec::new();
        for (s, other) in p.regions.iter().enumerate().filter(|&(s, _)| s != r) {
            let theirs = self.block(s);
            let mut exports: Vec<f64> = own
                .clone()
                .map(|i| p.z[i * n + theirs.start..i * n + theirs.end].iter().sum())
                .collect();
            for c in p
                .final_demand
                .iter()
                .filter(|c| c.region.as_deref() == Some(&other.name))
            {
                for (e, v) in exports.iter_mut().zip(&c.values[own.clone()]) {
                    *e += v;
                }
            }
            final_demand.push(FinalDemandColumn {
                label: format!("exports to {}", other.name),
                kind: FinalDemandKind::ExportsRestOfCountry,
                values: exports,
            });
            primary_inputs.push(PrimaryInputRow {
                label: format!("imports from {}", other.name),
                kind: PrimaryInputKind::ImportsRestOfCountry,
                values: own
                    .clone()
                    .map(|j| theirs.clone().map(|i| p.z[i * n + j]).sum())
                    .collect(),
            });
        }
        for row in &p.primary_inputs {
            primary_inputs.push(PrimaryInputRow {
                label: row.label.clone(),
                kind: row.kind,
                values: row.values[own.clone()].to_vec(),
            });
        }
        let mut parts = TableParts::new(
            format!("{} — {region}", p.name),
            p.regions[r].sectors.clone(),
            z,
        );
        parts.unit.clone_from(&p.unit);
        parts.source = Some(format!(
            "{region} from the interregional table {:?}{}",
            p.name,
            p.source
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default()
        ));
        parts.final_demand = final_demand;
        parts.primary_inputs = primary_inputs;
        parts.output = Some(self.output[own].to_vec());
        parts.balance_tolerance = p.balance_tolerance;
        RegionalTable::new(parts)
    }

    /// The open model of the whole system, factored on first use and kept (see
    /// [`InterregionalModel`]).
    ///
    /// # Errors
    ///
    /// [`Error::NonProductive`] naming the `"region/code"` entry with the largest column sum;
    /// [`Error::Singular`].
    pub fn model(&self) -> Result<&InterregionalModel> {
        crate::interrupt::cached(&self.model, || InterregionalModel::new(self).map(Arc::new))
            .map(|m| &**m)
    }
}

fn duplicate(what: &str, label: &str) -> Error {
    Error::InvalidLabel {
        what: what.into(),
        label: label.into(),
        reason: "duplicate".into(),
    }
}
