//! The error of a [`Snake`](super::Snake) read and the place it names: serde's message with
//! field names in the caller's spelling, and the keys and positions down to the value refused,
//! named as the core's own checks name them (`spending[0].amount`).

use std::cell::RefCell;
use std::fmt;

use serde::de;

use super::camel;

/// The error of a [`Snake`](super::Snake) read: serde's message, with field names in the caller's spelling.
#[derive(Debug)]
pub(crate) struct InputError(pub(crate) String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// serde-wasm-bindgen names `null` by serde's "unit value" and an object by its Debug form
/// (`JsValue(Object({"s1":10}))`): said in serde_json's words (`null`, `map`), as Rust and
/// Python say them, so that the three languages agree.
fn json_words(message: &str) -> String {
    let Some(rest) = message.strip_prefix("invalid type: ") else {
        return message.to_string();
    };
    let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
    let found = match found {
        "unit value" => "null",
        f if f.starts_with("JsValue(Object(") => "map",
        f => f,
    };
    match expected {
        "" => format!("invalid type: {found}"),
        e => format!("invalid type: {found}, expected {e}"),
    }
}

impl de::Error for InputError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        // a JavaScript Error passed through serde-wasm-bindgen prints as "Error: …"
        let text = msg.to_string();
        let mut rest = text.as_str();
        while let Some(r) = rest.strip_prefix("Error: ") {
            rest = r;
        }
        InputError(json_words(rest))
    }
    fn missing_field(field: &'static str) -> Self {
        InputError(format!("missing field `{}`", camel(field)))
    }
    fn duplicate_field(field: &'static str) -> Self {
        InputError(format!("duplicate field `{}`", camel(field)))
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        // a key read into a field of a hand-written reader (a scenario's change) arrives in
        // the field's own spelling
        unknown(
            &super::camel_string(field),
            expected.iter().map(|f| camel(f)),
        )
    }
}

/// The message of a key a struct does not have, as the caller spelt it, with the keys it has:
/// serde's own words (as Rust's and Python's readers give them), in JavaScript's spelling.
pub(super) fn unknown<'a>(key: &str, expected: impl Iterator<Item = &'a str>) -> InputError {
    let names: Vec<String> = expected.map(|f| format!("`{f}`")).collect();
    InputError(match names.as_slice() {
        [] => format!("unknown field `{key}`, there are no fields"),
        [one] => format!("unknown field `{key}`, expected {one}"),
        [a, b] => format!("unknown field `{key}`, expected {a} or {b}"),
        _ => format!(
            "unknown field `{key}`, expected one of {}",
            names.join(", ")
        ),
    })
}

/// One step to the value a read refused, as the caller spelt it.
pub(super) enum Step {
    Key(String),
    Index(usize),
}

std::thread_local! {
    /// The steps to the value the current read refused, innermost first: each object and
    /// list adds its own as the error rises through it. serde's errors are text and cross
    /// serde-wasm-bindgen's error type on the way up, so the place travels beside them.
    static FAILED_AT: RefCell<Vec<Step>> = const { RefCell::new(Vec::new()) };
}

/// Runs a read, and on failure names the place of the value refused as the core's own
/// checks name it (`spending[0].amount`, [`localecon::input_place`]), keys spelt as the
/// caller wrote them.
pub(crate) fn read<T>(
    what: &str,
    read: impl FnOnce() -> Result<T, InputError>,
) -> Result<T, localecon::Error> {
    FAILED_AT.with(|s| s.borrow_mut().clear());
    localecon::take_refused_spelling();
    let result = read();
    let steps = FAILED_AT.with(|s| std::mem::take(&mut *s.borrow_mut()));
    result.map_err(|e| {
        let place = localecon::input_place(steps.iter().rev().map(|s| match s {
            Step::Key(key) => localecon::PlaceStep::Key(key),
            Step::Index(k) => localecon::PlaceStep::Index(*k),
        }));
        localecon::input_error_at(what, &place, e.0)
    })
}

pub(super) fn failed_at(step: Step) {
    FAILED_AT.with(|s| s.borrow_mut().push(step));
}

pub(super) fn relay<E: de::Error>(e: InputError) -> E {
    E::custom(e.0)
}
