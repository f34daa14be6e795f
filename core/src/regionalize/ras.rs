//! RAS (biproportional) balancing of a non-negative matrix to row and column targets
//! (Stone 1961; Bacharach 1970; Miller & Blair 2009, §7.4).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result, check_finite};

/// Stopping rules of [`ras`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RasOptions {
    /// Stop when every row and column sum is within this relative gap of its target.
    pub tolerance: f64,
    /// Give up after this many iterations (one iteration scales rows, then columns).
    pub max_iterations: usize,
}

impl Default for RasOptions {
    fn default() -> Self {
        Self {
            tolerance: 1e-10,
            max_iterations: 10_000,
        }
    }
}

/// The balanced matrix and how the iteration went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RasResult {
    /// The balanced matrix, row-major.
    pub matrix: Vec<f64>,
    /// Row multipliers `r` (the balanced matrix is `diag(r)·U0·diag(s)`).
    pub row_factors: Vec<f64>,
    /// Column multipliers `s`.
    pub column_factors: Vec<f64>,
    /// Iterations done.
    pub iterations: usize,
    /// Whether the tolerance was reached.
    pub converged: bool,
    /// Largest relative gap between a row or column sum and its target at the end.
    pub max_relative_gap: f64,
}

/// The factor that scales a row's or column's `sum` to its `target` (1 for a sum of zero,
/// which no factor changes). A finite factor keeps every entry finite (each is at most the
/// sum, scaled to at most the target); a sum so small that the factor overflows (entries
/// spanning more than `f64` holds, `1e-320` beside `1e300`) is [`Error::Infeasible`] rather
/// than an infinite entry.
fn factor(what: &str, k: usize, target: f64, sum: f64) -> Result<f64> {
    if sum <= 0.0 {
        return Ok(1.0);
    }
    let f = target / sum;
    if f.is_finite() {
        Ok(f)
    } else {
        Err(Error::Infeasible {
            what: format!(
                "{what} {k} cannot be scaled to its target {target}: its sum {sum:e} is too small (the factor overflows f64)"
            ),
        })
    }
}

/// A row's or column's multiplier after one more factor `f`, or `None` when it leaves the
/// normal range of `f64` (overflows, or underflows below `f64::MIN_POSITIVE`, where digits
/// are lost): the multipliers of a zero pattern that cannot fit its targets drift apart
/// without bound (`1e155` and `0`) while the matrix itself stays finite, and
/// `diag(r)·U0·diag(s)` would become `0·∞`. A zero target makes a multiplier exactly 0.
fn cumulated(multiplier: f64, f: f64) -> Option<f64> {
    let m = multiplier * f;
    (m.is_normal() || (m == 0.0 && (multiplier == 0.0 || f == 0.0))).then_some(m)
}

/// Balances `u0` (row-major `rows × cols`, non-negative) to row and column targets by
/// alternately scaling rows and columns: iteration `k` sets `U ← diag(u/U1)·U`, then
/// `U ← U·diag(v/1ᵀU)`. Zeros stay zeros.
///
/// # Errors
///
/// [`Error::Shape`]; [`Error::NonFinite`]; [`Error::Negative`] for negative entries or
/// targets; [`Error::Inconsistent`] when row and column targets sum to different totals
/// (relative gap above the tolerance); [`Error::Infeasible`] when a row or column of zeros
/// has a positive target, or when scaling one to its target overflows `f64`. A zero pattern
/// that no scaling can fit is reported by `converged = false` with the remaining gap; its
/// multipliers drift apart, and the iteration stops early, before one of them leaves what
/// `f64` holds.
///
/// # Example
///
/// ```
/// use localecon::regionalize::{RasOptions, ras};
/// let r = ras(&[5.0, 0.5, 4.0, 3.0], 2, 2, &[10.0, 2.0], &[7.0, 5.0], RasOptions::default())?;
/// assert!(r.converged);
/// assert!((r.matrix[0] - 6.590207719).abs() < 1e-9);
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn ras(
    u0: &[f64],
    rows: usize,
    cols: usize,
    row_targets: &[f64],
    col_targets: &[f64],
    options: RasOptions,
) -> Result<RasResult> {
    // checked: `rows` and `cols` come from the caller, and their product could wrap around
    // to the matrix's length (then every index past it panicked)
    if rows.checked_mul(cols) != Some(u0.len()) {
        return Err(Error::Shape {
            what: format!("matrix ({rows} × {cols})"),
            expected: rows.saturating_mul(cols),
            found: u0.len(),
        });
    }
    if row_targets.len() != rows {
        return Err(Error::Shape {
            what: "row targets".into(),
            expected: rows,
            found: row_targets.len(),
        });
    }
    if col_targets.len() != cols {
        return Err(Error::Shape {
            what: "column targets".into(),
            expected: cols,
            found: col_targets.len(),
        });
    }
    for (k, &v) in u0.iter().enumerate() {
        let loc = || Location::Field(format!("matrix[{}, {}]", k / cols, k % cols));
        check_finite(v, loc)?;
        if v < 0.0 {
            return Err(Error::Negative {
                location: loc(),
                value: v,
            });
        }
    }
    for (what, t) in [
        ("row targets", row_targets),
        ("column targets", col_targets),
    ] {
        for (k, &v) in t.iter().enumerate() {
            let loc = || Location::Field(format!("{what}[{k}]"));
            check_finite(v, loc)?;
            if v < 0.0 {
                return Err(Error::Negative {
                    location: loc(),
                    value: v,
                });
            }
        }
    }
    let (ru, cu): (f64, f64) = (row_targets.iter().sum(), col_targets.iter().sum());
    if crate::table::relative_gap(ru, cu) > options.tolerance.max(1e-12) {
        return Err(Error::Inconsistent {
            what: format!("row targets sum to {ru} but column targets sum to {cu}"),
        });
    }
    let mut m = u0.to_vec();
    for i in 0..rows {
        if row_targets[i] > 0.0 && m[i * cols..(i + 1) * cols].iter().all(|v| *v == 0.0) {
            return Err(Error::Infeasible {
                what: format!("row {i} is all zeros but its target is {}", row_targets[i]),
            });
        }
    }
    for j in 0..cols {
        if col_targets[j] > 0.0 && (0..rows).all(|i| m[i * cols + j] == 0.0) {
            return Err(Error::Infeasible {
                what: format!(
                    "column {j} is all zeros but its target is {}",
                    col_targets[j]
                ),
            });
        }
    }
    let mut r = vec![1.0; rows];
    let mut s = vec![1.0; cols];
    let gap = |m: &[f64]| -> f64 {
        let mut g: f64 = 0.0;
        for i in 0..rows {
            g = g.max(crate::table::relative_gap(
                m[i * cols..(i + 1) * cols].iter().sum(),
                row_targets[i],
            ));
        }
        for j in 0..cols {
            g = g.max(crate::table::relative_gap(
                (0..rows).map(|i| m[i * cols + j]).sum(),
                col_targets[j],
            ));
        }
        g
    };
    let mut iterations = 0;
    let mut g = gap(&m);
    'iterate: while g > options.tolerance && iterations < options.max_iterations {
        for i in 0..rows {
            let sum: f64 = m[i * cols..(i + 1) * cols].iter().sum();
            let f = factor("row", i, row_targets[i], sum)?;
            let Some(ri) = cumulated(r[i], f) else {
                break 'iterate;
            };
            r[i] = ri;
            for v in &mut m[i * cols..(i + 1) * cols] {
                *v *= f;
            }
        }
        for j in 0..cols {
            let sum: f64 = (0..rows).map(|i| m[i * cols + j]).sum();
            let f = factor("column", j, col_targets[j], sum)?;
            let Some(sj) = cumulated(s[j], f) else {
                break 'iterate;
            };
            s[j] = sj;
            for i in 0..rows {
                m[i * cols + j] *= f;
            }
        }
        iterations += 1;
        g = gap(&m);
    }
    // a stop inside an iteration (the factors diverging) leaves a matrix partly scaled
    g = gap(&m);
    Ok(RasResult {
        matrix: m,
        row_factors: r,
        column_factors: s,
        iterations,
        converged: g <= options.tolerance,
        max_relative_gap: g,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_shape_whose_product_wraps_around_is_refused() {
        // 2³³ × 2³¹ wraps to 0 on 64 bits: an empty matrix with those dimensions passed the
        // length check, and the targets' check came after it
        let (rows, cols) = (1usize << 33, 1usize << 31);
        let e = ras(&[], rows, cols, &[], &[], RasOptions::default()).unwrap_err();
        assert!(
            matches!(e, Error::Shape { expected, found: 0, .. } if expected == usize::MAX),
            "{e}"
        );
    }

    /// Found by fuzzing: column 0 holds only `1e-320`, so its factor to reach 1 overflowed,
    /// and the balanced matrix held `inf` and `NaN` while `converged` said true.
    #[test]
    fn factors_that_leave_f64_stop_with_finite_numbers() {
        let u0 = [1e-320, 1.0, 0.0, 1e300];
        let options = RasOptions {
            tolerance: 0.0,
            ..RasOptions::default()
        };
        let e = ras(&u0, 2, 2, &[1.0, 1.0], &[1.0, 1.0], options).unwrap_err();
        assert_eq!(
            e.to_string(),
            "infeasible: column 0 cannot be scaled to its target 1: its sum 1e-320 is too small (the factor overflows f64)"
        );
        // found by fuzzing: a zero pattern that cannot fit (row 0 must reach 10 from its one
        // entry, whose column must reach 7) drove the multipliers to 1e155 and 0, then ∞
        let r = ras(
            &[1.0, 0.0, 4.0, 3.0],
            2,
            2,
            &[10.0, 2.0],
            &[7.0, 5.0],
            RasOptions::default(),
        );
        let r = r.unwrap();
        assert!(!r.converged && r.iterations < 10_000, "{r:?}");
        let u0 = [1.0, 0.0, 4.0, 3.0];
        for (k, v) in r.matrix.iter().enumerate() {
            let (i, j) = (k / 2, k % 2);
            let rebuilt = r.row_factors[i] * u0[k] * r.column_factors[j];
            assert!(
                v.is_finite() && (v - rebuilt).abs() <= 1e-12 * v.abs().max(1.0),
                "{r:?}"
            );
        }
        assert!((r.max_relative_gap - 0.6).abs() < 1e-9, "{r:?}");
        // tiny entries whose factors stay finite still balance
        let r = ras(
            &[1e-300, 1e-300, 1e-300, 1e-300],
            2,
            2,
            &[1.0, 1.0],
            &[1.0, 1.0],
            options,
        );
        let r = r.unwrap();
        assert!(
            r.converged && r.matrix.iter().all(|v| (v - 0.5).abs() < 1e-15),
            "{r:?}"
        );
    }
}
