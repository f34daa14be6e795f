//! The one conversion point from `localecon::Error` to a JavaScript `Error` with `name`
//! (e.g. `"ShapeError"`) and `code` (e.g. `"shape"`).

use crate::convert::to_plain;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

/// Converts a core error into a JavaScript `Error` object.
pub fn to_js(e: &localecon::Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name(e.class_name());
    let _ = js_sys::Reflect::set(
        &err,
        &JsValue::from_str("code"),
        &JsValue::from_str(e.code()),
    );
    err.into()
}

/// `Result` with a core error converted on the way out.
pub trait IntoJs<T> {
    /// Converts the error side to a JavaScript `Error`.
    ///
    /// # Errors
    ///
    /// The converted error.
    fn js_err(self) -> Result<T, JsValue>;
}

impl<T> IntoJs<T> for localecon::Result<T> {
    fn js_err(self) -> Result<T, JsValue> {
        self.map_err(|e| to_js(&e))
    }
}

/// A serde conversion failure at the boundary, as an `InvalidInputError`.
pub fn invalid(what: &str, e: impl std::fmt::Display) -> JsValue {
    to_js(&localecon::Error::InvalidInput {
        what: what.into(),
        message: e.to_string(),
    })
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Errors thrown by localecon: `name` is the class (e.g. "ShapeError"), `code` the stable code. */
export interface LocaleconError extends Error { code: string }
"#;

/// Every error code with its class name.
#[wasm_bindgen(js_name = errorKinds, unchecked_return_type = "[string, string][]")]
pub fn error_kinds() -> Result<JsValue, JsValue> {
    to_plain(&localecon::Error::KINDS)
}
