//! `RegionReport`: the headline indicators of a region in one serde struct, and its
//! readable text form.

mod satellite;

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::leakage::{ClosedLeakage, Leakage, LeakageChannel, local_purchase_coefficients};
use crate::model::ClosedModel;
use crate::multipliers::Multipliers;
use crate::table::{
    AuditCheck, FinalDemandKind, HouseholdClosure, PrimaryInputKind, RegionalTable, Retention,
};

/// One sector's line of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectorReport {
    /// Sector code.
    pub code: String,
    /// Sector name.
    pub name: String,
    /// Gross output `x_j`.
    pub output: f64,
    /// Type I output multiplier `(1ᵀL)_j`.
    pub output_multiplier_type_i: f64,
    /// Type II output multiplier (`None` without a household closure).
    pub output_multiplier_type_ii: Option<f64>,
    /// Type I income effect `(wᵀL)_j`, compensation per unit of final demand.
    pub income_effect_type_i: f64,
    /// Type II income effect.
    pub income_effect_type_ii: Option<f64>,
    /// Type I income multiplier (effect / direct).
    pub income_multiplier_type_i: f64,
    /// Type I GVA effect `(vᵀL)_j`.
    pub gva_effect_type_i: f64,
    /// Type II GVA effect.
    pub gva_effect_type_ii: Option<f64>,
    /// Type I employment effect `(eᵀL)_j` (the table's employment unit per unit of money:
    /// FTE per £1m on the Scottish tables), if the table has employment.
    pub employment_effect_type_i: Option<f64>,
    /// Type II employment effect `(eᵀL̄)_j`, if the table has employment and a closure.
    pub employment_effect_type_ii: Option<f64>,
    /// Share of one unit of final demand that leaks (Type I).
    pub leakage_share: f64,
    /// Retained local income per unit of final demand (Type I).
    pub retention_share: f64,
    /// Leakage share by channel (Type I), in the order of [`LeakageChannel`].
    pub leakage_by_channel: BTreeMap<LeakageChannel, f64>,
    /// Where one unit finally ends up in the household-closed model, by channel.
    pub closed_leakage_by_channel: Option<BTreeMap<LeakageChannel, f64>>,
    /// Local intermediate purchases / all intermediate purchases.
    pub local_purchase_coefficient: f64,
    /// Stressors per unit of final demand (jobs, kg CO2e per £, …), when the report was made
    /// with a satellite ([`RegionReport::with_satellite`]); empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footprint: Vec<crate::satellite::SectorFootprint>,
}

/// Regional totals, in the table's unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// Σ x.
    pub output: f64,
    /// Gross value added (compensation + operating surplus + taxes on production).
    pub gva: f64,
    /// Compensation of employees.
    pub compensation: f64,
    /// Intermediate imports (all origins).
    pub imports: f64,
    /// Total final demand for local output.
    pub final_demand: f64,
    /// Local household consumption of local output.
    pub household_consumption: f64,
}

/// A channel's share of the region's leakage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelShare {
    /// The channel's spelling, e.g. `"imports_rest_of_world"`.
    pub channel: String,
    /// A readable label.
    pub label: String,
    /// Final-demand-weighted share of one unit of final demand leaving by this channel.
    pub share: f64,
}

/// How money circulates in the region: Finn cycling index, average path length and
/// robustness, for the open model and closed with households.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Circulation {
    /// Finn cycling index of the inter-industry flows (open model).
    pub fci: f64,
    /// Average path length `TST / boundary input` (open model).
    pub apl: f64,
    /// Robustness `−(A/C)·ln(A/C)` of the open flow system.
    pub robustness: f64,
    /// `A/C` of the open flow system.
    pub ascendency_ratio: f64,
    /// Finn cycling index with households as a node (Type II closure).
    pub fci_closed: Option<f64>,
    /// Average path length with households as a node.
    pub apl_closed: Option<f64>,
    /// Robustness with households as a node.
    pub robustness_closed: Option<f64>,
}

impl Circulation {
    /// The report needs the FCI, the APL and two information indices, not the whole of
    /// [`crate::circularity::flow_indicators`]: the FCI comes from the diagonal of the
    /// Leontief inverse ([`fci_leontief`], the same number as the graph route on a balanced
    /// table, a property test), the APL is `TST / Σz`, and neither needs the full inverse
    /// `(I − G)⁻¹` that the other flow indicators do (which took four fifths of the report).
    /// The closed FCI takes the closed diagonal from the open one by the bordered inverse
    /// ([`ClosedModel::leontief_diagonal_from`]): one diagonal, no second factorisation.
    ///
    /// [`fci_leontief`]: crate::circularity::fci_leontief
    fn new(table: &RegionalTable, closed: Option<&ClosedModel>) -> Result<Self> {
        use crate::circularity::{Closure, FlowSystem, fci_from_diagonal, information_indices};
        let apl =
            |s: &FlowSystem| s.throughflow().iter().sum::<f64>() / s.inputs().iter().sum::<f64>();
        let open = FlowSystem::from_table(table, Closure::Open)?;
        // diag(L) once: the open FCI, and the closed one by the bordered inverse (no second
        // factorisation)
        let diagonal = table.leontief()?.leontief_diagonal();
        let (mut fci_closed, mut apl_closed, mut robustness_closed) = (None, None, None);
        let i = if let Some(model) = closed {
            let c = FlowSystem::from_table(table, Closure::Households)?;
            let mut x = table.output().to_vec();
            x.push(model.household_income());
            fci_closed = Some(fci_from_diagonal(
                &x,
                &model.leontief_diagonal_from(&diagonal),
            ));
            apl_closed = Some(apl(&c));
            robustness_closed = Some(information_indices(&c).robustness);
            information_indices(&open)
        } else {
            information_indices(&open)
        };
        Ok(Self {
            fci: fci_from_diagonal(table.output(), &diagonal),
            apl: apl(&open),
            robustness: i.robustness,
            ascendency_ratio: i.ascendency_ratio,
            fci_closed,
            apl_closed,
            robustness_closed,
        })
    }
}

/// A region's headline figures alone ([`RegionReport::headline`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Headline {
    /// Final-demand-weighted Type I output multiplier.
    pub output_multiplier_type_i: f64,
    /// Final-demand-weighted Type II output multiplier (`None` without a closure).
    pub output_multiplier_type_ii: Option<f64>,
    /// Final-demand-weighted share of a pound of final demand that leaks (Type I).
    pub leakage_share: f64,
    /// Final-demand-weighted share that stays as local income (Type I).
    pub retention_share: f64,
    /// Finn cycling index of the inter-industry flows (open).
    pub fci: f64,
}

/// The headline indicators of a region.
///
/// Regional averages weight each sector by its final demand `f_j` (the region's actual
/// spending pattern): `Σ_j f_j·m_j / Σ_j f_j`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionReport {
    /// `"localecon-report"`.
    pub format: String,
    /// Report format version (1).
    pub version: u32,
    /// Region name.
    pub region: String,
    /// Money unit.
    pub unit: String,
    /// Employment unit of the employment effects (`None` without employment).
    pub employment_unit: Option<String>,
    /// Source and licence line of the data.
    pub source: Option<String>,
    /// Number of sectors.
    pub n_sectors: usize,
    /// Regional totals.
    pub totals: Totals,
    /// Final-demand-weighted Type I output multiplier.
    pub output_multiplier_type_i: f64,
    /// Final-demand-weighted Type II output multiplier.
    pub output_multiplier_type_ii: Option<f64>,
    /// Final-demand-weighted leakage share (Type I).
    pub leakage_share: f64,
    /// Final-demand-weighted retention share (Type I).
    pub retention_share: f64,
    /// Final-demand-weighted leakage by channel, largest first.
    pub leakage_by_channel: Vec<ChannelShare>,
    /// The retention assumptions used.
    pub retention_assumptions: Retention,
    /// The household closure used for Type II results.
    pub household_closure: HouseholdClosure,
    /// The household income `H` of the closure, when Type II results exist.
    pub household_income: Option<f64>,
    /// How money circulates: FCI, APL, robustness.
    pub circulation: Circulation,
    /// Every sector, in table order.
    pub sectors: Vec<SectorReport>,
    /// The audit checks of the table.
    pub audit: Vec<AuditCheck>,
    /// Everything the audit and the solves found that a reader should know (WARN and FAIL
    /// checks, ill-conditioning, a household closure that cannot be formed).
    pub warnings: Vec<String>,
    /// Why the Type II results are missing although the table has a household closure;
    /// every Type I result is unaffected.
    #[serde(default)]
    pub type_ii_unavailable: Option<String>,
    /// The satellite accounts (production- and consumption-based, with their assumptions),
    /// when the report was made with a satellite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satellite: Option<crate::satellite::SatelliteSummary>,
}

fn weighted(values: &[f64], weights: &[f64]) -> f64 {
    let total: f64 = weights.iter().sum();
    if total == 0.0 {
        return 0.0;
    }
    values.iter().zip(weights).map(|(v, w)| v * w).sum::<f64>() / total
}

impl RegionReport {
    /// Builds the report of a table: one LU factor for the open model, one for the closed.
    ///
    /// # Errors
    ///
    /// [`crate::Error::NonProductive`] or [`crate::Error::Singular`] from the models.
    ///
    /// # Example
    ///
    /// ```
    /// let report = localecon::RegionReport::new(&localecon::datasets::scotland_2019_sections())?;
    /// assert_eq!(report.sectors.len(), 20);
    /// assert!(report.leakage_share > 0.0 && report.leakage_share < 1.0);
    /// # Ok::<(), localecon::Error>(())
    /// ```
    pub fn new(table: &RegionalTable) -> Result<Self> {
        Self::with_progress(table, &mut |_, _| {})
    }

    /// The headline figures alone, for a Monte Carlo's draws: final-demand-weighted Type I
    /// and Type II output multipliers, leakage and retention shares by the same functions as
    /// [`RegionReport::new`] (so the same values to the last bit), and the open Finn cycling
    /// index from the diagonal of the integral matrix alone
    /// ([`crate::circularity::finn_cycling_index`]: the report's to rounding), without the
    /// rest of the report (sectors, closed-model leakage and circulation, audit). Cost: the
    /// factorisations (`I − A`, the closed model, `I − G`), a few solves, and the two
    /// triangular inverses of `I − G`.
    ///
    /// # Errors
    ///
    /// As [`RegionReport::new`]; [`crate::Error::NonFinite`] for a figure that is not
    /// finite.
    pub fn headline(table: &RegionalTable) -> Result<Headline> {
        use crate::circularity::{Closure, FlowSystem, finn_cycling_index};
        use crate::error::{Location, check_finite};
        let model = table.leontief()?;
        let (closed, _) = ClosedModel::optional(table, table.shared_leontief()?.clone())?;
        let m = Multipliers::from_models(table, model, closed.as_ref());
        let leak = Leakage::from_model(table, model);
        let f = table.total_final_demand();
        let fci = finn_cycling_index(&FlowSystem::from_table(table, Closure::Open)?)?;
        let h = Headline {
            output_multiplier_type_i: weighted(&m.output.type_i, &f),
            output_multiplier_type_ii: m.output.type_ii.as_ref().map(|v| weighted(v, &f)),
            leakage_share: weighted(&leak.leakage, &f),
            retention_share: weighted(&leak.retention, &f),
            fci,
        };
        for (name, v) in [
            ("output_multiplier_type_i", h.output_multiplier_type_i),
            (
                "output_multiplier_type_ii",
                h.output_multiplier_type_ii.unwrap_or(0.0),
            ),
            ("leakage_share", h.leakage_share),
            ("retention_share", h.retention_share),
            ("fci", h.fci),
        ] {
            check_finite(v, || Location::Field(format!("headline {name}")))?;
        }
        Ok(h)
    }

    /// [`RegionReport::new`], calling `progress(stage, done)` before each stage (`done` is
    /// the share of the work finished, from 0 to 1), so that a caller can show progress on
    /// a large table.
    ///
    /// # Errors
    ///
    /// As [`RegionReport::new`].
    pub fn with_progress(
        table: &RegionalTable,
        progress: &mut dyn FnMut(&str, f64),
    ) -> Result<Self> {
        stage(progress, "factorising I − A", 0.0)?;
        let model = table.leontief()?;
        stage(progress, "closing the model with households", 0.2)?;
        let (closed, type_ii_unavailable) =
            ClosedModel::optional(table, table.shared_leontief()?.clone())?;
        stage(progress, "multipliers", 0.4)?;
        let mut m = Multipliers::from_models(table, model, closed.as_ref());
        if let Some(why) = &type_ii_unavailable {
            m.warnings.push(why.clone());
        }
        stage(progress, "leakage", 0.55)?;
        let leak = Leakage::from_model(table, model);
        let closed_leak = closed.as_ref().map(|c| ClosedLeakage::from_model(table, c));
        let lpc = local_purchase_coefficients(table);
        let n = table.n();
        let f = table.total_final_demand();
        let x = table.output();
        let sum_kind = |pred: &dyn Fn(PrimaryInputKind) -> bool| -> f64 {
            table
                .primary_inputs()
                .iter()
                .filter(|r| pred(r.kind))
                .flat_map(|r| r.values.iter())
                .sum()
        };
        let totals = Totals {
            output: x.iter().sum(),
            gva: sum_kind(&PrimaryInputKind::is_value_added),
            compensation: sum_kind(&|k| k == PrimaryInputKind::Compensation),
            imports: sum_kind(&PrimaryInputKind::is_import),
            final_demand: f.iter().sum(),
            household_consumption: (0..n)
                .map(|i| table.final_demand_total(FinalDemandKind::Households, i))
                .sum(),
        };
        let mut leakage_by_channel: Vec<ChannelShare> = leak
            .channels
            .iter()
            .zip(&leak.by_channel)
            .map(|(c, v)| ChannelShare {
                channel: c.as_str().into(),
                label: c.label().into(),
                share: weighted(v, &f),
            })
            .collect();
        leakage_by_channel.sort_by(|a, b| b.share.total_cmp(&a.share));
        let t2 = |e: &Option<Vec<f64>>, j: usize| e.as_ref().map(|v| v[j]);
        let income_mult = m.income.multiplier_type_i();
        let sectors = (0..n)
            .map(|j| SectorReport {
                code: table.sectors()[j].code.clone(),
                name: table.sectors()[j].name.clone(),
                output: x[j],
                output_multiplier_type_i: m.output.type_i[j],
                output_multiplier_type_ii: t2(&m.output.type_ii, j),
                income_effect_type_i: m.income.type_i[j],
                income_effect_type_ii: t2(&m.income.type_ii, j),
                income_multiplier_type_i: income_mult[j],
                gva_effect_type_i: m.value_added.type_i[j],
                gva_effect_type_ii: t2(&m.value_added.type_ii, j),
                employment_effect_type_i: m.employment.as_ref().map(|e| e.type_i[j]),
                employment_effect_type_ii: m
                    .employment
                    .as_ref()
                    .and_then(|e| e.type_ii.as_ref().map(|t| t[j])),
                leakage_share: leak.leakage[j],
                retention_share: leak.retention[j],
                leakage_by_channel: leak
                    .channels
                    .iter()
                    .zip(&leak.by_channel)
                    .map(|(c, v)| (*c, v[j]))
                    .collect(),
                closed_leakage_by_channel: closed_leak.as_ref().map(|cl| {
                    cl.channels
                        .iter()
                        .zip(&cl.by_channel)
                        .map(|(c, v)| (*c, v[j]))
                        .collect()
                }),
                local_purchase_coefficient: lpc[j],
                footprint: Vec::new(),
            })
            .collect();
        stage(progress, "circulation", 0.7)?;
        let circulation = Circulation::new(table, closed.as_ref())?;
        let audit = {
            stage(progress, "audit", 0.9)?;
            table.audit().checks
        };
        Ok(Self {
            format: "localecon-report".into(),
            version: 1,
            region: table.name().into(),
            unit: table.unit().into(),
            employment_unit: table.employment().map(|e| e.unit.clone()),
            source: table.source().map(str::to_string),
            n_sectors: n,
            totals,
            output_multiplier_type_i: weighted(&m.output.type_i, &f),
            output_multiplier_type_ii: m.output.type_ii.as_ref().map(|v| weighted(v, &f)),
            leakage_share: weighted(&leak.leakage, &f),
            retention_share: weighted(&leak.retention, &f),
            leakage_by_channel,
            retention_assumptions: table.retention().clone(),
            household_closure: table.household_closure().clone(),
            household_income: m.household_income,
            circulation,
            sectors,
            warnings: audit
                .iter()
                .filter(|c| c.status != crate::table::AuditStatus::Pass)
                .map(|c| format!("{}: {}", c.check, c.detail))
                .chain(m.warnings.iter().cloned())
                .collect(),
            type_ii_unavailable,
            audit,
            satellite: None,
        })
        .and_then(|r: Self| {
            r.check_finite()?;
            stage(progress, "done", 1.0)?;
            Ok(r)
        })
    }

    /// Refuses a report with a non-finite number (e.g. averages weighted by a final demand
    /// that is all but zero), naming the field: never a silent NaN or ∞.
    fn check_finite(&self) -> Result<()> {
        use crate::error::{Location, check_finite};
        let scalars = [
            ("leakage_share", self.leakage_share),
            ("retention_share", self.retention_share),
            ("output_multiplier_type_i", self.output_multiplier_type_i),
            (
                "output_multiplier_type_ii",
                self.output_multiplier_type_ii.unwrap_or(0.0),
            ),
            ("circulation.fci", self.circulation.fci),
            ("circulation.apl", self.circulation.apl),
            ("circulation.robustness", self.circulation.robustness),
        ];
        for (name, v) in scalars {
            check_finite(v, || Location::Field(format!("report {name}")))?;
        }
        for c in &self.leakage_by_channel {
            check_finite(c.share, || {
                Location::Field(format!("report leakage_by_channel {}", c.channel))
            })?;
        }
        for s in &self.sectors {
            for (name, v) in [
                ("output_multiplier_type_i", s.output_multiplier_type_i),
                ("income_effect_type_i", s.income_effect_type_i),
                ("gva_effect_type_i", s.gva_effect_type_i),
                ("leakage_share", s.leakage_share),
                ("retention_share", s.retention_share),
                ("local_purchase_coefficient", s.local_purchase_coefficient),
            ] {
                check_finite(v, || {
                    Location::Field(format!("report sector {} {name}", s.code))
                })?;
            }
        }
        Ok(())
    }

    /// The report as pretty-printed JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serialises")
    }
}

fn pct(v: f64) -> String {
    format!("{:5.1}%", 100.0 * v)
}

fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width - 1).collect();
        t.push('…');
        t
    }
}

/// Reports a stage of [`RegionReport::with_progress`] and stops there when the caller asked
/// ([`crate::interrupt`]).
fn stage(progress: &mut dyn FnMut(&str, f64), name: &str, done: f64) -> Result<()> {
    progress(name, done);
    crate::interrupt::check("the report")
}

impl fmt::Display for RegionReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "localecon report: {} ({} sectors, {})",
            self.region, self.n_sectors, self.unit
        );
        if let Some(src) = &self.source {
            let _ = writeln!(s, "Data: {src}");
        }
        let t = &self.totals;
        let _ = writeln!(
            s,
            "\nOutput {:.0} · GVA {:.0} · compensation {:.0} · intermediate imports {:.0} · final demand {:.0}",
            t.output + 0.0,
            t.gva + 0.0,
            t.compensation + 0.0,
            t.imports + 0.0, // + 0.0 turns -0 into 0
            t.final_demand + 0.0
        );
        let _ = writeln!(
            s,
            "\nOf every unit of final demand (weighted by the region's final demand):"
        );
        let _ = writeln!(
            s,
            "  {} stays as local income, {} leaks:",
            pct(self.retention_share),
            pct(self.leakage_share)
        );
        for c in &self.leakage_by_channel {
            let _ = writeln!(s, "    {}  {}", pct(c.share), c.label);
        }
        let _ = writeln!(
            s,
            "  Output multiplier: Type I {:.3}{}",
            self.output_multiplier_type_i,
            self.output_multiplier_type_ii
                .map(|m| format!(", Type II {m:.3}"))
                .unwrap_or_default()
        );
        if let Some(why) = &self.type_ii_unavailable {
            let _ = writeln!(s, "  {why}");
        }
        let c = &self.circulation;
        let _ = writeln!(
            s,
            "\nCirculation: Finn cycling index {:.4}, average path length {:.3}, robustness {:.3} (A/C {:.3}){}",
            c.fci,
            c.apl,
            c.robustness,
            c.ascendency_ratio,
            match (c.fci_closed, c.apl_closed) {
                (Some(f), Some(a)) => format!("; with households: FCI {f:.4}, APL {a:.3}"),
                _ => String::new(),
            }
        );
        let mut top: Vec<&SectorReport> = self.sectors.iter().collect();
        top.sort_by(|a, b| {
            b.output_multiplier_type_i
                .total_cmp(&a.output_multiplier_type_i)
        });
        let _ = writeln!(s, "\nLargest Type I output multipliers:");
        for r in top.iter().take(10) {
            let _ = writeln!(
                s,
                "  {:>6.3}  {:<10} {}",
                r.output_multiplier_type_i, r.code, r.name
            );
        }
        let mut leaky: Vec<&SectorReport> =
            self.sectors.iter().filter(|r| r.output > 0.0).collect();
        leaky.sort_by(|a, b| b.leakage_share.total_cmp(&a.leakage_share));
        let _ = writeln!(
            s,
            "\nLeakiest sectors (share of each unit of final demand that leaves):"
        );
        for r in leaky.iter().take(5) {
            let _ = writeln!(s, "  {}  {:<10} {}", pct(r.leakage_share), r.code, r.name);
        }
        let _ = writeln!(s, "\nAll sectors, in table order:");
        if let Some(unit) = &self.employment_unit {
            let _ = writeln!(
                s,
                "  (jobs I / II: employment per unit of final demand, {unit} per {}, Type I / Type II)",
                self.unit
            );
        }
        let _ = writeln!(
            s,
            "  {:<10} {:<34} {:>8} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}  largest leak",
            "code", "name", "output", "mult I", "mult II", "jobs I", "jobs II", "leaks", "stays"
        );
        for r in &self.sectors {
            let largest = r
                .leakage_by_channel
                .iter()
                .max_by(|a, b| a.1.total_cmp(b.1))
                .filter(|(_, v)| **v > 0.0)
                .map(|(k, _)| k.as_str())
                .unwrap_or("-");
            let jobs = |e: Option<f64>| e.map_or_else(|| "-".into(), |v| format!("{v:.2}"));
            let _ = writeln!(
                s,
                "  {:<10} {:<34} {:>8.0} {:>7.3} {:>7} {:>7} {:>7} {} {}  {}",
                truncate(&r.code, 10),
                truncate(&r.name, 34),
                r.output,
                r.output_multiplier_type_i,
                r.output_multiplier_type_ii
                    .map_or_else(|| "-".into(), |m| format!("{m:.3}")),
                jobs(r.employment_effect_type_i),
                jobs(r.employment_effect_type_ii),
                pct(r.leakage_share),
                pct(r.retention_share),
                largest
            );
        }
        let _ = writeln!(s, "\nAudit:");
        for c in &self.audit {
            let _ = writeln!(s, "  {:<4}  {:<15} {}", c.status, c.check, c.detail);
        }
        let _ = writeln!(
            s,
            "\nAssumptions: retained shares — compensation {}, operating surplus {}, taxes on products {}, taxes on production {}, other {}; imports always leak.",
            share_text(&self.retention_assumptions.compensation),
            share_text(&self.retention_assumptions.operating_surplus),
            share_text(&self.retention_assumptions.taxes_on_products),
            share_text(&self.retention_assumptions.taxes_on_production),
            share_text(&self.retention_assumptions.other),
        );
        if let Some(h) = self.household_income {
            let _ = writeln!(
                s,
                "Type II closes households with {:?} income and household income H = {h:.0}.",
                self.household_closure.income_sources
            );
        }
        f.write_str(&s)
    }
}

fn share_text(s: &crate::table::Share) -> String {
    match s {
        crate::table::Share::Uniform(v) => format!("{v}"),
        crate::table::Share::PerSector(_) => "per sector".into(),
    }
}
