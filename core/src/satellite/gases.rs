//! Greenhouse gases, their GWP100 factors, and the conversion of gas stressors to CO2e.
//!
//! A stressor of a gas is either a mass of that gas (`"t"`, `"kg"`, `"kt"`, `"Mt"`) or a
//! mass already weighted to CO2-equivalent (`"t CO2e"`, `"kt CO2e"`, …). Characterisation
//! multiplies masses by the gas's 100-year global warming potential and adds every gas
//! stressor into one CO2e stressor. HFCs and PFCs are families of gases with different
//! GWPs: inventories report them only in CO2e, and so must their stressors.

use crate::error::{Error, Result};

spelled_enum! {
    /// A greenhouse gas of the Kyoto basket.
    Gas, "greenhouse gas" {
        /// Carbon dioxide.
        Co2 => "co2",
        /// Methane.
        Ch4 => "ch4",
        /// Nitrous oxide.
        N2o => "n2o",
        /// Hydrofluorocarbons (a family: CO2e only).
        Hfc => "hfc",
        /// Perfluorocarbons (a family: CO2e only).
        Pfc => "pfc",
        /// Nitrogen trifluoride.
        Nf3 => "nf3",
        /// Sulphur hexafluoride.
        Sf6 => "sf6",
    }
}

spelled_enum! {
    /// A set of 100-year global warming potentials.
    Gwp100, "GWP100 set" {
        /// IPCC Fourth Assessment Report (2007), Table 2.14: CH4 25, N2O 298, NF3 17,200,
        /// SF6 22,800 (the basis of UK inventories up to the 1990–2020 edition).
        Ar4 => "ar4",
        /// IPCC Fifth Assessment Report (2013), WG1 Table 8.A.1 without climate–carbon
        /// feedbacks: CH4 28, N2O 265, NF3 16,100, SF6 23,500.
        Ar5 => "ar5",
    }
}

impl Gwp100 {
    /// The GWP100 of a gas, or `None` for the HFC and PFC families (which have no single
    /// factor and must be given in CO2e).
    #[must_use]
    pub fn factor(self, gas: Gas) -> Option<f64> {
        let (ch4, n2o, nf3, sf6) = match self {
            Gwp100::Ar4 => (25.0, 298.0, 17_200.0, 22_800.0),
            Gwp100::Ar5 => (28.0, 265.0, 16_100.0, 23_500.0),
        };
        match gas {
            Gas::Co2 => Some(1.0),
            Gas::Ch4 => Some(ch4),
            Gas::N2o => Some(n2o),
            Gas::Nf3 => Some(nf3),
            Gas::Sf6 => Some(sf6),
            Gas::Hfc | Gas::Pfc => None,
        }
    }
}

/// A gas quantity unit: kilograms per unit of it, and whether it is already CO2e.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MassUnit {
    /// Kilograms in one unit (`"t"` → 1000).
    pub kilograms: f64,
    /// Whether the mass is CO2-equivalent (`"kt CO2e"`) rather than of the gas itself.
    pub co2e: bool,
}

impl MassUnit {
    /// Reads `"kg"`, `"t"`, `"kt"`, `"Mt"`, each optionally followed by `"CO2e"` (also
    /// `"CO2-eq"`, `"CO2eq"`), case-insensitive for the suffix.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownOption`] for any other unit, naming the accepted ones.
    pub fn parse(unit: &str) -> Result<Self> {
        let mut words = unit.split_whitespace();
        let mass = words.next().unwrap_or("");
        let suffix = words.collect::<Vec<_>>().join(" ").to_ascii_lowercase();
        let kilograms = match mass {
            "kg" => Some(1.0),
            "t" => Some(1e3),
            "kt" => Some(1e6),
            "Mt" => Some(1e9),
            _ => None,
        };
        let co2e = match suffix.as_str() {
            "" => Some(false),
            "co2e" | "co2-eq" | "co2eq" => Some(true),
            _ => None,
        };
        match (kilograms, co2e) {
            (Some(kilograms), Some(co2e)) => Ok(Self { kilograms, co2e }),
            _ => Err(Error::UnknownOption {
                what: "gas unit".into(),
                value: unit.into(),
                expected: "kg, t, kt, Mt, each optionally followed by CO2e".into(),
            }),
        }
    }

    /// The factor that turns one unit of `gas` in this unit into `target` (a CO2e unit).
    ///
    /// # Errors
    ///
    /// [`Error::Inconsistent`] for an HFC or PFC mass that is not in CO2e.
    pub fn to_co2e(self, gas: Gas, gwp: Gwp100, target: MassUnit) -> Result<f64> {
        let weight = if self.co2e {
            1.0
        } else {
            gwp.factor(gas).ok_or_else(|| Error::Inconsistent {
                what: format!(
                    "{gas} is a family of gases with no single GWP: give its stressor in CO2e (e.g. \"kt CO2e\")"
                ),
            })?
        };
        Ok(weight * self.kilograms / target.kilograms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_factors() {
        let kt = MassUnit::parse("kt CO2e").unwrap();
        assert!(kt.co2e && kt.kilograms == 1e6);
        let t = MassUnit::parse("t").unwrap();
        // 1 t of CH4 is 25 t CO2e (AR4) = 0.025 kt CO2e
        assert!((t.to_co2e(Gas::Ch4, Gwp100::Ar4, kt).unwrap() - 0.025).abs() < 1e-15);
        assert_eq!(t.to_co2e(Gas::N2o, Gwp100::Ar5, kt).unwrap(), 0.265);
        assert_eq!(MassUnit::parse("FTE").unwrap_err().code(), "unknown_option");
        assert_eq!(
            t.to_co2e(Gas::Hfc, Gwp100::Ar4, kt).unwrap_err().code(),
            "inconsistent"
        );
        assert_eq!("CO2".parse::<Gas>().unwrap_err().code(), "unknown_option");
        assert_eq!("co2".parse::<Gas>().unwrap(), Gas::Co2);
    }
}
