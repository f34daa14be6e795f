//! Stressors given as one matrix, with each stressor's options keyed by its name: what a
//! DataFrame (stressors × sectors) and a few dicts give in Python.

use std::collections::BTreeMap;

use super::Stressor;
use crate::error::{Error, Result};

/// Stressors as one `k × n` matrix (a row per stressor, a column per sector in table order),
/// with options given by stressor name. [`StressorMatrix::stressors`] checks that every name
/// given in an option is one of the stressors, so that a misspelt name is an error rather
/// than an option silently left at its default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StressorMatrix {
    /// The stressors' names, one per row.
    pub names: Vec<String>,
    /// Amounts (or intensities per unit of output), row-major `k × n`.
    pub values: Vec<f64>,
    /// Unit by stressor name; a stressor not named here is in `"units"`.
    pub units: BTreeMap<String, String>,
    /// Gas by stressor name, in [`Gas`](super::Gas)'s spellings (`"co2"`, `"ch4"`, …); a
    /// stressor not named here is no gas.
    pub gases: BTreeMap<String, String>,
    /// Final users' own direct amount by stressor name; a stressor not named here has 0.
    pub household: BTreeMap<String, f64>,
    /// The stressors whose amounts may be negative (removals).
    pub removals: Vec<String>,
}

impl StressorMatrix {
    /// The stressors, one per row of `values` (`n` values each). Values are not checked here
    /// (finite, non-negative): [`Satellite::new`](super::Satellite::new) checks them. `O(k·n)`.
    ///
    /// # Errors
    ///
    /// [`Error::Shape`] when `values` is not one row of `n` per name; [`Error::UnknownLabel`]
    /// for a name in `units`, `gases`, `household` or `removals` that is none of the
    /// stressors; [`Error::UnknownOption`] for a gas that is not known.
    ///
    /// # Example
    ///
    /// ```
    /// use localecon::satellite::StressorMatrix;
    /// let m = StressorMatrix {
    ///     names: vec!["jobs".into(), "CO2".into()],
    ///     values: vec![100.0, 400.0, 2.0, 3.0],
    ///     units: [("CO2".to_string(), "kt".to_string())].into(),
    ///     gases: [("CO2".to_string(), "co2".to_string())].into(),
    ///     ..Default::default()
    /// };
    /// let stressors = m.stressors(2)?;
    /// assert_eq!(stressors[0].unit, "units");
    /// assert_eq!(stressors[1].values, [2.0, 3.0]);
    ///
    /// let misspelt = StressorMatrix { names: vec!["jobs".into()], values: vec![1.0, 2.0],
    ///     units: [("Jobs".to_string(), "FTE".to_string())].into(), ..Default::default() };
    /// assert!(misspelt.stressors(2).is_err());
    /// # Ok::<(), localecon::Error>(())
    /// ```
    pub fn stressors(self, n: usize) -> Result<Vec<Stressor>> {
        let k = self.names.len();
        let found = self.values.len();
        if k.checked_mul(n) != Some(found) {
            return Err(if n > 0 && found % n == 0 {
                Error::Shape {
                    what: "stressor names (one per row of values)".into(),
                    expected: found / n,
                    found: k,
                }
            } else {
                Error::Shape {
                    what: format!("stressor values ({k} rows of {n})"),
                    expected: k.saturating_mul(n),
                    found,
                }
            });
        }
        let known = |what: &str, name: &String| {
            if self.names.contains(name) {
                Ok(())
            } else {
                Err(Error::UnknownLabel {
                    what: format!("{what} (not a stressor)"),
                    label: name.clone(),
                })
            }
        };
        self.units.keys().try_for_each(|s| known("units", s))?;
        self.gases.keys().try_for_each(|s| known("gases", s))?;
        self.household
            .keys()
            .try_for_each(|s| known("household", s))?;
        self.removals
            .iter()
            .try_for_each(|s| known("removals", s))?;
        self.names
            .iter()
            .enumerate()
            .map(|(s, name)| {
                Ok(Stressor {
                    name: name.clone(),
                    unit: self.units.get(name).map_or("units", String::as_str).into(),
                    gas: self.gases.get(name).map(|g| g.parse()).transpose()?,
                    values: self.values[s * n..(s + 1) * n].to_vec(),
                    household: self.household.get(name).copied().unwrap_or(0.0),
                    removals: self.removals.contains(name),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two() -> StressorMatrix {
        StressorMatrix {
            names: vec!["jobs".into(), "CH4".into()],
            values: vec![1.0, 2.0, -3.0, 4.0],
            ..Default::default()
        }
    }

    #[test]
    fn options_by_name_and_their_defaults() {
        let m = StressorMatrix {
            units: [("CH4".to_string(), "t".to_string())].into(),
            gases: [("CH4".to_string(), "ch4".to_string())].into(),
            household: [("CH4".to_string(), 7.5)].into(),
            removals: vec!["CH4".into()],
            ..two()
        };
        let s = m.stressors(2).unwrap();
        assert_eq!(
            (s[0].unit.as_str(), s[0].gas, s[0].household, s[0].removals),
            ("units", None, 0.0, false)
        );
        assert_eq!(s[0].values, [1.0, 2.0]);
        assert_eq!(
            (s[1].unit.as_str(), s[1].gas, s[1].household, s[1].removals),
            ("t", Some(super::super::Gas::Ch4), 7.5, true)
        );
        assert_eq!(s[1].values, [-3.0, 4.0]);
    }

    #[test]
    fn a_name_no_stressor_has_is_refused_in_every_option() {
        let wrong = || [("Jobs".to_string(), 1.0)].into();
        let cases = [
            (
                StressorMatrix {
                    units: [("Jobs".to_string(), "FTE".to_string())].into(),
                    ..two()
                },
                "units",
            ),
            (
                StressorMatrix {
                    gases: [("Jobs".to_string(), "co2".to_string())].into(),
                    ..two()
                },
                "gases",
            ),
            (
                StressorMatrix {
                    household: wrong(),
                    ..two()
                },
                "household",
            ),
            (
                StressorMatrix {
                    removals: vec!["Jobs".into()],
                    ..two()
                },
                "removals",
            ),
        ];
        for (m, what) in cases {
            assert_eq!(
                m.stressors(2).unwrap_err().to_string(),
                format!("unknown label \"Jobs\" in {what} (not a stressor)")
            );
        }
    }

    #[test]
    fn a_gas_not_known_and_a_short_matrix_are_refused() {
        let m = StressorMatrix {
            gases: [("CH4".to_string(), "methane".to_string())].into(),
            ..two()
        };
        assert_eq!(m.stressors(2).unwrap_err().code(), "unknown_option");
        assert_eq!(
            two().stressors(3).unwrap_err().to_string(),
            Error::Shape {
                what: "stressor values (2 rows of 3)".into(),
                expected: 6,
                found: 4
            }
            .to_string()
        );
        let one_name = StressorMatrix {
            names: vec!["jobs".into()],
            ..two()
        };
        assert!(matches!(
            one_name.stressors(2).unwrap_err(),
            Error::Shape { expected: 2, found: 1, ref what } if what.starts_with("stressor names")
        ));
    }
}
