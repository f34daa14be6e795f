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

/// An input of the core's (options, a survey, a scenario …) read from JSON text, as every
/// binding reads it: a wrong option spelling anywhere in it is the typed
/// [`Error::UnknownOption`](crate::Error::UnknownOption), any other mismatch
/// [`Error::InvalidInput`](crate::Error::InvalidInput) naming `what`.
///
/// # Errors
///
/// Those two.
pub fn input_from_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> crate::Result<T> {
    take_refused_spelling();
    serde_json::from_str(text).map_err(|e| input_error(what, e.to_string()))
}

/// [`input_from_json`] from a parsed JSON value.
///
/// # Errors
///
/// Those of [`input_from_json`].
pub fn input_from_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    what: &str,
) -> crate::Result<T> {
    take_refused_spelling();
    serde_json::from_value(value).map_err(|e| input_error(what, e.to_string()))
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
