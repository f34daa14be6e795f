//! Regionalisation: location quotients, FLQ, RAS and commuting shares.

use localecon::regionalize;
use wasm_bindgen::prelude::*;

use crate::convert::{
    number, optional_number, optional_text, required_whole, strings, to_plain, vector, whole,
};
use crate::error::IntoJs;
use crate::table::RegionalTable;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Options of RegionalTable.regionalize. */
export interface RegionalizeOptions { name?: string; method?: "slq" | "cilq" | "flq" | "aflq"; delta?: number; residentCompensationShare?: number | number[]; localSurplusShare?: number | number[]; employmentUnit?: string }
/** The result of ras. */
export interface RasResult { matrix: number[]; rowFactors: number[]; columnFactors: number[]; iterations: number; converged: boolean; maxRelativeGap: number }
"#;

/// The regionalisation options as JavaScript spells them: the core's `RegionalizeOptions`,
/// its defaults for what is not given.
fn regionalize_options(options: JsValue) -> Result<regionalize::RegionalizeOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(regionalize::RegionalizeOptions::default());
    }
    crate::convert::from_object(&options, "regionalisation options")
}

fn employment_pair(
    regional: &JsValue,
    national: &JsValue,
) -> Result<regionalize::EmploymentPair, JsValue> {
    let regional = vector(regional, "regional")?;
    let codes: Vec<String> = (1..=regional.len()).map(|k| format!("sector {k}")).collect();
    regionalize::EmploymentPair::new(regional, vector(national, "national")?, &codes).js_err()
}

/// The quotient matrix Q (row-major n × n) of a method ("slq", "cilq", "flq", "aflq").
#[wasm_bindgen(js_name = locationQuotients)]
pub fn location_quotients(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] regional: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] national: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] method: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number | null")] delta: JsValue,
) -> Result<Vec<f64>, JsValue> {
    let pair = employment_pair(&regional, &national)?;
    let m: regionalize::LqMethod = optional_text(&method, "method")?
        .as_deref().unwrap_or("flq").parse().js_err()?;
    regionalize::quotient_matrix(&pair, m, optional_number(&delta, "delta")?.unwrap_or(regionalize::DEFAULT_DELTA)).js_err()
}

/// Simple location quotients.
#[wasm_bindgen]
pub fn slq(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] regional: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] national: JsValue,
) -> Result<Vec<f64>, JsValue> {
    Ok(employment_pair(&regional, &national)?.slq())
}

/// Flegg's λ* = [log2(1 + TRE/TNE)]^δ.
#[wasm_bindgen(js_name = fleggLambda)]
pub fn flegg_lambda(
    #[wasm_bindgen(js_name = regionalTotal, unchecked_param_type = "number")] regional_total: JsValue,
    #[wasm_bindgen(js_name = nationalTotal, unchecked_param_type = "number")] national_total: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] delta: JsValue,
) -> Result<f64, JsValue> {
    let regional_total = number(&regional_total, "regionalTotal")?;
    let (national_total, delta) = (number(&national_total, "nationalTotal")?, number(&delta, "delta")?);
    regionalize::flegg_lambda(regional_total, national_total, delta).js_err()
}

/// RAS balancing of a row-major `rows × cols` matrix to row and column targets.
#[wasm_bindgen(unchecked_return_type = "RasResult")]
pub fn ras(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] u0: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] rows: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] cols: JsValue,
    #[wasm_bindgen(js_name = rowTargets, unchecked_param_type = "Float64Array | number[]")]
    row_targets: JsValue,
    #[wasm_bindgen(js_name = colTargets, unchecked_param_type = "Float64Array | number[]")]
    col_targets: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number | null")] tolerance: JsValue,
    #[wasm_bindgen(js_name = maxIterations, unchecked_optional_param_type = "number | null")]
    max_iterations: JsValue,
) -> Result<JsValue, JsValue> {
    let d = regionalize::RasOptions::default();
    let o = regionalize::RasOptions {
        tolerance: optional_number(&tolerance, "tolerance")?.unwrap_or(d.tolerance),
        max_iterations: whole(&max_iterations, "maxIterations", 0)?.unwrap_or(d.max_iterations),
    };
    let (rt, ct) = (vector(&row_targets, "rowTargets")?, vector(&col_targets, "colTargets")?);
    let u0 = vector(&u0, "u0")?;
    let (rows, cols) = (required_whole(&rows, "rows", 0)?, required_whole(&cols, "cols", 0)?);
    to_plain(&regionalize::ras(&u0, rows, cols, &rt, &ct, o).js_err()?)
}

/// Maps values by source code (an object, read in code order as in Python) onto `targets`
/// with a lookup of `[source, target]` or `[source, target, weight]` links: each source value
/// is split across its targets by weight (equally when unweighted).
#[wasm_bindgen(js_name = mapConcordance)]
pub fn map_concordance(
    #[wasm_bindgen(unchecked_param_type = "Record<string, number>")] values: JsValue,
    #[wasm_bindgen(unchecked_param_type = "([string, string] | [string, string, number])[]")]
    lookup: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] targets: JsValue,
) -> Result<Vec<f64>, JsValue> {
    let targets = strings(&targets, "targets")?;
    let values: std::collections::BTreeMap<String, f64> =
        crate::convert::from_object(&values, "concordance values")?;
    let links: Vec<regionalize::ConcordanceLink> =
        crate::convert::from_object(&lookup, "concordance lookup")?;
    let values: Vec<(String, f64)> = values.into_iter().collect();
    regionalize::Concordance::from_links(links)
        .apply(&values, &targets)
        .js_err()
}

/// The resident share of jobs from live-and-work counts.
#[wasm_bindgen(js_name = residentShare)]
pub fn resident_share(
    #[wasm_bindgen(js_name = liveAndWork, unchecked_param_type = "number")] live_and_work: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] jobs: JsValue,
) -> Result<f64, JsValue> {
    let (live_and_work, jobs) = (number(&live_and_work, "liveAndWork")?, number(&jobs, "jobs")?);
    regionalize::resident_share(live_and_work, jobs).js_err()
}

#[wasm_bindgen]
impl RegionalTable {
    /// A regional table from this national table and employment by sector (location
    /// quotients); the new table must be freed too.
    pub fn regionalize(
        &self,
        #[wasm_bindgen(js_name = nationalEmployment, unchecked_param_type = "Float64Array | number[]")]
        national_employment: JsValue,
        #[wasm_bindgen(js_name = regionalEmployment, unchecked_param_type = "Float64Array | number[]")]
        regional_employment: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RegionalizeOptions")] options: JsValue,
    ) -> Result<RegionalTable, JsValue> {
        let o = regionalize_options(options)?;
        Ok(RegionalTable {
            inner: regionalize::regionalize(
                &self.inner,
                &vector(&national_employment, "nationalEmployment")?,
                &vector(&regional_employment, "regionalEmployment")?,
                &o,
            )
            .js_err()?,
        })
    }

    /// A Monte Carlo over a regionalisation of this national table (`delta`,
    /// `resident_share`, `local_surplus_share`, `tax_retention`, `flow_noise`; `spec` as in
    /// `councilUncertainty`), at most 10,000 draws here: heavy, use a Web Worker.
    #[wasm_bindgen(js_name = regionalizeUncertainty, unchecked_return_type = "MonteCarlo")]
    pub fn regionalize_uncertainty(
        &self,
        #[wasm_bindgen(js_name = nationalEmployment, unchecked_param_type = "Float64Array | number[]")]
        national_employment: JsValue,
        #[wasm_bindgen(js_name = regionalEmployment, unchecked_param_type = "Float64Array | number[]")]
        regional_employment: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RegionalizeOptions | undefined")] options: JsValue,
        #[wasm_bindgen(unchecked_param_type = "UncertaintySpec")] spec: JsValue,
    ) -> Result<JsValue, JsValue> {
        let o = regionalize_options(options)?;
        let spec: localecon::uncertainty::UncertaintySpec =
            crate::convert::from_object(&spec, "uncertainty spec")?;
        crate::convert::to_plain(
            &localecon::uncertainty::regionalised(
                &self.inner,
                &vector(&national_employment, "nationalEmployment")?,
                &vector(&regional_employment, "regionalEmployment")?,
                &o,
                &spec,
                crate::uncertainty::WASM_MAX_DRAWS,
            )
            .js_err()?,
        )
    }
}
