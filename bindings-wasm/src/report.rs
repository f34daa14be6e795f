//! The headline report of a table.

use localecon::RegionReport;
use localecon::interchange;
use wasm_bindgen::prelude::*;

use crate::convert::to_plain;
use crate::error::{FromFile, IntoJs};
use crate::table::RegionalTable;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A stressor of a satellite: its name and unit. */
export interface StressorInfo { name: string; unit: string }
/** An amount by the region it comes from or goes to. */
export interface OriginAmount { origin: string; amount: number }
/** A stressor's account in a region (the report's `satellite` part). */
export interface StressorAccount {
  name: string; unit: string; production: number; industries: number; households: number;
  consumption: number; localForLocal: number; embodiedInExports: number;
  embodiedInImports: OriginAmount[]; importsForExports: OriginAmount[]; identityGap: number;
}
/** One stressor per unit of a sector's final demand (a report's sector, with a satellite). */
export interface SectorFootprint {
  stressor: string; direct: number; typeI: number; typeII: number | null; outside: number; localShare: number;
}
/** One sector of a RegionReport. */
export interface SectorReport {
  code: string; name: string; output: number;
  outputMultiplierTypeI: number; outputMultiplierTypeII: number | null;
  incomeEffectTypeI: number; incomeEffectTypeII: number | null; incomeMultiplierTypeI: number;
  gvaEffectTypeI: number; gvaEffectTypeII: number | null; employmentEffectTypeI: number | null; employmentEffectTypeII: number | null;
  leakageShare: number; retentionShare: number;
  leakageByChannel: Record<string, number>; closedLeakageByChannel: Record<string, number> | null;
  localPurchaseCoefficient: number;
  /** Stressors per unit of final demand, when the report was made with a satellite. */
  footprint?: SectorFootprint[];
}
/** The headline indicators of a region. */
export interface RegionReport {
  format: "localecon-report"; version: number; region: string; unit: string; employmentUnit: string | null; source: string | null;
  nSectors: number;
  totals: { output: number; gva: number; compensation: number; imports: number; finalDemand: number; householdConsumption: number };
  outputMultiplierTypeI: number; outputMultiplierTypeII: number | null;
  leakageShare: number; retentionShare: number;
  leakageByChannel: { channel: string; label: string; share: number }[];
  /** The retention shares the table assumes: one number for all sectors, or one per sector. */
  retentionAssumptions: { taxesOnProducts: number | number[]; taxesOnProduction: number | number[]; compensation: number | number[]; operatingSurplus: number | number[]; other: number | number[] };
  /** How households are closed into the Type II model. */
  householdClosure: { incomeSources: "compensation" | "compensation_and_surplus"; householdIncome: number | null };
  householdIncome: number | null;
  /** How money circulates: Finn cycling index, average path length, robustness (open and household-closed). */
  circulation: { fci: number; apl: number; robustness: number; ascendencyRatio: number; fciClosed: number | null; aplClosed: number | null; robustnessClosed: number | null };
  sectors: SectorReport[];
  audit: AuditCheck[];
  warnings: string[];
  /** Why Type II is missing although the table has a household closure. */
  typeIIUnavailable: string | null;
  /** The satellite accounts, when the report was made with a satellite (the embedded datasets' reports carry one). */
  satellite?: { source: string | null; stressors: StressorInfo[]; accounts: StressorAccount[]; assumptions: string[] };
}
"#;

/// The report of a table given as interchange JSON (stateless: nothing to free).
#[wasm_bindgen(js_name = reportFromJson, unchecked_return_type = "RegionReport")]
pub fn report_from_json(text: &str) -> Result<JsValue, JsValue> {
    to_plain(&RegionReport::new(&interchange::read_json(text).file_err()?).js_err()?)
}

/// The report of a table given in the labelled CSV layout (stateless: nothing to free).
#[wasm_bindgen(js_name = reportFromCsv, unchecked_return_type = "RegionReport")]
pub fn report_from_csv(text: &str) -> Result<JsValue, JsValue> {
    to_plain(&RegionReport::new(&interchange::read_csv(text).file_err()?).js_err()?)
}

/// Three sectors in the labelled CSV layout, their numbers of 17 significant digits like the
/// embedded tables' (so that the number parser's long path runs too), with households and a
/// household closure: a table whose report takes every step of a real one.
const WARM_UP_CSV: &str = "# household_income: 200.12345678901234
kind,code,name,a,b,c,HH,EX
,,,sector,sector,sector,households,exports_rest_of_world
sector,a,A,10.123456789012345,20.987654321098765,5.0123456789012345,45.123456789012345,20.5
sector,b,B,5.1234567890123456,10.234567890123456,20.345678901234567,40.456789012345678,25.75
sector,c,C,5.9876543210987654,5.8765432109876543,10.765432109876543,60.654321098765432,20.25
compensation,CoE,Compensation,48.30740740734073,38.887036302303706,40.44629643042962,,
operating_surplus,GOS,Surplus,12.076851851835183,9.721759075575926,10.111574107607405,,
imports_rest_of_world,RoW,Imports,20.12808641972531,16.202931792626543,16.852623512679017,,
";

/// Runs a three-sector table through the path of a first report and drops it: read from CSV,
/// given imports by product and buyer and an employment vector as the embedded tables are,
/// validated, factored, reported (multipliers, leakage, closed leakage, circulation, audit)
/// and turned into a JavaScript object. Its arithmetic is a fraction of a millisecond, but
/// V8 compiles WebAssembly lazily, each function the first time it runs: called while a page
/// waits (at load, or in `requestIdleCallback`), it moves that compilation ahead of the page's
/// first real report. In headless Chromium on a 2-core machine the first Scotland report
/// (table and report) asked a second after `warmUp()` took 29–47 ms against 50–82 ms without
/// it, six runs each (`tests-browser/first-report.test.js` prints both;
/// `docs/src/benchmarks.md`). Nothing is kept: it changes no result.
///
/// # Errors
///
/// None in practice (the table is fixed); a failure would be the report's own error.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() -> Result<(), JsValue> {
    // built as the embedded tables are (`datasets::Sources`): imports by product spread over
    // the buyers, an employment vector, then validated again
    let csv = interchange::read_csv(WARM_UP_CSV).js_err()?;
    let products = [localecon::regionalize::ProductImports {
        origin: "RoW".into(),
        values: vec![20.5, 15.25, 18.125],
    }];
    let import_use = localecon::regionalize::import_use_from_products(&csv, &products).js_err()?;
    let mut parts = csv.into_parts();
    parts.import_use = Some(import_use);
    parts.employment = Some(localecon::table::Employment {
        unit: "FTE".into(),
        values: vec![1.25, 2.5, 3.75],
    });
    let table = RegionalTable {
        inner: localecon::RegionalTable::new(parts).js_err()?,
    };
    table.report(JsValue::UNDEFINED)?;
    Ok(())
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
        #[wasm_bindgen(unchecked_optional_param_type = "(stage: string, done: number) => void")]
        progress: JsValue,
    ) -> Result<JsValue, JsValue> {
        if progress.is_undefined() || progress.is_null() {
            return to_plain(&RegionReport::new(&self.inner).js_err()?);
        }
        // checked here: wasm-bindgen takes any value for a `Function` and calling a number
        // threw an untyped "arg0.call is not a function" after the report had run
        let callback: js_sys::Function = progress.dyn_into().map_err(|v| {
            let found = v.js_typeof().as_string().unwrap_or_default();
            crate::error::invalid("progress", format!("expected a function, found {found}"))
        })?;
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
