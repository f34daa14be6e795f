//! Local Multiplier 3 (New Economics Foundation; Sacks 2002, *The Money Trail*): how much
//! local income one pound generates over three rounds, from surveys or from a model.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result};
use crate::model::ClosedModel;
use crate::table::RegionalTable;

/// One line of an organisation's spending in the LM3 survey (round 2), with what its
/// recipients re-spend locally (round 3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spending {
    /// What the line is, e.g. `"staff"` or `"suppliers"`.
    pub label: String,
    /// Amount spent on this line.
    pub amount: f64,
    /// Share of it paid to local recipients (local staff, local suppliers).
    pub local_share: f64,
    /// Share of what local recipients receive that they re-spend locally (from the staff
    /// or supplier surveys; see [`average_share`]).
    pub respend_local_share: f64,
}

/// An LM3 survey: round 1 is the organisation's income; round 2 its local spending; round 3
/// what local recipients re-spend locally.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lm3Survey {
    /// Round 1: the income of the organisation (or the amount spent with it).
    pub income: f64,
    /// Whether the organisation itself is local (if not, round 1 does not count locally).
    #[serde(default = "yes")]
    pub organisation_is_local: bool,
    /// Its spending lines.
    pub spending: Vec<Spending>,
}

fn yes() -> bool {
    true
}

/// The three rounds and LM3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lm3 {
    /// Round 1 (0 when the organisation is not local).
    pub round1: f64,
    /// Round 2: `Σ amount·local_share`.
    pub round2: f64,
    /// Round 3: `Σ amount·local_share·respend_local_share`.
    pub round3: f64,
    /// Local value `R1 + R2 + R3`.
    pub local_value: f64,
    /// `LM3 = (R1 + R2 + R3) / income`.
    pub lm3: f64,
}

fn share(value: f64, what: String) -> Result<()> {
    if (0.0..=1.0).contains(&value) {
        Ok(())
    } else {
        Err(Error::OutOfRange {
            location: Location::Field(what),
            value,
            expected: "a share in [0, 1]".into(),
        })
    }
}

impl Lm3Survey {
    /// Computes the three rounds and LM3.
    ///
    /// # Errors
    ///
    /// [`Error::OutOfRange`] for a share outside [0, 1] or an income that is not positive;
    /// [`Error::Negative`] for a negative amount; [`Error::NonFinite`].
    ///
    /// # Example
    ///
    /// The worked example: income £100,000; staff £40,000 (75 % local, who re-spend 45.4 %
    /// locally); suppliers £50,000 (40 % local, who re-spend 76 %).
    ///
    /// ```
    /// use localecon::lm3::{Lm3Survey, Spending};
    /// let survey = Lm3Survey { income: 100_000.0, organisation_is_local: true, spending: vec![
    ///     Spending { label: "staff".into(), amount: 40_000.0, local_share: 0.75, respend_local_share: 0.454 },
    ///     Spending { label: "suppliers".into(), amount: 50_000.0, local_share: 0.40, respend_local_share: 0.76 },
    /// ] };
    /// let r = survey.compute()?;
    /// assert_eq!((r.round2, r.round3), (50_000.0, 28_820.0));
    /// assert!((r.lm3 - 1.7882).abs() < 1e-12);
    /// # Ok::<(), localecon::Error>(())
    /// ```
    pub fn compute(&self) -> Result<Lm3> {
        crate::error::check_finite(self.income, || Location::Field("income".into()))?;
        if self.income <= 0.0 {
            return Err(Error::OutOfRange {
                location: Location::Field("income".into()),
                value: self.income,
                expected: "an income > 0".into(),
            });
        }
        let (mut r2, mut r3) = (0.0, 0.0);
        for (k, s) in self.spending.iter().enumerate() {
            crate::error::check_finite(s.amount, || {
                Location::Field(format!("spending[{k}].amount"))
            })?;
            if s.amount < 0.0 {
                return Err(Error::Negative {
                    location: Location::Field(format!("spending[{k}].amount ({})", s.label)),
                    value: s.amount,
                });
            }
            share(
                s.local_share,
                format!("spending[{k}].local_share ({})", s.label),
            )?;
            share(
                s.respend_local_share,
                format!("spending[{k}].respend_local_share ({})", s.label),
            )?;
            r2 += s.amount * s.local_share;
            r3 += s.amount * s.local_share * s.respend_local_share;
        }
        let r1 = if self.organisation_is_local {
            self.income
        } else {
            0.0
        };
        let local_value = r1 + r2 + r3;
        Ok(Lm3 {
            round1: r1,
            round2: r2,
            round3: r3,
            local_value,
            lm3: local_value / self.income,
        })
    }
}

/// The average of survey shares, as in NEF's `plm_averaging_surveys` sheet: the plain mean,
/// or the mean weighted by each respondent's spending when `weights` are given.
///
/// # Errors
///
/// [`Error::Empty`] without shares; [`Error::OutOfRange`] for a share outside [0, 1];
/// [`Error::Shape`] when weights and shares differ in length; [`Error::Negative`] for a
/// negative weight, [`Error::OutOfRange`] when the weights sum to 0.
pub fn average_share(shares: &[f64], weights: Option<&[f64]>) -> Result<f64> {
    if shares.is_empty() {
        return Err(Error::Empty);
    }
    for (k, &s) in shares.iter().enumerate() {
        share(s, format!("shares[{k}]"))?;
    }
    match weights {
        None => Ok(shares.iter().sum::<f64>() / shares.len() as f64),
        Some(w) => {
            if w.len() != shares.len() {
                return Err(Error::Shape {
                    what: "weights".into(),
                    expected: shares.len(),
                    found: w.len(),
                });
            }
            for (k, &v) in w.iter().enumerate() {
                crate::error::check_finite(v, || Location::Field(format!("weights[{k}]")))?;
                if v < 0.0 {
                    return Err(Error::Negative {
                        location: Location::Field(format!("weights[{k}]")),
                        value: v,
                    });
                }
            }
            let total: f64 = w.iter().sum();
            if total == 0.0 {
                return Err(Error::OutOfRange {
                    location: Location::Field("weights".into()),
                    value: 0.0,
                    expected: "weights that sum to more than 0".into(),
                });
            }
            Ok(shares.iter().zip(w).map(|(s, w)| s * w).sum::<f64>() / total)
        }
    }
}

/// The default work limit of [`model_lm`]: multiply–adds (each round costs `(n + 1)²`; 10⁹
/// take about a second).
pub const DEFAULT_LM_WORK: u64 = 1_000_000_000;

/// Model LMk for every sector from the household-closed model: the local money that one
/// unit of final demand for `j` puts through local hands (sectors and households) in its
/// first `k` rounds, `Σ_{m<k} 1ᵀĀᵐe_j`. `LM1 = 1`; LM3 = `1 + 1ᵀĀe_j + 1ᵀĀ²e_j`; as
/// `k → ∞` it converges to `1ᵀL̄e_j` (all `n + 1` rows of the closed inverse).
///
/// Cost: `(n + 1)²` multiply–adds a round, at most [`DEFAULT_LM_WORK`] in all (see
/// [`model_lm_bounded`]). Rounds stop early once they no longer change the sum: the rest of
/// the series then adds less than its rounding, so a `k` far beyond convergence costs no
/// more than convergence itself.
///
/// # Errors
///
/// [`Error::OutOfRange`] for `k = 0`; [`Error::TooLarge`] when the rounds needed before
/// convergence exceed the work limit; the errors of [`ClosedModel::new`].
///
/// # Example
///
/// ```
/// let t = localecon::datasets::scotland_2019();
/// let lm3 = localecon::lm3::model_lm(&t, 3)?;
/// let lm50 = localecon::lm3::model_lm(&t, 50)?;
/// assert!(lm3[0] > 1.0 && lm50[0] > lm3[0]);
/// // far beyond convergence: the rounds stop when they add nothing, at the limit
/// let far = localecon::lm3::model_lm(&t, usize::MAX)?;
/// let limit = localecon::lm3::model_lm_limit(&t)?;
/// assert!((far[0] - limit[0]).abs() < 1e-12 * limit[0]);
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn model_lm(table: &RegionalTable, k: usize) -> Result<Vec<f64>> {
    model_lm_bounded(table, k, DEFAULT_LM_WORK)
}

/// [`model_lm`] with an explicit work limit in multiply–adds.
///
/// # Errors
///
/// As [`model_lm`].
pub fn model_lm_bounded(table: &RegionalTable, k: usize, max_work: u64) -> Result<Vec<f64>> {
    if k == 0 {
        return Err(Error::OutOfRange {
            location: Location::Field("k".into()),
            value: 0.0,
            expected: "k ≥ 1 rounds".into(),
        });
    }
    let closed = ClosedModel::new(table)?;
    let n = table.n();
    let m = n + 1;
    let a = closed.coefficients();
    let per_round = (m * m) as u64;
    // row vector r_m = 1ᵀĀᵐ, accumulated: LMk = Σ_{m<k} r_m
    let mut r = vec![1.0; m];
    let mut total = r.clone();
    let mut largest = f64::INFINITY;
    let mut work = 0u64;
    for round in 1..k {
        if work + per_round > max_work {
            return Err(Error::TooLarge {
                what: format!(
                    "model LM{k}: round {round} has not converged (lower k, or use model_lm_limit)"
                ),
                size: usize::try_from(work + per_round).unwrap_or(usize::MAX),
                unit: "multiply-adds".into(),
                limit: usize::try_from(max_work).unwrap_or(usize::MAX),
            });
        }
        work += per_round;
        crate::interrupt::check("model LMk")?;
        let next: Vec<f64> = (0..m)
            .map(|j| (0..m).map(|i| r[i] * a[i * m + j]).sum())
            .collect();
        let mut changed = false;
        for (t, v) in total.iter_mut().zip(&next) {
            let before = *t;
            *t += v;
            changed |= *t != before;
        }
        let next_largest = next.iter().fold(0.0f64, |x, v| x.max(v.abs()));
        // converged: this round changed nothing and the rounds are shrinking
        if !changed && next_largest <= largest {
            break;
        }
        largest = next_largest;
        r = next;
    }
    total.truncate(n);
    Ok(total)
}

/// The limit of [`model_lm`] as `k → ∞`: `1ᵀL̄e_j` over all `n + 1` rows.
///
/// # Errors
///
/// The errors of [`ClosedModel::new`].
pub fn model_lm_limit(table: &RegionalTable) -> Result<Vec<f64>> {
    let closed = ClosedModel::new(table)?;
    Ok(closed.solve_transpose(&vec![1.0; table.n()], 1.0)?.0)
}
