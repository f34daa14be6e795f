//! LM3 for Python: the local multiplier of an organisation's spending.

use pyo3::prelude::*;

use crate::convert::{from_py, typed, vector};
use crate::error::IntoPy;

/// LM3 of a survey: a dict with income, organisation_is_local (default True) and spending
/// (a list of dicts with label, amount, local_share, respend_local_share). Returns the
/// rounds and lm3.
#[pyfunction]
pub fn lm3<'py>(py: Python<'py>, survey: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let s: localecon::lm3::Lm3Survey = from_py(survey, "LM3 survey")?;
    typed(py, "Lm3", &s.compute().py_err()?)
}

/// The average of survey shares (plain, or weighted by spending). Labelled `weights` (a
/// pandas Series) are aligned to the labels of labelled `shares`, never taken by position.
#[pyfunction]
#[pyo3(signature = (shares, weights=None))]
pub fn average_share(
    shares: &Bound<'_, PyAny>,
    weights: Option<&Bound<'_, PyAny>>,
) -> PyResult<f64> {
    let (s, w) = match weights {
        Some(w) => {
            let (s, w, _) = crate::convert::paired_vectors(shares, w, ("shares", "weights"))?;
            (s, Some(w))
        }
        None => (vector(shares, "shares")?, None),
    };
    localecon::lm3::average_share(&s, w.as_deref()).py_err()
}

/// Adds this module's classes and functions to `localecon._localecon`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(lm3, m)?)?;
    m.add_function(wrap_pyfunction!(average_share, m)?)?;
    Ok(())
}
