//! Leakage by channel, open and household-closed.

use localecon::{ClosedLeakage, Leakage};
use wasm_bindgen::prelude::*;

use crate::convert::to_plain;
use crate::error::IntoJs;
use crate::table::RegionalTable;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Open-model leakage by channel. */
export interface Leakage { sectors: Sector[]; channels: string[]; byChannel: number[][]; leakage: number[]; retention: number[] }
/** Household-closed leakage: where one unit finally ends up. */
export interface ClosedLeakage { sectors: Sector[]; channels: string[]; byChannel: number[][]; total: number[] }
"#;

#[wasm_bindgen]
impl RegionalTable {
    /// Open-model leakage by channel.
    #[wasm_bindgen(unchecked_return_type = "Leakage")]
    pub fn leakage(&self) -> Result<JsValue, JsValue> {
        to_plain(&Leakage::new(&self.inner).js_err()?)
    }

    /// Household-closed leakage by channel (sums to 1 per sector).
    #[wasm_bindgen(js_name = closedLeakage, unchecked_return_type = "ClosedLeakage")]
    pub fn closed_leakage(&self) -> Result<JsValue, JsValue> {
        to_plain(&ClosedLeakage::new(&self.inner).js_err()?)
    }

    /// Local intermediate purchases over all intermediate purchases, per sector.
    #[wasm_bindgen(js_name = localPurchaseCoefficients)]
    pub fn local_purchase_coefficients(&self) -> Vec<f64> {
        localecon::leakage::local_purchase_coefficients(&self.inner)
    }
}
