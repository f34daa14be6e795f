//! The kinds of final-demand columns and primary-input rows, each with one spelling.

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
}
