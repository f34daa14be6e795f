//! The household-closed (Type II) model, built on the open [`LeontiefModel`] of a table.
//!
//! Miller & Blair (2009), *Input-Output Analysis*, 2nd ed., §2.3 (the open model) and §6.1
//! (closing with respect to households). The open model and its helpers live in
//! [`crate::leontief`] (below the table) and are re-exported here.

pub use crate::leontief::{
    LeontiefModel, Productivity, per_unit_of_output, productivity, productivity_of_coefficients,
    technical_coefficients,
};

use crate::error::{Error, Location, Result};
use crate::table::{HouseholdClosure, RegionalTable, Sector};

/// The household-closed (Type II) model: households become sector `n` of an
/// `(n + 1) × (n + 1)` coefficient matrix `Ā` (Miller & Blair 2009, §6.1.2).
///
/// Household row `h_j` = household income per unit of output of `j`; household column
/// `c_i` = local household consumption of `i` per unit of household income (see
/// [`HouseholdClosure`]). `Ā[n][n] = 0`.
#[derive(Debug, Clone)]
pub struct ClosedModel {
    open: std::sync::Arc<LeontiefModel>,
    household_row: Vec<f64>,
    household_column: Vec<f64>,
    household_income: f64,
    /// `hᵀL`
    hl: Vec<f64>,
    /// `L·c`
    lc: Vec<f64>,
    /// The Schur complement `1 − hᵀL·c` (Miyazawa's `1/K`).
    schur: f64,
    full: std::sync::OnceLock<Result<LeontiefModel>>,
}

/// The household row `h`, column `c` and income `H` of a table's closure.
pub(crate) fn closure_vectors(table: &RegionalTable) -> Result<(Vec<f64>, Vec<f64>, f64)> {
    let n = table.n();
    let x = table.output();
    let closure: &HouseholdClosure = table.household_closure();
    let retention = table.retention();
    let mut income = vec![0.0; n];
    for r in table
        .primary_inputs()
        .iter()
        .filter(|r| closure.is_income(r.kind))
    {
        for j in 0..n {
            income[j] += retention.share(r.kind, j) * r.values[j];
        }
    }
    let household_row = per_unit_of_output(&income, x);
    if !table
        .final_demand()
        .iter()
        .any(|c| HouseholdClosure::is_consumption(c.kind))
    {
        return Err(Error::MissingData {
            what: "a final-demand column of kind \"households\" to close the model (Type II)"
                .into(),
        });
    }
    let consumption: Vec<f64> = (0..n)
        .map(|i| table.final_demand_total(crate::table::FinalDemandKind::Households, i))
        .collect();
    let household_income = closure
        .household_income
        .unwrap_or_else(|| income.iter().sum());
    if household_income <= 0.0 {
        return Err(Error::MissingData {
            what: "household income (no retained compensation in the table and no household_income given)".into(),
        });
    }
    let household_column: Vec<f64> = consumption.iter().map(|c| c / household_income).collect();
    let local_share: f64 = household_column.iter().sum();
    if local_share >= 1.0 {
        // households would spend all their income locally: no leak, an infinite multiplier
        return Err(Error::OutOfRange {
            location: Location::Field("household closure: local household consumption / household income".into()),
            value: local_share,
            expected: "a share below 1 (households save, pay taxes and spend outside the region); state household_income".into(),
        });
    }
    Ok((household_row, household_column, household_income))
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(a, b)| a * b).sum()
}

impl ClosedModel {
    /// The closed model when it can be formed, or why not: `(None, None)` when the table has
    /// no household closure at all (no household column or income), `(None, Some(reason))`
    /// when it has one that cannot be formed (households spending all their income locally,
    /// a closed system that is not productive or singular). Type I results do not depend on
    /// it, so callers go on without Type II and state the reason.
    ///
    /// # Errors
    ///
    /// Errors that are not about the closure.
    pub(crate) fn optional(
        table: &RegionalTable,
        open: std::sync::Arc<LeontiefModel>,
    ) -> Result<(Option<Self>, Option<String>)> {
        match Self::with_open(table, open) {
            Ok(c) => Ok((Some(c), None)),
            Err(Error::MissingData { .. }) => Ok((None, None)),
            Err(
                e @ (Error::OutOfRange { .. }
                | Error::NonProductive { .. }
                | Error::Singular { .. }),
            ) => Ok((
                None,
                Some(format!("Type II unavailable [{}]: {e}", e.code())),
            )),
            Err(e) => Err(e),
        }
    }

    /// Closes the table's model with respect to households.
    ///
    /// # Errors
    ///
    /// [`Error::MissingData`] when the table has no household-consumption column or no
    /// household income; [`Error::OutOfRange`] when households would spend all their income
    /// locally; [`Error::NonProductive`] or [`Error::Singular`] when the closed system has no
    /// non-negative solution.
    pub fn new(table: &RegionalTable) -> Result<Self> {
        Self::with_open(table, table.shared_leontief()?.clone())
    }

    /// Closes with households around an open model already factored: no second
    /// factorisation. With `I − Ā = [[I − A, −c], [−hᵀ, 1]]`, every solve is two solves with
    /// the open LU and the Schur complement `s = 1 − hᵀL·c` (Miyazawa 1976; Miller & Blair
    /// 2009, §6.1.3): `ȳ₂ = (w₂ + (w₁ᵀL)·c)/s`, `ȳ₁ = w₁ᵀL + ȳ₂·hᵀL`.
    ///
    /// # Errors
    ///
    /// As [`ClosedModel::new`].
    pub fn with_open(table: &RegionalTable, open: std::sync::Arc<LeontiefModel>) -> Result<Self> {
        let (household_row, household_column, household_income) = closure_vectors(table)?;
        let hl = open.solve_transpose(&household_row)?;
        let lc = open.solve(&household_column)?;
        let schur = 1.0 - dot(&household_row, &lc);
        let closed = Self {
            open,
            household_row,
            household_column,
            household_income,
            hl,
            lc,
            schur,
            full: std::sync::OnceLock::new(),
        };
        // a non-negative bordered matrix is productive iff its corner block is and the Schur
        // complement is positive
        if !(closed.schur > 1e-12 && closed.hl.iter().chain(&closed.lc).all(|v| v.is_finite())) {
            let mut sectors = table.sectors().to_vec();
            sectors.push(Sector {
                code: "households".into(),
                name: "Households".into(),
            });
            productivity_of_coefficients(table.n() + 1, &closed.coefficients(), &sectors)?;
            return Err(Error::Singular {
                what: "household-closed I − Ā".into(),
                pivot: closed.schur,
                position: table.n(),
            });
        }
        Ok(closed)
    }

    /// 1-norm condition estimate of `I − Ā`: `‖I − Ā‖₁·‖L̄‖₁`, with `‖L̄‖₁` the largest
    /// column sum of the non-negative `L̄` (one bordered transposed solve).
    #[must_use]
    pub fn condition_estimate(&self) -> f64 {
        self.condition_from_open_output_multipliers(&self.open.output_multipliers())
    }

    /// [`ClosedModel::condition_estimate`] from the open model's output multipliers
    /// `u = (I − A)⁻ᵀ·1` (the closed `(I − Ā)⁻ᵀ·1` is lifted from them, no solve).
    pub(crate) fn condition_from_open_output_multipliers(&self, u: &[f64]) -> f64 {
        // columns of I − Ā: the open columns plus the household row entry, and the household
        // column (its diagonal entry is 1)
        let households = 1.0 + self.household_column.iter().map(|v| v.abs()).sum::<f64>();
        let norm_m = self
            .open
            .column_norms
            .iter()
            .zip(&self.household_row)
            .map(|(s, h)| s + h.abs())
            .fold(households, f64::max);
        let (y, y2) = self.lift_transposed(u, 1.0);
        let norm_l = y.iter().fold(y2.abs(), |m, v| m.max(v.abs()));
        norm_m * norm_l
    }

    /// The open model it closes.
    #[must_use]
    pub fn open(&self) -> &LeontiefModel {
        &self.open
    }

    /// The closed coefficient matrix `Ā`, row-major `(n + 1) × (n + 1)`, households last.
    #[must_use]
    pub fn coefficients(&self) -> Vec<f64> {
        let n = self.household_row.len();
        let m = n + 1;
        let a = self.open.coefficients();
        let mut out = vec![0.0; m * m];
        for i in 0..n {
            out[i * m..i * m + n].copy_from_slice(&a[i * n..(i + 1) * n]);
            out[i * m + n] = self.household_column[i];
        }
        out[n * m..n * m + n].copy_from_slice(&self.household_row);
        out
    }

    /// The diagonal of `L̄ = (I − Ā)⁻¹` (households last) from the open model's `diag(L)`,
    /// with no second factorisation: by the bordered inverse (Miller & Blair 2009, §6.1.3),
    /// `L̄ⱼⱼ = Lⱼⱼ + (L·c)ⱼ·(hᵀL)ⱼ / s` and `L̄_hh = 1/s`, `s = 1 − hᵀL·c`. `O(n)`.
    #[must_use]
    pub fn leontief_diagonal_from(&self, open_diagonal: &[f64]) -> Vec<f64> {
        let mut d: Vec<f64> = open_diagonal
            .iter()
            .zip(self.lc.iter().zip(&self.hl))
            .map(|(l, (lc, hl))| l + lc * hl / self.schur)
            .collect();
        d.push(1.0 / self.schur);
        d
    }

    /// [`ClosedModel::leontief_diagonal_from`] with the open diagonal computed here (two
    /// triangular inverses of the open factor, `O(n³/3)`).
    #[must_use]
    pub fn leontief_diagonal(&self) -> Vec<f64> {
        self.leontief_diagonal_from(&self.open.leontief_diagonal())
    }

    /// The `(n + 1)`-dimensional model (households last), factored on first use: only
    /// results that need the whole closed inverse (e.g. its diagonal) ask for it.
    ///
    /// # Errors
    ///
    /// [`Error::Singular`] if the factorisation fails.
    pub fn model(&self) -> Result<&LeontiefModel> {
        let m = self.household_row.len() + 1;
        crate::interrupt::cached(&self.full, || {
            LeontiefModel::from_coefficients(m, self.coefficients())
        })
    }

    /// Household income per unit of output, by sector (the row closed into `Ā`).
    #[must_use]
    pub fn household_row(&self) -> &[f64] {
        &self.household_row
    }

    /// Local household consumption per unit of household income (the column closed into `Ā`).
    #[must_use]
    pub fn household_column(&self) -> &[f64] {
        &self.household_column
    }

    /// The household income `H` the consumption column was divided by.
    #[must_use]
    pub fn household_income(&self) -> f64 {
        self.household_income
    }

    /// `x̄ = (I − Ā)⁻¹·(f, f_h)`: sector outputs and household income.
    ///
    /// # Errors
    ///
    /// The errors of [`LeontiefModel::solve`].
    pub fn solve(&self, f: &[f64], household: f64) -> Result<(Vec<f64>, f64)> {
        let u = self.open.solve(f)?;
        let x2 = (household + dot(&self.household_row, &u)) / self.schur;
        Ok((
            u.iter().zip(&self.lc).map(|(u, l)| u + x2 * l).collect(),
            x2,
        ))
    }

    /// `(w, w_h)ᵀ·L̄` for one coefficient row over sectors and households.
    ///
    /// # Errors
    ///
    /// The errors of [`LeontiefModel::solve_transpose`].
    pub fn solve_transpose(&self, w: &[f64], household: f64) -> Result<(Vec<f64>, f64)> {
        let u = self.open.solve_transpose(w)?;
        Ok(self.lift_transposed(&u, household))
    }

    /// The closed transposed solve `(y, y₂)` of `(w, household)` from the open one
    /// `u = (I − A)⁻ᵀ·w`, without another solve: `y₂ = (household + u·c)/s` and
    /// `y = u + y₂·h`, with `h = (I − A)⁻ᵀ·r` precomputed and `s` the Schur complement
    /// (block elimination of the bordered matrix: the partitioned inverse, Miller & Blair
    /// 2009, Appendix A).
    pub(crate) fn lift_transposed(&self, u: &[f64], household: f64) -> (Vec<f64>, f64) {
        let y2 = (household + dot(u, &self.household_column)) / self.schur;
        (
            u.iter().zip(&self.hl).map(|(u, h)| u + y2 * h).collect(),
            y2,
        )
    }

    /// For each coefficient row `w` over `n + 1` accounts, `wᵀ·L̄` (blocked solves).
    pub(crate) fn solve_transpose_rows_full(&self, rows: &[Vec<f64>]) -> Vec<Vec<f64>> {
        let n = self.household_row.len();
        let heads: Vec<Vec<f64>> = rows.iter().map(|w| w[..n].to_vec()).collect();
        let solved = self.open.solve_transpose_rows(&heads);
        solved
            .into_iter()
            .zip(rows)
            .map(|(u, w)| {
                let (mut y, y2) = self.lift_transposed(&u, w[n]);
                y.push(y2);
                y
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasets;

    #[test]
    fn miller_blair_leontief_inverse_as_printed() {
        let table = datasets::miller_blair_2sector();
        let model = LeontiefModel::new(&table).unwrap();
        let a = model.coefficients();
        assert_eq!(a, &[0.15, 0.25, 0.2, 0.05]);
        let l = model.leontief_inverse().unwrap();
        let printed = [1.254125413, 0.3300330033, 0.2640264026, 1.122112211];
        for (v, p) in l.iter().zip(printed) {
            assert!((v - p).abs() < 1e-9, "{v} vs {p}");
        }
    }

    #[test]
    fn non_productive_matrix_is_refused() {
        let sectors = vec![
            Sector {
                code: "a".into(),
                name: "a".into(),
            },
            Sector {
                code: "b".into(),
                name: "b".into(),
            },
        ];
        let e = productivity(2, &[0.5, 0.9, 0.9, 0.5], &[1.0, 1.0], &sectors).unwrap_err();
        assert_eq!(e.code(), "non_productive");
        assert!(e.to_string().contains("1.4"), "{e}");
    }
}
