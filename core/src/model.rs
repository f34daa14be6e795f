//! `LeontiefModel`: the technical coefficients `A`, one LU factor of `(I − A)`, and the
//! solves every multiplier and impact is made of; the household-closed (Type II) model.
//!
//! Miller & Blair (2009), *Input-Output Analysis*, 2nd ed., §2.3 (the open model) and §6.1
//! (closing with respect to households).

use crate::buffer::Buffer;
use crate::error::{Error, Location, Result};
use crate::linalg::{DenseLu, spectral_radius};
use crate::table::{HouseholdClosure, RegionalTable, Sector};

/// Technical coefficients `A = Z·diag(x)⁻¹`, row-major: `a_ij = z_ij / x_j`.
///
/// A sector with zero output gets a zero column (DESIGN §1: no division by zero).
#[must_use]
pub fn technical_coefficients(n: usize, z: &[f64], x: &[f64]) -> Vec<f64> {
    let mut a = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            if x[j] != 0.0 {
                a[i * n + j] = z[i * n + j] / x[j];
            }
        }
    }
    a
}

/// Per-unit-of-output coefficients of a row vector: `v_j / x_j`, and 0 where `x_j = 0`.
#[must_use]
pub fn per_unit_of_output(v: &[f64], x: &[f64]) -> Vec<f64> {
    v.iter()
        .zip(x)
        .map(|(v, x)| if *x == 0.0 { 0.0 } else { v / x })
        .collect()
}

/// Column sums of a row-major `n × n` matrix, read row by row (contiguously).
fn column_sums(n: usize, a: &[f64]) -> Vec<f64> {
    let mut sums = vec![0.0; n];
    for row in a.chunks_exact(n.max(1)) {
        for (s, v) in sums.iter_mut().zip(row) {
            *s += v;
        }
    }
    sums
}

/// What the productivity check found.
#[derive(Debug, Clone, PartialEq)]
pub struct Productivity {
    /// Largest column sum of `A`.
    pub max_column_sum: f64,
    /// The sector holding it.
    pub sector: usize,
    /// Spectral radius, computed only when a column sum reaches 1.
    pub spectral_radius: Option<f64>,
}

/// Checks that the coefficient matrix of `Z` and `x` is productive.
///
/// A non-negative `A` is productive (`(I − A)⁻¹ ≥ 0` exists) iff its spectral radius is
/// below 1 (Miller & Blair 2009, §2.9, Hawkins–Simon). When every column sum is below 1 this
/// holds without computing eigenvalues (ρ(A) ≤ max column sum).
///
/// # Errors
///
/// [`Error::NonProductive`] when `ρ(A) ≥ 1`.
pub fn productivity(n: usize, z: &[f64], x: &[f64], sectors: &[Sector]) -> Result<Productivity> {
    productivity_of_coefficients(n, &technical_coefficients(n, z, x), sectors)
}

/// [`productivity`] for a coefficient matrix `A` given directly (row-major `n × n`).
///
/// # Errors
///
/// [`Error::NonProductive`] when `ρ(A) ≥ 1`.
pub fn productivity_of_coefficients(
    n: usize,
    a: &[f64],
    sectors: &[Sector],
) -> Result<Productivity> {
    let (sector, max_column_sum) = column_sums(n, a)
        .into_iter()
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |m, c| if c.1 > m.1 { c } else { m });
    let max_column_sum = max_column_sum.max(0.0);
    if max_column_sum < 1.0 {
        return Ok(Productivity {
            max_column_sum,
            sector,
            spectral_radius: None,
        });
    }
    let rho = spectral_radius(n, a)?;
    if rho < 1.0 - 1e-12 {
        Ok(Productivity {
            max_column_sum,
            sector,
            spectral_radius: Some(rho),
        })
    } else {
        Err(Error::NonProductive {
            spectral_radius: rho,
            max_column_sum,
            sector,
            code: sectors
                .get(sector)
                .map(|s| s.code.clone())
                .unwrap_or_default(),
        })
    }
}

/// Rows `first..first + a.len() / n` of the one pass of [`LeontiefModel::try_factor_from`]:
/// with `source = Some((z, x))` writes `aⱼᵢ = zⱼᵢ / xᵢ` first; then writes row `j` of `I − A`
/// as column `j` of `mt` (so `mt` holds `(I − A)ᵀ` column-major) and returns whether every
/// entry was finite, the column sums of `A` and the column 1-norms of `I − A` over these
/// rows. From n = [`PARALLEL_MIN_N`](crate::linalg::PARALLEL_MIN_N), where rayon has more
/// than one thread, the rows are split in two halves run by `rayon::join` (the pass is bound
/// by memory: page faults and the division).
fn fill_rows(
    n: usize,
    first: usize,
    a: &mut [f64],
    mt: &mut [f64],
    source: Option<(&[f64], &[f64])>,
) -> (bool, Vec<f64>, Vec<f64>) {
    #[cfg(not(target_family = "wasm"))]
    if n >= crate::linalg::PARALLEL_MIN_N && rayon::current_num_threads() > 1 {
        let half = (a.len() / n) / 2;
        let (a_lo, a_hi) = a.split_at_mut(half * n);
        let (mt_lo, mt_hi) = mt.split_at_mut(half * n);
        let (lo, hi) = rayon::join(
            || fill_rows_serial(n, first, a_lo, mt_lo, source),
            || fill_rows_serial(n, first + half, a_hi, mt_hi, source),
        );
        let add = |x: Vec<f64>, y: Vec<f64>| x.iter().zip(&y).map(|(x, y)| x + y).collect();
        return (lo.0 && hi.0, add(lo.1, hi.1), add(lo.2, hi.2));
    }
    fill_rows_serial(n, first, a, mt, source)
}

/// [`fill_rows`] on the calling thread.
fn fill_rows_serial(
    n: usize,
    first: usize,
    a: &mut [f64],
    mt: &mut [f64],
    source: Option<(&[f64], &[f64])>,
) -> (bool, Vec<f64>, Vec<f64>) {
    let rows = a.len() / n.max(1);
    let mut finite = true;
    let mut sums = vec![0.0; n];
    let mut norms = vec![0.0; n];
    // (I − A)ᵀ in column-major order is I − A read row by row: column j of it is row j of
    // I − A, and column i of I − A collects entry i of every row
    for k in 0..rows {
        let j = first + k;
        let col = &mut mt[k * n..(k + 1) * n];
        let row = &mut a[k * n..(k + 1) * n];
        if let Some((z, x)) = source {
            for ((v, z), x) in row.iter_mut().zip(&z[j * n..(j + 1) * n]).zip(x) {
                *v = if *x == 0.0 { 0.0 } else { z / x };
            }
        }
        for (((m, v), s), norm) in col.iter_mut().zip(&*row).zip(&mut sums).zip(&mut norms) {
            finite &= v.is_finite();
            *s += v;
            *m = -v;
            *norm += v.abs();
        }
        // the diagonal entry is 1 − aⱼⱼ, and its norm |1 − aⱼⱼ|, not |aⱼⱼ|
        col[j] += 1.0;
        norms[j] += col[j].abs() - row[j].abs();
    }
    (finite, sums, norms)
}

/// The open Leontief model of a table: `x = (I − A)⁻¹·f = L·f`.
///
/// Holds `A` and one LU factorisation of `(I − A)`; every multiplier is a transposed solve
/// `Lᵀ·w` and every impact a solve `L·f` with that factor. `L` itself is formed only when
/// [`LeontiefModel::leontief_inverse`] is called.
#[derive(Debug, Clone)]
pub struct LeontiefModel {
    n: usize,
    a: Buffer,
    lu: DenseLu,
    /// Largest column sum of `A` (below 1: productive without further checks).
    max_column_sum: f64,
    /// `Σᵢ |δᵢⱼ − aᵢⱼ|` for every column `j` of `I − A`.
    column_norms: Vec<f64>,
}

impl LeontiefModel {
    /// The open (Type I) model of a table, with `A = Z·diag(x)⁻¹` and `x` the table's
    /// [output](RegionalTable::output).
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

    /// Factors a table's model (what [`RegionalTable::leontief`] caches).
    pub(crate) fn factor(table: &RegionalTable) -> Result<Self> {
        let n = table.n();
        // A = Z·diag(x)⁻¹ is computed in the same pass that fills the LU input
        let attempt =
            Self::try_factor_from(n, Buffer::zeroed(n * n), Some((table.z(), table.output())));
        Self::certify(n, attempt, table.sectors())
    }

    /// Factors `I − A` and certifies that a non-negative `A` is productive without computing
    /// eigenvalues: when every column sum is below 1, `ρ(A) ≤ max column sum < 1`; otherwise
    /// the output multipliers `y = (I − Aᵀ)⁻¹·1` must be positive, and then
    /// `ρ(A) ≤ maxᵢ (Aᵀy)ᵢ / yᵢ = maxᵢ (yᵢ − 1)/yᵢ < 1` (Collatz–Wielandt). Only a failed
    /// certificate pays for the eigenvalues, to report `ρ(A)` in the error.
    pub(crate) fn productive(n: usize, a: Vec<f64>, sectors: &[Sector]) -> Result<Self> {
        Self::certify(n, Self::try_factor_from(n, a.into(), None), sectors)
    }

    /// The certificate of [`LeontiefModel::productive`] for a factorisation attempt.
    fn certify(
        n: usize,
        attempt: std::result::Result<Self, (Error, Buffer)>,
        sectors: &[Sector],
    ) -> Result<Self> {
        let a = match attempt {
            Ok(model)
                if model.max_column_sum < 1.0
                    || model
                        .output_multipliers()
                        .iter()
                        .all(|v| v.is_finite() && *v > 0.0) =>
            {
                return Ok(model);
            }
            Ok(model) => model.a,
            Err((Error::Singular { .. }, a)) => a,
            Err((e, _)) => return Err(e),
        };
        // the certificate failed: report the spectral radius (or accept a numerically
        // borderline case that the eigenvalues call productive)
        productivity_of_coefficients(n, &a, sectors)?;
        Self::try_factor_from(n, a, None).map_err(|(e, _)| e)
    }

    /// A model from a coefficient matrix `A` (row-major `n × n`).
    ///
    /// # Errors
    ///
    /// [`Error::Shape`] when `a.len() ≠ n²`, [`Error::NonFinite`] for NaN/∞ entries,
    /// [`Error::Singular`] when `I − A` is singular.
    pub fn from_coefficients(n: usize, a: Vec<f64>) -> Result<Self> {
        Self::try_factor_from(n, a.into(), None).map_err(|(e, _)| e)
    }

    /// [`LeontiefModel::from_coefficients`], handing `A` back with the error. One pass over
    /// `A` fills `(I − A)ᵀ` for the LU and gathers, on the way, the finiteness check, the
    /// column sums of `A` (for the productivity certificate) and the column 1-norms of
    /// `I − A` (for the condition estimate). With `source = Some((z, x))`, `A` is first
    /// written into `a` as `aᵢⱼ = zᵢⱼ / xⱼ` (0 where `xⱼ = 0`, as [`technical_coefficients`])
    /// in the same pass.
    fn try_factor_from(
        n: usize,
        mut a: Buffer,
        source: Option<(&[f64], &[f64])>,
    ) -> std::result::Result<Self, (Error, Buffer)> {
        if a.len() != n * n {
            let e = Error::Shape {
                what: "A (n × n)".into(),
                expected: n * n,
                found: a.len(),
            };
            return Err((e, a));
        }
        let mut mt = Buffer::zeroed(n * n);
        let (finite, sums, norms) = fill_rows(n, 0, &mut a, &mut mt, source);
        if !finite {
            let k = a.iter().position(|v| !v.is_finite()).unwrap_or(0);
            let e = Error::NonFinite {
                location: crate::error::Location::Field(format!("A[{}, {}]", k / n, k % n)),
                value: a[k],
            };
            return Err((e, a));
        }
        match DenseLu::factor_transposed(n, mt, "I − A") {
            Ok(lu) => Ok(Self {
                n,
                max_column_sum: sums.into_iter().fold(0.0, f64::max),
                column_norms: norms,
                a,
                lu,
            }),
            Err(e) => Err((e, a)),
        }
    }

    /// Dimension `n`.
    #[must_use]
    pub fn n(&self) -> usize {
        self.n
    }

    /// Technical coefficients `A`, row-major.
    #[must_use]
    pub fn coefficients(&self) -> &[f64] {
        &self.a
    }

    /// The output `x = L·f` that final demand `f` requires (one solve with the LU factor).
    ///
    /// # Errors
    ///
    /// [`Error::Shape`] when `f.len() ≠ n`; [`Error::NonFinite`] for NaN/∞ in `f`.
    pub fn solve(&self, f: &[f64]) -> Result<Vec<f64>> {
        self.check_vector("final demand", f)?;
        let mut x = f.to_vec();
        self.lu.solve_in_place(&mut x);
        Ok(x)
    }

    /// `X = L·F` for many final-demand vectors at once: `f` is row-major `n × k` (one
    /// column per scenario), all solved with the one LU factor (blocked).
    ///
    /// # Errors
    ///
    /// [`Error::Shape`] when `f.len() ≠ n·k`; [`Error::NonFinite`] for NaN/∞.
    pub fn solve_many(&self, f: &[f64], k: usize) -> Result<Vec<f64>> {
        if f.len() != self.n * k {
            return Err(Error::Shape {
                what: format!("final demands (n × k with k = {k})"),
                expected: self.n * k,
                found: f.len(),
            });
        }
        for (idx, &v) in f.iter().enumerate() {
            crate::error::check_finite(v, || {
                crate::error::Location::Field(format!(
                    "final demand [{}, {}]",
                    idx / k.max(1),
                    idx % k.max(1)
                ))
            })?;
        }
        let mut x = f.to_vec();
        self.lu.solve_columns_in_place(&mut x, k);
        Ok(x)
    }

    /// The row vector `wᵀ·L` (one transposed solve `(I − A)ᵀ·y = w`): for a coefficient row
    /// `w` (e.g. income per unit of output), entry `j` is the total `w`-content of one unit of
    /// final demand for sector `j`.
    ///
    /// # Errors
    ///
    /// [`Error::Shape`] when `w.len() ≠ n`; [`Error::NonFinite`] for NaN/∞ in `w`.
    pub fn solve_transpose(&self, w: &[f64]) -> Result<Vec<f64>> {
        self.check_vector("coefficient row", w)?;
        let mut y = w.to_vec();
        self.lu.solve_transpose_in_place(&mut y);
        Ok(y)
    }

    /// `wᵀ·L` for several rows at once, with one blocked transposed solve.
    pub(crate) fn solve_transpose_rows(&self, rows: &[Vec<f64>]) -> Vec<Vec<f64>> {
        self.lu.solve_transpose_rows(rows)
    }

    /// Output multipliers `1ᵀ·L` (Miller & Blair 2009, eq. 6.2): the total output in the
    /// region per unit of final demand for each sector.
    #[must_use]
    pub fn output_multipliers(&self) -> Vec<f64> {
        let mut y = vec![1.0; self.n];
        self.lu.solve_transpose_in_place(&mut y);
        y
    }

    /// The Leontief inverse `L = (I − A)⁻¹`, row-major. `O(n³)`: prefer [`Self::solve`] and
    /// [`Self::solve_transpose`] unless you need the whole matrix.
    #[must_use]
    pub fn leontief_inverse(&self) -> Vec<f64> {
        self.lu.inverse()
    }

    /// The diagonal of `L = (I − A)⁻¹` (what the Finn cycling index needs), from the LU
    /// factor without forming `L`: half the work of [`Self::leontief_inverse`].
    #[must_use]
    pub fn leontief_diagonal(&self) -> Vec<f64> {
        self.lu.inverse_diagonal()
    }

    /// A model from coefficients without the productivity check (for diagnostics).
    pub(crate) fn new_unchecked(n: usize, a: Vec<f64>) -> Result<Self> {
        Self::from_coefficients(n, a)
    }

    /// 1-norm condition estimate `κ₁(I − A) = ‖I − A‖₁·‖(I − A)⁻¹‖₁`. For a productive
    /// non-negative `A`, `L ≥ 0`, so `‖L‖₁` is the largest output multiplier: one
    /// transposed solve, no inverse.
    #[must_use]
    pub fn condition_estimate(&self) -> f64 {
        self.condition_from_output_multipliers(&self.output_multipliers())
    }

    /// [`LeontiefModel::condition_estimate`] from output multipliers already solved for.
    pub(crate) fn condition_from_output_multipliers(&self, multipliers: &[f64]) -> f64 {
        let norm_m = self.column_norms.iter().copied().fold(0.0, f64::max);
        let norm_l = multipliers.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
        norm_m * norm_l
    }

    /// Smallest over largest pivot of the LU factor of `I − A` (near 0: ill-conditioned).
    #[must_use]
    pub fn pivot_ratio(&self) -> f64 {
        self.lu.pivot_ratio()
    }

    fn check_vector(&self, what: &str, v: &[f64]) -> Result<()> {
        if v.len() != self.n {
            return Err(Error::Shape {
                what: what.into(),
                expected: self.n,
                found: v.len(),
            });
        }
        for (j, &value) in v.iter().enumerate() {
            crate::error::check_finite(value, || {
                crate::error::Location::Field(format!("{what}[{j}]"))
            })?;
        }
        Ok(())
    }
}

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

    /// The `(n + 1)`-dimensional model (households last), factored on first use: only
    /// results that need the whole closed inverse (e.g. its diagonal) ask for it.
    ///
    /// # Errors
    ///
    /// [`Error::Singular`] if the factorisation fails.
    pub fn model(&self) -> Result<&LeontiefModel> {
        let m = self.household_row.len() + 1;
        self.full
            .get_or_init(|| LeontiefModel::from_coefficients(m, self.coefficients()))
            .as_ref()
            .map_err(Clone::clone)
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
        let l = model.leontief_inverse();
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
