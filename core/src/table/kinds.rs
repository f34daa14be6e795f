//! The kinds of final-demand columns and primary-input rows, each with one spelling.

use std::collections::BTreeMap;
use std::str::FromStr;

use crate::error::{Error, Result};

spelled_enum! {
    /// What a final-demand column is: who buys the sectors' output for final use.
    FinalDemandKind, "final-demand kind" {
        /// Consumption by households resident in the region (closed in Type II).
        Households => "households",
        /// Local government consumption.
        LocalGovernment => "local_government",
        /// Central or other government consumption.
        OtherGovernment => "other_government",
        /// Gross fixed capital formation, valuables and inventories.
        Investment => "investment",
        /// Exports to the rest of the country.
        ExportsRestOfCountry => "exports_rest_of_country",
        /// Exports to the rest of the world.
        ExportsRestOfWorld => "exports_rest_of_world",
        /// Spending by visitors (non-residents) in the region.
        ExportsVisitors => "exports_visitors",
        /// Anything else (e.g. non-profit institutions serving households).
        Other => "other",
    }
}

spelled_enum! {
    /// What a primary-input row is: where a sector's money goes besides local suppliers.
    PrimaryInputKind, "primary-input kind" {
        /// Intermediate imports from the rest of the country.
        ImportsRestOfCountry => "imports_rest_of_country",
        /// Intermediate imports from the rest of the world.
        ImportsRestOfWorld => "imports_rest_of_world",
        /// Intermediate imports of unknown origin.
        Imports => "imports",
        /// Taxes less subsidies on products.
        TaxesOnProducts => "taxes_on_products",
        /// Other taxes less subsidies on production.
        TaxesOnProduction => "taxes_on_production",
        /// Compensation of employees (wages, salaries, employers' contributions).
        Compensation => "compensation",
        /// Gross operating surplus and mixed income (including consumption of fixed capital).
        OperatingSurplus => "operating_surplus",
        /// Any other primary input.
        Other => "other",
    }
}

impl FinalDemandKind {
    /// Whether this column is an export: to the rest of the country, the rest of the world,
    /// or visitors' spending in the region.
    #[must_use]
    pub fn is_export(self) -> bool {
        matches!(
            self,
            FinalDemandKind::ExportsRestOfCountry
                | FinalDemandKind::ExportsRestOfWorld
                | FinalDemandKind::ExportsVisitors
        )
    }
}

impl PrimaryInputKind {
    /// Whether this row is an import (always leaks: retention share 0).
    #[must_use]
    pub fn is_import(self) -> bool {
        matches!(
            self,
            PrimaryInputKind::ImportsRestOfCountry
                | PrimaryInputKind::ImportsRestOfWorld
                | PrimaryInputKind::Imports
        )
    }

    /// Whether this row is part of gross value added (compensation, operating surplus and
    /// taxes less subsidies on production; ESA 2010 §9.10 at basic prices).
    #[must_use]
    pub fn is_value_added(self) -> bool {
        matches!(
            self,
            PrimaryInputKind::Compensation
                | PrimaryInputKind::OperatingSurplus
                | PrimaryInputKind::TaxesOnProduction
        )
    }

    /// Whether a negative entry is legal in this row (net taxes, surplus and "other" can be
    /// negative; imports and compensation cannot).
    #[must_use]
    pub fn may_be_negative(self) -> bool {
        matches!(
            self,
            PrimaryInputKind::TaxesOnProducts
                | PrimaryInputKind::TaxesOnProduction
                | PrimaryInputKind::OperatingSurplus
                | PrimaryInputKind::Other
        )
    }
}

/// Kinds given by label (what a dict `label → spelling` gives), for `labels` in order. A label
/// not named takes `default`; a label may also be named by its alias (`aliases[i]` for
/// `labels[i]`: the category of an interregional column, shared by every region), the label
/// itself winning. A name that is neither a label nor an alias is an error, so that a misspelt
/// label cannot silently leave its column at the default. `O(k log k)`.
///
/// # Errors
///
/// [`Error::UnknownLabel`] for a name that is no label nor alias (`what` names the argument);
/// [`Error::UnknownOption`] for a spelling that is no kind.
///
/// # Example
///
/// ```
/// use localecon::table::{FinalDemandKind, kinds_by_label};
/// let labels = ["HH".to_string(), "Exports".into()];
/// let given = [("HH".to_string(), "households".to_string())];
/// let kinds = kinds_by_label("kinds", &given, &labels, &labels, FinalDemandKind::Other)?;
/// assert_eq!(kinds, [FinalDemandKind::Households, FinalDemandKind::Other]);
/// let misspelt = [("Hh".to_string(), "households".to_string())];
/// assert!(kinds_by_label("kinds", &misspelt, &labels, &labels, FinalDemandKind::Other).is_err());
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn kinds_by_label<T: FromStr<Err = Error> + Copy>(
    what: &str,
    given: &[(String, String)],
    labels: &[String],
    aliases: &[String],
    default: T,
) -> Result<Vec<T>> {
    let by_name: BTreeMap<&str, &str> = given
        .iter()
        .map(|(name, kind)| (name.as_str(), kind.as_str()))
        .collect();
    if let Some(unknown) = by_name
        .keys()
        .find(|name| !labels.iter().chain(aliases).any(|l| l == *name))
    {
        return Err(Error::UnknownLabel {
            what: format!("{what} (not a label)"),
            label: (*unknown).to_string(),
        });
    }
    labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let alias = aliases.get(i).map(String::as_str);
            match by_name
                .get(label.as_str())
                .or(alias.and_then(|a| by_name.get(a)))
            {
                Some(kind) => kind.parse(),
                None => Ok(default),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_round_trips() {
        for k in FinalDemandKind::ALL {
            assert_eq!(k.as_str().parse::<FinalDemandKind>().unwrap(), *k);
            assert_eq!(serde_json::to_string(k).unwrap(), format!("\"{k}\""));
        }
        for k in PrimaryInputKind::ALL {
            assert_eq!(k.as_str().parse::<PrimaryInputKind>().unwrap(), *k);
            assert_eq!(serde_json::to_string(k).unwrap(), format!("\"{k}\""));
        }
    }

    #[test]
    fn unknown_spelling_lists_the_accepted_ones() {
        let e = "household".parse::<FinalDemandKind>().unwrap_err();
        assert_eq!(e.code(), "unknown_option");
        assert!(e.to_string().contains("households"));
    }

    #[test]
    fn kinds_by_label_or_alias_and_a_name_that_is_neither() {
        let labels = ["S/HH".to_string(), "E/HH".into(), "S/Exp".into()];
        let aliases = ["HH".to_string(), "HH".into(), "Exp".into()];
        let given = [
            ("HH".to_string(), "households".to_string()),
            ("E/HH".to_string(), "other".to_string()),
        ];
        let kinds = kinds_by_label("k", &given, &labels, &aliases, FinalDemandKind::Investment);
        assert_eq!(
            kinds.unwrap(),
            [
                FinalDemandKind::Households,
                FinalDemandKind::Other,
                FinalDemandKind::Investment
            ]
        );
        let misspelt = [("Hh".to_string(), "households".to_string())];
        let e = kinds_by_label("k", &misspelt, &labels, &aliases, FinalDemandKind::Other);
        assert_eq!(
            e.unwrap_err().to_string(),
            "unknown label \"Hh\" in k (not a label)"
        );
        let wrong = [("HH".to_string(), "household".to_string())];
        let e = kinds_by_label("k", &wrong, &labels, &aliases, FinalDemandKind::Other);
        assert_eq!(e.unwrap_err().code(), "unknown_option");
    }
}
