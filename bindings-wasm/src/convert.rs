//! Conversions between JavaScript values and the core's inputs and results (one generic way for every call).

use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::error::{self, invalid};

/// Reads a plain object through its JSON text, so that serde's `deny_unknown_fields` and
/// the snake_case spellings are exactly those of the Rust and Python surfaces.
pub(crate) fn from_json_value<T: serde::de::DeserializeOwned>(
    v: &JsValue,
    what: &str,
) -> Result<T, JsValue> {
    let text: String = js_sys::JSON::stringify(v)
        .map_err(|_| invalid(what, "not JSON-serialisable"))?
        .into();
    serde_json::from_str(&text).map_err(|e| invalid(what, e))
}

pub(crate) fn to_plain<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| invalid("result", e))
}

/// The most values of Z a table may have in WebAssembly: the analyses hold about five
/// copies of an n × n matrix, and 32-bit WebAssembly has 4 GiB, so n ≤ 7,000.
pub(crate) const MAX_Z_VALUES: usize = 49_000_000;

/// Z from a `Float64Array` or an array of numbers, refusing sizes WebAssembly cannot hold
/// before copying anything into its memory.
pub(crate) fn flows_from_js(z: &JsValue) -> Result<Vec<f64>, JsValue> {
    numbers_from_js(z, "Z", MAX_Z_VALUES)
}

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

/// The `length` of an array-like, refused above `limit` before anything is copied.
pub(crate) fn js_length(
    v: &JsValue,
    what: &str,
    expected: &str,
    limit: usize,
) -> Result<usize, JsValue> {
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

/// A reader's argument: a string (`Ok`) or a `Uint8Array` of a file's bytes (`Err`);
/// anything else is an `invalid_input` error naming its type.
pub(crate) fn text_or_bytes(value: &JsValue) -> Result<Result<String, Vec<u8>>, JsValue> {
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

/// Reads a plain object straight into `T` (strings are copied once into WebAssembly memory,
/// not escaped into JSON text and parsed back), refusing keys `T` does not have, as serde's
/// `deny_unknown_fields` does on the JSON route: serde-wasm-bindgen looks up only the fields
/// it knows, so an unknown key would otherwise be ignored silently.
pub(crate) fn from_object<T: serde::de::DeserializeOwned>(
    v: &JsValue,
    what: &str,
) -> Result<T, JsValue> {
    if let Some(fields) = struct_fields::<T>() {
        check_keys(v, fields, what)?;
    }
    serde_wasm_bindgen::from_value(v.clone()).map_err(|e| {
        // the message is a JavaScript Error's text ("Error: missing field …")
        let text = e.to_string();
        invalid(what, text.strip_prefix("Error: ").unwrap_or(&text))
    })
}

/// The field names serde's derive gives `T` when `T` is a struct: a deserializer that only
/// records what `deserialize_struct` is told, then stops.
fn struct_fields<T: serde::de::DeserializeOwned>() -> Option<&'static [&'static str]> {
    use serde::de::{Error, Visitor};
    #[derive(Debug)]
    struct Stop;
    impl std::fmt::Display for Stop {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("field names recorded")
        }
    }
    impl std::error::Error for Stop {}
    impl Error for Stop {
        fn custom<M: std::fmt::Display>(_: M) -> Self {
            Stop
        }
    }
    struct Fields<'a>(&'a mut Option<&'static [&'static str]>);
    impl<'de> serde::Deserializer<'de> for Fields<'_> {
        type Error = Stop;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            *self.0 = Some(fields);
            Err(Stop)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }
    let mut fields = None;
    let _ = T::deserialize(Fields(&mut fields));
    fields
}
