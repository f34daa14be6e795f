//! Scaling a national intensity vector to a region's published totals by group.
//!
//! With national intensities `s_j`, regional output `x_j`, a group `g(j)` for every sector and
//! a published regional total `T_g` per group, the calibrated intensity is
//! `s'_j = s_j · T_g(j) / Σ_{k ∈ g(j)} s_k·x_k`: within a group the national relative
//! intensities are kept (the usual assumption when a region publishes its inventory by
//! sector group but not by industry), and the group totals are met exactly.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result, check_finite};

/// Calibrated intensities and the factor each group was scaled by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    /// `s'`, one per sector.
    pub intensities: Vec<f64>,
    /// `(group, T_g / Σ_{k∈g} s_k x_k)`, in the order of the totals.
    pub factors: Vec<(String, f64)>,
}

/// Scales `intensities` so that `Σ_{j∈g} s'_j·x_j = T_g` for every group (see the module
/// page). `O(n + groups²)`.
///
/// # Errors
///
/// [`Error::Shape`] when `intensities`, `output` and `groups` differ in length;
/// [`Error::NonFinite`]/[`Error::Negative`] for a bad intensity, output or total;
/// [`Error::MissingData`] when a sector's group has no total (the groups must cover the
/// sectors); [`Error::UnknownLabel`] for a total whose group has no sector;
/// [`Error::InvalidLabel`] for a group given two totals; [`Error::Infeasible`] when a group
/// has a positive total but no national emissions to scale, or so little (`1e-320`) that
/// the factor to its total overflows `f64`.
///
/// # Example
///
/// ```
/// use localecon::satellite::calibrate;
/// let groups = ["energy".to_string(), "energy".into(), "other".into()];
/// let c = calibrate(&[2.0, 1.0, 0.5], &[10.0, 20.0, 40.0], &groups,
///                   &[("energy".into(), 20.0), ("other".into(), 10.0)])?;
/// assert_eq!(c.intensities, vec![1.0, 0.5, 0.25]);
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn calibrate(
    intensities: &[f64],
    output: &[f64],
    groups: &[String],
    totals: &[(String, f64)],
) -> Result<Calibration> {
    let n = intensities.len();
    for (what, len) in [("output", output.len()), ("groups", groups.len())] {
        if len != n {
            return Err(Error::Shape {
                what: format!("calibration {what} (one per sector)"),
                expected: n,
                found: len,
            });
        }
    }
    let place = |what: &str, j: usize| Location::Field(format!("calibration {what}[{j}]"));
    for (what, v) in [("intensities", intensities), ("output", output)] {
        for (j, &e) in v.iter().enumerate() {
            check_finite(e, || place(what, j))?;
            if e < 0.0 {
                return Err(Error::Negative {
                    location: place(what, j),
                    value: e,
                });
            }
        }
    }
    let mut factors = Vec::with_capacity(totals.len());
    for (k, (g, t)) in totals.iter().enumerate() {
        let loc = || Location::Field(format!("calibration total \"{g}\""));
        check_finite(*t, loc)?;
        if *t < 0.0 {
            return Err(Error::Negative {
                location: loc(),
                value: *t,
            });
        }
        if totals[..k].iter().any(|(h, _)| h == g) {
            return Err(Error::InvalidLabel {
                what: "calibration groups".into(),
                label: g.clone(),
                reason: "duplicate".into(),
            });
        }
        let members: Vec<usize> = (0..n).filter(|&j| &groups[j] == g).collect();
        if members.is_empty() {
            return Err(Error::UnknownLabel {
                what: "calibration group (no sector belongs to it)".into(),
                label: g.clone(),
            });
        }
        let base: f64 = members.iter().map(|&j| intensities[j] * output[j]).sum();
        let factor = if base > 0.0 {
            let f = t / base;
            if !f.is_finite() {
                // Σ s·x so small (1e-320) that the factor to the total overflows f64
                return Err(Error::Infeasible {
                    what: format!(
                        "group \"{g}\" has a total of {t} but national emissions of only {base:e} to scale (the factor overflows f64)"
                    ),
                });
            }
            f
        } else if *t == 0.0 {
            1.0
        } else {
            return Err(Error::Infeasible {
                what: format!(
                    "group \"{g}\" has a total of {t} but no national emissions to scale (Σ s·x = 0)"
                ),
            });
        };
        factors.push((g.clone(), factor));
    }
    let mut out = Vec::with_capacity(n);
    for (j, g) in groups.iter().enumerate() {
        let f = factors.iter().find(|(h, _)| h == g).map(|(_, f)| *f).ok_or_else(|| Error::MissingData {
            what: format!("calibration total for group \"{g}\" of sector {j}: the groups must cover every sector"),
        })?;
        out.push(intensities[j] * f);
    }
    Ok(Calibration {
        intensities: out,
        factors,
    })
}
