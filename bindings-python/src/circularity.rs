//! Circularity, linkages and LM3 for Python: thin wrappers returning dicts and arrays.

use localecon::circularity::{
    Balance, Closure, FlowSystem, flow_indicators, information_indices, strongest_cycles_bounded,
    strongly_connected_components, structure,
};
use numpy::{PyArray1, PyArray2};
use pyo3::prelude::*;

use crate::convert::{matrix, out1, out2, parse, to_py, typed, typed_from, typed_records, vector};
use crate::error::IntoPy;
use crate::table::PyRegionalTable;

/// A network of accounts with internal flows (from row to column) and boundary flows, for
/// ecological network analysis of money: Finn cycling index, average path length,
/// ascendency and robustness, components and cycles.
#[pyclass(name = "FlowSystem", module = "localecon", frozen)]
pub struct PyFlowSystem {
    inner: FlowSystem,
}

#[pymethods]
impl PyFlowSystem {
    /// flows[i, j] is the flow from node i to node j; inputs, exports and dissipation are
    /// boundary flows per node. Raises UnbalancedError when a node's inflow and outflow
    /// differ by more than balance_tolerance (relative), unless allow_unbalanced.
    #[new]
    #[pyo3(signature = (labels, flows, inputs, exports, dissipation, *, balance_tolerance=0.001, allow_unbalanced=false))]
    fn new(
        labels: Vec<String>,
        flows: &Bound<'_, PyAny>,
        inputs: &Bound<'_, PyAny>,
        exports: &Bound<'_, PyAny>,
        dissipation: &Bound<'_, PyAny>,
        balance_tolerance: f64,
        allow_unbalanced: bool,
    ) -> PyResult<Self> {
        let (f, r, c) = matrix(flows, "flows")?;
        if r != c {
            return Err(crate::error::to_py(localecon::Error::Shape {
                what: "flows columns (flows must be square)".into(),
                expected: r,
                found: c,
            }));
        }
        let inner = FlowSystem::new(
            labels,
            f,
            vector(inputs, "inputs")?,
            vector(exports, "exports")?,
            vector(dissipation, "dissipation")?,
            Balance {
                tolerance: balance_tolerance,
                allow_unbalanced,
            },
        )
        .py_err()?;
        Ok(Self { inner })
    }

    /// The flow system of a table: closure "open" (sectors) or "households".
    #[staticmethod]
    #[pyo3(signature = (table, closure="open"))]
    fn from_table(table: &PyRegionalTable, closure: &str) -> PyResult<Self> {
        let closure: Closure = parse(closure)?;
        Ok(Self {
            inner: FlowSystem::from_table(&table.inner, closure).py_err()?,
        })
    }

    /// Node labels.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.inner.labels().to_vec()
    }

    /// Internal flows, n × n (from row to column).
    #[getter]
    fn flows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        out2(
            py,
            self.inner.flows().to_vec(),
            self.inner.n(),
            self.inner.n(),
        )
    }

    /// Throughflow per node.
    #[getter]
    fn throughflow<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        out1(py, self.inner.throughflow().to_vec())
    }

    /// Finn cycling index, APL, TST and the other enaR flow indicators, as a dict.
    fn flow_indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let s = &self.inner;
        let r = py.detach(|| flow_indicators(s)).py_err()?;
        typed(py, "FlowIndicators", &r)
    }

    /// Ascendency, capacity, overhead, robustness (bits), as a dict.
    fn information_indices<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        typed(py, "InformationIndices", &information_indices(&self.inner))
    }

    /// Links, connectance and the dominant eigenvalue of the adjacency matrix, as a dict.
    fn structure<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        typed(py, "Structure", &structure(&self.inner).py_err()?)
    }

    /// Strongly connected components with their throughflow shares, largest first.
    fn strongly_connected_components<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        typed_records(py, "Component", &strongly_connected_components(&self.inner))
    }

    /// The top_k cycles with the largest bottleneck flow, up to max_length links; a search
    /// that would follow more than max_steps edges raises TooLargeError.
    #[pyo3(signature = (max_length=4, top_k=10, max_steps=10_000_000))]
    fn strongest_cycles<'py>(
        &self,
        py: Python<'py>,
        max_length: usize,
        top_k: usize,
        max_steps: u64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let s = &self.inner;
        let cycles = py
            .detach(|| strongest_cycles_bounded(s, max_length, top_k, max_steps))
            .py_err()?;
        typed_records(py, "Cycle", &cycles)
    }

    fn __repr__(&self) -> String {
        format!("<FlowSystem: {} nodes>", self.inner.n())
    }
}

/// LM3 of a survey: a dict with income, organisation_is_local (default True) and spending
/// (a list of dicts with label, amount, local_share, respend_local_share). Returns the
/// rounds and lm3.
#[pyfunction]
pub fn lm3<'py>(py: Python<'py>, survey: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text: String = py
        .import("json")?
        .getattr("dumps")?
        .call1((survey,))?
        .extract()?;
    let s: localecon::lm3::Lm3Survey = serde_json::from_str(&text).map_err(|e| {
        crate::error::to_py(localecon::Error::InvalidInput {
            what: "LM3 survey".into(),
            message: e.to_string(),
        })
    })?;
    typed(py, "Lm3", &s.compute().py_err()?)
}

/// The average of survey shares (plain, or weighted by spending).
#[pyfunction]
#[pyo3(signature = (shares, weights=None))]
pub fn average_share(
    shares: &Bound<'_, PyAny>,
    weights: Option<&Bound<'_, PyAny>>,
) -> PyResult<f64> {
    let s = vector(shares, "shares")?;
    let w = weights.map(|w| vector(w, "weights")).transpose()?;
    localecon::lm3::average_share(&s, w.as_deref()).py_err()
}

/// A large sparse network of accounts (firms): flows payer → payee, each account's payments
/// out of the region (`leaked`) and local incomes (`retained`). Never dense: CSR storage,
/// BiCGSTAB solves.
#[pyclass(name = "SparseNetwork", module = "localecon", frozen)]
pub struct PySparseNetwork {
    inner: localecon::sparse::SparseNetwork,
}

fn indices(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<u32>> {
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

    /// Bytes held by the sparse matrix and the leakage vector.
    #[getter]
    fn memory_bytes(&self) -> usize {
        self.inner.memory_bytes()
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
        let r = py
            .detach(|| inner.analyse(tolerance, max_iterations))
            .py_err()?;
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
