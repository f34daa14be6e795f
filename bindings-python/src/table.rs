//! `RegionalTable` for Python: a newtype over the core table.

use localecon::table::{
    Employment, FinalDemandColumn, FinalDemandKind, PrimaryInputKind, PrimaryInputRow, Sector,
    TableParts,
};
use numpy::PyArray2;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::convert::{alignment, axis_labels, default_labels, kinds, matrix, out1, out2, vector};
use crate::error::IntoPy;

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

#[pymethods]
impl PyRegionalTable {
    /// Builds a table from arrays (numpy arrays of any numeric dtype, nested lists, or pandas
    /// DataFrames, whose index and columns give the labels).
    ///
    /// z: n × n local flows. final_demand: n × k (sectors in rows), with
    /// final_demand_labels and final_demand_kinds (list, or dict or labelled Series label →
    /// kind, a name that is no label an error; default "other"). primary_inputs: m × n
    /// (sectors in columns), with primary_input_labels and primary_input_kinds (the same; default
    /// "other"). Raises a LocaleconError subclass on bad input.
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
            let kinds = kinds(
                final_demand_kinds,
                "final_demand_kinds",
                (&labels, &[]),
                FinalDemandKind::Other,
            )?;
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
            let kinds = kinds(
                primary_input_kinds,
                "primary_input_kinds",
                (&labels, &[]),
                PrimaryInputKind::Other,
            )?;
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
        self.inner.codes()
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

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let ctor = py.get_type::<Self>().getattr("from_json")?;
        PyTuple::new(
            py,
            [
                ctor.into_any(),
                PyTuple::new(py, [localecon::interchange::write_json(&self.inner)])?.into_any(),
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

/// Adds this module's classes and functions to `localecon._localecon`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyRegionalTable>()?;
    // the default the signatures spell out as a number (a test checks they agree)
    m.add(
        "DEFAULT_BALANCE_TOLERANCE",
        localecon::table::DEFAULT_BALANCE_TOLERANCE,
    )?;
    Ok(())
}
