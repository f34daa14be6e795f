//! Linkages, the Ghosh model, hypothetical extraction, structural paths and model LMk for Python.

use numpy::{PyArray1, PyArray2};
use pyo3::prelude::*;

use crate::convert::{out1, out2, parse};
use crate::error::IntoPy;
use crate::results::{codes_names, dataframe, html_table};
use crate::table::PyRegionalTable;

/// Rasmussen–Hirschman linkage indices (mean 1) and the key-sector classification.
#[pyclass(name = "Linkages", module = "localecon", frozen)]
pub struct PyLinkages {
    pub inner: localecon::linkages::Linkages,
}

#[pymethods]
impl PyLinkages {
    /// Sector codes.
    #[getter]
    fn codes(&self) -> Vec<String> {
        codes_names(&self.inner.sectors).0
    }

    /// Backward index n·(1ᵀL)_j / 1ᵀL1.
    #[getter]
    fn backward<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        out1(py, self.inner.backward.clone())
    }

    /// Forward index, Leontief variant n·(L1)_i / 1ᵀL1.
    #[getter]
    fn forward<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        out1(py, self.inner.forward.clone())
    }

    /// Forward index, Ghosh variant n·(G1)_i / 1ᵀG1.
    #[getter]
    fn forward_ghosh<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        out1(py, self.inner.forward_ghosh.clone())
    }

    /// "key", "backward_oriented", "forward_oriented" or "weak" per sector: the column
    /// `classification` of `to_pandas()`.
    #[getter]
    fn classification(&self) -> Vec<String> {
        self.classes()
    }

    /// The same as `classification` (kept for the code written before the names were
    /// aligned with the DataFrame's).
    #[getter]
    fn classes(&self) -> Vec<String> {
        self.inner.class.iter().map(ToString::to_string).collect()
    }

    /// A DataFrame indexed by sector code.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let (codes, names) = codes_names(&self.inner.sectors);
        let df = dataframe(
            py,
            &codes,
            &names,
            vec![
                ("backward".into(), self.inner.backward.clone()),
                ("forward".into(), self.inner.forward.clone()),
                ("forward_ghosh".into(), self.inner.forward_ghosh.clone()),
            ],
        )?;
        df.set_item("classification", self.classes())?;
        Ok(df)
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        html_table(slf.as_any(), "Linkages and key sectors")
    }

    fn __repr__(&self) -> String {
        format!("<Linkages: {} sectors>", self.inner.sectors.len())
    }
}

crate::results::pickled_through_json!(PyLinkages => localecon::linkages::Linkages);

#[pymethods]
impl PyRegionalTable {
    /// Rasmussen–Hirschman linkages and key sectors (`to_pandas()` for a labelled table).
    fn linkages(&self) -> PyResult<PyLinkages> {
        Ok(PyLinkages {
            inner: localecon::linkages::Linkages::new(&self.inner).py_err()?,
        })
    }

    /// The Ghosh inverse G = (I − B)^-1, n × n.
    fn ghosh_inverse<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let g = localecon::linkages::GhoshModel::new(&self.inner)
            .py_err()?
            .ghosh_inverse();
        out2(py, g, self.inner.n(), self.inner.n())
    }

    /// Output lost if `sector` were extracted ("backward", "forward" or "total").
    #[pyo3(signature = (sector, kind="total"))]
    fn hypothetical_extraction(&self, sector: &str, kind: &str) -> PyResult<f64> {
        localecon::linkages::hypothetical_extraction(&self.inner, sector, parse(kind)?).py_err()
    }

    /// The largest supply-chain paths from final demand for `sector` to `target`
    /// ("value_added", "income" or "leakage"): a dict with paths, total and coverage, the
    /// steps taken and, when the work limit `max_steps` stopped the search, `truncated`.
    #[pyo3(signature = (sector, target="value_added", cutoff=1e-4, max_depth=8, top_k=20, max_steps=20_000_000))]
    #[allow(clippy::too_many_arguments)]
    fn structural_paths<'py>(
        &self,
        py: Python<'py>,
        sector: &str,
        target: &str,
        cutoff: f64,
        max_depth: usize,
        top_k: usize,
        max_steps: u64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let target = parse(target)?;
        let t = &self.inner;
        let r = crate::interrupt::interruptible(py, || {
            localecon::linkages::structural_paths_bounded(
                t, sector, target, cutoff, max_depth, top_k, max_steps,
            )
        })?;
        crate::convert::typed(py, "StructuralPaths", &r)
    }

    /// Model LMk per sector from the household-closed model (k rounds).
    fn model_lm<'py>(
        &self,
        py: Python<'py>,
        k: usize,
    ) -> PyResult<Bound<'py, numpy::PyArray1<f64>>> {
        let t = &self.inner;
        Ok(out1(
            py,
            crate::interrupt::interruptible(py, || localecon::lm3::model_lm(t, k))?,
        ))
    }
}

/// Adds this module's classes and functions to `localecon._localecon`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLinkages>()?;
    Ok(())
}
