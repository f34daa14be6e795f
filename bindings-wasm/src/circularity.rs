//! Circulation: Finn cycling index and ecological network analysis of money flows.

use localecon::circularity;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::convert::to_plain;
use crate::error::IntoJs;
use crate::table::RegionalTable;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A flow system for enaAnalysis: flows from row to column, row-major. */
export interface FlowSystemInput { labels: string[]; flows: number[] | Float64Array; inputs: number[]; exports: number[]; dissipation: number[] }
/** Options of enaAnalysis and RegionalTable.ena. */
export interface EnaOptions { balanceTolerance?: number; allowUnbalanced?: boolean; maxCycleLength?: number; topCycles?: number; maxCycleSteps?: number }
/** Flow indicators (enaR enaFlow names in camelCase). */
export interface FlowIndicators {
  boundary: number; tst: number; tstp: number; apl: number; fci: number; cycledThroughflow: number;
  bfi: number; dfi: number; ifi: number; idF: number | null; idFI: number | null; idFO: number | null;
  hmgI: number | null; hmgO: number | null; ampI: number; ampO: number; mode0: number; mode1: number; mode2: number;
}
/** Ulanowicz information indices (bits). */
export interface InformationIndices {
  h: number; ami: number; hr: number; capacity: number; ascendency: number; overhead: number;
  ascendencyRatio: number; overheadRatio: number; robustness: number;
  ascendencyInput: number; ascendencyInternal: number; ascendencyExport: number; ascendencyDissipation: number;
}
/** Network analysis of a flow system. */
export interface EnaAnalysis {
  labels: string[]; throughflow: number[];
  flow: FlowIndicators; information: InformationIndices;
  structure: { n: number; links: number; connectance: number; lambda1: number };
  components: { members: number[]; labels: string[]; cyclic: boolean; throughflowShare: number }[];
  cycles: { nodes: number[]; labels: string[]; bottleneck: number }[];
}
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FlowSystemInput {
    labels: Vec<String>,
    flows: Vec<f64>,
    inputs: Vec<f64>,
    exports: Vec<f64>,
    dissipation: Vec<f64>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct EnaOptions {
    balance_tolerance: Option<f64>,
    allow_unbalanced: Option<bool>,
    max_cycle_length: Option<usize>,
    top_cycles: Option<usize>,
    max_cycle_steps: Option<u64>,
}

#[derive(Serialize)]
struct EnaAnalysis {
    labels: Vec<String>,
    throughflow: Vec<f64>,
    flow: circularity::FlowIndicators,
    information: circularity::InformationIndices,
    structure: circularity::Structure,
    components: Vec<circularity::Component>,
    cycles: Vec<circularity::Cycle>,
}

fn ena_options(options: JsValue) -> Result<EnaOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(EnaOptions::default());
    }
    crate::convert::from_object(&options, "ENA options")
}

fn analyse(system: &circularity::FlowSystem, o: &EnaOptions) -> Result<JsValue, JsValue> {
    to_plain(&EnaAnalysis {
        labels: system.labels().to_vec(),
        throughflow: system.throughflow().to_vec(),
        flow: circularity::flow_indicators(system).js_err()?,
        information: circularity::information_indices(system),
        structure: circularity::structure(system).js_err()?,
        components: circularity::strongly_connected_components(system),
        cycles: circularity::strongest_cycles_bounded(
            system,
            o.max_cycle_length.unwrap_or(4),
            o.top_cycles.unwrap_or(10),
            o.max_cycle_steps
                .unwrap_or(circularity::DEFAULT_CYCLE_STEPS),
        )
        .js_err()?,
    })
}

/// Ecological network analysis of a flow system given as a plain object
/// `{labels, flows (row-major, from row to column), inputs, exports, dissipation}`:
/// flow indicators (FCI, APL, …), information indices (ascendency, robustness, …),
/// structure, strongly connected components and the strongest cycles.
#[wasm_bindgen(js_name = enaAnalysis, unchecked_return_type = "EnaAnalysis")]
pub fn ena_analysis(
    #[wasm_bindgen(unchecked_param_type = "FlowSystemInput")] system: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EnaOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let s: FlowSystemInput = crate::convert::from_object(&system, "flow system")?;
    let o = ena_options(options)?;
    let balance = circularity::Balance {
        tolerance: o
            .balance_tolerance
            .unwrap_or(localecon::table::DEFAULT_BALANCE_TOLERANCE),
        allow_unbalanced: o.allow_unbalanced.unwrap_or(false),
    };
    let system = circularity::FlowSystem::new(
        s.labels,
        s.flows,
        s.inputs,
        s.exports,
        s.dissipation,
        balance,
    )
    .js_err()?;
    analyse(&system, &o)
}

#[wasm_bindgen]
impl RegionalTable {
    /// Finn cycling index by the Leontief route ("open" or "households").
    pub fn fci(&self, closure: Option<String>) -> Result<f64, JsValue> {
        let c: circularity::Closure = closure.as_deref().unwrap_or("open").parse().js_err()?;
        circularity::fci_leontief(&self.inner, c).js_err()
    }

    /// Ecological network analysis of the table's flows ("open" or "households").
    #[wasm_bindgen(unchecked_return_type = "EnaAnalysis")]
    pub fn ena(
        &self,
        closure: Option<String>,
        #[wasm_bindgen(unchecked_param_type = "EnaOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let c: circularity::Closure = closure.as_deref().unwrap_or("open").parse().js_err()?;
        let o = ena_options(options)?;
        analyse(
            &circularity::FlowSystem::from_table(&self.inner, c).js_err()?,
            &o,
        )
    }
}
