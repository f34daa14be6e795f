//! One spelling per option: a macro that gives an enum `as_str`, `Display`, `FromStr` and
//! serde with the same snake_case spellings, shared by both bindings.
//!
//! Reading an option from JSON goes through `FromStr`, so a wrong spelling is the typed
//! [`Error::UnknownOption`](crate::Error::UnknownOption) listing the spellings wherever the
//! option is nested. serde's errors are text; the typed error is kept beside it on this
//! thread, and [`take_refused_spelling`] hands it to a binding whose read of an input failed.

use std::cell::RefCell;

std::thread_local! {
    static REFUSED: RefCell<Option<crate::Error>> = const { RefCell::new(None) };
}

/// The typed error of the last option spelling a deserialisation refused on this thread,
/// if any (taken: a second call gives `None`). A binding clears it before reading an input
/// and, when the read fails with serde's text containing this error's message, reports the
/// typed error instead of a generic invalid input.
pub fn take_refused_spelling() -> Option<crate::Error> {
    REFUSED.with(|r| r.borrow_mut().take())
}

/// The core's error for a failed read of an input (`what`) by any serde deserializer whose
/// error text is `message`: the typed error of a refused option spelling when that is what
/// failed (see [`take_refused_spelling`]; call it before the read to clear an old one), else
/// [`Error::InvalidInput`](crate::Error::InvalidInput) naming `what`.
pub fn input_error(what: &str, message: String) -> crate::Error {
    match take_refused_spelling() {
        Some(refused) if message.contains(&refused.to_string()) => refused,
        _ => crate::Error::InvalidInput {
            what: what.into(),
            message,
        },
    }
}

/// One step of the way into an input, to the value a read refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceStep<'a> {
    /// An object's key (a struct field, a map's label, an enum's variant), spelt as the
    /// caller wrote it.
    Key(&'a str),
    /// A list's position, from 0.
    Index(usize),
}

/// The place of a value inside an input as the core's own errors name it, so that a value a
/// reader refuses and a value the core's checks refuse are named alike in every language:
/// keys joined by `.`, positions in brackets (`spending[0].amount`). No steps: `""`.
pub fn input_place<'a>(steps: impl IntoIterator<Item = PlaceStep<'a>>) -> String {
    let mut place = String::new();
    for step in steps {
        match step {
            PlaceStep::Key(key) => {
                if !place.is_empty() {
                    place.push('.');
                }
                place.push_str(key);
            }
            PlaceStep::Index(k) => place.push_str(&format!("[{k}]")),
        }
    }
    place
}

/// [`input_error`] for a read that failed at `place` (see [`input_place`]): its message is
/// `place: message`, or `message` alone where the place is the input itself.
pub fn input_error_at(what: &str, place: &str, message: String) -> crate::Error {
    if place.is_empty() {
        input_error(what, message)
    } else {
        input_error(what, format!("{place}: {message}"))
    }
}

/// An input of the core's (options, a survey, a scenario …) read by any serde deserializer,
/// as the Python binding reads its dicts and the JSON readers read text: a wrong option
/// spelling anywhere in it is the typed [`Error::UnknownOption`](crate::Error::UnknownOption),
/// any other mismatch [`Error::InvalidInput`](crate::Error::InvalidInput) naming `what` and
/// the place of the value refused ([`input_place`], tracked by `serde_path_to_error`).
///
/// # Errors
///
/// Those two.
pub fn input_from_deserializer<'de, T, D>(d: D, what: &str) -> crate::Result<T>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    take_refused_spelling();
    serde_path_to_error::deserialize(d).map_err(|e| {
        let message = e.inner().to_string();
        input_error_at(what, &place_of(e.path(), &message), message)
    })
}

/// [`input_place`] of the path `serde_path_to_error` tracked. A key a struct does not have is
/// named by serde's message (``unknown field `basis` ``), so the place is the object that
/// holds it, as the JavaScript reader names it.
pub(crate) fn place_of(path: &serde_path_to_error::Path, message: &str) -> String {
    use serde_path_to_error::Segment;
    let mut steps: Vec<PlaceStep> = path
        .iter()
        .filter_map(|s| match s {
            Segment::Map { key } => Some(PlaceStep::Key(key)),
            Segment::Enum { variant } => Some(PlaceStep::Key(variant)),
            Segment::Seq { index } => Some(PlaceStep::Index(*index)),
            Segment::Unknown => None,
        })
        .collect();
    if let Some(PlaceStep::Key(key)) = steps.last() {
        if message.starts_with(&format!("unknown field `{key}`")) {
            steps.pop();
        }
    }
    input_place(steps)
}

/// An input of the core's read from JSON text (see [`input_from_deserializer`]); serde_json's
/// message also gives the line and column.
///
/// # Errors
///
/// Those of [`input_from_deserializer`]; [`Error::InvalidInput`](crate::Error::InvalidInput)
/// for text after the document.
///
/// # Example
///
/// ```
/// use localecon::lm3::Lm3Survey;
/// let survey = r#"{"income": 100, "spending": [
///     {"label": "staff", "amount": 40, "local_share": 0.75, "respend_local_share": 0.45},
///     {"label": "suppliers", "amount": "fifty", "local_share": 0.4, "respend_local_share": 0.7}]}"#;
/// let e = localecon::input_from_json::<Lm3Survey>(survey, "LM3 survey").unwrap_err();
/// assert_eq!(e.code(), "invalid_input");
/// assert!(e.to_string().starts_with(
///     r#"invalid LM3 survey: spending[1].amount: invalid type: string "fifty""#));
/// ```
pub fn input_from_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> crate::Result<T> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let value = input_from_deserializer(&mut reader, what)?;
    reader.end().map_err(|e| input_error(what, e.to_string()))?;
    Ok(value)
}

/// [`input_from_json`] from a parsed JSON value.
///
/// # Errors
///
/// Those of [`input_from_deserializer`].
pub fn input_from_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    what: &str,
) -> crate::Result<T> {
    input_from_deserializer(value, what)
}

/// serde's error for a refused spelling, the typed error kept for
/// [`take_refused_spelling`].
#[doc(hidden)]
pub fn refuse<E: serde::de::Error>(e: crate::Error) -> E {
    let message = e.to_string();
    REFUSED.with(|r| *r.borrow_mut() = Some(e));
    E::custom(message)
}

/// The largest seed a number given as a float may carry: 2⁵³ − 1, the largest whole number a
/// float (every number of JavaScript, a number beyond 2⁶⁴ in JSON) holds exactly.
const MAX_FLOAT_SEED: f64 = 9_007_199_254_740_991.0;

/// A generator's seed read from data (`#[serde(deserialize_with)]`): a whole number from 0
/// to 2⁶⁴ − 1, or a float that is whole and at most 2⁵³ − 1 (JavaScript gives every number
/// as a float). Anything else is the typed [`Error::OutOfRange`](crate::Error::OutOfRange)
/// naming `seed` and the value, kept as a refused spelling is (see [`take_refused_spelling`]),
/// so that every binding refuses a seed of `-1`, `1.5` or `2⁶⁴` with the same error.
pub(crate) fn seed<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    struct Seed;
    fn refused<E: serde::de::Error>(value: f64) -> E {
        refuse(crate::Error::OutOfRange {
            location: crate::Location::Field("seed".into()),
            value,
            expected: "a whole number from 0 to 2⁶⁴ − 1 (to 2⁵³ − 1 when given as a float, as JavaScript gives numbers)".into(),
        })
    }
    impl serde::de::Visitor<'_> for Seed {
        type Value = u64;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a whole number from 0 to 2⁶⁴ − 1")
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<u64, E> {
            Ok(v)
        }
        #[allow(clippy::cast_precision_loss)] // the value is only shown in the error
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<u64, E> {
            u64::try_from(v).map_err(|_| refused(v as f64))
        }
        // a reader of a language with big integers (Python) gives one beyond 64 bits as 128
        #[allow(clippy::cast_precision_loss)] // the value is only shown in the error
        fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<u64, E> {
            u64::try_from(v).map_err(|_| refused(v as f64))
        }
        #[allow(clippy::cast_precision_loss)] // the value is only shown in the error
        fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<u64, E> {
            u64::try_from(v).map_err(|_| refused(v as f64))
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked whole and in range
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<u64, E> {
            if v >= 0.0 && v.fract() == 0.0 && v <= MAX_FLOAT_SEED {
                Ok(v as u64)
            } else {
                Err(refused(v))
            }
        }
    }
    d.deserialize_any(Seed)
}

/// Declares an enum whose variants each have one spelling.
macro_rules! spelled_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident => $spelling:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every kind, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The one spelling of this kind (as in JSON, CSV, Python and JavaScript).
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $spelling),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let spelling = String::deserialize(d)?;
                spelling.parse().map_err($crate::spelling::refuse)
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::error::Error;
            fn from_str(s: &str) -> Result<Self, $crate::error::Error> {
                match s {
                    $($spelling => Ok($name::$variant),)+
                    other => Err($crate::error::Error::UnknownOption {
                        what: $what.to_string(),
                        value: other.to_string(),
                        expected: [$($spelling),+].join(", "),
                    }),
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::regionalize::RegionalizeOptions;
    use crate::{Error, input_from_json};

    #[test]
    fn a_wrong_spelling_is_the_typed_error_and_anything_else_invalid_input() {
        let e =
            input_from_json::<RegionalizeOptions>(r#"{"method": "lq"}"#, "options").unwrap_err();
        assert!(
            matches!(&e, Error::UnknownOption { value, expected, .. } if value == "lq" && expected.contains("flq")),
            "{e}"
        );
        let e =
            input_from_json::<RegionalizeOptions>(r#"{"metod": "flq"}"#, "options").unwrap_err();
        assert_eq!(e.code(), "invalid_input", "{e}");
        // a refused spelling left from an earlier read is not reported for a later failure
        let _ = serde_json::from_str::<RegionalizeOptions>(r#"{"method": "lq"}"#);
        let e = input_from_json::<RegionalizeOptions>(r#"{"delta": "x"}"#, "options").unwrap_err();
        assert_eq!(e.code(), "invalid_input", "{e}");
        let ok = input_from_json::<RegionalizeOptions>(r#"{"method": "aflq"}"#, "options").unwrap();
        assert_eq!(ok.method.as_str(), "aflq");
    }

    #[test]
    fn a_seed_given_as_a_128_bit_integer_is_read_or_out_of_range() {
        use serde::de::value::{Error as ValueError, I128Deserializer, U128Deserializer};
        // what a reader of Python's big integers gives
        assert_eq!(
            super::seed(U128Deserializer::<ValueError>::new(7)).unwrap(),
            7
        );
        assert_eq!(
            super::seed(U128Deserializer::<ValueError>::new(u128::from(u64::MAX))).unwrap(),
            u64::MAX
        );
        super::take_refused_spelling();
        assert!(super::seed(U128Deserializer::<ValueError>::new(1 << 64)).is_err());
        assert!(matches!(
            super::take_refused_spelling(),
            Some(Error::OutOfRange { value, .. }) if value == 18_446_744_073_709_551_616.0
        ));
        assert!(super::seed(I128Deserializer::<ValueError>::new(-1)).is_err());
        assert!(matches!(
            super::take_refused_spelling(),
            Some(Error::OutOfRange { .. })
        ));
    }
}
