//! Result objects for Python: numpy arrays by default, labelled DataFrames on request.

use numpy::{PyArray1, PyArray2};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::{out_rows, out1};

fn dataframe<'py>(
    py: Python<'py>,
    codes: &[String],
    names: &[String],
    columns: Vec<(String, Vec<f64>)>,
) -> PyResult<Bound<'py, PyAny>> {
    let pd = py.import("pandas")?;
    let data = PyDict::new(py);
    data.set_item("name", names.to_vec())?;
    for (k, v) in columns {
        data.set_item(k, out1(py, v))?;
    }
    let index = pd.getattr("Index")?.call(
        (codes.to_vec(),),
        Some(&[("name", "code")].into_py_dict(py)?),
    )?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("index", index)?;
    pd.getattr("DataFrame")?.call((data,), Some(&kwargs))
}

use pyo3::types::{IntoPyDict, PyTuple};

/// `(cls._from_json, (json,))` for pickling a result through its serde form.
pub(crate) fn reduce<'py, T: serde::Serialize>(
    py: Python<'py>,
    cls: Bound<'py, pyo3::types::PyType>,
    inner: &T,
) -> PyResult<Bound<'py, PyTuple>> {
    let json = serde_json::to_string(inner).map_err(|e| {
        crate::error::to_py(localecon::Error::InvalidInput {
            what: "pickle".into(),
            message: e.to_string(),
        })
    })?;
    PyTuple::new(
        py,
        [
            cls.getattr("_from_json")?,
            PyTuple::new(py, [json])?.into_any(),
        ],
    )
}

pub(crate) fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> PyResult<T> {
    serde_json::from_str(json).map_err(|e| {
        crate::error::to_py(localecon::Error::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })
    })
}

/// Applies a requested dtype for `__array__`.
fn array_as<'py>(
    arr: Bound<'py, PyAny>,
    dtype: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    match dtype {
        Some(d) if !d.is_none() => arr.call_method1("astype", (d,)),
        _ => Ok(arr),
    }
}

/// An HTML view through pandas when it is installed, else a `<pre>` of the text.
pub(crate) fn html_table(obj: &Bound<'_, PyAny>, title: &str) -> PyResult<String> {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    match obj.call_method0("to_pandas") {
        Ok(df) => {
            let kwargs = [("max_rows", 20)].into_py_dict(obj.py())?;
            let table: String = df.call_method("to_html", (), Some(&kwargs))?.extract()?;
            Ok(format!(
                "<div><strong>{}</strong>{table}</div>",
                escape(title)
            ))
        }
        Err(_) => Ok(format!("<pre>{}</pre>", escape(&obj.repr()?.to_string()))),
    }
}

fn codes_names(sectors: &[localecon::table::Sector]) -> (Vec<String>, Vec<String>) {
    (
        sectors.iter().map(|s| s.code.clone()).collect(),
        sectors.iter().map(|s| s.name.clone()).collect(),
    )
}

/// Type I and Type II multipliers and effects, per sector.
///
/// Effects are per unit of final demand: `type_i` = direct + indirect, `type_ii` = direct +
/// indirect + induced. Multipliers are effects divided by the direct coefficient (0 where
/// that is 0). Type II attributes are None when the table has no household column.
#[pyclass(name = "Multipliers", module = "localecon", frozen)]
pub struct PyMultipliers {
    pub inner: localecon::Multipliers,
}

impl PyMultipliers {
    fn measure(&self, measure: &str) -> PyResult<&localecon::Effects> {
        let m = &self.inner;
        match measure {
            "output" => Ok(&m.output),
            "income" => Ok(&m.income),
            "gva" | "value_added" => Ok(&m.value_added),
            "employment" => m.employment.as_ref().ok_or_else(|| {
                crate::error::to_py(localecon::Error::MissingData {
                    what: "employment (the table has none)".into(),
                })
            }),
            other => Err(crate::error::to_py(localecon::Error::UnknownOption {
                what: "measure".into(),
                value: other.into(),
                expected: "output, income, gva, employment".into(),
            })),
        }
    }

    fn pick(&self, measure: &str, what: &str) -> Option<Vec<f64>> {
        let e = self.measure(measure).ok()?;
        match what {
            "type_i" => Some(e.type_i.clone()),
            "type_ii" => e.type_ii.clone(),
            "multiplier_type_i" => Some(e.multiplier_type_i()),
            _ => e.multiplier_type_ii(),
        }
    }

    fn columns(&self) -> Vec<(String, Vec<f64>)> {
        let m = &self.inner;
        let mut cols = Vec::new();
        let mut push = |name: &str, e: &localecon::Effects, effects: bool| {
            if effects {
                cols.push((format!("{name}_effect_type_i"), e.type_i.clone()));
                if let Some(t) = &e.type_ii {
                    cols.push((format!("{name}_effect_type_ii"), t.clone()));
                }
            }
            cols.push((format!("{name}_multiplier_type_i"), e.multiplier_type_i()));
            if let Some(t) = e.multiplier_type_ii() {
                cols.push((format!("{name}_multiplier_type_ii"), t));
            }
        };
        push("output", &m.output, false);
        push("income", &m.income, true);
        push("gva", &m.value_added, true);
        if let Some(e) = &m.employment {
            push("employment", e, true);
        }
        cols
    }
}

#[pymethods]
impl PyMultipliers {
    /// Sector codes.
    #[getter]
    fn codes(&self) -> Vec<String> {
        codes_names(&self.inner.sectors).0
    }

    /// Household income H of the Type II closure (None without Type II).
    #[getter]
    fn household_income(&self) -> Option<f64> {
        self.inner.household_income
    }

    /// What a reader should know about these numbers (ill-conditioning, a household
    /// closure that cannot be formed).
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.inner.warnings.clone()
    }

    /// Why Type II is missing although the table has a household closure (None otherwise).
    #[getter]
    fn type_ii_unavailable(&self) -> Option<String> {
        self.inner.type_ii_unavailable.clone()
    }

    /// The effects of one measure ("output", "income", "gva", "employment") as a dict of
    /// arrays: direct, indirect, induced, type_i, type_ii, multiplier_type_i, multiplier_type_ii.
    fn effects<'py>(&self, py: Python<'py>, measure: &str) -> PyResult<Bound<'py, PyDict>> {
        let e = self.measure(measure)?;
        let d = PyDict::new(py);
        d.set_item("direct", out1(py, e.direct.clone()))?;
        d.set_item("indirect", out1(py, e.indirect()))?;
        d.set_item("induced", e.induced().map(|v| out1(py, v)))?;
        d.set_item("type_i", out1(py, e.type_i.clone()))?;
        d.set_item("type_ii", e.type_ii.clone().map(|v| out1(py, v)))?;
        d.set_item("multiplier_type_i", out1(py, e.multiplier_type_i()))?;
        d.set_item(
            "multiplier_type_ii",
            e.multiplier_type_ii().map(|v| out1(py, v)),
        )?;
        Ok(d)
    }

    /// Every multiplier and effect as a dict of arrays (keys as in `to_pandas`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in self.columns() {
            d.set_item(k, out1(py, v))?;
        }
        Ok(d)
    }

    /// A pandas DataFrame indexed by sector code (pandas must be installed).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let (codes, names) = codes_names(&self.inner.sectors);
        dataframe(py, &codes, &names, self.columns())
    }

    /// `output` type i per sector (None when not available).
    #[getter]
    fn output_type_i<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("output", "type_i").map(|v| out1(py, v))
    }

    /// `output` type ii per sector (None when not available).
    #[getter]
    fn output_type_ii<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("output", "type_ii").map(|v| out1(py, v))
    }

    /// `income` type i per sector (None when not available).
    #[getter]
    fn income_effect_type_i<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("income", "type_i").map(|v| out1(py, v))
    }

    /// `income` type ii per sector (None when not available).
    #[getter]
    fn income_effect_type_ii<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("income", "type_ii").map(|v| out1(py, v))
    }

    /// `income` multiplier type i per sector (None when not available).
    #[getter]
    fn income_multiplier_type_i<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("income", "multiplier_type_i")
            .map(|v| out1(py, v))
    }

    /// `income` multiplier type ii per sector (None when not available).
    #[getter]
    fn income_multiplier_type_ii<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("income", "multiplier_type_ii")
            .map(|v| out1(py, v))
    }

    /// `gva` type i per sector (None when not available).
    #[getter]
    fn gva_effect_type_i<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("gva", "type_i").map(|v| out1(py, v))
    }

    /// `gva` type ii per sector (None when not available).
    #[getter]
    fn gva_effect_type_ii<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("gva", "type_ii").map(|v| out1(py, v))
    }

    /// `gva` multiplier type i per sector (None when not available).
    #[getter]
    fn gva_multiplier_type_i<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("gva", "multiplier_type_i").map(|v| out1(py, v))
    }

    /// `gva` multiplier type ii per sector (None when not available).
    #[getter]
    fn gva_multiplier_type_ii<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("gva", "multiplier_type_ii").map(|v| out1(py, v))
    }

    /// `employment` type i per sector (None when not available).
    #[getter]
    fn employment_effect_type_i<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("employment", "type_i").map(|v| out1(py, v))
    }

    /// `employment` type ii per sector (None when not available).
    #[getter]
    fn employment_effect_type_ii<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("employment", "type_ii").map(|v| out1(py, v))
    }

    /// `employment` multiplier type i per sector (None without employment).
    #[getter]
    fn employment_multiplier_type_i<'py>(
        &self,
        py: Python<'py>,
    ) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("employment", "multiplier_type_i")
            .map(|v| out1(py, v))
    }

    /// `employment` multiplier type ii per sector (None when not available).
    #[getter]
    fn employment_multiplier_type_ii<'py>(
        &self,
        py: Python<'py>,
    ) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("employment", "multiplier_type_ii")
            .map(|v| out1(py, v))
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        html_table(slf.as_any(), "Multipliers (Type I and II)")
    }

    /// sectors × measures array with the columns of `to_dict()` (numpy protocol).
    #[pyo3(signature = (dtype=None, copy=None))]
    fn __array__<'py>(
        &self,
        py: Python<'py>,
        dtype: Option<Bound<'py, PyAny>>,
        copy: Option<bool>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let _ = copy;
        let cols = self.columns();
        let n = self.inner.sectors.len();
        let flat: Vec<f64> = (0..n)
            .flat_map(|i| cols.iter().map(move |(_, v)| v[i]))
            .collect();
        array_as(
            crate::convert::out2(py, flat, n, cols.len())?.into_any(),
            dtype,
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "<Multipliers: {} sectors, Type II {}>",
            self.inner.sectors.len(),
            if self.inner.output.type_ii.is_some() {
                "yes"
            } else {
                "no"
            }
        )
    }
}

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

    /// The shares of one channel (zeros when the table has no such channel).
    fn channel<'py>(&self, py: Python<'py>, channel: &str) -> PyResult<Bound<'py, PyArray1<f64>>> {
        let c = self
            .inner
            .channels
            .iter()
            .find(|c| c.as_str() == channel)
            .copied();
        match c {
            Some(c) => Ok(out1(py, self.inner.channel(c))),
            None => Ok(out1(py, vec![0.0; self.inner.sectors.len()])),
        }
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

fn json_to_py<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr("loads")?.call1((json,))
}

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
                    format!("leak_{ch}"),
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

    /// "key", "backward_oriented", "forward_oriented" or "weak" per sector.
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
        df.set_item("class", self.classes())?;
        Ok(df)
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        html_table(slf.as_any(), "Linkages and key sectors")
    }

    fn __repr__(&self) -> String {
        format!("<Linkages: {} sectors>", self.inner.sectors.len())
    }
}

/// Pickling of a result class through its JSON (`__reduce__` → `_from_json`), in a
/// `#[pymethods]` block of its own (pyo3's `multiple-pymethods`).
macro_rules! pickled_through_json {
    ($($class:ty => $inner:ty),+ $(,)?) => {$(
        #[pymethods]
        impl $class {
            #[staticmethod]
            fn _from_json(json: &str) -> PyResult<Self> {
                Ok(Self {
                    inner: crate::results::from_json::<$inner>(json)?,
                })
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
                crate::results::reduce(slf.py(), slf.get_type(), &slf.get().inner)
            }
        }
    )+};
}
pub(crate) use pickled_through_json;

pickled_through_json!(
    PyMultipliers => localecon::Multipliers,
    PyLeakage => localecon::Leakage,
    PyClosedLeakage => localecon::ClosedLeakage,
    PyRegionReport => localecon::RegionReport,
    PyAudit => localecon::table::Audit,
    PyLinkages => localecon::linkages::Linkages,
);

/// The channel-by-sector surface shared by `Leakage` and `ClosedLeakage`: `channels`,
/// `by_channel`, the numpy protocol and the repr, in a `#[pymethods]` block of its own.
macro_rules! by_channel_result {
    ($($class:ty, $name:literal, $doc:literal);+ $(;)?) => {$(
        #[pymethods]
        impl $class {
            /// The channels, in the row order of `by_channel`.
            #[getter]
            fn channels(&self) -> Vec<&'static str> {
                self.inner.channels.iter().map(|c| c.as_str()).collect()
            }

            #[doc = $doc]
            #[getter]
            fn by_channel<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
                out_rows(py, &self.inner.by_channel, self.inner.sectors.len())
            }

            /// channels × sectors array (numpy protocol).
            #[pyo3(signature = (dtype=None, copy=None))]
            fn __array__<'py>(
                &self,
                py: Python<'py>,
                dtype: Option<Bound<'py, PyAny>>,
                copy: Option<bool>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let _ = copy;
                array_as(
                    out_rows(py, &self.inner.by_channel, self.inner.sectors.len())?.into_any(),
                    dtype,
                )
            }

            fn __repr__(&self) -> String {
                format!(
                    concat!("<", $name, ": {} sectors, channels {:?}>"),
                    self.inner.sectors.len(),
                    self.channels()
                )
            }
        }
    )+};
}

by_channel_result!(
    PyLeakage, "Leakage", "channels × sectors array of leakage shares.";
    PyClosedLeakage, "ClosedLeakage", "channels × sectors array of final shares.";
);
