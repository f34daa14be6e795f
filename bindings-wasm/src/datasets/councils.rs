//! Scotland's council areas (commuting, ownership), the atlases of many regions and the
//! validations against ONS, as plain objects (the full module only).

use wasm_bindgen::prelude::*;

use super::sources;
use crate::convert::to_plain;
use crate::error::IntoJs;

#[wasm_bindgen(typescript_custom_section)]
const TS: &str = r#"
/** Travel to work of one council area, 2011 census (persons aged 16+ in employment). */
export interface CouncilCommuting { code: string; council: string; dataset: string; fixedWorkplaceJobs: number; liveAndWork: number; inFromScotland: number; inFromRestOfUk: number; residentsInEmployment: number; workAtHome: number; noFixedPlace: number; offshore: number; outsideUk: number; workplacePopulation: number; residentShare: number; inCommuterShare: number; residentShareOfWorkplacePopulation: number; netRatio: number }
/** One region of an atlas. */
export interface AtlasRow { dataset: string; region: string; output: number; gva: number; compensation: number; employment: number | null; outputMultiplierTypeI: number; outputMultiplierTypeII: number | null; leakageShare: number; retentionShare: number; residentCompensationShare: number | null; fci: number; leakageByChannel: { channel: string; label: string; share: number }[] }
/** The headline indicators of many regions, one row each. */
export interface Atlas { rows: AtlasRow[]; channels: string[] }
/** One section group's share of Scotland's GVA in an area, ONS and regionalised. */
export interface SectionShare { section: string; ons: number; regionalised: number }
/** One ITL3 area's GVA 2019: ONS against its regionalised council tables. */
export interface GvaComparison { itl3: string; name: string; onsGva: number; onsShare: number; regionalisedGva: number; regionalisedShare: number; ratio: number; sections: SectionShare[] }
/** The council tables' GVA against ONS balanced regional GVA 2019, for one method and δ. */
export interface GvaValidation { method: string; delta: number; areas: GvaComparison[]; meanAbsoluteError: number }
/** One method's Type I output multipliers for Scotland (one per section) and their errors. */
export interface MethodErrors {
  label: string; method: "slq" | "cilq" | "flq" | "aflq" | null; delta: number | null; bias: number;
  meanAbsoluteError: number; worstAbsoluteError: number; worstSection: string; multipliers: number[];
}
/** The UK 2019 table regionalised to Scotland by every method against the real Scottish table. */
export interface RegionalisationValidation {
  sections: string[]; scotland: number[]; ukJobs: number[]; scotlandJobs: number[]; methods: MethodErrors[];
}
/** Census 2011 commuting against the ONS money measure in one ITL3 area. */
export interface CommutingCheck { itl3: string; name: string; censusNetRatio: number; coeRatio: number | null; residentShare: number; residentShareOfWorkplacePopulation: number }
"#;

/// Every dataset name the sources hold: the four tables, then the 32 council areas.
#[wasm_bindgen(js_name = buildDatasetNames)]
pub fn build_dataset_names(
    #[wasm_bindgen(unchecked_param_type = "DatasetSources", js_name = sources)] sources_: JsValue,
) -> Result<Vec<String>, JsValue> {
    sources(&sources_)?.names().js_err()
}

/// A council area's 2011 census travel to work, by dataset or council name (an
/// `unknown_option` error lists the closest names).
#[wasm_bindgen(js_name = buildCouncilCommuting, unchecked_return_type = "CouncilCommuting")]
pub fn build_council_commuting(
    name: &str,
    #[wasm_bindgen(unchecked_param_type = "DatasetSources", js_name = sources)] sources_: JsValue,
) -> Result<JsValue, JsValue> {
    to_plain(&commuting_value(
        &sources(&sources_)?.council(name).js_err()?,
    )?)
}

/// Every council area's 2011 census travel to work, alphabetical by council.
#[wasm_bindgen(js_name = buildCouncils, unchecked_return_type = "CouncilCommuting[]")]
pub fn build_councils(
    #[wasm_bindgen(unchecked_param_type = "DatasetSources", js_name = sources)] sources_: JsValue,
) -> Result<JsValue, JsValue> {
    let all = sources(&sources_)?.council_commuting().js_err()?;
    to_plain(
        &all.iter()
            .map(commuting_value)
            .collect::<Result<Vec<_>, _>>()?,
    )
}

/// A council's record with its derived shares, as one plain object.
fn commuting_value(
    c: &localecon::datasets::CouncilCommuting,
) -> Result<serde_json::Value, JsValue> {
    let mut v = serde_json::to_value(c).map_err(|e| crate::error::invalid("council", e))?;
    v["resident_share"] = c.resident_share().into();
    v["in_commuter_share"] = c.in_commuter_share().into();
    v["resident_share_of_workplace_population"] = c.resident_share_of_workplace_population().into();
    v["net_ratio"] = c.net_ratio().into();
    // a JSON object's keys are a map's, which `to_plain` keeps: spelt for JavaScript here
    Ok(match v {
        serde_json::Value::Object(fields) => fields
            .into_iter()
            .map(|(k, v)| (crate::case::camel_string(&k), v))
            .collect(),
        other => other,
    })
}

/// The locally owned share of each industry's operating surplus in the Scotland 2019 table
/// (sector order), with `outsideOwnedProfitShare` of private profits leaving (default 0.551).
#[wasm_bindgen(js_name = buildLocalSurplusShares)]
pub fn build_local_surplus_shares(
    #[wasm_bindgen(unchecked_param_type = "DatasetSources", js_name = sources)] sources_: JsValue,
    #[wasm_bindgen(js_name = outsideOwnedProfitShare, unchecked_optional_param_type = "number | null")]
    outside_owned_profit_share: JsValue,
) -> Result<Vec<f64>, JsValue> {
    let s = sources(&sources_)?;
    let scotland = s.scotland_2019().js_err()?;
    s.local_surplus_shares(
        &scotland,
        crate::convert::optional_number(&outside_owned_profit_share, "outsideOwnedProfitShare")?
            .unwrap_or(localecon::datasets::OUTSIDE_OWNED_PROFIT_SHARE),
    )
    .js_err()
}

/// The atlas of Scotland's 32 council areas (about a second of work: run it in a Web
/// Worker in a page).
#[wasm_bindgen(js_name = buildCouncilAtlas, unchecked_return_type = "Atlas")]
pub fn build_council_atlas(
    #[wasm_bindgen(unchecked_param_type = "DatasetSources", js_name = sources)] sources_: JsValue,
) -> Result<JsValue, JsValue> {
    to_plain(&sources(&sources_)?.scotland_council_atlas().js_err()?)
}

/// The council tables' GVA regionalised by `method` (default FLQ) and `delta` (default 0.3),
/// per ITL3 area, against ONS balanced regional GVA 2019 (32 regionalisations).
#[wasm_bindgen(js_name = buildGvaValidation, unchecked_return_type = "GvaValidation")]
pub fn build_gva_validation(
    #[wasm_bindgen(unchecked_param_type = "DatasetSources", js_name = sources)] sources_: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] method: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number | null")] delta: JsValue,
) -> Result<JsValue, JsValue> {
    let method = crate::convert::optional_text(&method, "method")?;
    let method: localecon::regionalize::LqMethod =
        method.as_deref().unwrap_or("flq").parse().js_err()?;
    let delta = crate::convert::optional_number(&delta, "delta")?;
    let delta = delta.unwrap_or(localecon::regionalize::DEFAULT_DELTA);
    to_plain(&sources(&sources_)?.gva_validation(method, delta).js_err()?)
}

/// Census 2011 commuting against the ONS money measure, per ITL3 area.
#[wasm_bindgen(js_name = buildCommutingCrossCheck, unchecked_return_type = "CommutingCheck[]")]
pub fn build_commuting_cross_check(
    #[wasm_bindgen(unchecked_param_type = "DatasetSources", js_name = sources)] sources_: JsValue,
) -> Result<JsValue, JsValue> {
    to_plain(&sources(&sources_)?.commuting_cross_check().js_err()?)
}

/// The UK 2019 table regionalised to Scotland by every method (SLQ, CILQ, FLQ and AFLQ at
/// δ = 0.1 … 0.4), each against the real Scottish table's Type I output multipliers.
#[wasm_bindgen(js_name = buildRegionalisationValidation, unchecked_return_type = "RegionalisationValidation")]
pub fn build_regionalisation_validation(
    #[wasm_bindgen(unchecked_param_type = "DatasetSources", js_name = sources)] sources_: JsValue,
) -> Result<JsValue, JsValue> {
    to_plain(&sources(&sources_)?.regionalisation_validation().js_err()?)
}

/// The atlas of Australia's Local Government Areas with jobs (547, 2021-22), each with its
/// commuting per industry (run it in a Web Worker in a page).
#[wasm_bindgen(js_name = buildAustraliaLgaAtlas, unchecked_return_type = "Atlas")]
pub fn build_australia_lga_atlas(
    #[wasm_bindgen(unchecked_param_type = "DatasetSources", js_name = sources)] sources_: JsValue,
) -> Result<JsValue, JsValue> {
    to_plain(&sources(&sources_)?.australia_lga_atlas().js_err()?)
}
