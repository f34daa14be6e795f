//! Large sparse networks (every firm of a region as an account): CSR storage and an
//! iterative solver, so that a network of a million accounts never becomes dense.
//!
//! `A_ij = F_ji / x_j` (the share of account `j`'s outlays paid to local account `i`), stored
//! by rows in compressed sparse row form with 32-bit column indices: 12 bytes per flow plus
//! 4 bytes per account. Output multipliers `1ᵀ(I − A)⁻¹` and leakage `ℓᵀ(I − A)⁻¹` come from
//! BiCGSTAB (van der Vorst 1992) on the transposed system `(I − A)ᵀy = w`, to a stated
//! relative residual, with the iterations and the residual reported. The two systems share
//! each pass over the matrix, and the vectors it reads at random are the search directions
//! rounded to `f32` and used consistently, which halves the bytes the cache must hold without
//! loosening the `f64` residual (see `Bicgstab`; [`SparseNetwork::relative_residual`]
//! recomputes it).

use serde::{Deserialize, Serialize};

use crate::buffer::Buffer;
use crate::error::{Error, Location, Result, check_finite};

/// A sparse flow network: accounts `0..n`, flows payer → payee, and each account's other
/// outlays — payments that leave the region (imports, taxes, outside owners) and local
/// incomes that leave the inter-firm circuit (resident wages, local profits). `x_j` is the
/// sum of all three.
#[derive(Debug, Clone)]
pub struct SparseNetwork {
    n: usize,
    /// CSR of `Aᵀ` (rows are payers): `row_start[j]..row_start[j + 1]` index `cols` (payees)
    /// and `values` (`A_ij`, the share of payer `j`'s outlays paid to `i`), so that
    /// `(I − A)ᵀ·y` is a gather with contiguous writes.
    row_start: Vec<u32>,
    cols: Vec<u32>,
    /// (huge-page backed when large, like the solver's vectors: see `crate::buffer`)
    values: Buffer,
    /// Leakage coefficient per account: payments out of the region per unit of outlays.
    leakage: Vec<f64>,
    /// Each account's outlays `x_j` (the money flows are `A_ij·x_j`).
    outlays: Vec<f64>,
}

/// How an iterative solve went.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Convergence {
    /// Iterations used (each costs two sparse matrix–vector products).
    pub iterations: usize,
    /// Final relative residual `‖w − (I − A)ᵀy‖ / ‖w‖`.
    pub relative_residual: f64,
}

/// Output multipliers and leakage of every account, with how the solves went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SparseResult {
    /// Output multipliers `1ᵀ(I − A)⁻¹`.
    pub output_multipliers: Vec<f64>,
    /// Share of one unit of final demand for each account that leaves the region, `ℓᵀ(I − A)⁻¹`.
    pub leakage: Vec<f64>,
    /// Convergence of the multiplier solve.
    pub multipliers_convergence: Convergence,
    /// Convergence of the leakage solve.
    pub leakage_convergence: Convergence,
}

impl SparseNetwork {
    /// A network from flows `payer[k] → payee[k]` of `amount[k]`, each account's payments
    /// out of the region `leaked[j]` and its local incomes paid out `retained[j]`;
    /// `x_j` = local payments + leaked + retained.
    ///
    /// # Errors
    ///
    /// [`Error::Shape`] for lengths that differ; [`Error::OutOfRange`] for an account index
    /// `≥ n` or more than 2³² accounts or flows; [`Error::NonFinite`]; [`Error::Negative`];
    /// [`Error::Disconnected`] for an account with no outlays (its coefficients would be
    /// undefined).
    pub fn new(
        n: usize,
        payer: &[u32],
        payee: &[u32],
        amount: &[f64],
        leaked: &[f64],
        retained: &[f64],
    ) -> Result<Self> {
        if payee.len() != payer.len() || amount.len() != payer.len() {
            return Err(Error::Shape {
                what: "payer, payee and amount".into(),
                expected: payer.len(),
                found: payee.len().max(amount.len()),
            });
        }
        for (what, v) in [("leaked", leaked), ("retained", retained)] {
            if v.len() != n {
                return Err(Error::Shape {
                    what: format!("{what} (one per account)"),
                    expected: n,
                    found: v.len(),
                });
            }
            for (j, &x) in v.iter().enumerate() {
                check_finite(x, || Location::Field(format!("{what}[{j}]")))?;
                if x < 0.0 {
                    return Err(Error::Negative {
                        location: Location::Field(format!("{what}[{j}]")),
                        value: x,
                    });
                }
            }
        }
        if u32::try_from(n).is_err() || u32::try_from(payer.len()).is_err() {
            return Err(Error::OutOfRange {
                location: Location::Field("network size".into()),
                value: n.max(payer.len()) as f64,
                expected: "fewer than 2³² accounts and flows".into(),
            });
        }
        let mut outlays: Vec<f64> = leaked.iter().zip(retained).map(|(l, r)| l + r).collect();
        let mut counts = vec![0u32; n + 1];
        for k in 0..payer.len() {
            let (j, i, v) = (payer[k] as usize, payee[k] as usize, amount[k]);
            if j >= n || i >= n {
                return Err(Error::OutOfRange {
                    location: Location::Field(format!("flow {k}")),
                    value: j.max(i) as f64,
                    expected: format!("an account index below {n}"),
                });
            }
            check_finite(v, || Location::Field(format!("amount[{k}]")))?;
            if v < 0.0 {
                return Err(Error::Negative {
                    location: Location::Field(format!("amount[{k}]")),
                    value: v,
                });
            }
            outlays[j] += v;
            counts[j + 1] += 1;
        }
        if let Some(j) = outlays.iter().position(|x| *x <= 0.0) {
            return Err(Error::Disconnected {
                what: format!("account {j} pays nothing to anyone"),
            });
        }
        for i in 0..n {
            counts[i + 1] += counts[i];
        }
        let row_start = counts.clone();
        let mut next = counts;
        let mut cols = vec![0u32; payer.len()];
        let mut values = Buffer::zeroed(payer.len());
        for k in 0..payer.len() {
            let j = payer[k] as usize;
            let slot = next[j] as usize;
            cols[slot] = payee[k];
            values[slot] = amount[k] / outlays[j];
            next[j] += 1;
        }
        let leakage = leaked.iter().zip(&outlays).map(|(o, x)| o / x).collect();
        Ok(Self {
            n,
            row_start,
            cols,
            values,
            leakage,
            outlays,
        })
    }

    /// Number of accounts.
    #[must_use]
    pub fn n(&self) -> usize {
        self.n
    }

    /// Number of flows.
    #[must_use]
    pub fn flows(&self) -> usize {
        self.values.len()
    }

    /// Bytes held by the matrix, the leakage vector and the outlays.
    #[must_use]
    pub fn memory_bytes(&self) -> usize {
        self.row_start.len() * 4
            + self.cols.len() * 4
            + self.values.len() * 8
            + self.leakage.len() * 8
            + self.outlays.len() * 8
    }

    /// The money flows between the accounts as a graph for [`crate::clusters`]: an edge
    /// `j → i` of `A_ij·x_j` per flow (equal to the amount given to [`SparseNetwork::new`]
    /// up to one rounding; flows between the same pair are summed). Payments out of the
    /// region and local incomes are the boundary, not nodes. `self_loops`: keep an
    /// account's payments to itself.
    ///
    /// Cost: `O(n + f log d)` time; the graph takes `28·(n + 1) + 24·f` bytes for `f`
    /// distinct pairs, and `12·f` more while it is built.
    ///
    /// # Errors
    ///
    /// Those of [`crate::clusters::ClusterGraph::directed`]: a network without any flow
    /// between two distinct accounts, more than [`crate::clusters::MAX_CLUSTER_FLOWS`] flows.
    pub fn cluster_graph(&self, self_loops: bool) -> Result<crate::clusters::ClusterGraph> {
        let f = self.cols.len();
        let mut source = Vec::with_capacity(f);
        let mut weight = Vec::with_capacity(f);
        for j in 0..self.n {
            let (a, b) = (self.row_start[j] as usize, self.row_start[j + 1] as usize);
            for k in a..b {
                source.push(j as u32);
                weight.push(self.values[k] * self.outlays[j]);
            }
        }
        crate::clusters::ClusterGraph::directed(self.n, &source, &self.cols, &weight, self_loops)
    }

    /// `out_l = (I − A)ᵀ·x_l` for `L` vectors at once (one or two systems), i.e.
    /// `out_j = x_j − Σ_i A_ij·x_i` (a gather along row `j` of `Aᵀ`), with three dot products
    /// per vector taken as `out` is written: `[w·out, x·out, out·out]` (the solver's
    /// reductions, so that it needs no separate pass over these vectors).
    ///
    /// The gathered vectors are the solver's search directions rounded to `f32`, their `L`
    /// values side by side: one random read of 4·`L` bytes serves every system, and the
    /// arithmetic is `f64` (the product is exact for the rounded vector; see `Bicgstab`).
    /// The reads are the cost — 10⁷ of them at 10⁶ accounts — and how much the vector
    /// occupies decides whether they hit the cache: 8 bytes per account for two systems,
    /// where two `f64` vectors would take 16 (`examples/gather_cost.rs` measures the cliff).
    ///
    /// On big networks the rows are split in two halves of equal flow counts, run by
    /// `rayon::join`, and the dot products are summed half by half whether or not a second
    /// thread runs: the digits do not depend on the thread count.
    fn apply_lanes<const L: usize>(
        &self,
        x: &[[f32; L]],
        outs: [&mut [f64]; L],
        w: [(&[f64], f64); L],
    ) -> [[f64; 3]; L] {
        if self.cols.len() < PARALLEL_FLOWS {
            return self.lanes_rows(x, 0, outs, w);
        }
        let half = self.row_start[self.n] / 2;
        let mid = self.row_start.partition_point(|&s| s < half).min(self.n);
        let mut halves = outs.map(|out| out.split_at_mut(mid));
        let lo = halves.each_mut().map(|h| std::mem::take(&mut h.0));
        let hi = halves.map(|h| h.1);
        let (a, b) = join(
            true,
            || self.lanes_rows(x, 0, lo, w),
            || self.lanes_rows(x, mid, hi, w),
        );
        std::array::from_fn(|l| [a[l][0] + b[l][0], a[l][1] + b[l][1], a[l][2] + b[l][2]])
    }

    /// Rows `first..first + outs[l].len()` of [`SparseNetwork::apply_lanes`].
    fn lanes_rows<const L: usize>(
        &self,
        x: &[[f32; L]],
        first: usize,
        outs: [&mut [f64]; L],
        w: [(&[f64], f64); L],
    ) -> [[f64; 3]; L] {
        let rows = outs.first().map_or(0, |o| o.len());
        let bounds = &self.row_start[first..=first + rows];
        let mut dots = [[0.0; 3]; L];
        for (r, b) in bounds.windows(2).enumerate() {
            let (start, end) = (b[0] as usize, b[1] as usize);
            let mut sums = [0.0; L];
            for (c, v) in self.cols[start..end].iter().zip(&self.values[start..end]) {
                let gathered = x[*c as usize];
                for l in 0..L {
                    sums[l] += v * f64::from(gathered[l]);
                }
            }
            let own = x[first + r];
            for l in 0..L {
                let xl = f64::from(own[l]);
                let value = xl - sums[l];
                outs[l][r] = value;
                // r̂₀ = w / scale: the power of two applied first keeps the product clear of
                // underflow however small or large w is
                dots[l][0] += (w[l].0[first + r] * w[l].1) * value;
                dots[l][1] += xl * value;
                dots[l][2] += value * value;
            }
        }
        dots
    }

    /// The relative residual `‖w − (I − A)ᵀ·y‖ / ‖w‖` of a solution `y` of
    /// `(I − A)ᵀ·y = w`, computed afresh in `f64` (one pass over the matrix): the check of
    /// what [`Convergence::relative_residual`] reports.
    ///
    /// # Errors
    ///
    /// [`Error::Shape`] when `y` or `w` does not have one entry per account;
    /// [`Error::NonFinite`] for an entry of either; [`Error::OutOfRange`] when `w` is all
    /// zeros (no relative residual is defined).
    pub fn relative_residual(&self, y: &[f64], w: &[f64]) -> Result<f64> {
        self.check_vector("y", y)?;
        self.check_vector("w", w)?;
        let w_norm = norm(w);
        if w_norm == 0.0 {
            return Err(Error::OutOfRange {
                location: Location::Field("w".into()),
                value: 0.0,
                expected: "a right-hand side that is not all zeros".into(),
            });
        }
        let mut squares = 0.0;
        for (j, (&yj, &wj)) in y.iter().zip(w).enumerate() {
            let (start, end) = (self.row_start[j] as usize, self.row_start[j + 1] as usize);
            let mut out = yj;
            for (c, v) in self.cols[start..end].iter().zip(&self.values[start..end]) {
                out -= v * y[*c as usize];
            }
            squares += (wj - out) * (wj - out);
        }
        Ok(squares.sqrt() / w_norm)
    }

    /// One finite entry per account, or the typed error naming the vector and the entry.
    fn check_vector(&self, what: &str, v: &[f64]) -> Result<()> {
        if v.len() != self.n {
            return Err(Error::Shape {
                what: format!("{what} (one per account)"),
                expected: self.n,
                found: v.len(),
            });
        }
        for (j, &x) in v.iter().enumerate() {
            check_finite(x, || Location::Field(format!("{what}[{j}]")))?;
        }
        Ok(())
    }

    /// Solves `(I − A)ᵀ·y = w` by BiCGSTAB from `y = 0` to a relative residual `tolerance`.
    ///
    /// # Errors
    ///
    /// [`Error::Shape`] when `w` does not have one entry per account; [`Error::NonFinite`]
    /// for an entry of `w`; [`Error::Singular`] (naming the iterations and residual) when it
    /// does not converge in `max_iterations` or breaks down.
    pub fn solve_transpose(
        &self,
        w: &[f64],
        tolerance: f64,
        max_iterations: usize,
    ) -> Result<(Vec<f64>, Convergence)> {
        self.check_vector("w", w)?;
        let [solution] = self.solve_lanes([w], tolerance, max_iterations)?;
        Ok(solution)
    }

    /// Solves `(I − A)ᵀ·y = w` for `L` right-hand sides in lockstep (one, or the two of
    /// [`SparseNetwork::analyse`]; each system gets the digits it gets alone): each mat-vec
    /// gathers every system's direction in one pass over the matrix, and each sweep over the
    /// vectors does every system's update for its rows, the rows split in two halves (two
    /// threads on big networks). A system that has converged rides along in the mat-vecs
    /// (its lane is read, its outputs are not used) until the others are done.
    fn solve_lanes<const L: usize>(
        &self,
        w: [&[f64]; L],
        tolerance: f64,
        max_iterations: usize,
    ) -> Result<[(Vec<f64>, Convergence); L]> {
        let mut systems = w.map(Bicgstab::new);
        // the shadow residual r̂₀ = w / scale of each system, as (w, 1 / scale)
        let shadows: [(&[f64], f64); L] = std::array::from_fn(|l| (w[l], 1.0 / systems[l].scale));
        let parallel = self.cols.len() >= PARALLEL_FLOWS;
        let mid = if parallel { self.n / 2 } else { self.n };
        let mut lanes = Buffer::<[f32; L]>::zeroed(self.n);
        for (l, system) in systems.iter().enumerate() {
            for (x, p) in lanes.iter_mut().zip(system.p.iter()) {
                // p holds f32 values already: the cast is exact
                #[allow(clippy::cast_possible_truncation)]
                {
                    x[l] = *p as f32;
                }
            }
        }
        for it in 1..=max_iterations {
            crate::interrupt::check("the sparse solve")?;
            let running = std::array::from_fn(|l| systems[l].running());
            if running == [false; L] {
                break;
            }
            let outs = systems.each_mut().map(|s| &mut s.v[..]);
            let dots = self.apply_lanes(&lanes, outs, shadows);
            let active: [bool; L] =
                std::array::from_fn(|l| running[l] && systems[l].after_v(dots[l]));
            let sums = sweep(&mut systems, active, &mut lanes, mid, parallel, s_rows);
            let more: [bool; L] = std::array::from_fn(|l| {
                active[l] && !systems[l].s_converged(sums[l], it, tolerance)
            });
            if more == [false; L] {
                continue;
            }
            let outs = systems.each_mut().map(|s| &mut s.t[..]);
            let dots = self.apply_lanes(&lanes, outs, shadows);
            let steps: [bool; L] =
                std::array::from_fn(|l| more[l] && systems[l].prepare_update(dots[l]));
            let sums = sweep(&mut systems, steps, &mut lanes, mid, parallel, update_rows);
            for (l, system) in systems.iter_mut().enumerate() {
                if steps[l] {
                    system.updated(sums[l][0], it, tolerance);
                }
            }
        }
        let mut results = systems
            .into_iter()
            .map(|s| self.finish(s, tolerance, max_iterations));
        let mut out = Vec::with_capacity(L);
        for r in &mut results {
            out.push(r?);
        }
        match <[_; L]>::try_from(out) {
            Ok(out) => Ok(out),
            Err(_) => unreachable!("one result per system"),
        }
    }

    /// The converged solution, or the typed error with the true residual of the last iterate.
    fn finish(
        &self,
        state: Bicgstab,
        tolerance: f64,
        max_iterations: usize,
    ) -> Result<(Vec<f64>, Convergence)> {
        let Bicgstab {
            w,
            scale,
            mut y,
            done,
            ..
        } = state;
        for v in &mut y {
            *v *= scale;
        }
        if let Some(convergence) = done {
            return Ok((y, convergence));
        }
        let residual = self.relative_residual(&y, w)?;
        Err(Error::Singular {
            what: format!(
                "BiCGSTAB did not reach a relative residual of {tolerance:e} in {max_iterations} iterations (residual {residual:e}); is every account leaking?"
            ),
            pivot: residual,
            position: max_iterations,
        })
    }

    /// Output multipliers and leakage of every account, from two BiCGSTAB solves run in
    /// lockstep.
    ///
    /// # Errors
    ///
    /// As [`SparseNetwork::solve_transpose`]; [`Error::OutOfRange`] for a tolerance outside
    /// `(0, 1)` or `max_iterations = 0`.
    ///
    /// # Example
    ///
    /// ```
    /// use localecon::sparse::SparseNetwork;
    /// // two firms paying each other 60 % of their outlays; 30 % leaves the region, 10 % is
    /// // paid to local households
    /// let net = SparseNetwork::new(2, &[0, 1], &[1, 0], &[60.0, 60.0], &[30.0, 30.0], &[10.0, 10.0])?;
    /// let r = net.analyse(1e-12, 100)?;
    /// assert!((r.output_multipliers[0] - 2.5).abs() < 1e-10); // 1 / (1 − 0.6)
    /// assert!((r.leakage[0] - 0.75).abs() < 1e-10);            // 0.3 / (1 − 0.6)
    /// # Ok::<(), localecon::Error>(())
    /// ```
    pub fn analyse(&self, tolerance: f64, max_iterations: usize) -> Result<SparseResult> {
        if !(tolerance > 0.0 && tolerance < 1.0) {
            return Err(Error::OutOfRange {
                location: Location::Field("tolerance".into()),
                value: tolerance,
                expected: "0 < tolerance < 1".into(),
            });
        }
        if max_iterations == 0 {
            return Err(Error::OutOfRange {
                location: Location::Field("max_iterations".into()),
                value: 0.0,
                expected: "at least 1 iteration".into(),
            });
        }
        let ones = vec![1.0; self.n];
        let [
            (output_multipliers, multipliers_convergence),
            (leakage, leakage_convergence),
        ] = self.solve_lanes([&ones, &self.leakage], tolerance, max_iterations)?;
        Ok(SparseResult {
            output_multipliers,
            leakage,
            multipliers_convergence,
            leakage_convergence,
        })
    }
}

/// Flows above which a mat-vec splits its rows over two threads (below it, thread start-up
/// costs more than it saves; the split is measured in `benches/core.rs`).
const PARALLEL_FLOWS: usize = 200_000;

/// Runs `first` and `second`, side by side on rayon's pool when `parallel` (never in
/// WebAssembly, which has no threads here; `RAYON_NUM_THREADS=1` makes it sequential).
fn join<A: Send, B: Send>(
    parallel: bool,
    first: impl FnOnce() -> A + Send,
    second: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(not(target_family = "wasm"))]
    if parallel {
        return rayon::join(first, second);
    }
    #[cfg(target_family = "wasm")]
    let _ = parallel;
    (first(), second())
}

fn norm(v: &[f64]) -> f64 {
    dot(v, v).sqrt()
}

/// `a·b` with four running sums (the additions pipeline and vectorise).
fn dot(a: &[f64], b: &[f64]) -> f64 {
    let mut lanes = [0.0; 4];
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let tail: f64 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for k in 0..4 {
            lanes[k] += x[k] * y[k];
        }
    }
    (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]) + tail
}

/// `x` rounded to the nearest `f32`, kept as `f64`.
fn round32(x: f64) -> f64 {
    // the rounding is the point: directions are gathered as f32 (see `Bicgstab`)
    #[allow(clippy::cast_possible_truncation)]
    f64::from(x as f32)
}

/// One sweep's view of a system's vectors, over a range of rows.
struct Rows<'a> {
    lane: usize,
    y: &'a mut [f64],
    r: &'a mut [f64],
    p: &'a mut [f64],
    v: &'a [f64],
    t: &'a [f64],
    w: &'a [f64],
    /// `1 / scale`: `w·inv_scale` is the shadow residual `r̂₀`.
    inv_scale: f64,
    /// `[α, ω, β]` of the system's current iteration.
    step: [f64; 3],
}

/// Runs `rows_fn` over every `active` system's vectors, rows `0..mid` and `mid..n` side by
/// side (on two threads when `parallel`), each writing its system's lane of `lanes`; returns
/// each system's two sums, the halves added in a fixed order (the digits do not depend on
/// the thread count).
fn sweep<const L: usize>(
    systems: &mut [Bicgstab; L],
    active: [bool; L],
    lanes: &mut [[f32; L]],
    mid: usize,
    parallel: bool,
    rows_fn: fn(Rows, &mut [[f32; L]]) -> [f64; 2],
) -> [[f64; 2]; L] {
    let (mut lo, mut hi) = (Vec::with_capacity(L), Vec::with_capacity(L));
    for (lane, s) in systems.iter_mut().enumerate() {
        if !active[lane] {
            continue;
        }
        let step = [s.alpha, s.omega, s.beta];
        let (y, r, p) = (
            s.y.split_at_mut(mid),
            s.r.split_at_mut(mid),
            s.p.split_at_mut(mid),
        );
        let (v, t, w) = (s.v.split_at(mid), s.t.split_at(mid), s.w.split_at(mid));
        lo.push(Rows {
            lane,
            y: y.0,
            r: r.0,
            p: p.0,
            v: v.0,
            t: t.0,
            w: w.0,
            inv_scale: 1.0 / s.scale,
            step,
        });
        hi.push(Rows {
            lane,
            y: y.1,
            r: r.1,
            p: p.1,
            v: v.1,
            t: t.1,
            w: w.1,
            inv_scale: 1.0 / s.scale,
            step,
        });
    }
    let (lanes_lo, lanes_hi) = lanes.split_at_mut(mid);
    let run = |parts: Vec<Rows>, lanes: &mut [[f32; L]]| -> Vec<(usize, [f64; 2])> {
        parts
            .into_iter()
            .map(|rows| (rows.lane, rows_fn(rows, lanes)))
            .collect()
    };
    let (a, b) = join(parallel, || run(lo, lanes_lo), || run(hi, lanes_hi));
    let mut sums = [[0.0; 2]; L];
    for ((lane, x), (_, y)) in a.into_iter().zip(b) {
        sums[lane] = [x[0] + y[0], x[1] + y[1]];
    }
    sums
}

/// `s = r − αv` in place of `r`, its lane (rounded to `f32`) for the next mat-vec; returns
/// `[‖s‖², r̂₀·s]` over these rows.
fn s_rows<const L: usize>(rows: Rows, lanes: &mut [[f32; L]]) -> [f64; 2] {
    let alpha = rows.step[0];
    // four partial sums, so that the update still vectorises
    let (mut ss, mut ws) = ([0.0; 4], [0.0; 4]);
    for (k, (((r, v), w), x)) in rows
        .r
        .iter_mut()
        .zip(rows.v)
        .zip(rows.w)
        .zip(lanes.iter_mut())
        .enumerate()
    {
        *r -= alpha * v;
        ss[k % 4] += *r * *r;
        ws[k % 4] += (w * rows.inv_scale) * *r;
        #[allow(clippy::cast_possible_truncation)]
        {
            x[rows.lane] = *r as f32;
        }
    }
    [sum4(ss), sum4(ws)]
}

/// `y += αp̃ + ωs̃`, `r = s − ωt`, the next direction `p = round(r + β(p̃ − ωv))` and its lane;
/// returns `[‖r‖², 0]` over these rows.
fn update_rows<const L: usize>(rows: Rows, lanes: &mut [[f32; L]]) -> [f64; 2] {
    let [alpha, omega, beta] = rows.step;
    let mut rr = [0.0; 4];
    for (k, ((y, r), ((p, (t, v)), x))) in rows
        .y
        .iter_mut()
        .zip(rows.r.iter_mut())
        .zip(
            rows.p
                .iter_mut()
                .zip(rows.t.iter().zip(rows.v))
                .zip(lanes.iter_mut()),
        )
        .enumerate()
    {
        let s = *r;
        *y += alpha * *p + omega * round32(s);
        *r = s - omega * t;
        #[allow(clippy::cast_possible_truncation)]
        let next = (*r + beta * (*p - omega * v)) as f32;
        x[rows.lane] = next;
        *p = f64::from(next);
        rr[k % 4] += *r * *r;
    }
    [sum4(rr), 0.0]
}

/// The state of one BiCGSTAB iteration (van der Vorst 1992, unpreconditioned), split at its
/// two matrix–vector products so that several systems can advance side by side.
///
/// **Mixed precision without loss.** The two vectors each iteration multiplies — the search
/// direction `p` and `s` — are rounded to `f32` before the product (the mat-vec's cost is
/// reading them at random, and half the bytes keep them in cache), and the rounded vectors
/// are used consistently: `v = M·p̃` with `p` itself held rounded, `t = M·s̃`, and the iterate
/// moves by `α·p̃ + ω·s̃`. Every product is then exact (in `f64`) for the vector it was given,
/// so the recursively updated residual stays the true residual `w − M·y` up to `f64`
/// rounding, and the solve reaches the same `f64` tolerance as a solve in `f64` throughout:
/// the rounding only perturbs which directions are searched (by one part in 10⁷), not the
/// accuracy of the answer. The right-hand side is divided by a power of two (exactly) so
/// that its largest entry lies in `[1, 2)`, well inside `f32`'s range.
///
/// Arranged to stream as few vectors as possible: the shadow residual `r̂₀` is the scaled
/// right-hand side `w / scale`, read from `w` and multiplied by the power of two on the fly
/// (`y₀ = 0`; so that no product underflows however small `w` is), `s` overwrites
/// `r`, the dot products `r̂₀·v`, `t·s̃`, `t·t` and `r̂₀·t` are taken inside the mat-vecs, and
/// `ρ' = r̂₀·r' = r̂₀·s − ω·r̂₀·t` is known before the last sweep, which then updates `y`, `r`
/// and the next direction `p` together. Five `f64` vectors per system.
struct Bicgstab<'w> {
    /// The right-hand side; `w / scale` is the shadow residual `r̂₀`.
    w: &'w [f64],
    /// A power of two: the solve runs on `w / scale`, and `y` is multiplied back at the end.
    scale: f64,
    /// `‖w / scale‖`.
    w_norm: f64,
    y: Vec<f64>,
    // the workspace, huge-page backed when large (fewer page faults and TLB misses)
    /// `r`, and `s = r − αv` from the middle of an iteration to its end.
    r: Buffer,
    /// The search direction, always holding values representable in `f32`.
    p: Buffer,
    v: Buffer,
    t: Buffer,
    /// `ρ = r̂₀·r` for the current `r`.
    rho: f64,
    /// `r̂₀·s`, from the sweep that writes `s`.
    rho_s: f64,
    /// `r̂₀·r` for the `r` the current update sweep writes.
    rho_next: f64,
    alpha: f64,
    omega: f64,
    beta: f64,
    /// `Some` once converged (or trivially solved for `w = 0`).
    done: Option<Convergence>,
    /// Set on breakdown (`r̂₀·v = 0`, `ω = 0`, `ρ = 0` or a non-finite step): the iteration
    /// stops and `finish` reports the true residual of the iterate.
    broken: bool,
}

impl<'w> Bicgstab<'w> {
    fn new(w: &'w [f64]) -> Self {
        let n = w.len();
        let largest = w.iter().fold(0.0f64, |m, x| m.max(x.abs()));
        let scale = power_of_two_below(largest);
        let mut r = Buffer::zeroed(n);
        let mut p = Buffer::zeroed(n);
        for ((r, p), w) in r.iter_mut().zip(p.iter_mut()).zip(w) {
            *r = w / scale;
            // the first direction is the residual, rounded
            *p = round32(*r);
        }
        let w_norm = norm(&r);
        let done = (w_norm == 0.0).then_some(Convergence {
            iterations: 0,
            relative_residual: 0.0,
        });
        // ρ = r̂₀·r with r̂₀ = w / scale (= r here)
        let rho = dot(&r, &r);
        Bicgstab {
            w,
            scale,
            w_norm,
            y: vec![0.0; n],
            r,
            p,
            v: Buffer::zeroed(n),
            t: Buffer::zeroed(n),
            rho,
            rho_s: 0.0,
            rho_next: 0.0,
            alpha: 0.0,
            omega: 0.0,
            beta: 0.0,
            done,
            broken: false,
        }
    }

    fn running(&self) -> bool {
        self.done.is_none() && !self.broken
    }

    /// After `v = Mp̃` (with `dots[0] = r̂₀·v` from the mat-vec): `α = ρ / r̂₀·v`; `false` on
    /// breakdown.
    fn after_v(&mut self, dots: [f64; 3]) -> bool {
        self.alpha = self.rho / dots[0];
        if !self.alpha.is_finite() || dots[0] == 0.0 {
            self.broken = true;
        }
        !self.broken
    }

    /// After the sweep that wrote `s = r − αv` (with `sums = [‖s‖², r̂₀·s]`): `true` (and
    /// converged) when `s` is small enough, after the half step `y += αp̃`.
    fn s_converged(&mut self, sums: [f64; 2], iteration: usize, tolerance: f64) -> bool {
        self.rho_s = sums[1];
        let residual = sums[0].sqrt() / self.w_norm;
        if residual <= tolerance {
            self.half_step();
            self.done = Some(Convergence {
                iterations: iteration,
                relative_residual: residual,
            });
            return true;
        }
        false
    }

    /// `y += αp̃`: the iterate whose residual is `s`.
    fn half_step(&mut self) {
        for (y, p) in self.y.iter_mut().zip(self.p.iter()) {
            *y += self.alpha * p;
        }
    }

    /// After `t = Ms̃` (with `dots = [r̂₀·t, s̃·t, t·t]` from the mat-vec): `ω`, `β` and the
    /// next `ρ = r̂₀·s − ω·r̂₀·t` for the update sweep; `false` on breakdown, keeping the half
    /// step's iterate (`y + αp̃`, residual `s`).
    fn prepare_update(&mut self, dots: [f64; 3]) -> bool {
        let [wt, st, tt] = dots;
        self.omega = st / tt;
        self.rho_next = self.rho_s - self.omega * wt;
        self.beta = (self.rho_next / self.rho) * (self.alpha / self.omega);
        if self.omega.is_finite() && self.omega != 0.0 && self.beta.is_finite() {
            return true;
        }
        self.half_step();
        self.broken = true;
        false
    }

    /// After the update sweep (with `rr = ‖r‖²`): marks convergence or breakdown.
    fn updated(&mut self, rr: f64, iteration: usize, tolerance: f64) {
        self.rho = self.rho_next;
        let residual = rr.sqrt() / self.w_norm;
        if residual <= tolerance {
            self.done = Some(Convergence {
                iterations: iteration,
                relative_residual: residual,
            });
        } else if !residual.is_finite() || self.rho == 0.0 {
            self.broken = true;
        }
    }
}

/// The power of two `2ᵏ ≤ x` with `x / 2ᵏ ∈ [1, 2)` (1 for `x = 0`; `2⁻¹⁰²²` for subnormal
/// `x`), so that dividing by it is exact.
fn power_of_two_below(x: f64) -> f64 {
    let exponent = (x.to_bits() >> 52) & 0x7ff;
    if x == 0.0 {
        1.0
    } else if exponent == 0 {
        f64::MIN_POSITIVE
    } else {
        f64::from_bits(exponent << 52)
    }
}

/// The sum of four partial sums, in a fixed order.
fn sum4(lanes: [f64; 4]) -> f64 {
    (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
}
