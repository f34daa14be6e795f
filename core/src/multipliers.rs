//! Type I and Type II multipliers — output, income, value added, employment — and their
//! split into direct, indirect and induced effects.
//!
//! For a coefficient row `w` (income, value added or employment per unit of output) the
//! Type I effect of one unit of final demand for sector `j` is `(wᵀL)_j` and the Type II
//! effect `(wᵀL̄)_j` over the first `n` entries of the household-closed inverse
//! (Miller & Blair 2009, §6.2–6.3). The multiplier is the effect divided by the direct
//! coefficient `w_j` (0 where `w_j = 0`, as the Scottish Government publishes).
//! Every effect is a transposed solve with one LU factor; `L` is never formed.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::{ClosedModel, LeontiefModel, per_unit_of_output};
use crate::table::{PrimaryInputKind, RegionalTable, Sector};

/// One measure (output, income, value added or employment) per sector: its direct
/// coefficient and its Type I and Type II effects per unit of final demand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Effects {
    /// Direct (initial) effect: the measure per unit of the sector's own output (for output: 1).
    pub direct: Vec<f64>,
    /// Type I effect = direct + indirect: `(wᵀL)_j`.
    pub type_i: Vec<f64>,
    /// Type II effect = direct + indirect + induced: `(wᵀL̄)_j`; `None` when the table cannot
    /// be closed with households.
    pub type_ii: Option<Vec<f64>>,
}

fn ratio(effect: &[f64], direct: &[f64]) -> Vec<f64> {
    effect
        .iter()
        .zip(direct)
        .map(|(e, d)| if *d == 0.0 { 0.0 } else { e / d })
        .collect()
}

impl Effects {
    /// Indirect effect: Type I − direct (the supply-chain rounds).
    #[must_use]
    pub fn indirect(&self) -> Vec<f64> {
        self.type_i
            .iter()
            .zip(&self.direct)
            .map(|(t, d)| t - d)
            .collect()
    }

    /// Induced effect: Type II − Type I (household re-spending).
    #[must_use]
    pub fn induced(&self) -> Option<Vec<f64>> {
        let t2 = self.type_ii.as_ref()?;
        Some(t2.iter().zip(&self.type_i).map(|(a, b)| a - b).collect())
    }

    /// Type I multiplier: Type I effect / direct effect (0 where the direct effect is 0).
    #[must_use]
    pub fn multiplier_type_i(&self) -> Vec<f64> {
        ratio(&self.type_i, &self.direct)
    }

    /// Type II multiplier: Type II effect / direct effect (0 where the direct effect is 0).
    #[must_use]
    pub fn multiplier_type_ii(&self) -> Option<Vec<f64>> {
        Some(ratio(self.type_ii.as_ref()?, &self.direct))
    }
}

/// All multipliers of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Multipliers {
    /// The sectors, in table order.
    pub sectors: Vec<Sector>,
    /// Output: direct = 1; Type I = `1ᵀL` (the output multiplier).
    pub output: Effects,
    /// Income = compensation of employees (workplace-based, all employees).
    pub income: Effects,
    /// Gross value added = compensation + operating surplus + taxes less subsidies on
    /// production.
    pub value_added: Effects,
    /// Employment, in the table's employment unit per unit of money (when the table has it).
    pub employment: Option<Effects>,
    /// Household income `H` of the Type II closure, when Type II results exist.
    pub household_income: Option<f64>,
    /// Condition estimate `κ₁(I − A)` of the open model.
    pub condition: f64,
    /// What the numbers depend on that a reader should know (e.g. an ill-conditioned
    /// system, with its condition estimate).
    pub warnings: Vec<String>,
    /// Why there are no Type II results although the table has a household closure (e.g.
    /// households that would spend all their income locally); Type I results are unaffected.
    #[serde(default)]
    pub type_ii_unavailable: Option<String>,
}

/// The coefficient rows `w` of the measures: income, value added, employment (if any).
fn measure_rows(table: &RegionalTable) -> Vec<Vec<f64>> {
    let n = table.n();
    let x = table.output();
    let sum_kinds = |pred: &dyn Fn(PrimaryInputKind) -> bool| -> Vec<f64> {
        table.input_coefficients_where(pred)
    };
    let mut rows = vec![
        vec![1.0; n],
        sum_kinds(&|k| k == PrimaryInputKind::Compensation),
        sum_kinds(&PrimaryInputKind::is_value_added),
    ];
    if let Some(e) = table.employment() {
        rows.push(per_unit_of_output(&e.values, x));
    }
    rows
}

impl Multipliers {
    /// Type I and (where the table has a household-consumption column) Type II multipliers.
    /// A household closure that cannot be formed leaves the Type I results: Type II is
    /// `None` and [`Multipliers::type_ii_unavailable`] says why.
    ///
    /// # Errors
    ///
    /// [`crate::Error::NonProductive`] or [`crate::Error::Singular`] from the open model.
    ///
    /// # Example
    ///
    /// ```
    /// let table = localecon::datasets::scotland_2019();
    /// let m = localecon::Multipliers::new(&table)?;
    /// // Agriculture: published Type I output multiplier 1.5008
    /// assert!((m.output.type_i[0] - 1.5008).abs() < 1e-4);
    /// # Ok::<(), localecon::Error>(())
    /// ```
    pub fn new(table: &RegionalTable) -> Result<Self> {
        let model = table.leontief()?;
        let (closed, why) = ClosedModel::optional(table, table.shared_leontief()?.clone())?;
        let mut m = Self::from_models(table, model, closed.as_ref());
        if let Some(why) = why {
            m.warnings.push(why.clone());
            m.type_ii_unavailable = Some(why);
        }
        Ok(m)
    }

    /// Multipliers from models already built (reuses their LU factors).
    #[must_use]
    pub fn from_models(
        table: &RegionalTable,
        model: &LeontiefModel,
        closed: Option<&ClosedModel>,
    ) -> Self {
        let rows = measure_rows(table);
        // one blocked solve: every Type II row is lifted from its Type I row (the household
        // entry of each measure row is 0), and both condition estimates from the output row
        let type_i = model.solve_transpose_rows(&rows);
        let type_ii: Option<Vec<Vec<f64>>> =
            closed.map(|c| type_i.iter().map(|u| c.lift_transposed(u, 0.0).0).collect());
        let mut effects = rows.into_iter().enumerate().map(|(k, direct)| Effects {
            direct,
            type_i: type_i[k].clone(),
            type_ii: type_ii.as_ref().map(|t| t[k].clone()),
        });
        let output = effects.next().expect("output row");
        let income = effects.next().expect("income row");
        let value_added = effects.next().expect("value-added row");
        let employment = effects.next();
        let condition = model.condition_from_output_multipliers(&type_i[0]);
        let closed_condition = closed.map(|c| c.condition_from_open_output_multipliers(&type_i[0]));
        let mut warnings = Vec::new();
        for (what, kappa) in [
            ("I − A", Some(condition)),
            ("the household-closed I − Ā", closed_condition),
        ] {
            if let Some(k) = kappa.filter(|k| *k > crate::table::ILL_CONDITIONED) {
                warnings.push(format!("{what} is ill-conditioned (condition estimate {k:.2e}): about {:.0} of 16 significant digits may be lost", libm::log10(k)));
            }
        }
        Self {
            sectors: table.sectors().to_vec(),
            output,
            income,
            value_added,
            employment,
            household_income: closed.map(ClosedModel::household_income),
            condition,
            warnings,
            type_ii_unavailable: None,
        }
    }
}

impl std::fmt::Display for Multipliers {
    /// One line per sector: output multipliers (Type I, Type II), income and GVA effects,
    /// and employment effects when the table has employment.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cell = |v: Option<f64>, digits: usize| {
            v.map_or_else(|| "-".to_string(), |x| format!("{x:.digits$}"))
        };
        let at = |v: &Option<Vec<f64>>, j: usize| v.as_ref().map(|v| v[j]);
        writeln!(
            f,
            "{:<10} {:<30} {:>8} {:>8} {:>9} {:>9} {:>8} {:>8}",
            "code", "name", "output I", "output II", "income I", "income II", "GVA I", "jobs I"
        )?;
        for (j, s) in self.sectors.iter().enumerate() {
            writeln!(
                f,
                "{:<10} {:<30} {:>8.4} {:>8} {:>9.4} {:>9} {:>8.4} {:>8}",
                s.code.chars().take(10).collect::<String>(),
                s.name.chars().take(30).collect::<String>(),
                self.output.type_i[j],
                cell(at(&self.output.type_ii, j), 4),
                self.income.type_i[j],
                cell(at(&self.income.type_ii, j), 4),
                self.value_added.type_i[j],
                cell(self.employment.as_ref().map(|e| e.type_i[j]), 3),
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasets;

    #[test]
    fn miller_blair_output_multipliers_as_printed() {
        let m = Multipliers::new(&datasets::miller_blair_2sector()).unwrap();
        assert!((m.output.type_i[0] - 1.518151815).abs() < 1e-9);
        assert!((m.output.type_i[1] - 1.452145215).abs() < 1e-9);
        assert!(
            m.output.type_ii.is_none(),
            "no household column, no Type II"
        );
    }

    #[test]
    fn effects_split_adds_up() {
        let m = Multipliers::new(&datasets::scotland_2019_sections()).unwrap();
        let ind = m.income.indirect();
        let induced = m.income.induced().unwrap();
        let t2 = m.income.type_ii.as_ref().unwrap();
        for j in 0..ind.len() {
            let total = m.income.direct[j] + ind[j] + induced[j];
            assert!((total - t2[j]).abs() < 1e-12);
            assert!(induced[j] >= 0.0);
        }
    }
}
