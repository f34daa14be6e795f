//! The headline report of a region for Python: the core's `RegionReport` held natively
//! (`_Report`), presented by `RegionReport` of `localecon/_results.py`.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::table::PyRegionalTable;

/// The core's report, held for `localecon._results.RegionReport`: its JSON, its text, and
/// the headline numbers the class reads without parsing the JSON.
#[pyclass(name = "_Report", module = "localecon", frozen)]
pub struct PyReport {
    pub inner: localecon::RegionReport,
}

/// A core report as `localecon._results.RegionReport`: the headline fields handed over
/// directly (a report is made in 0.23 ms for Scotland's 98 sectors; its JSON is read only
/// when a nested field is asked for).
pub(crate) fn to_python(py: Python<'_>, r: localecon::RegionReport) -> PyResult<Bound<'_, PyAny>> {
    let d = PyDict::new(py);
    d.set_item("format", &r.format)?;
    d.set_item("version", r.version)?;
    d.set_item("region", &r.region)?;
    d.set_item("unit", &r.unit)?;
    d.set_item("employment_unit", &r.employment_unit)?;
    d.set_item("source", &r.source)?;
    d.set_item("n_sectors", r.n_sectors)?;
    d.set_item("household_income", r.household_income)?;
    d.set_item("warnings", &r.warnings)?;
    d.set_item("type_ii_unavailable", &r.type_ii_unavailable)?;
    d.set_item("leakage_share", r.leakage_share)?;
    d.set_item("retention_share", r.retention_share)?;
    d.set_item("output_multiplier_type_i", r.output_multiplier_type_i)?;
    d.set_item("output_multiplier_type_ii", r.output_multiplier_type_ii)?;
    d.set_item("_native", Bound::new(py, PyReport { inner: r })?)?;
    crate::convert::typed_from(py, "RegionReport", d.into_any())
}

#[pymethods]
impl PyReport {
    /// The report as pretty-printed JSON text (the same file in every language).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// One nested part of the report as JSON text (`totals`, `circulation`,
    /// `leakage_by_channel`, `sectors`, `retention_assumptions`, `household_closure`, `audit`,
    /// `satellite`).
    fn part(&self, key: &str) -> PyResult<String> {
        let r = &self.inner;
        let text = match key {
            "totals" => serde_json::to_string(&r.totals),
            "circulation" => serde_json::to_string(&r.circulation),
            "leakage_by_channel" => serde_json::to_string(&r.leakage_by_channel),
            "sectors" => serde_json::to_string(&r.sectors),
            "retention_assumptions" => serde_json::to_string(&r.retention_assumptions),
            "household_closure" => serde_json::to_string(&r.household_closure),
            "audit" => serde_json::to_string(&r.audit),
            _ => serde_json::to_string(&r.satellite),
        };
        text.map_err(|e| {
            crate::error::to_py(localecon::Error::InvalidInput {
                what: key.into(),
                message: e.to_string(),
            })
        })
    }

    /// The report as readable text (the command line's).
    fn text(&self) -> String {
        self.inner.to_string()
    }

    /// A `RegionReport` from its JSON text (`JsonError` naming line and column).
    #[staticmethod]
    fn from_json<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, crate::results::from_json(json)?)
    }
}

#[pymethods]
impl PyRegionalTable {
    /// The RegionReport: headline indicators of the region. `progress`, if given, is called
    /// as `progress(stage, done)` before each stage (`done` from 0 to 1) — useful on large
    /// tables; the GIL is released in between.
    #[pyo3(signature = (progress=None, satellite=None))]
    fn report<'py>(
        &self,
        py: Python<'py>,
        progress: Option<Py<PyAny>>,
        satellite: Option<&crate::satellite::PySatellite>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let t = &self.inner;
        let sat = satellite.map(|s| &s.inner);
        let mut failed: Option<PyErr> = None;
        let long = t.n() >= crate::interrupt::INTERRUPTIBLE_MIN_N;
        let inner = crate::interrupt::interruptible_if(py, long, || {
            let mut r = localecon::RegionReport::with_progress(t, &mut |stage, done| {
                if let (Some(cb), None) = (&progress, &failed) {
                    failed = Python::attach(|py| cb.call1(py, (stage, done)).err());
                }
            })?;
            if let Some(sat) = sat {
                r.add_satellite(t, sat)?;
            }
            Ok::<_, localecon::Error>(r)
        })?;
        if let Some(e) = failed {
            return Err(e);
        }
        to_python(py, inner)
    }
}

/// Adds this module's classes and functions to `localecon._localecon`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyReport>()?;
    Ok(())
}
