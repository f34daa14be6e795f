//! LM3: the local multiplier of an organisation's spending.

use serde::Deserialize;
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpendingInput {
    label: String,
    amount: f64,
    local_share: f64,
    respend_local_share: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SurveyInput {
    income: f64,
    organisation_is_local: Option<bool>,
    spending: Vec<SpendingInput>,
}

/// LM3 of a survey `{income, organisationIsLocal?, spending: [{label, amount, localShare,
/// respendLocalShare}]}`: the three rounds and LM3.
#[wasm_bindgen(unchecked_return_type = "Lm3Result")]
pub fn lm3(
    #[wasm_bindgen(unchecked_param_type = "Lm3Survey")] survey: JsValue,
) -> Result<JsValue, JsValue> {
    let s: SurveyInput = crate::convert::from_object(&survey, "LM3 survey")?;
    let survey = localecon::lm3::Lm3Survey {
        income: s.income,
        organisation_is_local: s.organisation_is_local.unwrap_or(true),
        spending: s
            .spending
            .into_iter()
            .map(|x| localecon::lm3::Spending {
                label: x.label,
                amount: x.amount,
                local_share: x.local_share,
                respend_local_share: x.respend_local_share,
            })
            .collect(),
    };
    to_plain(&survey.compute().js_err()?)
}

/// The average of survey shares (plain, or weighted).
#[wasm_bindgen(js_name = averageShare)]
pub fn average_share(shares: &[f64], weights: Option<Vec<f64>>) -> Result<f64, JsValue> {
    localecon::lm3::average_share(shares, weights.as_deref()).js_err()
}
