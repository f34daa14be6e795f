//! The headline report of a table.

use localecon::RegionReport;
use localecon::interchange;
use wasm_bindgen::prelude::*;

use crate::convert::to_plain;
use crate::error::IntoJs;
use crate::table::RegionalTable;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** One sector of a RegionReport. */
export interface SectorReport {
  code: string; name: string; output: number;
  output_multiplier_type_i: number; output_multiplier_type_ii: number | null;
  income_effect_type_i: number; income_effect_type_ii: number | null; income_multiplier_type_i: number;
  gva_effect_type_i: number; gva_effect_type_ii: number | null; employment_effect_type_i: number | null; employment_effect_type_ii: number | null;
  leakage_share: number; retention_share: number;
  leakage_by_channel: Record<string, number>; closed_leakage_by_channel: Record<string, number> | null;
  local_purchase_coefficient: number;
  /** Stressors per unit of final demand, when the report was made with a satellite. */
  footprint?: SectorFootprint[];
}
/** The headline indicators of a region. */
export interface RegionReport {
  format: "localecon-report"; version: number; region: string; unit: string; employment_unit: string | null; source: string | null;
  n_sectors: number;
  totals: { output: number; gva: number; compensation: number; imports: number; final_demand: number; household_consumption: number };
  output_multiplier_type_i: number; output_multiplier_type_ii: number | null;
  leakage_share: number; retention_share: number;
  leakage_by_channel: { channel: string; label: string; share: number }[];
  household_income: number | null;
  sectors: SectorReport[];
  audit: AuditCheck[];
  warnings: string[];
  /** Why Type II is missing although the table has a household closure. */
  type_ii_unavailable: string | null;
}
"#;

/// The report of a table given as interchange JSON (stateless: nothing to free).
#[wasm_bindgen(js_name = reportFromJson, unchecked_return_type = "RegionReport")]
pub fn report_from_json(text: &str) -> Result<JsValue, JsValue> {
    to_plain(&RegionReport::new(&interchange::read_json(text).js_err()?).js_err()?)
}

/// The report of a table given in the labelled CSV layout (stateless: nothing to free).
#[wasm_bindgen(js_name = reportFromCsv, unchecked_return_type = "RegionReport")]
pub fn report_from_csv(text: &str) -> Result<JsValue, JsValue> {
    to_plain(&RegionReport::new(&interchange::read_csv(text).js_err()?).js_err()?)
}

#[wasm_bindgen]
impl RegionalTable {
    /// The RegionReport as a plain object. `progress`, when given, is called as
    /// `progress(stage, done)` before each stage (`done` from 0 to 1), as in Python: what the
    /// benchmarks use to time the stages. An exception it throws is rethrown when the
    /// report has run (the report is then dropped).
    #[wasm_bindgen(unchecked_return_type = "RegionReport")]
    pub fn report(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "((stage: string, done: number) => void) | undefined"
        )]
        progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsValue> {
        let Some(callback) = progress else {
            return to_plain(&RegionReport::new(&self.inner).js_err()?);
        };
        let mut thrown: Option<JsValue> = None;
        let report = RegionReport::with_progress(&self.inner, &mut |stage, done| {
            if thrown.is_none()
                && let Err(e) = callback.call2(&JsValue::NULL, &stage.into(), &done.into())
            {
                thrown = Some(e);
            }
        });
        if let Some(e) = thrown {
            return Err(e);
        }
        to_plain(&report.js_err()?)
    }

    /// The report as readable text.
    #[wasm_bindgen(js_name = reportText)]
    pub fn report_text(&self) -> Result<String, JsValue> {
        Ok(RegionReport::new(&self.inner).js_err()?.to_string())
    }
}
