//! `SparseNetwork` for Python: multipliers and leakage of large networks of accounts.

use pyo3::prelude::*;

use crate::convert::{out1, to_py, typed_from, vector};
use crate::error::IntoPy;

/// A large sparse network of accounts (firms): flows payer → payee, each account's payments
/// out of the region (`leaked`) and local incomes (`retained`). Never dense: CSR storage,
/// BiCGSTAB solves.
#[pyclass(name = "SparseNetwork", module = "localecon", frozen)]
pub struct PySparseNetwork {
    inner: localecon::sparse::SparseNetwork,
}

pub(crate) fn indices(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<u32>> {
    let v = vector(obj, what)?;
    v.iter()
        .enumerate()
        .map(|(k, &x)| {
            if x >= 0.0 && x.fract() == 0.0 && x <= f64::from(u32::MAX) {
                Ok(x as u32)
            } else {
                Err(crate::error::to_py(localecon::Error::OutOfRange {
                    location: localecon::Location::Field(format!("{what}[{k}]")),
                    value: x,
                    expected: "an account index (a whole number ≥ 0)".into(),
                }))
            }
        })
        .collect()
}

#[pymethods]
impl PySparseNetwork {
    #[new]
    fn new(
        py: Python<'_>,
        n: usize,
        payer: &Bound<'_, PyAny>,
        payee: &Bound<'_, PyAny>,
        amount: &Bound<'_, PyAny>,
        leaked: &Bound<'_, PyAny>,
        retained: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        crate::convert::same_rows(&[(payer, "payer"), (payee, "payee"), (amount, "amount")])?;
        let (payer, payee) = (indices(payer, "payer")?, indices(payee, "payee")?);
        let (amount, leaked, retained) = (
            vector(amount, "amount")?,
            vector(leaked, "leaked")?,
            vector(retained, "retained")?,
        );
        let inner = py
            .detach(|| {
                localecon::sparse::SparseNetwork::new(
                    n, &payer, &payee, &amount, &leaked, &retained,
                )
            })
            .py_err()?;
        Ok(Self { inner })
    }

    /// Number of accounts.
    #[getter]
    fn n(&self) -> usize {
        self.inner.n()
    }

    /// Number of flows.
    #[getter]
    fn flows(&self) -> usize {
        self.inner.flows()
    }

    /// Bytes held by the sparse matrix, the leakage vector and the outlays.
    #[getter]
    fn memory_bytes(&self) -> usize {
        self.inner.memory_bytes()
    }

    /// The money flows between the accounts as a `ClusterGraph` (payments out of the
    /// region and local incomes are the boundary): `A_ij·x_j` per flow, the amount up to one
    /// rounding. GIL released.
    #[pyo3(signature = (self_loops = false))]
    fn cluster_graph(
        &self,
        py: Python<'_>,
        self_loops: bool,
    ) -> PyResult<crate::clusters::PyClusterGraph> {
        let inner = py
            .detach(|| self.inner.cluster_graph(self_loops))
            .py_err()?;
        Ok(crate::clusters::PyClusterGraph { inner })
    }

    /// Output multipliers and leakage of every account (two BiCGSTAB solves, GIL released):
    /// a dict with arrays and the convergence (iterations, relative residual) of each solve.
    #[pyo3(signature = (tolerance=1e-10, max_iterations=1000))]
    fn analyse<'py>(
        &self,
        py: Python<'py>,
        tolerance: f64,
        max_iterations: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let inner = &self.inner;
        let r = crate::interrupt::interruptible(py, || inner.analyse(tolerance, max_iterations))?;
        let d = pyo3::types::PyDict::new(py);
        d.set_item("output_multipliers", out1(py, r.output_multipliers))?;
        d.set_item("leakage", out1(py, r.leakage))?;
        d.set_item(
            "multipliers_convergence",
            to_py(py, &r.multipliers_convergence)?,
        )?;
        d.set_item("leakage_convergence", to_py(py, &r.leakage_convergence)?)?;
        typed_from(py, "SparseResult", d.into_any())
    }

    /// The relative residual ‖w − (I − A)ᵀy‖ / ‖w‖ of a solution y, recomputed in float64
    /// (w: one entry per account, e.g. all ones for the output multipliers).
    fn relative_residual(
        &self,
        py: Python<'_>,
        y: &Bound<'_, PyAny>,
        w: &Bound<'_, PyAny>,
    ) -> PyResult<f64> {
        let (y, w) = (vector(y, "y")?, vector(w, "w")?);
        let inner = &self.inner;
        py.detach(|| inner.relative_residual(&y, &w)).py_err()
    }

    fn __repr__(&self) -> String {
        format!(
            "<SparseNetwork: {} accounts, {} flows, {} bytes>",
            self.inner.n(),
            self.inner.flows(),
            self.inner.memory_bytes()
        )
    }
}

/// Adds this module's classes and functions to `localecon._localecon`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PySparseNetwork>()?;
    Ok(())
}
