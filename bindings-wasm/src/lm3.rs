//! LM3: the local multiplier of an organisation's spending.

use wasm_bindgen::prelude::*;

use crate::convert::to_plain;
use crate::error::IntoJs;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** An LM3 survey. */
export interface Lm3Survey { income: number; organisationIsLocal?: boolean; spending: { label: string; amount: number; localShare: number; respendLocalShare: number }[] }
/** LM3 rounds. */
export interface Lm3Result { round1: number; round2: number; round3: number; localValue: number; lm3: number }
"#;

/// LM3 of a survey `{income, organisationIsLocal?, spending: [{label, amount, localShare,
/// respendLocalShare}]}`: the three rounds and LM3.
#[wasm_bindgen(unchecked_return_type = "Lm3Result")]
pub fn lm3(
    #[wasm_bindgen(unchecked_param_type = "Lm3Survey")] survey: JsValue,
) -> Result<JsValue, JsValue> {
    let survey: localecon::lm3::Lm3Survey = crate::convert::from_object(&survey, "LM3 survey")?;
    to_plain(&survey.compute().js_err()?)
}

/// The average of survey shares (plain, or weighted).
#[wasm_bindgen(js_name = averageShare)]
pub fn average_share(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] shares: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Float64Array | number[] | null")] weights: JsValue,
) -> Result<f64, JsValue> {
    let shares = crate::convert::vector(&shares, "shares")?;
    let weights = crate::convert::given(&weights)
        .map(|w| crate::convert::vector(w, "weights"))
        .transpose()?;
    localecon::lm3::average_share(&shares, weights.as_deref()).js_err()
}
