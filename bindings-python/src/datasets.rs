//! The embedded datasets' inputs for Python: Scotland's council areas (commuting, ownership)
//! and the atlas of all 32, a typed result with `to_pandas()` (one row per council).

use localecon::atlas::Atlas;
use localecon::datasets::{CommutingCheck, CouncilCommuting, GvaValidation, Sources};
use localecon::regionalize::LqMethod;
use numpy::PyArray1;
use pyo3::prelude::*;

use crate::convert::to_py;
use crate::convert::{out1, parse};
use crate::error::IntoPy;

/// Travel to work of one council area, 2011 census (persons aged 16+ in employment).
#[pyclass(name = "CouncilCommuting", module = "localecon", frozen, get_all)]
pub struct PyCouncilCommuting {
    /// GSS code in use from 2019, e.g. "S12000049".
    pub code: String,
    /// Council name as in the census and BRES, e.g. "Glasgow City".
    pub council: String,
    /// Dataset name, e.g. "scotland-council-2019:glasgow-city".
    pub dataset: String,
    /// Jobs at a fixed workplace in the council.
    pub fixed_workplace_jobs: f64,
    /// Of those, held by the council's residents.
    pub live_and_work: f64,
    /// Held by in-commuters from the rest of Scotland.
    pub in_from_scotland: f64,
    /// Held by in-commuters from the rest of the UK.
    pub in_from_rest_of_uk: f64,
    /// Residents in employment, wherever they work.
    pub residents_in_employment: f64,
    /// Residents who mainly work at or from home.
    pub work_at_home: f64,
    /// Residents with no fixed place of work.
    pub no_fixed_place: f64,
    /// Residents working offshore.
    pub offshore: f64,
    /// Residents working outside the UK.
    pub outside_uk: f64,
    /// Fixed-workplace jobs plus home and no-fixed-place workers.
    pub workplace_population: f64,
    /// Residents' share of the workplace population, home and no-fixed-place workers counted
    /// as residents (the alternative resident share).
    pub resident_share_of_workplace_population: f64,
    /// Residents in employment (without offshore and abroad) over the workplace population.
    pub net_ratio: f64,
    /// Residents' share of the fixed-workplace jobs (the resident share of compensation).
    pub resident_share: f64,
    /// In-commuters' share of the fixed-workplace jobs.
    pub in_commuter_share: f64,
}

impl From<CouncilCommuting> for PyCouncilCommuting {
    fn from(c: CouncilCommuting) -> Self {
        Self {
            resident_share: c.resident_share(),
            in_commuter_share: c.in_commuter_share(),
            resident_share_of_workplace_population: c.resident_share_of_workplace_population(),
            net_ratio: c.net_ratio(),
            work_at_home: c.work_at_home,
            no_fixed_place: c.no_fixed_place,
            offshore: c.offshore,
            outside_uk: c.outside_uk,
            workplace_population: c.workplace_population,
            code: c.code,
            council: c.council,
            dataset: c.dataset,
            fixed_workplace_jobs: c.fixed_workplace_jobs,
            live_and_work: c.live_and_work,
            in_from_scotland: c.in_from_scotland,
            in_from_rest_of_uk: c.in_from_rest_of_uk,
            residents_in_employment: c.residents_in_employment,
        }
    }
}

#[pymethods]
impl PyCouncilCommuting {
    fn __repr__(&self) -> String {
        format!(
            "CouncilCommuting({:?}: {} of {} jobs held by residents, {:.1} % by in-commuters)",
            self.council,
            self.live_and_work,
            self.fixed_workplace_jobs,
            100.0 * self.in_commuter_share
        )
    }
}

/// Every embedded dataset name: the four tables, then the 32 council areas.
#[pyfunction]
pub fn dataset_names() -> PyResult<Vec<String>> {
    Sources::embedded().names().py_err()
}

/// The 2011 census travel to work of a council area, by dataset name or council name;
/// `UnknownOptionError` lists the closest names.
#[pyfunction]
pub fn council_commuting(name: &str) -> PyResult<PyCouncilCommuting> {
    Ok(Sources::embedded().council(name).py_err()?.into())
}

/// The locally owned share of each industry's operating surplus in the Scotland 2019 table
/// (sector order): mixed income, rental income, public surplus and capital consumption stay;
/// a share of private profits (default 0.551, Businesses in Scotland 2022) leaves.
#[pyfunction]
#[pyo3(signature = (outside_owned_profit_share = 0.551))]
pub fn local_surplus_shares(
    py: Python<'_>,
    outside_owned_profit_share: f64,
) -> PyResult<Bound<'_, PyArray1<f64>>> {
    let sources = Sources::embedded();
    let scotland = sources.scotland_2019().py_err()?;
    let shares = sources
        .local_surplus_shares(&scotland, outside_owned_profit_share)
        .py_err()?;
    Ok(out1(py, shares))
}

/// The headline indicators of many regions, one row each (see `to_pandas()`).
#[pyclass(name = "Atlas", module = "localecon", frozen)]
pub struct PyAtlas {
    pub inner: Atlas,
}

#[pymethods]
impl PyAtlas {
    /// The rows (`AtlasRow` records: dataset, region, output, gva, compensation, employment,
    /// multipliers, leakage_share, retention_share, resident_compensation_share, fci,
    /// leakage_by_channel).
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::typed_records(py, "AtlasRow", &self.inner.rows)
    }

    /// Every leakage channel that occurs, largest first.
    #[getter]
    fn channels(&self) -> Vec<String> {
        self.inner.channels.clone()
    }

    /// One row per region, indexed by dataset name; leakage by channel as
    /// `leakage_<channel>` columns.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = pyo3::types::PyList::empty(py);
        for (r, d) in self
            .inner
            .rows
            .iter()
            .zip(crate::convert::to_py(py, &self.inner.rows)?.try_iter()?)
        {
            let d = d?.cast_into::<pyo3::types::PyDict>()?;
            d.del_item("leakage_by_channel")?;
            for c in &self.inner.channels {
                d.set_item(format!("leakage_{c}"), r.channel(c))?;
            }
            rows.append(d)?;
        }
        let df = py.import("pandas")?.getattr("DataFrame")?.call1((rows,))?;
        df.call_method1("set_index", ("dataset",))
    }

    /// The atlas as JSON.
    fn to_json(&self) -> String {
        serde_json::to_string(&self.inner).unwrap_or_default()
    }

    fn __len__(&self) -> usize {
        self.inner.rows.len()
    }

    fn __repr__(&self) -> String {
        self.inner.to_string()
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        crate::results::html_table(slf.as_any(), "Atlas")
    }
}

/// The atlas of Scotland's 32 council areas (each with commuting and ownership), built and
/// reported in parallel (about 0.05 s; Ctrl-C stops it between councils).
#[pyfunction]
pub fn scotland_council_atlas(py: Python<'_>) -> PyResult<PyAtlas> {
    let atlas =
        crate::interrupt::interruptible(py, || Sources::embedded().scotland_council_atlas())?;
    Ok(PyAtlas { inner: atlas })
}

/// The atlas of Australia's Local Government Areas (547 with jobs, 2021-22), each with its
/// commuting per industry; built and reported in parallel (about 0.2 s).
#[pyfunction]
pub fn australia_lga_atlas(py: Python<'_>) -> PyResult<PyAtlas> {
    let atlas = crate::interrupt::interruptible(py, || Sources::embedded().australia_lga_atlas())?;
    Ok(PyAtlas { inner: atlas })
}

/// The council tables' GVA against ONS balanced regional GVA 2019, per ITL3 area (shares of
/// Scotland), for one location-quotient method and δ.
#[pyclass(name = "GvaValidation", module = "localecon", frozen)]
pub struct PyGvaValidation {
    inner: GvaValidation,
}

#[pymethods]
impl PyGvaValidation {
    /// The rows as dicts (itl3, name, ons_gva, ons_share, regionalised_gva,
    /// regionalised_share, ratio, sections).
    #[getter]
    fn areas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.areas)
    }

    /// The location-quotient method.
    #[getter]
    fn method(&self) -> &'static str {
        self.inner.method.as_str()
    }

    /// Flegg's δ.
    #[getter]
    fn delta(&self) -> f64 {
        self.inner.delta
    }

    /// Mean absolute `ratio - 1` over the areas.
    #[getter]
    fn mean_absolute_error(&self) -> f64 {
        self.inner.mean_absolute_error
    }

    /// One row per area, indexed by ITL3 code (sections left out: `sections_to_pandas`).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.areas(py)?;
        for d in rows.try_iter()? {
            d?.del_item("sections")?;
        }
        let df = py.import("pandas")?.getattr("DataFrame")?.call1((rows,))?;
        df.call_method1("set_index", ("itl3",))
    }

    /// One row per area and section group: the area's share of Scotland's GVA in the group,
    /// ONS and regionalised.
    fn sections_to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = pyo3::types::PyList::empty(py);
        for a in &self.inner.areas {
            for s in &a.sections {
                let d = pyo3::types::PyDict::new(py);
                d.set_item("itl3", &a.itl3)?;
                d.set_item("section", &s.section)?;
                d.set_item("ons", s.ons)?;
                d.set_item("regionalised", s.regionalised)?;
                rows.append(d)?;
            }
        }
        let df = py.import("pandas")?.getattr("DataFrame")?.call1((rows,))?;
        df.call_method1("set_index", (vec!["itl3", "section"],))
    }

    /// The table as the book prints it.
    fn markdown(&self) -> String {
        self.inner.markdown()
    }

    fn __len__(&self) -> usize {
        self.inner.areas.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "GvaValidation({} areas, {} δ={}: mean absolute error of the GVA share {:.1} %)",
            self.inner.areas.len(),
            self.inner.method.as_str().to_uppercase(),
            self.inner.delta,
            100.0 * self.inner.mean_absolute_error
        )
    }
}

/// The GVA of Scotland's council tables regionalised by `method` and `delta`, summed per
/// ITL3 area, against ONS balanced regional GVA 2019 (32 regionalisations).
#[pyfunction]
#[pyo3(signature = (method = "flq", delta = 0.3))]
pub fn gva_validation(py: Python<'_>, method: &str, delta: f64) -> PyResult<PyGvaValidation> {
    let m: LqMethod = parse(method)?;
    let inner =
        crate::interrupt::interruptible(py, || Sources::embedded().gva_validation(m, delta))?;
    Ok(PyGvaValidation { inner })
}

/// Census 2011 commuting against the ONS money measure, per ITL3 area: a DataFrame indexed
/// by ITL3 code (census_net_ratio, coe_ratio, resident_share,
/// resident_share_of_workplace_population).
#[pyfunction]
pub fn commuting_cross_check(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let checks: Vec<CommutingCheck> = Sources::embedded().commuting_cross_check().py_err()?;
    let df = py
        .import("pandas")?
        .getattr("DataFrame")?
        .call1((to_py(py, &checks)?,))?;
    df.call_method1("set_index", ("itl3",))
}

/// The UK 2019 table regionalised to Scotland by every method against the real Scottish
/// table (20 SIC sections): a DataFrame indexed by method label (method, delta, bias,
/// mean_absolute_error, worst_absolute_error, worst_section).
#[pyfunction]
pub fn regionalisation_validation(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    // the multipliers per method and section stay in Rust's `RegionalisationValidation`
    let v = Sources::embedded().regionalisation_validation().py_err()?;
    let df = py.import("pandas")?.getattr("DataFrame")?;
    let df = df.call1((to_py(py, &v.methods)?,))?;
    let drop = pyo3::types::PyDict::new(py);
    drop.set_item("columns", vec!["multipliers"])?;
    df.call_method("drop", (), Some(&drop))?
        .call_method1("set_index", ("label",))
}

/// An embedded dataset by name (see `dataset_names()`).
#[pyfunction]
fn dataset(name: &str) -> PyResult<crate::table::PyRegionalTable> {
    Ok(crate::table::PyRegionalTable {
        inner: localecon::datasets::by_name(name).py_err()?,
    })
}

/// Adds this module's classes and functions to `localecon._localecon`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyCouncilCommuting>()?;
    m.add_class::<PyAtlas>()?;
    m.add_class::<PyGvaValidation>()?;
    m.add_function(wrap_pyfunction!(dataset, m)?)?;
    m.add_function(wrap_pyfunction!(dataset_names, m)?)?;
    m.add_function(wrap_pyfunction!(council_commuting, m)?)?;
    m.add_function(wrap_pyfunction!(local_surplus_shares, m)?)?;
    m.add_function(wrap_pyfunction!(scotland_council_atlas, m)?)?;
    m.add_function(wrap_pyfunction!(australia_lga_atlas, m)?)?;
    m.add_function(wrap_pyfunction!(gva_validation, m)?)?;
    m.add_function(wrap_pyfunction!(commuting_cross_check, m)?)?;
    m.add_function(wrap_pyfunction!(regionalisation_validation, m)?)?;
    use localecon::datasets as d;
    m.add("DATASETS", d::NAMES.to_vec())?;
    for (name, value) in [
        ("BRES_2019_ATTRIBUTION", d::BRES_2019_ATTRIBUTION),
        ("COUNCIL_ASSUMPTIONS", d::COUNCIL_ASSUMPTIONS),
        ("LGA_ASSUMPTIONS", d::LGA_ASSUMPTIONS),
        ("AUSTRALIA_2021_ATTRIBUTION", d::AUSTRALIA_2021_ATTRIBUTION),
        ("UK_2019_GHG_ATTRIBUTION", d::UK_2019_GHG_ATTRIBUTION),
        ("SCOTLAND_2019_ATTRIBUTION", d::SCOTLAND_2019_ATTRIBUTION),
    ] {
        m.add(name, value)?;
    }
    m.add("OUTSIDE_OWNED_PROFIT_SHARE", d::OUTSIDE_OWNED_PROFIT_SHARE)?;
    Ok(())
}
