//! Stressor multipliers and footprints for Python (the core's `satellite::effects`).

use localecon::satellite::{Footprint, StressorMultipliers};
use numpy::PyArray2;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::out_rows;

/// A stressor × sector DataFrame of `values` (a numpy array).
pub(super) fn frame<'py>(
    py: Python<'py>,
    values: Bound<'py, PyAny>,
    names: &[String],
    sectors: &[localecon::table::Sector],
) -> PyResult<Bound<'py, PyAny>> {
    let pd = py.import("pandas")?;
    let kwargs = PyDict::new(py);
    let index = pd.getattr("Index")?.call1((names.to_vec(),))?;
    index.setattr("name", "stressor")?;
    let columns = pd
        .getattr("Index")?
        .call1((sectors.iter().map(|s| s.code.clone()).collect::<Vec<_>>(),))?;
    columns.setattr("name", "code")?;
    kwargs.set_item("index", index)?;
    kwargs.set_item("columns", columns)?;
    pd.getattr("DataFrame")?.call((values,), Some(&kwargs))
}

/// Stressor multipliers: `direct`, `type_i`, `type_ii`, `indirect`, `induced` as
/// stressor × sector numpy arrays (per unit of the table's money); `to_pandas(what)` as a
/// DataFrame.
#[pyclass(name = "StressorMultipliers", module = "localecon", frozen)]
pub struct PyStressorMultipliers {
    pub inner: StressorMultipliers,
}

impl PyStressorMultipliers {
    fn rows(&self, what: &str) -> PyResult<Option<Vec<Vec<f64>>>> {
        let e = &self.inner.effects;
        Ok(match what {
            "direct" => Some(e.iter().map(|e| e.direct.clone()).collect()),
            "type_i" => Some(e.iter().map(|e| e.type_i.clone()).collect()),
            "indirect" => Some(e.iter().map(localecon::Effects::indirect).collect()),
            "type_ii" => e.iter().map(|e| e.type_ii.clone()).collect(),
            "induced" => e.iter().map(localecon::Effects::induced).collect(),
            other => {
                return Err(crate::error::to_py(localecon::Error::UnknownOption {
                    what: "multiplier part".into(),
                    value: other.into(),
                    expected: "direct, type_i, indirect, type_ii, induced".into(),
                }));
            }
        })
    }

    fn array<'py>(
        &self,
        py: Python<'py>,
        what: &str,
    ) -> PyResult<Option<Bound<'py, PyArray2<f64>>>> {
        self.rows(what)?
            .map(|r| out_rows(py, &r, self.inner.sectors.len()))
            .transpose()
    }
}

#[pymethods]
impl PyStressorMultipliers {
    /// The stressors' names, in row order.
    #[getter]
    fn names(&self) -> Vec<String> {
        self.inner
            .stressors
            .iter()
            .map(|s| s.name.clone())
            .collect()
    }

    /// The stressors' units (multipliers are per unit of `money_unit`).
    #[getter]
    fn units(&self) -> Vec<String> {
        self.inner
            .stressors
            .iter()
            .map(|s| s.unit.clone())
            .collect()
    }

    /// The table's money unit.
    #[getter]
    fn money_unit(&self) -> String {
        self.inner.money_unit.clone()
    }

    /// Direct intensities S.
    #[getter]
    fn direct<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyArray2<f64>>>> {
        self.array(py, "direct")
    }

    /// Type I effects S·L.
    #[getter]
    fn type_i<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyArray2<f64>>>> {
        self.array(py, "type_i")
    }

    /// Indirect effects S·L − S.
    #[getter]
    fn indirect<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyArray2<f64>>>> {
        self.array(py, "indirect")
    }

    /// Type II effects S·L̄ (None without a household closure).
    #[getter]
    fn type_ii<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyArray2<f64>>>> {
        self.array(py, "type_ii")
    }

    /// Induced effects S·L̄ − S·L (None without a household closure).
    #[getter]
    fn induced<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyArray2<f64>>>> {
        self.array(py, "induced")
    }

    /// Why there is no Type II, if so.
    #[getter]
    fn type_ii_unavailable(&self) -> Option<String> {
        self.inner.type_ii_unavailable.clone()
    }

    /// The assumptions of the satellite.
    #[getter]
    fn assumptions(&self) -> Vec<String> {
        self.inner.assumptions.clone()
    }

    /// One part ("direct", "type_i", "indirect", "type_ii", "induced") as a stressor ×
    /// sector DataFrame.
    #[pyo3(signature = (what="type_i"))]
    fn to_pandas<'py>(&self, py: Python<'py>, what: &str) -> PyResult<Bound<'py, PyAny>> {
        let arr = self.array(py, what)?.ok_or_else(|| {
            crate::error::to_py(localecon::Error::MissingData {
                what: format!("{what}: the table has no household closure"),
            })
        })?;
        frame(py, arr.into_any(), &self.names(), &self.inner.sectors)
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        crate::results::html_table(slf.as_any(), "Stressor multipliers (Type I)")
    }

    fn __repr__(&self) -> String {
        format!(
            "<StressorMultipliers: {} stressors × {} sectors>",
            self.inner.stressors.len(),
            self.inner.sectors.len()
        )
    }
}

/// The footprint of one unit of final demand: `local` (inside the region), `by_origin` (dict
/// origin → array) and `total`, each stressor × sector; `to_pandas(stressor)` gives one row
/// per sector with a column per place.
#[pyclass(name = "Footprint", module = "localecon", frozen)]
pub struct PyFootprint {
    pub inner: Footprint,
}

#[pymethods]
impl PyFootprint {
    /// The stressors' names, in row order.
    #[getter]
    fn names(&self) -> Vec<String> {
        self.inner
            .stressors
            .iter()
            .map(|s| s.name.clone())
            .collect()
    }

    /// Inside the region (Type I), stressor × sector.
    #[getter]
    fn local<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        out_rows(py, &self.inner.local, self.inner.sectors.len())
    }

    /// By import origin: dict origin → stressor × sector array.
    #[getter]
    fn by_origin<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (origin, rows) in &self.inner.by_origin {
            d.set_item(origin, out_rows(py, rows, self.inner.sectors.len())?)?;
        }
        Ok(d)
    }

    /// Inside + every origin, stressor × sector.
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        out_rows(py, &self.inner.total(), self.inner.sectors.len())
    }

    /// How the imports by product were obtained, when a per-product factor used them.
    #[getter]
    fn import_basis(&self) -> Option<String> {
        self.inner.import_basis.map(|b| b.to_string())
    }

    /// The assumptions the numbers rest on.
    #[getter]
    fn assumptions(&self) -> Vec<String> {
        self.inner.assumptions.clone()
    }

    /// One stressor's footprint per sector: columns `inside`, one per origin, `total`,
    /// `inside_share`.
    fn to_pandas<'py>(&self, py: Python<'py>, stressor: &str) -> PyResult<Bound<'py, PyAny>> {
        let k = self
            .names()
            .iter()
            .position(|s| s == stressor)
            .ok_or_else(|| {
                crate::error::to_py(localecon::Error::UnknownLabel {
                    what: "stressor".into(),
                    label: stressor.into(),
                })
            })?;
        let n = self.inner.sectors.len();
        let total = self.inner.total();
        let data = PyDict::new(py);
        data.set_item(
            "name",
            self.inner
                .sectors
                .iter()
                .map(|s| s.name.clone())
                .collect::<Vec<_>>(),
        )?;
        data.set_item("inside", self.inner.local[k].clone())?;
        for (origin, rows) in &self.inner.by_origin {
            data.set_item(origin, rows[k].clone())?;
        }
        data.set_item("total", total[k].clone())?;
        data.set_item(
            "inside_share",
            (0..n)
                .map(|j| self.inner.local_share(k, j))
                .collect::<Vec<_>>(),
        )?;
        let pd = py.import("pandas")?;
        let index = pd.getattr("Index")?.call1((self
            .inner
            .sectors
            .iter()
            .map(|s| s.code.clone())
            .collect::<Vec<_>>(),))?;
        index.setattr("name", "code")?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("index", index)?;
        pd.getattr("DataFrame")?.call((data,), Some(&kwargs))
    }

    fn __repr__(&self) -> String {
        format!(
            "<Footprint: {} stressors × {} sectors, origins {:?}>",
            self.inner.stressors.len(),
            self.inner.sectors.len(),
            self.inner
                .by_origin
                .iter()
                .map(|(o, _)| o.as_str())
                .collect::<Vec<_>>()
        )
    }
}

crate::results::pickled_through_json!(
    PyStressorMultipliers => StressorMultipliers,
    PyFootprint => Footprint,
);
