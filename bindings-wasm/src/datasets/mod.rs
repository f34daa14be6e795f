//! The embedded datasets for JavaScript: a dataset's table built from its raw files (here,
//! in the module of `localecon/report` too), and, in the full module, Scotland's council
//! areas (commuting, ownership), the atlases and the validations (`councils`).

use wasm_bindgen::prelude::*;

use crate::convert::from_object;
use crate::error::IntoJs;

#[cfg(feature = "full")]
mod councils;

/// The raw files, read straight from the JavaScript object (about 0.2 MB per dataset: what
/// a page's first `dataset()` waits for).
pub(crate) fn sources(value: &JsValue) -> Result<localecon::datasets::Sources, JsValue> {
    from_object(value, "dataset sources")
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** The raw files the embedded datasets are built from (shipped by `localecon/data`). */
export interface DatasetSources { scotland_2019: string; scotland_2019_sections: string; scotland_2019_imports_by_product: string; scotland_2019_fte: string; sic2007_to_ioc098: string; bres_2019_scotland_subclass: string; bres_2019_council_division: string; census_2011_council_commuting: string; ons_2019_scotland_surplus_by_industry: string; ons_scotland_itl3: string; australia_2021_22: string; australia_2021_lga_employment: string; australia_2021_22_115: string; uk_2019_ghg_by_ioc098: string; uk_2019_ghg_households: string; uk_2019_sections: string; uk_2019_shared: string; ioc098_shared: string; scotland_2019_ruk_purchases_by_final_use: string; census_2011_council_od: string; bres_2019_uk_scotland_division: string }
"#;

/// An embedded dataset built from its raw files (`localecon/data` ships them) by the same
/// code as in Rust and Python, so that every language gets the same table to the last bit.
#[wasm_bindgen(js_name = buildDataset)]
pub fn build_dataset(
    name: &str,
    #[wasm_bindgen(unchecked_param_type = "DatasetSources")] sources: JsValue,
) -> Result<crate::table::RegionalTable, JsValue> {
    Ok(crate::table::RegionalTable {
        inner: self::sources(&sources)?.build(name).js_err()?,
    })
}
