//! Satellite accounts for JavaScript: stressors × sectors in (camelCase options), plain
//! result objects out. No economics here: validation lives in the core.

use localecon::satellite::{self, Gwp100, SatelliteParts};
use wasm_bindgen::prelude::*;

use crate::convert::{from_object, to_plain, vector};
use crate::error::IntoJs;
use crate::table::RegionalTable;

#[wasm_bindgen(typescript_custom_section)]
const TS_SATELLITE: &'static str = r#"
/** One stressor: a direct amount per sector (or per unit of output) in a stated unit. */
export interface StressorInput {
  name: string; unit: string; gas?: "co2" | "ch4" | "n2o" | "hfc" | "pfc" | "nf3" | "sf6";
  values: number[]; household?: number; removals?: boolean;
}
/** What one unit of money imported from `origin` carries of `stressor` (one value, or one per product). */
export interface ImportFactorInput { origin: string; stressor: string; values: number[] }
/** Everything a Satellite is made of. */
export interface SatelliteInput {
  stressors: StressorInput[]; importFactors?: ImportFactorInput[]; perUnitOfOutput?: boolean;
  source?: string; assumptions?: string[];
}
export interface StressorEffects { direct: number[]; typeI: number[]; typeII: number[] | null }
export interface StressorMultipliers {
  sectors: Sector[]; stressors: StressorInfo[]; moneyUnit: string; effects: StressorEffects[];
  typeIIUnavailable: string | null; assumptions: string[];
}
export interface Footprint {
  sectors: Sector[]; stressors: StressorInfo[]; local: number[][];
  byOrigin: [string, number[][]][]; importBasis: ImportBasis | null; assumptions: string[];
}
export interface SatelliteAccounts { region: string; stressors: StressorAccount[]; assumptions: string[] }
export interface StressorChange {
  name: string; unit: string; production: number; consumption: number;
  embodiedInImports: number; embodiedInExports: number;
}
"#;

/// Stressors (jobs, FTE, greenhouse gases, any user stressor) of a table's sectors, held as
/// intensities per unit of output. Free it when done.
#[wasm_bindgen]
pub struct Satellite {
    pub(crate) inner: satellite::Satellite,
}

#[wasm_bindgen]
impl Satellite {
    /// Validates stressors against a table (one value per sector, finite, non-negative unless
    /// `removals`, import factors for import rows of the table).
    #[wasm_bindgen(constructor)]
    pub fn new(
        table: &RegionalTable,
        #[wasm_bindgen(unchecked_param_type = "SatelliteInput")] parts: JsValue,
    ) -> Result<Satellite, JsValue> {
        // NaN stays a number (for the core's non_finite error with its place)
        let parts: SatelliteParts = from_object(&parts, "satellite")?;
        Ok(Self {
            inner: satellite::Satellite::new(&table.inner, parts).js_err()?,
        })
    }

    /// The table's employment as a one-stressor satellite ("employment").
    pub fn employment(table: &RegionalTable) -> Result<Satellite, JsValue> {
        Ok(Self {
            inner: satellite::Satellite::employment(&table.inner).js_err()?,
        })
    }

    /// The stressors' names.
    #[wasm_bindgen(getter)]
    pub fn names(&self) -> Vec<String> {
        self.inner
            .stressors()
            .iter()
            .map(|s| s.name.clone())
            .collect()
    }

    /// The stressors' units.
    #[wasm_bindgen(getter)]
    pub fn units(&self) -> Vec<String> {
        self.inner
            .stressors()
            .iter()
            .map(|s| s.unit.clone())
            .collect()
    }

    /// Source and licence line of the stressors.
    #[wasm_bindgen(getter)]
    pub fn source(&self) -> Option<String> {
        self.inner.parts().source.clone()
    }

    /// The assumptions the numbers rest on.
    #[wasm_bindgen(getter)]
    pub fn assumptions(&self) -> Vec<String> {
        self.inner.parts().assumptions.clone()
    }

    /// Intensities S per unit of output, row-major stressors × sectors.
    pub fn intensities(&self) -> Vec<f64> {
        self.inner.intensities().to_vec()
    }

    /// A new satellite with one more stressor: every gas converted to CO2e ("ar4" or "ar5"
    /// GWP100) in `unit` and added up.
    pub fn characterise(&self, name: &str, unit: &str, gwp: &str) -> Result<Satellite, JsValue> {
        let gwp: Gwp100 = gwp.parse().js_err()?;
        Ok(Self {
            inner: self.inner.characterise(name, unit, gwp).js_err()?,
        })
    }

    /// A new satellite with one more stressor `name = Σ factor·stressor`.
    pub fn combine(
        &self,
        name: &str,
        unit: &str,
        #[wasm_bindgen(unchecked_param_type = "Record<string, number>")] factors: JsValue,
    ) -> Result<Satellite, JsValue> {
        let factors: std::collections::BTreeMap<String, f64> = from_object(&factors, "factors")?;
        let factors: Vec<(String, f64)> = factors.into_iter().collect();
        Ok(Self {
            inner: self.inner.combine(name, unit, &factors).js_err()?,
        })
    }

    /// Stressor multipliers S·L (Type I) and S·L̄ (Type II) on `table`; `typeII = false` skips
    /// the household closure.
    #[wasm_bindgen(unchecked_return_type = "StressorMultipliers")]
    pub fn multipliers(
        &self,
        table: &RegionalTable,
        #[wasm_bindgen(js_name = typeII, unchecked_optional_param_type = "boolean | null")] type_ii: JsValue,
    ) -> Result<JsValue, JsValue> {
        let m = if crate::convert::flag(&type_ii, "typeII")?.unwrap_or(true) {
            self.inner.multipliers(&table.inner)
        } else {
            self.inner.multipliers_type_i(&table.inner)
        };
        to_plain(&m.js_err()?)
    }

    /// What one unit of final demand for each sector causes inside the region and at each
    /// import origin.
    #[wasm_bindgen(unchecked_return_type = "Footprint")]
    pub fn footprint(&self, table: &RegionalTable) -> Result<JsValue, JsValue> {
        to_plain(&self.inner.footprint(&table.inner).js_err()?)
    }

    /// The region's production- and consumption-based accounts.
    #[wasm_bindgen(unchecked_return_type = "SatelliteAccounts")]
    pub fn accounts(&self, table: &RegionalTable) -> Result<JsValue, JsValue> {
        to_plain(&self.inner.accounts(&table.inner).js_err()?)
    }

    /// Where a final demand causes each stressor, row-major stressors × sectors.
    #[wasm_bindgen(js_name = causedBy)]
    pub fn caused_by(
        &self,
        table: &RegionalTable,
        #[wasm_bindgen(js_name = finalDemand, unchecked_param_type = "Float64Array | number[]")]
        final_demand: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let f = vector(&final_demand, "finalDemand")?;
        let rows = self.inner.caused_by(&table.inner, &f).js_err()?;
        Ok(rows.concat())
    }

    /// The satellite as JSON (its parts, sectors and intensities).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsValue> {
        serde_json::to_string(&self.inner).map_err(|e| crate::error::invalid("satellite", e))
    }
}

#[wasm_bindgen]
impl RegionalTable {
    /// The report with the satellite's figures: every sector's stressors per unit of final
    /// demand, inside and outside the region, and the region's accounts.
    #[wasm_bindgen(js_name = reportWithSatellite, unchecked_return_type = "RegionReport")]
    pub fn report_with_satellite(&self, satellite: &Satellite) -> Result<JsValue, JsValue> {
        to_plain(&localecon::RegionReport::with_satellite(&self.inner, &satellite.inner).js_err()?)
    }

    /// A scenario evaluated with a satellite: `stressors` gives the change of each stressor
    /// (jobs, emissions here and through the imports).
    #[wasm_bindgen(js_name = evaluateScenarioWithSatellite, unchecked_return_type = "ScenarioResult")]
    pub fn evaluate_scenario_with_satellite(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
        satellite: &Satellite,
    ) -> Result<JsValue, JsValue> {
        let s: localecon::scenario::Scenario = from_object(&scenario, "scenario")?;
        to_plain(
            &s.evaluate_with_satellite(&self.inner, &satellite.inner)
                .js_err()?,
        )
    }
}

/// The embedded satellite of a dataset ("scotland-2019", "glasgow-2019") on its table,
/// built from the raw files (`localecon/data` ships them); `undefined` for other datasets.
#[wasm_bindgen(js_name = buildSatellite)]
pub fn build_satellite(
    name: &str,
    table: &RegionalTable,
    #[wasm_bindgen(unchecked_param_type = "DatasetSources")] sources: JsValue,
) -> Result<Option<Satellite>, JsValue> {
    let sources: localecon::datasets::Sources = from_object(&sources, "dataset sources")?;
    Ok(sources
        .satellite(name, &table.inner)
        .js_err()?
        .map(|inner| Satellite { inner }))
}

/// Scales national intensities to a region's published totals by group.
#[wasm_bindgen(unchecked_return_type = "{ intensities: number[]; factors: [string, number][] }")]
pub fn calibrate(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] intensities: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] output: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] groups: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, number>")] totals: JsValue,
) -> Result<JsValue, JsValue> {
    let (intensities, output) = (vector(&intensities, "intensities")?, vector(&output, "output")?);
    let groups = crate::convert::strings(&groups, "groups")?;
    let totals: std::collections::BTreeMap<String, f64> = from_object(&totals, "totals")?;
    let totals: Vec<(String, f64)> = totals.into_iter().collect();
    to_plain(&satellite::calibrate(&intensities, &output, &groups, &totals).js_err()?)
}
