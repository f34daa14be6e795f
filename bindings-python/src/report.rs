//! The headline report of a region for Python.

use pyo3::prelude::*;

use crate::results::{dataframe, html_table, json_to_py};
use crate::table::PyRegionalTable;

/// The headline indicators of a region. `str(report)` is the readable text; `to_dict()` the
/// JSON structure; `to_pandas()` the sector table.
#[pyclass(name = "RegionReport", module = "localecon", frozen)]
pub struct PyRegionReport {
    pub inner: localecon::RegionReport,
}

#[pymethods]
impl PyRegionReport {
    /// The report as JSON text.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The report as plain Python dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.inner.to_json())
    }

    /// What a reader should know: WARN and FAIL audit checks, ill-conditioning, a household
    /// closure that cannot be formed.
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.inner.warnings.clone()
    }

    /// Why Type II is missing although the table has a household closure (None otherwise).
    #[getter]
    fn type_ii_unavailable(&self) -> Option<String> {
        self.inner.type_ii_unavailable.clone()
    }

    /// Name of the region.
    #[getter]
    fn region(&self) -> String {
        self.inner.region.clone()
    }

    /// Money unit.
    #[getter]
    fn unit(&self) -> String {
        self.inner.unit.clone()
    }

    /// Employment unit (None without employment).
    #[getter]
    fn employment_unit(&self) -> Option<String> {
        self.inner.employment_unit.clone()
    }

    /// Source and licence line of the data.
    #[getter]
    fn source(&self) -> Option<String> {
        self.inner.source.clone()
    }

    /// Number of sectors.
    #[getter]
    fn n_sectors(&self) -> usize {
        self.inner.n_sectors
    }

    /// Regional totals (output, gva, compensation, imports, final_demand,
    /// household_consumption), as a dict.
    #[getter]
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::to_py(py, &self.inner.totals)
    }

    /// How money circulates (fci, apl, robustness, …, open and closed), as a dict.
    #[getter]
    fn circulation<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::to_py(py, &self.inner.circulation)
    }

    /// Leakage share by channel (channel, label, share), largest first.
    #[getter]
    fn leakage_by_channel<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::to_py(py, &self.inner.leakage_by_channel)
    }

    /// Every sector's indicators, as dicts in table order (`to_pandas()` for a DataFrame).
    #[getter]
    fn sectors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::to_py(py, &self.inner.sectors)
    }

    /// The report's format name (`"localecon-report"`) and version, as in its JSON.
    #[getter]
    fn format(&self) -> String {
        self.inner.format.clone()
    }

    /// The version of the report's JSON format.
    #[getter]
    fn version(&self) -> u32 {
        self.inner.version
    }

    /// The retention shares the table assumes (taxes_on_products, taxes_on_production,
    /// compensation, operating_surplus, other: one number, or one per sector), as a dict.
    #[getter]
    fn retention_assumptions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::to_py(py, &self.inner.retention_assumptions)
    }

    /// How households are closed into the Type II model (income_sources,
    /// household_income), as a dict.
    #[getter]
    fn household_closure<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::to_py(py, &self.inner.household_closure)
    }

    /// The table's audit checks (check, status, detail), as dicts.
    #[getter]
    fn audit<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::to_py(py, &self.inner.audit)
    }

    /// The satellite accounts (source, stressors, accounts, assumptions) when the report was
    /// made with a satellite, as a dict; None otherwise.
    #[getter]
    fn satellite<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .satellite
            .as_ref()
            .map(|s| crate::convert::to_py(py, s))
            .transpose()
    }

    /// Household income H of the Type II closure (None without Type II).
    #[getter]
    fn household_income(&self) -> Option<f64> {
        self.inner.household_income
    }

    /// Final-demand-weighted leakage share of the region.
    #[getter]
    fn leakage_share(&self) -> f64 {
        self.inner.leakage_share
    }

    /// Final-demand-weighted retention share of the region.
    #[getter]
    fn retention_share(&self) -> f64 {
        self.inner.retention_share
    }

    /// Final-demand-weighted Type I output multiplier.
    #[getter]
    fn output_multiplier_type_i(&self) -> f64 {
        self.inner.output_multiplier_type_i
    }

    /// Final-demand-weighted Type II output multiplier.
    #[getter]
    fn output_multiplier_type_ii(&self) -> Option<f64> {
        self.inner.output_multiplier_type_ii
    }

    /// The sector table as a DataFrame indexed by code (leakage channels as `leak_<channel>`).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let s = &self.inner.sectors;
        let codes: Vec<String> = s.iter().map(|r| r.code.clone()).collect();
        let names: Vec<String> = s.iter().map(|r| r.name.clone()).collect();
        let nan = f64::NAN;
        let mut cols = vec![
            ("output".to_string(), s.iter().map(|r| r.output).collect()),
            (
                "output_multiplier_type_i".into(),
                s.iter().map(|r| r.output_multiplier_type_i).collect(),
            ),
            (
                "output_multiplier_type_ii".into(),
                s.iter()
                    .map(|r| r.output_multiplier_type_ii.unwrap_or(nan))
                    .collect::<Vec<f64>>(),
            ),
            (
                "income_effect_type_i".into(),
                s.iter().map(|r| r.income_effect_type_i).collect(),
            ),
            (
                "gva_effect_type_i".into(),
                s.iter().map(|r| r.gva_effect_type_i).collect(),
            ),
            (
                "leakage_share".into(),
                s.iter().map(|r| r.leakage_share).collect(),
            ),
            (
                "retention_share".into(),
                s.iter().map(|r| r.retention_share).collect(),
            ),
            (
                "local_purchase_coefficient".into(),
                s.iter().map(|r| r.local_purchase_coefficient).collect(),
            ),
        ];
        if let Some(first) = s.first() {
            for ch in first.leakage_by_channel.keys() {
                cols.push((
                    format!("leak_{}", ch.as_str()),
                    s.iter().map(|r| r.leakage_by_channel[ch]).collect(),
                ));
            }
        }
        dataframe(py, &codes, &names, cols)
    }

    /// The report as a page in a notebook: headline, leakage channels, circulation, and the
    /// sector table.
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        let r = &slf.get().inner;
        let esc = |s: &str| {
            s.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        let mut h = format!(
            "<div><h3>{} — {} sectors ({})</h3>",
            esc(&r.region),
            r.n_sectors,
            esc(&r.unit)
        );
        if let Some(src) = &r.source {
            h.push_str(&format!("<p><small>{}</small></p>", esc(src)));
        }
        h.push_str(&format!(
            "<p>Of every unit of final demand <b>{:.1}%</b> stays as local income and <b>{:.1}%</b> leaks. Output multiplier: Type I <b>{:.3}</b>{}. Finn cycling index {:.4}, average path length {:.3}, robustness {:.3}.</p>",
            100.0 * r.retention_share,
            100.0 * r.leakage_share,
            r.output_multiplier_type_i,
            r.output_multiplier_type_ii.map(|m| format!(", Type II <b>{m:.3}</b>")).unwrap_or_default(),
            r.circulation.fci,
            r.circulation.apl,
            r.circulation.robustness
        ));
        h.push_str("<table><tr><th>where it leaks</th><th>share</th></tr>");
        for c in &r.leakage_by_channel {
            h.push_str(&format!(
                "<tr><td>{}</td><td>{:.1}%</td></tr>",
                esc(&c.label),
                100.0 * c.share
            ));
        }
        h.push_str("</table>");
        let sectors = html_table(slf.as_any(), "Sectors")?;
        h.push_str(&sectors);
        h.push_str("</div>");
        Ok(h)
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "<RegionReport {:?}: {} sectors, leakage {:.1}%>",
            self.inner.region,
            self.inner.n_sectors,
            100.0 * self.inner.leakage_share
        )
    }
}

crate::results::pickled_through_json!(PyRegionReport => localecon::RegionReport);

#[pymethods]
impl PyRegionalTable {
    /// The RegionReport: headline indicators of the region. `progress`, if given, is called
    /// as `progress(stage, done)` before each stage (`done` from 0 to 1) — useful on large
    /// tables; the GIL is released in between.
    #[pyo3(signature = (progress=None, satellite=None))]
    fn report(
        &self,
        py: Python<'_>,
        progress: Option<Py<PyAny>>,
        satellite: Option<&crate::satellite::PySatellite>,
    ) -> PyResult<PyRegionReport> {
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
        Ok(PyRegionReport { inner })
    }
}

/// Adds this module's classes and functions to `localecon._localecon`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyRegionReport>()?;
    Ok(())
}
