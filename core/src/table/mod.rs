//! `RegionalTable`: a region's domestic input-output table — local intermediate flows `Z`,
//! final-demand columns, primary-input rows, optional employment and retention shares.
//!
//! Orientation (Miller & Blair 2009, §2.2): `Z[i][j]` is what sector `j` buys from local
//! sector `i`; money flows from `j` to `i`. Final demand is by column, primary inputs by row.
//! The table is *domestic*: everything bought from outside the region is an import row.

mod arrays;
mod audit;
mod imports;
mod kinds;
mod retention;

pub use arrays::ArrayOptions;
pub use audit::{Audit, AuditCheck, AuditStatus, ILL_CONDITIONED};
pub use imports::{ImportBasis, ImportUse, ImportUseBlock};
pub use kinds::{FinalDemandKind, PrimaryInputKind, kinds_by_label};
pub use retention::{HouseholdClosure, HouseholdIncomeSources, Retention, Share};

use serde::{Deserialize, Serialize};

pub use crate::sector::Sector;

use crate::error::{Error, Location, Result, check_finite};
use crate::leontief::LeontiefModel;

/// The default relative tolerance for the row and column identities: 0.1 % of a sector's
/// output (official tables balance to rounding, ~1e-6; hand-made ones seldom better than this).
pub const DEFAULT_BALANCE_TOLERANCE: f64 = 1e-3;

/// A final-demand column: what one kind of final user buys from each local sector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FinalDemandColumn {
    /// Unique label, e.g. `"HOUSEHOLD"`.
    pub label: String,
    /// What kind of final user this is.
    pub kind: FinalDemandKind,
    /// One value per sector, in the table's sector order.
    pub values: Vec<f64>,
}

/// A primary-input row: what each sector pays to one account outside the local
/// intermediate flows (imports, taxes, wages, profits).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrimaryInputRow {
    /// Unique label, e.g. `"CoE"`.
    pub label: String,
    /// What kind of payment this is.
    pub kind: PrimaryInputKind,
    /// One value per sector, in the table's sector order.
    pub values: Vec<f64>,
}

/// Employment by sector, with its unit stated (e.g. `"jobs"`, `"FTE"`, `"1000 persons"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Employment {
    /// The unit of the values.
    pub unit: String,
    /// One value per sector.
    pub values: Vec<f64>,
}

/// Everything a [`RegionalTable`] is made of, with public fields: build one, then validate it
/// with [`RegionalTable::new`], or [audit](TableParts::audit) it without failing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableParts {
    /// Name of the region and year, e.g. `"Scotland 2019"`.
    pub name: String,
    /// Unit of the money values, e.g. `"GBP million"`.
    pub unit: String,
    /// Source and licence line, shown wherever the table is used.
    pub source: Option<String>,
    /// The local sectors, in table order.
    pub sectors: Vec<Sector>,
    /// Local intermediate flows, row-major, `n × n`: `z[i * n + j]` is what `j` buys from `i`.
    pub z: Vec<f64>,
    /// Final-demand columns.
    pub final_demand: Vec<FinalDemandColumn>,
    /// Primary-input rows.
    pub primary_inputs: Vec<PrimaryInputRow>,
    /// Published total output per sector; when absent the column totals are used.
    pub output: Option<Vec<f64>>,
    /// Employment per sector, if known.
    pub employment: Option<Employment>,
    /// Imports by product and buyer, one block per import row, if known (see
    /// [`RegionalTable::imports_by_product`] for the rule used when absent).
    #[serde(default)]
    pub import_use: Option<ImportUse>,
    /// Shares of each primary input that stay in the region.
    pub retention: Retention,
    /// How households are closed for Type II results.
    pub household_closure: HouseholdClosure,
    /// Relative tolerance for the row and column identities.
    pub balance_tolerance: f64,
}

impl TableParts {
    /// Parts with the given sectors and `Z`, no final demand or primary inputs, default
    /// retention and closure. Add columns and rows by pushing to the public fields.
    #[must_use]
    pub fn new(name: impl Into<String>, sectors: Vec<Sector>, z: Vec<f64>) -> Self {
        Self {
            name: name.into(),
            unit: "money units".into(),
            source: None,
            sectors,
            z,
            final_demand: Vec::new(),
            primary_inputs: Vec::new(),
            output: None,
            employment: None,
            import_use: None,
            retention: Retention::default(),
            household_closure: HouseholdClosure::default(),
            balance_tolerance: DEFAULT_BALANCE_TOLERANCE,
        }
    }

    /// Audits these parts: every check with PASS / WARN / FAIL, never an error.
    #[must_use]
    pub fn audit(&self) -> Audit {
        audit::audit(self)
    }

    /// Every structural problem (shapes, labels, non-finite and negative values, retention
    /// shares out of range), in table order. Empty when the parts are structurally valid.
    pub(crate) fn structural_errors(&self, limit: usize) -> Vec<Error> {
        let mut errors = Vec::new();
        let n = self.sectors.len();
        if n == 0 {
            errors.push(Error::Empty);
            return errors;
        }
        let mut push = |e: Error| {
            if errors.len() < limit {
                errors.push(e);
            }
        };
        check_labels(
            "sector codes",
            self.sectors.iter().map(|s| s.code.as_str()),
            &mut push,
        );
        check_labels(
            "final-demand labels",
            self.final_demand.iter().map(|c| c.label.as_str()),
            &mut push,
        );
        check_labels(
            "primary-input labels",
            self.primary_inputs.iter().map(|r| r.label.as_str()),
            &mut push,
        );
        if self.z.len() != n * n {
            push(Error::Shape {
                what: format!("Z (n × n with n = {n} sectors)"),
                expected: n * n,
                found: self.z.len(),
            });
        } else {
            for (k, &v) in self.z.iter().enumerate() {
                let loc = || Location::Z {
                    row: k / n,
                    col: k % n,
                };
                if let Err(e) = check_finite(v, loc) {
                    push(e);
                } else if v < 0.0 {
                    push(Error::Negative {
                        location: loc(),
                        value: v,
                    });
                }
            }
        }
        for c in &self.final_demand {
            if c.values.len() != n {
                push(shape(
                    format!("final demand \"{}\"", c.label),
                    n,
                    c.values.len(),
                ));
                continue;
            }
            for (i, &v) in c.values.iter().enumerate() {
                let loc = || Location::FinalDemand {
                    column: c.label.clone(),
                    row: i,
                };
                if let Err(e) = check_finite(v, loc) {
                    push(e);
                }
            }
        }
        for r in &self.primary_inputs {
            if r.values.len() != n {
                push(shape(
                    format!("primary input \"{}\"", r.label),
                    n,
                    r.values.len(),
                ));
                continue;
            }
            for (j, &v) in r.values.iter().enumerate() {
                let loc = || Location::PrimaryInput {
                    row: r.label.clone(),
                    col: j,
                };
                if let Err(e) = check_finite(v, loc) {
                    push(e);
                } else if v < 0.0 && !r.kind.may_be_negative() {
                    push(Error::Negative {
                        location: loc(),
                        value: v,
                    });
                }
            }
        }
        if let Some(x) = &self.output {
            check_vector("output", x, n, true, &mut push);
        }
        if let Some(emp) = &self.employment {
            if emp.values.len() != n {
                push(shape("employment".into(), n, emp.values.len()));
            } else {
                for (j, &v) in emp.values.iter().enumerate() {
                    let loc = || Location::Employment { sector: j };
                    if let Err(e) = check_finite(v, loc) {
                        push(e);
                    } else if v < 0.0 {
                        push(Error::Negative {
                            location: loc(),
                            value: v,
                        });
                    }
                }
            }
        }
        for e in self.retention.errors(n) {
            push(e);
        }
        for e in self.household_closure.errors() {
            push(e);
        }
        if !(0.0..1.0).contains(&self.balance_tolerance) {
            push(Error::OutOfRange {
                location: Location::Field("balance_tolerance".into()),
                value: self.balance_tolerance,
                expected: "a relative tolerance in [0, 1)".into(),
            });
        }
        errors
    }
}

/// Aligns labelled data to the table's order: for each of `expected` (e.g. the sector codes),
/// the position of the same label in `found` (e.g. the index of a pandas Series). Labelled
/// inputs are aligned by label, never by position.
///
/// # Errors
///
/// [`Error::InvalidLabel`] for a duplicate in `found`; [`Error::UnknownLabel`] for a label in
/// `found` that is not expected; [`Error::MissingData`] for an expected label that `found`
/// lacks.
///
/// # Example
///
/// ```
/// use localecon::table::align_labels;
/// let table_order = ["a".to_string(), "b".into(), "c".into()];
/// let series_index = ["c".to_string(), "a".into(), "b".into()];
/// assert_eq!(align_labels("employment", &series_index, &table_order)?, [1, 2, 0]);
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn align_labels(what: &str, found: &[String], expected: &[String]) -> Result<Vec<usize>> {
    let known: std::collections::HashSet<&str> = expected.iter().map(String::as_str).collect();
    let mut position = std::collections::HashMap::with_capacity(found.len());
    for (k, label) in found.iter().enumerate() {
        if position.insert(label.as_str(), k).is_some() {
            return Err(Error::InvalidLabel {
                what: what.into(),
                label: label.clone(),
                reason: "duplicate".into(),
            });
        }
        if !known.contains(label.as_str()) {
            return Err(Error::UnknownLabel {
                what: format!("{what} label (not a sector of the table)"),
                label: label.clone(),
            });
        }
    }
    expected
        .iter()
        .map(|label| {
            position
                .get(label.as_str())
                .copied()
                .ok_or_else(|| Error::MissingData {
                    what: format!("{what}: no entry for sector {label:?}"),
                })
        })
        .collect()
}

fn shape(what: String, expected: usize, found: usize) -> Error {
    Error::Shape {
        what,
        expected,
        found,
    }
}

fn check_labels<'a>(
    what: &str,
    labels: impl Iterator<Item = &'a str>,
    push: &mut impl FnMut(Error),
) {
    let mut seen = std::collections::HashSet::new();
    for label in labels {
        let reason = if label.trim().is_empty() {
            Some("empty")
        } else if !seen.insert(label) {
            Some("duplicate")
        } else {
            None
        };
        if let Some(reason) = reason {
            push(Error::InvalidLabel {
                what: what.into(),
                label: label.into(),
                reason: reason.into(),
            });
        }
    }
}

fn check_vector(what: &str, v: &[f64], n: usize, non_negative: bool, push: &mut impl FnMut(Error)) {
    if v.len() != n {
        push(shape(what.into(), n, v.len()));
        return;
    }
    for (j, &value) in v.iter().enumerate() {
        let loc = || Location::Field(format!("{what}[{j}]"));
        if let Err(e) = check_finite(value, loc) {
            push(e);
        } else if non_negative && value < 0.0 {
            push(Error::Negative {
                location: loc(),
                value,
            });
        }
    }
}

/// A validated regional input-output table.
///
/// Built with [`RegionalTable::new`] from [`TableParts`], from the interchange JSON
/// ([`crate::interchange`]) or from the labelled CSV layout. Once built, every analysis can
/// rely on: matching shapes, unique labels, finite values, no negative flows where none may
/// be, and row and column identities within the stated tolerance.
///
/// # Example
///
/// The two-sector example of Miller & Blair (2009, §2.3):
///
/// ```
/// use localecon::table::{RegionalTable, Sector, TableParts, FinalDemandColumn,
///     FinalDemandKind, PrimaryInputRow, PrimaryInputKind};
///
/// let sectors = vec![
///     Sector { code: "s1".into(), name: "Agriculture".into() },
///     Sector { code: "s2".into(), name: "Manufacturing".into() },
/// ];
/// let mut parts = TableParts::new("Miller & Blair", sectors, vec![150.0, 500.0, 200.0, 100.0]);
/// parts.final_demand.push(FinalDemandColumn {
///     label: "f".into(), kind: FinalDemandKind::Other, values: vec![350.0, 1700.0] });
/// parts.primary_inputs.push(PrimaryInputRow {
///     label: "va".into(), kind: PrimaryInputKind::Compensation, values: vec![650.0, 1400.0] });
/// let table = RegionalTable::new(parts)?;
/// assert_eq!(table.output(), &[1000.0, 2000.0]);
/// # Ok::<(), localecon::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct RegionalTable {
    parts: TableParts,
    output: Vec<f64>,
    column_totals: Vec<f64>,
    row_totals: Vec<f64>,
    /// The open model, factored once on first use and shared by every analysis.
    model: std::sync::OnceLock<Result<std::sync::Arc<LeontiefModel>>>,
    /// The audit, run once on first use (the table does not change).
    audit: std::sync::OnceLock<Audit>,
}

impl PartialEq for RegionalTable {
    fn eq(&self, other: &Self) -> bool {
        self.parts == other.parts
    }
}

impl RegionalTable {
    /// Primary inputs of the kinds `pred` picks, per unit of output: `(Σ_k v_kj) / x_j`
    /// (0 where `x_j = 0`; see [`crate::leontief::per_unit_of_output`]).
    pub(crate) fn input_coefficients_where(
        &self,
        pred: impl Fn(PrimaryInputKind) -> bool,
    ) -> Vec<f64> {
        let totals: Vec<f64> = (0..self.n())
            .map(|j| {
                self.primary_inputs()
                    .iter()
                    .filter(|r| pred(r.kind))
                    .map(|r| r.values[j])
                    .sum()
            })
            .collect();
        crate::leontief::per_unit_of_output(&totals, self.output())
    }

    /// Validates `parts` and builds the table.
    ///
    /// # Errors
    ///
    /// The first structural problem found ([`Error::Empty`], [`Error::Shape`],
    /// [`Error::InvalidLabel`], [`Error::NonFinite`], [`Error::Negative`],
    /// [`Error::OutOfRange`]), [`Error::Unbalanced`] when a sector's row or column total
    /// differs from its output by more than `parts.balance_tolerance` (relative), and for
    /// `import_use`: [`Error::MissingData`] (an import row without a block),
    /// [`Error::UnknownLabel`] (a block for no import row) or [`Error::Inconsistent`] (a
    /// buyer's imports by product that do not add up to its import row).
    pub fn new(parts: TableParts) -> Result<Self> {
        if let Some(e) = parts.structural_errors(1).into_iter().next() {
            return Err(e);
        }
        let (column_totals, row_totals) = totals(&parts);
        for (what, t) in [("column total", &column_totals), ("row total", &row_totals)] {
            for (j, &v) in t.iter().enumerate() {
                // finite entries can still overflow when summed (e.g. 1e308 + 1e308)
                check_finite(v, || {
                    Location::Field(format!("{what} of sector {j} ({})", parts.sectors[j].code))
                })?;
            }
        }
        let output = parts
            .output
            .clone()
            .unwrap_or_else(|| column_totals.clone());
        if let Some(j) = output.iter().position(|x| *x < 0.0) {
            return Err(Error::Negative {
                location: Location::Field(format!(
                    "output of sector {j} ({})",
                    parts.sectors[j].code
                )),
                value: output[j],
            });
        }
        if let Some(iu) = &parts.import_use {
            let mut first = None;
            iu.errors(&parts, &output, &mut |e| {
                first.get_or_insert(e);
            });
            if let Some(e) = first {
                return Err(e);
            }
        }
        let table = Self {
            parts,
            output,
            column_totals,
            row_totals,
            model: std::sync::OnceLock::new(),
            audit: std::sync::OnceLock::new(),
        };
        if let Some(e) = table.balance_errors(1).into_iter().next() {
            return Err(e);
        }
        Ok(table)
    }

    pub(crate) fn balance_errors(&self, limit: usize) -> Vec<Error> {
        let tol = self.parts.balance_tolerance;
        let mut errors = Vec::new();
        for j in 0..self.n() {
            let x = self.output[j];
            for total in [self.row_totals[j], self.column_totals[j]] {
                let gap = relative_gap(total, x);
                if gap > tol && errors.len() < limit {
                    errors.push(Error::Unbalanced {
                        sector: j,
                        code: self.parts.sectors[j].code.clone(),
                        row_total: self.row_totals[j],
                        column_total: self.column_totals[j],
                        relative_gap: gap,
                        tolerance: tol,
                    });
                    break;
                }
            }
        }
        errors
    }

    /// The open Leontief model of the table, factored on first use and kept: every analysis
    /// of this table shares the one LU factorisation of `I − A`.
    ///
    /// # Errors
    ///
    /// The errors of [`LeontiefModel::new`].
    pub fn leontief(&self) -> Result<&LeontiefModel> {
        self.shared_leontief().map(|m| &**m)
    }

    /// The cached open model as a shared pointer (for models built on top of it).
    pub(crate) fn shared_leontief(&self) -> Result<&std::sync::Arc<LeontiefModel>> {
        crate::interrupt::cached(&self.model, || {
            LeontiefModel::factor(self.n(), self.z(), self.output(), self.sectors())
                .map(std::sync::Arc::new)
        })
    }

    /// Number of local sectors `n`.
    #[must_use]
    pub fn n(&self) -> usize {
        self.parts.sectors.len()
    }

    /// The region's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.parts.name
    }

    /// The unit of money values.
    #[must_use]
    pub fn unit(&self) -> &str {
        &self.parts.unit
    }

    /// The source and licence line, if any.
    #[must_use]
    pub fn source(&self) -> Option<&str> {
        self.parts.source.as_deref()
    }

    /// The sectors, in table order.
    #[must_use]
    pub fn sectors(&self) -> &[Sector] {
        &self.parts.sectors
    }

    /// The sector codes, in table order (the labels labelled inputs are aligned by, see
    /// [`align_labels`]).
    #[must_use]
    pub fn codes(&self) -> Vec<String> {
        self.parts.sectors.iter().map(|s| s.code.clone()).collect()
    }

    /// Local intermediate flows `Z`, row-major `n × n`.
    #[must_use]
    pub fn z(&self) -> &[f64] {
        &self.parts.z
    }

    /// `Z[i][j]`: what sector `j` buys from local sector `i`.
    #[must_use]
    pub fn z_at(&self, i: usize, j: usize) -> f64 {
        self.parts.z[i * self.n() + j]
    }

    /// The final-demand columns.
    #[must_use]
    pub fn final_demand(&self) -> &[FinalDemandColumn] {
        &self.parts.final_demand
    }

    /// The primary-input rows.
    #[must_use]
    pub fn primary_inputs(&self) -> &[PrimaryInputRow] {
        &self.parts.primary_inputs
    }

    /// The same table with imports by product and buyer attached (e.g. a real import-use
    /// table, [`ImportBasis::Supplied`], or an estimate from
    /// [`crate::regionalize::import_use_from_products`]).
    ///
    /// # Errors
    ///
    /// The `import_use` errors of [`RegionalTable::new`].
    pub fn with_import_use(self, import_use: ImportUse) -> Result<Self> {
        let mut parts = self.into_parts();
        parts.import_use = Some(import_use);
        Self::new(parts)
    }

    /// Imports by product and buyer as stored with the table, if any.
    #[must_use]
    pub fn import_use(&self) -> Option<&ImportUse> {
        self.parts.import_use.as_ref()
    }

    /// Imports by product and buyer: the stored ones, or, for a table that has only import
    /// rows, the purchase-mix rule of [`ImportUse::purchase_mix`] (its `basis` says so).
    /// `O(n²)` per import row when computed.
    #[must_use]
    pub fn imports_by_product(&self) -> std::borrow::Cow<'_, ImportUse> {
        match &self.parts.import_use {
            Some(iu) => std::borrow::Cow::Borrowed(iu),
            None => std::borrow::Cow::Owned(ImportUse::purchase_mix(&self.parts)),
        }
    }

    /// Employment by sector, if the table has it.
    #[must_use]
    pub fn employment(&self) -> Option<&Employment> {
        self.parts.employment.as_ref()
    }

    /// Retention shares.
    #[must_use]
    pub fn retention(&self) -> &Retention {
        &self.parts.retention
    }

    /// The same table with other retention shares. Retention does not enter `A`, so the
    /// factored model, if the table has one, is kept (shared, not copied): every analysis of
    /// the new table reuses this table's one LU factorisation. What a Monte Carlo over
    /// retention assumptions relies on (see [`crate::uncertainty`]).
    ///
    /// # Errors
    ///
    /// The retention errors of [`RegionalTable::new`] (shares outside `[0, 1]`, per-sector
    /// shares of the wrong length), the first of them.
    pub fn with_retention(&self, retention: Retention) -> Result<Self> {
        if let Some(e) = retention.errors(self.n()).into_iter().next() {
            return Err(e);
        }
        let mut table = self.clone();
        table.parts.retention = retention;
        table.audit = std::sync::OnceLock::new();
        Ok(table)
    }

    /// Whether two tables share one factored model (the same allocation).
    #[cfg(test)]
    pub(crate) fn shares_model_with(&self, other: &Self) -> bool {
        match (self.model.get(), other.model.get()) {
            (Some(Ok(a)), Some(Ok(b))) => std::sync::Arc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// The household closure used for Type II results.
    #[must_use]
    pub fn household_closure(&self) -> &HouseholdClosure {
        &self.parts.household_closure
    }

    /// The gross output `x` every analysis uses: the published output when the table has
    /// one, else the column totals `Σ_i Z[i][j] + Σ_k P[k][j]`.
    #[must_use]
    pub fn output(&self) -> &[f64] {
        &self.output
    }

    /// Column totals `Σ_i Z[i][j] + Σ_k P[k][j]`.
    #[must_use]
    pub fn column_totals(&self) -> &[f64] {
        &self.column_totals
    }

    /// Row totals `Σ_j Z[i][j] + Σ_c Y[i][c]`.
    #[must_use]
    pub fn row_totals(&self) -> &[f64] {
        &self.row_totals
    }

    /// Index of the sector with this code.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLabel`] when no sector has this code.
    pub fn sector_index(&self, code: &str) -> Result<usize> {
        self.parts
            .sectors
            .iter()
            .position(|s| s.code == code)
            .ok_or_else(|| Error::UnknownLabel {
                what: "sector code".into(),
                label: code.into(),
            })
    }

    /// Sum of the primary-input rows of `kind` for sector `j`.
    #[must_use]
    pub fn primary_input_total(&self, kind: PrimaryInputKind, j: usize) -> f64 {
        self.parts
            .primary_inputs
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.values[j])
            .sum()
    }

    /// Sum of the final-demand columns of `kind` for sector `i`.
    #[must_use]
    pub fn final_demand_total(&self, kind: FinalDemandKind, i: usize) -> f64 {
        self.parts
            .final_demand
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.values[i])
            .sum()
    }

    /// Total final demand per sector (all columns).
    #[must_use]
    pub fn total_final_demand(&self) -> Vec<f64> {
        (0..self.n())
            .map(|i| self.parts.final_demand.iter().map(|c| c.values[i]).sum())
            .collect()
    }

    /// Audits the table (see [`TableParts::audit`]), once; later calls return the kept
    /// audit. Its condition estimate uses the table's own factorisation of `I − A`
    /// ([`RegionalTable::leontief`]): the first audit of a productive table costs that one
    /// LU, O(n³), unless an analysis has already made it, and the factor is kept for every
    /// later analysis. The numbers are those of [`TableParts::audit`] to the bit.
    #[must_use]
    pub fn audit(&self) -> Audit {
        if let Some(kept) = self.audit.get() {
            return kept.clone();
        }
        let audit = audit::audit_built(&self.parts, self.leontief().ok());
        if crate::interrupt::requested() {
            // an interrupted call's factorisation may have stopped part-way: not kept
            return audit;
        }
        self.audit.get_or_init(|| audit).clone()
    }

    /// The parts this table was built from.
    #[must_use]
    pub fn parts(&self) -> &TableParts {
        &self.parts
    }

    /// Gives back the parts, e.g. to change them and build a new table.
    #[must_use]
    pub fn into_parts(self) -> TableParts {
        self.parts
    }
}

/// `|a − b| / max(|a|, |b|)`, and 0 when both are 0.
pub(crate) fn relative_gap(a: f64, b: f64) -> f64 {
    let scale = a.abs().max(b.abs());
    if scale == 0.0 {
        0.0
    } else {
        (a - b).abs() / scale
    }
}

/// Column totals and row totals of structurally valid parts.
pub(crate) fn totals(parts: &TableParts) -> (Vec<f64>, Vec<f64>) {
    let n = parts.sectors.len();
    let mut col = vec![0.0; n];
    let mut row = vec![0.0; n];
    for (i, z_row) in parts.z.chunks_exact(n.max(1)).enumerate() {
        row[i] = crate::linalg::sum(z_row);
        for (c, v) in col.iter_mut().zip(z_row) {
            *c += v;
        }
    }
    for r in &parts.primary_inputs {
        for (c, v) in col.iter_mut().zip(&r.values) {
            *c += v;
        }
    }
    for c in &parts.final_demand {
        for (r, v) in row.iter_mut().zip(&c.values) {
            *r += v;
        }
    }
    (col, row)
}

impl LeontiefModel {
    /// The open (Type I) model of a table, with `A = Z·diag(x)⁻¹` and `x` the table's
    /// [output](RegionalTable::output): a copy of the factor the table caches
    /// ([`RegionalTable::leontief`]).
    ///
    /// # Errors
    ///
    /// [`Error::NonProductive`] when `ρ(A) ≥ 1`; [`Error::Singular`] when `I − A` is singular.
    ///
    /// # Example
    ///
    /// ```
    /// # use localecon::datasets;
    /// use localecon::LeontiefModel;
    /// let table = datasets::miller_blair_2sector();
    /// let model = LeontiefModel::new(&table)?;
    /// let x = model.solve(&[600.0, 1500.0])?;
    /// assert!((x[0] - 1247.52).abs() < 0.01 && (x[1] - 1841.58).abs() < 0.01);
    /// # Ok::<(), localecon::Error>(())
    /// ```
    pub fn new(table: &RegionalTable) -> Result<Self> {
        table.leontief().cloned()
    }
}
