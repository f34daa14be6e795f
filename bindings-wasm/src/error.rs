//! The one conversion point from `localecon::Error` to a JavaScript `Error` with `name`
//! (e.g. `"ShapeError"`) and `code` (e.g. `"shape"`).

use std::borrow::Cow;

use crate::convert::to_plain;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

/// Converts a core error into a JavaScript `Error` object; a field it names is spelt as
/// JavaScript spells it (`max_output_increase` → `maxOutputIncrease`, see `case`).
pub fn to_js(e: &localecon::Error) -> JsValue {
    as_written(&for_js(e))
}

/// Converts a core error into a JavaScript `Error` object, a field it names spelt as it is
/// written: for the errors of a file's text, whose keys are the file's
/// (`retention.operating_surplus`), not a JavaScript object's.
fn as_written(e: &localecon::Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name(e.class_name());
    let _ = js_sys::Reflect::set(
        &err,
        &JsValue::from_str("code"),
        &JsValue::from_str(e.code()),
    );
    err.into()
}

/// The error with the field it names in JavaScript's spelling (each identifier of a path
/// such as `retention.compensation[4]` in camelCase; labels and indices unchanged).
fn for_js(e: &localecon::Error) -> Cow<'_, localecon::Error> {
    use localecon::{Error, Location};
    let (Error::NonFinite { location, .. }
    | Error::Negative { location, .. }
    | Error::OutOfRange { location, .. }) = e
    else {
        return Cow::Borrowed(e);
    };
    let Location::Field(path) = location else {
        return Cow::Borrowed(e);
    };
    // the path comes first; a label after it (`spending[0].local_share (staff)`) stays
    let (head, tail) = path.split_at(path.find(' ').unwrap_or(path.len()));
    let spelt: Vec<String> = head
        .split('.')
        .map(|segment| {
            // the identifier at the start of the segment; an index or a label after it stays
            let end = segment
                .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
                .unwrap_or(segment.len());
            let (name, rest) = segment.split_at(end);
            if name.starts_with(|c: char| c.is_ascii_lowercase()) {
                format!("{}{rest}", crate::case::camel_string(name))
            } else {
                segment.to_string()
            }
        })
        .collect();
    let spelt = spelt.join(".") + tail;
    if spelt == *path {
        return Cow::Borrowed(e);
    }
    let mut e = e.clone();
    if let Error::NonFinite { location, .. }
    | Error::Negative { location, .. }
    | Error::OutOfRange { location, .. } = &mut e
    {
        *location = Location::Field(spelt);
    }
    Cow::Owned(e)
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

/// `Result` of reading a file's text, its error converted with the file's spelling.
pub trait FromFile<T> {
    /// Converts the error side to a JavaScript `Error`, naming a field as the file does.
    ///
    /// # Errors
    ///
    /// The converted error.
    fn file_err(self) -> Result<T, JsValue>;
}

impl<T> FromFile<T> for localecon::Result<T> {
    fn file_err(self) -> Result<T, JsValue> {
        self.map_err(|e| as_written(&e))
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
