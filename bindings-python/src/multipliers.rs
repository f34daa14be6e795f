//! Type I and Type II multipliers for Python: a `Multipliers` of `localecon/_results.py`.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{out1, typed_from};
use crate::results::codes_names;
use crate::table::PyRegionalTable;

/// The core's effects of one measure as a dict of arrays: direct, indirect, induced, type_i,
/// type_ii, multiplier_type_i, multiplier_type_ii (each computed by `localecon::Effects`).
fn effects<'py>(py: Python<'py>, e: &localecon::Effects) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("direct", out1(py, e.direct.clone()))?;
    d.set_item("indirect", out1(py, e.indirect()))?;
    d.set_item("induced", e.induced().map(|v| out1(py, v)))?;
    d.set_item("type_i", out1(py, e.type_i.clone()))?;
    d.set_item("type_ii", e.type_ii.clone().map(|v| out1(py, v)))?;
    d.set_item("multiplier_type_i", out1(py, e.multiplier_type_i()))?;
    let type_ii = e.multiplier_type_ii().map(|v| out1(py, v));
    d.set_item("multiplier_type_ii", type_ii)?;
    Ok(d)
}

/// A core `Multipliers` as the Python class, its arrays handed over as numpy (no JSON).
pub(crate) fn to_python<'py>(
    py: Python<'py>,
    m: &localecon::Multipliers,
) -> PyResult<Bound<'py, PyAny>> {
    let (codes, names) = codes_names(&m.sectors);
    let all = PyDict::new(py);
    all.set_item("output", effects(py, &m.output)?)?;
    all.set_item("income", effects(py, &m.income)?)?;
    all.set_item("gva", effects(py, &m.value_added)?)?;
    let employment = m.employment.as_ref().map(|e| effects(py, e)).transpose()?;
    all.set_item("employment", employment)?;
    let d = PyDict::new(py);
    d.set_item("codes", codes)?;
    d.set_item("names", names)?;
    d.set_item("household_income", m.household_income)?;
    d.set_item("warnings", m.warnings.clone())?;
    d.set_item("type_ii_unavailable", m.type_ii_unavailable.clone())?;
    d.set_item("_effects", all)?;
    typed_from(py, "Multipliers", d.into_any())
}

#[pymethods]
impl PyRegionalTable {
    /// Type I and Type II multipliers and effects per sector, a `Multipliers` (one LU factor
    /// each; the GIL is released).
    fn multipliers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let t = &self.inner;
        let m = crate::interrupt::for_n(py, t.n(), || localecon::Multipliers::new(t))?;
        to_python(py, &m)
    }
}
