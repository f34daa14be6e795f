//! Leakage by channel, open and household-closed, for Python.

use numpy::{PyArray1, PyArray2};
use pyo3::prelude::*;

use crate::convert::{out_rows, out1};
use crate::error::IntoPy;
use crate::results::{array_as, codes_names, dataframe, html_table};
use crate::table::PyRegionalTable;

/// The open-model leakage decomposition: for one unit of final demand per sector, the share
/// leaving by each channel, the total leakage and the retained local income.
#[pyclass(name = "Leakage", module = "localecon", frozen)]
pub struct PyLeakage {
    pub inner: localecon::Leakage,
}

#[pymethods]
impl PyLeakage {
    /// Sector codes.
    #[getter]
    fn codes(&self) -> Vec<String> {
        codes_names(&self.inner.sectors).0
    }

    /// Total leakage share per sector.
    #[getter]
    fn leakage<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        out1(py, self.inner.leakage.clone())
    }

    /// Retained local income per unit of final demand, per sector.
    #[getter]
    fn retention<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        out1(py, self.inner.retention.clone())
    }

    /// A DataFrame indexed by sector code: one column per channel, then leakage and retention.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let (codes, names) = codes_names(&self.inner.sectors);
        let mut cols: Vec<(String, Vec<f64>)> = self
            .inner
            .channels
            .iter()
            .zip(&self.inner.by_channel)
            .map(|(c, v)| (c.as_str().to_string(), v.clone()))
            .collect();
        cols.push(("leakage".into(), self.inner.leakage.clone()));
        cols.push(("retention".into(), self.inner.retention.clone()));
        dataframe(py, &codes, &names, cols)
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        html_table(
            slf.as_any(),
            "Where each unit of final demand leaks (Type I)",
        )
    }
}

/// The household-closed leakage decomposition: where one unit finally ends up.
#[pyclass(name = "ClosedLeakage", module = "localecon", frozen)]
pub struct PyClosedLeakage {
    pub inner: localecon::ClosedLeakage,
}

#[pymethods]
impl PyClosedLeakage {
    /// Sum over channels per sector (1 for every sector with output).
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        out1(py, self.inner.total.clone())
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        html_table(
            slf.as_any(),
            "Where each unit of final demand finally ends up (households closed)",
        )
    }

    /// A DataFrame indexed by sector code, one column per channel.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let (codes, names) = codes_names(&self.inner.sectors);
        let cols = self
            .inner
            .channels
            .iter()
            .zip(&self.inner.by_channel)
            .map(|(c, v)| (c.as_str().to_string(), v.clone()))
            .collect();
        dataframe(py, &codes, &names, cols)
    }
}

crate::results::pickled_through_json!(
    PyLeakage => localecon::Leakage,
    PyClosedLeakage => localecon::ClosedLeakage,
);

crate::results::by_channel_result!(
    PyLeakage, "Leakage", "channels × sectors array of leakage shares.";
    PyClosedLeakage, "ClosedLeakage", "channels × sectors array of final shares.";
);

#[pymethods]
impl PyRegionalTable {
    /// The open-model leakage decomposition by channel.
    fn leakage(&self, py: Python<'_>) -> PyResult<PyLeakage> {
        let t = &self.inner;
        let inner = py.detach(|| localecon::Leakage::new(t)).py_err()?;
        Ok(PyLeakage { inner })
    }

    /// The household-closed leakage decomposition (every channel, summing to 1).
    fn closed_leakage(&self, py: Python<'_>) -> PyResult<PyClosedLeakage> {
        let t = &self.inner;
        let inner = py.detach(|| localecon::ClosedLeakage::new(t)).py_err()?;
        Ok(PyClosedLeakage { inner })
    }

    /// Local intermediate purchases / all intermediate purchases, per sector.
    fn local_purchase_coefficients<'py>(
        &self,
        py: Python<'py>,
    ) -> Bound<'py, numpy::PyArray1<f64>> {
        out1(
            py,
            localecon::leakage::local_purchase_coefficients(&self.inner),
        )
    }
}

/// Adds this module's classes and functions to `localecon._localecon`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLeakage>()?;
    m.add_class::<PyClosedLeakage>()?;
    Ok(())
}
