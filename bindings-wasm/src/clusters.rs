//! Value-based clusters for JavaScript: `ClusterGraph` and `MapFlows` over typed arrays,
//! `RegionalTable.clusters`. Options are camelCase here, results plain objects as in the
//! core; one seed gives the same partition to the bit as in Rust and Python.

use localecon::clusters::{self as core, Basis, ClusterOptions, TableClusterOptions};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::convert::{flag, from_object, numbers_from_js, optional_number, to_plain};
use crate::error::IntoJs;
use crate::sparse::{MAX_FLOWS, indices_from_js};
use crate::table::RegionalTable;

#[wasm_bindgen(typescript_custom_section)]
const TS: &str = r#"
/** How clusters are searched for: `quality` "modularity" | "cpm" | "map_equation", the
 * resolution γ > 0, independent starts (1 to 10,000) and the seed (a whole number up to 2⁵³ − 1). */
export interface ClusterOptions { quality?: "modularity" | "cpm" | "map_equation"; resolution?: number; starts?: number; seed?: number }
/** A table's cluster options: the clustering's, the basis ("flows" or "leontief_inverse"),
 * self-loops, missing links per cluster and the share of imports a missing link moves;
 * `preset: "scottish_government"` starts from their method (γ = 1.8 on the Leontief inverse). */
export interface TableClusterOptions extends ClusterOptions {
  preset?: "scottish_government"; basis?: "flows" | "leontief_inverse"; selfLoops?: boolean;
  missingLinks?: number; share?: number; rankLinksBy?: "per_pound" | "total";
}
/** The options a clustering ran with, every one filled in. */
export interface ClusteringOptions { quality: "modularity" | "cpm" | "map_equation"; resolution: number; starts: number; seed: number }
/** The options a table's clusters were found with, every one filled in. */
export interface TableClusteringOptions {
  basis: "flows" | "leontief_inverse"; quality: "modularity" | "cpm" | "map_equation"; resolution: number; starts: number; seed: number;
  selfLoops: boolean; missingLinks: number; share: number; rankLinksBy: "per_pound" | "total";
}
/** The best partition found, its quality and how many starts reached it. */
export interface Clustering {
  membership: number[]; nClusters: number; quality: string; value: number; resolution: number;
  startsReachingBest: number; startValues: number[]; options: ClusteringOptions;
}
/** One resolution of a scan. */
export interface ScanRow { resolution: number; clustering: Clustering; similarityToPrevious: number }
/** How often nodes fall together over the starts (n × n) and each node's attachment (n × clusters). */
export interface Consensus { best: Clustering; coOccurrence: number[]; attachment: number[] }
/** A missing link of a cluster. */
export interface MissingLink {
  buyer: string; buyerName: string; product: string; productName: string; imports: number;
  importsSubstituted: number; clusterIncomeGain: number; gainPerUnit: number; regionIncomeGain: number;
}
/** The accounts of one cluster. */
export interface ClusterAccount {
  cluster: number; sectors: string[]; names: string[]; output: number; gva: number; jobs: number | null;
  finalDemand: number; internalPurchaseShare: number; withinMultiplier: number; turnsInside: number;
  retention: number; leakageByChannel: { channel: string; label: string; share: number }[];
  missingLinks: MissingLink[];
}
/** A table's clusters with their accounts. */
export interface TableClusters {
  codes: string[]; clustering: Clustering; clusters: ClusterAccount[]; assumptions: string[]; options: TableClusteringOptions;
}
"#;

/// The options of `call` read into the core's type (`undefined` or `null`: its defaults).
/// An option of another call is a field the type does not have, refused by name; a seed
/// that is not a whole number from 0 to 2⁵³ − 1 is the core's `out_of_range`.
fn read_options<T: DeserializeOwned + Default>(
    options: &JsValue,
    call: &str,
) -> Result<T, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(T::default());
    }
    from_object(options, &format!("{call} options"))
}

type Flows = (Vec<u32>, Vec<u32>, Vec<f64>);

fn flows(source: &JsValue, target: &JsValue, weight: &JsValue) -> Result<Flows, JsValue> {
    Ok((
        indices_from_js(source, "source")?,
        indices_from_js(target, "target")?,
        numbers_from_js(weight, "weight", MAX_FLOWS)?,
    ))
}

/// A network prepared for community detection: flows `source[k] → target[k]` of
/// `weight[k]` among `n` nodes; `undirected` stores each edge both ways, `selfLoops` keeps
/// flows from a node to itself. Memory: call `free()` when done.
#[wasm_bindgen]
pub struct ClusterGraph {
    pub(crate) inner: core::ClusterGraph,
}

#[wasm_bindgen]
impl ClusterGraph {
    /// A graph from flows (typed arrays or arrays of numbers).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Uint32Array | number[]")] source: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Uint32Array | number[]")] target: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] weight: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean | null")] undirected: JsValue,
        #[wasm_bindgen(js_name = selfLoops, unchecked_optional_param_type = "boolean | null")] self_loops: JsValue,
    ) -> Result<ClusterGraph, JsValue> {
        let (s, t, w) = flows(&source, &target, &weight)?;
        let undirected = flag(&undirected, "undirected")?.unwrap_or(false);
        let self_loops = flag(&self_loops, "selfLoops")?.unwrap_or(false);
        Ok(Self {
            inner: core::ClusterGraph::new(crate::convert::required_whole(&n, "n", 0)?, &s, &t, &w, undirected, self_loops).js_err()?,
        })
    }

    /// Number of nodes.
    #[wasm_bindgen(getter)]
    pub fn n(&self) -> usize {
        self.inner.n()
    }

    /// Total weight of the flows.
    #[wasm_bindgen(getter, js_name = totalWeight)]
    pub fn total_weight(&self) -> f64 {
        self.inner.total_weight()
    }

    /// Directed modularity of a partition (Leicht & Newman 2008).
    pub fn modularity(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint32Array | number[]")] membership: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | null")] resolution: JsValue,
    ) -> Result<f64, JsValue> {
        let membership = indices_from_js(&membership, "membership")?;
        core::modularity(&self.inner, &membership, optional_number(&resolution, "resolution")?.unwrap_or(1.0)).js_err()
    }

    /// The Constant Potts Model of a partition.
    pub fn cpm(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint32Array | number[]")] membership: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | null")] resolution: JsValue,
    ) -> Result<f64, JsValue> {
        let membership = indices_from_js(&membership, "membership")?;
        core::cpm(&self.inner, &membership, optional_number(&resolution, "resolution")?.unwrap_or(1.0)).js_err()
    }

    /// The best partition by the Leiden algorithm (one thread here: heavy networks belong in
    /// a Web Worker).
    #[wasm_bindgen(unchecked_return_type = "Clustering")]
    pub fn cluster(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ClusterOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let o = read_options::<ClusterOptions>(&options, "ClusterGraph.cluster")?;
        to_plain(&core::cluster(&self.inner, &o).js_err()?)
    }

    /// The best partition at each resolution.
    #[wasm_bindgen(unchecked_return_type = "ScanRow[]")]
    pub fn scan(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] resolutions: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ClusterOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let resolutions = crate::convert::vector(&resolutions, "resolutions")?;
        let o = read_options::<ClusterOptions>(&options, "ClusterGraph.scan")?;
        to_plain(&core::resolution_scan(&self.inner, &o, &resolutions).js_err()?)
    }

    /// How often each pair of nodes falls together over the starts (at most 5,000 nodes).
    #[wasm_bindgen(unchecked_return_type = "Consensus")]
    pub fn consensus(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ClusterOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let o = read_options::<ClusterOptions>(&options, "ClusterGraph.consensus")?;
        to_plain(&core::consensus(&self.inner, None, &o).js_err()?)
    }
}

/// The flows of a random walker, for the map equation: by default the weights are the flows
/// (money); `teleportation: τ` is PageRank with teleportation to links (Infomap's
/// "directed"); `undirected: true` Infomap's "undirected". Memory: call `free()` when done.
#[wasm_bindgen]
pub struct MapFlows {
    inner: core::MapFlows,
}

#[wasm_bindgen]
impl MapFlows {
    /// Flows from arrays; `options` `{ undirected?: boolean, teleportation?: number }`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Uint32Array | number[]")] source: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Uint32Array | number[]")] target: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] weight: JsValue,
        #[wasm_bindgen(
            unchecked_optional_param_type = "{ undirected?: boolean; teleportation?: number }"
        )]
        options: JsValue,
    ) -> Result<MapFlows, JsValue> {
        let (s, t, w) = flows(&source, &target, &weight)?;
        let o: core::WalkerOptions = read_options(&options, "new MapFlows")?;
        let n = crate::convert::required_whole(&n, "n", 0)?;
        let inner = core::MapFlows::new(n, &s, &t, &w, &o);
        Ok(Self {
            inner: inner.js_err()?,
        })
    }

    /// Number of nodes.
    #[wasm_bindgen(getter)]
    pub fn n(&self) -> usize {
        self.inner.n()
    }

    /// The walker's visit rate of each node.
    #[wasm_bindgen(getter, js_name = nodeFlow)]
    pub fn node_flow(&self) -> Vec<f64> {
        self.inner.node_flow().to_vec()
    }

    /// The two-level map equation of a partition, in bits per step.
    pub fn codelength(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint32Array | number[]")] membership: JsValue,
    ) -> Result<f64, JsValue> {
        let membership = indices_from_js(&membership, "membership")?;
        core::map_equation(&self.inner, &membership).js_err()
    }

    /// The partition of shortest codelength over the starts.
    #[wasm_bindgen(unchecked_return_type = "Clustering")]
    pub fn cluster(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ClusterOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let o = read_options::<ClusterOptions>(&options, "MapFlows.cluster")?;
        to_plain(&core::cluster_map_equation(&self.inner, &o).js_err()?)
    }
}

#[wasm_bindgen]
impl RegionalTable {
    /// Value-based clusters of the sectors with their accounts and missing links (a `preset`
    /// is the core's starting point, overridden by the options given beside it).
    #[wasm_bindgen(unchecked_return_type = "TableClusters")]
    pub fn clusters(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "TableClusterOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let o = read_options::<TableClusterOptions>(&options, "RegionalTable.clusters")?;
        to_plain(&core::cluster_table(&self.inner, &o).js_err()?)
    }

    /// The sectors as a `ClusterGraph`: the money flows (payer → payee), or with `basis`
    /// "leontief_inverse" the Type I Leontief inverse with its diagonal zeroed.
    #[wasm_bindgen(js_name = clusterGraph)]
    pub fn cluster_graph(
        &self,
        #[wasm_bindgen(js_name = selfLoops, unchecked_optional_param_type = "boolean | null")]
        self_loops: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "\"flows\" | \"leontief_inverse\" | null")]
        basis: JsValue,
    ) -> Result<ClusterGraph, JsValue> {
        let basis = match crate::convert::optional_text(&basis, "basis")? {
            None => Basis::Flows,
            Some(b) => b.parse::<Basis>().js_err()?,
        };
        let inner = core::basis_graph(&self.inner, basis, flag(&self_loops, "selfLoops")?.unwrap_or(false));
        Ok(ClusterGraph {
            inner: inner.js_err()?,
        })
    }

    /// The walker of the map equation on this table (the outside world is node `n`).
    #[wasm_bindgen(js_name = mapFlows)]
    pub fn map_flows(&self) -> Result<MapFlows, JsValue> {
        Ok(MapFlows {
            inner: core::table_map_flows(&self.inner).js_err()?,
        })
    }
}
