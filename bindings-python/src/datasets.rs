//! The embedded datasets' inputs for Python: Scotland's council areas (commuting, ownership)
//! and the atlas of all 32, a typed result with `to_pandas()` (one row per council).

use localecon::atlas::Atlas;
use localecon::datasets::{CommutingCheck, CouncilCommuting, GvaValidation, Sources};
use localecon::regionalize::LqMethod;
use numpy::PyArray1;
use pyo3::prelude::*;

use crate::convert::{out1, parse};
use crate::convert::{to_py, typed_from};
use crate::error::IntoPy;
use pyo3::types::PyDict;

/// Every embedded dataset name: the four tables, then the 32 council areas.
#[pyfunction]
pub fn dataset_names() -> PyResult<Vec<String>> {
    Sources::embedded().names().py_err()
}

/// The 2011 census travel to work of a council area, by dataset name or council name;
/// `UnknownOptionError` lists the closest names.
#[pyfunction]
pub fn council_commuting<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    commuting(py, &Sources::embedded().council(name).py_err()?)
}

/// Every council area's 2011 census travel to work, alphabetical by council (JavaScript's
/// `councils()`): a list of `CouncilCommuting`.
#[pyfunction]
pub fn councils(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyAny>>> {
    let all = Sources::embedded().council_commuting().py_err()?;
    all.iter().map(|c| commuting(py, c)).collect()
}

/// A council's record with the shares the core derives, as a `CouncilCommuting`.
fn commuting<'py>(py: Python<'py>, c: &CouncilCommuting) -> PyResult<Bound<'py, PyAny>> {
    let d = to_py(py, c)?.cast_into::<PyDict>()?;
    d.set_item("resident_share", c.resident_share())?;
    d.set_item("in_commuter_share", c.in_commuter_share())?;
    let workplace = c.resident_share_of_workplace_population();
    d.set_item("resident_share_of_workplace_population", workplace)?;
    d.set_item("net_ratio", c.net_ratio())?;
    typed_from(py, "CouncilCommuting", d.into_any())
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

/// An atlas as the Python class: its JSON form and the table it prints.
fn atlas<'py>(py: Python<'py>, atlas: &Atlas) -> PyResult<Bound<'py, PyAny>> {
    let d = to_py(py, atlas)?.cast_into::<PyDict>()?;
    d.set_item("_text", atlas.to_string())?;
    typed_from(py, "Atlas", d.into_any())
}

/// The atlas of Scotland's 32 council areas (each with commuting and ownership), built and
/// reported in parallel (about 0.05 s; Ctrl-C stops it between councils).
#[pyfunction]
pub fn scotland_council_atlas(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let a = crate::interrupt::interruptible(py, || Sources::embedded().scotland_council_atlas())?;
    atlas(py, &a)
}

/// The atlas of Australia's Local Government Areas (547 with jobs, 2021-22), each with its
/// commuting per industry; built and reported in parallel (about 0.2 s).
#[pyfunction]
pub fn australia_lga_atlas(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let a = crate::interrupt::interruptible(py, || Sources::embedded().australia_lga_atlas())?;
    atlas(py, &a)
}

/// The GVA of Scotland's council tables regionalised by `method` and `delta`, summed per
/// ITL3 area, against ONS balanced regional GVA 2019 (32 regionalisations).
#[pyfunction]
#[pyo3(signature = (method = "flq", delta = 0.3))]
pub fn gva_validation<'py>(
    py: Python<'py>,
    method: &str,
    delta: f64,
) -> PyResult<Bound<'py, PyAny>> {
    let m: LqMethod = parse(method)?;
    let v: GvaValidation =
        crate::interrupt::interruptible(py, || Sources::embedded().gva_validation(m, delta))?;
    let d = to_py(py, &v)?.cast_into::<PyDict>()?;
    d.set_item("method", v.method.as_str())?;
    d.set_item("_markdown", v.markdown())?;
    typed_from(py, "GvaValidation", d.into_any())
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
    m.add_function(wrap_pyfunction!(dataset, m)?)?;
    m.add_function(wrap_pyfunction!(dataset_names, m)?)?;
    m.add_function(wrap_pyfunction!(council_commuting, m)?)?;
    m.add_function(wrap_pyfunction!(councils, m)?)?;
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
