//! Uncertainty for Python: a council's Monte Carlo (the spec is the same JSON data as in Rust
//! and JavaScript: a dict here), returned as the typed `MonteCarlo` of `_results.py`.

use localecon::uncertainty::{MAX_DRAWS, MonteCarlo, UncertaintySpec};
use pyo3::prelude::*;

use crate::convert::{from_py, typed};

/// A Monte Carlo over a council table's assumptions: `spec` is a dict (or its JSON) such as
/// `{"assumptions": {"delta": [0.2, 0.3], "resident_share": [0.6, 0.75, 0.8]}, "draws":
/// 1000, "seed": 1, "quantiles": [0.05, 0.95]}`: a distribution is a number (fixed),
/// `[low, high]` (uniform), `[low, mode, high]` (triangular) or `{"kind": ...}`; the
/// assumptions are `COUNCIL_UNCERTAIN_ASSUMPTIONS`. Returns a `MonteCarlo` (`to_pandas()`:
/// one row per indicator with its quantiles). Draws run on every core, with the GIL
/// released; Ctrl-C stops it. At most `max_draws` draws (default and ceiling 1,000,000).
#[pyfunction]
#[pyo3(signature = (council, spec, max_draws = 1_000_000))]
pub fn council_uncertainty<'py>(
    py: Python<'py>,
    council: &str,
    spec: &Bound<'py, PyAny>,
    max_draws: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let spec: UncertaintySpec = from_py(spec, "uncertainty spec")?;
    let m = crate::interrupt::interruptible(py, || {
        localecon::datasets::Sources::embedded().council_uncertainty(council, &spec, max_draws)
    })?;
    typed(py, "MonteCarlo", &m)
}

#[pymethods]
impl crate::table::PyRegionalTable {
    /// A Monte Carlo over this table's assumptions (`TABLE_UNCERTAIN_ASSUMPTIONS`:
    /// `resident_share`, `local_surplus_share`, `tax_retention`, `flow_noise`), `spec` as in
    /// `council_uncertainty`. Without `flow_noise` the table is factored once for every draw.
    /// Draws run on every core with the GIL released; Ctrl-C stops it.
    #[pyo3(signature = (spec, max_draws = 1_000_000))]
    fn uncertainty<'py>(
        &self,
        py: Python<'py>,
        spec: &Bound<'py, PyAny>,
        max_draws: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let spec: UncertaintySpec = from_py(spec, "uncertainty spec")?;
        let table = &self.inner;
        let m = crate::interrupt::interruptible(py, || table.uncertainty(&spec, max_draws))?;
        typed(py, "MonteCarlo", &m)
    }
}

/// A Monte Carlo over an Australian LGA table's assumptions (`REGIONALISED_UNCERTAIN_ASSUMPTIONS`:
/// `delta`, `resident_share`, `local_surplus_share`, `tax_retention`, `flow_noise`), `spec`
/// as in `council_uncertainty`.
#[pyfunction]
#[pyo3(signature = (lga, spec, max_draws = 1_000_000))]
pub fn lga_uncertainty<'py>(
    py: Python<'py>,
    lga: &str,
    spec: &Bound<'py, PyAny>,
    max_draws: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let spec: UncertaintySpec = from_py(spec, "uncertainty spec")?;
    let m = crate::interrupt::interruptible(py, || {
        localecon::datasets::Sources::embedded().australia_lga_uncertainty(lga, &spec, max_draws)
    })?;
    typed(py, "MonteCarlo", &m)
}

/// The default Monte Carlo spec of a council (`COUNCIL_DEFAULT_RANGES`), as the dict
/// `council_uncertainty` takes: change it or pass it as it is.
#[pyfunction]
#[pyo3(signature = (council, draws = 1000, seed = 2019))]
pub fn council_default_uncertainty<'py>(
    py: Python<'py>,
    council: &str,
    draws: usize,
    seed: u64,
) -> PyResult<Bound<'py, PyAny>> {
    let spec = localecon::datasets::Sources::embedded()
        .council_default_uncertainty(council, draws, seed)
        .map_err(crate::error::to_py)?;
    crate::convert::to_py(py, &spec)
}

/// Consecutive runs of one spec (chunks made with `first_draw`) as one run, equal to the run
/// in one piece to the last bit: the draws concatenated, summarised again.
#[pyfunction]
pub fn combine_monte_carlo<'py>(
    py: Python<'py>,
    runs: Vec<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let runs: Vec<MonteCarlo> = runs
        .iter()
        .map(|r| {
            let data = match r.getattr("to_dict") {
                Ok(f) => f.call0()?,
                Err(_) => r.clone(),
            };
            from_py(&data, "Monte Carlo run")
        })
        .collect::<PyResult<_>>()?;
    let m = MonteCarlo::combine(&runs).map_err(crate::error::to_py)?;
    typed(py, "MonteCarlo", &m)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(council_uncertainty, m)?)?;
    m.add_function(wrap_pyfunction!(combine_monte_carlo, m)?)?;
    m.add_function(wrap_pyfunction!(lga_uncertainty, m)?)?;
    m.add_function(wrap_pyfunction!(council_default_uncertainty, m)?)?;
    m.add(
        "COUNCIL_DEFAULT_RANGES",
        localecon::datasets::COUNCIL_DEFAULT_RANGES.to_vec(),
    )?;
    m.add("MAX_DRAWS", MAX_DRAWS)?;
    m.add(
        "COUNCIL_UNCERTAIN_ASSUMPTIONS",
        localecon::datasets::COUNCIL_UNCERTAIN_ASSUMPTIONS
            .iter()
            .map(|a| (a.0, a.4))
            .collect::<Vec<_>>(),
    )?;
    m.add(
        "REGIONALISED_UNCERTAIN_ASSUMPTIONS",
        localecon::uncertainty::REGIONALISED_UNCERTAIN_ASSUMPTIONS
            .iter()
            .map(|a| (a.0, a.4))
            .collect::<Vec<_>>(),
    )?;
    m.add(
        "TABLE_UNCERTAIN_ASSUMPTIONS",
        localecon::uncertainty::TABLE_UNCERTAIN_ASSUMPTIONS
            .iter()
            .map(|a| (a.0, a.4))
            .collect::<Vec<_>>(),
    )?;
    m.add(
        "COUNCIL_UNCERTAIN_INDICATORS",
        localecon::datasets::COUNCIL_UNCERTAIN_INDICATORS.to_vec(),
    )
}
