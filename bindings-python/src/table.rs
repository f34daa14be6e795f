//! `RegionalTable` for Python: a newtype over the core table.

use localecon::interchange;
use localecon::table::{
    Employment, FinalDemandColumn, FinalDemandKind, PrimaryInputKind, PrimaryInputRow, Sector,
    TableParts,
};
use numpy::PyArray2;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::convert::{alignment, axis_labels, matrix, out1, out2, parse, vector};
use crate::error::IntoPy;
use crate::results::{PyAudit, PyClosedLeakage, PyLeakage, PyMultipliers, PyRegionReport};

/// A region's domestic input-output table: local flows Z (Z[i, j] = what sector j buys from
/// local sector i), final-demand columns, primary-input rows, optional employment.
///
/// Build one with `RegionalTable.from_arrays`, `from_json`, `from_csv`, or take an embedded
/// table from `localecon.datasets`.
#[pyclass(name = "RegionalTable", module = "localecon", frozen)]
#[derive(Clone)]
pub struct PyRegionalTable {
    pub inner: localecon::RegionalTable,
}

fn kinds<T: std::str::FromStr<Err = localecon::Error> + Copy>(
    kinds: Option<&Bound<'_, PyAny>>,
    labels: &[String],
    default: T,
) -> PyResult<Vec<T>> {
    let Some(kinds) = kinds else {
        return Ok(vec![default; labels.len()]);
    };
    if let Ok(d) = kinds.cast::<PyDict>() {
        return labels
            .iter()
            .map(|l| match d.get_item(l)? {
                Some(v) => parse::<T>(&v.extract::<String>()?),
                None => Ok(default),
            })
            .collect();
    }
    let list: Vec<String> = kinds.extract()?;
    if list.len() != labels.len() {
        return Err(crate::error::to_py(localecon::Error::Shape {
            what: "kinds".into(),
            expected: labels.len(),
            found: list.len(),
        }));
    }
    list.iter().map(|k| parse::<T>(k)).collect()
}

fn default_labels(prefix: &str, k: usize) -> Vec<String> {
    (0..k).map(|i| format!("{prefix}{}", i + 1)).collect()
}

#[pymethods]
impl PyRegionalTable {
    /// Builds a table from arrays (numpy arrays of any numeric dtype, nested lists, or pandas
    /// DataFrames, whose index and columns give the labels).
    ///
    /// z: n × n local flows. final_demand: n × k (sectors in rows), with
    /// final_demand_labels and final_demand_kinds (list, or dict label → kind; default
    /// "other"). primary_inputs: m × n (sectors in columns), with primary_input_labels and
    /// primary_input_kinds (default "other"). Raises a LocaleconError subclass on bad input.
    #[staticmethod]
    #[pyo3(signature = (z, *, sectors=None, names=None, final_demand=None, final_demand_labels=None,
        final_demand_kinds=None, primary_inputs=None, primary_input_labels=None, primary_input_kinds=None,
        output=None, employment=None, employment_unit="jobs", name="region", unit="money units",
        source=None, household_income=None, balance_tolerance=0.001))]
    #[allow(clippy::too_many_arguments)]
    fn from_arrays(
        z: &Bound<'_, PyAny>,
        sectors: Option<Vec<String>>,
        names: Option<Vec<String>>,
        final_demand: Option<&Bound<'_, PyAny>>,
        final_demand_labels: Option<Vec<String>>,
        final_demand_kinds: Option<&Bound<'_, PyAny>>,
        primary_inputs: Option<&Bound<'_, PyAny>>,
        primary_input_labels: Option<Vec<String>>,
        primary_input_kinds: Option<&Bound<'_, PyAny>>,
        output: Option<&Bound<'_, PyAny>>,
        employment: Option<&Bound<'_, PyAny>>,
        employment_unit: &str,
        name: &str,
        unit: &str,
        source: Option<String>,
        household_income: Option<f64>,
        balance_tolerance: f64,
    ) -> PyResult<Self> {
        let (zv, rows, cols) = matrix(z, "Z")?;
        if rows != cols {
            return Err(crate::error::to_py(localecon::Error::Shape {
                what: "Z columns (Z must be square)".into(),
                expected: rows,
                found: cols,
            }));
        }
        let n = rows;
        let codes = match sectors {
            Some(s) => s,
            None => axis_labels(z, "index")?.unwrap_or_else(|| default_labels("S", n)),
        };
        let names = names.unwrap_or_else(|| codes.clone());
        if codes.len() != n || names.len() != n {
            return Err(crate::error::to_py(localecon::Error::Shape {
                what: "sector labels".into(),
                expected: n,
                found: if codes.len() == n {
                    names.len()
                } else {
                    codes.len()
                },
            }));
        }
        // a DataFrame's rows and columns are aligned to the sectors by label
        let rows_at = alignment(z, "index", &codes, "Z rows")?;
        let cols_at = alignment(z, "columns", &codes, "Z columns")?;
        let zv = match (&rows_at, &cols_at) {
            (None, None) => zv,
            _ => {
                let at = |p: &Option<Vec<usize>>, k: usize| p.as_ref().map_or(k, |p| p[k]);
                (0..n * n)
                    .map(|k| zv[at(&rows_at, k / n) * n + at(&cols_at, k % n)])
                    .collect()
            }
        };
        let sector_list: Vec<Sector> = codes
            .iter()
            .cloned()
            .zip(names)
            .map(|(code, name)| Sector { code, name })
            .collect();
        let mut parts = TableParts::new(name, sector_list, zv);
        parts.unit = unit.into();
        parts.source = source;
        parts.balance_tolerance = balance_tolerance;
        parts.household_closure.household_income = household_income;
        if let Some(fd) = final_demand {
            let (v, r, k) = matrix(fd, "final_demand")?;
            if r != n {
                return Err(crate::error::to_py(localecon::Error::Shape {
                    what: "final_demand rows (one per sector)".into(),
                    expected: n,
                    found: r,
                }));
            }
            let labels = match final_demand_labels {
                Some(l) => l,
                None => axis_labels(fd, "columns")?.unwrap_or_else(|| default_labels("F", k)),
            };
            if labels.len() != k {
                return Err(crate::error::to_py(localecon::Error::Shape {
                    what: "final_demand_labels".into(),
                    expected: k,
                    found: labels.len(),
                }));
            }
            let kinds = kinds(final_demand_kinds, &labels, FinalDemandKind::Other)?;
            let rows_at = alignment(fd, "index", &codes, "final_demand rows")?;
            let row = |i: usize| rows_at.as_ref().map_or(i, |p| p[i]);
            for (c, (label, kind)) in labels.into_iter().zip(kinds).enumerate() {
                parts.final_demand.push(FinalDemandColumn {
                    label,
                    kind,
                    values: (0..n).map(|i| v[row(i) * k + c]).collect(),
                });
            }
        }
        if let Some(pi) = primary_inputs {
            let (v, m, c) = matrix(pi, "primary_inputs")?;
            if c != n {
                return Err(crate::error::to_py(localecon::Error::Shape {
                    what: "primary_inputs columns (one per sector)".into(),
                    expected: n,
                    found: c,
                }));
            }
            let labels = match primary_input_labels {
                Some(l) => l,
                None => axis_labels(pi, "index")?.unwrap_or_else(|| default_labels("P", m)),
            };
            if labels.len() != m {
                return Err(crate::error::to_py(localecon::Error::Shape {
                    what: "primary_input_labels".into(),
                    expected: m,
                    found: labels.len(),
                }));
            }
            let kinds = kinds(primary_input_kinds, &labels, PrimaryInputKind::Other)?;
            let cols_at = alignment(pi, "columns", &codes, "primary_inputs columns")?;
            for (r, (label, kind)) in labels.into_iter().zip(kinds).enumerate() {
                let row = &v[r * n..(r + 1) * n];
                parts.primary_inputs.push(PrimaryInputRow {
                    label,
                    kind,
                    values: match &cols_at {
                        None => row.to_vec(),
                        Some(p) => p.iter().map(|&j| row[j]).collect(),
                    },
                });
            }
        }
        let by_sector = |obj: &Bound<'_, PyAny>, what: &str| -> PyResult<Vec<f64>> {
            let v = vector(obj, what)?;
            Ok(match alignment(obj, "index", &codes, what)? {
                None => v,
                Some(p) if v.len() == n => p.iter().map(|&i| v[i]).collect(),
                Some(_) => v, // a length mismatch is the core's shape error
            })
        };
        if let Some(x) = output {
            parts.output = Some(by_sector(x, "output")?);
        }
        if let Some(e) = employment {
            parts.employment = Some(Employment {
                unit: employment_unit.into(),
                values: by_sector(e, "employment")?,
            });
        }
        Ok(Self {
            inner: localecon::RegionalTable::new(parts).py_err()?,
        })
    }

    /// Reads a table from the interchange JSON (format "localecon-table", version 1): text,
    /// or a file's bytes in UTF-8 or UTF-16 with a byte-order mark (other encodings are a
    /// `JsonError` at their first byte that is not UTF-8).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let inner = match text_or_bytes(text)? {
            TextOrBytes::Text(t) => interchange::read_json(&t),
            TextOrBytes::Bytes(b) => interchange::read_json_bytes(&b),
        };
        Ok(Self {
            inner: inner.py_err()?,
        })
    }

    /// Reads a table from the labelled CSV layout (comma, or semicolon with decimal commas,
    /// or tab): text, or a file's bytes in UTF-8 or UTF-16 with a byte-order mark (other
    /// encodings are a `CsvError` naming the line and field of their first byte that is
    /// not UTF-8).
    #[staticmethod]
    fn from_csv(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let inner = match text_or_bytes(text)? {
            TextOrBytes::Text(t) => interchange::read_csv(&t),
            TextOrBytes::Bytes(b) => interchange::read_csv_bytes(&b),
        };
        Ok(Self {
            inner: inner.py_err()?,
        })
    }

    /// The table as interchange JSON.
    fn to_json(&self) -> String {
        interchange::write_json(&self.inner)
    }

    /// The table in the labelled CSV layout.
    fn to_csv(&self) -> String {
        interchange::write_csv(&self.inner)
    }

    /// Number of sectors.
    #[getter]
    fn n(&self) -> usize {
        self.inner.n()
    }

    /// Region name.
    #[getter]
    fn name(&self) -> &str {
        self.inner.name()
    }

    /// Money unit.
    #[getter]
    fn unit(&self) -> &str {
        self.inner.unit()
    }

    /// Source and licence line.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.inner.source()
    }

    /// Sector codes, in table order.
    #[getter]
    fn codes(&self) -> Vec<String> {
        self.inner
            .sectors()
            .iter()
            .map(|s| s.code.clone())
            .collect()
    }

    /// Sector names, in table order.
    #[getter]
    fn names(&self) -> Vec<String> {
        self.inner
            .sectors()
            .iter()
            .map(|s| s.name.clone())
            .collect()
    }

    /// Local flows Z (n × n copy).
    #[getter]
    fn z<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        out2(py, self.inner.z().to_vec(), self.inner.n(), self.inner.n())
    }

    /// Gross output x used by every analysis.
    #[getter]
    fn output<'py>(&self, py: Python<'py>) -> Bound<'py, numpy::PyArray1<f64>> {
        out1(py, self.inner.output().to_vec())
    }

    /// Final-demand labels and kinds, as (label, kind) pairs.
    #[getter]
    fn final_demand_columns(&self) -> Vec<(String, String)> {
        self.inner
            .final_demand()
            .iter()
            .map(|c| (c.label.clone(), c.kind.to_string()))
            .collect()
    }

    /// Primary-input labels and kinds, as (label, kind) pairs.
    #[getter]
    fn primary_input_rows(&self) -> Vec<(String, String)> {
        self.inner
            .primary_inputs()
            .iter()
            .map(|r| (r.label.clone(), r.kind.to_string()))
            .collect()
    }

    /// Index of the sector with this code (raises UnknownLabelError).
    fn sector_index(&self, code: &str) -> PyResult<usize> {
        self.inner.sector_index(code).py_err()
    }

    /// The audit: PASS / WARN / FAIL per check.
    fn audit(&self) -> PyAudit {
        PyAudit {
            inner: self.inner.audit(),
        }
    }

    /// Type I and Type II multipliers (one LU factor each; the GIL is released).
    fn multipliers(&self, py: Python<'_>) -> PyResult<PyMultipliers> {
        let t = &self.inner;
        let inner = py.detach(|| localecon::Multipliers::new(t)).py_err()?;
        Ok(PyMultipliers { inner })
    }

    /// The open-model leakage decomposition by channel.
    fn leakage(&self, py: Python<'_>) -> PyResult<PyLeakage> {
        let t = &self.inner;
        let inner = py.detach(|| localecon::Leakage::new(t)).py_err()?;
        Ok(PyLeakage { inner })
    }

    /// The household-closed leakage decomposition (every channel, summing to 1).
    fn closed_leakage(&self, py: Python<'_>) -> PyResult<PyClosedLeakage> {
        let t = &self.inner;
        let inner = py.detach(|| localecon::ClosedLeakage::new(t)).py_err()?;
        Ok(PyClosedLeakage { inner })
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

    /// The RegionReport: headline indicators of the region. `progress`, if given, is called
    /// as `progress(stage, done)` before each stage (`done` from 0 to 1) — useful on large
    /// tables; the GIL is released in between.
    #[pyo3(signature = (progress=None, satellite=None))]
    fn report(
        &self,
        py: Python<'_>,
        progress: Option<Py<PyAny>>,
        satellite: Option<&crate::satellite::PySatellite>,
    ) -> PyResult<PyRegionReport> {
        let t = &self.inner;
        let sat = satellite.map(|s| &s.inner);
        let mut failed: Option<PyErr> = None;
        let inner = py
            .detach(|| {
                let mut r = localecon::RegionReport::with_progress(t, &mut |stage, done| {
                    if let (Some(cb), None) = (&progress, &failed) {
                        failed = Python::attach(|py| cb.call1(py, (stage, done)).err());
                    }
                })?;
                if let Some(sat) = sat {
                    r.add_satellite(t, sat)?;
                }
                Ok::<_, localecon::Error>(r)
            })
            .py_err()?;
        if let Some(e) = failed {
            return Err(e);
        }
        Ok(PyRegionReport { inner })
    }

    /// Finn cycling index by the Leontief route (closure "open" or "households").
    #[pyo3(signature = (closure="open"))]
    fn fci(&self, closure: &str) -> PyResult<f64> {
        localecon::circularity::fci_leontief(&self.inner, parse(closure)?).py_err()
    }

    /// Rasmussen–Hirschman linkages and key sectors (`to_pandas()` for a labelled table).
    fn linkages(&self) -> PyResult<crate::results::PyLinkages> {
        Ok(crate::results::PyLinkages {
            inner: localecon::linkages::Linkages::new(&self.inner).py_err()?,
        })
    }

    /// The Ghosh inverse G = (I − B)^-1, n × n.
    fn ghosh_inverse<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let g = localecon::linkages::GhoshModel::new(&self.inner)
            .py_err()?
            .ghosh_inverse();
        out2(py, g, self.inner.n(), self.inner.n())
    }

    /// Output lost if `sector` were extracted ("backward", "forward" or "total").
    #[pyo3(signature = (sector, kind="total"))]
    fn hypothetical_extraction(&self, sector: &str, kind: &str) -> PyResult<f64> {
        localecon::linkages::hypothetical_extraction(&self.inner, sector, parse(kind)?).py_err()
    }

    /// The largest supply-chain paths from final demand for `sector` to `target`
    /// ("value_added", "income" or "leakage"): a dict with paths, total and coverage, the
    /// steps taken and, when the work limit `max_steps` stopped the search, `truncated`.
    #[pyo3(signature = (sector, target="value_added", cutoff=1e-4, max_depth=8, top_k=20, max_steps=20_000_000))]
    #[allow(clippy::too_many_arguments)]
    fn structural_paths<'py>(
        &self,
        py: Python<'py>,
        sector: &str,
        target: &str,
        cutoff: f64,
        max_depth: usize,
        top_k: usize,
        max_steps: u64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let target = parse(target)?;
        let t = &self.inner;
        let r = py
            .detach(|| {
                localecon::linkages::structural_paths_bounded(
                    t, sector, target, cutoff, max_depth, top_k, max_steps,
                )
            })
            .py_err()?;
        crate::convert::typed(py, "StructuralPaths", &r)
    }

    /// Model LMk per sector from the household-closed model (k rounds).
    fn model_lm<'py>(
        &self,
        py: Python<'py>,
        k: usize,
    ) -> PyResult<Bound<'py, numpy::PyArray1<f64>>> {
        Ok(out1(py, localecon::lm3::model_lm(&self.inner, k).py_err()?))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let ctor = py.get_type::<Self>().getattr("from_json")?;
        PyTuple::new(
            py,
            [
                ctor.into_any(),
                PyTuple::new(py, [self.to_json()])?.into_any(),
            ],
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Self>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    /// Z as an n × n array (numpy protocol).
    #[pyo3(signature = (dtype=None, copy=None))]
    fn __array__<'py>(
        &self,
        py: Python<'py>,
        dtype: Option<Bound<'py, PyAny>>,
        copy: Option<bool>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let _ = copy;
        let z = self.z(py)?.into_any();
        match dtype {
            Some(d) if !d.is_none() => z.call_method1("astype", (d,)),
            _ => Ok(z),
        }
    }

    fn _repr_html_(&self) -> String {
        let esc = |s: &str| {
            s.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        let t = &self.inner;
        let mut h = format!(
            "<div><strong>{}</strong>: {} sectors, {} final-demand columns, {} primary-input rows ({})",
            esc(t.name()),
            t.n(),
            t.final_demand().len(),
            t.primary_inputs().len(),
            esc(t.unit())
        );
        if let Some(src) = t.source() {
            h.push_str(&format!("<br><small>{}</small>", esc(src)));
        }
        h.push_str("<table><tr><th>code</th><th>name</th><th>output</th></tr>");
        for (s, x) in t.sectors().iter().zip(t.output()).take(10) {
            h.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{x:.1}</td></tr>",
                esc(&s.code),
                esc(&s.name)
            ));
        }
        if t.n() > 10 {
            h.push_str(&format!(
                "<tr><td colspan=3>… {} more</td></tr>",
                t.n() - 10
            ));
        }
        h.push_str("</table></div>");
        h
    }

    fn __len__(&self) -> usize {
        self.inner.n()
    }

    fn __repr__(&self) -> String {
        format!(
            "<RegionalTable {:?}: {} sectors, {} final-demand columns, {} primary-input rows, {}>",
            self.inner.name(),
            self.inner.n(),
            self.inner.final_demand().len(),
            self.inner.primary_inputs().len(),
            self.inner.unit()
        )
    }
}

enum TextOrBytes {
    Text(String),
    Bytes(Vec<u8>),
}

/// A reader's argument: `str`, or `bytes`/`bytearray`/`memoryview` (a file opened in binary
/// mode); anything else is an `InvalidInputError` naming its type.
fn text_or_bytes(obj: &Bound<'_, PyAny>) -> PyResult<TextOrBytes> {
    if let Ok(s) = obj.cast::<pyo3::types::PyString>() {
        return Ok(TextOrBytes::Text(s.to_cow()?.into_owned()));
    }
    if let Ok(b) = obj.cast::<pyo3::types::PyBytes>() {
        return Ok(TextOrBytes::Bytes(b.as_bytes().to_vec()));
    }
    if let Ok(b) = obj.cast::<pyo3::types::PyByteArray>() {
        return Ok(TextOrBytes::Bytes(b.to_vec()));
    }
    if obj.is_instance_of::<pyo3::types::PyMemoryView>() {
        let b = obj.call_method0("tobytes")?;
        return Ok(TextOrBytes::Bytes(
            b.cast::<pyo3::types::PyBytes>()?.as_bytes().to_vec(),
        ));
    }
    Err(crate::error::to_py(localecon::Error::InvalidInput {
        what: "table text".into(),
        message: format!("expected str or bytes, found {}", obj.get_type().name()?),
    }))
}
