//! Circulation: Finn cycling index and ecological network analysis of money flows.

use localecon::circularity;
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

fn ena_options(options: JsValue) -> Result<circularity::EnaOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(circularity::EnaOptions::default());
    }
    crate::convert::from_object(&options, "ENA options")
}

/// Ecological network analysis of a flow system given as a plain object
/// `{labels, flows (row-major, from row to column), inputs, exports, dissipation}`:
/// flow indicators (FCI, APL, …), information indices (ascendency, robustness, …),
/// structure, strongly connected components and the strongest cycles.
#[wasm_bindgen(js_name = enaAnalysis, unchecked_return_type = "EnaAnalysis")]
pub fn ena_analysis(
    #[wasm_bindgen(unchecked_param_type = "FlowSystemInput")] system: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "EnaOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let parts: circularity::FlowSystemParts = crate::convert::from_object(&system, "flow system")?;
    let o = ena_options(options)?;
    let system = circularity::FlowSystem::from_parts(parts, o.balance()).js_err()?;
    to_plain(&circularity::analyse(&system, &o).js_err()?)
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
        #[wasm_bindgen(unchecked_optional_param_type = "string | null")] closure: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "EnaOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let closure = crate::convert::optional_text(&closure, "closure")?;
        let c: circularity::Closure = closure.as_deref().unwrap_or("open").parse().js_err()?;
        let system = circularity::FlowSystem::from_table(&self.inner, c).js_err()?;
        to_plain(&circularity::analyse(&system, &ena_options(options)?).js_err()?)
    }
}
