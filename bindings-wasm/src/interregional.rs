//! Interregional tables for JavaScript: regions with their own sectors in (camelCase parts),
//! the core's results out as plain objects (snake_case keys, as in Python's `to_dict()`).

use localecon::interregional::{
    self, InterregionalFinalDemand, InterregionalParts, Region, RegionSpec, Stressor,
};
use localecon::table::{DEFAULT_BALANCE_TOLERANCE, PrimaryInputRow};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::convert::{flows_from_js, text_or_bytes, to_plain};
use crate::error::{FromFile, IntoJs, invalid};
use crate::table::RegionalTable;

#[wasm_bindgen(typescript_custom_section)]
const TS_INTERREGIONAL: &'static str = r#"
/** A region of a system: its name and its sectors (codes, or code and name). */
export interface RegionInput { name: string; sectors: (string | Sector)[] }
/** A final-demand column: bought by `region`, or by nobody in the system (`region` absent: exports beyond it). */
export interface InterregionalFinalDemandInput { label: string; region?: string | null; kind: string; values: number[] | Float64Array }
/** Everything an InterregionalTable is made of; `z` is row-major N × N in region order. */
export interface InterregionalParts {
  regions: RegionInput[]; z: number[] | Float64Array; finalDemand?: InterregionalFinalDemandInput[];
  primaryInputs?: { label: string; kind: string; values: number[] | Float64Array }[];
  output?: number[] | Float64Array; name?: string; unit?: string; source?: string;
  balanceTolerance?: number; allowPurchasesAboveOutput?: boolean;
}
export interface InterregionalDecomposition {
  region: string[]; sector: string[]; total: number[]; intraRegional: number[]; spillover: number[];
  singleRegion: number[]; feedback: number[]; roundIntra: number[]; roundSpillover: number[];
  roundFeedback: number[]; leakToOtherRegions: number[]; returnedPerLeak: number[];
}
export interface RegionReturn {
  region: string; finalDemand: number; total: number; intraRegional: number; singleRegion: number;
  leakToOtherRegions: number; feedback: number; returnedPerLeak: number;
}
/** A cell of an estimated table that came out negative and was set to zero (£ million). */
export interface ClippedCell { part: string; row: string; column: string; value: number }
/** An embedded interregional table and how it was built (`interregionalBuild`). */
export interface InterregionalBuild {
  table: InterregionalTable; name: string; clipped: ClippedCell[]; clippedTotal: number;
  rowBalancing: number; columnBalancing: number; assumptions: string[];
}
/** `leak[r][s]`: region r's first-round leak spent in region s, per unit of r's final demand (rows sum to `leak_to_other_regions`). */
export interface LeakDestinations { regions: string[]; leak: number[][] }
export interface Interdependence {
  regions: string[]; blockSums: number[][]; netSpillover: number[][]; selfReliance: number[];
  spilloverOut: number[]; spilloverIn: number[]; spilloverBalance: number[]; spilloverExportShare: number[];
}
export interface InterregionalImpact { region: string[]; sector: string[]; regions: string[]; output: number[]; singleRegion: number[]; byRegion: number[] }
export interface Extraction { region: string; total: number; backward: number; forward: number }
export interface Miyazawa { region: string; sectors: string[]; internal: number[][]; external: number[][]; ownBlock: number[][] }
export interface RoundMatrices { m1: number[][]; m2: number[][]; m3: number[][] }
/** Where each region's wages go (`shares[s][r]`: of the wages paid in `r`, the share households living in `s` receive) and each region's household income. */
export interface Commuting { shares: number[][]; income?: number[] | null }
export interface TypeII {
  region: string[]; sector: string[]; regions: string[]; typeI: number[]; typeII: number[];
  typeIIIntraRegional: number[]; induced: number[]; inducedInOwnRegion: number[];
  wagesToOtherRegions: number[]; wagesBeyondSystem: number[]; householdIncome: number[];
}
export interface StressorAccounts {
  stressors: string[]; region: string[]; sector: string[]; multipliers: number[][]; production: number[][];
  consumption: number[][]; imports: number[][]; exports: number[][];
}
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartsInput {
    regions: Vec<RegionSpec>,
    /// read by `flows_from_js` (a `Float64Array` is copied once, not through serde)
    #[allow(dead_code)]
    z: serde::de::IgnoredAny,
    #[serde(default)]
    final_demand: Vec<InterregionalFinalDemand>,
    #[serde(default)]
    primary_inputs: Vec<PrimaryInputRow>,
    #[serde(default)]
    output: Option<Vec<f64>>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    balance_tolerance: Option<f64>,
    #[serde(default)]
    allow_purchases_above_output: bool,
}

/// An interregional input–output table: regions with their own sectors, `Z` in region
/// blocks, final demand by buying region. Its analyses factor the system once, on first use
/// (`2N³/3` flops for `N` entries, plus each region's own block). Free it when done.
#[wasm_bindgen]
pub struct InterregionalTable {
    pub(crate) inner: interregional::InterregionalTable,
}

/// An embedded interregional dataset from its raw files, by the same code as in Rust and
/// Python: "scotland-ruk-2019" (Scotland and the rest of the UK 2019 at the 20 SIC sections,
/// built by double entry), "scotland-ruk-2019-shared" (the same at the 94 groups both tables
/// share), "scotland-councils-2019" (Scotland's 32 council areas as one system of 3,136
/// entries), "scotland-councils-ruk-2019" (the councils and the rest of the UK, 3,102
/// entries) — each of these two about a second of work, so in a page call them from a Web
/// Worker — or "three-region-2019:<council>" (a council, the rest of Scotland and the rest of
/// the UK); its assumptions are in the table's `source` (see `toJson`).
#[wasm_bindgen(js_name = buildInterregionalDataset)]
pub fn build_interregional_dataset(
    name: &str,
    #[wasm_bindgen(unchecked_param_type = "DatasetSources")] sources: JsValue,
) -> Result<InterregionalTable, JsValue> {
    let sources: localecon::datasets::Sources =
        crate::convert::from_object(&sources, "dataset sources")?;
    Ok(InterregionalTable {
        inner: sources.interregional(name).js_err()?,
    })
}

/// An embedded interregional dataset with how it was built: `{ table, name, clipped,
/// clipped_total, row_balancing, column_balancing, assumptions }` (the cells clipped to zero,
/// in £ million, and the balancing of rows and columns), as Python's
/// `interregional_build`. Costs what `buildInterregionalDataset` costs; free `table`.
#[wasm_bindgen(js_name = buildInterregionalBuild, unchecked_return_type = "InterregionalBuild")]
pub fn build_interregional_build(
    name: &str,
    #[wasm_bindgen(unchecked_param_type = "DatasetSources")] sources: JsValue,
) -> Result<JsValue, JsValue> {
    let sources: localecon::datasets::Sources =
        crate::convert::from_object(&sources, "dataset sources")?;
    let (inner, report) = sources.interregional_build(name).js_err()?.split(name);
    let out = to_plain(&report)?;
    js_sys::Reflect::set(
        &out,
        &JsValue::from_str("table"),
        &JsValue::from(InterregionalTable { inner }),
    )?;
    Ok(out)
}

#[wasm_bindgen]
impl InterregionalTable {
    /// Builds a system from its parts (see `InterregionalParts`); errors name the region and
    /// sector of a bad value.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "InterregionalParts")] parts: JsValue,
    ) -> Result<InterregionalTable, JsValue> {
        let p: PartsInput = crate::convert::from_object(&parts, "interregional parts")?;
        let get = |key: &str| js_sys::Reflect::get(&parts, &JsValue::from_str(key));
        let z = flows_from_js(&get("z").map_err(|_| invalid("interregional parts", "no z"))?)?;
        let regions = p.regions.into_iter().map(Region::from).collect();
        let name = p.name.unwrap_or_else(|| "interregional table".into());
        let mut parts = InterregionalParts::new(name, regions, z, Vec::new());
        parts.output = p.output;
        if let Some(u) = p.unit {
            parts.unit = u;
        }
        parts.source = p.source;
        parts.final_demand = p.final_demand;
        parts.primary_inputs = p.primary_inputs;
        parts.balance_tolerance = p.balance_tolerance.unwrap_or(DEFAULT_BALANCE_TOLERANCE);
        parts.allow_purchases_above_output = p.allow_purchases_above_output;
        Ok(Self {
            inner: interregional::InterregionalTable::new(parts).js_err()?,
        })
    }

    /// Reads a system from its interchange JSON (`"format": "localecon-interregional"`): a
    /// string, or a file's bytes (a `Uint8Array`) in UTF-8 or UTF-16 with a byte-order mark.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] text: JsValue,
    ) -> Result<InterregionalTable, JsValue> {
        let inner = match text_or_bytes(&text)? {
            Ok(t) => interregional::read_json(&t),
            Err(b) => interregional::read_json_bytes(&b),
        };
        Ok(Self {
            inner: inner.file_err()?,
        })
    }

    /// The system as interchange JSON.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        interregional::write_json(&self.inner)
    }

    /// Name of the system.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.inner.parts().name.clone()
    }

    /// Money unit.
    #[wasm_bindgen(getter)]
    pub fn unit(&self) -> String {
        self.inner.parts().unit.clone()
    }

    /// `Z` of the whole system, row-major `N × N` (a copy).
    #[wasm_bindgen(getter)]
    pub fn z(&self) -> Vec<f64> {
        self.inner.z().to_vec()
    }

    /// Region names, in system order.
    #[wasm_bindgen(getter)]
    pub fn regions(&self) -> Vec<String> {
        self.inner
            .regions()
            .iter()
            .map(|r| r.name.clone())
            .collect()
    }

    /// `[region, code]` of every entry, in system order.
    #[wasm_bindgen(getter, unchecked_return_type = "[string, string][]")]
    pub fn index(&self) -> Result<JsValue, JsValue> {
        let (r, c) = self.inner.index();
        to_plain(&r.into_iter().zip(c).collect::<Vec<_>>())
    }

    /// Number of entries `N`.
    #[wasm_bindgen(getter)]
    pub fn n(&self) -> usize {
        self.inner.n()
    }

    /// Total output per entry.
    #[wasm_bindgen(getter)]
    pub fn output(&self) -> Vec<f64> {
        self.inner.output().to_vec()
    }

    fn model(&self) -> Result<&interregional::InterregionalModel, JsValue> {
        self.inner.model().js_err()
    }

    /// `A` of the whole system, row-major `N × N`.
    pub fn coefficients(&self) -> Result<Vec<f64>, JsValue> {
        Ok(self.model()?.coefficients().to_vec())
    }

    /// `L = (I − A)⁻¹`, row-major `N × N`, by `N` solves with the one LU.
    #[wasm_bindgen(js_name = leontiefInverse)]
    pub fn leontief_inverse(&self) -> Result<Vec<f64>, JsValue> {
        self.model()?.leontief().js_err()?.leontief_inverse().js_err()
    }

    /// One region as a single-region `RegionalTable` (purchases from the other regions are
    /// imports from the rest of the country).
    #[wasm_bindgen(js_name = regionTable)]
    pub fn region_table(&self, region: &str) -> Result<RegionalTable, JsValue> {
        Ok(RegionalTable {
            inner: self.inner.region_table(region).js_err()?,
        })
    }

    /// Multipliers of every entry decomposed (total, intraregional, spill-over, feedback,
    /// Round, the leak to the other regions and what comes back). `round === false` skips
    /// Round's three terms (left empty: they need `R − 1` passes over `A`); the other fields
    /// are the same to the last bit.
    #[wasm_bindgen(unchecked_return_type = "InterregionalDecomposition")]
    pub fn decomposition(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean | null")] round: JsValue,
    ) -> Result<JsValue, JsValue> {
        let round = crate::convert::flag(&round, "round")?;
        let m = self.model()?;
        to_plain(
            &if round == Some(false) {
                m.decomposition_without_round()
            } else {
                m.decomposition()
            }
            .js_err()?,
        )
    }

    /// Each region's leak to the others and what comes back, over its final-demand mix.
    #[wasm_bindgen(unchecked_return_type = "RegionReturn[]")]
    pub fn returns(&self) -> Result<JsValue, JsValue> {
        to_plain(&self.model()?.returns().js_err()?)
    }

    /// Where each region's first-round leak goes (`leak[r][s]`, weighted as in `returns`).
    /// One pass over `A` and `R` solves per region.
    #[wasm_bindgen(js_name = leakDestinations, unchecked_return_type = "LeakDestinations")]
    pub fn leak_destinations(&self) -> Result<JsValue, JsValue> {
        to_plain(&self.model()?.leak_destinations())
    }

    /// fio's interdependence measures from the block sums of `L`.
    #[wasm_bindgen(unchecked_return_type = "Interdependence")]
    pub fn interdependence(&self) -> Result<JsValue, JsValue> {
        to_plain(&self.model()?.interdependence().js_err()?)
    }

    /// fio's spill-over matrix, row-major `N × N` (at most 8,000 entries).
    #[wasm_bindgen(js_name = spilloverMatrix)]
    pub fn spillover_matrix(&self) -> Result<Vec<f64>, JsValue> {
        Ok(self.model()?.spillover_matrix().js_err()?.concat())
    }

    /// Output of the system for a final-demand change per entry, beside each region alone.
    #[wasm_bindgen(unchecked_return_type = "InterregionalImpact")]
    pub fn impact(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")]
        #[wasm_bindgen(js_name = deltaF)]
        delta_f: JsValue,
    ) -> Result<JsValue, JsValue> {
        let d = crate::convert::vector(&delta_f, "deltaF")?;
        to_plain(&self.model()?.impact(&d).js_err()?)
    }

    /// Output lost when a region's links with the others are cut.
    #[wasm_bindgen(unchecked_return_type = "Extraction")]
    pub fn extraction(&self, region: &str) -> Result<JsValue, JsValue> {
        to_plain(&self.model()?.extraction(region).js_err()?)
    }

    /// Miyazawa's internal and external multiplier matrices of a region.
    #[wasm_bindgen(unchecked_return_type = "Miyazawa")]
    pub fn miyazawa(&self, region: &str) -> Result<JsValue, JsValue> {
        to_plain(&self.model()?.miyazawa(region).js_err()?)
    }

    /// Round's multiplicative decomposition `L = M3·M2·M1` (at most 2,000 entries).
    #[wasm_bindgen(js_name = roundMatrices, unchecked_return_type = "RoundMatrices")]
    pub fn round_matrices(&self) -> Result<JsValue, JsValue> {
        to_plain(&self.model()?.round_matrices().js_err()?)
    }

    /// Type II with the households of every region: `{ shares, income? }`, `shares[s][r]` the
    /// share of the wages paid in region `r` that households living in `s` receive, `income`
    /// each region's household income (default: what its residents earn in the system). One
    /// LU of `N + R`.
    #[wasm_bindgen(js_name = typeII, unchecked_return_type = "TypeII")]
    pub fn type_ii(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Commuting")] commuting: JsValue,
    ) -> Result<JsValue, JsValue> {
        let c: interregional::Commuting = crate::convert::from_object(&commuting, "commuting")?;
        to_plain(&self.inner.type_ii(&c).js_err()?)
    }

    /// pymrio's accounts of stressors (`{label, values}` per stressor, a value per entry).
    #[wasm_bindgen(unchecked_return_type = "StressorAccounts")]
    pub fn accounts(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "{ label: string; values: number[] | Float64Array }[]"
        )]
        stressors: JsValue,
    ) -> Result<JsValue, JsValue> {
        let list: Vec<Stressor> = crate::convert::from_object(&stressors, "stressors")?;
        to_plain(&self.model()?.accounts(&list).js_err()?)
    }
}

/// The households of an embedded interregional dataset (census 2011 commuting shares and each
/// region's household income: residents' compensation times Scotland's ratio of household
/// income to compensation, 1.859), for `table.typeII(...)`.
#[wasm_bindgen(js_name = buildInterregionalHouseholds, unchecked_return_type = "Commuting")]
pub fn build_interregional_households(
    name: &str,
    table: &InterregionalTable,
    #[wasm_bindgen(unchecked_param_type = "DatasetSources")] sources: JsValue,
) -> Result<JsValue, JsValue> {
    let sources: localecon::datasets::Sources =
        crate::convert::from_object(&sources, "dataset sources")?;
    to_plain(
        &sources
            .interregional_households(name, &table.inner)
            .js_err()?,
    )
}
