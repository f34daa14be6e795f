//! Large sparse networks (every firm of a region as an account): CSR storage and an
//! iterative solver, so that a network of a million accounts never becomes dense.
//!
//! `A_ij = F_ji / x_j` (the share of account `j`'s outlays paid to local account `i`), stored
//! by rows in compressed sparse row form with 32-bit column indices: 12 bytes per flow plus
//! 4 bytes per account. Output multipliers `1ᵀ(I − A)⁻¹` and leakage `ℓᵀ(I − A)⁻¹` come from
//! BiCGSTAB (van der Vorst 1992) on the transposed system `(I − A)ᵀy = w`, to a stated
//! relative residual, with the iterations and the residual reported.

use serde::{Deserialize, Serialize};

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
    values: Vec<f64>,
    /// Leakage coefficient per account: payments out of the region per unit of outlays.
    leakage: Vec<f64>,
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
        let mut values = vec![0.0; payer.len()];
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

    /// Bytes held by the matrix and the leakage vector.
    #[must_use]
    pub fn memory_bytes(&self) -> usize {
        self.row_start.len() * 4
            + self.cols.len() * 4
            + self.values.len() * 8
            + self.leakage.len() * 8
    }

    /// `out = (I − A)ᵀ·y`, i.e. `out_j = y_j − Σ_i A_ij·y_i` (a gather along row `j` of `Aᵀ`).
    fn apply_transpose(&self, y: &[f64], out: &mut [f64]) {
        for (j, o) in out.iter_mut().enumerate() {
            let (start, end) = (self.row_start[j] as usize, self.row_start[j + 1] as usize);
            let mut sum = 0.0;
            for (c, v) in self.cols[start..end].iter().zip(&self.values[start..end]) {
                sum += v * y[*c as usize];
            }
            *o = y[j] - sum;
        }
    }

    /// Solves `(I − A)ᵀ·y = w` by BiCGSTAB from `y = 0` to a relative residual `tolerance`.
    ///
    /// # Errors
    ///
    /// [`Error::Singular`] (naming the iterations and residual) when it does not converge in
    /// `max_iterations` or breaks down.
    pub fn solve_transpose(
        &self,
        w: &[f64],
        tolerance: f64,
        max_iterations: usize,
    ) -> Result<(Vec<f64>, Convergence)> {
        let n = self.n;
        let norm = |v: &[f64]| v.iter().map(|a| a * a).sum::<f64>().sqrt();
        let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(a, b)| a * b).sum::<f64>();
        let w_norm = norm(w);
        let mut y = vec![0.0; n];
        if w_norm == 0.0 {
            return Ok((
                y,
                Convergence {
                    iterations: 0,
                    relative_residual: 0.0,
                },
            ));
        }
        let mut r = w.to_vec();
        let r0 = r.clone();
        let (mut rho, mut alpha, mut omega) = (1.0, 1.0, 1.0);
        let mut v = vec![0.0; n];
        let mut p = vec![0.0; n];
        let mut s = vec![0.0; n];
        let mut t = vec![0.0; n];
        for it in 1..=max_iterations {
            let rho_new = dot(&r0, &r);
            if rho_new == 0.0 || omega == 0.0 {
                break;
            }
            let beta = (rho_new / rho) * (alpha / omega);
            rho = rho_new;
            for k in 0..n {
                p[k] = r[k] + beta * (p[k] - omega * v[k]);
            }
            self.apply_transpose(&p, &mut v);
            alpha = rho / dot(&r0, &v);
            for k in 0..n {
                s[k] = r[k] - alpha * v[k];
            }
            if norm(&s) / w_norm <= tolerance {
                for k in 0..n {
                    y[k] += alpha * p[k];
                }
                return Ok((
                    y,
                    Convergence {
                        iterations: it,
                        relative_residual: norm(&s) / w_norm,
                    },
                ));
            }
            self.apply_transpose(&s, &mut t);
            omega = dot(&t, &s) / dot(&t, &t);
            for k in 0..n {
                y[k] += alpha * p[k] + omega * s[k];
                r[k] = s[k] - omega * t[k];
            }
            let residual = norm(&r) / w_norm;
            if !residual.is_finite() {
                break;
            }
            if residual <= tolerance {
                return Ok((
                    y,
                    Convergence {
                        iterations: it,
                        relative_residual: residual,
                    },
                ));
            }
        }
        let mut check = vec![0.0; n];
        self.apply_transpose(&y, &mut check);
        let residual = norm(&check.iter().zip(w).map(|(c, w)| c - w).collect::<Vec<_>>()) / w_norm;
        Err(Error::Singular {
            what: format!(
                "BiCGSTAB did not reach a relative residual of {tolerance:e} in {max_iterations} iterations (residual {residual:e}); is every account leaking?"
            ),
            pivot: residual,
            position: max_iterations,
        })
    }

    /// Output multipliers and leakage of every account, each from one BiCGSTAB solve.
    ///
    /// # Errors
    ///
    /// As [`SparseNetwork::solve_transpose`].
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
        let (output_multipliers, multipliers_convergence) =
            self.solve_transpose(&vec![1.0; self.n], tolerance, max_iterations)?;
        let (leakage, leakage_convergence) =
            self.solve_transpose(&self.leakage, tolerance, max_iterations)?;
        Ok(SparseResult {
            output_multipliers,
            leakage,
            multipliers_convergence,
            leakage_convergence,
        })
    }
}
