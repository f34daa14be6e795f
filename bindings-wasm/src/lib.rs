//! JavaScript bindings of localecon: a thin `RegionalTable` class and stateless functions
//! that return plain objects. No economics here; everything is in the core crate.

mod datasets;
mod error;
mod ranking;
mod satellite;

use localecon::scenario;
use localecon::table::{Employment, FinalDemandColumn, PrimaryInputRow, Sector, TableParts};
use localecon::{
    ClosedLeakage, Leakage, Multipliers, RegionReport, circularity, interchange, linkages,
    regionalize,
};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::error::{IntoJs, invalid};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** One final-demand column or primary-input row. */
export interface TableVector { label: string; kind: string; values: number[] | Float64Array }
/** Options of RegionalTable.fromArrays. */
export interface TableOptions {
  names?: string[];
  finalDemand?: TableVector[];
  primaryInputs?: TableVector[];
  output?: number[] | Float64Array;
  employment?: { unit: string; values: number[] | Float64Array };
  name?: string;
  unit?: string;
  source?: string;
  householdIncome?: number;
  balanceTolerance?: number;
}
/** A sector's code and name. */
export interface Sector { code: string; name: string }
/** One measure's effects per unit of final demand. */
export interface Effects { direct: number[]; type_i: number[]; type_ii: number[] | null }
/** Type I and Type II multipliers of a table. */
export interface Multipliers {
  sectors: Sector[];
  output: Effects; income: Effects; value_added: Effects; employment: Effects | null;
  household_income: number | null; condition: number; warnings: string[];
  /** Why Type II is missing although the table has a household closure. */
  type_ii_unavailable: string | null;
  /** The satellite's accounts and assumptions, when the report was made with one. */
  satellite?: { source: string | null; stressors: StressorInfo[]; accounts: StressorAccount[]; assumptions: string[] };
}
/** Open-model leakage by channel. */
export interface Leakage { sectors: Sector[]; channels: string[]; by_channel: number[][]; leakage: number[]; retention: number[] }
/** Household-closed leakage: where one unit finally ends up. */
export interface ClosedLeakage { sectors: Sector[]; channels: string[]; by_channel: number[][]; total: number[] }
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
/** One audit check. */
export interface AuditCheck { check: string; status: "PASS" | "WARN" | "FAIL"; detail: string }
/** The audit of a table. */
export interface Audit {
  checks: AuditCheck[]; row_gaps: number[]; column_gaps: number[]; balance_tolerance: number;
  zero_output_sectors: string[]; max_column_sum: number | null; spectral_radius: number | null; productive: boolean | null;
}
/** A flow system for enaAnalysis: flows from row to column, row-major. */
export interface FlowSystemInput { labels: string[]; flows: number[] | Float64Array; inputs: number[]; exports: number[]; dissipation: number[] }
/** Options of enaAnalysis and RegionalTable.ena. */
export interface EnaOptions { balanceTolerance?: number; allowUnbalanced?: boolean; maxCycleLength?: number; topCycles?: number; maxCycleSteps?: number }
/** Flow indicators (enaR enaFlow names in snake_case). */
export interface FlowIndicators {
  boundary: number; tst: number; tstp: number; apl: number; fci: number; cycled_throughflow: number;
  bfi: number; dfi: number; ifi: number; id_f: number | null; id_f_i: number | null; id_f_o: number | null;
  hmg_i: number | null; hmg_o: number | null; amp_i: number; amp_o: number; mode0: number; mode1: number; mode2: number;
}
/** Ulanowicz information indices (bits). */
export interface InformationIndices {
  h: number; ami: number; hr: number; capacity: number; ascendency: number; overhead: number;
  ascendency_ratio: number; overhead_ratio: number; robustness: number;
  ascendency_input: number; ascendency_internal: number; ascendency_export: number; ascendency_dissipation: number;
}
/** Network analysis of a flow system. */
export interface EnaAnalysis {
  labels: string[]; throughflow: number[];
  flow: FlowIndicators; information: InformationIndices;
  structure: { n: number; links: number; connectance: number; lambda1: number };
  components: { members: number[]; labels: string[]; cyclic: boolean; throughflow_share: number }[];
  cycles: { nodes: number[]; labels: string[]; bottleneck: number }[];
}
/** Rasmussen–Hirschman linkages. */
export interface Linkages { sectors: Sector[]; backward: number[]; forward: number[]; forward_ghosh: number[]; class: ("key" | "backward_oriented" | "forward_oriented" | "weak")[] }
/** Structural paths of one injection. */
export interface StructuralPaths { paths: { nodes: number[]; codes: string[]; value: number }[]; total: number; coverage: number; steps: number; truncated: string | null }
/** An LM3 survey. */
export interface Lm3Survey { income: number; organisationIsLocal?: boolean; spending: { label: string; amount: number; localShare: number; respendLocalShare: number }[] }
/** LM3 rounds. */
export interface Lm3Result { round1: number; round2: number; round3: number; local_value: number; lm3: number }
/** Options of RegionalTable.regionalize. */
export interface RegionalizeOptions { name?: string; method?: "slq" | "cilq" | "flq" | "aflq"; delta?: number; residentCompensationShare?: number | number[]; localSurplusShare?: number | number[]; employmentUnit?: string }
/** The result of ras. */
export interface RasResult { matrix: number[]; row_factors: number[]; column_factors: number[]; iterations: number; converged: boolean; max_relative_gap: number }
/** A scenario: the same JSON as in Rust and Python. */
export interface Scenario { name: string; changes: Change[] }
/** One change of a scenario. */
export type Change =
  | { type: "demand"; sector: string; amount: number }
  | { type: "spending"; label: string; amount: number; local_share: number; pattern: string }
  | { type: "import_substitution"; buyer: string; product: string; share?: number; amount?: number }
  | { type: "retention"; input: string; share: number };
/** Headline numbers compared by a scenario. */
export interface Headline {
  output: number; gva: number; compensation: number; retained_income: number; imports: number; employment: number | null;
  leakage_share: number; retention_share: number; output_multiplier_type_i: number; output_multiplier_type_ii: number | null; fci: number;
}
/** A scenario evaluated. */
export interface ScenarioResult { scenario: Scenario; before: Headline; after: Headline; difference: Headline; report_after: RegionReport; stressors?: StressorChange[] }
/** An effect split into rounds. */
export interface Split { direct: number[]; indirect: number[]; induced: number[] | null; total_direct: number; total_indirect: number; total_induced: number | null; total: number }
/** The impact of a final-demand change. */
export interface Impact { sectors: Sector[]; final_demand: number[]; household_income: number; output: Split; income: Split; value_added: Split; employment: Split | null; leakage: [string, number][]; retained_income: number }
/** An import substitution computed by a rank-one update. */
export interface OriginAmount { origin: string; amount: number }
export interface SubstitutionEffect { buyer: string; product: string; share: number; delta: number; imports_substituted: number; imports_substituted_by_origin: OriginAmount[]; output_multipliers: number[]; retention: number[]; output_change: number; retained_income_change: number; import_basis: ImportBasis }
/** One entry of the leak ranking. */
/** How a table's imports by product and buyer are known. */
export type ImportBasis = "supplied" | "product_proportionality" | "regionalised" | "purchase_mix";
/** The raw files the embedded datasets are built from (shipped by `localecon/data`). */
export interface DatasetSources { scotland_2019: string; scotland_2019_sections: string; scotland_2019_imports_by_product: string; scotland_2019_fte: string; sic2007_to_ioc098: string; bres_2019_scotland_subclass: string; bres_2019_council_division: string; census_2011_council_commuting: string; ons_2019_scotland_surplus_by_industry: string; ons_scotland_itl3: string; australia_2021_22: string; australia_2021_lga_employment: string; australia_2021_22_115: string; uk_2019_ghg_by_ioc098: string; uk_2019_ghg_households: string }
export interface LeakRankingOptions { share?: number; topK?: number; maxOutputIncrease?: number | null; exclude?: string[]; minBusinessSalesShare?: number }
export interface LeakOpportunity { buyer: string; buyer_name: string; product: string; product_name: string; imports: number; imports_substituted: number; imports_substituted_by_origin: OriginAmount[]; capacity_share: number; capped: boolean; retained_income_gain: number; output_gain: number; gva_gain: number; jobs_gain: number | null; gain_per_unit: number }
export interface ExcludedSupplier { code: string; name: string; reason: "zero_output" | "not_sold_to_businesses" | "flagged"; business_sales_share: number }
export interface LeakRanking { opportunities: LeakOpportunity[]; import_basis: ImportBasis; assumption: string; excluded_suppliers: ExcludedSupplier[]; pairs_ranked: number; options: { share: number; max_output_increase: number | null; exclude: string[]; min_business_sales_share: number; top_k: number } }
export interface ImportedProduct { product: string; product_name: string; imports: number; by_origin: OriginAmount[]; local_output: number }
/** A business to add to a table (snake_case, as in Rust and Python). */
export interface Business { name: string; output: number; value_added: number; jobs?: number; local_purchases: [string, number][]; resident_wages: number }
/** What the region would lose without a business. */
export interface BusinessFootprint { name: string; own_output: number; supply_chain_output: number; induced_output: number; total_output: number; total_value_added: number; total_jobs: number | null }
/** A local currency's design (snake_case, as in Rust and Python). */
export interface LocalCurrency { acceptance?: [string, number][]; redemption?: number; fee?: number; issuer?: string; holding_days?: number; substitution?: number }
/** What a local currency does per unit issued. */
export interface CurrencyResult {
  accounts: string[]; visits: number[]; transactions: number; lifetime_days: number; velocity_per_year: number;
  local_income_per_unit: number; fee_per_unit_issued: number; fee_per_year_per_unit_in_circulation: number;
  multiplier_before: number; multiplier_after: number; retention_before: number; retention_after: number;
}
/** Options of SparseNetwork.analyse. */
export interface SparseOptions { tolerance?: number; maxIterations?: number }
/** How an iterative solve went. */
export interface Convergence { iterations: number; relative_residual: number }
/** Output multipliers and leakage of every account of a SparseNetwork. */
export interface SparseResult {
  output_multipliers: number[]; leakage: number[];
  multipliers_convergence: Convergence; leakage_convergence: Convergence;
}
/** Errors thrown by localecon: `name` is the class (e.g. "ShapeError"), `code` the stable code. */
export interface LocaleconError extends Error { code: string }
"#;

/// Reads a plain object through its JSON text, so that serde's `deny_unknown_fields` and
/// the snake_case spellings are exactly those of the Rust and Python surfaces.
fn from_json_value<T: serde::de::DeserializeOwned>(v: &JsValue, what: &str) -> Result<T, JsValue> {
    let text: String = js_sys::JSON::stringify(v)
        .map_err(|_| invalid(what, "not JSON-serialisable"))?
        .into();
    serde_json::from_str(&text).map_err(|e| invalid(what, e))
}

fn to_plain<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| invalid("result", e))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VectorInput {
    label: String,
    kind: String,
    values: Vec<f64>,
}

#[derive(Deserialize)]
struct EmploymentInput {
    unit: String,
    values: Vec<f64>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct TableOptions {
    names: Option<Vec<String>>,
    #[serde(default)]
    final_demand: Vec<VectorInput>,
    #[serde(default)]
    primary_inputs: Vec<VectorInput>,
    output: Option<Vec<f64>>,
    employment: Option<EmploymentInput>,
    name: Option<String>,
    unit: Option<String>,
    source: Option<String>,
    household_income: Option<f64>,
    balance_tolerance: Option<f64>,
}

/// The most values of Z a table may have in WebAssembly: the analyses hold about five
/// copies of an n × n matrix, and 32-bit WebAssembly has 4 GiB, so n ≤ 7,000.
pub(crate) const MAX_Z_VALUES: usize = 49_000_000;

/// Z from a `Float64Array` or an array of numbers, refusing sizes WebAssembly cannot hold
/// before copying anything into its memory.
fn flows_from_js(z: &JsValue) -> Result<Vec<f64>, JsValue> {
    numbers_from_js(z, "Z", MAX_Z_VALUES)
}

const TABLE_OPTION_KEYS: &[&str] = &[
    "names",
    "finalDemand",
    "primaryInputs",
    "output",
    "employment",
    "name",
    "unit",
    "source",
    "householdIncome",
    "balanceTolerance",
];

/// Refuses a misspelt option: serde-wasm-bindgen reads only the fields it knows, so an
/// unknown key would otherwise be ignored silently.
pub(crate) fn check_keys(obj: &JsValue, allowed: &[&str], what: &str) -> Result<(), JsValue> {
    let Some(obj) = obj.dyn_ref::<js_sys::Object>() else {
        return Err(invalid(what, "expected an object"));
    };
    for key in js_sys::Object::keys(obj).iter() {
        let key = key.as_string().unwrap_or_default();
        if !allowed.contains(&key.as_str()) {
            return Err(invalid(
                what,
                format!(
                    "unknown field {key:?}; expected one of: {}",
                    allowed.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// A region's input-output table, held in WebAssembly memory.
///
/// Memory: call `free()` when done (or use `using` where supported); the stateless functions
/// (`datasetReport`, `reportFromJson`, …) need no freeing.
#[wasm_bindgen]
pub struct RegionalTable {
    inner: localecon::RegionalTable,
}

#[wasm_bindgen]
impl RegionalTable {
    /// Builds a table from a row-major n × n `Float64Array` of local flows (`z[i*n + j]` =
    /// what sector j buys from sector i), the sector codes, and options.
    #[wasm_bindgen(js_name = fromArrays)]
    pub fn from_arrays(
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] z: JsValue,
        codes: Vec<String>,
        #[wasm_bindgen(unchecked_param_type = "TableOptions | undefined")] options: JsValue,
    ) -> Result<RegionalTable, JsValue> {
        let z = flows_from_js(&z)?;
        let opts: TableOptions = if options.is_undefined() || options.is_null() {
            TableOptions::default()
        } else {
            check_keys(&options, TABLE_OPTION_KEYS, "table options")?;
            serde_wasm_bindgen::from_value(options).map_err(|e| invalid("table options", e))?
        };
        let names = opts.names.unwrap_or_else(|| codes.clone());
        if names.len() != codes.len() {
            return Err(error::to_js(&localecon::Error::Shape {
                what: "names".into(),
                expected: codes.len(),
                found: names.len(),
            }));
        }
        let sectors = codes
            .into_iter()
            .zip(names)
            .map(|(code, name)| Sector { code, name })
            .collect();
        let mut parts = TableParts::new(
            opts.name.unwrap_or_else(|| "region".into()),
            sectors,
            z.to_vec(),
        );
        if let Some(u) = opts.unit {
            parts.unit = u;
        }
        parts.source = opts.source;
        for v in opts.final_demand {
            parts.final_demand.push(FinalDemandColumn {
                label: v.label,
                kind: v.kind.parse().js_err()?,
                values: v.values,
            });
        }
        for v in opts.primary_inputs {
            parts.primary_inputs.push(PrimaryInputRow {
                label: v.label,
                kind: v.kind.parse().js_err()?,
                values: v.values,
            });
        }
        parts.output = opts.output;
        parts.employment = opts.employment.map(|e| Employment {
            unit: e.unit,
            values: e.values,
        });
        parts.household_closure.household_income = opts.household_income;
        if let Some(t) = opts.balance_tolerance {
            parts.balance_tolerance = t;
        }
        Ok(Self {
            inner: localecon::RegionalTable::new(parts).js_err()?,
        })
    }

    /// Reads a table from the interchange JSON: a string, or a file's bytes (a
    /// `Uint8Array`, e.g. from `file.arrayBuffer()`) in UTF-8 or UTF-16 with a byte-order
    /// mark; other encodings are a `json` error at their first byte that is not UTF-8.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] text: JsValue,
    ) -> Result<RegionalTable, JsValue> {
        let inner = match text_or_bytes(&text)? {
            Ok(t) => interchange::read_json(&t),
            Err(b) => interchange::read_json_bytes(&b),
        };
        Ok(Self {
            inner: inner.js_err()?,
        })
    }

    /// Reads a table from the labelled CSV layout (comma; or semicolon with decimal
    /// commas; or tab): a string, or a file's bytes (a `Uint8Array`) in UTF-8 or UTF-16 with
    /// a byte-order mark; other encodings are a `csv` error naming the line and field of
    /// their first byte that is not UTF-8.
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] text: JsValue,
    ) -> Result<RegionalTable, JsValue> {
        let inner = match text_or_bytes(&text)? {
            Ok(t) => interchange::read_csv(&t),
            Err(b) => interchange::read_csv_bytes(&b),
        };
        Ok(Self {
            inner: inner.js_err()?,
        })
    }

    /// The table as interchange JSON.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        interchange::write_json(&self.inner)
    }

    /// The table in the labelled CSV layout.
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self) -> String {
        interchange::write_csv(&self.inner)
    }

    /// Number of sectors.
    #[wasm_bindgen(getter)]
    pub fn n(&self) -> usize {
        self.inner.n()
    }

    /// Region name.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.inner.name().into()
    }

    /// Source and licence line.
    #[wasm_bindgen(getter)]
    pub fn source(&self) -> Option<String> {
        self.inner.source().map(str::to_string)
    }

    /// Sector codes in table order.
    #[wasm_bindgen(getter)]
    pub fn codes(&self) -> Vec<String> {
        self.inner
            .sectors()
            .iter()
            .map(|s| s.code.clone())
            .collect()
    }

    /// Sector names in table order.
    #[wasm_bindgen(getter)]
    pub fn names(&self) -> Vec<String> {
        self.inner
            .sectors()
            .iter()
            .map(|s| s.name.clone())
            .collect()
    }

    /// Index of the sector with this code (throws UnknownLabelError).
    #[wasm_bindgen(js_name = sectorIndex)]
    pub fn sector_index(&self, code: &str) -> Result<usize, JsValue> {
        self.inner.sector_index(code).js_err()
    }

    /// Gross output x.
    #[wasm_bindgen(getter)]
    pub fn output(&self) -> Vec<f64> {
        self.inner.output().to_vec()
    }

    /// Type I and Type II multipliers.
    #[wasm_bindgen(unchecked_return_type = "Multipliers")]
    pub fn multipliers(&self) -> Result<JsValue, JsValue> {
        to_plain(&Multipliers::new(&self.inner).js_err()?)
    }

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

    /// The RegionReport as a plain object.
    #[wasm_bindgen(unchecked_return_type = "RegionReport")]
    pub fn report(&self) -> Result<JsValue, JsValue> {
        to_plain(&RegionReport::new(&self.inner).js_err()?)
    }

    /// The report as readable text.
    #[wasm_bindgen(js_name = reportText)]
    pub fn report_text(&self) -> Result<String, JsValue> {
        Ok(RegionReport::new(&self.inner).js_err()?.to_string())
    }

    /// The audit as a plain object.
    #[wasm_bindgen(unchecked_return_type = "Audit")]
    pub fn audit(&self) -> Result<JsValue, JsValue> {
        to_plain(&self.inner.audit())
    }

    /// x = L f: the output that final demand f requires.
    pub fn solve(&self, f: &[f64]) -> Result<Vec<f64>, JsValue> {
        localecon::LeontiefModel::new(&self.inner)
            .js_err()?
            .solve(f)
            .js_err()
    }

    /// Finn cycling index by the Leontief route ("open" or "households").
    pub fn fci(&self, closure: Option<String>) -> Result<f64, JsValue> {
        let c: circularity::Closure = closure.as_deref().unwrap_or("open").parse().js_err()?;
        circularity::fci_leontief(&self.inner, c).js_err()
    }

    /// Ecological network analysis of the table's flows ("open" or "households").
    #[wasm_bindgen(unchecked_return_type = "EnaAnalysis")]
    pub fn ena(
        &self,
        closure: Option<String>,
        #[wasm_bindgen(unchecked_param_type = "EnaOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let c: circularity::Closure = closure.as_deref().unwrap_or("open").parse().js_err()?;
        let o = ena_options(options)?;
        analyse(
            &circularity::FlowSystem::from_table(&self.inner, c).js_err()?,
            &o,
        )
    }

    /// Rasmussen–Hirschman linkages and key sectors.
    #[wasm_bindgen(unchecked_return_type = "Linkages")]
    pub fn linkages(&self) -> Result<JsValue, JsValue> {
        to_plain(&linkages::Linkages::new(&self.inner).js_err()?)
    }

    /// The Ghosh inverse, row-major.
    #[wasm_bindgen(js_name = ghoshInverse)]
    pub fn ghosh_inverse(&self) -> Result<Vec<f64>, JsValue> {
        Ok(linkages::GhoshModel::new(&self.inner)
            .js_err()?
            .ghosh_inverse())
    }

    /// Output lost if `sector` were extracted ("backward", "forward" or "total").
    #[wasm_bindgen(js_name = hypotheticalExtraction)]
    pub fn hypothetical_extraction(
        &self,
        sector: &str,
        kind: Option<String>,
    ) -> Result<f64, JsValue> {
        let k: linkages::Extraction = kind.as_deref().unwrap_or("total").parse().js_err()?;
        linkages::hypothetical_extraction(&self.inner, sector, k).js_err()
    }

    /// The largest supply-chain paths from final demand for `sector` to `target`.
    #[wasm_bindgen(js_name = structuralPaths, unchecked_return_type = "StructuralPaths")]
    pub fn structural_paths(
        &self,
        sector: &str,
        target: Option<String>,
        cutoff: Option<f64>,
        max_depth: Option<usize>,
        top_k: Option<usize>,
        #[wasm_bindgen(js_name = maxSteps)] max_steps: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let t: linkages::PathTarget = target
            .as_deref()
            .unwrap_or("value_added")
            .parse()
            .js_err()?;
        let max_steps = match max_steps {
            None => linkages::DEFAULT_PATH_STEPS,
            Some(v) if v.is_finite() && v >= 1.0 && v.fract() == 0.0 => v as u64,
            Some(v) => {
                return Err(error::to_js(&localecon::Error::OutOfRange {
                    location: localecon::Location::Field("maxSteps".into()),
                    value: v,
                    expected: "a whole number of steps ≥ 1".into(),
                }));
            }
        };
        let r = linkages::structural_paths_bounded(
            &self.inner,
            sector,
            t,
            cutoff.unwrap_or(1e-4),
            max_depth.unwrap_or(8),
            top_k.unwrap_or(20),
            max_steps,
        )
        .js_err()?;
        to_plain(&r)
    }

    /// Model LMk per sector (household-closed model, k rounds).
    #[wasm_bindgen(js_name = modelLm)]
    pub fn model_lm(&self, k: usize) -> Result<Vec<f64>, JsValue> {
        localecon::lm3::model_lm(&self.inner, k).js_err()
    }

    /// A regional table from this national table and employment by sector (location
    /// quotients); the new table must be freed too.
    pub fn regionalize(
        &self,
        national_employment: &[f64],
        regional_employment: &[f64],
        #[wasm_bindgen(unchecked_param_type = "RegionalizeOptions | undefined")] options: JsValue,
    ) -> Result<RegionalTable, JsValue> {
        let o = regionalize_options(options)?;
        Ok(RegionalTable {
            inner: regionalize::regionalize(
                &self.inner,
                national_employment,
                regional_employment,
                &o,
            )
            .js_err()?,
        })
    }

    /// The impact of a final-demand change (and of household income paid to residents).
    #[wasm_bindgen(unchecked_return_type = "Impact")]
    pub fn impact(
        &self,
        final_demand: &[f64],
        household_income: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        to_plain(
            &scenario::impact(&self.inner, final_demand, household_income.unwrap_or(0.0))
                .js_err()?,
        )
    }

    /// The table after a scenario (the same JSON data as in Rust and Python); free it too.
    #[wasm_bindgen(js_name = applyScenario)]
    pub fn apply_scenario(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    ) -> Result<RegionalTable, JsValue> {
        let s: scenario::Scenario = from_json_value(&scenario, "scenario")?;
        Ok(RegionalTable {
            inner: s.apply(&self.inner).js_err()?,
        })
    }

    /// A scenario evaluated: before, after and difference, and the report after.
    #[wasm_bindgen(js_name = evaluateScenario, unchecked_return_type = "ScenarioResult")]
    pub fn evaluate_scenario(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    ) -> Result<JsValue, JsValue> {
        let s: scenario::Scenario = from_json_value(&scenario, "scenario")?;
        to_plain(&s.evaluate(&self.inner).js_err()?)
    }

    /// What the region would lose without one business.
    #[wasm_bindgen(js_name = businessFootprint, unchecked_return_type = "BusinessFootprint")]
    pub fn business_footprint(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Business")] business: JsValue,
    ) -> Result<JsValue, JsValue> {
        let b: scenario::Business = from_json_value(&business, "business")?;
        to_plain(&scenario::business_footprint(&self.inner, &b).js_err()?)
    }

    /// A local currency evaluated on this table.
    #[wasm_bindgen(js_name = localCurrency, unchecked_return_type = "CurrencyResult")]
    pub fn local_currency(
        &self,
        #[wasm_bindgen(unchecked_param_type = "LocalCurrency")] design: JsValue,
    ) -> Result<JsValue, JsValue> {
        let c: localecon::currency::LocalCurrency = from_json_value(&design, "local currency")?;
        to_plain(&localecon::currency::local_currency(&self.inner, &c).js_err()?)
    }

    /// The Leontief inverse, row-major (O(n³)).
    #[wasm_bindgen(js_name = leontiefInverse)]
    pub fn leontief_inverse(&self) -> Result<Vec<f64>, JsValue> {
        Ok(localecon::LeontiefModel::new(&self.inner)
            .js_err()?
            .leontief_inverse())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FlowSystemInput {
    labels: Vec<String>,
    flows: Vec<f64>,
    inputs: Vec<f64>,
    exports: Vec<f64>,
    dissipation: Vec<f64>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct EnaOptions {
    balance_tolerance: Option<f64>,
    allow_unbalanced: Option<bool>,
    max_cycle_length: Option<usize>,
    top_cycles: Option<usize>,
    max_cycle_steps: Option<u64>,
}

#[derive(Serialize)]
struct EnaAnalysis {
    labels: Vec<String>,
    throughflow: Vec<f64>,
    flow: circularity::FlowIndicators,
    information: circularity::InformationIndices,
    structure: circularity::Structure,
    components: Vec<circularity::Component>,
    cycles: Vec<circularity::Cycle>,
}

fn ena_options(options: JsValue) -> Result<EnaOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(EnaOptions::default());
    }
    check_keys(
        &options,
        &[
            "balanceTolerance",
            "allowUnbalanced",
            "maxCycleLength",
            "topCycles",
            "maxCycleSteps",
        ],
        "ENA options",
    )?;
    serde_wasm_bindgen::from_value(options).map_err(|e| invalid("ENA options", e))
}

fn analyse(system: &circularity::FlowSystem, o: &EnaOptions) -> Result<JsValue, JsValue> {
    to_plain(&EnaAnalysis {
        labels: system.labels().to_vec(),
        throughflow: system.throughflow().to_vec(),
        flow: circularity::flow_indicators(system).js_err()?,
        information: circularity::information_indices(system),
        structure: circularity::structure(system).js_err()?,
        components: circularity::strongly_connected_components(system),
        cycles: circularity::strongest_cycles_bounded(
            system,
            o.max_cycle_length.unwrap_or(4),
            o.top_cycles.unwrap_or(10),
            o.max_cycle_steps
                .unwrap_or(circularity::DEFAULT_CYCLE_STEPS),
        )
        .js_err()?,
    })
}

/// Ecological network analysis of a flow system given as a plain object
/// `{labels, flows (row-major, from row to column), inputs, exports, dissipation}`:
/// flow indicators (FCI, APL, …), information indices (ascendency, robustness, …),
/// structure, strongly connected components and the strongest cycles.
#[wasm_bindgen(js_name = enaAnalysis, unchecked_return_type = "EnaAnalysis")]
pub fn ena_analysis(
    #[wasm_bindgen(unchecked_param_type = "FlowSystemInput")] system: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EnaOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    check_keys(
        &system,
        &["labels", "flows", "inputs", "exports", "dissipation"],
        "flow system",
    )?;
    let s: FlowSystemInput =
        serde_wasm_bindgen::from_value(system).map_err(|e| invalid("flow system", e))?;
    let o = ena_options(options)?;
    let balance = circularity::Balance {
        tolerance: o
            .balance_tolerance
            .unwrap_or(localecon::table::DEFAULT_BALANCE_TOLERANCE),
        allow_unbalanced: o.allow_unbalanced.unwrap_or(false),
    };
    let system = circularity::FlowSystem::new(
        s.labels,
        s.flows,
        s.inputs,
        s.exports,
        s.dissipation,
        balance,
    )
    .js_err()?;
    analyse(&system, &o)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct SpendingInput {
    label: String,
    amount: f64,
    local_share: f64,
    respend_local_share: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct SurveyInput {
    income: f64,
    organisation_is_local: Option<bool>,
    spending: Vec<SpendingInput>,
}

/// LM3 of a survey `{income, organisationIsLocal?, spending: [{label, amount, localShare,
/// respendLocalShare}]}`: the three rounds and LM3.
#[wasm_bindgen(unchecked_return_type = "Lm3Result")]
pub fn lm3(
    #[wasm_bindgen(unchecked_param_type = "Lm3Survey")] survey: JsValue,
) -> Result<JsValue, JsValue> {
    check_keys(
        &survey,
        &["income", "organisationIsLocal", "spending"],
        "LM3 survey",
    )?;
    let s: SurveyInput =
        serde_wasm_bindgen::from_value(survey).map_err(|e| invalid("LM3 survey", e))?;
    let survey = localecon::lm3::Lm3Survey {
        income: s.income,
        organisation_is_local: s.organisation_is_local.unwrap_or(true),
        spending: s
            .spending
            .into_iter()
            .map(|x| localecon::lm3::Spending {
                label: x.label,
                amount: x.amount,
                local_share: x.local_share,
                respend_local_share: x.respend_local_share,
            })
            .collect(),
    };
    to_plain(&survey.compute().js_err()?)
}

/// The average of survey shares (plain, or weighted).
#[wasm_bindgen(js_name = averageShare)]
pub fn average_share(shares: &[f64], weights: Option<Vec<f64>>) -> Result<f64, JsValue> {
    localecon::lm3::average_share(shares, weights.as_deref()).js_err()
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RegionalizeInput {
    name: Option<String>,
    method: Option<String>,
    delta: Option<f64>,
    resident_compensation_share: Option<ShareInput>,
    local_surplus_share: Option<ShareInput>,
    employment_unit: Option<String>,
}

/// A share: one number for every sector, or one per sector.
#[derive(Deserialize)]
#[serde(untagged)]
enum ShareInput {
    Uniform(f64),
    PerSector(Vec<f64>),
}

impl From<ShareInput> for localecon::table::Share {
    fn from(s: ShareInput) -> Self {
        match s {
            ShareInput::Uniform(v) => Self::Uniform(v),
            ShareInput::PerSector(v) => Self::PerSector(v),
        }
    }
}

const REGIONALIZE_KEYS: &[&str] = &[
    "name",
    "method",
    "delta",
    "residentCompensationShare",
    "localSurplusShare",
    "employmentUnit",
];

fn regionalize_options(options: JsValue) -> Result<regionalize::RegionalizeOptions, JsValue> {
    let o: RegionalizeInput = if options.is_undefined() || options.is_null() {
        RegionalizeInput::default()
    } else {
        check_keys(&options, REGIONALIZE_KEYS, "regionalisation options")?;
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| invalid("regionalisation options", e))?
    };
    let d = regionalize::RegionalizeOptions::default();
    Ok(regionalize::RegionalizeOptions {
        name: o.name.unwrap_or(d.name),
        method: match o.method {
            Some(m) => m.parse().js_err()?,
            None => d.method,
        },
        delta: o.delta.unwrap_or(d.delta),
        resident_compensation_share: o.resident_compensation_share.map(Into::into),
        local_surplus_share: o.local_surplus_share.map(Into::into),
        employment_unit: o.employment_unit.unwrap_or(d.employment_unit),
    })
}

fn generic_codes(n: usize) -> Vec<String> {
    (1..=n).map(|k| format!("sector {k}")).collect()
}

/// The quotient matrix Q (row-major n × n) of a method ("slq", "cilq", "flq", "aflq").
#[wasm_bindgen(js_name = locationQuotients)]
pub fn location_quotients(
    regional: &[f64],
    national: &[f64],
    method: Option<String>,
    delta: Option<f64>,
) -> Result<Vec<f64>, JsValue> {
    let pair = regionalize::EmploymentPair::new(
        regional.to_vec(),
        national.to_vec(),
        &generic_codes(regional.len()),
    )
    .js_err()?;
    let m: regionalize::LqMethod = method.as_deref().unwrap_or("flq").parse().js_err()?;
    regionalize::quotient_matrix(&pair, m, delta.unwrap_or(regionalize::DEFAULT_DELTA)).js_err()
}

/// Simple location quotients.
#[wasm_bindgen]
pub fn slq(regional: &[f64], national: &[f64]) -> Result<Vec<f64>, JsValue> {
    Ok(regionalize::EmploymentPair::new(
        regional.to_vec(),
        national.to_vec(),
        &generic_codes(regional.len()),
    )
    .js_err()?
    .slq())
}

/// Flegg's λ* = [log2(1 + TRE/TNE)]^δ.
#[wasm_bindgen(js_name = fleggLambda)]
pub fn flegg_lambda(regional_total: f64, national_total: f64, delta: f64) -> Result<f64, JsValue> {
    regionalize::flegg_lambda(regional_total, national_total, delta).js_err()
}

/// RAS balancing of a row-major `rows × cols` matrix to row and column targets.
#[wasm_bindgen(unchecked_return_type = "RasResult")]
pub fn ras(
    u0: &[f64],
    rows: usize,
    cols: usize,
    row_targets: &[f64],
    col_targets: &[f64],
    tolerance: Option<f64>,
    max_iterations: Option<usize>,
) -> Result<JsValue, JsValue> {
    let d = regionalize::RasOptions::default();
    let o = regionalize::RasOptions {
        tolerance: tolerance.unwrap_or(d.tolerance),
        max_iterations: max_iterations.unwrap_or(d.max_iterations),
    };
    to_plain(&regionalize::ras(u0, rows, cols, row_targets, col_targets, o).js_err()?)
}

/// The resident share of jobs from live-and-work counts.
#[wasm_bindgen(js_name = residentShare)]
pub fn resident_share(live_and_work: f64, jobs: f64) -> Result<f64, JsValue> {
    regionalize::resident_share(live_and_work, jobs).js_err()
}

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

/// The most flows a `SparseNetwork` may have in WebAssembly: the inputs and the CSR matrix
/// take about 28 bytes per flow of the 4 GiB that 32-bit WebAssembly can address.
const MAX_FLOWS: usize = 50_000_000;

/// The `length` of an array-like, refused above `limit` before anything is copied.
fn js_length(v: &JsValue, what: &str, expected: &str, limit: usize) -> Result<usize, JsValue> {
    let size = js_sys::Reflect::get(v, &JsValue::from_str("length"))
        .ok()
        .and_then(|l| l.as_f64())
        .ok_or_else(|| invalid(what, format!("expected {expected}")))? as usize;
    if size > limit {
        return Err(error::to_js(&localecon::Error::TooLarge {
            what: what.into(),
            size,
            unit: "values".into(),
            limit,
        }));
    }
    Ok(size)
}

/// Account indices from a `Uint32Array` or an array of whole numbers ≥ 0.
fn indices_from_js(v: &JsValue, what: &str) -> Result<Vec<u32>, JsValue> {
    js_length(
        v,
        what,
        "a Uint32Array or an array of account indices",
        MAX_FLOWS,
    )?;
    if let Some(typed) = v.dyn_ref::<js_sys::Uint32Array>() {
        return Ok(typed.to_vec());
    }
    let array = v.dyn_ref::<js_sys::Array>().ok_or_else(|| {
        invalid(
            what,
            "expected a Uint32Array or an array of account indices",
        )
    })?;
    array
        .iter()
        .enumerate()
        .map(|(k, x)| {
            let x = x
                .as_f64()
                .ok_or_else(|| invalid(what, format!("entry {k} is not a number")))?;
            if x >= 0.0 && x.fract() == 0.0 && x <= f64::from(u32::MAX) {
                Ok(x as u32)
            } else {
                Err(error::to_js(&localecon::Error::OutOfRange {
                    location: localecon::Location::Field(format!("{what}[{k}]")),
                    value: x,
                    expected: "an account index (a whole number ≥ 0)".into(),
                }))
            }
        })
        .collect()
}

/// Numbers from a `Float64Array` or an array of numbers, refused above `limit` values
/// before anything is copied into WebAssembly memory.
pub(crate) fn numbers_from_js(v: &JsValue, what: &str, limit: usize) -> Result<Vec<f64>, JsValue> {
    js_length(v, what, "a Float64Array or an array of numbers", limit)?;
    if let Some(typed) = v.dyn_ref::<js_sys::Float64Array>() {
        return Ok(typed.to_vec());
    }
    let array = v
        .dyn_ref::<js_sys::Array>()
        .ok_or_else(|| invalid(what, "expected a Float64Array or an array of numbers"))?;
    array
        .iter()
        .enumerate()
        .map(|(k, x)| {
            x.as_f64()
                .ok_or_else(|| invalid(what, format!("entry {k} is not a number")))
        })
        .collect()
}

/// A large sparse network of accounts (every firm of a region): flows payer → payee, each
/// account's payments out of the region (`leaked`) and local incomes paid out (`retained`).
/// Never dense: CSR storage (about 13 bytes per flow) and BiCGSTAB solves.
///
/// Memory: call `free()` when done.
#[wasm_bindgen]
pub struct SparseNetwork {
    inner: localecon::sparse::SparseNetwork,
}

#[wasm_bindgen]
impl SparseNetwork {
    /// A network of `n` accounts from flows `payer[k] → payee[k]` of `amount[k]`, and one
    /// `leaked` and one `retained` value per account (`x_j` is the sum of all three).
    #[wasm_bindgen(constructor)]
    pub fn new(
        n: usize,
        #[wasm_bindgen(unchecked_param_type = "Uint32Array | number[]")] payer: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Uint32Array | number[]")] payee: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] amount: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] leaked: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] retained: JsValue,
    ) -> Result<SparseNetwork, JsValue> {
        let (payer, payee) = (
            indices_from_js(&payer, "payer")?,
            indices_from_js(&payee, "payee")?,
        );
        let amount = numbers_from_js(&amount, "amount", MAX_FLOWS)?;
        let (leaked, retained) = (
            numbers_from_js(&leaked, "leaked", MAX_FLOWS)?,
            numbers_from_js(&retained, "retained", MAX_FLOWS)?,
        );
        let inner =
            localecon::sparse::SparseNetwork::new(n, &payer, &payee, &amount, &leaked, &retained)
                .js_err()?;
        Ok(Self { inner })
    }

    /// Number of accounts.
    #[wasm_bindgen(getter)]
    pub fn n(&self) -> usize {
        self.inner.n()
    }

    /// Number of flows.
    #[wasm_bindgen(getter)]
    pub fn flows(&self) -> usize {
        self.inner.flows()
    }

    /// Bytes held by the sparse matrix and the leakage vector.
    #[wasm_bindgen(getter, js_name = memoryBytes)]
    pub fn memory_bytes(&self) -> usize {
        self.inner.memory_bytes()
    }

    /// Output multipliers and leakage of every account (two BiCGSTAB solves to a relative
    /// residual `tolerance`, default 1e-10, in at most `maxIterations`, default 1000), with
    /// the convergence of each; a `SingularError` when a solve does not converge.
    #[wasm_bindgen(unchecked_return_type = "SparseResult")]
    pub fn analyse(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SparseOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (mut tolerance, mut max_iterations) = (1e-10, 1000);
        if !(options.is_undefined() || options.is_null()) {
            check_keys(&options, &["tolerance", "maxIterations"], "sparse options")?;
            let get = |key: &str| -> Result<Option<f64>, JsValue> {
                let v = js_sys::Reflect::get(&options, &JsValue::from_str(key))
                    .map_err(|_| invalid("sparse options", key))?;
                if v.is_undefined() {
                    return Ok(None);
                }
                v.as_f64()
                    .map(Some)
                    .ok_or_else(|| invalid("sparse options", format!("{key} must be a number")))
            };
            if let Some(t) = get("tolerance")? {
                tolerance = t;
            }
            if let Some(m) = get("maxIterations")? {
                if !(m >= 1.0 && m.fract() == 0.0 && m <= 1e9) {
                    return Err(error::to_js(&localecon::Error::OutOfRange {
                        location: localecon::Location::Field("maxIterations".into()),
                        value: m,
                        expected: "a whole number ≥ 1".into(),
                    }));
                }
                max_iterations = m as usize;
            }
        }
        to_plain(&self.inner.analyse(tolerance, max_iterations).js_err()?)
    }

    /// The relative residual `‖w − (I − A)ᵀy‖ / ‖w‖` of a solution `y`, recomputed in
    /// float64 (`w`: one entry per account, e.g. all ones for the output multipliers).
    #[wasm_bindgen(js_name = relativeResidual)]
    pub fn relative_residual(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] y: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] w: JsValue,
    ) -> Result<f64, JsValue> {
        let y = numbers_from_js(&y, "y", MAX_FLOWS)?;
        let w = numbers_from_js(&w, "w", MAX_FLOWS)?;
        self.inner.relative_residual(&y, &w).js_err()
    }
}

/// Every error code with its class name.
#[wasm_bindgen(js_name = errorKinds, unchecked_return_type = "[string, string][]")]
pub fn error_kinds() -> Result<JsValue, JsValue> {
    to_plain(&localecon::Error::KINDS)
}

/// A reader's argument: a string (`Ok`) or a `Uint8Array` of a file's bytes (`Err`);
/// anything else is an `invalid_input` error naming its type.
fn text_or_bytes(value: &JsValue) -> Result<Result<String, Vec<u8>>, JsValue> {
    if let Some(s) = value.as_string() {
        return Ok(Ok(s));
    }
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(Err(bytes.to_vec()));
    }
    Err(error::to_js(&localecon::Error::InvalidInput {
        what: "table text".into(),
        message: format!(
            "expected a string or a Uint8Array, found {}",
            value.js_typeof().as_string().unwrap_or_default()
        ),
    }))
}
