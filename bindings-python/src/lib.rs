//! Python bindings of localecon: thin newtypes over the core; no economics here.

mod circularity;
mod convert;
mod datasets;
mod error;
mod model;
mod ranking;
mod regionalize;
mod results;
mod satellite;
mod scenario;
mod table;

use pyo3::prelude::*;

use crate::error::IntoPy;
use crate::table::PyRegionalTable;

/// An embedded dataset by name ("scotland-2019", "scotland-2019-sections",
/// "miller-blair-2sector").
#[pyfunction]
fn dataset(name: &str) -> PyResult<PyRegionalTable> {
    Ok(PyRegionalTable {
        inner: localecon::datasets::by_name(name).py_err()?,
    })
}

#[pymodule]
fn _localecon(m: &Bound<'_, PyModule>) -> PyResult<()> {
    error::register(m)?;
    m.add_class::<PyRegionalTable>()?;
    m.add_class::<model::PyLeontiefModel>()?;
    m.add_class::<results::PyMultipliers>()?;
    m.add_class::<results::PyLeakage>()?;
    m.add_class::<results::PyClosedLeakage>()?;
    m.add_class::<results::PyRegionReport>()?;
    m.add_class::<results::PyAudit>()?;
    m.add_class::<results::PyLinkages>()?;
    m.add_class::<ranking::PyLeakRanking>()?;
    m.add_class::<datasets::PyCouncilCommuting>()?;
    m.add_class::<datasets::PyAtlas>()?;
    m.add_class::<datasets::PyGvaValidation>()?;
    m.add_class::<satellite::PySatellite>()?;
    m.add_class::<satellite::PyStressorMultipliers>()?;
    m.add_class::<satellite::PyFootprint>()?;
    m.add_class::<satellite::PySatelliteAccounts>()?;
    m.add_function(wrap_pyfunction!(satellite::dataset_satellite, m)?)?;
    m.add_function(wrap_pyfunction!(satellite::calibrate, m)?)?;
    m.add_function(wrap_pyfunction!(dataset, m)?)?;
    m.add_class::<circularity::PyFlowSystem>()?;
    m.add_class::<circularity::PySparseNetwork>()?;
    m.add_function(wrap_pyfunction!(circularity::lm3, m)?)?;
    m.add_function(wrap_pyfunction!(circularity::average_share, m)?)?;
    for f in [
        wrap_pyfunction!(regionalize::regionalize, m)?,
        wrap_pyfunction!(regionalize::slq, m)?,
        wrap_pyfunction!(regionalize::location_quotients, m)?,
        wrap_pyfunction!(regionalize::flegg_lambda, m)?,
        wrap_pyfunction!(regionalize::ras, m)?,
        wrap_pyfunction!(regionalize::map_concordance, m)?,
        wrap_pyfunction!(regionalize::resident_share, m)?,
        wrap_pyfunction!(regionalize::bres_2019_employment, m)?,
        wrap_pyfunction!(datasets::dataset_names, m)?,
        wrap_pyfunction!(datasets::council_commuting, m)?,
        wrap_pyfunction!(datasets::local_surplus_shares, m)?,
        wrap_pyfunction!(datasets::scotland_council_atlas, m)?,
        wrap_pyfunction!(datasets::australia_lga_atlas, m)?,
        wrap_pyfunction!(datasets::gva_validation, m)?,
        wrap_pyfunction!(datasets::commuting_cross_check, m)?,
    ] {
        m.add_function(f)?;
    }
    m.add(
        "BRES_2019_ATTRIBUTION",
        localecon::datasets::BRES_2019_ATTRIBUTION,
    )?;
    m.add("DATASETS", localecon::datasets::NAMES.to_vec())?;
    m.add(
        "OUTSIDE_OWNED_PROFIT_SHARE",
        localecon::datasets::OUTSIDE_OWNED_PROFIT_SHARE,
    )?;
    m.add(
        "COUNCIL_ASSUMPTIONS",
        localecon::datasets::COUNCIL_ASSUMPTIONS,
    )?;
    m.add("LGA_ASSUMPTIONS", localecon::datasets::LGA_ASSUMPTIONS)?;
    m.add(
        "AUSTRALIA_2021_ATTRIBUTION",
        localecon::datasets::AUSTRALIA_2021_ATTRIBUTION,
    )?;
    m.add(
        "UK_2019_GHG_ATTRIBUTION",
        localecon::datasets::UK_2019_GHG_ATTRIBUTION,
    )?;
    // the defaults the signatures spell out as numbers (a test checks they agree)
    m.add("DEFAULT_DELTA", localecon::regionalize::DEFAULT_DELTA)?;
    m.add(
        "DEFAULT_BALANCE_TOLERANCE",
        localecon::table::DEFAULT_BALANCE_TOLERANCE,
    )?;
    m.add("ERROR_KINDS", localecon::Error::KINDS.to_vec())?;
    m.add(
        "SCOTLAND_2019_ATTRIBUTION",
        localecon::datasets::SCOTLAND_2019_ATTRIBUTION,
    )?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
