//! Interregional tables and their analyses for Python (the core's `interregional`).
//!
//! Entries of the system are `(region, code)` pairs: a pandas `MultiIndex` on the way in
//! (aligned by label, as the single-region table's sectors), `region` and `sector` lists on
//! the way out (the results' `to_pandas()` builds the `MultiIndex`).

use localecon::interregional::{
    self, InterregionalFinalDemand, InterregionalParts, InterregionalTable, Region, Stressor,
};
use localecon::table::{DEFAULT_BALANCE_TOLERANCE, FinalDemandKind, PrimaryInputKind};
use localecon::{PrimaryInputRow, Sector};
use numpy::{PyArray1, PyArray2};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::convert::{
    TextOrBytes, alignment, label, matrix, out1, out2, parse, text_or_bytes, typed, typed_records,
    vector,
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

fn shape(what: String, expected: usize, found: usize) -> PyErr {
    to_py(localecon::Error::Shape {
        what,
        expected,
        found,
    })
}

/// The `(region, code)` pairs of an index: a pandas `MultiIndex`, or any iterable of pairs.
fn pairs(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<(String, String)>> {
    let mut out = Vec::new();
    for item in obj.try_iter()? {
        let item = item?;
        let t = item.cast::<PyTuple>().ok().filter(|t| t.len() == 2);
        let Some(t) = t else {
            return Err(to_py(localecon::Error::InvalidInput {
                what: what.into(),
                message: format!("entry {} is not a (region, sector) pair", item.repr()?),
            }));
        };
        out.push((label(&t.get_item(0)?)?, label(&t.get_item(1)?)?));
    }
    Ok(out)
}

/// Regions in order of first appearance, their sectors contiguous (the core's block order).
fn regions_of(entries: &[(String, String)], names: Option<Vec<String>>) -> PyResult<Vec<Region>> {
    if let Some(n) = &names
        && n.len() != entries.len()
    {
        return Err(shape("sector names".into(), entries.len(), n.len()));
    }
    let mut regions: Vec<Region> = Vec::new();
    for (i, (region, code)) in entries.iter().enumerate() {
        let name = names
            .as_ref()
            .map_or_else(|| code.clone(), |n| n[i].clone());
        let sector = Sector {
            code: code.clone(),
            name,
        };
        match regions.last_mut() {
            Some(last) if last.name == *region => last.sectors.push(sector),
            _ => {
                if regions.iter().any(|r| r.name == *region) {
                    return Err(to_py(localecon::Error::InvalidInput {
                        what: "index".into(),
                        message: format!(
                            "the sectors of region \"{region}\" are not contiguous (at entry \
                             {i}): order the entries region by region"
                        ),
                    }));
                }
                regions.push(Region {
                    name: region.clone(),
                    sectors: vec![sector],
                });
            }
        }
    }
    Ok(regions)
}

/// A kind per label: a list, or a dict looked up by label and then by category (the second
/// part of a `(region, category)` column).
fn kinds<T: std::str::FromStr<Err = localecon::Error> + Copy>(
    given: Option<&Bound<'_, PyAny>>,
    labels: &[String],
    categories: &[String],
    default: T,
) -> PyResult<Vec<T>> {
    let Some(given) = given else {
        return Ok(vec![default; labels.len()]);
    };
    if let Ok(d) = given.cast::<PyDict>() {
        return labels
            .iter()
            .zip(categories)
            .map(|(l, c)| match d.get_item(l)?.or(d.get_item(c)?) {
                Some(v) => parse::<T>(&v.extract::<String>()?),
                None => Ok(default),
            })
            .collect();
    }
    let list: Vec<String> = given.extract()?;
    if list.len() != labels.len() {
        return Err(shape("kinds".into(), labels.len(), list.len()));
    }
    list.iter().map(|k| parse::<T>(k)).collect()
}

/// Column labels of a frame: `(label, region, category)`; a `(region, category)` column is
/// labelled `"region/category"` and bought by `region`.
fn columns(
    obj: &Bound<'_, PyAny>,
    labels: Option<Vec<String>>,
    regions: Option<Vec<Option<String>>>,
    k: usize,
    prefix: &str,
) -> PyResult<Vec<(String, Option<String>, String)>> {
    let from_frame = if obj.hasattr("columns")? && !obj.getattr("columns")?.is_callable() {
        Some(obj.getattr("columns")?.call_method0("tolist")?)
    } else {
        None
    };
    let mut out = Vec::with_capacity(k);
    for c in 0..k {
        let item = match &from_frame {
            Some(list) => Some(list.get_item(c)?),
            None => None,
        };
        let pair = item
            .as_ref()
            .and_then(|i| i.cast::<PyTuple>().ok())
            .filter(|t| t.len() == 2);
        let (label_c, region, category) = match (&pair, &item) {
            (Some(t), _) => {
                let (r, cat) = (label(&t.get_item(0)?)?, label(&t.get_item(1)?)?);
                (format!("{r}/{cat}"), Some(r), cat)
            }
            (None, Some(i)) if from_frame.is_some() => {
                let l = label(i)?;
                (l.clone(), None, l)
            }
            _ => {
                let l = format!("{prefix}{}", c + 1);
                (l.clone(), None, l)
            }
        };
        out.push((label_c, region, category));
    }
    if let Some(l) = labels {
        if l.len() != k {
            return Err(shape(format!("{prefix} labels"), k, l.len()));
        }
        for (o, l) in out.iter_mut().zip(l) {
            o.0 = l.clone();
            o.2 = l;
        }
    }
    if let Some(r) = regions {
        if r.len() != k {
            return Err(shape(format!("{prefix} regions"), k, r.len()));
        }
        for (o, r) in out.iter_mut().zip(r) {
            o.1 = r;
        }
    }
    Ok(out)
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
    /// Builds a system from arrays (numpy arrays, nested lists or pandas DataFrames).
    ///
    /// `z` is `N × N`; its entries are `index` (`(region, sector)` pairs, or a pandas
    /// `MultiIndex`), else `z.index`; a DataFrame's columns, `final_demand`'s rows,
    /// `primary_inputs`' columns and `output` are aligned to them by label. `final_demand`
    /// is `N × K`: a `(region, category)` column (pymrio's `Y`) is bought by that region,
    /// else `final_demand_regions` names the buyer of each column (`None`: beyond the
    /// system, e.g. exports to the rest of the world). Kinds: a list, or a dict by label or
    /// category (defaults "other"). Raises a `LocaleconError` subclass naming the region and
    /// sector of a bad value.
    #[staticmethod]
    #[pyo3(signature = (
        z, index=None, names=None, final_demand=None, final_demand_labels=None,
        final_demand_regions=None, final_demand_kinds=None, primary_inputs=None,
        primary_input_labels=None, primary_input_kinds=None, output=None,
        name="interregional table", unit="money units", source=None,
        balance_tolerance=DEFAULT_BALANCE_TOLERANCE, allow_purchases_above_output=false,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn from_arrays(
        z: &Bound<'_, PyAny>,
        index: Option<&Bound<'_, PyAny>>,
        names: Option<Vec<String>>,
        final_demand: Option<&Bound<'_, PyAny>>,
        final_demand_labels: Option<Vec<String>>,
        final_demand_regions: Option<Vec<Option<String>>>,
        final_demand_kinds: Option<&Bound<'_, PyAny>>,
        primary_inputs: Option<&Bound<'_, PyAny>>,
        primary_input_labels: Option<Vec<String>>,
        primary_input_kinds: Option<&Bound<'_, PyAny>>,
        output: Option<&Bound<'_, PyAny>>,
        name: &str,
        unit: &str,
        source: Option<String>,
        balance_tolerance: f64,
        allow_purchases_above_output: bool,
    ) -> PyResult<Self> {
        let (zv, rows, cols) = matrix(z, "Z")?;
        if rows != cols {
            return Err(shape("Z columns (Z must be square)".into(), rows, cols));
        }
        let n = rows;
        let entries = match index {
            Some(i) => pairs(i, "index")?,
            None if z.hasattr("index")? && !z.getattr("index")?.is_callable() => {
                pairs(&z.getattr("index")?, "Z index")?
            }
            None => {
                return Err(to_py(localecon::Error::InvalidInput {
                    what: "index".into(),
                    message: "give the (region, sector) pairs of Z's rows: `index=` or a \
                              DataFrame with a MultiIndex"
                        .into(),
                }));
            }
        };
        if entries.len() != n {
            return Err(shape(
                "index (one (region, sector) per row of Z)".into(),
                n,
                entries.len(),
            ));
        }
        let labels: Vec<String> = entries.iter().map(|(r, c)| format!("{r}/{c}")).collect();
        let at = |p: &Option<Vec<usize>>, k: usize| p.as_ref().map_or(k, |p| p[k]);
        // a DataFrame's rows (when the entries come from `index=`) and columns are put in
        // the entries' order by label; arrays are taken as they are (no second copy)
        let rows_at = if index.is_some() {
            alignment(z, "index", &labels, "Z rows")?
        } else {
            None
        };
        let cols_at = alignment(z, "columns", &labels, "Z columns")?;
        let zv = if rows_at.is_none() && cols_at.is_none() {
            zv
        } else {
            (0..n * n)
                .map(|k| zv[at(&rows_at, k / n) * n + at(&cols_at, k % n)])
                .collect()
        };
        let mut parts = InterregionalParts::new(name, regions_of(&entries, names)?, zv, Vec::new());
        parts.output = None;
        parts.unit = unit.into();
        parts.source = source;
        parts.balance_tolerance = balance_tolerance;
        parts.allow_purchases_above_output = allow_purchases_above_output;
        if let Some(fd) = final_demand {
            let (v, r, k) = matrix(fd, "final_demand")?;
            if r != n {
                return Err(shape("final_demand rows (one per entry)".into(), n, r));
            }
            let cols = columns(
                fd,
                final_demand_labels,
                final_demand_regions,
                k,
                "final demand",
            )?;
            let (ls, cats): (Vec<String>, Vec<String>) =
                cols.iter().map(|c| (c.0.clone(), c.2.clone())).unzip();
            let ks = kinds(final_demand_kinds, &ls, &cats, FinalDemandKind::Other)?;
            let rows_at = alignment(fd, "index", &labels, "final_demand rows")?;
            for (c, ((label, region, _), kind)) in cols.into_iter().zip(ks).enumerate() {
                parts.final_demand.push(InterregionalFinalDemand {
                    label,
                    region,
                    kind,
                    values: (0..n).map(|i| v[at(&rows_at, i) * k + c]).collect(),
                });
            }
        }
        if let Some(pi) = primary_inputs {
            let (v, k, c) = matrix(pi, "primary_inputs")?;
            if c != n {
                return Err(shape("primary_inputs columns (one per entry)".into(), n, c));
            }
            let ls = match primary_input_labels {
                Some(l) if l.len() == k => l,
                Some(l) => return Err(shape("primary_input_labels".into(), k, l.len())),
                None => match crate::convert::axis_labels(pi, "index")? {
                    Some(l) => l,
                    None => (1..=k).map(|i| format!("primary input {i}")).collect(),
                },
            };
            let ks = kinds(primary_input_kinds, &ls, &ls, PrimaryInputKind::Other)?;
            let cols_at = alignment(pi, "columns", &labels, "primary_inputs columns")?;
            for (r, (label, kind)) in ls.into_iter().zip(ks).enumerate() {
                parts.primary_inputs.push(PrimaryInputRow {
                    label,
                    kind,
                    values: (0..n).map(|j| v[r * n + at(&cols_at, j)]).collect(),
                });
            }
        }
        if let Some(x) = output {
            let v = vector(x, "output")?;
            if v.len() != n {
                return Err(shape("output".into(), n, v.len()));
            }
            let at_x = alignment(x, "index", &labels, "output")?;
            parts.output = Some((0..n).map(|i| v[at(&at_x, i)]).collect());
        }
        Ok(Self {
            inner: InterregionalTable::new(parts).py_err()?,
        })
    }

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
        let l = self.with_model(py, |m| Ok(m.leontief().leontief_inverse()))?;
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
            Ok(if round {
                m.decomposition()
            } else {
                m.decomposition_without_round()
            })
        })?;
        typed(py, "InterregionalDecomposition", &d)
    }

    /// Each region's leak to the others and what comes back, over its final-demand mix.
    fn returns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let r = self.with_model(py, |m| Ok(m.returns()))?;
        typed_records(py, "RegionReturn", &r)
    }

    /// fio's interdependence measures from the block sums of `L`.
    fn interdependence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let i = self.with_model(py, |m| Ok(m.interdependence()))?;
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

    /// Type II with the households of every region: `commuting[s][r]` the share of the
    /// wages paid in region `r` that households living in `s` receive (an `R × R` array, or
    /// a DataFrame with region names as index (residence) and columns (work), aligned by
    /// label); `income` each region's household income (default: what its residents earn in
    /// the system). One LU of `N + R`.
    #[pyo3(signature = (commuting, income = None))]
    fn type_ii<'py>(
        &self,
        py: Python<'py>,
        commuting: &Bound<'py, PyAny>,
        income: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let names = self.regions();
        let r = names.len();
        let (v, rows, cols) = matrix(commuting, "commuting")?;
        if rows != r || cols != r {
            return Err(shape(
                format!("commuting ({r} × {r}: residence × work)"),
                r * r,
                rows * cols,
            ));
        }
        let at = |p: &Option<Vec<usize>>, k: usize| p.as_ref().map_or(k, |p| p[k]);
        let rows_at = alignment(commuting, "index", &names, "commuting rows")?;
        let cols_at = alignment(commuting, "columns", &names, "commuting columns")?;
        let shares = (0..r)
            .map(|s| {
                (0..r)
                    .map(|w| v[at(&rows_at, s) * r + at(&cols_at, w)])
                    .collect()
            })
            .collect();
        let income = match income {
            Some(i) => Some(crate::convert::sector_vector(i, &names, "income")?),
            None => None,
        };
        let c = interregional::Commuting { shares, income };
        let ii = crate::interrupt::interruptible_if(
            py,
            self.inner.n() >= crate::interrupt::INTERRUPTIBLE_MIN_N,
            || self.inner.type_ii(&c),
        )?;
        typed(py, "TypeIi", &ii)
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

/// An embedded interregional dataset: "scotland-ruk-2019" (Scotland and the rest of the UK
/// 2019 at the 20 SIC sections, built by double entry from the ONS UK table and the Scottish
/// table; assumptions in `SCOTLAND_RUK_ASSUMPTIONS`) or "scotland-councils-2019" (Scotland's
/// 32 council areas as one system of 3,136 entries; `COUNCIL_SYSTEM_ASSUMPTIONS`).
#[pyfunction]
pub fn interregional_dataset(py: Python<'_>, name: &str) -> PyResult<PyInterregionalTable> {
    let inner = crate::interrupt::interruptible(py, || {
        localecon::datasets::Sources::embedded().interregional(name)
    })?;
    Ok(PyInterregionalTable { inner })
}

/// Commuting shares (residence × work) and household income per region, as numpy arrays.
type SharesAndIncome<'py> = (Bound<'py, PyArray2<f64>>, Bound<'py, PyArray1<f64>>);

/// The households of an embedded interregional dataset, for `table.type_ii(...)`: the census
/// 2011 commuting shares of its regions (residence × work) and each region's household
/// income (the compensation its residents receive times Scotland's ratio of household income
/// to compensation, 1.859: an assumption for the councils and the rest of the UK).
#[pyfunction]
pub fn interregional_households<'py>(
    py: Python<'py>,
    name: &str,
    table: &PyInterregionalTable,
) -> PyResult<SharesAndIncome<'py>> {
    let c = localecon::datasets::Sources::embedded()
        .interregional_households(name, &table.inner)
        .py_err()?;
    let r = c.shares.len();
    Ok((
        crate::convert::out_rows(py, &c.shares, r)?,
        out1(py, c.income.unwrap_or_default()),
    ))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyInterregionalTable>()?;
    m.add_function(wrap_pyfunction!(interregional_dataset, m)?)?;
    m.add_function(wrap_pyfunction!(interregional_households, m)?)?;
    m.add(
        "SCOTLAND_RUK_ASSUMPTIONS",
        localecon::datasets::SCOTLAND_RUK_ASSUMPTIONS.to_vec(),
    )?;
    m.add(
        "COUNCIL_SYSTEM_ASSUMPTIONS",
        localecon::datasets::COUNCIL_SYSTEM_ASSUMPTIONS.to_vec(),
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
