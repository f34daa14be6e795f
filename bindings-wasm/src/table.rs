//! `RegionalTable`: building, reading and writing a table, its sectors and its audit.

use localecon::interchange;
use localecon::table::{ArrayOptions, TableParts};
use wasm_bindgen::prelude::*;

use crate::convert::{flows_from_js, text_or_bytes, to_plain};
use crate::error::{FromFile, IntoJs};

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
/** One audit check. */
export interface AuditCheck { check: string; status: "PASS" | "WARN" | "FAIL"; detail: string }
/** The audit of a table. */
export interface Audit {
  checks: AuditCheck[]; rowGaps: number[]; columnGaps: number[]; balanceTolerance: number;
  zeroOutputSectors: string[]; maxColumnSum: number | null; spectralRadius: number | null; productive: boolean | null;
  /** 1-norm condition estimate of I − A (null when not computed). */
  condition: number | null;
}
"#;

/// A region's input-output table, held in WebAssembly memory.
///
/// Memory: call `free()` when done (or use `using` where supported); the stateless functions
/// (`datasetReport`, `reportFromJson`, …) need no freeing.
#[wasm_bindgen]
pub struct RegionalTable {
    pub(crate) inner: localecon::RegionalTable,
}

#[wasm_bindgen]
impl RegionalTable {
    /// Builds a table from a row-major n × n `Float64Array` of local flows (`z[i*n + j]` =
    /// what sector j buys from sector i), the sector codes, and options.
    #[wasm_bindgen(js_name = fromArrays)]
    pub fn from_arrays(
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] z: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string[]")] codes: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TableOptions")] options: JsValue,
    ) -> Result<RegionalTable, JsValue> {
        let z = flows_from_js(&z)?;
        let codes = crate::convert::strings(&codes, "codes")?;
        let options: ArrayOptions = if options.is_undefined() || options.is_null() {
            ArrayOptions::default()
        } else {
            crate::convert::from_object(&options, "table options")?
        };
        let parts = TableParts::from_arrays(z, codes, options).js_err()?;
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
            inner: inner.file_err()?,
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
            inner: inner.file_err()?,
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

    /// Money unit.
    #[wasm_bindgen(getter)]
    pub fn unit(&self) -> String {
        self.inner.unit().into()
    }

    /// Local flows Z, row-major n × n (a copy): `z[i * n + j]` is what j buys from i.
    #[wasm_bindgen(getter)]
    pub fn z(&self) -> Vec<f64> {
        self.inner.z().to_vec()
    }

    /// Final-demand labels and kinds, as `[label, kind]` pairs.
    #[wasm_bindgen(getter, js_name = finalDemandColumns, unchecked_return_type = "[string, string][]")]
    pub fn final_demand_columns(&self) -> Result<JsValue, JsValue> {
        let f = self.inner.final_demand().iter();
        to_plain(&f.map(|c| (&c.label, c.kind)).collect::<Vec<_>>())
    }

    /// Primary-input labels and kinds, as `[label, kind]` pairs.
    #[wasm_bindgen(getter, js_name = primaryInputRows, unchecked_return_type = "[string, string][]")]
    pub fn primary_input_rows(&self) -> Result<JsValue, JsValue> {
        let p = self.inner.primary_inputs().iter();
        to_plain(&p.map(|r| (&r.label, r.kind)).collect::<Vec<_>>())
    }

    /// The audit as a plain object.
    #[wasm_bindgen(unchecked_return_type = "Audit")]
    pub fn audit(&self) -> Result<JsValue, JsValue> {
        to_plain(&self.inner.audit())
    }
}
