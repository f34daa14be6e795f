//! A local currency evaluated on a table.

use wasm_bindgen::prelude::*;

use crate::convert::{from_object, to_plain};
use crate::error::IntoJs;
use crate::table::RegionalTable;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A local currency's design (camelCase keys, as every JavaScript input). */
export interface LocalCurrency { acceptance?: [string, number][]; redemption?: number; fee?: number; issuer?: string; holdingDays?: number; substitution?: number }
/** What a local currency does per unit issued. */
export interface CurrencyResult {
  accounts: string[]; visits: number[]; transactions: number; lifetimeDays: number; velocityPerYear: number;
  localIncomePerUnit: number; feePerUnitIssued: number; feePerYearPerUnitInCirculation: number;
  multiplierBefore: number; multiplierAfter: number; retentionBefore: number; retentionAfter: number;
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
        let c: localecon::currency::LocalCurrency = from_object(&design, "local currency")?;
        to_plain(&localecon::currency::local_currency(&self.inner, &c).js_err()?)
    }
}
