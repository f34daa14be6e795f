//! Type I and Type II multipliers of a table.

use localecon::Multipliers;
use wasm_bindgen::prelude::*;

use crate::convert::to_plain;
use crate::error::IntoJs;
use crate::table::RegionalTable;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** One measure's effects per unit of final demand. */
export interface Effects { direct: number[]; typeI: number[]; typeII: number[] | null }
/** Type I and Type II multipliers of a table. */
export interface Multipliers {
  sectors: Sector[];
  output: Effects; income: Effects; valueAdded: Effects; employment: Effects | null;
  householdIncome: number | null; condition: number; warnings: string[];
  /** Why Type II is missing although the table has a household closure. */
  typeIIUnavailable: string | null;
  /** The satellite's accounts and assumptions, when the report was made with one. */
  satellite?: { source: string | null; stressors: StressorInfo[]; accounts: StressorAccount[]; assumptions: string[] };
}
"#;

#[wasm_bindgen]
impl RegionalTable {
    /// Type I and Type II multipliers.
    #[wasm_bindgen(unchecked_return_type = "Multipliers")]
    pub fn multipliers(&self) -> Result<JsValue, JsValue> {
        to_plain(&Multipliers::new(&self.inner).js_err()?)
    }
}
