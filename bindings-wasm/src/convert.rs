//! Conversions between JavaScript values and the core's inputs and results (one generic way for every call).

use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::case::{Camel, Snake};
use crate::error::{self, invalid};

/// A result as a plain JavaScript object, its struct fields in camelCase (see `case`).
pub(crate) fn to_plain<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(Camel(&serde_wasm_bindgen::Serializer::json_compatible()))
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
                .ok_or_else(|| invalid(what, format!("entry {k} is not a number: {}", shown(&x))))
        })
        .collect()
}

/// One number per sector or entry, from a `Float64Array` or an array of numbers, for an
/// argument typed `Float64Array | number[]`. Not `&[f64]`: wasm-bindgen's own conversion
/// reads `null` and `false` as 0, `"x"` as NaN and an object without a `length` as no
/// numbers at all; here each is refused naming the argument, the entry and its value.
#[cfg(feature = "full")]
pub(crate) fn vector(v: &JsValue, what: &str) -> Result<Vec<f64>, JsValue> {
    numbers_from_js(v, what, MAX_Z_VALUES)
}

/// How a value that is not what an argument takes is shown in its error: as JSON, or by its
/// `typeof` (`undefined`, a function).
pub(crate) fn shown(x: &JsValue) -> String {
    js_sys::JSON::stringify(x)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| x.js_typeof().as_string().unwrap_or_default())
}

/// A whole-number argument (a count, a size, a number of steps) of at least `least`, or
/// `None` when it is `undefined` or `null`. Not `usize`: wasm-bindgen's own conversion wraps
/// −2 to 4,294,967,294, truncates 2.5 to 2 and reads `"2"` as 2; here a number that is not
/// whole, below `least` or above 2⁵³ − 1 is `out_of_range` and anything else `invalid_input`,
/// each naming the argument and its value.
#[cfg(feature = "full")]
pub(crate) fn whole(v: &JsValue, what: &str, least: u64) -> Result<Option<usize>, JsValue> {
    let Some(v) = given(v) else {
        return Ok(None);
    };
    let x = v
        .as_f64()
        .ok_or_else(|| invalid(what, format!("expected a number, found {}", shown(v))))?;
    if x.fract() != 0.0 || !(least as f64..=9_007_199_254_740_991.0).contains(&x) {
        return Err(error::to_js(&localecon::Error::OutOfRange {
            location: localecon::Location::Field(what.into()),
            value: x,
            expected: format!("a whole number ≥ {least}"),
        }));
    }
    usize::try_from(x as u64)
        .map(Some)
        .map_err(|_| invalid(what, format!("{x} is more than WebAssembly can count")))
}

/// A number argument. Not `f64`: wasm-bindgen's own conversion reads `null`, `false` and `[]`
/// as 0, `true` as 1 and `"5"` as 5; here anything but a number is `invalid_input` naming
/// the argument and its value (NaN and ±∞ go on to the core's checks, which name them).
#[cfg(feature = "full")]
pub(crate) fn number(v: &JsValue, what: &str) -> Result<f64, JsValue> {
    v.as_f64()
        .ok_or_else(|| invalid(what, format!("expected a number, found {}", shown(v))))
}

/// A seed: a whole number from 0 to 2⁵³ − 1 (what a JavaScript number holds exactly, as
/// the seed of an `UncertaintySpec`), or a `bigint` from 0 to 2⁶⁴ − 1.
#[cfg(feature = "full")]
pub(crate) fn seed(v: &JsValue) -> Result<u64, JsValue> {
    if let Some(big) = v.dyn_ref::<js_sys::BigInt>() {
        return u64::try_from(big.clone()).map_err(|_| {
            let shown = String::from(big.to_string(10).unwrap_or_default());
            invalid(
                "seed",
                format!("{shown} is not a whole number from 0 to 2⁶⁴ − 1"),
            )
        });
    }
    let x = v
        .as_f64()
        .ok_or_else(|| invalid("seed", format!("expected a number, found {}", shown(v))))?;
    if x.fract() != 0.0 || !(0.0..=9_007_199_254_740_991.0).contains(&x) {
        return Err(error::to_js(&localecon::Error::OutOfRange {
            location: localecon::Location::Field("seed".into()),
            value: x,
            expected: "a whole number from 0 to 2⁵³ − 1".into(),
        }));
    }
    Ok(x as u64)
}

/// An optional [`number`]: `None` for `undefined` or `null`.
#[cfg(feature = "full")]
pub(crate) fn optional_number(v: &JsValue, what: &str) -> Result<Option<f64>, JsValue> {
    given(v).map(|v| number(v, what)).transpose()
}

/// The value of an optional argument: `None` for `undefined` or `null`.
#[cfg(feature = "full")]
pub(crate) fn given(v: &JsValue) -> Option<&JsValue> {
    (!v.is_undefined() && !v.is_null()).then_some(v)
}

/// An optional string: `None` for `undefined` or `null`. For an optional argument that
/// other optional arguments follow: wasm-bindgen writes an `Option<String>` before them as a
/// required `string | null | undefined` in the `.d.ts`, so TypeScript could not leave it out.
#[cfg(feature = "full")]
pub(crate) fn optional_text(v: &JsValue, what: &str) -> Result<Option<String>, JsValue> {
    given(v)
        .map(|v| {
            v.as_string()
                .ok_or_else(|| invalid(what, format!("expected a string, found {}", shown(v))))
        })
        .transpose()
}

/// An optional `true` or `false`: `None` for `undefined` or `null`. Not `Option<bool>`:
/// wasm-bindgen's own conversion reads any value by its truthiness (`"false"` is true).
#[cfg(feature = "full")]
pub(crate) fn flag(v: &JsValue, what: &str) -> Result<Option<bool>, JsValue> {
    given(v)
        .map(|v| {
            v.as_bool()
                .ok_or_else(|| invalid(what, format!("expected true or false, found {}", shown(v))))
        })
        .transpose()
}

/// A required [`whole`] argument: `undefined` is `invalid_input` naming it.
#[cfg(feature = "full")]
pub(crate) fn required_whole(v: &JsValue, what: &str, least: u64) -> Result<usize, JsValue> {
    whole(v, what, least)?
        .ok_or_else(|| invalid(what, format!("expected a number, found {}", shown(v))))
}

/// An array of strings (sector codes, groups, targets), each entry that is not a string
/// refused naming its position and value (wasm-bindgen's own `string[]` conversion throws an
/// untyped "array contains a value of the wrong type").
pub(crate) fn strings(v: &JsValue, what: &str) -> Result<Vec<String>, JsValue> {
    let array = v.dyn_ref::<js_sys::Array>().ok_or_else(|| {
        invalid(
            what,
            format!("expected an array of strings, found {}", shown(v)),
        )
    })?;
    array
        .iter()
        .enumerate()
        .map(|(k, x)| {
            x.as_string()
                .ok_or_else(|| invalid(what, format!("entry {k} is not a string: {}", shown(&x))))
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

/// Reads a plain object straight into `T`, its keys in camelCase (see `case`): strings are
/// copied once into WebAssembly memory, and a key `T` does not have is refused by name at
/// any depth (serde-wasm-bindgen alone would look up only the fields it knows and ignore
/// the rest silently).
pub(crate) fn from_object<T: serde::de::DeserializeOwned>(
    v: &JsValue,
    what: &str,
) -> Result<T, JsValue> {
    if !v.is_object() {
        return Err(invalid(what, "expected an object"));
    }
    let v = if has_undefined(v) {
        without_undefined(v)
    } else {
        v.clone()
    };
    // an option's wrong spelling is the core's typed error, wherever it is nested; any other
    // error names the place of the value refused (`spending[0].amount`)
    crate::case::read(what, || {
        T::deserialize(Snake(serde_wasm_bindgen::Deserializer::from(v)))
    })
    .map_err(|e| error::to_js(&e))
}

/// Whether a key of a plain object under `v` is `undefined` (arrays of numbers and typed
/// arrays are not walked: only objects and arrays of objects hold keys).
fn has_undefined(v: &JsValue) -> bool {
    if let Some(array) = v.dyn_ref::<js_sys::Array>() {
        return array.get(0).is_object() && array.iter().any(|x| has_undefined(&x));
    }
    if !v.is_object() || js_sys::ArrayBuffer::is_view(v) {
        return false;
    }
    let entries = js_sys::Object::entries(v.unchecked_ref());
    entries.iter().any(|pair| {
        let value = js_sys::Array::from(&pair).get(1);
        value.is_undefined() || has_undefined(&value)
    })
}

/// A copy of `v` without the keys whose value is `undefined`, at any depth: an optional key
/// given as `undefined` is absent, as `JSON.stringify` and TypeScript's optional properties
/// have it. The caller's object is not changed.
fn without_undefined(v: &JsValue) -> JsValue {
    if let Some(array) = v.dyn_ref::<js_sys::Array>() {
        return array
            .iter()
            .map(|x| without_undefined(&x))
            .collect::<js_sys::Array>()
            .into();
    }
    if !v.is_object() || js_sys::ArrayBuffer::is_view(v) {
        return v.clone();
    }
    let out = js_sys::Object::new();
    for pair in js_sys::Object::entries(v.unchecked_ref()).iter() {
        let pair = js_sys::Array::from(&pair);
        let value = pair.get(1);
        if !value.is_undefined() {
            let _ = js_sys::Reflect::set(&out, &pair.get(0), &without_undefined(&value));
        }
    }
    out.into()
}
