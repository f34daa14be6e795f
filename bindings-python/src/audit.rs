//! The audit of a table for Python.

use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::out1;
use crate::results::html_table;
use crate::table::PyRegionalTable;

/// The audit of a table: PASS / WARN / FAIL per check.
#[pyclass(name = "Audit", module = "localecon", frozen)]
pub struct PyAudit {
    pub inner: localecon::table::Audit,
}

#[pymethods]
impl PyAudit {
    /// The worst status: "PASS", "WARN" or "FAIL".
    #[getter]
    fn status(&self) -> String {
        self.inner.status().to_string()
    }

    /// Every check as a dict with keys check, status, detail.
    #[getter]
    fn checks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for c in &self.inner.checks {
            let d = PyDict::new(py);
            d.set_item("check", &c.check)?;
            d.set_item("status", c.status.to_string())?;
            d.set_item("detail", &c.detail)?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// Codes of zero-output sectors.
    #[getter]
    fn zero_output_sectors(&self) -> Vec<String> {
        self.inner.zero_output_sectors.clone()
    }

    /// Row total minus output, per sector.
    #[getter]
    fn row_gaps<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        out1(py, self.inner.row_gaps.clone())
    }

    /// Column total minus output, per sector.
    #[getter]
    fn column_gaps<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        out1(py, self.inner.column_gaps.clone())
    }

    /// Whether A is productive (None when not computed).
    #[getter]
    fn productive(&self) -> Option<bool> {
        self.inner.productive
    }

    /// The largest column sum of A (None when not computed).
    #[getter]
    fn max_column_sum(&self) -> Option<f64> {
        self.inner.max_column_sum
    }

    /// The spectral radius of A, computed when a column sum of A reaches 1 (None otherwise).
    #[getter]
    fn spectral_radius(&self) -> Option<f64> {
        self.inner.spectral_radius
    }

    /// The 1-norm condition estimate of I − A (None when not computed).
    #[getter]
    fn condition(&self) -> Option<f64> {
        self.inner.condition
    }

    /// The relative tolerance the balance checks used.
    #[getter]
    fn balance_tolerance(&self) -> f64 {
        self.inner.balance_tolerance
    }

    /// The checks as a DataFrame.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pd = py.import("pandas")?;
        pd.getattr("DataFrame")?.call1((self.checks(py)?,))
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        let title = format!("Audit: {}", slf.get().inner.status());
        html_table(slf.as_any(), &title)
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Audit {}: {} checks>",
            self.inner.status(),
            self.inner.checks.len()
        )
    }
}

crate::results::pickled_through_json!(PyAudit => localecon::table::Audit);

#[pymethods]
impl PyRegionalTable {
    /// The audit: PASS / WARN / FAIL per check.
    fn audit(&self) -> PyAudit {
        PyAudit {
            inner: self.inner.audit(),
        }
    }
}

/// Adds this module's classes and functions to `localecon._localecon`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyAudit>()?;
    Ok(())
}
