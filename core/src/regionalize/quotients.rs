//! Location quotients: SLQ, CILQ, FLQ (Flegg & Webber 1997) and AFLQ (McCann & Dewhurst
//! 1998; Flegg & Webber 2000), from regional and national employment (or output).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result, check_finite};

spelled_enum! {
    /// How regional coefficients are estimated from national ones.
    LqMethod, "location-quotient method" {
        /// Simple location quotient `SLQ_i`, applied to row `i`.
        Slq => "slq",
        /// Cross-industry quotient `SLQ_i / SLQ_j` (SLQ on the diagonal).
        Cilq => "cilq",
        /// Flegg's quotient `CILQ_ij · λ*` with `λ* = [log₂(1 + TRE/TNE)]^δ`.
        Flq => "flq",
        /// Augmented FLQ: column `j` multiplied by `log₂(1 + SLQ_j)` where `SLQ_j > 1`.
        Aflq => "aflq",
    }
}

/// Validated regional and national employment (or output) by sector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmploymentPair {
    /// Regional employment `RE_i`.
    pub regional: Vec<f64>,
    /// National employment `NE_i`.
    pub national: Vec<f64>,
}

impl EmploymentPair {
    /// Checks lengths, finiteness, signs, `RE_i ≤ NE_i` and a positive national total.
    ///
    /// # Errors
    ///
    /// [`Error::Shape`], [`Error::NonFinite`], [`Error::Negative`]; [`Error::OutOfRange`] when
    /// a sector's regional employment exceeds its national employment, or the regional or
    /// national total is zero.
    pub fn new(regional: Vec<f64>, national: Vec<f64>, codes: &[String]) -> Result<Self> {
        let n = codes.len();
        for (what, v) in [
            ("regional employment", &regional),
            ("national employment", &national),
        ] {
            if v.len() != n {
                return Err(Error::Shape {
                    what: what.into(),
                    expected: n,
                    found: v.len(),
                });
            }
            for (i, &x) in v.iter().enumerate() {
                let loc = || Location::Field(format!("{what} of {}", codes[i]));
                check_finite(x, loc)?;
                if x < 0.0 {
                    return Err(Error::Negative {
                        location: loc(),
                        value: x,
                    });
                }
            }
        }
        for i in 0..n {
            if regional[i] > national[i] {
                return Err(Error::OutOfRange {
                    location: Location::Field(format!("regional employment of {}", codes[i])),
                    value: regional[i],
                    expected: format!("at most the national employment {}", national[i]),
                });
            }
        }
        for (what, v) in [
            ("national employment", &national),
            ("regional employment", &regional),
        ] {
            if v.iter().sum::<f64>() <= 0.0 {
                return Err(Error::OutOfRange {
                    location: Location::Field(format!("{what} (total)")),
                    value: 0.0,
                    expected: "a total above 0".into(),
                });
            }
        }
        Ok(Self { regional, national })
    }

    /// `TRE / TNE`: the region's share of national employment.
    #[must_use]
    pub fn regional_share(&self) -> f64 {
        self.regional.iter().sum::<f64>() / self.national.iter().sum::<f64>()
    }

    /// Simple location quotients `SLQ_i = (RE_i / TRE) / (NE_i / TNE)`. A sector without
    /// national employment gets 1 (no information: the region is taken to be average).
    #[must_use]
    pub fn slq(&self) -> Vec<f64> {
        let share = self.regional_share();
        self.regional
            .iter()
            .zip(&self.national)
            .map(|(r, n)| if *n == 0.0 { 1.0 } else { r / n / share })
            .collect()
    }
}

/// Flegg's regional size adjustment `λ* = [log₂(1 + TRE/TNE)]^δ` (Flegg & Webber 1997).
///
/// # Errors
///
/// [`Error::OutOfRange`] for `δ` outside `[0, 1)`, or a regional total that is not a share
/// of the national total (`0 < TRE ≤ TNE`).
///
/// # Example
///
/// ```
/// // 2,130 of 36,428 thousand jobs, δ = 0.3
/// let l = localecon::regionalize::flegg_lambda(2130.0, 36428.0, 0.3)?;
/// assert!((l - 0.4721894059).abs() < 1e-10);
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn flegg_lambda(regional_total: f64, national_total: f64, delta: f64) -> Result<f64> {
    if !(0.0..1.0).contains(&delta) {
        return Err(Error::OutOfRange {
            location: Location::Field("delta".into()),
            value: delta,
            expected: "0 ≤ δ < 1 (Flegg & Tohmo 2013 find 0.1–0.4)".into(),
        });
    }
    if !(regional_total > 0.0 && regional_total <= national_total) {
        return Err(Error::OutOfRange {
            location: Location::Field("regional total".into()),
            value: regional_total,
            expected: format!("0 < TRE ≤ TNE = {national_total}"),
        });
    }
    Ok(libm::pow(
        libm::log2(1.0 + regional_total / national_total),
        delta,
    ))
}

/// The quotient matrix `Q` (row-major `n × n`) of a method: regional coefficients are
/// `a^R_ij = a^N_ij · min(Q_ij, 1)`.
///
/// * SLQ: `Q_ij = SLQ_i`;
/// * CILQ: `Q_ij = SLQ_i / SLQ_j`, `Q_ii = SLQ_i`;
/// * FLQ: `Q_ij = CILQ_ij · λ*`;
/// * AFLQ: `Q_ij = FLQ_ij · log₂(1 + SLQ_j)` where `SLQ_j > 1`.
///
/// A column `j` whose sector has no regional employment (`SLQ_j = 0`) gets `Q_ij = 1`: the
/// sector produces nothing in the region, so its coefficients never apply.
///
/// # Errors
///
/// [`Error::OutOfRange`] for `δ` outside `[0, 1)` (FLQ, AFLQ).
pub fn quotient_matrix(
    employment: &EmploymentPair,
    method: LqMethod,
    delta: f64,
) -> Result<Vec<f64>> {
    let slq = employment.slq();
    let n = slq.len();
    let lambda = match method {
        LqMethod::Flq | LqMethod::Aflq => flegg_lambda(
            employment.regional.iter().sum(),
            employment.national.iter().sum(),
            delta,
        )?,
        _ => 1.0,
    };
    let mut q = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            q[i * n + j] = match method {
                LqMethod::Slq => slq[i],
                _ if i == j => slq[i] * lambda,
                _ if slq[j] == 0.0 => 1.0,
                _ => slq[i] / slq[j] * lambda,
            };
            if method == LqMethod::Aflq && slq[j] > 1.0 {
                q[i * n + j] *= libm::log2(1.0 + slq[j]);
            }
        }
    }
    Ok(q)
}

/// Regional coefficients `a^R_ij = a^N_ij · min(Q_ij, 1)`: a quotient of 1 or more leaves
/// the coefficient unchanged; what a quotient below 1 removes is imported from the rest of
/// the nation.
#[must_use]
pub fn regional_coefficients(a_national: &[f64], q: &[f64]) -> Vec<f64> {
    a_national
        .iter()
        .zip(q)
        .map(|(a, q)| a * q.min(1.0))
        .collect()
}

/// The share of a sector's jobs held by residents, from live-and-work counts (people who
/// live and work in the region) and workplace jobs: `live_and_work / jobs`, the retention
/// share of compensation (1 − the in-commuters' share).
///
/// # Errors
///
/// [`Error::OutOfRange`] when `jobs ≤ 0` or `live_and_work` is outside `[0, jobs]`.
pub fn resident_share(live_and_work: f64, jobs: f64) -> Result<f64> {
    let valid = jobs > 0.0 && (0.0..=jobs).contains(&live_and_work);
    if !valid {
        return Err(Error::OutOfRange {
            location: Location::Field("live_and_work".into()),
            value: live_and_work,
            expected: format!("between 0 and the workplace jobs ({jobs})"),
        });
    }
    Ok(live_and_work / jobs)
}
