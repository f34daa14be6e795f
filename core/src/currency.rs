//! A local currency: how long a unit circulates before it is redeemed, how fast, what local
//! income it generates, and how much it lifts the region's multiplier.
//!
//! The accounts are the household-closed model's (sectors and households), with spending
//! shares `s_ij = Ā_ij` (what account `j` pays local account `i` per unit it spends). A unit
//! of local currency is spent by its first holder (the issuer, e.g. households who buy it
//! with national money) with the sellers that accept it, `q_i ∝ s_i,issuer·φ_i`. Each
//! holder `j` then redeems it with propensity `ρ_j` (paying fee `f`), or spends it; a
//! spend stays in the circuit only where the seller accepts it (acceptance `φ_i`):
//! `P_ij = (1 − ρ_j)·s_ij·φ_i` (DESIGN §3; the absorbing-chain view of Lietaer et al. 2012).
//! The expected arrivals at each account are `v = (I − P)⁻¹·q`.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result, check_finite};
use crate::model::{ClosedModel, LeontiefModel};
use crate::scenario::{import_coefficients, retention_coefficients};
use crate::table::RegionalTable;

/// The label of the household account.
pub const HOUSEHOLDS: &str = "households";

/// A local currency's design.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LocalCurrency {
    /// Acceptance `φ` by account code (sector codes or `"households"`: the share of wages
    /// employees take in local currency); accounts not listed accept nothing.
    pub acceptance: Vec<(String, f64)>,
    /// Redemption propensity `ρ`: the chance a holder converts the unit back to national
    /// money instead of spending it.
    pub redemption: f64,
    /// Redemption fee `f`, a share of the amount redeemed.
    pub fee: f64,
    /// The account that first holds the currency (buys it with national money).
    pub issuer: String,
    /// Average days a holder keeps the unit before spending or redeeming it.
    pub holding_days: f64,
    /// Substitution `σ`: the share of an accepting account's outside spending that moves to
    /// local accepting sellers because it pays in local currency.
    pub substitution: f64,
}

impl Default for LocalCurrency {
    fn default() -> Self {
        Self {
            acceptance: Vec::new(),
            redemption: 0.5,
            fee: 0.05,
            issuer: HOUSEHOLDS.into(),
            holding_days: 20.0,
            substitution: 0.0,
        }
    }
}

/// What a local currency does, per unit issued.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrencyResult {
    /// Account labels (sector codes, then `"households"`).
    pub accounts: Vec<String>,
    /// Expected arrivals of one unit at each account, `v`.
    pub visits: Vec<f64>,
    /// Expected transactions before redemption, `1ᵀv` (1 when every holder redeems at once).
    pub transactions: f64,
    /// Days from issue to redemption: `holding_days·(1 + transactions)` (the issuer holds it
    /// once, then each recipient).
    pub lifetime_days: f64,
    /// Transactions per unit in circulation per year, `365·transactions / lifetime_days`.
    pub velocity_per_year: f64,
    /// Retained local income generated directly by the transactions, `Σ_i v_i·r_i`.
    pub local_income_per_unit: f64,
    /// Fee revenue per unit issued (every unit is redeemed once): `f`.
    pub fee_per_unit_issued: f64,
    /// Fee revenue per year per unit kept in circulation: `f·365 / lifetime_days`.
    pub fee_per_year_per_unit_in_circulation: f64,
    /// Final-demand-weighted Type II output multiplier before the substitution.
    pub multiplier_before: f64,
    /// … and after.
    pub multiplier_after: f64,
    /// Final-demand-weighted local income (retained primary inputs, Type II) per unit of
    /// final demand before the substitution.
    pub retention_before: f64,
    /// … and after.
    pub retention_after: f64,
}

fn share(value: f64, what: String) -> Result<()> {
    check_finite(value, || Location::Field(what.clone()))?;
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

/// Evaluates a local currency on a table with a household closure.
///
/// # Errors
///
/// [`Error::OutOfRange`] for shares outside [0, 1] or a non-positive holding period;
/// [`Error::UnknownLabel`] for an unknown account; the errors of [`ClosedModel::new`]. A
/// currency that none of the issuer's sellers accept is legal: it makes no transactions.
///
/// # Example
///
/// ```
/// use localecon::currency::{LocalCurrency, local_currency};
/// let t = localecon::datasets::glasgow_2019();
/// let pound = LocalCurrency {
///     acceptance: vec![("47".into(), 0.3), ("55".into(), 0.3), ("56".into(), 0.3)],
///     redemption: 0.4, fee: 0.03, holding_days: 20.0, substitution: 0.1, ..Default::default()
/// };
/// let r = local_currency(&t, &pound)?;
/// assert!(r.transactions >= 1.0);
/// assert!(r.multiplier_after >= r.multiplier_before);
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn local_currency(table: &RegionalTable, c: &LocalCurrency) -> Result<CurrencyResult> {
    let closed = ClosedModel::new(table)?;
    let n = table.n();
    let m = n + 1;
    let mut accounts: Vec<String> = table.sectors().iter().map(|s| s.code.clone()).collect();
    accounts.push(HOUSEHOLDS.into());
    let index = |code: &str| -> Result<usize> {
        accounts
            .iter()
            .position(|a| a == code)
            .ok_or_else(|| Error::UnknownLabel {
                what: "currency account".into(),
                label: code.into(),
            })
    };
    let mut phi = vec![0.0; m];
    for (code, v) in &c.acceptance {
        share(*v, format!("acceptance of {code}"))?;
        phi[index(code)?] = *v;
    }
    share(c.redemption, "redemption".into())?;
    share(c.fee, "fee".into())?;
    share(c.substitution, "substitution".into())?;
    check_finite(c.holding_days, || Location::Field("holding_days".into()))?;
    if c.holding_days <= 0.0 {
        return Err(Error::OutOfRange {
            location: Location::Field("holding_days".into()),
            value: c.holding_days,
            expected: "a holding period > 0 days".into(),
        });
    }
    let issuer = index(&c.issuer)?;
    let s = closed.coefficients();
    let accepted: f64 = (0..m).map(|i| s[i * m + issuer] * phi[i]).sum();
    // nobody the issuer buys from accepts it: the currency is never spent (q = 0)
    let q: Vec<f64> = (0..m)
        .map(|i| {
            if accepted > 0.0 {
                s[i * m + issuer] * phi[i] / accepted
            } else {
                0.0
            }
        })
        .collect();
    // I − P with P_ij = (1 − ρ)·s_ij·φ_i
    let p: Vec<f64> = (0..m * m)
        .map(|k| (1.0 - c.redemption) * s[k] * phi[k / m])
        .collect();
    let visits = LeontiefModel::from_coefficients(m, p)?.solve(&q)?;
    let transactions: f64 = visits.iter().sum();
    let mut r = retention_coefficients(table);
    r.push(0.0);
    let local_income_per_unit = visits.iter().zip(&r).map(|(v, r)| v * r).sum();
    let lifetime_days = c.holding_days * (1.0 + transactions);

    // uplift: accepting accounts move σ of their outside spending to accepting sellers
    let mut outside = import_coefficients(table);
    outside.push(1.0 - closed.household_column().iter().sum::<f64>());
    let mut s_new = s.to_vec();
    for j in 0..m {
        let weight: f64 = (0..m).map(|i| s[i * m + j] * phi[i]).sum();
        if phi[j] == 0.0 || weight <= 0.0 {
            continue;
        }
        let moved = c.substitution * phi[j] * outside[j];
        for i in 0..m {
            s_new[i * m + j] += moved * s[i * m + j] * phi[i] / weight;
        }
    }
    let f = table.total_final_demand();
    let total_f: f64 = f.iter().sum();
    let weighted = |a: Vec<f64>| -> Result<(f64, f64)> {
        let model = LeontiefModel::from_coefficients(m, a)?;
        let mut ones = vec![1.0; m];
        ones[n] = 0.0;
        let mult = model.solve_transpose(&ones)?;
        let ret = model.solve_transpose(&r)?;
        let w = |v: &[f64]| (0..n).map(|j| v[j] * f[j]).sum::<f64>() / total_f;
        Ok((w(&mult), w(&ret)))
    };
    let (multiplier_before, retention_before) = weighted(s.to_vec())?;
    let (multiplier_after, retention_after) = weighted(s_new)?;
    Ok(CurrencyResult {
        accounts,
        transactions,
        lifetime_days,
        velocity_per_year: 365.0 * transactions / lifetime_days,
        local_income_per_unit,
        fee_per_unit_issued: c.fee,
        fee_per_year_per_unit_in_circulation: c.fee * 365.0 / lifetime_days,
        visits,
        multiplier_before,
        multiplier_after,
        retention_before,
        retention_after,
    })
}
