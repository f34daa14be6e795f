//! Leakage by channel, open and household-closed, for Python: `Leakage` and `ClosedLeakage`
//! of `localecon/_results.py`.

use localecon::table::Sector;
use localecon::{ClosedLeakage, Leakage, LeakageChannel};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{out_rows, out1, typed_from};
use crate::results::codes_names;
use crate::table::PyRegionalTable;

/// The part both classes share: sectors, channels, the channels × sectors array, and the
/// spellings of every channel (for `channel()`'s typed error).
fn by_channel<'py>(
    py: Python<'py>,
    sectors: &[Sector],
    channels: &[LeakageChannel],
    rows: &[Vec<f64>],
) -> PyResult<Bound<'py, PyDict>> {
    let (codes, names) = codes_names(sectors);
    let d = PyDict::new(py);
    d.set_item("codes", codes)?;
    d.set_item("names", names)?;
    d.set_item(
        "channels",
        channels.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
    )?;
    d.set_item("by_channel", out_rows(py, rows, sectors.len())?)?;
    d.set_item(
        "_known",
        LeakageChannel::ALL.map(LeakageChannel::as_str).to_vec(),
    )?;
    Ok(d)
}

#[pymethods]
impl PyRegionalTable {
    /// The open-model leakage decomposition by channel, a `Leakage`.
    fn leakage<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let t = &self.inner;
        let l = crate::interrupt::for_n(py, t.n(), || Leakage::new(t))?;
        let d = by_channel(py, &l.sectors, &l.channels, &l.by_channel)?;
        d.set_item("leakage", out1(py, l.leakage))?;
        d.set_item("retention", out1(py, l.retention))?;
        typed_from(py, "Leakage", d.into_any())
    }

    /// The household-closed leakage decomposition (every channel, summing to 1), a
    /// `ClosedLeakage`.
    fn closed_leakage<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let t = &self.inner;
        let l = crate::interrupt::for_n(py, t.n(), || ClosedLeakage::new(t))?;
        let d = by_channel(py, &l.sectors, &l.channels, &l.by_channel)?;
        d.set_item("total", out1(py, l.total))?;
        typed_from(py, "ClosedLeakage", d.into_any())
    }

    /// Local intermediate purchases / all intermediate purchases, per sector.
    fn local_purchase_coefficients<'py>(
        &self,
        py: Python<'py>,
    ) -> Bound<'py, numpy::PyArray1<f64>> {
        out1(
            py,
            localecon::leakage::local_purchase_coefficients(&self.inner),
        )
    }
}
