//! Uncertainty for JavaScript: a council's Monte Carlo (the spec is the same JSON data as in
//! Rust and Python), as a plain object. Heavy: run it in a Web Worker.

use wasm_bindgen::prelude::*;

use crate::convert::{from_object, to_plain};
use crate::error::IntoJs;
use crate::table::RegionalTable;

/// The most draws one call takes in WebAssembly (one thread: 200 draws of a council take about 0.3 s in Chromium, as the browser test measures).
pub const WASM_MAX_DRAWS: usize = 10_000;

#[wasm_bindgen(typescript_custom_section)]
const TS: &str = r#"
/** A distribution: a number (fixed), [low, high] (uniform), [low, mode, high] (triangular), or tagged. */
export type Distribution = number | [number, number] | [number, number, number]
  | { kind: "fixed"; value: number } | { kind: "uniform"; low: number; high: number }
  | { kind: "triangular"; low: number; mode: number; high: number };
/** What a Monte Carlo draws: assumptions by name (in their order), draws, seed, quantiles. */
export interface UncertaintySpec {
  assumptions: Record<string, Distribution> | [string, Distribution][];
  draws: number; seed?: number; quantiles?: number[]; firstDraw?: number;
}
/** One indicator over the draws. */
export interface Summary { indicator: string; published: number; median: number; mean: number; quantiles: number[]; min: number; max: number }
/** A Monte Carlo's draws, bands and sensitivity (indicators × assumptions). */
export interface MonteCarlo {
  assumptions: string[]; indicators: string[]; quantiles: number[]; seed: number; firstDraw: number;
  inputs: number[][]; outputs: number[][]; summary: Summary[]; rankCorrelation: number[][];
  varianceShare: number[][]; notes: string[];
}
"#;

/// A Monte Carlo over a council table's assumptions (see the Rust `council_uncertainty`): at
/// most 10,000 draws here (on one thread: call it from a Web Worker).
#[wasm_bindgen(js_name = buildCouncilUncertainty, unchecked_return_type = "MonteCarlo")]
pub fn build_council_uncertainty(
    council: &str,
    #[wasm_bindgen(unchecked_param_type = "UncertaintySpec")] spec: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DatasetSources")] sources: JsValue,
) -> Result<JsValue, JsValue> {
    run(&spec, &sources, |s, spec| {
        s.council_uncertainty(council, spec, WASM_MAX_DRAWS)
    })
}

/// Reads the spec and the sources, runs a Monte Carlo of the embedded data, returns it plain.
fn run(
    spec: &JsValue,
    sources: &JsValue,
    monte_carlo: impl FnOnce(
        &localecon::datasets::Sources,
        &localecon::uncertainty::UncertaintySpec,
    ) -> localecon::Result<localecon::uncertainty::MonteCarlo>,
) -> Result<JsValue, JsValue> {
    let spec = from_object(spec, "uncertainty spec")?;
    let sources = from_object(sources, "dataset sources")?;
    to_plain(&monte_carlo(&sources, &spec).js_err()?)
}

/// A Monte Carlo over an Australian LGA table's assumptions (`delta`, `resident_share`,
/// `local_surplus_share`, `tax_retention`, `flow_noise`), at most 10,000 draws here.
#[wasm_bindgen(js_name = buildLgaUncertainty, unchecked_return_type = "MonteCarlo")]
pub fn build_lga_uncertainty(
    lga: &str,
    #[wasm_bindgen(unchecked_param_type = "UncertaintySpec")] spec: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DatasetSources")] sources: JsValue,
) -> Result<JsValue, JsValue> {
    run(&spec, &sources, |s, spec| {
        s.australia_lga_uncertainty(lga, spec, WASM_MAX_DRAWS)
    })
}

/// The default Monte Carlo spec of a council (the stated default ranges), to pass to
/// `councilUncertainty` as it is or changed.
#[wasm_bindgen(js_name = buildCouncilDefaultUncertainty, unchecked_return_type = "UncertaintySpec")]
pub fn build_council_default_uncertainty(
    council: &str,
    #[wasm_bindgen(unchecked_param_type = "number")] draws: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number | bigint")] seed: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DatasetSources")] sources: JsValue,
) -> Result<JsValue, JsValue> {
    let sources: localecon::datasets::Sources = from_object(&sources, "dataset sources")?;
    let draws = crate::convert::required_whole(&draws, "draws", 0)?;
    let seed = crate::convert::seed(&seed)?;
    to_plain(
        &sources
            .council_default_uncertainty(council, draws, seed)
            .js_err()?,
    )
}

#[wasm_bindgen]
impl RegionalTable {
    /// A Monte Carlo over this table's assumptions (`resident_share`, `local_surplus_share`,
    /// `tax_retention`, `flow_noise`), at most 10,000 draws here; heavy: use a Web Worker.
    #[wasm_bindgen(unchecked_return_type = "MonteCarlo")]
    pub fn uncertainty(
        &self,
        #[wasm_bindgen(unchecked_param_type = "UncertaintySpec")] spec: JsValue,
    ) -> Result<JsValue, JsValue> {
        let spec: localecon::uncertainty::UncertaintySpec = from_object(&spec, "uncertainty spec")?;
        to_plain(&self.inner.uncertainty(&spec, WASM_MAX_DRAWS).js_err()?)
    }
}
