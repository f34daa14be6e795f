//! Interregional tables and their analyses for Python (the core's `interregional`); building
//! one from arrays in `build.rs`, Type II in `households.rs`.
//!
//! Entries of the system are `(region, code)` pairs: a pandas `MultiIndex` on the way in
//! (aligned by label, as the single-region table's sectors), `region` and `sector` lists on
//! the way out (the results' `to_pandas()` builds the `MultiIndex`).

mod build;
mod households;

use localecon::interregional::{self, InterregionalTable, Stressor};
use numpy::{PyArray1, PyArray2};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::convert::{
    TextOrBytes, alignment, label, matrix, out1, out2, text_or_bytes, typed, typed_records, vector,
};
use crate::error::{IntoPy, to_py};
use crate::table::PyRegionalTable;

/// An interregional input–output table: `R` regions with their own sectors, `Z` in region
/// blocks, final demand by buying region. Build it with `from_arrays` (pandas frames with a
/// `(region, sector)` `MultiIndex`, as pymrio's) or `from_json`; its analyses factor the
/// system once, on first use (`2N³/3` flops for `N` entries, plus each region's own block).
#[pyclass(name = "InterregionalTable", module = "localecon", frozen)]
pub struct PyInterregionalTable {
    pub inner: InterregionalTable,
}

pub(super) fn shape(what: String, expected: usize, found: usize) -> PyErr {
    to_py(localecon::Error::Shape {
        what,
        expected,
        found,
    })
}

/// One value per entry of `table`: a pandas Series with a `(region, sector)` `MultiIndex`
/// (or `"region/code"` labels) is aligned by label, arrays are taken in system order.
fn entry_vector(
    table: &InterregionalTable,
    obj: &Bound<'_, PyAny>,
    what: &str,
) -> PyResult<Vec<f64>> {
    let v = vector(obj, what)?;
    let labels: Vec<String> = (0..table.n()).map(|i| table.label(i)).collect();
    if v.len() != labels.len() {
        return Err(shape(what.into(), labels.len(), v.len()));
    }
    Ok(match alignment(obj, "index", &labels, what)? {
        None => v,
        Some(p) => p.iter().map(|&i| v[i]).collect(),
    })
}

impl PyInterregionalTable {
    /// `work` on the system's model, the GIL released; from 300 entries on a worker thread
    /// that Ctrl-C stops (the first call factors the system: `2N³/3` flops).
    fn with_model<T: Send>(
        &self,
        py: Python<'_>,
        work: impl FnOnce(&interregional::InterregionalModel) -> localecon::Result<T> + Send,
    ) -> PyResult<T> {
        let long = self.inner.n() >= crate::interrupt::INTERRUPTIBLE_MIN_N;
        crate::interrupt::interruptible_if(py, long, || work(self.inner.model()?))
    }
}

#[pymethods]
impl PyInterregionalTable {
    /// Reads a system from its interchange JSON (`"format": "localecon-interregional"`):
    /// text, or a file's bytes in UTF-8 or UTF-16 with a byte-order mark.
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let inner = match text_or_bytes(text)? {
            TextOrBytes::Text(t) => interregional::read_json(&t),
            TextOrBytes::Bytes(b) => interregional::read_json_bytes(&b),
        };
        Ok(Self {
            inner: inner.py_err()?,
        })
    }

    /// The system as interchange JSON.
    fn to_json(&self) -> String {
        interregional::write_json(&self.inner)
    }

    /// Table name.
    #[getter]
    fn name(&self) -> String {
        self.inner.parts().name.clone()
    }

    /// Money unit.
    #[getter]
    fn unit(&self) -> String {
        self.inner.parts().unit.clone()
    }

    /// Region names, in system order.
    #[getter]
    fn regions(&self) -> Vec<String> {
        self.inner
            .regions()
            .iter()
            .map(|r| r.name.clone())
            .collect()
    }

    /// `(region, code)` of every entry, in system order (`pandas.MultiIndex.from_tuples`).
    #[getter]
    fn index(&self) -> Vec<(String, String)> {
        let (r, c) = self.inner.index();
        r.into_iter().zip(c).collect()
    }

    /// Number of entries `N` (the regions' sector counts summed).
    #[getter]
    fn n(&self) -> usize {
        self.inner.n()
    }

    /// Total output per entry.
    #[getter]
    fn output<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        out1(py, self.inner.output().to_vec())
    }

    /// `Z`, `N × N` (a copy).
    #[getter]
    fn z<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let n = self.inner.n();
        out2(py, self.inner.z().to_vec(), n, n)
    }

    /// `A` of the whole system, `N × N` (factors the system on first use).
    fn coefficients<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let n = self.inner.n();
        let a = self.with_model(py, |m| Ok(m.coefficients().to_vec()))?;
        out2(py, a, n, n)
    }

    /// `L = (I − A)⁻¹` of the whole system, `N × N`, by `N` solves with the one LU (`2N³`
    /// flops more than the factorisation): for looking at, not for computing with.
    fn leontief_inverse<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let n = self.inner.n();
        let l = self.with_model(py, |m| m.leontief()?.leontief_inverse())?;
        out2(py, l, n, n)
    }

    /// One region as a single-region `RegionalTable`: purchases from the other regions are
    /// imports from the rest of the country, sales to them exports (see the core's
    /// `InterregionalTable::region_table`).
    fn region_table(&self, region: &str) -> PyResult<PyRegionalTable> {
        Ok(PyRegionalTable {
            inner: self.inner.region_table(region).py_err()?,
        })
    }

    /// Multipliers of every entry decomposed: total, intraregional, spill-over,
    /// single-region, Miller's feedback, Round's additive terms, the first-round leak to the
    /// other regions and the own-region output returned per unit leaked. `round=False` skips
    /// Round's three terms (left empty): they need `R − 1` passes over `A`, as long as the
    /// factorisation for many regions; the other fields are the same to the last bit.
    #[pyo3(signature = (round = true))]
    fn decomposition<'py>(&self, py: Python<'py>, round: bool) -> PyResult<Bound<'py, PyAny>> {
        let d = self.with_model(py, |m| {
            if round {
                m.decomposition()
            } else {
                m.decomposition_without_round()
            }
        })?;
        typed(py, "InterregionalDecomposition", &d)
    }

    /// Each region's leak to the others and what comes back, over its final-demand mix.
    fn returns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let r = self.with_model(py, |m| m.returns())?;
        typed_records(py, "RegionReturn", &r)
    }

    /// Where each region's first-round leak goes: `leak[r][s]` per unit of region `r`'s
    /// final demand (weighted as in `returns`), `0` on the diagonal; rows sum to
    /// `leak_to_other_regions`. One pass over `A` and `R` solves per region.
    fn leak_destinations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.with_model(py, |m| Ok(m.leak_destinations()))?;
        typed(py, "LeakDestinations", &d)
    }

    /// fio's interdependence measures from the block sums of `L`.
    fn interdependence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let i = self.with_model(py, |m| m.interdependence())?;
        typed(py, "Interdependence", &i)
    }

    /// fio's spill-over matrix `N × N` (`L` with the own-region blocks set to zero).
    /// Bounded: at most 8,000 entries.
    fn spillover_matrix<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let n = self.inner.n();
        let rows = self.with_model(py, |m| m.spillover_matrix())?;
        crate::convert::out_rows(py, &rows, n)
    }

    /// Output of the system `L·Δf` for a final-demand change per entry (a Series with a
    /// `(region, sector)` `MultiIndex` is aligned by label), beside what each region's
    /// single-region table gives.
    fn impact<'py>(
        &self,
        py: Python<'py>,
        delta_f: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let df = entry_vector(&self.inner, delta_f, "delta_f")?;
        let i = self.with_model(py, |m| m.impact(&df))?;
        typed(py, "InterregionalImpact", &i)
    }

    /// Output lost when the region's trade links with the others are cut (total, backward,
    /// forward), final demand held.
    fn extraction<'py>(&self, py: Python<'py>, region: &str) -> PyResult<Bound<'py, PyAny>> {
        let e = self.with_model(py, |m| m.extraction(region))?;
        typed(py, "Extraction", &e)
    }

    /// Miyazawa's internal and external multiplier matrices of a region.
    fn miyazawa<'py>(&self, py: Python<'py>, region: &str) -> PyResult<Bound<'py, PyAny>> {
        let m = self.with_model(py, |m| m.miyazawa(region))?;
        typed(py, "Miyazawa", &m)
    }

    /// Round's multiplicative decomposition `L = M3·M2·M1`. Bounded: at most 2,000 entries.
    fn round_matrices<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let m = self.with_model(py, |m| m.round_matrices())?;
        typed(py, "RoundMatrices", &m)
    }

    /// pymrio's accounts of stressors: `stressors` a DataFrame (a row per stressor, columns
    /// the entries: a `(region, sector)` `MultiIndex` is aligned by label) or a dict of
    /// label → values per entry. Gives `multipliers` (`S·L`), `production`, `consumption`,
    /// `imports` and `exports`, stressor × entry.
    fn accounts<'py>(
        &self,
        py: Python<'py>,
        stressors: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut list = Vec::new();
        if let Ok(d) = stressors.cast::<PyDict>() {
            for (k, v) in d.iter() {
                let what = format!("stressor {}", label(&k)?);
                list.push(Stressor {
                    values: entry_vector(&self.inner, &v, &what)?,
                    label: label(&k)?,
                });
            }
        } else {
            let (v, k, c) = matrix(stressors, "stressors")?;
            let n = self.inner.n();
            if c != n {
                return Err(shape("stressors columns (one per entry)".into(), n, c));
            }
            let names = crate::convert::axis_labels(stressors, "index")?
                .unwrap_or_else(|| (1..=k).map(|i| format!("stressor {i}")).collect());
            let labels: Vec<String> = (0..n).map(|i| self.inner.label(i)).collect();
            let cols_at = alignment(stressors, "columns", &labels, "stressors columns")?;
            for (r, label) in names.into_iter().enumerate() {
                list.push(Stressor {
                    label,
                    values: (0..n)
                        .map(|j| v[r * n + cols_at.as_ref().map_or(j, |p| p[j])])
                        .collect(),
                });
            }
        }
        let a = self.with_model(py, |m| m.accounts(&list))?;
        typed(py, "StressorAccounts", &a)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Self>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let from_json = slf.get_type().getattr("from_json")?;
        (from_json, (slf.get().to_json(),)).into_pyobject(slf.py())
    }

    fn __repr__(&self) -> String {
        format!(
            "<InterregionalTable {:?}: {} regions, {} entries>",
            self.inner.parts().name,
            self.inner.regions().len(),
            self.inner.n()
        )
    }
}

/// An embedded interregional dataset (one of `INTERREGIONAL_DATASETS`): "scotland-ruk-2019"
/// (Scotland and the rest of the UK 2019 at the 20 SIC sections, built by double entry from
/// the ONS UK table and the Scottish table; assumptions in `SCOTLAND_RUK_ASSUMPTIONS`),
/// "scotland-ruk-2019-shared" (the same at the 94 groups both tables share),
/// "scotland-councils-2019" (Scotland's 32 council areas as one system of 3,136 entries;
/// `COUNCIL_SYSTEM_ASSUMPTIONS`), "scotland-councils-ruk-2019" (the 32 councils and the rest
/// of the UK, 33 × 94 entries; `COUNCILS_RUK_ASSUMPTIONS`) or "three-region-2019:<council>"
/// (a council, the rest of Scotland and the rest of the UK).
#[pyfunction]
pub fn interregional_dataset(py: Python<'_>, name: &str) -> PyResult<PyInterregionalTable> {
    let inner = crate::interrupt::interruptible(py, || {
        localecon::datasets::Sources::embedded().interregional(name)
    })?;
    Ok(PyInterregionalTable { inner })
}

/// An embedded interregional dataset with how it was built: `(table, report)`, the report
/// holding every clipped cell (negative residuals set to zero), their total (£ million), the
/// rows' and columns' balancing and the assumptions. Costs what `interregional_dataset` costs.
#[pyfunction]
pub fn interregional_build<'py>(
    py: Python<'py>,
    name: &str,
) -> PyResult<(PyInterregionalTable, Bound<'py, PyAny>)> {
    let (inner, report) = crate::interrupt::interruptible(py, || {
        localecon::datasets::Sources::embedded().interregional_build(name)
    })?
    .split(name);
    Ok((
        PyInterregionalTable { inner },
        typed(py, "BuildReport", &report)?,
    ))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyInterregionalTable>()?;
    m.add_function(wrap_pyfunction!(interregional_dataset, m)?)?;
    m.add_function(wrap_pyfunction!(interregional_build, m)?)?;
    m.add_function(wrap_pyfunction!(households::interregional_households, m)?)?;
    m.add(
        "SCOTLAND_RUK_ASSUMPTIONS",
        localecon::datasets::SCOTLAND_RUK_ASSUMPTIONS.to_vec(),
    )?;
    m.add(
        "COUNCIL_SYSTEM_ASSUMPTIONS",
        localecon::datasets::COUNCIL_SYSTEM_ASSUMPTIONS.to_vec(),
    )?;
    m.add(
        "COUNCILS_RUK_ASSUMPTIONS",
        localecon::datasets::COUNCILS_RUK_ASSUMPTIONS.to_vec(),
    )?;
    m.add(
        "THREE_REGION_PREFIX",
        localecon::datasets::THREE_REGION_PREFIX,
    )?;
    m.add(
        "INTERREGIONAL_DATASETS",
        localecon::datasets::INTERREGIONAL_NAMES.to_vec(),
    )?;
    m.add(
        "SCOTLAND_RUK_ATTRIBUTION",
        localecon::datasets::SCOTLAND_RUK_ATTRIBUTION,
    )
}
