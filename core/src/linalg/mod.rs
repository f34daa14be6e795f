//! The dense engine: one LU factorisation (faer, partial pivoting) reused for every solve,
//! and the spectral radius. Nothing domain-specific lives here.
//!
//! The factorisation is done in place on one `n × n` buffer (faer's
//! `lu_in_place`: the unit lower factor below the diagonal, the upper factor on and above
//! it), so factoring a table costs one copy of `I − A` (in a huge-page-backed buffer when
//! large, see `crate::buffer`) and nothing else. Below [`PARALLEL_MIN_N`] (the inverse:
//! [`PARALLEL_INVERSE_MIN_N`]) everything runs on the calling thread; above it, on targets
//! with threads (not WebAssembly), the factorisation, multi-right-hand-side solves and the
//! inverse use faer's rayon parallelism (`RAYON_NUM_THREADS` sets the thread count). The
//! diagonal of the inverse (for the Finn cycling index) needs only the two triangular
//! inverses: [`DenseLu::inverse_diagonal`]. From [`PANELS_MIN_N`] the factorisation is driven
//! in column panels (faer's LU of each panel, faer's triangular solve and matrix product for
//! the rest: `panels.rs`), and the inverse in blocks of columns, so that an interrupted call
//! ([`crate::interrupt`]) stops between two of them instead of after the whole factorisation
//! or inverse.

mod panels;
mod portable;

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::lu::partial_pivoting::{factor, inverse, solve};
use faer::perm::PermRef;
use faer::{Mat, MatMut, MatRef, Par};

use crate::buffer::Buffer;
use crate::error::{Error, Result};

/// Relative pivot size below which a matrix is treated as singular.
const SINGULAR_PIVOT: f64 = 1e-13;

/// Smallest dimension at which factorisations and blocked solves run in parallel. Measured
/// on the 2-core benchmark machine (faer 0.24 LU, best of 15, one thread | two threads):
/// n = 768: 6.7 | 8.6 ms; 896: 10.6 | 12.7 ms; 1000: 14.0 | 10.5 ms; 1400: 38.5 | 25.2 ms;
/// 2000: 111 | 66 ms. Thread start-up and synchronisation outweigh the gain below ≈ 1000.
/// Rerun: `cargo run --release --example lu_timing -- 768 1000 2000`.
pub const PARALLEL_MIN_N: usize = 1000;

/// Smallest dimension at which the inverse (triangular inverses and a triangular product,
/// more parallel than the LU) runs in parallel. Measured as above (best of 30, one thread |
/// two): n = 400: 3.3 | 3.6 ms; 480: 5.1 | 3.6 ms; 600: 9.8 | 6.3 ms; 800: 20.7 | 13.0 ms.
/// Rerun: `cargo run --release --example lu_timing -- 400 480 600 800`.
pub const PARALLEL_INVERSE_MIN_N: usize = 480;

/// Largest dimension factored and solved by the portable kernels (`portable.rs`), which give
/// the same bits on every platform (native and WebAssembly alike); larger matrices use faer's
/// blocked kernels, faster there but platform-dependent in their last bits.
pub const PORTABLE_MAX_N: usize = 256;

/// Smallest dimension factored panel by panel (`panels.rs`), so that the factorisation
/// stops between two panels when the call is interrupted (Ctrl-C in Python); below it faer's
/// `lu_in_place` factors in one call (under 20 ms). Measured on the 2-core benchmark machine
/// with `DenseLu::factor` built both ways (best of 7, two threads, three runs alternated): in
/// panels 82–86 ms at n = 2000 and 535–548 ms at n = 4000, in faer's one call 83–87 and
/// 527–556 ms — the same within the noise. `cargo run --release --example lu_timing -- 2000
/// 4000` prints both, faer's without `DenseLu`'s copy of the matrix.
pub const PANELS_MIN_N: usize = 1000;

/// The parallelism used for work on an `n × n` matrix (with `columns` right-hand sides),
/// parallel from `min_n`.
fn parallelism_from(min_n: usize, n: usize, columns: usize) -> Par {
    #[cfg(not(target_family = "wasm"))]
    {
        if n >= min_n && columns >= 16 && rayon::current_num_threads() > 1 {
            return Par::rayon(0);
        }
    }
    let _ = (min_n, n, columns);
    Par::Seq
}

/// The parallelism of factorisations and solves on an `n × n` matrix.
fn parallelism(n: usize, columns: usize) -> Par {
    parallelism_from(PARALLEL_MIN_N, n, columns)
}

/// An LU factorisation of a square matrix `M`, kept for repeated solves.
///
/// The factor held is of `Mᵀ` (the row-major input read as column-major, so no transposing
/// copy is made); solves with `M` are transposed solves with it and vice versa.
#[derive(Debug, Clone)]
pub struct DenseLu {
    /// `L` (unit, strictly below the diagonal) and `U` (on and above) of `P·Mᵀ = L·U`,
    /// column-major.
    lu: Buffer,
    perm: Vec<usize>,
    perm_inv: Vec<usize>,
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
        // M row-major is Mᵀ column-major
        Self::factor_transposed(n, Buffer::from_slice(m), what)
    }

    /// Factors `M` given as `Mᵀ` in column-major order (`mt[i + j·n] = M[j][i]`, which is
    /// `M` row-major), in place: no further copy is made.
    ///
    /// # Errors
    ///
    /// [`Error::Singular`] when a pivot is zero or smaller than `1e-13` times the largest.
    pub(crate) fn factor_transposed(n: usize, mut mt: Buffer, what: &str) -> Result<Self> {
        debug_assert_eq!(mt.len(), n * n);
        let mut perm = vec![0usize; n];
        let mut perm_inv = vec![0usize; n];
        if n <= PORTABLE_MAX_N {
            portable::factor(n, &mut mt, &mut perm);
            for (i, &p) in perm.iter().enumerate() {
                perm_inv[p] = i;
            }
        } else if n >= PANELS_MIN_N {
            panels::factor(n, &mut mt, &mut perm, &mut perm_inv, parallelism(n, n))?;
        } else {
            let par = parallelism(n, n);
            let mut buf = MemBuffer::new(factor::lu_in_place_scratch::<usize, f64>(
                n,
                n,
                par,
                Default::default(),
            ));
            factor::lu_in_place(
                MatMut::from_column_major_slice_mut(&mut mt, n, n),
                &mut perm,
                &mut perm_inv,
                par,
                MemStack::new(&mut buf),
                Default::default(),
            );
        }
        let mut max = 0.0_f64;
        let mut min = f64::INFINITY;
        let mut at = 0;
        for i in 0..n {
            let p = mt[i * n + i].abs();
            max = max.max(p);
            if p < min || p.is_nan() {
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
        Ok(Self {
            lu: mt,
            perm,
            perm_inv,
            n,
            pivot_ratio,
        })
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

    fn factors(&self) -> MatRef<'_, f64> {
        MatRef::from_column_major_slice(&self.lu, self.n, self.n)
    }

    fn perm(&self) -> PermRef<'_, usize> {
        PermRef::new_checked(&self.perm, &self.perm_inv, self.n)
    }

    /// Whether this factor uses the portable kernels.
    fn portable(&self) -> bool {
        self.n <= PORTABLE_MAX_N
    }

    /// Applies a portable solve to every column of `rhs`.
    fn portable_columns(
        &self,
        mut rhs: MatMut<'_, f64>,
        f: fn(usize, &[f64], &[usize], &mut [f64]),
    ) {
        let (n, k) = (self.n, rhs.ncols());
        let mut columns: Vec<f64> = (0..n * k)
            .map(|idx| rhs[(idx % n.max(1), idx / n.max(1))])
            .collect();
        f(n, &self.lu, &self.perm, &mut columns);
        for (idx, v) in columns.into_iter().enumerate() {
            rhs[(idx % n, idx / n)] = v;
        }
    }

    /// `(Mᵀ)⁻¹·B` in place: the factored matrix's own solve.
    fn solve_factored(&self, rhs: MatMut<'_, f64>) {
        if self.portable() {
            return self.portable_columns(rhs, portable::solve_columns);
        }
        let par = parallelism(self.n, rhs.ncols());
        let mut buf = MemBuffer::new(solve::solve_in_place_scratch::<usize, f64>(
            self.n,
            rhs.ncols(),
            par,
        ));
        let lu = self.factors();
        solve::solve_in_place(lu, lu, self.perm(), rhs, par, MemStack::new(&mut buf));
    }

    /// `M⁻¹·B` in place: the transposed solve of the factored matrix.
    fn solve_factored_transpose(&self, rhs: MatMut<'_, f64>) {
        if self.portable() {
            return self.portable_columns(rhs, portable::solve_transpose_columns);
        }
        let par = parallelism(self.n, rhs.ncols());
        let mut buf = MemBuffer::new(solve::solve_transpose_in_place_scratch::<usize, f64>(
            self.n,
            rhs.ncols(),
            par,
        ));
        let lu = self.factors();
        solve::solve_transpose_in_place(lu, lu, self.perm(), rhs, par, MemStack::new(&mut buf));
    }

    /// Solves `M·x = b` for one right-hand side, in place.
    pub fn solve_in_place(&self, b: &mut [f64]) {
        let mut rhs = Mat::from_fn(self.n, 1, |i, _| b[i]);
        self.solve_factored_transpose(rhs.as_mut());
        for (i, v) in b.iter_mut().enumerate() {
            *v = rhs[(i, 0)];
        }
    }

    /// Solves `Mᵀ·y = b` for one right-hand side, in place.
    pub fn solve_transpose_in_place(&self, b: &mut [f64]) {
        let mut rhs = Mat::from_fn(self.n, 1, |i, _| b[i]);
        self.solve_factored(rhs.as_mut());
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
        self.solve_factored(rhs.as_mut());
        (0..rows.len())
            .map(|r| rhs.col(r).iter().copied().collect())
            .collect()
    }

    /// Solves `M·X = B` for `k` right-hand sides given row-major `n × k`, in place.
    pub fn solve_columns_in_place(&self, b: &mut [f64], k: usize) {
        let mut rhs = Mat::from_fn(self.n, k, |i, j| b[i * k + j]);
        self.solve_factored_transpose(rhs.as_mut());
        for i in 0..self.n {
            for j in 0..k {
                b[i * k + j] = rhs[(i, j)];
            }
        }
    }

    /// The diagonal of `M⁻¹` without the whole inverse: with `P·Mᵀ = L·U`,
    /// `(Mᵀ)⁻¹ = U⁻¹·L⁻¹·P` and `(M⁻¹)ⱼⱼ = Σₖ (U⁻¹)ⱼₖ·(L⁻¹)ₖ,π⁻¹(ⱼ)`: the two triangular
    /// inverses (`2n³/3` flops) and `O(n²)` sums, where the inverse also multiplies them
    /// (another `2n³/3`). What the Finn cycling index needs.
    #[must_use]
    pub fn inverse_diagonal(&self) -> Vec<f64> {
        let n = self.n;
        if self.portable() {
            // (M⁻¹)ⱼⱼ = ((Mᵀ)⁻¹)ⱼⱼ from one row of U⁻¹ and one column of L⁻¹ each
            return portable::inverse_diagonal(n, &self.lu, &self.perm);
        }
        let par = parallelism_from(PARALLEL_INVERSE_MIN_N, n, n);
        let lu = self.factors();
        let mut l_inv = Mat::<f64>::zeros(n, n);
        let mut u_inv = Mat::<f64>::zeros(n, n);
        faer::linalg::triangular_inverse::invert_unit_lower_triangular(l_inv.as_mut(), lu, par);
        faer::linalg::triangular_inverse::invert_upper_triangular(u_inv.as_mut(), lu, par);
        (0..n)
            .map(|j| {
                let c = self.perm_inv[j];
                // U⁻¹ is upper (k ≥ j), L⁻¹ unit lower (k ≥ c, with (L⁻¹)_cc = 1)
                (j.max(c)..n)
                    .map(|k| {
                        let l = if k == c { 1.0 } else { l_inv[(k, c)] };
                        u_inv[(j, k)] * l
                    })
                    .sum()
            })
            .collect()
    }

    /// The inverse `M⁻¹`, row-major. `O(n³)` (`4n³/3` flops): only when a result needs it.
    /// From [`PANELS_MIN_N`] it is computed in blocks of columns (`panels.rs`), so that an
    /// interrupted call stops between two of them.
    ///
    /// # Errors
    ///
    /// [`Error::Interrupted`] when the call was asked to stop ([`crate::interrupt`]).
    pub fn inverse(&self) -> Result<Vec<f64>> {
        let n = self.n;
        if self.portable() {
            // (Mᵀ)⁻¹ column by column; column-major (Mᵀ)⁻¹ is row-major M⁻¹
            let mut out = vec![0.0; n * n];
            for j in 0..n {
                out[j * n + j] = 1.0;
            }
            portable::solve_columns(n, &self.lu, &self.perm, &mut out);
            return Ok(out);
        }
        if n >= PANELS_MIN_N {
            // (Mᵀ)⁻¹ column-major is M⁻¹ row-major
            return panels::inverse(n, &self.lu, &self.perm, parallelism(n, n));
        }
        let par = parallelism_from(PARALLEL_INVERSE_MIN_N, n, n);
        let mut inv = Mat::<f64>::zeros(n, n);
        let mut buf = MemBuffer::new(inverse::inverse_scratch::<usize, f64>(n, par));
        let lu = self.factors();
        inverse::inverse(
            inv.as_mut(),
            lu,
            lu,
            self.perm(),
            par,
            MemStack::new(&mut buf),
        );
        // the factor is of Mᵀ: (Mᵀ)⁻¹ in column-major order is M⁻¹ in row-major order
        let mut out = Vec::with_capacity(n * n);
        for j in 0..n {
            out.extend(inv.col(j).iter().copied());
        }
        Ok(out)
    }
}

/// The SIMD paths the dense engine takes on this machine, in words, for benchmarks to print
/// next to their ratios (a ratio measured on one path is no claim for another).
///
/// Up to [`PORTABLE_MAX_N`] sectors the portable kernels run under pulp's run-time
/// dispatch: AVX2 + FMA (x86-64-v3) when the CPU has it, otherwise SSE2, SIMD128 in
/// WebAssembly. Above it, faer's blocked LU: its matrix products (the bulk of the flops)
/// go through `private-gemm-x86`, which faer 0.24 points at AVX-512 when the CPU has
/// `avx512f` and at AVX2 + FMA otherwise (`faer::linalg::matmul::internal`); its other
/// kernels (panel factorisation, triangular solves) are compiled by pulp for x86-64-v3 at
/// most, since pulp's AVX-512 level needs faer's `nightly` feature. This function repeats
/// those run-time tests; it does not observe the kernels.
pub fn kernel_path() -> String {
    #[cfg(target_arch = "x86_64")]
    {
        let v3 = pulp::x86::V3::try_new().is_some();
        let small = if v3 { "AVX2+FMA" } else { "SSE2" };
        let products = if std::arch::is_x86_feature_detected!("avx512f") {
            "AVX-512"
        } else if std::arch::is_x86_feature_detected!("avx2")
            && std::arch::is_x86_feature_detected!("fma")
        {
            "AVX2+FMA"
        } else {
            "faer's generic gemm"
        };
        format!(
            "n ≤ {PORTABLE_MAX_N}: portable kernels, {small}; above: faer LU with {products} matrix products and {small} panels"
        )
    }
    #[cfg(target_arch = "wasm32")]
    {
        "WebAssembly: portable kernels and faer LU, SIMD128".to_string()
    }
    #[cfg(not(any(target_arch = "x86_64", target_arch = "wasm32")))]
    {
        "portable kernels and faer LU (no x86-64 dispatch on this architecture)".to_string()
    }
}

/// `Σ vᵢ` with four running sums (so the additions pipeline and vectorise; the rounding
/// differs from a left-to-right sum by at most a few ulps).
pub(crate) fn sum(v: &[f64]) -> f64 {
    let mut lanes = [0.0; 4];
    let chunks = v.chunks_exact(4);
    let tail: f64 = chunks.remainder().iter().sum();
    for c in chunks {
        for (l, x) in lanes.iter_mut().zip(c) {
            *l += x;
        }
    }
    (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]) + tail
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
    Ok(eig
        .iter()
        .map(|c| libm::hypot(c.re, c.im))
        .fold(0.0, f64::max))
}

/// Largest dimension whose spectral radius [`perron_root`] takes from all the eigenvalues
/// (faer's dense eigenvalue solver, one call that cannot be interrupted: 0.13 s at n = 500,
/// 0.55 s at n = 1,000, 2.3 s at n = 2,000 on a random non-negative matrix, and 22 s for a
/// 4,500-sector closed model, on the benchmark machine); above it, from the Collatz–Wielandt
/// bounds of a power iteration, `O(n²)` a step, interruptible (0.17 s at n = 2,000 on the
/// same matrix, the same root to ten digits).
pub const EIGENVALUES_MAX_N: usize = 1000;

/// Steps of the power iteration of [`perron_root`] before it decides from its bounds.
pub const PERRON_STEPS: usize = 200;

/// The Perron root `ρ(A)` of a non-negative row-major `n × n` matrix, for the productivity
/// checks (only reached when a column sum of `A` is 1 or more).
///
/// Up to [`EIGENVALUES_MAX_N`] (or when an entry is negative): [`spectral_radius`]. Above:
/// the power iteration `x ← (A + I)·x`, `w ← (Aᵀ + I)·w` from `x = w = 1`, both in one pass
/// over `A` a step, each step giving the Collatz–Wielandt bounds
/// `minᵢ (Ax)ᵢ/xᵢ ≤ ρ(A) ≤ maxᵢ (Ax)ᵢ/xᵢ` for the positive `x` (and the same for `Aᵀ`, whose
/// root is the same: the Collatz–Wielandt formula, Berman & Plemmons, *Nonnegative Matrices
/// in the Mathematical Sciences*, 1994, ch. 2). It stops when the best bounds are within `10⁻¹⁰` of each other
/// (the root to about ten digits) or after [`PERRON_STEPS`] steps; then it returns the upper
/// bound when it is below 1 (`ρ < 1` is proved), the lower bound when it is 1 or more
/// (`ρ ≥ 1` is proved), and otherwise, undecided, all the eigenvalues after all. The interruption
/// flag ([`crate::interrupt`]) is read every step.
///
/// # Errors
///
/// As [`spectral_radius`]; [`Error::Interrupted`] when the call is stopped.
pub fn perron_root(n: usize, a: &[f64]) -> Result<f64> {
    debug_assert_eq!(a.len(), n * n);
    if n <= EIGENVALUES_MAX_N || a.iter().any(|v| v.is_nan() || *v < 0.0) {
        return spectral_radius(n, a);
    }
    let (lower, upper) = collatz_wielandt(n, a)?;
    if upper < 1.0 - 1e-12 {
        Ok(upper)
    } else if lower >= 1.0 - 1e-12 {
        Ok(lower)
    } else {
        spectral_radius(n, a)
    }
}

/// The Perron root `ρ(A)` of a non-negative row-major `n × n` matrix as a value, for an
/// indicator that reports it (the dominant eigenvalue of a flow graph's adjacency matrix).
///
/// Up to [`EIGENVALUES_MAX_N`] (or when an entry is negative): [`spectral_radius`]. Above:
/// the Collatz–Wielandt bounds of [`perron_root`]'s power iteration, their upper bound when
/// they meet within `10⁻¹⁰` (relative) in [`PERRON_STEPS`] steps — the root to about ten
/// digits, `O(n²)` a step, interruptible; otherwise all the eigenvalues. The bounds meet when
/// `A` is irreducible (then `A + I` is primitive, its Perron vector positive), at a rate set by
/// the gap between its two largest eigenvalues; for a reducible matrix split it into its
/// strongly connected components first (its root is the largest of theirs).
///
/// # Errors
///
/// As [`spectral_radius`]; [`Error::Interrupted`] when the call is stopped.
pub fn perron_value(n: usize, a: &[f64]) -> Result<f64> {
    debug_assert_eq!(a.len(), n * n);
    if n <= EIGENVALUES_MAX_N || a.iter().any(|v| v.is_nan() || *v < 0.0) {
        return spectral_radius(n, a);
    }
    let (lower, upper) = collatz_wielandt(n, a)?;
    if upper - lower <= 1e-10 * upper {
        Ok(upper)
    } else {
        spectral_radius(n, a)
    }
}

/// The best Collatz–Wielandt bounds `(lower, upper)` on `ρ(A)` of at most [`PERRON_STEPS`]
/// steps of `x ← (A + I)·x`, `w ← (Aᵀ + I)·w` (see [`perron_root`]), stopping once they are
/// within `10⁻¹⁰` of each other. `O(n²)` a step; the interruption flag is read every step.
fn collatz_wielandt(n: usize, a: &[f64]) -> Result<(f64, f64)> {
    let (mut x, mut w) = (vec![1.0; n], vec![1.0; n]);
    let (mut ax, mut atw) = (vec![0.0; n], vec![0.0; n]);
    let (mut lower, mut upper) = (0.0_f64, f64::INFINITY);
    for _ in 0..PERRON_STEPS {
        crate::interrupt::check("the spectral radius of a large matrix")?;
        atw.iter_mut().for_each(|v| *v = 0.0);
        for (i, row) in a.chunks_exact(n).enumerate() {
            ax[i] = row.iter().zip(&x).map(|(m, v)| m * v).sum();
            let wi = w[i];
            for (t, m) in atw.iter_mut().zip(row) {
                *t += m * wi;
            }
        }
        for (image, v) in [(&ax, &x), (&atw, &w)] {
            let ratios = image.iter().zip(v.iter()).map(|(y, v)| y / v);
            let (lo, hi) = ratios.fold((f64::INFINITY, 0.0_f64), |(lo, hi), r| {
                (lo.min(r), hi.max(r))
            });
            lower = lower.max(lo);
            upper = upper.min(hi);
        }
        if upper - lower <= 1e-10 * upper {
            break;
        }
        for (v, image) in [(&mut x, &ax), (&mut w, &atw)] {
            for (vi, yi) in v.iter_mut().zip(image) {
                *vi += yi;
            }
            let largest = v.iter().copied().fold(0.0, f64::max);
            v.iter_mut().for_each(|vi| *vi /= largest);
        }
    }
    Ok((lower, upper))
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

    /// A size on the parallel path (n ≥ PARALLEL_MIN_N): factor, blocked solves and the
    /// inverse must agree with the matrix and with the serial one-right-hand-side solves.
    #[test]
    fn parallel_sizes_solve_to_the_residual_of_serial_ones() {
        let n = PARALLEL_MIN_N + 9;
        let mut state = 7u64;
        let mut draw = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        // I − A with a non-negative A of column sums ≈ 0.5, so well conditioned
        let mut m: Vec<f64> = (0..n * n).map(|_| -draw() / n as f64).collect();
        for i in 0..n {
            m[i * n + i] += 1.0;
        }
        let lu = DenseLu::factor(n, &m, "m").unwrap();
        let k = 20;
        let b: Vec<f64> = (0..n * k).map(|_| draw()).collect();
        let mut x = b.clone();
        lu.solve_columns_in_place(&mut x, k);
        let rows: Vec<Vec<f64>> = (0..k)
            .map(|r| (0..n).map(|i| b[i * k + r]).collect())
            .collect();
        let y = lu.solve_transpose_rows(&rows);
        for r in [0, 7, k - 1] {
            let mut one = rows[r].clone();
            lu.solve_in_place(&mut one);
            let mut one_t = rows[r].clone();
            lu.solve_transpose_in_place(&mut one_t);
            for i in 0..n {
                // M·x = b and Mᵀ·y = b, row by row
                let mx: f64 = (0..n).map(|j| m[i * n + j] * x[j * k + r]).sum();
                let my: f64 = (0..n).map(|j| m[j * n + i] * y[r][j]).sum();
                assert!((mx - b[i * k + r]).abs() < 1e-12, "M·x row {i}");
                assert!((my - b[i * k + r]).abs() < 1e-12, "Mᵀ·y row {i}");
                assert!((one[i] - x[i * k + r]).abs() < 1e-13);
                assert!((one_t[i] - y[r][i]).abs() < 1e-13);
            }
        }
        let inv = lu.inverse().unwrap();
        let diagonal = lu.inverse_diagonal();
        for j in 0..n {
            assert!((diagonal[j] - inv[j * n + j]).abs() < 1e-13, "diagonal {j}");
        }
        for (i, j) in [(0, 0), (3, n - 1), (n - 1, 5)] {
            let e: f64 = (0..n).map(|l| m[i * n + l] * inv[l * n + j]).sum();
            assert!(
                (e - f64::from(u8::from(i == j))).abs() < 1e-12,
                "(M·M⁻¹)[{i}, {j}] = {e}"
            );
        }
    }

    #[test]
    fn four_lane_sum_matches_a_plain_sum() {
        let v: Vec<f64> = (1..=11).map(f64::from).collect();
        assert_eq!(sum(&v), 66.0);
        assert_eq!(sum(&[]), 0.0);
        assert_eq!(sum(&[2.5]), 2.5);
    }

    #[test]
    fn inverse_diagonal_matches_the_inverse_when_rows_are_pivoted() {
        // small pivots on the diagonal force row exchanges
        let m = [
            0.001, 2.0, 0.5, 1.0, //
            3.0, 0.002, 1.0, 0.0, //
            0.5, 1.0, 0.003, 4.0, //
            1.0, 0.0, 5.0, 0.004,
        ];
        let lu = DenseLu::factor(4, &m, "m").unwrap();
        assert!(
            lu.perm.iter().enumerate().any(|(i, p)| i != *p),
            "no pivoting happened"
        );
        let inv = lu.inverse().unwrap();
        let diagonal = lu.inverse_diagonal();
        for j in 0..4 {
            assert!(
                (diagonal[j] - inv[j * 4 + j]).abs() < 1e-12,
                "{j}: {} vs {}",
                diagonal[j],
                inv[j * 4 + j]
            );
        }
    }

    #[test]
    fn singular_matrix_is_an_error() {
        let e = DenseLu::factor(2, &[1.0, 2.0, 2.0, 4.0], "m").unwrap_err();
        assert_eq!(e.code(), "singular");
    }

    /// A non-negative matrix of dimension above `EIGENVALUES_MAX_N` built from a small one:
    /// block-diagonal copies of `b` (k × k), whose roots are `b`'s.
    fn blocks(b: &[f64], k: usize, copies: usize, scale: &[f64]) -> (usize, Vec<f64>) {
        let n = k * copies;
        let mut a = vec![0.0; n * n];
        for c in 0..copies {
            for i in 0..k {
                for j in 0..k {
                    a[(c * k + i) * n + c * k + j] = b[i * k + j] * scale[c];
                }
            }
        }
        (n, a)
    }

    #[test]
    fn perron_root_above_the_eigenvalue_size_is_the_root_to_ten_digits() {
        // a 3 × 3 block with root 0.9 (a column-stochastic matrix scaled), repeated, and
        // copies scaled down: a reducible matrix whose lower bounds do not converge
        let b = [0.2, 0.5, 0.3, 0.5, 0.2, 0.3, 0.3, 0.3, 0.4];
        let copies = EIGENVALUES_MAX_N / 3 + 1;
        let scale: Vec<f64> = (0..copies)
            .map(|c| if c == 7 { 0.9 } else { 0.5 })
            .collect();
        let (n, a) = blocks(&b, 3, copies, &scale);
        let rho = perron_root(n, &a).unwrap();
        assert!((rho - 0.9).abs() < 1e-9, "{rho}");
        assert!(
            rho >= 0.9 - 1e-12,
            "the upper bound is returned below 1: {rho}"
        );
        // a root of 1 or more: the lower bound, 1.2 here
        let scale: Vec<f64> = (0..copies)
            .map(|c| if c == 3 { 1.2 } else { 0.5 })
            .collect();
        let (n, a) = blocks(&b, 3, copies, &scale);
        let rho = perron_root(n, &a).unwrap();
        assert!((rho - 1.2).abs() < 1e-9 && rho <= 1.2 + 1e-12, "{rho}");
        // every column summing to 1: exactly 1 at the first step
        let scale = vec![1.0; copies];
        let (n, a) = blocks(&b, 3, copies, &scale);
        assert!((perron_root(n, &a).unwrap() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn perron_root_stops_when_interrupted() {
        use std::sync::Arc;
        use std::sync::atomic::AtomicBool;
        let b = [0.2, 0.5, 0.3, 0.5, 0.2, 0.3, 0.3, 0.3, 0.4];
        let copies = EIGENVALUES_MAX_N / 3 + 1;
        let (n, a) = blocks(&b, 3, copies, &vec![0.5; copies]);
        let stopped = crate::interrupt::with_flag(Some(Arc::new(AtomicBool::new(true))), || {
            perron_root(n, &a)
        });
        assert!(matches!(stopped, Err(Error::Interrupted { .. })));
    }

    #[test]
    fn spectral_radius_of_a_rotation_scaled() {
        let r = spectral_radius(2, &[0.0, -0.5, 0.5, 0.0]).unwrap();
        assert!((r - 0.5).abs() < 1e-12);
    }
}
