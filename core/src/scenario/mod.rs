//! Scenarios: plug a leak, shift procurement, change ownership, inject demand — as data
//! (serde), composable, evaluated as before, after and difference in `RegionReport` terms.

mod change;
mod impact;
pub(crate) mod ranking;
pub(crate) mod substitution;

pub use impact::{
    Business, BusinessFootprint, Impact, Split, business_footprint, impact, spending, spending_like,
};
pub use ranking::{
    DEFAULT_MIN_BUSINESS_SALES_SHARE, DEFAULT_RANKING_SHARE, ExcludedSupplier, ExclusionReason,
    ImportedProduct, LeakOpportunity, LeakRanking, LeakRankingOptions, imported_products,
    leak_ranking,
};
pub use substitution::{
    OriginAmount, SubstitutionEffect, import_coefficients, import_substitution,
    retention_coefficients,
};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result, check_finite};
use crate::model::{LeontiefModel, technical_coefficients};
use crate::report::RegionReport;
use crate::table::{
    Employment, FinalDemandColumn, FinalDemandKind, ImportUse, ImportUseBlock, PrimaryInputKind,
    RegionalTable, Share,
};

/// One change of a scenario: as data, an object naming its kind by `type`
/// (`{"type": "spending", "label": …}`), each kind with its own fields (the snake_case names
/// below); a field another kind has, or none has, is refused.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    /// Extra final demand for one sector (negative: less).
    Demand {
        /// Sector code.
        sector: String,
        /// Amount, in the table's unit.
        amount: f64,
    },
    /// An organisation's extra local spending: `amount × local_share`, spread like the
    /// final-demand column `pattern` (e.g. a council's procurement like local government's).
    Spending {
        /// What it is, e.g. `"council procurement moved local"`.
        label: String,
        /// Amount spent.
        amount: f64,
        /// Share of it spent with local suppliers.
        local_share: f64,
        /// Label of the final-demand column whose sector mix it follows.
        pattern: String,
    },
    /// The buyer buys part of what it imports of one product from the local producer of
    /// that product instead: `share` of its imports of the product, or `amount` in money (at
    /// the table's output), exactly one of them. The buyer's imports by product are the
    /// table's [`RegionalTable::imports_by_product`].
    ImportSubstitution {
        /// Buying sector code.
        buyer: String,
        /// The imported product: the code of the local sector that makes it.
        product: String,
        /// Share of the buyer's imports of the product moved, in [0, 1].
        #[serde(default)]
        share: Option<f64>,
        /// Or the amount of imports moved.
        #[serde(default)]
        amount: Option<f64>,
    },
    /// A new retention share for one kind of primary input (e.g. more local ownership).
    Retention {
        /// The primary-input kind.
        input: PrimaryInputKind,
        /// The new share that stays in the region, in [0, 1].
        share: f64,
    },
}

/// A named set of changes, applied in order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Name, e.g. `"Council buys 10 % more locally"`.
    pub name: String,
    /// The changes.
    pub changes: Vec<Change>,
}

/// The headline numbers of a region compared by a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Headline {
    /// Total output.
    pub output: f64,
    /// Gross value added.
    pub gva: f64,
    /// Compensation of employees.
    pub compensation: f64,
    /// Retained local income (retained primary inputs).
    pub retained_income: f64,
    /// Intermediate imports.
    pub imports: f64,
    /// Employment, when the table has it.
    pub employment: Option<f64>,
    /// Final-demand-weighted leakage share.
    pub leakage_share: f64,
    /// Final-demand-weighted retention share.
    pub retention_share: f64,
    /// Final-demand-weighted Type I output multiplier.
    pub output_multiplier_type_i: f64,
    /// Final-demand-weighted Type II output multiplier.
    pub output_multiplier_type_ii: Option<f64>,
    /// Finn cycling index.
    pub fci: f64,
}

impl Headline {
    fn of(table: &RegionalTable, report: &RegionReport) -> Self {
        let r = retention_coefficients(table);
        Self {
            output: report.totals.output,
            gva: report.totals.gva,
            compensation: report.totals.compensation,
            retained_income: r.iter().zip(table.output()).map(|(r, x)| r * x).sum(),
            imports: report.totals.imports,
            employment: table.employment().map(|e| e.values.iter().sum()),
            leakage_share: report.leakage_share,
            retention_share: report.retention_share,
            output_multiplier_type_i: report.output_multiplier_type_i,
            output_multiplier_type_ii: report.output_multiplier_type_ii,
            fci: report.circulation.fci,
        }
    }

    fn minus(&self, other: &Self) -> Self {
        let opt = |a: Option<f64>, b: Option<f64>| Some(a? - b?);
        Self {
            output: self.output - other.output,
            gva: self.gva - other.gva,
            compensation: self.compensation - other.compensation,
            retained_income: self.retained_income - other.retained_income,
            imports: self.imports - other.imports,
            employment: opt(self.employment, other.employment),
            leakage_share: self.leakage_share - other.leakage_share,
            retention_share: self.retention_share - other.retention_share,
            output_multiplier_type_i: self.output_multiplier_type_i
                - other.output_multiplier_type_i,
            output_multiplier_type_ii: opt(
                self.output_multiplier_type_ii,
                other.output_multiplier_type_ii,
            ),
            fci: self.fci - other.fci,
        }
    }
}

/// A scenario evaluated: the region before and after, and the difference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioResult {
    /// The scenario.
    pub scenario: Scenario,
    /// Headline numbers before.
    pub before: Headline,
    /// Headline numbers after.
    pub after: Headline,
    /// `after − before`.
    pub difference: Headline,
    /// The full report after the changes.
    pub report_after: RegionReport,
    /// How the satellite's stressors change (jobs, emissions in the region and through its
    /// imports), when the scenario was evaluated with one
    /// ([`Scenario::evaluate_with_satellite`]); empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stressors: Vec<crate::satellite::StressorChange>,
}

fn share_in_range(value: f64, what: &str) -> Result<()> {
    if (0.0..=1.0).contains(&value) {
        Ok(())
    } else {
        Err(Error::OutOfRange {
            location: Location::Field(what.into()),
            value,
            expected: "a share in [0, 1]".into(),
        })
    }
}

impl Scenario {
    /// The economy after the changes, as a table: coefficients change as the scenario
    /// says, final demand gains a `SCENARIO` column, and output is `x' = (I − A')⁻¹ f'`
    /// (one solve); every other input keeps its coefficient per unit of output.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLabel`] for an unknown sector or final-demand column;
    /// [`Error::OutOfRange`] for a share outside [0, 1], both or neither of `share` and
    /// `amount`, a substitution larger than the buyer's imports of the product, a product
    /// the buyer does not import, or one whose local producer has no output; [`Error::NonFinite`];
    /// [`Error::NonProductive`] when the changes make `A` non-productive;
    /// [`Error::Negative`] when demand cuts make an output negative.
    pub fn apply(&self, table: &RegionalTable) -> Result<RegionalTable> {
        let n = table.n();
        let x = table.output();
        let mut a = technical_coefficients(n, table.z(), x);
        let mut parts = table.parts().clone();
        let mut coef: Vec<Vec<f64>> = parts
            .primary_inputs
            .iter()
            .map(|r| {
                (0..n)
                    .map(|j| if x[j] == 0.0 { 0.0 } else { r.values[j] / x[j] })
                    .collect()
            })
            .collect();
        // imports by product and buyer per unit of the buyer's output, one block per import
        // row, and the index of that row among the primary inputs
        let imports = table.imports_by_product();
        let basis = imports.basis;
        let mut use_coef: Vec<(String, Vec<f64>)> = imports
            .blocks
            .iter()
            .map(|b| {
                let c = (0..n * n)
                    .map(|k| {
                        let j = k % n;
                        if x[j] == 0.0 { 0.0 } else { b.values[k] / x[j] }
                    })
                    .collect();
                (b.origin.clone(), c)
            })
            .collect();
        let import_row_of: Vec<usize> = use_coef
            .iter()
            .map(|(origin, _)| {
                parts
                    .primary_inputs
                    .iter()
                    .position(|r| r.label == *origin)
                    .expect("a validated table has an import row for every block")
            })
            .collect();
        let mut extra = vec![0.0; n];
        for (k, change) in self.changes.iter().enumerate() {
            match change {
                Change::Demand { sector, amount } => {
                    check_finite(*amount, || Location::Field(format!("changes[{k}].amount")))?;
                    let j = table.sector_index(sector)?;
                    if x[j] == 0.0 && *amount != 0.0 {
                        return Err(Error::OutOfRange {
                            location: Location::Field(format!("changes[{k}].sector {sector}")),
                            value: *amount,
                            expected: "no demand change: this sector has no output, so its cost structure is unknown".into(),
                        });
                    }
                    extra[j] += amount;
                }
                Change::Spending {
                    amount,
                    local_share,
                    pattern,
                    ..
                } => {
                    let df = spending_like(table, *amount, *local_share, pattern)?;
                    for (e, d) in extra.iter_mut().zip(df) {
                        *e += d;
                    }
                }
                Change::ImportSubstitution {
                    buyer,
                    product,
                    share,
                    amount,
                } => {
                    let j = table.sector_index(buyer)?;
                    let i = table.sector_index(product)?;
                    // what j imports of i per unit of its output, by origin (import row)
                    let per_unit: Vec<f64> = use_coef.iter().map(|(_, c)| c[i * n + j]).collect();
                    let m: f64 = per_unit.iter().sum();
                    if x[i] <= 0.0 || m <= 0.0 {
                        return Err(Error::OutOfRange {
                            location: Location::Field(format!(
                                "changes[{k}] (imports of {product} by {buyer})"
                            )),
                            value: m * x[j],
                            expected: if x[i] <= 0.0 {
                                "a product made locally: its producer has no output, so its cost structure is unknown".into()
                            } else {
                                format!("a product the buyer imports ({})", basis.assumption())
                            },
                        });
                    }
                    let fraction = match (share, amount) {
                        (Some(s), None) => {
                            share_in_range(*s, &format!("changes[{k}].share"))?;
                            *s
                        }
                        (None, Some(v)) => {
                            check_finite(*v, || Location::Field(format!("changes[{k}].amount")))?;
                            let available = m * x[j];
                            if *v < 0.0 || *v > available * (1.0 + 1e-12) {
                                return Err(Error::OutOfRange {
                                    location: Location::Field(format!(
                                        "changes[{k}].amount (imports of {product} by {buyer})"
                                    )),
                                    value: *v,
                                    expected: format!(
                                        "between 0 and the buyer's imports of the product, {available}"
                                    ),
                                });
                            }
                            (v / available).min(1.0)
                        }
                        _ => {
                            return Err(Error::OutOfRange {
                                location: Location::Field(format!("changes[{k}]")),
                                value: f64::NAN,
                                expected: "exactly one of share and amount".into(),
                            });
                        }
                    };
                    if fraction > 0.0 {
                        a[i * n + j] += fraction * m;
                        for (((_, c), row), moved) in
                            use_coef.iter_mut().zip(import_row_of.iter()).zip(&per_unit)
                        {
                            c[i * n + j] -= fraction * moved;
                            coef[*row][j] -= fraction * moved;
                        }
                    }
                }
                Change::Retention { input, share } => {
                    share_in_range(*share, &format!("changes[{k}].share"))?;
                    let s = Share::Uniform(*share);
                    let r = &mut parts.retention;
                    match input {
                        PrimaryInputKind::TaxesOnProducts => r.taxes_on_products = s,
                        PrimaryInputKind::TaxesOnProduction => r.taxes_on_production = s,
                        PrimaryInputKind::Compensation => r.compensation = s,
                        PrimaryInputKind::OperatingSurplus => r.operating_surplus = s,
                        PrimaryInputKind::Other => r.other = s,
                        imports => {
                            return Err(Error::OutOfRange {
                                location: Location::Field(format!(
                                    "changes[{k}].input ({imports})"
                                )),
                                value: *share,
                                expected: "a retainable input: imports always leak".into(),
                            });
                        }
                    }
                }
            }
        }
        let model = LeontiefModel::productive(n, a.clone(), table.sectors())?;
        let mut f = table.total_final_demand();
        for (fi, e) in f.iter_mut().zip(&extra) {
            *fi += e;
        }
        let x_new = model.solve(&f)?;
        parts.z = (0..n * n).map(|k| a[k] * x_new[k % n]).collect();
        for (r, c) in parts.primary_inputs.iter_mut().zip(&coef) {
            r.values = (0..n).map(|j| c[j] * x_new[j]).collect();
        }
        if !use_coef.is_empty() {
            parts.import_use = Some(ImportUse {
                basis,
                blocks: use_coef
                    .into_iter()
                    .map(|(origin, c)| ImportUseBlock {
                        origin,
                        values: (0..n * n).map(|k| c[k] * x_new[k % n]).collect(),
                    })
                    .collect(),
            });
        }
        if extra.iter().any(|e| *e != 0.0) {
            let mut label = "SCENARIO".to_string();
            while parts.final_demand.iter().any(|c| c.label == label) {
                label.push('_');
            }
            parts.final_demand.push(FinalDemandColumn {
                label,
                kind: FinalDemandKind::Other,
                values: extra,
            });
        }
        if let Some(e) = &table.parts().employment {
            parts.employment = Some(Employment {
                unit: e.unit.clone(),
                values: (0..n)
                    .map(|j| {
                        if x[j] == 0.0 {
                            0.0
                        } else {
                            e.values[j] / x[j] * x_new[j]
                        }
                    })
                    .collect(),
            });
        }
        parts.output = Some(x_new);
        parts.name = format!("{} — {}", table.name(), self.name);
        RegionalTable::new(parts)
    }

    /// The region before and after the scenario, and the difference.
    ///
    /// # Errors
    ///
    /// The errors of [`Scenario::apply`] and [`RegionReport::new`].
    ///
    /// # Example
    ///
    /// ```
    /// use localecon::scenario::{Change, Scenario};
    /// let t = localecon::datasets::glasgow_2019();
    /// let s = Scenario { name: "more local ownership".into(), changes: vec![
    ///     Change::Retention { input: localecon::table::PrimaryInputKind::OperatingSurplus, share: 1.0 },
    ///     Change::ImportSubstitution { buyer: "56".into(), product: "10.7".into(), share: Some(0.1), amount: None },
    /// ] };
    /// let r = s.evaluate(&t)?;
    /// assert!(r.difference.retained_income > 0.0);
    /// # Ok::<(), localecon::Error>(())
    /// ```
    pub fn evaluate(&self, table: &RegionalTable) -> Result<ScenarioResult> {
        self.evaluate_inner(table, None)
    }

    /// [`Scenario::evaluate`] with the change of every stressor of `satellite` (intensities
    /// per unit of output and import factors held fixed): production-based, consumption-based,
    /// embodied in imports and in exports ([`crate::satellite::compare`]). The report after
    /// carries the satellite's figures too.
    ///
    /// # Errors
    ///
    /// As [`Scenario::evaluate`] and [`crate::Satellite::accounts`].
    ///
    /// # Example
    ///
    /// ```
    /// use localecon::scenario::{Change, Scenario};
    /// use localecon::datasets;
    /// let t = datasets::scotland_2019();
    /// let s = Scenario { name: "more local food".into(), changes: vec![
    ///     Change::ImportSubstitution { buyer: "56".into(), product: "10.7".into(), share: Some(0.2), amount: None },
    /// ] };
    /// let r = s.evaluate_with_satellite(&t, &datasets::scotland_2019_satellite())?;
    /// let ghg = r.stressors.iter().find(|c| c.name == "GHG").unwrap();
    /// assert!(ghg.production > 0.0 && ghg.embodied_in_imports < 0.0); // emitted here, not there
    /// # Ok::<(), localecon::Error>(())
    /// ```
    pub fn evaluate_with_satellite(
        &self,
        table: &RegionalTable,
        satellite: &crate::Satellite,
    ) -> Result<ScenarioResult> {
        self.evaluate_inner(table, Some(satellite))
    }

    fn evaluate_inner(
        &self,
        table: &RegionalTable,
        satellite: Option<&crate::Satellite>,
    ) -> Result<ScenarioResult> {
        let after_table = self.apply(table)?;
        let before_report = RegionReport::new(table)?;
        let mut after_report = RegionReport::new(&after_table)?;
        let mut stressors = Vec::new();
        if let Some(sat) = satellite {
            after_report.add_satellite(&after_table, sat)?;
            stressors = crate::satellite::compare(sat, table, &after_table)?.2;
        }
        let before = Headline::of(table, &before_report);
        let after = Headline::of(&after_table, &after_report);
        Ok(ScenarioResult {
            scenario: self.clone(),
            difference: after.minus(&before),
            before,
            after,
            report_after: after_report,
            stressors,
        })
    }
}
