//! Block Gauss–Seidel for the region rows `1_rᵀ·L` of a large interregional system, without
//! factoring the whole of `I − A`.
//!
//! With `D = diag(I − A_rr)` (the regions' own blocks, each already factored) and `A_o` the
//! trade between regions, `I − A = D − A_o`, and the row `x = 1_rᵀ·L` solves
//! `x·(D − A_o) = 1_rᵀ`. One sweep updates each region `s` in turn from the newest values of
//! the others:
//!
//! `x_s ← (1_r[s] + Σ_{t≠s} x_t·A_ts)·B_s`,  `B_s = (I − A_ss)⁻¹`,
//!
//! for all `R` indicator rows at once (one matrix product per region with the column panel
//! `A[:, s]`, `R × N × n_s`). `D − A_o` is a regular splitting of the M-matrix `I − A`
//! (`A ≥ 0`, `B_s ≥ 0`), so the sweeps converge whenever the system is productive, at least as
//! fast as the block Jacobi iteration (Varga 2000, *Matrix Iterative Analysis*, §3.6; the
//! Stein–Rosenberg theorem). Where trade between regions is small next to trade within them,
//! they converge fast: on Scotland's 32 council areas, 10 sweeps (over-relaxed; 12 without)
//! reach the rounding level.
//!
//! Round's spill-over rounds `v_k = v_{k−1}·A_o·M1` (`v_0 = 1ᵀ·M1`, `k = 1 … R − 1`) are the
//! terms of the block Jacobi series, and ride along: while the sweeps run, each round reuses
//! the column panel the sweep has just read (so it costs no extra pass over `A`); rounds left
//! when the rows have converged are single-vector passes.
//!
//! A sweep costs `2·R·N²` flops against `2N³/3` for the LU, so the sweeps are used only while
//! they stay cheaper: from [`ITERATIVE_MIN_N`] entries, and abandoned (the caller then
//! factors) as soon as the observed rate of convergence says that reaching the rounding level
//! would take more than `N/(2R)` sweeps.

use faer::linalg::matmul::matmul;
use faer::{Accum, Mat, MatRef, Par};

/// Smallest system for which the decomposition sweeps instead of factoring `I − A`.
pub const ITERATIVE_MIN_N: usize = 1000;

/// The sweeps stop when no entry changed by more than this times the largest entry, or when
/// the change times `rate/(1 − rate)` (the error the observed rate of convergence leaves) is
/// below it.
const TOLERANCE: f64 = 4.0 * f64::EPSILON;

/// Changes below this times the largest entry that stop shrinking are rounding noise: the
/// sweeps have converged.
const ROUNDING_FLOOR: f64 = 64.0 * f64::EPSILON;

/// The most sweeps ever tried.
const MAX_SWEEPS: usize = 100;

/// What the sweeps give.
pub(super) struct SweepResult {
    /// `1_rᵀ·L` for every region `r`, each of length `N`.
    pub rows: Vec<Vec<f64>>,
    /// `Σ_{k=1}^{R−1} v_k` when asked (Round's spill-over), else empty.
    pub round_spillover: Vec<f64>,
    /// Sweeps done (read by the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub sweeps: usize,
}

/// The system as the sweeps read it.
pub(super) struct System<'a> {
    /// `A`, row-major `N × N`.
    pub a: &'a [f64],
    /// First entry of each region, then `N`.
    pub starts: &'a [usize],
    /// `B_s = (I − A_ss)⁻¹` of each region, row-major `n_s × n_s`.
    pub own_inverses: Vec<Vec<f64>>,
    /// The most sweeps worth trying ([`budget`]).
    pub budget: usize,
}

/// The most sweeps worth trying on `n` entries in `regions` regions: while
/// `sweeps·2RN² < N³` (the LU's `2N³/3` flops, and a sweep's products run faster per flop
/// than the LU's), capped at [`MAX_SWEEPS`].
pub(super) fn budget(n: usize, regions: usize) -> usize {
    (n / (2 * regions.max(1))).min(MAX_SWEEPS)
}

impl System<'_> {
    fn n(&self) -> usize {
        *self.starts.last().unwrap_or(&0)
    }

    fn regions(&self) -> usize {
        self.starts.len() - 1
    }

    /// `out (n_s × k) = A[:, s]ᵀ · lhs (N × k) − A_ssᵀ·lhs[s, :]`: the product of the
    /// transposed column panel of region `s` (column-major as `A` is row-major) with the
    /// columns of `lhs`, its own block left out.
    fn panel_product(&self, lhs: MatRef<'_, f64>, s: usize, out: &mut Mat<f64>) {
        let n = self.n();
        let (c0, c1) = (self.starts[s], self.starts[s + 1]);
        let at = MatRef::from_column_major_slice(self.a, n, n);
        let panel = at.subrows(c0, c1 - c0);
        matmul(out.as_mut(), Accum::Replace, panel, lhs, 1.0, Par::Seq);
        matmul(
            out.as_mut(),
            Accum::Add,
            panel.subcols(c0, c1 - c0),
            lhs.subrows(c0, c1 - c0),
            -1.0,
            Par::Seq,
        );
    }

    /// `out (n_s × k) = B_sᵀ · p`.
    fn times_own_inverse(&self, p: &Mat<f64>, s: usize, out: &mut Mat<f64>) {
        let m = self.starts[s + 1] - self.starts[s];
        let bt = MatRef::from_column_major_slice(&self.own_inverses[s], m, m);
        matmul(out.as_mut(), Accum::Replace, bt, p.as_ref(), 1.0, Par::Seq);
    }

    /// Sweeps for the region rows, with Round's first `R − 1` rounds from `v_0 = single`
    /// (`1ᵀ·M1`) when `round` is given; `round_step` performs one round alone (a pass over
    /// `A_o`, then `M1`) once the rows have converged. `None` when the sweeps would cost
    /// more than factoring `I − A` (or do not converge): the caller then factors.
    /// Interruptible ([`crate::interrupt`]) between sweeps and rounds, every few
    /// milliseconds.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Interrupted`].
    ///
    /// The round rides in the sweep's products as row `R` of the left-hand side (`R + 1`
    /// rows, the last one zero when no round is due), so that the region rows are computed by
    /// the same products, to the same bits, with or without Round's terms.
    pub fn solve(
        &self,
        round: Option<&[f64]>,
        round_step: impl Fn(&[f64]) -> Vec<f64>,
    ) -> crate::Result<Option<SweepResult>> {
        let (n, count) = (self.n(), self.regions());
        let budget = self.budget;
        if budget < 4 {
            return Ok(None);
        }
        let rows = count + 1;
        // rows 0 … R−1: the region rows X; row R: Round's v (read only during a sweep)
        let mut x = vec![0.0; rows * n];
        // start from the single-region rows 1_rᵀ·M1 (region r's block: the column sums of B_r)
        for s in 0..count {
            let (c0, c1) = (self.starts[s], self.starts[s + 1]);
            let m = c1 - c0;
            let target = &mut x[s * n + c0..s * n + c1];
            for row in self.own_inverses[s].chunks_exact(m.max(1)) {
                for (t, b) in target.iter_mut().zip(row) {
                    *t += b;
                }
            }
        }
        let mut rounds_left = 0;
        if let Some(v0) = round {
            x[count * n..].copy_from_slice(v0);
            rounds_left = count.saturating_sub(1);
        }
        let mut round_sum = vec![0.0; if round.is_some() { n } else { 0 }];
        let mut v_next = vec![0.0; n];
        let mut previous = f64::INFINITY;
        let mut before_previous = f64::INFINITY;
        // over-relaxation: ω = 1 (Gauss–Seidel) for two sweeps, then the ω that the rate of
        // those sweeps suggests, kept only while it beats that rate
        let mut omega = 1.0_f64;
        let mut plain_rate = 1.0_f64;
        let mut sweeps = 0;
        let mut converged = false;
        let mut p = Mat::<f64>::zeros(rows, 0);
        let mut fresh = Mat::<f64>::zeros(rows, 0);
        while !converged || rounds_left > 0 {
            crate::interrupt::check("the interregional sweeps")?;
            if converged {
                let v = round_step(&x[count * n..]);
                add(&mut round_sum, &v);
                x[count * n..].copy_from_slice(&v);
                rounds_left -= 1;
                continue;
            }
            sweeps += 1;
            let (mut delta, mut scale) = (0.0_f64, 0.0_f64);
            for s in 0..count {
                let (c0, c1) = (self.starts[s], self.starts[s + 1]);
                let m = c1 - c0;
                p.resize_with(m, rows, |_, _| 0.0);
                fresh.resize_with(m, rows, |_, _| 0.0);
                self.panel_product(MatRef::from_column_major_slice(&x, n, rows), s, &mut p);
                for j in 0..m {
                    p[(j, s)] += 1.0;
                }
                self.times_own_inverse(&p, s, &mut fresh);
                for r in 0..count {
                    let row = &mut x[r * n + c0..r * n + c1];
                    for (j, old) in row.iter_mut().enumerate() {
                        let new = if omega == 1.0 {
                            fresh[(j, r)]
                        } else {
                            omega * fresh[(j, r)] + (1.0 - omega) * *old
                        };
                        delta = delta.max((new - *old).abs());
                        scale = scale.max(new.abs());
                        *old = new;
                    }
                }
                for j in 0..m {
                    v_next[c0 + j] = fresh[(j, count)];
                }
            }
            if rounds_left > 0 {
                add(&mut round_sum, &v_next);
                x[count * n..].copy_from_slice(&v_next);
                rounds_left -= 1;
                if rounds_left == 0 {
                    x[count * n..].fill(0.0);
                }
            }
            if !delta.is_finite() {
                return Ok(None);
            }
            // the rate seen so far, over the last two sweeps (over-relaxation makes single
            // steps uneven); the error left is about delta·rate/(1 − rate)
            let step_rate = delta / previous;
            let rate = if sweeps >= 3 {
                (delta / before_previous).sqrt()
            } else {
                step_rate
            };
            if sweeps == 2 {
                plain_rate = step_rate;
                omega = relaxation(step_rate);
            } else if sweeps >= 5 && omega != 1.0 && rate >= plain_rate {
                omega = 1.0;
            }
            if delta <= TOLERANCE * scale
                || (sweeps >= 3 && rate < 0.5 && delta * rate / (1.0 - rate) <= TOLERANCE * scale)
            {
                converged = true;
            } else if sweeps >= 3 {
                if rate >= 1.0 {
                    // changes that stop shrinking at the rounding level (over-relaxation
                    // stirs the last bits) are converged; larger ones are not converging
                    if delta > ROUNDING_FLOOR * scale {
                        return Ok(None);
                    }
                    converged = true;
                } else {
                    // the sweeps the rate says are still needed
                    let needed = (libm::log(TOLERANCE * scale / delta) / libm::log(rate)).ceil();
                    if sweeps as f64 + needed > budget as f64 {
                        return Ok(None);
                    }
                }
            }
            before_previous = previous;
            previous = delta;
        }
        x.truncate(count * n);
        Ok(Some(SweepResult {
            rows: x.chunks_exact(n.max(1)).map(<[f64]>::to_vec).collect(),
            round_spillover: round_sum,
            sweeps,
        }))
    }
}

/// `v·A_o` for a row-major `N × N` matrix `A` whose regions start at `starts`: the rows of
/// `A` streamed four at a time (one pass at memory speed), each region's own columns left
/// out. The loops are compiled for the machine's SIMD level by `pulp`'s run-time dispatch.
pub(super) fn off_diagonal_product(a: &[f64], starts: &[usize], v: &[f64]) -> Vec<f64> {
    struct Op<'a>(&'a [f64], &'a [usize], &'a [f64], Vec<f64>);
    impl pulp::WithSimd for Op<'_> {
        type Output = Vec<f64>;
        #[inline(always)]
        fn with_simd<S: pulp::Simd>(self, _: S) -> Vec<f64> {
            let Op(a, starts, v, mut out) = self;
            let n = v.len();
            for w in starts.windows(2) {
                let (r0, r1) = (w[0], w[1]);
                let mut i = r0;
                while i < r1 {
                    let k = (r1 - i).min(4);
                    let mut c = [0.0; 4];
                    c[..k].copy_from_slice(&v[i..i + k]);
                    let row = |q: usize| &a[(i + q.min(k - 1)) * n..(i + q.min(k - 1) + 1) * n];
                    let (a0, a1, a2, a3) = (row(0), row(1), row(2), row(3));
                    for (lo, hi) in [(0, r0), (r1, n)] {
                        let columns = out[lo..hi]
                            .iter_mut()
                            .zip(&a0[lo..hi])
                            .zip(&a1[lo..hi])
                            .zip(&a2[lo..hi])
                            .zip(&a3[lo..hi]);
                        for ((((o, x0), x1), x2), x3) in columns {
                            *o += c[0] * x0 + c[1] * x1 + c[2] * x2 + c[3] * x3;
                        }
                    }
                    i += k;
                }
            }
            out
        }
    }
    pulp::Arch::new().dispatch(Op(a, starts, v, vec![0.0; v.len()]))
}

/// The over-relaxation factor for a block Gauss–Seidel rate `q`: half way from 1 to
/// Young's optimum for consistently ordered matrices, `ω* = 2/(1 + √(1 − q))` (Varga 2000,
/// Theorem 4.4, with `ρ(GS) = ρ(J)²`), capped at [`MAX_OMEGA`]. Interregional systems are
/// not consistently ordered and `q` is measured early (it overstates the rate to come), so
/// the full `ω*` overshoots; the sweeps keep `ω` only while it beats the plain rate. On the
/// 32 council areas it saves two of twelve sweeps.
fn relaxation(q: f64) -> f64 {
    if !(0.0..1.0).contains(&q) {
        return 1.0;
    }
    (1.0 + (1.0 / (1.0 + (1.0 - q).sqrt()) - 0.5)).min(MAX_OMEGA)
}

/// The largest over-relaxation tried.
const MAX_OMEGA: f64 = 1.25;

fn add(sum: &mut [f64], v: &[f64]) {
    for (s, x) in sum.iter_mut().zip(v) {
        *s += x;
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{System, off_diagonal_product};
    use crate::leontief::LeontiefModel;

    /// A random `A ≥ 0` of `R` regions with `sizes` sectors: own blocks with column sums up to
    /// `own`, trade between regions with column sums up to `trade`.
    fn coefficients(
        sizes: &[usize],
        values: &[f64],
        own: f64,
        trade: f64,
    ) -> (Vec<f64>, Vec<usize>) {
        let mut starts = vec![0];
        for s in sizes {
            starts.push(starts.last().unwrap() + s);
        }
        let n = *starts.last().unwrap();
        let region = |i: usize| starts.partition_point(|&s| s <= i) - 1;
        let mut a: Vec<f64> = values.iter().cycle().take(n * n).copied().collect();
        for j in 0..n {
            let (mut inside, mut outside) = (0.0, 0.0);
            for i in 0..n {
                if region(i) == region(j) {
                    inside += a[i * n + j];
                } else {
                    outside += a[i * n + j];
                }
            }
            for i in 0..n {
                let (sum, cap) = if region(i) == region(j) {
                    (inside, own)
                } else {
                    (outside, trade)
                };
                a[i * n + j] *= if sum > 0.0 { cap / sum } else { 0.0 };
            }
        }
        (a, starts)
    }

    fn system<'a>(a: &'a [f64], starts: &'a [usize]) -> System<'a> {
        let n = *starts.last().unwrap();
        let own_inverses = starts
            .windows(2)
            .map(|w| {
                let m = w[1] - w[0];
                let block: Vec<f64> = (w[0]..w[1])
                    .flat_map(|i| a[i * n + w[0]..i * n + w[1]].to_vec())
                    .collect();
                LeontiefModel::from_coefficients(m, block)
                    .unwrap()
                    .leontief_inverse()
                    .unwrap()
            })
            .collect();
        // not the production cap (`budget`, at most MAX_SWEEPS): these random systems may
        // converge as slowly as a rate of 0.74 per sweep (own block 0.68, trade 0.25), which
        // needs about 110 sweeps to the rounding level; the cap is tested on its own below
        System {
            a,
            starts,
            own_inverses,
            budget: 1_000,
        }
    }

    /// `v·M1`, by the own inverses.
    fn times_m1(s: &System<'_>, v: &[f64]) -> Vec<f64> {
        let mut out = vec![0.0; v.len()];
        for (r, w) in s.starts.windows(2).enumerate() {
            let m = w[1] - w[0];
            for (p, vi) in v[w[0]..w[1]].iter().enumerate() {
                for q in 0..m {
                    out[w[0] + q] += vi * s.own_inverses[r][p * m + q];
                }
            }
        }
        out
    }

    fn close(a: &[f64], b: &[f64], tol: f64) -> bool {
        a.iter()
            .zip(b)
            .all(|(x, y)| (x - y).abs() <= tol * y.abs().max(1.0))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// The sweeps give the factored route's region rows and Round's rounds to rounding,
        /// the region rows to the same bits with and without the rounds.
        #[test]
        fn sweeps_give_the_factored_rows_and_rounds(
            sizes in proptest::collection::vec(1usize..=12, 2..=6),
            values in proptest::collection::vec(0.0f64..1.0, 97),
            own in 0.1f64..0.7,
            trade in 0.0f64..0.25,
        ) {
            let (a, starts) = coefficients(&sizes, &values, own, trade);
            let n = *starts.last().unwrap();
            let count = sizes.len();
            let s = system(&a, &starts);
            let step = |v: &[f64]| times_m1(&s, &off_diagonal_product(&a, &starts, v));
            let v0 = times_m1(&s, &vec![1.0; n]);
            let swept = s.solve(Some(&v0), step).unwrap().expect("converges");
            let without = s.solve(None, step).unwrap().expect("converges");
            prop_assert_eq!(&swept.rows, &without.rows);
            prop_assert!(without.round_spillover.is_empty());
            // the factored route
            let whole = LeontiefModel::from_coefficients(n, a.clone()).unwrap();
            let indicators: Vec<Vec<f64>> = starts
                .windows(2)
                .map(|w| (0..n).map(|i| f64::from(u8::from(w[0] <= i && i < w[1]))).collect())
                .collect();
            let rows = whole.solve_transpose_rows(&indicators);
            for (x, y) in swept.rows.iter().zip(&rows) {
                prop_assert!(close(x, y, 1e-13), "{x:?} against {y:?}");
            }
            let mut round = vec![0.0; n];
            let mut v = v0.clone();
            for _ in 1..count {
                v = step(&v);
                for (t, x) in round.iter_mut().zip(&v) {
                    *t += x;
                }
            }
            prop_assert!(close(&swept.round_spillover, &round, 1e-13));
        }
    }

    #[test]
    fn the_off_diagonal_product_leaves_the_own_blocks_out() {
        let (a, starts) = coefficients(&[3, 6, 1, 5], &[0.3, 0.1, 0.7, 0.2, 0.9], 0.5, 0.2);
        let n = 15;
        let v: Vec<f64> = (0..n).map(|i| 1.0 + i as f64).collect();
        let region = |i: usize| starts.partition_point(|&s| s <= i) - 1;
        let expected: Vec<f64> = (0..n)
            .map(|j| {
                (0..n)
                    .filter(|&i| region(i) != region(j))
                    .map(|i| v[i] * a[i * n + j])
                    .sum()
            })
            .collect();
        assert!(close(
            &off_diagonal_product(&a, &starts, &v),
            &expected,
            1e-15
        ));
    }

    #[test]
    fn sweeps_give_up_when_they_would_cost_more_than_the_factorisation() {
        // regions that trade more with one another than within themselves converge slowly
        let (a, starts) = coefficients(&[4, 4, 4], &[0.3, 0.8, 0.5, 0.1, 0.6], 0.05, 0.6);
        let mut s = system(&a, &starts);
        s.budget = 8;
        let step = |v: &[f64]| v.to_vec();
        assert!(s.solve(None, step).unwrap().is_none());
        // with room enough they get there
        s.budget = 100;
        let rows = s.solve(None, step).unwrap().expect("converges").rows;
        let whole = LeontiefModel::from_coefficients(12, a.clone()).unwrap();
        let total = whole.output_multipliers();
        let summed: Vec<f64> = (0..12).map(|j| rows.iter().map(|r| r[j]).sum()).collect();
        assert!(close(&summed, &total, 1e-12));
    }

    #[test]
    fn small_budgets_are_not_tried() {
        let (a, starts) = coefficients(&[2, 2], &[0.5], 0.3, 0.1);
        let mut s = system(&a, &starts);
        s.budget = super::budget(4, 2);
        assert!(s.solve(None, |v: &[f64]| v.to_vec()).unwrap().is_none());
    }
}
