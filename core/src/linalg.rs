//! The dense engine: one LU factorisation (faer, partial pivoting) reused for every solve,
//! and the spectral radius. Nothing domain-specific lives here.

use faer::Mat;
use faer::linalg::solvers::{DenseSolveCore, PartialPivLu, Solve};

use crate::error::{Error, Result};

/// Relative pivot size below which a matrix is treated as singular.
const SINGULAR_PIVOT: f64 = 1e-13;

/// An LU factorisation of a square matrix `M`, kept for repeated solves.
///
/// The row-major input is read as a column-major `Mᵀ` (contiguous reads, no transposing
/// copy), so the factor held is of `Mᵀ`; solves with `M` are transposed solves with it and
/// vice versa.
#[derive(Debug, Clone)]
pub struct DenseLu {
    lu: PartialPivLu<f64>,
    n: usize,
    /// Smallest |U_ii| divided by the largest |U_ii| (a cheap conditioning hint).
    pivot_ratio: f64,
}

impl DenseLu {
    /// Factors the row-major `n × n` matrix `m`.
    ///
    /// # Errors
    ///
    /// [`Error::Singular`] when a pivot is zero or smaller than `1e-13` times the largest.
    pub fn factor(n: usize, m: &[f64], what: &str) -> Result<Self> {
        debug_assert_eq!(m.len(), n * n);
        let mat = Mat::from_fn(n, n, |i, j| m[j * n + i]); // Mᵀ, read contiguously
        let lu = mat.partial_piv_lu();
        let u = lu.U();
        let mut max = 0.0_f64;
        let mut min = f64::INFINITY;
        let mut at = 0;
        for i in 0..n {
            let p = u[(i, i)].abs();
            max = max.max(p);
            if p < min {
                min = p;
                at = i;
            }
        }
        if n > 0 && (!min.is_finite() || min <= SINGULAR_PIVOT * max || max == 0.0) {
            return Err(Error::Singular {
                what: what.into(),
                pivot: min,
                position: at,
            });
        }
        let pivot_ratio = if n == 0 { 1.0 } else { min / max };
        Ok(Self { lu, n, pivot_ratio })
    }

    /// Dimension `n`.
    #[must_use]
    pub fn n(&self) -> usize {
        self.n
    }

    /// Smallest over largest pivot magnitude.
    #[must_use]
    pub fn pivot_ratio(&self) -> f64 {
        self.pivot_ratio
    }

    /// Solves `M·x = b` for one right-hand side, in place.
    pub fn solve_in_place(&self, b: &mut [f64]) {
        let mut rhs = Mat::from_fn(self.n, 1, |i, _| b[i]);
        self.lu.solve_transpose_in_place(&mut rhs);
        for (i, v) in b.iter_mut().enumerate() {
            *v = rhs[(i, 0)];
        }
    }

    /// Solves `Mᵀ·y = b` for one right-hand side, in place.
    pub fn solve_transpose_in_place(&self, b: &mut [f64]) {
        let mut rhs = Mat::from_fn(self.n, 1, |i, _| b[i]);
        self.lu.solve_in_place(&mut rhs);
        for (i, v) in b.iter_mut().enumerate() {
            *v = rhs[(i, 0)];
        }
    }

    /// Solves `Mᵀ·Y = B` for `k` right-hand sides given as rows: `rows[r]` is the `r`-th
    /// right-hand side (length `n`); returns the solutions as rows.
    #[must_use]
    pub fn solve_transpose_rows(&self, rows: &[Vec<f64>]) -> Vec<Vec<f64>> {
        if rows.is_empty() {
            return Vec::new();
        }
        let mut rhs = Mat::from_fn(self.n, rows.len(), |i, r| rows[r][i]);
        self.lu.solve_in_place(&mut rhs);
        (0..rows.len())
            .map(|r| (0..self.n).map(|i| rhs[(i, r)]).collect())
            .collect()
    }

    /// Solves `M·X = B` for `k` right-hand sides given row-major `n × k`, in place.
    pub fn solve_columns_in_place(&self, b: &mut [f64], k: usize) {
        let mut rhs = Mat::from_fn(self.n, k, |i, j| b[i * k + j]);
        self.lu.solve_transpose_in_place(&mut rhs);
        for i in 0..self.n {
            for j in 0..k {
                b[i * k + j] = rhs[(i, j)];
            }
        }
    }

    /// The inverse `M⁻¹`, row-major. `O(n³)`: only when a result needs it.
    #[must_use]
    pub fn inverse(&self) -> Vec<f64> {
        // the factor is of Mᵀ: (Mᵀ)⁻¹ in column-major order is M⁻¹ in row-major order
        let inv = self.lu.inverse();
        let n = self.n;
        let mut out = vec![0.0; n * n];
        for j in 0..n {
            for i in 0..n {
                out[j * n + i] = inv[(i, j)];
            }
        }
        out
    }
}

/// The spectral radius `ρ(M) = max |λ|` of a row-major `n × n` matrix.
///
/// # Errors
///
/// [`Error::Singular`] when the eigenvalue iteration does not converge (rare; reported
/// rather than guessed).
pub fn spectral_radius(n: usize, m: &[f64]) -> Result<f64> {
    let mat = Mat::from_fn(n, n, |i, j| m[i * n + j]);
    let eig = mat.eigenvalues().map_err(|_| Error::Singular {
        what: "eigenvalue iteration for the spectral radius did not converge".into(),
        pivot: f64::NAN,
        position: 0,
    })?;
    Ok(eig.iter().map(|c| c.re.hypot(c.im)).fold(0.0, f64::max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_and_transposed_solves_agree_with_the_matrix() {
        let m = [4.0, 1.0, 2.0, 3.0];
        let lu = DenseLu::factor(2, &m, "m").unwrap();
        let mut b = [1.0, 2.0];
        lu.solve_in_place(&mut b);
        assert!((4.0 * b[0] + 1.0 * b[1] - 1.0).abs() < 1e-14);
        assert!((2.0 * b[0] + 3.0 * b[1] - 2.0).abs() < 1e-14);
        let mut c = [1.0, 2.0];
        lu.solve_transpose_in_place(&mut c);
        assert!((4.0 * c[0] + 2.0 * c[1] - 1.0).abs() < 1e-14);
        assert!((1.0 * c[0] + 3.0 * c[1] - 2.0).abs() < 1e-14);
    }

    #[test]
    fn singular_matrix_is_an_error() {
        let e = DenseLu::factor(2, &[1.0, 2.0, 2.0, 4.0], "m").unwrap_err();
        assert_eq!(e.code(), "singular");
    }

    #[test]
    fn spectral_radius_of_a_rotation_scaled() {
        let r = spectral_radius(2, &[0.0, -0.5, 0.5, 0.0]).unwrap();
        assert!((r - 0.5).abs() < 1e-12);
    }
}
