//! A JSON document of a stated format and version, read in two passes over its text: its
//! header first, so that another format is told apart from a malformed one, then the document
//! itself with the place of any value refused (`z[0][1]`) and its line and column.
//!
//! Neither pass builds a `serde_json::Value` tree of the whole document (a table of 4,500
//! sectors holds 20 million numbers): the header pass skips what is not the header, and the
//! second pass reads straight into the document's types.

use std::fmt;

use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, Result};

/// A document's `format` and `version`: `""` and 0 when absent or of another type (an array,
/// a number, a version written as a string), as for a document of another format.
struct Header {
    format: String,
    version: u64,
}

impl<'de> de::Deserialize<'de> for Header {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(HeaderVisitor)
    }
}

struct HeaderVisitor;

impl HeaderVisitor {
    fn none() -> Header {
        Header {
            format: String::new(),
            version: 0,
        }
    }
}

macro_rules! no_header {
    ($($method:ident($ty:ty)),*) => {$(
        fn $method<E: de::Error>(self, _: $ty) -> std::result::Result<Header, E> {
            Ok(Self::none())
        }
    )*};
}

impl<'de> Visitor<'de> for HeaderVisitor {
    type Value = Header;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON document")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Header, A::Error> {
        let mut header = Self::none();
        while let Some(key) = map.next_key::<String>()? {
            // as `Value::get` on a parsed object: the last of duplicate keys counts
            match key.as_str() {
                "format" => {
                    let v: serde_json::Value = map.next_value()?;
                    header.format = v.as_str().unwrap_or_default().to_string();
                }
                "version" => {
                    let v: serde_json::Value = map.next_value()?;
                    header.version = v.as_u64().unwrap_or(0);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(header)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Header, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Self::none())
    }
    no_header! { visit_bool(bool), visit_i64(i64), visit_u64(u64), visit_f64(f64), visit_str(&str) }
    fn visit_unit<E: de::Error>(self) -> std::result::Result<Header, E> {
        Ok(Self::none())
    }
}

/// Reads the document `T` of `format` `version` from its text (a byte-order mark already
/// removed).
///
/// # Errors
///
/// [`Error::Json`] for text that is not JSON, with its line and column; then
/// [`Error::UnsupportedVersion`] for another format or version; then [`Error::Json`] for a
/// value of the wrong type or a field misspelt, naming its place (`z[0][1]`, as every
/// reader names it: [`crate::input_place`]), line and column.
pub(crate) fn read<T: DeserializeOwned>(text: &str, format: &str, version: u32) -> Result<T> {
    let header: Header = serde_json::from_str(text).map_err(|e| super::json_error(&e))?;
    if header.format != format || header.version != u64::from(version) {
        return Err(Error::UnsupportedVersion {
            format: header.format,
            version: u32::try_from(header.version).unwrap_or(u32::MAX),
            supported: format!("{format} version {version}"),
        });
    }
    // the whole text is JSON (the header's pass read it to its end)
    let mut reader = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        let inner = e.inner();
        let position = format!(" at line {} column {}", inner.line(), inner.column());
        let full = inner.to_string();
        let message = full.strip_suffix(&position).unwrap_or(&full);
        let place = crate::spelling::place_of(e.path(), message);
        Error::Json {
            line: inner.line(),
            column: inner.column(),
            message: if place.is_empty() {
                message.to_string()
            } else {
                format!("{place}: {message}")
            },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        format: String,
        version: u32,
        z: Vec<Vec<f64>>,
    }

    fn read_doc(text: &str) -> Result<Doc> {
        read(text, "f", 1)
    }

    #[test]
    fn another_format_is_told_apart_from_a_malformed_document() {
        for (text, format, version) in [
            ("[1, 2, 3]", "", 0),
            ("17", "", 0),
            (r#""f""#, "", 0),
            ("null", "", 0),
            (r#"{"format": "g", "version": 1, "z": "x"}"#, "g", 1),
            (r#"{"format": "f", "version": "1"}"#, "f", 0),
            (r#"{"format": "f", "version": 1.5}"#, "f", 0),
            (r#"{"format": 3, "version": 2}"#, "", 2),
            (r#"{"format": "f", "version": 2, "format": "g"}"#, "g", 2),
        ] {
            match read_doc(text) {
                Err(Error::UnsupportedVersion {
                    format: f,
                    version: v,
                    ..
                }) => assert_eq!((f.as_str(), v), (format, version), "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn text_that_is_not_json_gives_its_line_and_column() {
        for text in [
            "",
            r#"{"format": "f", "#,
            r#"{"format": "f", "version": 1} }"#,
        ] {
            let e = read_doc(text).unwrap_err();
            assert_eq!(e.code(), "json", "{text}: {e}");
        }
        let Error::Json { line, column, .. } =
            read_doc("{\n  \"format\": \"f\",\n  x").unwrap_err()
        else {
            panic!("not a JSON error");
        };
        assert_eq!((line, column), (3, 3));
    }

    #[test]
    fn a_value_of_the_wrong_type_is_named_by_its_place_line_and_column() {
        let text = "{\"format\": \"f\", \"version\": 1,\n \"z\": [[1, 2], [3, \"4\"]]}";
        let Error::Json {
            line,
            column,
            message,
        } = read_doc(text).unwrap_err()
        else {
            panic!("not a JSON error");
        };
        // serde_json's position: the value's last character
        assert_eq!((line, column), (2, 22));
        assert_eq!(
            message,
            r#"z[1][1]: invalid type: string "4", expected f64"#
        );
        // a misspelt field: the place is the object that holds it, the message names it
        let e = read_doc(r#"{"format": "f", "version": 1, "z": [], "zz": 1}"#).unwrap_err();
        assert!(e.to_string().contains(": unknown field `zz`"), "{e}");
        assert!(!e.to_string().contains("zz: unknown"), "{e}");
    }

    #[test]
    fn a_good_document_reads_the_same_numbers() {
        let doc =
            read_doc(r#"{"format": "f", "version": 1, "z": [[0.1, 2], [1e308, -0.0]]}"#).unwrap();
        assert_eq!(doc.z, vec![vec![0.1, 2.0], vec![1e308, -0.0]]);
    }
}
