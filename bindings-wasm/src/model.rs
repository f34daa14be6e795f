//! The open Leontief model of a table: solves and the inverse.

use wasm_bindgen::prelude::*;

use crate::error::IntoJs;
use crate::table::RegionalTable;

#[wasm_bindgen]
impl RegionalTable {
    /// x = L f: the output that final demand f requires.
    pub fn solve(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] f: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let f = crate::convert::vector(&f, "f")?;
        localecon::LeontiefModel::new(&self.inner)
            .js_err()?
            .solve(&f)
            .js_err()
    }

    /// The Leontief inverse, row-major (O(n³)).
    #[wasm_bindgen(js_name = leontiefInverse)]
    pub fn leontief_inverse(&self) -> Result<Vec<f64>, JsValue> {
        localecon::LeontiefModel::new(&self.inner)
            .js_err()?
            .leontief_inverse()
            .js_err()
    }

    /// Model LMk per sector (household-closed model, k rounds).
    #[wasm_bindgen(js_name = modelLm)]
    pub fn model_lm(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] k: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let k = crate::convert::required_whole(&k, "k", 0)?;
        localecon::lm3::model_lm(&self.inner, k).js_err()
    }
}
