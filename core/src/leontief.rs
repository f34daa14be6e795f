//! `LeontiefModel`: the technical coefficients `A`, one LU factor of `(I − A)`, and the
//! solves every multiplier and impact is made of.
//!
//! This module sits below the table: it knows sectors and numbers, not tables, so that the
//! table can cache its factor without the two importing each other. The model of a table is
//! [`RegionalTable::leontief`](crate::table::RegionalTable::leontief) (cached) or
//! `LeontiefModel::new(&table)`; the household-closed model is in [`crate::model`].
//!
//! Miller & Blair (2009), *Input-Output Analysis*, 2nd ed., §2.3 (the open model) and §6.1
//! (closing with respect to households).

use crate::buffer::Buffer;
use crate::error::{Error, Result};
use crate::linalg::{DenseLu, perron_root};
use crate::sector::Sector;

/// Technical coefficients `A = Z·diag(x)⁻¹`, row-major: `a_ij = z_ij / x_j`.
///
/// A sector with zero output gets a zero column (DESIGN §1: no division by zero). One pass,
/// vectorised (each quotient is exactly rounded, so the SIMD width does not change a bit).
#[must_use]
pub fn technical_coefficients(n: usize, z: &[f64], x: &[f64]) -> Vec<f64> {
    let mut a = vec![0.0; n * n];
    technical_coefficients_into(n, z, x, &mut a);
    a
}

/// [`technical_coefficients`] written into `a` (`n²` values, e.g. a huge-page
/// [`Buffer`]).
pub(crate) fn technical_coefficients_into(n: usize, z: &[f64], x: &[f64], a: &mut [f64]) {
    struct Op<'a>(usize, &'a [f64], &'a [f64], &'a mut [f64]);
    impl pulp::WithSimd for Op<'_> {
        type Output = ();
        #[inline(always)]
        fn with_simd<S: pulp::Simd>(self, _: S) {
            let Op(n, z, x, a) = self;
            for (a_row, z_row) in a.chunks_exact_mut(n.max(1)).zip(z.chunks_exact(n.max(1))) {
                for ((a, z), x) in a_row.iter_mut().zip(z_row).zip(x) {
                    *a = if *x != 0.0 { z / x } else { 0.0 };
                }
            }
        }
    }
    pulp::Arch::new().dispatch(Op(n, z, x, a));
}

/// The row sums of a row-major `m × n` matrix, each summed left to right (the same bits as
/// `row.iter().sum()`), four rows at a time so that the four sums overlap.
#[must_use]
pub fn row_sums(n: usize, z: &[f64]) -> Vec<f64> {
    struct Op<'a>(usize, &'a [f64]);
    impl pulp::WithSimd for Op<'_> {
        type Output = Vec<f64>;
        #[inline(always)]
        fn with_simd<S: pulp::Simd>(self, _: S) -> Vec<f64> {
            let Op(n, z) = self;
            let rows: Vec<&[f64]> = z.chunks_exact(n.max(1)).collect();
            let mut out = Vec::with_capacity(rows.len());
            for four in rows.chunks(4) {
                if let [r0, r1, r2, r3] = four {
                    let mut s = [0.0_f64; 4];
                    for (((a, b), c), d) in r0.iter().zip(*r1).zip(*r2).zip(*r3) {
                        s[0] += a;
                        s[1] += b;
                        s[2] += c;
                        s[3] += d;
                    }
                    out.extend(s);
                } else {
                    out.extend(four.iter().map(|r| r.iter().sum::<f64>()));
                }
            }
            out
        }
    }
    pulp::Arch::new().dispatch(Op(n, z))
}

/// The column sums of a row-major `m × n` matrix, each summed top to bottom (vectorised
/// across the columns, so the order of each sum, and its bits, stay the same).
#[must_use]
pub fn column_sums(n: usize, z: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; n];
    add_column_sums(n, z, &mut out);
    out
}

/// Adds each column of a row-major `m × n` matrix to `into`, row by row (`into[j] + z₀ⱼ +
/// z₁ⱼ + …`, the order of the plain loop), vectorised across the columns by `pulp`'s
/// run-time dispatch.
pub fn add_column_sums(n: usize, z: &[f64], into: &mut [f64]) {
    struct Op<'a>(usize, &'a [f64], &'a mut [f64]);
    impl pulp::WithSimd for Op<'_> {
        type Output = ();
        #[inline(always)]
        fn with_simd<S: pulp::Simd>(self, _: S) {
            let Op(n, z, out) = self;
            for row in z.chunks_exact(n.max(1)) {
                for (t, v) in out.iter_mut().zip(row) {
                    *t += v;
                }
            }
        }
    }
    pulp::Arch::new().dispatch(Op(n, z, into));
}

/// Per-unit-of-output coefficients of a row vector: `v_j / x_j`, and 0 where `x_j = 0`.
#[must_use]
pub fn per_unit_of_output(v: &[f64], x: &[f64]) -> Vec<f64> {
    v.iter()
        .zip(x)
        .map(|(v, x)| if *x == 0.0 { 0.0 } else { v / x })
        .collect()
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
    let rho = perron_root(n, a)?;
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
    pub(crate) column_norms: Vec<f64>,
    /// `diag(L)`, computed on first use and kept (the factor does not change).
    diagonal: std::sync::OnceLock<Vec<f64>>,
}

impl LeontiefModel {
    /// Factors the model of a table's flows `z` (row-major `n × n`) and output `x`, with
    /// `A = Z·diag(x)⁻¹` (what [`RegionalTable::leontief`](crate::table::RegionalTable::leontief)
    /// caches; `LeontiefModel::new(&table)` hands out a copy).
    ///
    /// # Errors
    ///
    /// [`Error::NonProductive`] when `ρ(A) ≥ 1`; [`Error::Singular`] when `I − A` is singular.
    pub(crate) fn factor(n: usize, z: &[f64], x: &[f64], sectors: &[Sector]) -> Result<Self> {
        // A = Z·diag(x)⁻¹ is computed in the same pass that fills the LU input
        let attempt = Self::try_factor_from(n, Buffer::zeroed(n * n), Some((z, x)));
        Self::certify(n, attempt, sectors)
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
        if n.checked_mul(n) != Some(a.len()) {
            let e = Error::Shape {
                what: "A (n × n)".into(),
                expected: n.saturating_mul(n),
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
                diagonal: std::sync::OnceLock::new(),
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
        if self.n.checked_mul(k) != Some(f.len()) {
            return Err(Error::Shape {
                what: format!("final demands (n × k with k = {k})"),
                expected: self.n.saturating_mul(k),
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

    /// The LU factor of `I − A`.
    pub(crate) fn lu(&self) -> &DenseLu {
        &self.lu
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
    ///
    /// # Errors
    ///
    /// [`Error::Interrupted`] when the call was asked to stop ([`crate::interrupt`]; read
    /// between blocks of 256 columns from 1,000 sectors).
    pub fn leontief_inverse(&self) -> Result<Vec<f64>> {
        self.lu.inverse()
    }

    /// The diagonal of `L = (I − A)⁻¹` (what the Finn cycling index needs), from the LU
    /// factor without forming `L`: half the work of [`Self::leontief_inverse`]. Computed
    /// on the first call and kept with the factor (a table's model is shared by every
    /// analysis of it, so a second report does not redo it).
    #[must_use]
    pub fn leontief_diagonal(&self) -> Vec<f64> {
        self.diagonal
            .get_or_init(|| self.lu.inverse_diagonal())
            .clone()
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
