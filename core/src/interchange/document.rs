//! A JSON document of a stated format and version, read in two passes over its text: its
//! header first, so that another format is told apart from a malformed one, then the document
//! itself with the place of any value refused (`z[0][1]`) and its line and column.
//!
//! Neither pass builds a `serde_json::Value` tree of the whole document (a table of 4,500
//! sectors holds 20 million numbers): the header pass stops once it has read `format` and
//! `version` (the first keys of every document this crate writes), and the second pass reads
//! straight into the document's types.

use std::fmt;

use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, Result};

/// A document's `format` and `version`: `""` and 0 when absent or of another type (an array,
/// a number, a version written as a string), as for a document of another format.
struct Header {
    format: String,
    version: u64,
}

/// Reads the header, stopping as soon as both keys are read: they open every document this
/// crate writes, and the second pass reads (and checks) the rest of the text.
struct HeaderVisitor<'a> {
    found: &'a mut Option<Header>,
}

/// The error that stops the header's pass early (never shown).
const HEADER_READ: &str = "localecon: header read";

fn no_header() -> Header {
    Header {
        format: String::new(),
        version: 0,
    }
}

macro_rules! no_header {
    ($($method:ident($ty:ty)),*) => {$(
        fn $method<E: de::Error>(self, _: $ty) -> std::result::Result<Header, E> {
            Ok(no_header())
        }
    )*};
}

impl<'de> Visitor<'de> for HeaderVisitor<'_> {
    type Value = Header;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON document")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Header, A::Error> {
        let (mut format, mut version) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => {
                    let v: serde_json::Value = map.next_value()?;
                    format = Some(v.as_str().unwrap_or_default().to_string());
                }
                "version" => {
                    let v: serde_json::Value = map.next_value()?;
                    version = Some(v.as_u64().unwrap_or(0));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            if let (Some(f), Some(v)) = (&format, version) {
                *self.found = Some(Header {
                    format: f.clone(),
                    version: v,
                });
                return Err(de::Error::custom(HEADER_READ));
            }
        }
        Ok(Header {
            format: format.unwrap_or_default(),
            version: version.unwrap_or(0),
        })
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Header, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(no_header())
    }
    no_header! { visit_bool(bool), visit_i64(i64), visit_u64(u64), visit_f64(f64), visit_str(&str) }
    fn visit_unit<E: de::Error>(self) -> std::result::Result<Header, E> {
        Ok(no_header())
    }
}

/// The header of a document (see [`Header`]); [`Error::Json`] for text before it (or, without
/// one, anywhere) that is not JSON.
fn header(text: &str) -> Result<Header> {
    use serde::Deserializer as _;
    let mut found = None;
    let mut reader = serde_json::Deserializer::from_str(text);
    let read = (&mut reader).deserialize_any(HeaderVisitor { found: &mut found });
    if let Some(header) = found {
        return Ok(header);
    }
    let header = read.map_err(|e| super::json_error(&e))?;
    reader.end().map_err(|e| super::json_error(&e))?;
    Ok(header)
}

/// Reads the document `T` of `format` `version` from its text (a leading byte-order mark is
/// skipped).
///
/// # Errors
///
/// [`Error::Json`] for text that is not JSON, with its line and column; then
/// [`Error::UnsupportedVersion`] for another format or version; then [`Error::Json`] for a
/// value of the wrong type or a field misspelt, naming its place (`z[0][1]`, as every
/// reader names it: [`crate::input_place`]), line and column.
pub(crate) fn read<T: DeserializeOwned>(text: &str, format: &str, version: u32) -> Result<T> {
    // a byte-order mark (spreadsheet and Windows editors write one) is not JSON
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = header(text)?;
    if header.format != format || header.version != u64::from(version) {
        return Err(Error::UnsupportedVersion {
            format: header.format,
            version: u32::try_from(header.version).unwrap_or(u32::MAX),
            supported: format!("{format} version {version}"),
        });
    }
    let mut reader = serde_json::Deserializer::from_str(text);
    let document = serde_path_to_error::deserialize(&mut reader).map_err(|e| {
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
    })?;
    reader.end().map_err(|e| super::json_error(&e))?;
    Ok(document)
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
            (r#"{"version": 2, "z": [[1]], "format": "g"}"#, "g", 2),
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
        // before the header, after it (the header's pass stops early: the second pass finds
        // these), after the document, and a key twice
        for text in [
            "",
            r#"{"format": "f", "#,
            r#"{"format": "f", "version": 1, "z": [[1, 2], [3"#,
            r#"{"format": "f", "version": 1, "z": []} }"#,
            r#"{"format": "f", "version": 1, "z": [], "format": "g"}"#,
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
