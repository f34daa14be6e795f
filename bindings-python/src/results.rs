//! What every result conversion shares: a result's sector labels, and a core type read back
//! from its JSON text (unpickling).

use pyo3::prelude::*;

pub(crate) fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> PyResult<T> {
    serde_json::from_str(json).map_err(|e| {
        crate::error::to_py(localecon::Error::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })
    })
}

/// The codes and the names of `sectors`, in their order.
pub(crate) fn codes_names(sectors: &[localecon::table::Sector]) -> (Vec<String>, Vec<String>) {
    (
        sectors.iter().map(|s| s.code.clone()).collect(),
        sectors.iter().map(|s| s.name.clone()).collect(),
    )
}

/// `(cls._from_json, (json,))` for pickling a native object through its serde form.
pub(crate) fn reduce<'py, T: serde::Serialize>(
    py: Python<'py>,
    cls: Bound<'py, pyo3::types::PyType>,
    inner: &T,
) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
    let json = serde_json::to_string(inner).map_err(|e| {
        crate::error::to_py(localecon::Error::InvalidInput {
            what: "pickle".into(),
            message: e.to_string(),
        })
    })?;
    let args = pyo3::types::PyTuple::new(py, [json])?;
    pyo3::types::PyTuple::new(py, [cls.getattr("_from_json")?, args.into_any()])
}
