//! The region's satellite accounts for Python (the core's `satellite::accounts`).

use localecon::satellite::Accounts;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::to_py;
use crate::error::IntoPy;

/// The region's production- and consumption-based accounts, one per stressor:
/// `stressors` (dicts), `get(name)`, `to_pandas()` (one row per stressor).
#[pyclass(name = "SatelliteAccounts", module = "localecon", frozen)]
pub struct PySatelliteAccounts {
    pub inner: Accounts,
}

#[pymethods]
impl PySatelliteAccounts {
    /// One dict per stressor.
    #[getter]
    fn stressors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.stressors)
    }

    /// The assumptions the numbers rest on.
    #[getter]
    fn assumptions(&self) -> Vec<String> {
        self.inner.assumptions.clone()
    }

    /// One stressor's account as a dict.
    fn get<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.inner.get(name).py_err()?)
    }

    /// One row per stressor; embodied amounts by origin as `embodied_in_imports_<origin>` and
    /// `imports_for_exports_<origin>` columns.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = PyList::empty(py);
        for (a, d) in self
            .inner
            .stressors
            .iter()
            .zip(self.stressors(py)?.try_iter()?)
        {
            let d = d?.cast_into::<PyDict>()?;
            d.del_item("embodied_in_imports")?;
            d.del_item("imports_for_exports")?;
            for o in &a.embodied_in_imports {
                d.set_item(format!("embodied_in_imports_{}", o.origin), o.amount)?;
            }
            for o in &a.imports_for_exports {
                d.set_item(format!("imports_for_exports_{}", o.origin), o.amount)?;
            }
            rows.append(d)?;
        }
        let pd = py.import("pandas")?;
        pd.getattr("DataFrame")?
            .call1((rows,))?
            .call_method1("set_index", ("name",))
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        let title = format!("Satellite accounts ({})", slf.get().inner.region);
        crate::results::html_table(slf.as_any(), &title)
    }

    fn __repr__(&self) -> String {
        format!(
            "<SatelliteAccounts of {}: {} stressors>",
            self.inner.region,
            self.inner.stressors.len()
        )
    }
}

crate::results::pickled_through_json!(PySatelliteAccounts => Accounts);
