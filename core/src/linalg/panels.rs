//! The LU factorisation of a large matrix panel by panel, and its inverse block by block, so
//! that a long call stops between two panels (blocks) when it is asked to
//! ([`crate::interrupt`]: Ctrl-C in Python).
//!
//! Why: faer's `lu_in_place` is one call, and at n = 5000 it runs for about a second on two
//! cores (a minute at n = 20,000), with no point at which it could stop. Here the same
//! right-looking algorithm (Golub & Van Loan, *Matrix Computations*, 4th ed., §3.4.7:
//! partial pivoting by blocks) is driven from outside in column panels of [`PANEL`]: each
//! panel is factored by faer's own `lu_in_place` (a tall `m × PANEL` matrix), its row
//! exchanges are applied to the columns on either side, the block row of `U` is one
//! triangular solve and the trailing matrix one rank-[`PANEL`] update by faer's `matmul` —
//! where nearly all the work is, at the speed of faer's matrix product. Between two panels
//! the interruption flag is read; a panel's work is at most `2·n²·PANEL` flops (in Python
//! on the benchmark machine, Ctrl-C stopped the multipliers of a 5,000-sector table 0.04 s
//! after it was pressed: `docs/src/performance.md`).
//!
//! The factor has the layout of faer's (`L` unit below the diagonal, `U` on and above it,
//! row `i` of `P·G` is row `perm[i]` of `G`), so every solve works on it unchanged. Its last
//! bits may differ from faer's recursive order, as faer's differ between machines (the dense
//! results above [`super::PORTABLE_MAX_N`] are not bit-portable: `linalg` module docs).

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::lu::partial_pivoting::factor;
use faer::linalg::matmul::matmul;
use faer::linalg::triangular_solve::{
    solve_unit_lower_triangular_in_place, solve_upper_triangular_in_place,
};
use faer::prelude::{Reborrow, ReborrowMut};
use faer::{Accum, Mat, MatMut, MatRef, Par};

use crate::error::Result;

/// Columns per panel: wide enough that the trailing update (a product with an inner
/// dimension of `PANEL`) runs at faer's full matrix-product speed, narrow enough that a panel
/// takes a small part of a second at the sizes where the factorisation is long.
pub(super) const PANEL: usize = 256;

/// Columns of the inverse per block ([`inverse`]): a block is about `n²·512` multiply–adds,
/// 0.1–0.15 s at n = 4,500 on the 2-core benchmark machine. Measured against blocks of 256
/// (`lu_timing`, best of 15, two threads, two runs each): 130–154 against 161–163 ms at
/// n = 2,000 and 947–1,058 against 1,118–1,215 ms at n = 4,000; faer's one call took
/// 147–155 and 918–1,008 ms.
pub(super) const INVERSE_BLOCK: usize = 512;

/// Factors the column-major `n × n` matrix `g` in place, with its row order in `perm` and
/// `perm_inv` as faer's `lu_in_place` gives them.
///
/// # Errors
///
/// [`crate::Error::Interrupted`] when the call was asked to stop (checked before each panel);
/// `g` is then partly factored, and the caller drops it.
pub(super) fn factor(
    n: usize,
    g: &mut [f64],
    perm: &mut [usize],
    perm_inv: &mut [usize],
    par: Par,
) -> Result<()> {
    debug_assert_eq!(g.len(), n * n);
    for (i, p) in perm.iter_mut().enumerate() {
        *p = i;
    }
    let (mut panel_perm, mut panel_perm_inv) = (vec![0usize; n], vec![0usize; n]);
    // the row exchanges of one panel, as transpositions (row k + i with row k + swaps[i])
    let mut swaps = Vec::with_capacity(PANEL);
    let (mut at, mut row_of) = (vec![0usize; n], vec![0usize; n]);
    let mut k = 0;
    while k < n {
        crate::interrupt::check("the LU factorisation of a large matrix")?;
        let (m, b) = (n - k, PANEL.min(n - k));
        {
            let whole = MatMut::from_column_major_slice_mut(g, n, n);
            let panel = whole.submatrix_mut(k, k, m, b);
            let mut buf = MemBuffer::new(factor::lu_in_place_scratch::<usize, f64>(
                m,
                b,
                par,
                Default::default(),
            ));
            factor::lu_in_place(
                panel,
                &mut panel_perm[..m],
                &mut panel_perm_inv[..m],
                par,
                MemStack::new(&mut buf),
                Default::default(),
            );
        }
        // the panel's order as the b transpositions it was made of (position i takes the row
        // now at position swaps[i] ≥ i), applied to every column outside the panel and to
        // the order of the whole matrix
        swaps.clear();
        for i in 0..m {
            at[i] = i;
            row_of[i] = i;
        }
        for i in 0..b {
            let j = at[panel_perm[i]];
            swaps.push(j);
            let (ri, rj) = (row_of[i], row_of[j]);
            row_of.swap(i, j);
            at[ri] = j;
            at[rj] = i;
        }
        let exchange = |(c, column): (usize, &mut [f64])| {
            if c < k || c >= k + b {
                for (i, &j) in swaps.iter().enumerate() {
                    column[k..].swap(i, j);
                }
            }
        };
        // n·b exchanges per panel, n² in all: on two threads when the work is (faer's rule)
        #[cfg(not(target_family = "wasm"))]
        if matches!(par, Par::Rayon(_)) {
            use rayon::prelude::*;
            g.par_chunks_mut(n).enumerate().for_each(exchange);
        } else {
            g.chunks_mut(n).enumerate().for_each(exchange);
        }
        #[cfg(target_family = "wasm")]
        g.chunks_mut(n).enumerate().for_each(exchange);
        for (i, &j) in swaps.iter().enumerate() {
            perm.swap(k + i, k + j);
        }
        if k + b < n {
            let whole = MatMut::from_column_major_slice_mut(g, n, n);
            let trailing = whole.submatrix_mut(k, k, m, m);
            let (l11, u12, l21, a22) = trailing.split_at_mut(b, b);
            let (l11, l21) = (l11.rb(), l21.rb());
            let mut u12 = u12;
            solve_unit_lower_triangular_in_place(l11, u12.rb_mut(), par);
            matmul(a22, Accum::Add, l21, u12.rb(), -1.0, par);
        }
        k += b;
    }
    for (i, &p) in perm.iter().enumerate() {
        perm_inv[p] = i;
    }
    Ok(())
}

/// The inverse of the factored matrix, `U⁻¹·L⁻¹·P` for `P·G = L·U` (`lu` and `perm` as
/// [`factor`] leaves them), column-major, computed [`INVERSE_BLOCK`] columns at a time so
/// that the call stops between two blocks when it is asked to.
///
/// Block `J = j..j+b` of `U⁻¹·L⁻¹` is `U⁻¹·(L⁻¹·E_J)`, `E_J` the identity's columns `J`.
/// `L⁻¹·E_J` is zero above row `j` (`L` is unit lower triangular), so the forward solve runs
/// on the trailing `(n − j) × (n − j)` block of `L` alone: `Σ (n − j)²·b ≈ n³/3` flops in
/// all; the backward solve with `U` is `n²·b` a block, `n³` in all. Together `4n³/3`, the
/// count of faer's `inverse` (two triangular inverses, `2n³/3`, and their triangular product,
/// `2n³/3`), at faer's triangular-solve speed: triangular systems with many right-hand sides
/// and the LU factorisation of Golub & Van Loan, *Matrix Computations*, 4th ed., §3.1–3.2.
/// Column `i` of `U⁻¹·L⁻¹` is column `perm[i]` of `G⁻¹`
/// (`G⁻¹ = U⁻¹·L⁻¹·P`, `P`'s row `i` being `e_perm[i]ᵀ`).
///
/// # Errors
///
/// [`crate::Error::Interrupted`] when the call was asked to stop (checked before each block).
pub(super) fn inverse(n: usize, lu: &[f64], perm: &[usize], par: Par) -> Result<Vec<f64>> {
    debug_assert_eq!(lu.len(), n * n);
    let lu = MatRef::from_column_major_slice(lu, n, n);
    let mut out = vec![0.0; n * n];
    let mut block = Mat::<f64>::zeros(n, INVERSE_BLOCK.min(n));
    let mut j = 0;
    while j < n {
        crate::interrupt::check("the inverse of a large matrix")?;
        let b = INVERSE_BLOCK.min(n - j);
        let mut z = block.as_mut().subcols_mut(0, b);
        z.fill(0.0);
        for c in 0..b {
            z[(j + c, c)] = 1.0;
        }
        solve_unit_lower_triangular_in_place(
            lu.submatrix(j, j, n - j, n - j),
            z.rb_mut().subrows_mut(j, n - j),
            par,
        );
        solve_upper_triangular_in_place(lu, z.rb_mut(), par);
        for c in 0..b {
            let to = perm[j + c] * n;
            for (o, v) in out[to..to + n].iter_mut().zip(z.rb().col(c).iter()) {
                *o = *v;
            }
        }
        j += b;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A well-conditioned matrix whose pivots need row exchanges in every panel.
    fn pivoting_matrix(n: usize) -> Vec<f64> {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1_u64 << 53) as f64 - 0.5
        };
        let mut g: Vec<f64> = (0..n * n).map(|_| next()).collect();
        for i in 0..n {
            g[i + i * n] *= 1e-3; // a small diagonal: the largest entry is elsewhere
        }
        g
    }

    /// [`pivoting_matrix`]`(n)` and its factor: `(G, LU, perm, perm_inv)`.
    fn factored(n: usize) -> (Vec<f64>, Vec<f64>, Vec<usize>, Vec<usize>) {
        let g0 = pivoting_matrix(n);
        let mut g = g0.clone();
        let (mut perm, mut perm_inv) = (vec![0; n], vec![0; n]);
        factor(n, &mut g, &mut perm, &mut perm_inv, Par::Seq).unwrap();
        (g0, g, perm, perm_inv)
    }

    #[test]
    fn the_panels_reproduce_the_matrix_with_faers_layout() {
        for n in [1, 5, PANEL - 1, PANEL, PANEL + 3, 2 * PANEL + 17] {
            let (g0, g, perm, perm_inv) = factored(n);
            assert!(perm.iter().enumerate().any(|(i, &p)| i != p) || n == 1);
            for (i, &p) in perm.iter().enumerate() {
                assert_eq!(perm_inv[p], i);
            }
            // (L·U)[i][j] = G[perm[i]][j]
            let (l, u) = (
                |i: usize, k: usize| if i == k { 1.0 } else { g[i + k * n] },
                |k: usize, j: usize| g[k + j * n],
            );
            let mut worst = 0.0_f64;
            for i in 0..n {
                for j in 0..n {
                    let lu: f64 = (0..=i.min(j)).map(|k| l(i, k) * u(k, j)).sum();
                    worst = worst.max((lu - g0[perm[i] + j * n]).abs());
                }
            }
            assert!(worst < 1e-12, "n = {n}: |L·U − P·G| = {worst:e}");
            // faer's own factorisation pivots on the same rows
            let mut f = g0.clone();
            let (mut fp, mut fpi) = (vec![0; n], vec![0; n]);
            let mut buf = MemBuffer::new(factor::lu_in_place_scratch::<usize, f64>(
                n,
                n,
                Par::Seq,
                Default::default(),
            ));
            factor::lu_in_place(
                MatMut::from_column_major_slice_mut(&mut f, n, n),
                &mut fp,
                &mut fpi,
                Par::Seq,
                MemStack::new(&mut buf),
                Default::default(),
            );
            assert_eq!(perm, fp, "n = {n}");
        }
    }

    #[test]
    fn the_inverse_in_blocks_is_the_inverse_and_faers() {
        for n in [1, 5, PANEL - 1, PANEL, PANEL + 3, 2 * PANEL + 17] {
            let (g0, g, perm, perm_inv) = factored(n);
            let inv = inverse(n, &g, &perm, Par::Seq).unwrap();
            // G·G⁻¹ = I, both column-major
            let mut worst = 0.0_f64;
            for i in 0..n {
                for j in 0..n {
                    let gi: f64 = (0..n).map(|k| g0[i + k * n] * inv[k + j * n]).sum();
                    worst = worst.max((gi - f64::from(u8::from(i == j))).abs());
                }
            }
            assert!(worst < 1e-11, "n = {n}: |G·G⁻¹ − I| = {worst:e}");
            // and faer's inverse from the same factor, to rounding
            let mut f = faer::Mat::<f64>::zeros(n, n);
            let mut buf = MemBuffer::new(
                faer::linalg::lu::partial_pivoting::inverse::inverse_scratch::<usize, f64>(
                    n,
                    Par::Seq,
                ),
            );
            let lu = MatRef::from_column_major_slice(&g, n, n);
            faer::linalg::lu::partial_pivoting::inverse::inverse(
                f.as_mut(),
                lu,
                lu,
                faer::perm::PermRef::new_checked(&perm, &perm_inv, n),
                Par::Seq,
                MemStack::new(&mut buf),
            );
            let (mut diff, mut size) = (0.0_f64, 0.0_f64);
            for j in 0..n {
                for i in 0..n {
                    diff = diff.max((f[(i, j)] - inv[i + j * n]).abs());
                    size = size.max(f[(i, j)].abs());
                }
            }
            assert!(diff <= 1e-12 * size, "n = {n}: {diff:e} against {size:e}");
        }
    }

    #[test]
    fn a_raised_flag_stops_the_inverse_before_its_next_block() {
        use std::sync::Arc;
        use std::sync::atomic::AtomicBool;
        let n = PANEL + 3;
        let (_, g, perm, _) = factored(n);
        let flag = Arc::new(AtomicBool::new(true));
        let stopped = crate::interrupt::with_flag(Some(flag), || inverse(n, &g, &perm, Par::Seq));
        assert!(matches!(stopped, Err(crate::Error::Interrupted { .. })));
    }

    #[test]
    fn a_raised_flag_stops_it_before_the_next_panel() {
        use std::sync::Arc;
        use std::sync::atomic::AtomicBool;
        let n = 2 * PANEL;
        let mut g = pivoting_matrix(n);
        let (mut perm, mut perm_inv) = (vec![0; n], vec![0; n]);
        let flag = Arc::new(AtomicBool::new(true));
        let stopped = crate::interrupt::with_flag(Some(flag), || {
            factor(n, &mut g, &mut perm, &mut perm_inv, Par::Seq)
        });
        assert!(matches!(stopped, Err(crate::Error::Interrupted { .. })));
    }
}
