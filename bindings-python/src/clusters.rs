//! Value-based clusters for Python: `ClusterGraph` and `MapFlows` over numpy arrays of flows,
//! `RegionalTable.clusters`; options are the core's (keyword arguments here), results the
//! typed `Clustering`, `TableClusters`, `Consensus` of `_results.py`.

use localecon::clusters::{self as core, ClusterOptions, TableClusterOptions};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{from_py, typed, vector};
use crate::error::IntoPy;
use crate::sparse::indices;
use crate::table::PyRegionalTable;

/// Options from keyword arguments, read into the core's type (a seed outside 0 … 2⁶⁴ − 1 is
/// the core's `OutOfRangeError`, an option of another call `InvalidInputError`).
fn options<T: serde::de::DeserializeOwned>(
    py: Python<'_>,
    kwargs: Option<&Bound<'_, PyDict>>,
    what: &str,
) -> PyResult<T> {
    let empty = PyDict::new(py);
    from_py(kwargs.unwrap_or(&empty).as_any(), what)
}

/// A network prepared for community detection: flows `source[k] → target[k]` of
/// `weight[k]` among `n` nodes (numpy arrays or lists). `undirected=True` stores each edge
/// both ways (undirected modularity); `self_loops` keeps flows from a node to itself.
/// Memory `28·n + 24·pairs` bytes.
#[pyclass(name = "ClusterGraph", module = "localecon", frozen)]
pub struct PyClusterGraph {
    pub(crate) inner: core::ClusterGraph,
}

#[pymethods]
impl PyClusterGraph {
    #[new]
    #[pyo3(signature = (n, source, target, weight, undirected = false, self_loops = false))]
    fn new(
        py: Python<'_>,
        n: usize,
        source: &Bound<'_, PyAny>,
        target: &Bound<'_, PyAny>,
        weight: &Bound<'_, PyAny>,
        undirected: bool,
        self_loops: bool,
    ) -> PyResult<Self> {
        crate::convert::same_rows(&[(source, "source"), (target, "target"), (weight, "weight")])?;
        let (s, t, w) = (
            indices(source, "source")?,
            indices(target, "target")?,
            vector(weight, "weight")?,
        );
        let inner = py
            .detach(|| core::ClusterGraph::new(n, &s, &t, &w, undirected, self_loops))
            .py_err()?;
        Ok(Self { inner })
    }

    /// Number of nodes.
    #[getter]
    fn n(&self) -> usize {
        self.inner.n()
    }

    /// Total weight of the flows.
    #[getter]
    fn total_weight(&self) -> f64 {
        self.inner.total_weight()
    }

    /// Directed modularity `Q = (1/m)·Σ_c [I_c − γ·K_c^out·K_c^in/m]` of `membership`
    /// (Leicht & Newman 2008).
    #[pyo3(signature = (membership, resolution = 1.0))]
    fn modularity(&self, membership: Vec<u32>, resolution: f64) -> PyResult<f64> {
        core::modularity(&self.inner, &membership, resolution).py_err()
    }

    /// The Constant Potts Model `H = Σ_c [I_c − γ·n_c(n_c − 1)]` of `membership`.
    #[pyo3(signature = (membership, resolution = 1.0))]
    fn cpm(&self, membership: Vec<u32>, resolution: f64) -> PyResult<f64> {
        core::cpm(&self.inner, &membership, resolution).py_err()
    }

    /// The best partition by the Leiden algorithm: keyword options `quality`
    /// ("modularity" or "cpm"), `resolution`, `starts`, `seed`. A `Clustering`. The GIL is
    /// released; Ctrl-C stops it.
    #[pyo3(signature = (**kwargs))]
    fn cluster<'py>(
        &self,
        py: Python<'py>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let o: ClusterOptions = options(py, kwargs, "cluster options")?;
        let g = &self.inner;
        let c = crate::interrupt::interruptible(py, || core::cluster(g, &o))?;
        typed(py, "Clustering", &c)
    }

    /// The best partition at each resolution (`ScanRow` records: resolution, clustering,
    /// similarity_to_previous as an adjusted Rand index).
    #[pyo3(signature = (resolutions, **kwargs))]
    fn scan<'py>(
        &self,
        py: Python<'py>,
        resolutions: Vec<f64>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let o: ClusterOptions = options(py, kwargs, "cluster options")?;
        let g = &self.inner;
        let rows =
            crate::interrupt::interruptible(py, || core::resolution_scan(g, &o, &resolutions))?;
        crate::convert::typed_records(py, "ScanRow", &rows)
    }

    /// How often each pair of nodes falls together over the starts, and each node's
    /// attachment to each cluster of the best partition (a `Consensus`; at most 5,000 nodes).
    #[pyo3(signature = (**kwargs))]
    fn consensus<'py>(
        &self,
        py: Python<'py>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let o: ClusterOptions = options(py, kwargs, "cluster options")?;
        let g = &self.inner;
        let c = crate::interrupt::interruptible(py, || core::consensus(g, None, &o))?;
        typed(py, "Consensus", &c)
    }

    fn __repr__(&self) -> String {
        format!(
            "<ClusterGraph: {} nodes, {} linked pairs, total weight {}>",
            self.inner.n(),
            self.inner.pairs(),
            self.inner.total_weight()
        )
    }
}

/// The flows of a random walker, for the map equation: `teleportation=None` takes the
/// weights as the flows (money, Infomap's "rawdir"); a number `τ` is PageRank with
/// teleportation to links (Infomap's "directed", τ = 0.15); `undirected=True` Infomap's
/// "undirected".
#[pyclass(name = "MapFlows", module = "localecon", frozen)]
pub struct PyMapFlows {
    pub(crate) inner: core::MapFlows,
}

#[pymethods]
impl PyMapFlows {
    #[new]
    #[pyo3(signature = (n, source, target, weight, undirected = false, teleportation = None))]
    fn new(
        py: Python<'_>,
        n: usize,
        source: &Bound<'_, PyAny>,
        target: &Bound<'_, PyAny>,
        weight: &Bound<'_, PyAny>,
        undirected: bool,
        teleportation: Option<f64>,
    ) -> PyResult<Self> {
        crate::convert::same_rows(&[(source, "source"), (target, "target"), (weight, "weight")])?;
        let (s, t, w) = (
            indices(source, "source")?,
            indices(target, "target")?,
            vector(weight, "weight")?,
        );
        let o = core::WalkerOptions {
            undirected,
            teleportation,
        };
        let inner = crate::interrupt::interruptible(py, || core::MapFlows::new(n, &s, &t, &w, &o))?;
        Ok(Self { inner })
    }

    /// Number of nodes.
    #[getter]
    fn n(&self) -> usize {
        self.inner.n()
    }

    /// The walker's visit rate of each node (a numpy array).
    #[getter]
    fn node_flow<'py>(&self, py: Python<'py>) -> Bound<'py, numpy::PyArray1<f64>> {
        crate::convert::out1(py, self.inner.node_flow().to_vec())
    }

    /// The two-level map equation of `membership`, in bits per step (Rosvall & Bergstrom 2008).
    fn codelength(&self, membership: Vec<u32>) -> PyResult<f64> {
        core::map_equation(&self.inner, &membership).py_err()
    }

    /// The partition of shortest codelength found over `starts` runs (keyword options
    /// `starts`, `seed`): a `Clustering`.
    #[pyo3(signature = (**kwargs))]
    fn cluster<'py>(
        &self,
        py: Python<'py>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let o: ClusterOptions = options(py, kwargs, "cluster options")?;
        let f = &self.inner;
        let c = crate::interrupt::interruptible(py, || core::cluster_map_equation(f, &o))?;
        typed(py, "Clustering", &c)
    }

    fn __repr__(&self) -> String {
        format!("<MapFlows: {} nodes>", self.inner.n())
    }
}

#[pymethods]
impl PyRegionalTable {
    /// Value-based clusters of this table's sectors with their accounts and missing links
    /// (a `TableClusters`: `partition` a Series by sector code, `to_pandas()` one row per
    /// cluster, `missing_links()`, `plot()`). Keyword options: `basis` ("flows" or
    /// "leontief_inverse"), `quality` ("modularity", "cpm", "map_equation"), `resolution`,
    /// `starts`, `seed`, `self_loops`, `missing_links`, `share`, `rank_links_by` ("per_pound"
    /// or "total"); `preset="scottish_government"`
    /// starts from their method (γ = 1.8 on the Leontief inverse).
    #[pyo3(signature = (preset = None, **kwargs))]
    fn clusters<'py>(
        &self,
        py: Python<'py>,
        preset: Option<Bound<'py, PyAny>>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        // the core starts from the preset and takes the options given beside it (and reads
        // the preset too: a wrong one is a typed error naming `preset`)
        let given = PyDict::new(py);
        if let Some(k) = kwargs {
            given.update(k.as_mapping())?;
        }
        if let Some(name) = preset {
            given.set_item("preset", name)?;
        }
        let o: TableClusterOptions = options(py, Some(&given), "cluster options")?;
        let t = &self.inner;
        let c = crate::interrupt::interruptible(py, || core::cluster_table(t, &o))?;
        typed(py, "TableClusters", &c)
    }

    /// This table's sectors as a `ClusterGraph`: the money flows (payer → payee) with
    /// `basis="flows"`, or the Type I Leontief inverse with its diagonal zeroed with
    /// `basis="leontief_inverse"` (the Scottish Government's).
    #[pyo3(signature = (self_loops = false, basis = "flows"))]
    fn cluster_graph(&self, self_loops: bool, basis: &str) -> PyResult<PyClusterGraph> {
        let basis = basis.parse::<core::Basis>().py_err()?;
        Ok(PyClusterGraph {
            inner: core::basis_graph(&self.inner, basis, self_loops).py_err()?,
        })
    }

    /// The walker of the map equation on this table: sectors `0..n`, the outside world node
    /// `n` (held in a module of its own).
    fn map_flows(&self) -> PyResult<PyMapFlows> {
        Ok(PyMapFlows {
            inner: core::table_map_flows(&self.inner).py_err()?,
        })
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyClusterGraph>()?;
    m.add_class::<PyMapFlows>()?;
    m.add(
        "SCOTTISH_GOVERNMENT_RESOLUTION",
        core::SCOTTISH_GOVERNMENT_RESOLUTION,
    )?;
    m.add("MAX_STARTS", core::MAX_STARTS)?;
    m.add("MAX_CONSENSUS_NODES", core::MAX_CONSENSUS_NODES)?;
    Ok(())
}
