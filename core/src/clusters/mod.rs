//! Value-based clusters: groups of local sectors (or firms) that trade mostly with each
//! other, found on the money-flow network.
//!
//! - [`ClusterGraph`]: the flows among local accounts (outside accounts are the boundary,
//!   the diagonal excluded unless asked), built from a table ([`table_graph`]), an edge
//!   list or a dense matrix.
//! - Qualities ([`Quality`]): directed modularity (Leicht & Newman 2008, *Phys. Rev. Lett.*
//!   100:118703) `Q = (1/m)·Σ_c [I_c − γ·K_c^out·K_c^in / m]`; the Constant Potts Model
//!   (Traag, Van Dooren & Nesterov 2011) `H = Σ_c [I_c − γ·n_c(n_c − 1)]` (`n_c²` with
//!   self-loops); and the map equation (Rosvall & Bergstrom 2008, see [`MapFlows`]).
//!   `I_c` is the flow inside community `c`, `K_c` its summed out-/in-strengths, `m` the
//!   total flow, `n_c` its node count.
//! - [`cluster`]: the Leiden algorithm (Traag, Waltman & van Eck 2019) for modularity and
//!   the CPM, [`cluster_map_equation`] a Louvain-type optimiser of the map equation; each
//!   runs `starts` times from one seed and keeps the best partition, saying how many starts
//!   reached it. The generator is the crate's own xoshiro256** and every sum runs in a fixed
//!   order with platform-independent arithmetic, so one seed gives one partition in Rust,
//!   Python and WebAssembly on every platform.
//! - [`resolution_scan`] and [`consensus`]: how the clusters change with `γ`, and how often
//!   each pair of nodes falls together over the starts.
//! - [`cluster_table`]: clusters of a regional table with their accounts (output, GVA,
//!   jobs, internal purchase share, within-cluster multiplier, leakage by channel) and their
//!   missing links; [`Basis::LeontiefInverse`] with `γ = 1.8` is the Scottish Government's
//!   method ("Identifying clusters of industries", 2019).

mod accounts;
pub(crate) mod det;
mod graph;
mod leiden;
mod mapequation;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use accounts::{
    Basis, ClusterAccount, LinkRanking, MissingLink, Preset, SCOTTISH_GOVERNMENT_RESOLUTION,
    TableClusterOptions, TableClusters, basis_graph, cluster_table, scottish_government_graph,
    table_graph, table_map_flows,
};
pub use graph::{ClusterGraph, MAX_CLUSTER_FLOWS};
pub use mapequation::{FlowModel, MAX_POWER_ITERATIONS, MapFlows, WalkerOptions};

use crate::error::{Error, Location, Result};
use crate::uncertainty::rng::Rng;
use graph::renumber;
use leiden::Potts;

/// The most starts one call runs.
pub const MAX_STARTS: usize = 10_000;
/// The most aggregation levels of one run (no run on a real network comes near: each level
/// at least halves nothing but must merge something, and the levels stop when none does).
pub const MAX_LEVELS: usize = 64;
/// The largest network [`consensus`] takes: its co-occurrence matrix has `n²` entries.
pub const MAX_CONSENSUS_NODES: usize = 5_000;

spelled_enum! {
    /// What a partition is chosen to optimise.
    Quality, "cluster quality" {
        /// Directed modularity (Leicht & Newman 2008), maximised.
        Modularity => "modularity",
        /// The Constant Potts Model (Traag et al. 2011), maximised.
        Cpm => "cpm",
        /// The two-level map equation (Rosvall & Bergstrom 2008), in bits, minimised.
        MapEquation => "map_equation",
    }
}

/// How clusters are searched for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClusterOptions {
    /// The quality optimised. Default modularity.
    pub quality: Quality,
    /// The resolution `γ > 0` of modularity and the CPM (ignored by the map equation).
    /// Default 1.
    pub resolution: f64,
    /// Independent runs, each from its own random order (1 to [`MAX_STARTS`]). Default 20.
    pub starts: usize,
    /// The seed of the runs' generator. Default 0. Read from data, a seed that is not a
    /// whole number from 0 to 2⁶⁴ − 1 is [`Error::OutOfRange`].
    #[serde(deserialize_with = "crate::spelling::seed")]
    pub seed: u64,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        Self {
            quality: Quality::Modularity,
            resolution: 1.0,
            starts: 20,
            seed: 0,
        }
    }
}

impl ClusterOptions {
    fn check(&self) -> Result<()> {
        if !(self.resolution.is_finite() && self.resolution > 0.0) {
            return Err(Error::OutOfRange {
                location: Location::Field("resolution".into()),
                value: self.resolution,
                expected: "a resolution γ > 0".into(),
            });
        }
        if !(1..=MAX_STARTS).contains(&self.starts) {
            return Err(Error::OutOfRange {
                location: Location::Field("starts".into()),
                value: self.starts as f64,
                expected: format!("1 to {MAX_STARTS} starts"),
            });
        }
        Ok(())
    }
}

/// The best partition found, with what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clustering {
    /// The cluster of each node, `0..n_clusters`, numbered in order of first appearance.
    pub membership: Vec<u32>,
    /// Number of clusters.
    pub n_clusters: usize,
    /// The quality optimised.
    pub quality: Quality,
    /// Its value for `membership` (modularity, CPM, or the map equation in bits).
    pub value: f64,
    /// The resolution used (modularity and CPM).
    pub resolution: f64,
    /// How many of the starts found this same partition.
    pub starts_reaching_best: usize,
    /// The value each start reached, in start order.
    pub start_values: Vec<f64>,
    /// The options used.
    pub options: ClusterOptions,
}

fn check_membership(n: usize, membership: &[u32]) -> Result<()> {
    if membership.len() != n {
        return Err(Error::Shape {
            what: "partition (one cluster label per node)".into(),
            expected: n,
            found: membership.len(),
        });
    }
    Ok(())
}

fn potts(graph: &ClusterGraph, quality: Quality, resolution: f64) -> Potts {
    match quality {
        Quality::Cpm => Potts {
            g: resolution,
            cpm: true,
        },
        _ => Potts {
            g: resolution / graph.total,
            cpm: false,
        },
    }
}

/// Directed modularity `Q = (1/m)·Σ_c [I_c − γ·K_c^out·K_c^in / m]` of a partition (Leicht &
/// Newman 2008; on a graph from [`ClusterGraph::undirected`] this is Newman's undirected
/// modularity). Cost `O(n + f)`.
///
/// # Errors
///
/// [`Error::Shape`] when `membership` has not one label per node; [`Error::OutOfRange`] for
/// `γ ≤ 0`.
pub fn modularity(graph: &ClusterGraph, membership: &[u32], resolution: f64) -> Result<f64> {
    ClusterOptions {
        resolution,
        ..Default::default()
    }
    .check()?;
    check_membership(graph.n, membership)?;
    Ok(potts_value(
        graph,
        membership,
        Quality::Modularity,
        resolution,
    ))
}

/// The Constant Potts Model `H = Σ_c [I_c − γ·n_c(n_c − 1)]` (`n_c²` when the graph keeps
/// self-loops) of a partition (Traag, Van Dooren & Nesterov 2011; over ordered pairs, so on a
/// graph from [`ClusterGraph::undirected`] twice the value of leidenalg's undirected CPM).
///
/// # Errors
///
/// As [`modularity`].
pub fn cpm(graph: &ClusterGraph, membership: &[u32], resolution: f64) -> Result<f64> {
    ClusterOptions {
        resolution,
        ..Default::default()
    }
    .check()?;
    check_membership(graph.n, membership)?;
    Ok(potts_value(graph, membership, Quality::Cpm, resolution))
}

fn potts_value(graph: &ClusterGraph, membership: &[u32], quality: Quality, resolution: f64) -> f64 {
    let mut labels = membership.to_vec();
    let k = renumber(&mut labels);
    let agg = graph.aggregate(&labels, k);
    let m = graph.total;
    match quality {
        Quality::Cpm => (0..k)
            .map(|c| {
                let s = agg.size[c];
                let pairs = if graph.self_loops {
                    s * s
                } else {
                    s * (s - 1.0)
                };
                agg.self_w[c] - resolution * pairs
            })
            .sum(),
        _ => {
            (0..k)
                .map(|c| agg.self_w[c] - resolution * agg.out_w[c] * agg.in_w[c] / m)
                .sum::<f64>()
                / m
        }
    }
}

/// The map equation `L` of a partition, in bits per step (see [`MapFlows`]).
/// Locked nodes must each have a label of their own.
///
/// # Errors
///
/// [`Error::Shape`] when `membership` has not one label per node; [`Error::InvalidInput`]
/// when a locked node shares its label.
pub fn map_equation(flows: &MapFlows, membership: &[u32]) -> Result<f64> {
    check_membership(flows.n(), membership)?;
    let mut count = std::collections::BTreeMap::new();
    for &l in membership {
        *count.entry(l).or_insert(0usize) += 1;
    }
    for (v, &l) in membership.iter().enumerate() {
        if flows.locked[v] && count[&l] > 1 {
            return Err(Error::InvalidInput {
                what: "partition".into(),
                message: format!(
                    "node {v} is held in a module of its own, but label {l} has {} nodes",
                    count[&l]
                ),
            });
        }
    }
    Ok(mapequation::codelength(flows, membership))
}

/// The seeds of the starts: one SplitMix-seeded xoshiro256** stream per start, drawn from
/// the master seed, so that a start's result does not depend on which thread ran it.
fn start_seeds(seed: u64, starts: usize) -> Vec<u64> {
    let mut master = Rng::new(seed);
    (0..starts).map(|_| master.next_u64()).collect()
}

fn best_of(
    runs: Vec<(Vec<u32>, f64)>,
    maximise: bool,
    quality: Quality,
    options: &ClusterOptions,
) -> Clustering {
    let start_values: Vec<f64> = runs.iter().map(|r| r.1).collect();
    let mut best = 0;
    for (k, r) in runs.iter().enumerate() {
        let better = if maximise {
            r.1 > runs[best].1
        } else {
            r.1 < runs[best].1
        };
        if better {
            best = k;
        }
    }
    let reached = runs.iter().filter(|r| r.0 == runs[best].0).count();
    let (membership, value) = runs.into_iter().nth(best).unwrap_or_default();
    let n_clusters = membership
        .iter()
        .map(|&c| c as usize + 1)
        .max()
        .unwrap_or(0);
    Clustering {
        membership,
        n_clusters,
        quality,
        value,
        resolution: options.resolution,
        starts_reaching_best: reached,
        start_values,
        options: options.clone(),
    }
}

/// Clusters maximising modularity or the CPM by the Leiden algorithm (Traag, Waltman & van
/// Eck 2019): fast local moving, refinement (merges chosen at random with probability
/// `∝ exp(ΔH/θ)`, `θ = 0.01` in the units of the flows, as in leidenalg), aggregation on
/// the refined partition, until a level moves no node; `starts` runs, the best kept (ties:
/// the earliest start).
///
/// Cost: `O(f)` per pass of local moving, a few passes per level, a few levels per run;
/// `starts` runs, in parallel where threads exist. The benchmarks page gives the time for
/// 10⁶ nodes and 10⁷ flows. Interruptible between runs.
///
/// # Errors
///
/// [`Error::OutOfRange`] for `γ ≤ 0` or starts outside `1..=MAX_STARTS`;
/// [`Error::InvalidInput`] for the map equation (use [`cluster_map_equation`]).
pub fn cluster(graph: &ClusterGraph, options: &ClusterOptions) -> Result<Clustering> {
    options.check()?;
    if options.quality == Quality::MapEquation {
        return Err(Error::InvalidInput {
            what: "cluster quality".into(),
            message: "the map equation needs flows: call cluster_map_equation with MapFlows".into(),
        });
    }
    let q = potts(graph, options.quality, options.resolution);
    let seeds = start_seeds(options.seed, options.starts);
    let runs = crate::atlas::map(&seeds, |&s| {
        let mut rng = Rng::new(s);
        let m = leiden::leiden(graph, q, &mut rng, MAX_LEVELS)?;
        let v = potts_value(graph, &m, options.quality, options.resolution);
        Ok((m, v))
    })?;
    Ok(best_of(runs, true, options.quality, options))
}

/// Clusters minimising the map equation: `starts` runs of [`MapFlows`]' optimiser (sweeps of
/// single-node moves in random order, then aggregation, as the core of Infomap), the best
/// kept. Locked nodes stay in modules of their own.
///
/// Cost: `O(f)` per sweep; in parallel over starts where threads exist.
///
/// # Errors
///
/// [`Error::OutOfRange`] for starts outside `1..=MAX_STARTS`.
pub fn cluster_map_equation(flows: &MapFlows, options: &ClusterOptions) -> Result<Clustering> {
    let options = ClusterOptions {
        quality: Quality::MapEquation,
        ..options.clone()
    };
    options.check()?;
    let seeds = start_seeds(options.seed, options.starts);
    let runs = crate::atlas::map(&seeds, |&s| {
        let mut rng = Rng::new(s);
        let m = mapequation::optimise(flows, &mut rng, MAX_LEVELS)?;
        let v = mapequation::codelength(flows, &m);
        Ok((m, v))
    })?;
    Ok(best_of(runs, false, Quality::MapEquation, &options))
}

/// One resolution of a scan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanRow {
    /// The resolution `γ`.
    pub resolution: f64,
    /// The best partition at `γ`.
    pub clustering: Clustering,
    /// Adjusted Rand index between this partition and the previous row's (1 for the first).
    pub similarity_to_previous: f64,
}

/// The best partitions at each of `resolutions` (each with `options`' starts and seed), with
/// how much each differs from the one before (adjusted Rand index, Hubert & Arabie 1985).
///
/// # Errors
///
/// Those of [`cluster`]; [`Error::InvalidInput`] for an empty list.
pub fn resolution_scan(
    graph: &ClusterGraph,
    options: &ClusterOptions,
    resolutions: &[f64],
) -> Result<Vec<ScanRow>> {
    if resolutions.is_empty() {
        return Err(Error::InvalidInput {
            what: "resolution scan".into(),
            message: "no resolutions given".into(),
        });
    }
    let mut rows: Vec<ScanRow> = Vec::with_capacity(resolutions.len());
    for &resolution in resolutions {
        let c = cluster(
            graph,
            &ClusterOptions {
                resolution,
                ..options.clone()
            },
        )?;
        let similarity = rows.last().map_or(1.0, |p| {
            adjusted_rand(&p.clustering.membership, &c.membership)
        });
        rows.push(ScanRow {
            resolution,
            clustering: c,
            similarity_to_previous: similarity,
        });
    }
    Ok(rows)
}

/// The adjusted Rand index of two partitions of the same nodes (Hubert & Arabie 1985):
/// 1 for the same partition, about 0 for unrelated ones.
#[must_use]
pub fn adjusted_rand(a: &[u32], b: &[u32]) -> f64 {
    let pairs = |x: f64| x * (x - 1.0) / 2.0;
    let mut table = std::collections::BTreeMap::new();
    let mut ra = std::collections::BTreeMap::new();
    let mut rb = std::collections::BTreeMap::new();
    for (&x, &y) in a.iter().zip(b) {
        *table.entry((x, y)).or_insert(0.0) += 1.0;
        *ra.entry(x).or_insert(0.0) += 1.0;
        *rb.entry(y).or_insert(0.0) += 1.0;
    }
    let index: f64 = table.values().map(|&c| pairs(c)).sum();
    let sa: f64 = ra.values().map(|&c| pairs(c)).sum();
    let sb: f64 = rb.values().map(|&c| pairs(c)).sum();
    let total = pairs(a.len() as f64);
    let expected = sa * sb / total;
    let max = (sa + sb) / 2.0;
    if max == expected {
        1.0
    } else {
        (index - expected) / (max - expected)
    }
}

/// How stable a partition is over the starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Consensus {
    /// The best partition.
    pub best: Clustering,
    /// `co_occurrence[u·n + v]`: the share of starts that put `u` and `v` together.
    pub co_occurrence: Vec<f64>,
    /// `attachment[v·k + c]`: the mean co-occurrence of `v` with the other members of the
    /// best partition's cluster `c` (`k` clusters): how firmly `v` belongs to each cluster.
    pub attachment: Vec<f64>,
}

/// Runs the starts of [`cluster`] (or [`cluster_map_equation`] when `flows` is given) and
/// counts how often each pair of nodes falls together.
///
/// Cost: that of the starts plus `O(starts·n²)`; memory `8·n²` bytes.
///
/// # Errors
///
/// Those of the clustering; [`Error::TooLarge`] above [`MAX_CONSENSUS_NODES`] nodes.
pub fn consensus(
    graph: &ClusterGraph,
    flows: Option<&MapFlows>,
    options: &ClusterOptions,
) -> Result<Consensus> {
    let n = flows.map_or(graph.n, MapFlows::n);
    if n > MAX_CONSENSUS_NODES {
        return Err(Error::TooLarge {
            what: "a consensus matrix".into(),
            size: n,
            unit: "nodes".into(),
            limit: MAX_CONSENSUS_NODES,
        });
    }
    let best = match flows {
        Some(f) => cluster_map_equation(f, options)?,
        None => cluster(graph, options)?,
    };
    // the runs again, to count (cheap next to a consensus of n² pairs)
    let seeds = start_seeds(options.seed, options.starts);
    let q = potts(graph, options.quality, options.resolution);
    let partitions = crate::atlas::map(&seeds, |&s| {
        let mut rng = Rng::new(s);
        match flows {
            Some(f) => mapequation::optimise(f, &mut rng, MAX_LEVELS),
            None => leiden::leiden(graph, q, &mut rng, MAX_LEVELS),
        }
    })?;
    let mut co = vec![0.0; n * n];
    for m in &partitions {
        crate::interrupt::check("the consensus")?;
        for u in 0..n {
            for v in 0..n {
                if m[u] == m[v] {
                    co[u * n + v] += 1.0;
                }
            }
        }
    }
    let s = partitions.len() as f64;
    for x in &mut co {
        *x /= s;
    }
    let k = best.n_clusters;
    let mut size = vec![0usize; k];
    for &c in &best.membership {
        size[c as usize] += 1;
    }
    let mut attachment = vec![0.0; n * k];
    for v in 0..n {
        for u in 0..n {
            if u != v {
                attachment[v * k + best.membership[u] as usize] += co[v * n + u];
            }
        }
        for c in 0..k {
            let others = size[c] - usize::from(best.membership[v] as usize == c);
            attachment[v * k + c] = if others > 0 {
                attachment[v * k + c] / others as f64
            } else {
                1.0
            };
        }
    }
    Ok(Consensus {
        best,
        co_occurrence: co,
        attachment,
    })
}
