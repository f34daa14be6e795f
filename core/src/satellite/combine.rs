//! New stressors as weighted sums of others: greenhouse gases to CO2e by their GWP100
//! (characterisation), or any user weighting (e.g. an impact category).

use super::gases::Gwp100;
use super::{ImportFactor, MassUnit, Satellite, Stressor};
use crate::error::{Error, Result};

impl Satellite {
    /// A satellite with one more stressor: every gas stressor converted to CO2e with the
    /// GWP100 set `gwp` and added up, in `unit` (a CO2e mass unit such as `"kt CO2e"`),
    /// named `name`. Intensities and household amounts add alike; import factors of the gas
    /// stressors add into a factor for the new stressor where every gas of an origin has one.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownOption`] for a unit that is no mass unit; [`Error::Inconsistent`] for
    /// a target that is not CO2e, no gas stressor, or an HFC/PFC stressor given in mass;
    /// [`Error::InvalidLabel`] when `name` is taken.
    pub fn characterise(&self, name: &str, unit: &str, gwp: Gwp100) -> Result<Self> {
        self.check_new_name(name)?;
        let target = MassUnit::parse(unit)?;
        if !target.co2e {
            return Err(Error::Inconsistent {
                what: format!("the characterised unit must be a CO2e unit, not {unit:?}"),
            });
        }
        let mut weights = Vec::new();
        for (k, s) in self.parts.stressors.iter().enumerate() {
            if let Some(gas) = s.gas {
                let w = MassUnit::parse(&s.unit)
                    .map_err(|_| Error::Inconsistent {
                        what: format!(
                            "stressor \"{}\" is a gas ({gas}) but its unit {:?} is no mass unit (kg, t, kt, Mt, optionally CO2e)",
                            s.name, s.unit
                        ),
                    })?
                    .to_co2e(gas, gwp, target)?;
                weights.push((k, w));
            }
        }
        if weights.is_empty() {
            return Err(Error::Inconsistent {
                what: "no stressor names a gas: nothing to characterise".into(),
            });
        }
        let by_mass = weights
            .iter()
            .any(|&(k, _)| MassUnit::parse(&self.parts.stressors[k].unit).is_ok_and(|u| !u.co2e));
        let assumption = if by_mass {
            format!(
                "{name}: the gases given as masses weighted by the IPCC {} GWP100 factors, those given in CO2e added as given",
                gwp.as_str().to_uppercase()
            )
        } else {
            format!("{name}: the sum of the gases, each given in CO2e by its source")
        };
        Ok(self.weighted_sum(name, unit, &weights, assumption))
    }

    /// A satellite with one more stressor `name = Σ_s factor_s·stressor_s` (in `unit`, which
    /// the caller states): intensities, household amounts and import factors add alike, as
    /// in pymrio's `characterize`.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLabel`] for a factor of an unknown stressor; [`Error::NonFinite`] for
    /// a NaN/∞ factor; [`Error::InvalidLabel`] when `name` is taken or empty;
    /// [`Error::MissingData`] for no factors.
    pub fn combine(&self, name: &str, unit: &str, factors: &[(String, f64)]) -> Result<Self> {
        self.check_new_name(name)?;
        if factors.is_empty() {
            return Err(Error::MissingData {
                what: format!("factors of the stressor \"{name}\""),
            });
        }
        let mut weights = Vec::with_capacity(factors.len());
        for (stressor, w) in factors {
            crate::error::check_finite(*w, || {
                crate::error::Location::Field(format!("factor of \"{stressor}\" in \"{name}\""))
            })?;
            weights.push((self.stressor_index(stressor)?, *w));
        }
        let terms: Vec<String> = factors.iter().map(|(s, w)| format!("{w}·{s}")).collect();
        Ok(self.weighted_sum(
            name,
            unit,
            &weights,
            format!("{name} = {}", terms.join(" + ")),
        ))
    }

    fn check_new_name(&self, name: &str) -> Result<()> {
        if self.parts.stressors.iter().any(|s| s.name == name) || name.trim().is_empty() {
            return Err(Error::InvalidLabel {
                what: "stressor names".into(),
                label: name.into(),
                reason: if name.trim().is_empty() {
                    "empty"
                } else {
                    "duplicate"
                }
                .into(),
            });
        }
        Ok(())
    }

    /// The stressor `Σ w_k·stressor_k` appended, with its import factors where every weighted
    /// stressor of an origin has one.
    fn weighted_sum(
        &self,
        name: &str,
        unit: &str,
        weights: &[(usize, f64)],
        assumption: String,
    ) -> Self {
        let n = self.sectors.len();
        // amounts (or intensities, as the parts hold them) and intensities add alike
        let mut values = vec![0.0; n];
        let mut row = vec![0.0; n];
        let mut household = 0.0;
        for &(k, w) in weights {
            let s = &self.parts.stressors[k];
            for (v, a) in values.iter_mut().zip(&s.values) {
                *v += w * a;
            }
            for (v, a) in row.iter_mut().zip(&self.intensities[k * n..(k + 1) * n]) {
                *v += w * a;
            }
            household += w * s.household;
        }
        let mut factors = Vec::new();
        let origins: std::collections::BTreeSet<&String> = self
            .parts
            .import_factors
            .iter()
            .map(|f| &f.origin)
            .collect();
        for origin in origins {
            let found: Vec<(&ImportFactor, f64)> = weights
                .iter()
                .filter_map(|&(k, w)| {
                    let stressor = &self.parts.stressors[k].name;
                    self.parts
                        .import_factors
                        .iter()
                        .find(|f| &f.origin == origin && &f.stressor == stressor)
                        .map(|f| (f, w))
                })
                .collect();
            if found.len() == weights.len() {
                let len = found.iter().map(|(f, _)| f.values.len()).max().unwrap_or(1);
                let mut v = vec![0.0; len];
                for (f, w) in found {
                    for (i, e) in v.iter_mut().enumerate() {
                        *e += w * f.values[if f.values.len() == 1 { 0 } else { i }];
                    }
                }
                factors.push(ImportFactor {
                    origin: origin.clone(),
                    stressor: name.into(),
                    values: v,
                });
            }
        }
        let mut parts = self.parts.clone();
        parts.stressors.push(Stressor {
            name: name.into(),
            unit: unit.into(),
            gas: None,
            values,
            household,
            removals: weights
                .iter()
                .any(|&(k, w)| self.parts.stressors[k].removals || w < 0.0),
        });
        parts.import_factors.extend(factors);
        parts.assumptions.push(assumption);
        let mut intensities = self.intensities.clone();
        intensities.extend_from_slice(&row);
        Self {
            parts,
            sectors: self.sectors.clone(),
            intensities,
        }
    }
}
