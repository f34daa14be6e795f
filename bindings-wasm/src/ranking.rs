//! Import substitution by product and the leak ranking for JavaScript.

use localecon::scenario::{self, LeakRankingOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::convert::{from_object, to_plain};
use crate::error::IntoJs;
use crate::table::RegionalTable;

#[wasm_bindgen]
impl RegionalTable {
    /// Moves `share` of what `buyer` imports of `product` to the local producer of that
    /// product (exact Sherman–Morrison update).
    #[wasm_bindgen(js_name = importSubstitution, unchecked_return_type = "SubstitutionEffect")]
    pub fn import_substitution(
        &self,
        buyer: &str,
        product: &str,
        #[wasm_bindgen(unchecked_param_type = "number")] share: JsValue,
    ) -> Result<JsValue, JsValue> {
        let share = crate::convert::number(&share, "share")?;
        to_plain(&scenario::import_substitution(&self.inner, buyer, product, share).js_err()?)
    }

    /// (Buyer, imported product) pairs ranked by the retained income that buying a share of
    /// the product locally would add.
    #[wasm_bindgen(js_name = leakRanking, unchecked_return_type = "LeakRanking")]
    pub fn leak_ranking(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "LeakRankingOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let options: LeakRankingOptions = if options.is_undefined() || options.is_null() {
            LeakRankingOptions::default()
        } else {
            from_object(&options, "leak ranking options")?
        };
        to_plain(&scenario::leak_ranking(&self.inner, &options).js_err()?)
    }

    /// The products `buyer` imports that are made locally, largest first.
    #[wasm_bindgen(js_name = importedProducts, unchecked_return_type = "ImportedProduct[]")]
    pub fn imported_products(&self, buyer: &str) -> Result<JsValue, JsValue> {
        to_plain(&scenario::imported_products(&self.inner, buyer).js_err()?)
    }

    /// The same table with a real import-use table: `blocks` maps each import row's label to
    /// its n × n matrix, row-major (products × buyers), whose columns add up to the row.
    #[wasm_bindgen(js_name = withImportUse)]
    pub fn with_import_use(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Record<string, Float64Array | number[]>")]
        blocks: JsValue,
    ) -> Result<RegionalTable, JsValue> {
        let object = blocks.dyn_ref::<js_sys::Object>().ok_or_else(|| {
            crate::error::invalid("import use", "expected an object of matrices by origin")
        })?;
        let mut out = Vec::new();
        for entry in js_sys::Object::entries(object).iter() {
            let pair = js_sys::Array::from(&entry);
            let origin = pair.get(0).as_string().unwrap_or_default();
            let what = format!("import use {origin:?}");
            let values =
                crate::convert::numbers_from_js(&pair.get(1), &what, crate::convert::MAX_Z_VALUES)?;
            out.push(localecon::table::ImportUseBlock { origin, values });
        }
        Ok(RegionalTable {
            inner: self
                .inner
                .clone()
                .with_import_use(localecon::table::ImportUse {
                    basis: localecon::table::ImportBasis::Supplied,
                    blocks: out,
                })
                .js_err()?,
        })
    }

    /// Imports by product (rows) and buyer (columns) from one origin (an import row's label),
    /// row-major.
    #[wasm_bindgen(js_name = importUse)]
    pub fn import_use(&self, origin: &str) -> Result<Vec<f64>, JsValue> {
        let iu = self.inner.imports_by_product();
        iu.blocks
            .iter()
            .find(|b| b.origin == origin)
            .map(|b| b.values.clone())
            .ok_or_else(|| {
                crate::error::to_js(&localecon::Error::UnknownLabel {
                    what: "import row (origin)".into(),
                    label: origin.into(),
                })
            })
    }

    /// How this table's imports by product and buyer are known.
    #[wasm_bindgen(getter, js_name = importBasis, unchecked_return_type = "ImportBasis")]
    pub fn import_basis(&self) -> String {
        self.inner.imports_by_product().basis.to_string()
    }
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** How a table's imports by product and buyer are known. */
export type ImportBasis = "supplied" | "product_proportionality" | "regionalised" | "purchase_mix";
export interface LeakRankingOptions { share?: number; topK?: number; maxOutputIncrease?: number | null; exclude?: string[]; minBusinessSalesShare?: number }
/** One entry of the leak ranking. */
export interface LeakOpportunity { buyer: string; buyerName: string; product: string; productName: string; imports: number; importsSubstituted: number; importsSubstitutedByOrigin: OriginAmount[]; capacityShare: number; capped: boolean; retainedIncomeGain: number; outputGain: number; gvaGain: number; jobsGain: number | null; gainPerUnit: number }
export interface ExcludedSupplier { code: string; name: string; reason: "zero_output" | "not_sold_to_businesses" | "flagged"; businessSalesShare: number }
export interface LeakRanking { opportunities: LeakOpportunity[]; importBasis: ImportBasis; assumption: string; excludedSuppliers: ExcludedSupplier[]; pairsRanked: number; options: { share: number; maxOutputIncrease: number | null; exclude: string[]; minBusinessSalesShare: number; topK: number } }
export interface ImportedProduct { product: string; productName: string; imports: number; byOrigin: OriginAmount[]; localOutput: number }
"#;
