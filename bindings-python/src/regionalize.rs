//! Regionalisation and balancing for Python.

use localecon::regionalize::{
    Concordance, ConcordanceLink, EmploymentPair, LqMethod, RasOptions, RegionalizeOptions,
    flegg_lambda as core_lambda, quotient_matrix, ras as core_ras, regionalize as core_regionalize,
};
use localecon::table::Share;
use numpy::{PyArray1, PyArray2};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{
    axis_labels, matrix, out1, out2, paired_vectors, parse, sector_vector, vector,
};
use crate::error::IntoPy;
use crate::table::PyRegionalTable;

/// Regional and national employment, the national aligned to the regional's labels when it
/// has them (a pandas Series), the sectors named by those labels or by position.
fn employment(
    regional: &Bound<'_, PyAny>,
    national: &Bound<'_, PyAny>,
) -> PyResult<EmploymentPair> {
    let (re, ne, labels) = paired_vectors(regional, national, ("regional", "national"))?;
    let codes = labels.unwrap_or_else(|| (1..=re.len()).map(|k| format!("sector {k}")).collect());
    EmploymentPair::new(re, ne, &codes).py_err()
}

/// A share: one number for every sector, or one per sector of the national table (a pandas
/// Series aligned to its sector `codes` by label).
fn share(obj: Option<&Bound<'_, PyAny>>, codes: &[String], what: &str) -> PyResult<Option<Share>> {
    let Some(o) = obj else { return Ok(None) };
    if let Ok(v) = o.extract::<f64>() {
        return Ok(Some(Share::Uniform(v)));
    }
    Ok(Some(Share::PerSector(sector_vector(o, codes, what)?)))
}

/// A regional table from a national one and employment by sector (location quotients).
///
/// method: "slq", "cilq", "flq" or "aflq"; delta for FLQ/AFLQ (0 ≤ δ < 1). The removed
/// share of each coefficient becomes imports from the rest of the nation; a new export
/// column balances the rows. resident_compensation_share and local_surplus_share (a
/// number or one per sector) set retention from commuting and ownership data.
#[pyfunction]
#[pyo3(signature = (national, national_employment, regional_employment, *, method="flq", delta=0.3, name="region", resident_compensation_share=None, local_surplus_share=None, employment_unit="jobs"))]
#[allow(clippy::too_many_arguments)]
pub fn regionalize(
    py: Python<'_>,
    national: &PyRegionalTable,
    national_employment: &Bound<'_, PyAny>,
    regional_employment: &Bound<'_, PyAny>,
    method: &str,
    delta: f64,
    name: &str,
    resident_compensation_share: Option<&Bound<'_, PyAny>>,
    local_surplus_share: Option<&Bound<'_, PyAny>>,
    employment_unit: &str,
) -> PyResult<PyRegionalTable> {
    let options = options(
        &national.inner.codes(),
        method,
        delta,
        name,
        resident_compensation_share,
        local_surplus_share,
        employment_unit,
    )?;
    let t = &national.inner;
    let codes: Vec<String> = t.codes();
    let ne = sector_vector(national_employment, &codes, "national_employment")?;
    let re = sector_vector(regional_employment, &codes, "regional_employment")?;
    let inner = py
        .detach(|| core_regionalize(t, &ne, &re, &options))
        .py_err()?;
    Ok(PyRegionalTable { inner })
}

fn options(
    codes: &[String],
    method: &str,
    delta: f64,
    name: &str,
    resident_compensation_share: Option<&Bound<'_, PyAny>>,
    local_surplus_share: Option<&Bound<'_, PyAny>>,
    employment_unit: &str,
) -> PyResult<RegionalizeOptions> {
    Ok(RegionalizeOptions {
        name: name.into(),
        method: parse(method)?,
        delta,
        resident_compensation_share: share(
            resident_compensation_share,
            codes,
            "resident_compensation_share",
        )?,
        local_surplus_share: share(local_surplus_share, codes, "local_surplus_share")?,
        employment_unit: employment_unit.into(),
    })
}

/// A Monte Carlo over a regionalisation: `regionalize`'s arguments and options, and `spec`
/// as in `council_uncertainty` with the assumptions `REGIONALISED_UNCERTAIN_ASSUMPTIONS`
/// (`delta`, `resident_share`, `local_surplus_share`, `tax_retention`, `flow_noise` on the
/// national table). Returns a `MonteCarlo`. Draws run on every core with the GIL released;
/// Ctrl-C stops it.
#[pyfunction]
#[pyo3(signature = (national, national_employment, regional_employment, spec, *, method="flq", delta=0.3, name="region", resident_compensation_share=None, local_surplus_share=None, employment_unit="jobs", max_draws=1_000_000))]
#[allow(clippy::too_many_arguments)]
pub fn regionalize_uncertainty<'py>(
    py: Python<'py>,
    national: &PyRegionalTable,
    national_employment: &Bound<'py, PyAny>,
    regional_employment: &Bound<'py, PyAny>,
    spec: &Bound<'py, PyAny>,
    method: &str,
    delta: f64,
    name: &str,
    resident_compensation_share: Option<&Bound<'py, PyAny>>,
    local_surplus_share: Option<&Bound<'py, PyAny>>,
    employment_unit: &str,
    max_draws: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options(
        &national.inner.codes(),
        method,
        delta,
        name,
        resident_compensation_share,
        local_surplus_share,
        employment_unit,
    )?;
    let spec: localecon::uncertainty::UncertaintySpec =
        crate::convert::from_py(spec, "uncertainty spec")?;
    let t = &national.inner;
    let codes: Vec<String> = t.codes();
    let ne = sector_vector(national_employment, &codes, "national_employment")?;
    let re = sector_vector(regional_employment, &codes, "regional_employment")?;
    let m = crate::interrupt::interruptible(py, || {
        localecon::uncertainty::regionalised(t, &ne, &re, &options, &spec, max_draws)
    })?;
    crate::convert::typed(py, "MonteCarlo", &m)
}

/// Simple location quotients SLQ_i = (RE_i/TRE)/(NE_i/TNE). A labelled `national` (a pandas
/// Series) is aligned to the labels of `regional`.
#[pyfunction]
pub fn slq<'py>(
    py: Python<'py>,
    regional: &Bound<'py, PyAny>,
    national: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    Ok(out1(py, employment(regional, national)?.slq()))
}

/// The quotient matrix Q (n × n) of a method: a_R = a_N · min(Q, 1) (employment aligned by
/// label as in `slq`).
#[pyfunction]
#[pyo3(signature = (regional, national, method="flq", delta=0.3))]
pub fn location_quotients<'py>(
    py: Python<'py>,
    regional: &Bound<'py, PyAny>,
    national: &Bound<'py, PyAny>,
    method: &str,
    delta: f64,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let pair = employment(regional, national)?;
    let n = pair.regional.len();
    let m: LqMethod = parse(method)?;
    out2(py, quotient_matrix(&pair, m, delta).py_err()?, n, n)
}

/// Flegg's λ* = [log2(1 + TRE/TNE)]^δ.
#[pyfunction]
pub fn flegg_lambda(regional_total: f64, national_total: f64, delta: f64) -> PyResult<f64> {
    core_lambda(regional_total, national_total, delta).py_err()
}

/// RAS balancing of a non-negative matrix to row and column targets: a `RasResult` with
/// matrix, row_factors, column_factors, iterations, converged and max_relative_gap. When the
/// matrix is a DataFrame, targets given as pandas Series are aligned to its index and
/// columns by label (never by position).
#[pyfunction]
#[pyo3(signature = (matrix_, row_targets, col_targets, *, tolerance=1e-10, max_iterations=10_000))]
pub fn ras<'py>(
    py: Python<'py>,
    matrix_: &Bound<'py, PyAny>,
    row_targets: &Bound<'py, PyAny>,
    col_targets: &Bound<'py, PyAny>,
    tolerance: f64,
    max_iterations: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let (m, rows, cols) = matrix(matrix_, "matrix")?;
    let targets = |t: &Bound<'py, PyAny>, axis: &str, what: &str| match axis_labels(matrix_, axis)?
    {
        Some(labels) => sector_vector(t, &labels, what),
        None => vector(t, what),
    };
    let r = core_ras(
        &m,
        rows,
        cols,
        &targets(row_targets, "index", "row_targets")?,
        &targets(col_targets, "columns", "col_targets")?,
        RasOptions {
            tolerance,
            max_iterations,
        },
    )
    .py_err()?;
    let d = PyDict::new(py);
    d.set_item("matrix", out1(py, r.matrix))?;
    d.set_item("row_factors", out1(py, r.row_factors))?;
    d.set_item("column_factors", out1(py, r.column_factors))?;
    d.set_item("iterations", r.iterations)?;
    d.set_item("converged", r.converged)?;
    d.set_item("max_relative_gap", r.max_relative_gap)?;
    crate::convert::typed_from(py, "RasResult", d.into_any())
}

/// Maps values by source code onto target codes with a lookup: `lookup` is a list of
/// (source, target) or (source, target, weight) tuples; each source value is split across
/// its targets by weight (equally when unweighted).
#[pyfunction]
pub fn map_concordance<'py>(
    py: Python<'py>,
    values: std::collections::BTreeMap<String, f64>,
    lookup: &Bound<'py, PyAny>,
    targets: Vec<String>,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let links: Vec<ConcordanceLink> = crate::convert::from_py(lookup, "concordance lookup")?;
    let values: Vec<(String, f64)> = values.into_iter().collect();
    let mapped = Concordance::from_links(links).apply(&values, &targets);
    Ok(out1(py, mapped.py_err()?))
}

/// The resident share of a sector's jobs from live-and-work counts: live_and_work / jobs.
#[pyfunction]
pub fn resident_share(live_and_work: f64, jobs: f64) -> PyResult<f64> {
    localecon::regionalize::resident_share(live_and_work, jobs).py_err()
}

/// BRES 2019 employment by the 98 industries of the Scotland table: (scotland, glasgow).
#[pyfunction]
pub fn bres_2019_employment<'py>(
    py: Python<'py>,
) -> (Bound<'py, PyArray1<f64>>, Bound<'py, PyArray1<f64>>) {
    let (n, r) = localecon::datasets::bres_2019_employment();
    (out1(py, n), out1(py, r))
}

/// Adds this module's classes and functions to `localecon._localecon`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(regionalize, m)?)?;
    m.add_function(wrap_pyfunction!(regionalize_uncertainty, m)?)?;
    m.add_function(wrap_pyfunction!(slq, m)?)?;
    m.add_function(wrap_pyfunction!(location_quotients, m)?)?;
    m.add_function(wrap_pyfunction!(flegg_lambda, m)?)?;
    m.add_function(wrap_pyfunction!(ras, m)?)?;
    m.add_function(wrap_pyfunction!(map_concordance, m)?)?;
    m.add_function(wrap_pyfunction!(resident_share, m)?)?;
    m.add_function(wrap_pyfunction!(bres_2019_employment, m)?)?;
    // the default the signature spells out as a number (a test checks they agree)
    m.add("DEFAULT_DELTA", localecon::regionalize::DEFAULT_DELTA)?;
    Ok(())
}
