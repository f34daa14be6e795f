//! A local currency evaluated on a table.

use wasm_bindgen::prelude::*;

use crate::convert::{from_json_value, to_plain};
use crate::error::IntoJs;
use crate::table::RegionalTable;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A local currency's design (snake_case, as in Rust and Python). */
export interface LocalCurrency { acceptance?: [string, number][]; redemption?: number; fee?: number; issuer?: string; holding_days?: number; substitution?: number }
/** What a local currency does per unit issued. */
export interface CurrencyResult {
  accounts: string[]; visits: number[]; transactions: number; lifetime_days: number; velocity_per_year: number;
  local_income_per_unit: number; fee_per_unit_issued: number; fee_per_year_per_unit_in_circulation: number;
  multiplier_before: number; multiplier_after: number; retention_before: number; retention_after: number;
}
"#;

#[wasm_bindgen]
impl RegionalTable {
    /// A local currency evaluated on this table.
    #[wasm_bindgen(js_name = localCurrency, unchecked_return_type = "CurrencyResult")]
    pub fn local_currency(
        &self,
        #[wasm_bindgen(unchecked_param_type = "LocalCurrency")] design: JsValue,
    ) -> Result<JsValue, JsValue> {
        let c: localecon::currency::LocalCurrency = from_json_value(&design, "local currency")?;
        to_plain(&localecon::currency::local_currency(&self.inner, &c).js_err()?)
    }
}
