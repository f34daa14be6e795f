//! `SparseNetwork`: multipliers and leakage of large networks of accounts.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::convert::{js_length, numbers_from_js, to_plain};
use crate::error::{self, IntoJs, invalid};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Options of SparseNetwork.analyse. */
export interface SparseOptions { tolerance?: number; maxIterations?: number }
/** How an iterative solve went. */
export interface Convergence { iterations: number; relativeResidual: number }
/** Output multipliers and leakage of every account of a SparseNetwork. */
export interface SparseResult {
  outputMultipliers: number[]; leakage: number[];
  multipliersConvergence: Convergence; leakageConvergence: Convergence;
}
"#;

/// The most flows a `SparseNetwork` may have in WebAssembly: the inputs and the CSR matrix
/// take about 28 bytes per flow of the 4 GiB that 32-bit WebAssembly can address.
pub(crate) const MAX_FLOWS: usize = 50_000_000;

/// Account indices from a `Uint32Array` or an array of whole numbers ≥ 0.
pub(crate) fn indices_from_js(v: &JsValue, what: &str) -> Result<Vec<u32>, JsValue> {
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
            let x = x.as_f64().ok_or_else(|| {
                let found = crate::convert::shown(&x);
                invalid(what, format!("entry {k} is not a number: {found}"))
            })?;
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
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
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
        let n = crate::convert::required_whole(&n, "n", 0)?;
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

    /// The money flows between the accounts as a `ClusterGraph` (payments out of the region
    /// and local incomes are the boundary): `A_ij·x_j` per flow, the amount up to one rounding.
    #[wasm_bindgen(js_name = clusterGraph)]
    pub fn cluster_graph(
        &self,
        #[wasm_bindgen(js_name = selfLoops, unchecked_optional_param_type = "boolean | null")] self_loops: JsValue,
    ) -> Result<crate::clusters::ClusterGraph, JsValue> {
        let inner = self
            .inner
            .cluster_graph(crate::convert::flag(&self_loops, "selfLoops")?.unwrap_or(false));
        Ok(crate::clusters::ClusterGraph {
            inner: inner.js_err()?,
        })
    }

    /// Output multipliers and leakage of every account (two BiCGSTAB solves to a relative
    /// residual `tolerance`, default 1e-10, in at most `maxIterations`, default 1000), with
    /// the convergence of each; a `SingularError` when a solve does not converge.
    #[wasm_bindgen(unchecked_return_type = "SparseResult")]
    pub fn analyse(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "SparseOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        #[derive(serde::Deserialize, Default)]
        #[serde(deny_unknown_fields, default)]
        struct Options {
            tolerance: Option<f64>,
            max_iterations: Option<f64>,
        }
        let o: Options = if options.is_undefined() || options.is_null() {
            Options::default()
        } else {
            crate::convert::from_object(&options, "sparse options")?
        };
        let tolerance = o.tolerance.unwrap_or(1e-10);
        let max_iterations = match o.max_iterations {
            None => 1000,
            Some(m) if m >= 1.0 && m.fract() == 0.0 && m <= 1e9 => m as usize,
            Some(m) => {
                return Err(error::to_js(&localecon::Error::OutOfRange {
                    location: localecon::Location::Field("maxIterations".into()),
                    value: m,
                    expected: "a whole number ≥ 1".into(),
                }));
            }
        };
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
