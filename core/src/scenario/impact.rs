//! Demand shocks: what a change in final demand (or an organisation's spending) does to
//! output, income, value added, employment and leakage, split into direct, indirect and
//! induced effects (Miller & Blair 2009, §6.2).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result, check_finite};
use crate::leakage::LeakageChannel;
use crate::model::{ClosedModel, per_unit_of_output};
use crate::table::{PrimaryInputKind, RegionalTable, Sector};

/// An effect by sector and in total, split into rounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Split {
    /// Direct effect by sector (the first round: the spending itself).
    pub direct: Vec<f64>,
    /// Indirect effect by sector (supply-chain rounds: Type I − direct).
    pub indirect: Vec<f64>,
    /// Induced effect by sector (household re-spending: Type II − Type I); `None` without a
    /// household closure.
    pub induced: Option<Vec<f64>>,
    /// `Σ direct`.
    pub total_direct: f64,
    /// `Σ indirect`.
    pub total_indirect: f64,
    /// `Σ induced`.
    pub total_induced: Option<f64>,
    /// `direct + indirect + induced` (or Type I without a closure), summed.
    pub total: f64,
}

impl Split {
    fn new(w: &[f64], direct_output: &[f64], type_i: &[f64], type_ii: Option<&[f64]>) -> Self {
        let direct: Vec<f64> = w.iter().zip(direct_output).map(|(w, d)| w * d).collect();
        let indirect: Vec<f64> = (0..w.len())
            .map(|i| w[i] * (type_i[i] - direct_output[i]))
            .collect();
        let induced: Option<Vec<f64>> =
            type_ii.map(|t2| (0..w.len()).map(|i| w[i] * (t2[i] - type_i[i])).collect());
        let total_direct = direct.iter().sum::<f64>();
        let total_indirect = indirect.iter().sum::<f64>();
        let total_induced = induced.as_ref().map(|v| v.iter().sum::<f64>());
        Self {
            total: total_direct + total_indirect + total_induced.unwrap_or(0.0),
            direct,
            indirect,
            induced,
            total_direct,
            total_indirect,
            total_induced,
        }
    }
}

/// What a final-demand change does to the region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Impact {
    /// The sectors, in table order.
    pub sectors: Vec<Sector>,
    /// The final-demand change `Δf`.
    pub final_demand: Vec<f64>,
    /// Extra household income injected directly (e.g. an organisation's wages to residents).
    pub household_income: f64,
    /// Output: direct `Δf`, indirect `LΔf − Δf`, induced `L̄Δf − LΔf`.
    pub output: Split,
    /// Compensation of employees.
    pub income: Split,
    /// Gross value added.
    pub value_added: Split,
    /// Employment (when the table has it).
    pub employment: Option<Split>,
    /// Leakage by channel of the Type I output change, largest first.
    pub leakage: Vec<(LeakageChannel, f64)>,
    /// Retained local income of the Type I output change.
    pub retained_income: f64,
}

/// Final demand from an organisation's spending: `amount × local_share`, spread over the
/// sectors in proportion to `pattern` (e.g. a final-demand column of the table).
///
/// # Errors
///
/// [`Error::OutOfRange`] for a share outside [0, 1] or a pattern that sums to 0;
/// [`Error::Negative`] for a negative pattern entry; [`Error::Shape`]; [`Error::NonFinite`].
pub fn spending(n: usize, amount: f64, local_share: f64, pattern: &[f64]) -> Result<Vec<f64>> {
    check_finite(amount, || Location::Field("amount".into()))?;
    if !(0.0..=1.0).contains(&local_share) {
        return Err(Error::OutOfRange {
            location: Location::Field("local_share".into()),
            value: local_share,
            expected: "a share in [0, 1]".into(),
        });
    }
    if pattern.len() != n {
        return Err(Error::Shape {
            what: "spending pattern".into(),
            expected: n,
            found: pattern.len(),
        });
    }
    for (i, &p) in pattern.iter().enumerate() {
        check_finite(p, || Location::Field(format!("pattern[{i}]")))?;
        if p < 0.0 {
            return Err(Error::Negative {
                location: Location::Field(format!("pattern[{i}]")),
                value: p,
            });
        }
    }
    let total: f64 = pattern.iter().sum();
    if total <= 0.0 {
        return Err(Error::OutOfRange {
            location: Location::Field("pattern".into()),
            value: total,
            expected: "a pattern with a positive sum".into(),
        });
    }
    Ok(pattern
        .iter()
        .map(|p| amount * local_share * p / total)
        .collect())
}

/// [`spending`] spread like the table's final-demand column labelled `pattern`, its negative
/// entries (inventories drawn down, net sales) taken as zero: what a scenario's
/// [`Change::Spending`](super::Change::Spending) adds to final demand.
///
/// # Errors
///
/// [`Error::UnknownLabel`] for a column the table does not have; those of [`spending`].
pub fn spending_like(
    table: &RegionalTable,
    amount: f64,
    local_share: f64,
    pattern: &str,
) -> Result<Vec<f64>> {
    let column = table
        .final_demand()
        .iter()
        .find(|c| c.label == pattern)
        .ok_or_else(|| Error::UnknownLabel {
            what: "final-demand column (spending pattern)".into(),
            label: pattern.into(),
        })?;
    let shape: Vec<f64> = column.values.iter().map(|v| v.max(0.0)).collect();
    spending(table.n(), amount, local_share, &shape)
}

/// Refuses demand for a sector with no output: its column of `A` is empty only because
/// nothing is known of its costs, so a shock to it would look like a pure import-free gain.
pub(crate) fn no_demand_without_output(
    table: &RegionalTable,
    demand: &[f64],
    what: &str,
) -> Result<()> {
    let x = table.output();
    match demand
        .iter()
        .zip(x)
        .position(|(d, x)| *x == 0.0 && *d != 0.0)
    {
        Some(j) => Err(Error::OutOfRange {
            location: Location::Field(format!("{what}, sector {j} ({})", table.sectors()[j].code)),
            value: demand[j],
            expected: "0: this sector has no output, so its cost structure is unknown".into(),
        }),
        None => Ok(()),
    }
}

/// The impact of a final-demand change `Δf` (and of extra household income paid directly to
/// residents, e.g. by a business; it only has induced effects).
///
/// # Errors
///
/// [`Error::Shape`] / [`Error::NonFinite`] for a bad `Δf`; [`Error::OutOfRange`] for demand
/// for a sector with no output (its cost structure is unknown, so what it would buy is
/// too); the errors of the models.
///
/// # Example
///
/// ```
/// use localecon::scenario::impact;
/// let t = localecon::datasets::scotland_2019();
/// let mut df = vec![0.0; t.n()];
/// df[t.sector_index("55")?] = 10.0; // £10 m more spent on accommodation
/// let i = impact(&t, &df, 0.0)?;
/// assert_eq!(i.output.total_direct, 10.0);
/// assert!(i.output.total_indirect > 0.0 && i.output.total_induced.unwrap() > 0.0);
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn impact(
    table: &RegionalTable,
    final_demand: &[f64],
    household_income: f64,
) -> Result<Impact> {
    let n = table.n();
    let model = table.leontief()?;
    let type_i = model.solve(final_demand)?;
    no_demand_without_output(table, final_demand, "final demand")?;
    check_finite(household_income, || {
        Location::Field("household_income".into())
    })?;
    let closed = match ClosedModel::new(table) {
        Ok(c) => Some(c),
        Err(Error::MissingData { .. }) => None,
        Err(e) => return Err(e),
    };
    if household_income != 0.0 && closed.is_none() {
        return Err(Error::MissingData {
            what: "a household closure for a household-income injection".into(),
        });
    }
    let type_ii = match &closed {
        Some(c) => {
            let (x, _) = c.solve(final_demand, household_income)?;
            Some(x)
        }
        None => None,
    };
    let x = table.output();
    let rows = |pred: &dyn Fn(PrimaryInputKind) -> bool| -> Vec<f64> {
        table.input_coefficients_where(pred)
    };
    let ones = vec![1.0; n];
    let t2 = type_ii.as_deref();
    let retention = table.retention();
    let mut leak: Vec<(LeakageChannel, f64)> = Vec::new();
    let mut retained = 0.0;
    for r in table.primary_inputs() {
        let ch = LeakageChannel::of(r.kind);
        for j in 0..n {
            if x[j] == 0.0 {
                continue;
            }
            let coef = r.values[j] / x[j] * type_i[j];
            let s = retention.share(r.kind, j);
            retained += s * coef;
            match leak.iter_mut().find(|(c, _)| *c == ch) {
                Some((_, v)) => *v += (1.0 - s) * coef,
                None => leak.push((ch, (1.0 - s) * coef)),
            }
        }
    }
    leak.sort_by(|a, b| b.1.total_cmp(&a.1));
    Ok(Impact {
        sectors: table.sectors().to_vec(),
        final_demand: final_demand.to_vec(),
        household_income,
        output: Split::new(&ones, final_demand, &type_i, t2),
        income: Split::new(
            &rows(&|k| k == PrimaryInputKind::Compensation),
            final_demand,
            &type_i,
            t2,
        ),
        value_added: Split::new(
            &rows(&PrimaryInputKind::is_value_added),
            final_demand,
            &type_i,
            t2,
        ),
        employment: table
            .employment()
            .map(|e| Split::new(&per_unit_of_output(&e.values, x), final_demand, &type_i, t2)),
        leakage: leak,
        retained_income: retained,
    })
}

/// One business as it would be added to a table: what it buys from local sectors, what it
/// pays resident employees, and its own output, value added and jobs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Business {
    /// Its name.
    pub name: String,
    /// Its output (sales) per period.
    pub output: f64,
    /// Its value added (wages, profits, taxes on production).
    pub value_added: f64,
    /// Its jobs, in the table's employment unit.
    #[serde(default)]
    pub jobs: f64,
    /// Its purchases from local sectors, by sector code.
    pub local_purchases: Vec<(String, f64)>,
    /// Its wages paid to employees who live in the region.
    pub resident_wages: f64,
}

/// What the region would lose without one business (hypothetical extraction of a business
/// added to a table): its own output, value added and jobs, plus the supply-chain
/// (indirect) and household (induced) effects of its local purchases and resident wages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BusinessFootprint {
    /// The business.
    pub name: String,
    /// Its own output.
    pub own_output: f64,
    /// Output of its local supply chain (all rounds of its local purchases, Type I).
    pub supply_chain_output: f64,
    /// Output induced by household spending of the wages involved (Type II − Type I,
    /// including its own resident wages).
    pub induced_output: f64,
    /// `own + supply chain + induced`.
    pub total_output: f64,
    /// Its value added plus the value added of the supply chain and induced rounds.
    pub total_value_added: f64,
    /// Its jobs plus the jobs of the supply chain and induced rounds (when the table has
    /// employment).
    pub total_jobs: Option<f64>,
}

/// The footprint of a business on the region: [`impact`] of its local purchases as final
/// demand and its resident wages as household income, plus its own output.
///
/// # Errors
///
/// [`Error::UnknownLabel`] for an unknown sector; [`Error::Negative`] / [`Error::NonFinite`]
/// for bad amounts; [`Error::OutOfRange`] when its local purchases and value added exceed
/// its output; the errors of [`impact`].
pub fn business_footprint(table: &RegionalTable, business: &Business) -> Result<BusinessFootprint> {
    let n = table.n();
    let mut df = vec![0.0; n];
    for (code, amount) in &business.local_purchases {
        check_finite(*amount, || {
            Location::Field(format!("local_purchases[{code}]"))
        })?;
        if *amount < 0.0 {
            return Err(Error::Negative {
                location: Location::Field(format!("local_purchases[{code}]")),
                value: *amount,
            });
        }
        df[table.sector_index(code)?] += amount;
    }
    for (what, v) in [
        ("output", business.output),
        ("value_added", business.value_added),
        ("resident_wages", business.resident_wages),
        ("jobs", business.jobs),
    ] {
        check_finite(v, || Location::Field(what.into()))?;
        if v < 0.0 {
            return Err(Error::Negative {
                location: Location::Field(what.into()),
                value: v,
            });
        }
    }
    let bought: f64 = df.iter().sum();
    if bought + business.value_added > business.output * (1.0 + 1e-12) {
        return Err(Error::OutOfRange {
            location: Location::Field(format!("{} (local purchases + value added)", business.name)),
            value: bought + business.value_added,
            expected: format!("at most its output, {}", business.output),
        });
    }
    let i = impact(table, &df, business.resident_wages)?;
    let own = business.output;
    let supply_chain = i.output.total_direct + i.output.total_indirect;
    let induced = i.output.total_induced.unwrap_or(0.0);
    Ok(BusinessFootprint {
        name: business.name.clone(),
        own_output: own,
        supply_chain_output: supply_chain,
        induced_output: induced,
        total_output: own + supply_chain + induced,
        total_value_added: business.value_added + i.value_added.total,
        total_jobs: i.employment.as_ref().map(|e| business.jobs + e.total),
    })
}
