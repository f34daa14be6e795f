//! Retention shares (how much of each primary input stays in the region) and the household
//! closure used for Type II results.

use serde::{Deserialize, Serialize};

use super::{FinalDemandKind, PrimaryInputKind};
use crate::error::{Error, Location};

/// A share in `[0, 1]`, the same for every sector or one per sector.
///
/// In JSON a number (`0.8`) or an array with one number per sector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Share {
    /// One share for all sectors.
    Uniform(f64),
    /// One share per sector, in table order.
    PerSector(Vec<f64>),
}

impl Share {
    /// The share for sector `j`.
    #[must_use]
    pub fn at(&self, j: usize) -> f64 {
        match self {
            Share::Uniform(s) => *s,
            Share::PerSector(v) => v[j],
        }
    }

    fn errors(&self, name: &str, n: usize, out: &mut Vec<Error>) {
        let values: &[f64] = match self {
            Share::Uniform(s) => std::slice::from_ref(s),
            Share::PerSector(v) => {
                if v.len() != n {
                    out.push(Error::Shape {
                        what: format!("retention.{name}"),
                        expected: n,
                        found: v.len(),
                    });
                    return;
                }
                v
            }
        };
        for (j, &s) in values.iter().enumerate() {
            if !(0.0..=1.0).contains(&s) {
                let location = match self {
                    Share::Uniform(_) => Location::Field(format!("retention.{name}")),
                    Share::PerSector(_) => Location::Field(format!("retention.{name}[{j}]")),
                };
                out.push(Error::OutOfRange {
                    location,
                    value: s,
                    expected: "a share in [0, 1]".into(),
                });
            }
        }
    }
}

/// For each kind of primary input, the share that stays in the region.
///
/// Imports always leak (share 0) and have no field here. The defaults are stated, not
/// hidden, and are the usual assumptions of a regional table without further data:
///
/// | field | default | why |
/// |---|---|---|
/// | `taxes_on_products` | 0 | product taxes (VAT, duties) go to the national government |
/// | `taxes_on_production` | 0 | business rates and similar are pooled nationally (UK) |
/// | `compensation` | 1 | every employee lives in the region (no in-commuters) |
/// | `operating_surplus` | 1 | every business is locally owned |
/// | `other` | 0 | unknown payments are treated as leaving |
///
/// The defaults for compensation and surplus are upper bounds on retention: set the resident
/// share of compensation (1 − in-commuters' share) and the locally owned share of surplus
/// from commuting and ownership data where you have them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Retention {
    /// Share of taxes less subsidies on products that stays in the region.
    pub taxes_on_products: Share,
    /// Share of other taxes less subsidies on production that stays in the region.
    pub taxes_on_production: Share,
    /// Resident share of compensation of employees.
    pub compensation: Share,
    /// Locally owned share of operating surplus.
    pub operating_surplus: Share,
    /// Share of other primary inputs that stays in the region.
    pub other: Share,
}

impl Default for Retention {
    fn default() -> Self {
        Self {
            taxes_on_products: Share::Uniform(0.0),
            taxes_on_production: Share::Uniform(0.0),
            compensation: Share::Uniform(1.0),
            operating_surplus: Share::Uniform(1.0),
            other: Share::Uniform(0.0),
        }
    }
}

impl Retention {
    /// The retained share of primary input `kind` in sector `j` (0 for imports).
    #[must_use]
    pub fn share(&self, kind: PrimaryInputKind, j: usize) -> f64 {
        match kind {
            PrimaryInputKind::ImportsRestOfCountry
            | PrimaryInputKind::ImportsRestOfWorld
            | PrimaryInputKind::Imports => 0.0,
            PrimaryInputKind::TaxesOnProducts => self.taxes_on_products.at(j),
            PrimaryInputKind::TaxesOnProduction => self.taxes_on_production.at(j),
            PrimaryInputKind::Compensation => self.compensation.at(j),
            PrimaryInputKind::OperatingSurplus => self.operating_surplus.at(j),
            PrimaryInputKind::Other => self.other.at(j),
        }
    }

    pub(crate) fn errors(&self, n: usize) -> Vec<Error> {
        let mut out = Vec::new();
        self.taxes_on_products
            .errors("taxes_on_products", n, &mut out);
        self.taxes_on_production
            .errors("taxes_on_production", n, &mut out);
        self.compensation.errors("compensation", n, &mut out);
        self.operating_surplus
            .errors("operating_surplus", n, &mut out);
        self.other.errors("other", n, &mut out);
        out
    }
}

/// Which retained incomes local households receive in the household-closed (Type II) model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HouseholdIncomeSources {
    /// Resident compensation of employees only (the Scottish Government's and most
    /// statistical offices' convention).
    #[default]
    Compensation,
    /// Resident compensation plus the locally owned share of operating surplus.
    CompensationAndSurplus,
}

/// How local households are closed into the model for Type II results.
///
/// Household row (income per unit of output): `h_j = Σ_k r_kj·P_kj / x_j` over the income
/// sources chosen (`r` = retention share). Household column (local spending per unit of
/// household income): `c_i = Σ Y_i,households / H`, where `H` is `household_income` when
/// given and otherwise the total household income the row generates, `Σ_j h_j·x_j`.
///
/// The Scottish Government closes with compensation only and `H` = total household income
/// (GDHI, £156,241 m in 2019), which is what the embedded Scotland table sets.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HouseholdClosure {
    /// Which incomes reach local households.
    pub income_sources: HouseholdIncomeSources,
    /// Total household income `H` that household consumption is divided by; when absent the
    /// income generated by the table's own rows.
    pub household_income: Option<f64>,
}

impl HouseholdClosure {
    pub(crate) fn errors(&self) -> Vec<Error> {
        let mut out = Vec::new();
        if let Some(h) = self.household_income {
            if !(h.is_finite() && h > 0.0) {
                out.push(Error::OutOfRange {
                    location: Location::Field("household_closure.household_income".into()),
                    value: h,
                    expected: "a finite number > 0".into(),
                });
            }
        }
        out
    }

    /// Whether primary input `kind` is household income under this closure.
    #[must_use]
    pub fn is_income(&self, kind: PrimaryInputKind) -> bool {
        match self.income_sources {
            HouseholdIncomeSources::Compensation => kind == PrimaryInputKind::Compensation,
            HouseholdIncomeSources::CompensationAndSurplus => matches!(
                kind,
                PrimaryInputKind::Compensation | PrimaryInputKind::OperatingSurplus
            ),
        }
    }

    /// Whether final-demand column `kind` is local household consumption.
    #[must_use]
    pub fn is_consumption(kind: FinalDemandKind) -> bool {
        kind == FinalDemandKind::Households
    }
}
