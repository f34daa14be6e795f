//! Scenarios and impacts: demand changes, spending, business footprints.

use localecon::scenario;
use wasm_bindgen::prelude::*;

use crate::convert::{from_object, number, to_plain, vector};
use crate::error::IntoJs;
use crate::table::RegionalTable;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A scenario: the same JSON as in Rust and Python. */
export interface Scenario { name: string; changes: Change[] }
/** One change of a scenario. */
export type Change =
  | { type: "demand"; sector: string; amount: number }
  | { type: "spending"; label: string; amount: number; localShare: number; pattern: string }
  | { type: "import_substitution"; buyer: string; product: string; share?: number; amount?: number }
  | { type: "retention"; input: string; share: number };
/** Headline numbers compared by a scenario. */
export interface Headline {
  output: number; gva: number; compensation: number; retainedIncome: number; imports: number; employment: number | null;
  leakageShare: number; retentionShare: number; outputMultiplierTypeI: number; outputMultiplierTypeII: number | null; fci: number;
}
/** A scenario evaluated. */
export interface ScenarioResult { scenario: Scenario; before: Headline; after: Headline; difference: Headline; reportAfter: RegionReport; stressors?: StressorChange[] }
/** An effect split into rounds. */
export interface Split { direct: number[]; indirect: number[]; induced: number[] | null; totalDirect: number; totalIndirect: number; totalInduced: number | null; total: number }
/** The impact of a final-demand change. */
export interface Impact { sectors: Sector[]; finalDemand: number[]; householdIncome: number; output: Split; income: Split; valueAdded: Split; employment: Split | null; leakage: [string, number][]; retainedIncome: number }
/** An import substitution computed by a rank-one update. */
export interface SubstitutionEffect { buyer: string; product: string; share: number; delta: number; importsSubstituted: number; importsSubstitutedByOrigin: OriginAmount[]; outputMultipliers: number[]; retention: number[]; outputChange: number; retainedIncomeChange: number; importBasis: ImportBasis }
/** A business to add to a table (camelCase keys, as every JavaScript input). */
export interface Business { name: string; output: number; valueAdded: number; jobs?: number; localPurchases: [string, number][]; residentWages: number }
/** What the region would lose without a business. */
export interface BusinessFootprint { name: string; ownOutput: number; supplyChainOutput: number; inducedOutput: number; totalOutput: number; totalValueAdded: number; totalJobs: number | null }
"#;

#[wasm_bindgen]
impl RegionalTable {
    /// Final demand from an organisation's spending: `amount × localShare`, spread like the
    /// final-demand column `pattern` (its negative entries taken as zero).
    pub fn spending(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] amount: JsValue,
        #[wasm_bindgen(js_name = localShare, unchecked_param_type = "number")] local_share: JsValue,
        pattern: &str,
    ) -> Result<Vec<f64>, JsValue> {
        let (amount, local_share) = (number(&amount, "amount")?, number(&local_share, "localShare")?);
        scenario::spending_like(&self.inner, amount, local_share, pattern).js_err()
    }

    /// The impact of a final-demand change (and of household income paid to residents).
    #[wasm_bindgen(unchecked_return_type = "Impact")]
    pub fn impact(
        &self,
        #[wasm_bindgen(js_name = finalDemand, unchecked_param_type = "Float64Array | number[]")]
        final_demand: JsValue,
        #[wasm_bindgen(js_name = householdIncome, unchecked_optional_param_type = "number | null")] household_income: JsValue,
    ) -> Result<JsValue, JsValue> {
        let f = vector(&final_demand, "finalDemand")?;
        to_plain(&scenario::impact(&self.inner, &f, crate::convert::optional_number(&household_income, "householdIncome")?.unwrap_or(0.0)).js_err()?)
    }

    /// The table after a scenario (the same JSON data as in Rust and Python); free it too.
    #[wasm_bindgen(js_name = applyScenario)]
    pub fn apply_scenario(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    ) -> Result<RegionalTable, JsValue> {
        let s: scenario::Scenario = from_object(&scenario, "scenario")?;
        Ok(RegionalTable {
            inner: s.apply(&self.inner).js_err()?,
        })
    }

    /// A scenario evaluated: before, after and difference, and the report after.
    #[wasm_bindgen(js_name = evaluateScenario, unchecked_return_type = "ScenarioResult")]
    pub fn evaluate_scenario(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    ) -> Result<JsValue, JsValue> {
        let s: scenario::Scenario = from_object(&scenario, "scenario")?;
        to_plain(&s.evaluate(&self.inner).js_err()?)
    }

    /// What the region would lose without one business.
    #[wasm_bindgen(js_name = businessFootprint, unchecked_return_type = "BusinessFootprint")]
    pub fn business_footprint(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Business")] business: JsValue,
    ) -> Result<JsValue, JsValue> {
        let b: scenario::Business = from_object(&business, "business")?;
        to_plain(&scenario::business_footprint(&self.inner, &b).js_err()?)
    }
}
