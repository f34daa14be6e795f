//! The portable dense kernels: an LU factorisation with partial pivoting and its triangular
//! solves, written so that every platform computes the same bits.
//!
//! Why: faer's kernels pick their SIMD path and block sizes from the machine (FMA and AVX on
//! x86-64, none in WebAssembly), so native and WebAssembly results differed in their last
//! bits. Here every entry of the result is produced by the same sequence of IEEE operations
//! on every target: the elimination and the column-oriented substitutions are elementwise
//! `a − l·u` updates (which LLVM may vectorise without changing any result: Rust never fuses
//! a multiply and an add, nor reorders a floating-point sum), and the row-oriented
//! substitutions are left-to-right sums. Used up to [`super::PORTABLE_MAX_N`]; above it the
//! blocked faer kernels are faster and the last bits may differ between platforms.
//!
//! Each kernel runs under `pulp`'s run-time dispatch (faer's own): the loops are compiled for
//! the widest vector unit the machine has (AVX2 on x86-64, SIMD128 in WebAssembly when
//! enabled) and LLVM vectorises the elementwise updates. Vector width changes no result: each
//! entry still sees the same operations in the same order, and Rust neither fuses a multiply
//! with an add nor reassociates a sum (a test compares the dispatched kernels with the plain
//! ones bit for bit).
//!
//! Storage as faer's: the factored matrix `G` is column-major (`g[r + c·n]`); after
//! [`factor`], `L` (unit, strictly below the diagonal) and `U` (on and above) of
//! `P·G = L·U` overwrite it, and row `i` of `P·G` is row `perm[i]` of `G`.

/// Factors `G` in place (right-looking, partial pivoting: the first largest |pivot| of each
/// column). A zero pivot column is left as it is (the caller reports the singular matrix).
pub(super) fn factor(n: usize, g: &mut [f64], perm: &mut [usize]) {
    struct Op<'a>(usize, &'a mut [f64], &'a mut [usize]);
    impl pulp::WithSimd for Op<'_> {
        type Output = ();
        #[inline(always)]
        fn with_simd<S: pulp::Simd>(self, _: S) {
            factor_plain(self.0, self.1, self.2);
        }
    }
    pulp::Arch::new().dispatch(Op(n, g, perm));
}

/// [`solve`] for `k` right-hand sides, column-major `n × k` in `b`.
pub(super) fn solve_columns(n: usize, lu: &[f64], perm: &[usize], b: &mut [f64]) {
    dispatch_columns(n, lu, perm, b, false);
}

/// [`solve_transpose`] for `k` right-hand sides, column-major `n × k` in `b`.
pub(super) fn solve_transpose_columns(n: usize, lu: &[f64], perm: &[usize], b: &mut [f64]) {
    dispatch_columns(n, lu, perm, b, true);
}

fn dispatch_columns(n: usize, lu: &[f64], perm: &[usize], b: &mut [f64], transpose: bool) {
    struct Op<'a>(usize, &'a [f64], &'a [usize], &'a mut [f64], bool);
    impl pulp::WithSimd for Op<'_> {
        type Output = ();
        #[inline(always)]
        fn with_simd<S: pulp::Simd>(self, _: S) {
            let Op(n, lu, perm, b, transpose) = self;
            for column in b.chunks_exact_mut(n.max(1)) {
                // the kernels inlined here, under the dispatched target features
                if transpose {
                    solve_transpose(n, lu, perm, column);
                } else {
                    solve(n, lu, perm, column);
                }
            }
        }
    }
    pulp::Arch::new().dispatch(Op(n, lu, perm, b, transpose));
}

/// The diagonal of `G⁻¹ = U⁻¹·L⁻¹·P` without the inverse: `(G⁻¹)ⱼⱼ = Σ_{k ≥ max(j, c)}
/// (U⁻¹)ⱼₖ·(L⁻¹)ₖ꜀` with `c` the position of row `j` in `P·G`. Row `j` of `U⁻¹` and column `c`
/// of `L⁻¹` are one triangular solve each, `(n − j)²/2` and `(n − c)²/2`: `n³/3` in all,
/// against `2n³` for the inverse.
pub(super) fn inverse_diagonal(n: usize, lu: &[f64], perm: &[usize]) -> Vec<f64> {
    struct Op<'a>(usize, &'a [f64], &'a [usize]);
    impl pulp::WithSimd for Op<'_> {
        type Output = Vec<f64>;
        #[inline(always)]
        fn with_simd<S: pulp::Simd>(self, _: S) -> Vec<f64> {
            let Op(n, lu, perm) = self;
            let mut position = vec![0; n];
            for (i, &p) in perm.iter().enumerate() {
                position[p] = i;
            }
            let (mut u_row, mut l_col) = (vec![0.0; n], vec![0.0; n]);
            (0..n)
                .map(|j| {
                    // row j of U⁻¹: x·U = e_j, x_k = (δ_jk − Σ_{j≤i<k} x_i·U_ik) / U_kk
                    for k in j..n {
                        let s = if k == j { 1.0 } else { 0.0 };
                        u_row[k] =
                            (s - dot4(&lu[k * n + j..k * n + k], &u_row[j..k])) / lu[k + k * n];
                    }
                    // column c of L⁻¹: L·y = e_c, column-oriented (elementwise updates)
                    let c = position[j];
                    l_col[c..].iter_mut().for_each(|v| *v = 0.0);
                    l_col[c] = 1.0;
                    for i in c..n {
                        let yi = l_col[i];
                        if yi != 0.0 {
                            for (y, l) in l_col[i + 1..]
                                .iter_mut()
                                .zip(&lu[i * n + i + 1..(i + 1) * n])
                            {
                                *y -= l * yi;
                            }
                        }
                    }
                    let from = j.max(c);
                    dot4(&u_row[from..n], &l_col[from..n])
                })
                .collect()
        }
    }
    pulp::Arch::new().dispatch(Op(n, lu, perm))
}

/// `Σ aᵢ·bᵢ` in four running sums combined as `(s₀ + s₁) + (s₂ + s₃)`: a fixed order (the
/// same bits everywhere) whose four chains run in parallel (and vectorise).
#[inline(always)]
fn dot4(a: &[f64], b: &[f64]) -> f64 {
    let mut s = [0.0; 4];
    let (a4, b4) = (a.chunks_exact(4), b.chunks_exact(4));
    let (ra, rb) = (a4.remainder(), b4.remainder());
    for (x, y) in a4.zip(b4) {
        for l in 0..4 {
            s[l] += x[l] * y[l];
        }
    }
    for (l, (x, y)) in ra.iter().zip(rb).enumerate() {
        s[l] += x * y;
    }
    (s[0] + s[1]) + (s[2] + s[3])
}

/// The body of [`factor`], compiled into each dispatched variant.
#[inline(always)]
pub(super) fn factor_plain(n: usize, g: &mut [f64], perm: &mut [usize]) {
    for (i, p) in perm.iter_mut().enumerate() {
        *p = i;
    }
    for k in 0..n {
        let column = &g[k * n..(k + 1) * n];
        let mut p = k;
        for r in k + 1..n {
            if column[r].abs() > column[p].abs() {
                p = r;
            }
        }
        if p != k {
            for c in 0..n {
                g.swap(k + c * n, p + c * n);
            }
            perm.swap(k, p);
        }
        let pivot = g[k + k * n];
        if pivot == 0.0 || !pivot.is_finite() {
            continue;
        }
        for r in k + 1..n {
            g[r + k * n] /= pivot;
        }
        let (left, right) = g.split_at_mut((k + 1) * n);
        let l = &left[k * n + k + 1..(k + 1) * n];
        for c in 0..n - k - 1 {
            let col = &mut right[c * n..(c + 1) * n];
            let u = col[k];
            if u != 0.0 {
                for (a, l) in col[k + 1..].iter_mut().zip(l) {
                    *a -= l * u;
                }
            }
        }
    }
}

/// Solves `G·x = b` in place: `x = U⁻¹·L⁻¹·P·b`.
#[inline(always)]
pub(super) fn solve(n: usize, lu: &[f64], perm: &[usize], b: &mut [f64]) {
    let mut y: Vec<f64> = perm.iter().map(|&p| b[p]).collect();
    for k in 0..n {
        let yk = y[k];
        if yk != 0.0 {
            for (a, l) in y[k + 1..].iter_mut().zip(&lu[k * n + k + 1..(k + 1) * n]) {
                *a -= l * yk;
            }
        }
    }
    for k in (0..n).rev() {
        y[k] /= lu[k + k * n];
        let yk = y[k];
        if yk != 0.0 {
            for (a, u) in y[..k].iter_mut().zip(&lu[k * n..k * n + k]) {
                *a -= u * yk;
            }
        }
    }
    b.copy_from_slice(&y);
}

/// Solves `Gᵀ·x = b` in place: `x = Pᵀ·L⁻ᵀ·U⁻ᵀ·b`.
#[inline(always)]
pub(super) fn solve_transpose(n: usize, lu: &[f64], perm: &[usize], b: &mut [f64]) {
    let mut y = b.to_vec();
    // Uᵀ is lower triangular: y_k = (b_k − Σ_{r<k} U_rk·y_r) / U_kk, column k of U contiguous
    for k in 0..n {
        let mut s = y[k];
        for (u, yr) in lu[k * n..k * n + k].iter().zip(&y[..k]) {
            s -= u * yr;
        }
        y[k] = s / lu[k + k * n];
    }
    // Lᵀ is unit upper triangular: y_k −= Σ_{r>k} L_rk·y_r
    for k in (0..n).rev() {
        let mut s = y[k];
        for (l, yr) in lu[k * n + k + 1..(k + 1) * n].iter().zip(&y[k + 1..]) {
            s -= l * yr;
        }
        y[k] = s;
    }
    for (i, &p) in perm.iter().enumerate() {
        b[p] = y[i];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dispatched_kernels_give_the_plain_kernels_bits() {
        // a random, diagonally unremarkable matrix: pivoting happens
        let n = 67;
        let mut r: u64 = 7;
        let mut u = move || {
            r = r
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (r >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        let g: Vec<f64> = (0..n * n).map(|_| u()).collect();
        let (mut a, mut b) = (g.clone(), g.clone());
        let (mut pa, mut pb) = (vec![0; n], vec![0; n]);
        factor(n, &mut a, &mut pa);
        factor_plain(n, &mut b, &mut pb);
        assert_eq!(pa, pb);
        assert!(a.iter().zip(&b).all(|(x, y)| x.to_bits() == y.to_bits()));
        let rhs: Vec<f64> = (0..3 * n).map(|_| u()).collect();
        let (mut x, mut y) = (rhs.clone(), rhs.clone());
        solve_columns(n, &a, &pa, &mut x);
        solve_transpose_columns(n, &a, &pa, &mut y);
        for (k, (cx, cy)) in x.chunks(n).zip(y.chunks(n)).enumerate() {
            let (mut px, mut py) = (
                rhs[k * n..(k + 1) * n].to_vec(),
                rhs[k * n..(k + 1) * n].to_vec(),
            );
            solve(n, &a, &pa, &mut px);
            solve_transpose(n, &a, &pa, &mut py);
            assert!(cx.iter().zip(&px).all(|(p, q)| p.to_bits() == q.to_bits()));
            assert!(cy.iter().zip(&py).all(|(p, q)| p.to_bits() == q.to_bits()));
        }
    }

    #[test]
    fn inverse_diagonal_matches_the_columns_of_the_inverse() {
        let n = 23;
        let mut r: u64 = 11;
        let mut u = move || {
            r = r
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (r >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        let g: Vec<f64> = (0..n * n)
            .map(|k| u() + if k % (n + 1) == 0 { 0.1 } else { 0.0 })
            .collect();
        let mut lu = g.clone();
        let mut perm = vec![0; n];
        factor(n, &mut lu, &mut perm);
        assert_ne!(perm, (0..n).collect::<Vec<_>>(), "pivoting happened");
        let diag = inverse_diagonal(n, &lu, &perm);
        for j in 0..n {
            let mut e = vec![0.0; n];
            e[j] = 1.0;
            solve(n, &lu, &perm, &mut e);
            assert!(
                (diag[j] - e[j]).abs() <= 1e-12 * e[j].abs().max(1.0),
                "{j}: {} vs {}",
                diag[j],
                e[j]
            );
        }
    }

    #[test]
    fn factor_and_solves_reproduce_the_matrix() {
        // G column-major, with a zero first pivot to force a row swap
        let n = 3;
        let g0 = [0.0, 2.0, 1.0, 1.0, 1.0, 3.0, 2.0, 0.0, 1.0];
        let mut lu = g0.to_vec();
        let mut perm = vec![0; n];
        factor(n, &mut lu, &mut perm);
        assert_ne!(perm, vec![0, 1, 2]);
        let b = [1.0, -2.0, 0.5];
        let mut x = b.to_vec();
        solve(n, &lu, &perm, &mut x);
        for r in 0..n {
            let gx: f64 = (0..n).map(|c| g0[r + c * n] * x[c]).sum();
            assert!((gx - b[r]).abs() < 1e-14);
        }
        let mut y = b.to_vec();
        solve_transpose(n, &lu, &perm, &mut y);
        for c in 0..n {
            let gty: f64 = (0..n).map(|r| g0[r + c * n] * y[r]).sum();
            assert!((gty - b[c]).abs() < 1e-14);
        }
    }
}
