//! Reading and writing tables for Python: the interchange JSON and the labelled CSV layout.

use localecon::interchange;
use pyo3::prelude::*;

use crate::convert::{TextOrBytes, text_or_bytes};
use crate::error::IntoPy;
use crate::table::PyRegionalTable;

#[pymethods]
impl PyRegionalTable {
    /// Reads a table from the interchange JSON (format "localecon-table", version 1): text,
    /// or a file's bytes in UTF-8 or UTF-16 with a byte-order mark (other encodings are a
    /// `JsonError` at their first byte that is not UTF-8).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let inner = match text_or_bytes(text)? {
            TextOrBytes::Text(t) => interchange::read_json(&t),
            TextOrBytes::Bytes(b) => interchange::read_json_bytes(&b),
        };
        Ok(Self {
            inner: inner.py_err()?,
        })
    }

    /// Reads a table from the labelled CSV layout (comma, or semicolon with decimal commas,
    /// or tab): text, or a file's bytes in UTF-8 or UTF-16 with a byte-order mark (other
    /// encodings are a `CsvError` naming the line and field of their first byte that is
    /// not UTF-8).
    #[staticmethod]
    fn from_csv(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let inner = match text_or_bytes(text)? {
            TextOrBytes::Text(t) => interchange::read_csv(&t),
            TextOrBytes::Bytes(b) => interchange::read_csv_bytes(&b),
        };
        Ok(Self {
            inner: inner.py_err()?,
        })
    }

    /// The table as interchange JSON.
    fn to_json(&self) -> String {
        interchange::write_json(&self.inner)
    }

    /// The table in the labelled CSV layout.
    fn to_csv(&self) -> String {
        interchange::write_csv(&self.inner)
    }
}
