//! Stressor multipliers, footprints and accounts for Python (the core's `satellite::effects`
//! and `satellite::accounts`): `StressorMultipliers`, `Footprint` and `SatelliteAccounts` of
//! `localecon/_results.py`, each with the core's JSON form and its stressor × sector arrays.

use localecon::Effects;
use localecon::satellite::{Accounts, Footprint, StressorMultipliers};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{out_rows, to_py, typed, typed_from};

/// A stressor × sector DataFrame of `values` (a numpy array).
pub(super) fn frame<'py>(
    py: Python<'py>,
    values: Bound<'py, PyAny>,
    names: &[String],
    sectors: &[localecon::table::Sector],
) -> PyResult<Bound<'py, PyAny>> {
    let codes: Vec<String> = sectors.iter().map(|s| s.code.clone()).collect();
    py.import("localecon._results")?
        .getattr("_stressor_frame")?
        .call1((values, names.to_vec(), codes))
}

/// The dict both results start from: their JSON form under `_core`.
fn with_core<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("_core", to_py(py, value)?)?;
    Ok(d)
}

/// Stressor multipliers: direct, Type I, indirect, Type II and induced, each stressor × sector
/// (the parts computed by `localecon::Effects`).
pub(super) fn multipliers<'py>(
    py: Python<'py>,
    m: &StressorMultipliers,
) -> PyResult<Bound<'py, PyAny>> {
    let n = m.sectors.len();
    let d = with_core(py, m)?;
    let e = &m.effects;
    let all = |f: fn(&Effects) -> Vec<f64>| out_rows(py, &e.iter().map(f).collect::<Vec<_>>(), n);
    let some = |f: fn(&Effects) -> Option<Vec<f64>>| {
        let rows: Option<Vec<_>> = e.iter().map(f).collect();
        rows.map(|r| out_rows(py, &r, n)).transpose()
    };
    d.set_item("direct", all(|e| e.direct.clone())?)?;
    d.set_item("type_i", all(|e| e.type_i.clone())?)?;
    d.set_item("indirect", all(Effects::indirect)?)?;
    d.set_item("type_ii", some(|e| e.type_ii.clone())?)?;
    d.set_item("induced", some(Effects::induced)?)?;
    typed_from(py, "StressorMultipliers", d.into_any())
}

/// A footprint: inside the region, by origin, in total and the share inside (the core's
/// `total` and `local_share`), each stressor × sector.
pub(super) fn footprint<'py>(py: Python<'py>, f: &Footprint) -> PyResult<Bound<'py, PyAny>> {
    let n = f.sectors.len();
    let d = with_core(py, f)?;
    d.set_item("local", out_rows(py, &f.local, n)?)?;
    let by_origin = PyDict::new(py);
    for (origin, rows) in &f.by_origin {
        by_origin.set_item(origin, out_rows(py, rows, n)?)?;
    }
    d.set_item("by_origin", by_origin)?;
    d.set_item("total", out_rows(py, &f.total(), n)?)?;
    let share: Vec<Vec<f64>> = (0..f.stressors.len())
        .map(|s| (0..n).map(|j| f.local_share(s, j)).collect())
        .collect();
    d.set_item("inside_share", out_rows(py, &share, n)?)?;
    typed_from(py, "Footprint", d.into_any())
}

/// The region's accounts, one record per stressor.
pub(super) fn accounts<'py>(py: Python<'py>, a: &Accounts) -> PyResult<Bound<'py, PyAny>> {
    typed(py, "SatelliteAccounts", a)
}
