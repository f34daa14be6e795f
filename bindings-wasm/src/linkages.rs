//! Linkages, the Ghosh model, hypothetical extraction and structural paths.

use localecon::linkages;
use wasm_bindgen::prelude::*;

use crate::convert::{optional_number, optional_text, to_plain, whole};
use crate::error::IntoJs;
use crate::table::RegionalTable;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Rasmussen–Hirschman linkages. */
export interface Linkages { sectors: Sector[]; backward: number[]; forward: number[]; forwardGhosh: number[]; class: ("key" | "backward_oriented" | "forward_oriented" | "weak")[] }
/** Structural paths of one injection. */
export interface StructuralPaths { paths: { nodes: number[]; codes: string[]; value: number }[]; total: number; coverage: number; steps: number; truncated: string | null }
"#;

#[wasm_bindgen]
impl RegionalTable {
    /// Rasmussen–Hirschman linkages and key sectors.
    #[wasm_bindgen(unchecked_return_type = "Linkages")]
    pub fn linkages(&self) -> Result<JsValue, JsValue> {
        to_plain(&linkages::Linkages::new(&self.inner).js_err()?)
    }

    /// The Ghosh inverse, row-major.
    #[wasm_bindgen(js_name = ghoshInverse)]
    pub fn ghosh_inverse(&self) -> Result<Vec<f64>, JsValue> {
        linkages::GhoshModel::new(&self.inner)
            .js_err()?
            .ghosh_inverse()
            .js_err()
    }

    /// Output lost if `sector` were extracted ("backward", "forward" or "total").
    #[wasm_bindgen(js_name = hypotheticalExtraction)]
    pub fn hypothetical_extraction(
        &self,
        sector: &str,
        kind: Option<String>,
    ) -> Result<f64, JsValue> {
        let k: linkages::Extraction = kind.as_deref().unwrap_or("total").parse().js_err()?;
        linkages::hypothetical_extraction(&self.inner, sector, k).js_err()
    }

    /// The largest supply-chain paths from final demand for `sector` to `target`.
    #[wasm_bindgen(js_name = structuralPaths, unchecked_return_type = "StructuralPaths")]
    pub fn structural_paths(
        &self,
        sector: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "string | null")] target: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | null")] cutoff: JsValue,
        #[wasm_bindgen(js_name = maxDepth, unchecked_optional_param_type = "number | null")]
        max_depth: JsValue,
        #[wasm_bindgen(js_name = topK, unchecked_optional_param_type = "number | null")] top_k: JsValue,
        #[wasm_bindgen(js_name = maxSteps, unchecked_optional_param_type = "number | null")]
        max_steps: JsValue,
    ) -> Result<JsValue, JsValue> {
        let t: linkages::PathTarget = optional_text(&target, "target")?
            .as_deref()
            .unwrap_or("value_added")
            .parse()
            .js_err()?;
        let max_steps = whole(&max_steps, "maxSteps", 1)?.map(|v| v as u64);
        let r = linkages::structural_paths_bounded(
            &self.inner,
            sector,
            t,
            optional_number(&cutoff, "cutoff")?.unwrap_or(1e-4),
            whole(&max_depth, "maxDepth", 0)?.unwrap_or(8),
            whole(&top_k, "topK", 0)?.unwrap_or(20),
            max_steps.unwrap_or(linkages::DEFAULT_PATH_STEPS),
        )
        .js_err()?;
        to_plain(&r)
    }
}
