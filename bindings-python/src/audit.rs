//! The audit of a table for Python: an `Audit` of `localecon/_results.py`.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::table::PyRegionalTable;

/// A core `Audit` as the Python class: its JSON form, with `status` and the printed text.
pub(crate) fn to_python<'py>(
    py: Python<'py>,
    audit: &localecon::table::Audit,
) -> PyResult<Bound<'py, PyAny>> {
    let d = crate::convert::to_py(py, audit)?.cast_into::<PyDict>()?;
    d.set_item("status", audit.status().to_string())?;
    d.set_item("_text", audit.to_string())?;
    crate::convert::typed_from(py, "Audit", d.into_any())
}

#[pymethods]
impl PyRegionalTable {
    /// The audit: PASS / WARN / FAIL per check, an `Audit`.
    fn audit<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let t = &self.inner;
        to_python(py, &crate::interrupt::for_n(py, t.n(), || Ok(t.audit()))?)
    }
}
