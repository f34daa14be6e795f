//! `LeontiefModel` for Python: one LU factor, many solves.

use numpy::{PyArray1, PyArray2};
use pyo3::prelude::*;

use crate::convert::{out1, out2, sector_vector};
use crate::error::IntoPy;
use crate::table::PyRegionalTable;

/// The open Leontief model x = L f of a table, holding one LU factor of (I − A).
#[pyclass(name = "LeontiefModel", module = "localecon", frozen)]
pub struct PyLeontiefModel {
    inner: localecon::LeontiefModel,
    /// The table's sector codes, to align labelled vectors.
    codes: Vec<String>,
}

#[pymethods]
impl PyLeontiefModel {
    /// Factors (I − A) of the table (raises NonProductiveError, SingularError).
    #[new]
    fn new(py: Python<'_>, table: &PyRegionalTable) -> PyResult<Self> {
        let t = &table.inner;
        Ok(Self {
            inner: crate::interrupt::for_n(py, t.n(), || localecon::LeontiefModel::new(t))?,
            codes: t.codes(),
        })
    }

    /// Dimension n.
    #[getter]
    fn n(&self) -> usize {
        self.inner.n()
    }

    /// Technical coefficients A = Z diag(x)^-1.
    #[getter]
    fn coefficients<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        out2(
            py,
            self.inner.coefficients().to_vec(),
            self.inner.n(),
            self.inner.n(),
        )
    }

    /// x = L f: the output final demand f requires (one solve).
    fn solve<'py>(
        &self,
        py: Python<'py>,
        f: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyArray1<f64>>> {
        let f = sector_vector(f, &self.codes, "final demand")?;
        Ok(out1(py, self.inner.solve(&f).py_err()?))
    }

    /// X = L F for many final-demand vectors: F is n × k (one column per scenario; a
    /// DataFrame's rows aligned to the sectors by label); one blocked solve with the single
    /// LU factor, GIL released.
    fn solve_many<'py>(
        &self,
        py: Python<'py>,
        f: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let (values, rows, k) = crate::convert::matrix(f, "final demands")?;
        if rows != self.inner.n() {
            return Err(crate::error::to_py(localecon::Error::Shape {
                what: "final demands (rows, one per sector)".into(),
                expected: self.inner.n(),
                found: rows,
            }));
        }
        // a DataFrame's rows are aligned to the sectors by label, never by position
        let values = match crate::convert::alignment(f, "index", &self.codes, "final demands rows")?
        {
            None => values,
            Some(at) => at
                .iter()
                .flat_map(|&i| values[i * k..(i + 1) * k].iter().copied())
                .collect(),
        };
        let inner = &self.inner;
        let x = py.detach(|| inner.solve_many(&values, k)).py_err()?;
        out2(py, x, rows, k)
    }

    /// w^T L: the total w-content per unit of final demand (one transposed solve).
    fn solve_transpose<'py>(
        &self,
        py: Python<'py>,
        w: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyArray1<f64>>> {
        let w = sector_vector(w, &self.codes, "coefficient row")?;
        Ok(out1(py, self.inner.solve_transpose(&w).py_err()?))
    }

    /// Output multipliers 1^T L.
    fn output_multipliers<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        out1(py, self.inner.output_multipliers())
    }

    /// The Leontief inverse L (O(n^3); prefer solve and solve_transpose).
    fn leontief_inverse<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let n = self.inner.n();
        let inner = &self.inner;
        let l = crate::interrupt::for_n(py, n, || inner.leontief_inverse())?;
        out2(py, l, n, n)
    }
}

/// Adds this module's classes and functions to `localecon._localecon`.
/// The SIMD paths the dense engine takes on this machine, in words (what benchmarks print
/// next to their ratios): the core's `linalg::kernel_path`.
#[pyfunction]
fn kernel_path() -> String {
    localecon::linalg::kernel_path()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLeontiefModel>()?;
    m.add_function(wrap_pyfunction!(kernel_path, m)?)?;
    Ok(())
}
