//! Linkages, the Ghosh model, hypothetical extraction, structural paths and model LMk for Python.

use numpy::PyArray2;
use pyo3::prelude::*;

use crate::convert::{out1, out2, parse};
use crate::error::IntoPy;
use crate::results::codes_names;
use crate::table::PyRegionalTable;

#[pymethods]
impl PyRegionalTable {
    /// Rasmussen–Hirschman linkages and key sectors, a `Linkages` (`to_pandas()` for a
    /// labelled table).
    fn linkages<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let t = &self.inner;
        let l = crate::interrupt::for_n(py, t.n(), || localecon::linkages::Linkages::new(t))?;
        let (codes, names) = codes_names(&l.sectors);
        let d = pyo3::types::PyDict::new(py);
        d.set_item("codes", codes)?;
        d.set_item("names", names)?;
        d.set_item("backward", out1(py, l.backward))?;
        d.set_item("forward", out1(py, l.forward))?;
        d.set_item("forward_ghosh", out1(py, l.forward_ghosh))?;
        let classes: Vec<String> = l.class.iter().map(ToString::to_string).collect();
        d.set_item("classification", classes)?;
        crate::convert::typed_from(py, "Linkages", d.into_any())
    }

    /// The Ghosh inverse G = (I − B)^-1, n × n.
    fn ghosh_inverse<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let t = &self.inner;
        let g = crate::interrupt::for_n(py, t.n(), || {
            localecon::linkages::GhoshModel::new(t)?.ghosh_inverse()
        })?;
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
