//! Circulation for Python: flow systems (ecological network analysis of money) and the
//! Finn cycling index of a table.

use localecon::circularity::{
    Balance, Closure, FlowSystem, flow_indicators, information_indices, strongest_cycles_bounded,
    strongly_connected_components, structure,
};
use numpy::{PyArray1, PyArray2};
use pyo3::prelude::*;

use crate::convert::{out1, out2, parse, sector_matrix, sector_vector, typed, typed_records};
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
        // a DataFrame or Series is aligned to the labels by its own labels, never by position
        let f = sector_matrix(flows, &labels, "flows")?;
        let inner = FlowSystem::new(
            labels.clone(),
            f,
            sector_vector(inputs, &labels, "inputs")?,
            sector_vector(exports, &labels, "exports")?,
            sector_vector(dissipation, &labels, "dissipation")?,
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
        let r = crate::interrupt::for_n(py, s.n(), || flow_indicators(s))?;
        typed(py, "FlowIndicators", &r)
    }

    /// Ascendency, capacity, overhead, robustness (bits), as a dict.
    fn information_indices<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        typed(py, "InformationIndices", &information_indices(&self.inner))
    }

    /// Links, connectance and the dominant eigenvalue of the adjacency matrix, as a dict.
    fn structure<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let s = &self.inner;
        let r = crate::interrupt::for_n(py, s.n(), || structure(s))?;
        typed(py, "Structure", &r)
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
        let cycles = crate::interrupt::interruptible(py, || {
            strongest_cycles_bounded(s, max_length, top_k, max_steps)
        })?;
        typed_records(py, "Cycle", &cycles)
    }

    /// The whole ecological network analysis at once (what JavaScript's `enaAnalysis`
    /// gives): throughflow, flow indicators, information indices, structure, components and
    /// the strongest cycles (bounded as in `strongest_cycles`), an `EnaAnalysis`.
    #[pyo3(signature = (max_cycle_length=4, top_cycles=10, max_cycle_steps=10_000_000))]
    fn analyse<'py>(
        &self,
        py: Python<'py>,
        max_cycle_length: usize,
        top_cycles: usize,
        max_cycle_steps: u64,
    ) -> PyResult<Bound<'py, PyAny>> {
        analysed(
            py,
            &self.inner,
            max_cycle_length,
            top_cycles,
            max_cycle_steps,
        )
    }

    fn __repr__(&self) -> String {
        format!("<FlowSystem: {} nodes>", self.inner.n())
    }
}

#[pymethods]
impl PyRegionalTable {
    /// Finn cycling index by the Leontief route (closure "open" or "households").
    #[pyo3(signature = (closure="open"))]
    fn fci(&self, closure: &str) -> PyResult<f64> {
        localecon::circularity::fci_leontief(&self.inner, parse(closure)?).py_err()
    }

    /// Ecological network analysis of this table's flows (closure "open" or "households"),
    /// as JavaScript's `table.ena`: `FlowSystem.from_table(self, closure).analyse(...)`, an
    /// `EnaAnalysis`. Ctrl-C stops it.
    #[pyo3(signature = (closure="open", max_cycle_length=4, top_cycles=10, max_cycle_steps=10_000_000))]
    fn ena<'py>(
        &self,
        py: Python<'py>,
        closure: &str,
        max_cycle_length: usize,
        top_cycles: usize,
        max_cycle_steps: u64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let system = FlowSystem::from_table(&self.inner, parse(closure)?).py_err()?;
        analysed(py, &system, max_cycle_length, top_cycles, max_cycle_steps)
    }
}

/// The whole analysis of `system` with the strongest cycles bounded as given.
fn analysed<'py>(
    py: Python<'py>,
    system: &FlowSystem,
    max_cycle_length: usize,
    top_cycles: usize,
    max_cycle_steps: u64,
) -> PyResult<Bound<'py, PyAny>> {
    let options = localecon::circularity::EnaOptions {
        max_cycle_length,
        top_cycles,
        max_cycle_steps,
        ..Default::default()
    };
    let a =
        crate::interrupt::interruptible(py, || localecon::circularity::analyse(system, &options))?;
    typed(py, "EnaAnalysis", &a)
}

/// Adds this module's classes and functions to `localecon._localecon`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyFlowSystem>()?;
    Ok(())
}
