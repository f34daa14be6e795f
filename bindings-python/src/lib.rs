//! Python bindings of localecon: one module per core module it exposes, with the core's
//! names; each registers its classes and functions. `RegionalTable` is one class whose
//! methods live in the module of their core function (pyo3's `multiple-pymethods`). No
//! economics here: validation, defaults and option parsing are the core's; results are the
//! core's types, as classes or through `convert::typed`.

use pyo3::prelude::*;

mod audit;
mod circularity;
mod clusters;
mod convert;
mod datasets;
mod error;
mod interchange;
mod interregional;
mod interrupt;
mod leakage;
mod linkages;
mod lm3;
mod model;
mod multipliers;
mod ranking;
mod regionalize;
mod report;
mod results;
mod satellite;
mod scenario;
mod sparse;
mod table;
mod uncertainty;

#[pymodule]
fn _localecon(m: &Bound<'_, PyModule>) -> PyResult<()> {
    error::register(m)?;
    table::register(m)?;
    model::register(m)?;
    report::register(m)?;
    circularity::register(m)?;
    clusters::register(m)?;
    sparse::register(m)?;
    lm3::register(m)?;
    regionalize::register(m)?;
    satellite::register(m)?;
    datasets::register(m)?;
    interregional::register(m)?;
    uncertainty::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
