//! The two-level map equation (Rosvall & Bergstrom 2008, *PNAS* 105:1118) and its optimiser.
//!
//! A random walker follows the flows; a partition into modules `M` describes its path with
//! an index codebook (used on entering a module) and one codebook per module (its nodes and
//! its exit). The expected description length per step, in bits, is
//!
//! `L(M) = plogp(Σ_M e_M) − Σ_M plogp(e_M) − Σ_M plogp(x_M) − Σ_α plogp(p_α)
//!        + Σ_M plogp(x_M + p_M)`,
//!
//! `plogp(t) = t·log₂ t`, `p_α` the walker's visit rate of node `α`, `p_M = Σ_{α∈M} p_α`,
//! `e_M` and `x_M` the link flow entering and leaving `M` (as Infomap v1 writes it: entry
//! flows in the index codebook, exit flows in the module codebooks; teleportation steps are
//! not coded, "unrecorded").

use super::det::plogp;
use super::graph::{ClusterGraph, renumber};
use super::leiden::shuffled;
use crate::error::{Error, Location, Result};
use crate::uncertainty::rng::Rng;

/// How the walker's flows come from the weights.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FlowModel {
    /// The weights are the flows (Infomap's `rawdir`; for an undirected graph its
    /// `undirected`): link flow `w_uv / Σw`, visit rate the flow into the node. Right for
    /// money, where the flows of a balanced table are already the walker's stationary flows.
    Observed,
    /// PageRank with teleportation probability `τ` to nodes in proportion to their
    /// out-weight ("teleportation to links", Lambiotte & Rosvall 2012), the teleportation
    /// steps not coded: visit rates `p` from the power iteration, link flow
    /// `p_u·w_uv / w_u` normalised to 1, visit rate the flow into the node (Infomap's
    /// `directed`, default `τ = 0.15`).
    Teleport(f64),
}

/// How the walker moves, as the bindings take it: `undirected` (Infomap's "undirected"), or
/// directed with the weights as the flows ([`FlowModel::Observed`], the default) or with
/// `teleportation: τ` ([`FlowModel::Teleport`], Infomap's "directed" at `τ = 0.15`).
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WalkerOptions {
    /// Each flow is an undirected edge. Default false.
    pub undirected: bool,
    /// PageRank's teleportation probability `τ ∈ [0, 1)` of a directed walker; none (the
    /// default) takes the weights as the flows.
    pub teleportation: Option<f64>,
}

/// A graph with the walker's flows: what the map equation is computed on.
#[derive(Debug, Clone)]
pub struct MapFlows {
    /// The link flows as a cluster graph (self-loops kept).
    pub(crate) graph: ClusterGraph,
    /// Visit rate of each node.
    pub(crate) node_flow: Vec<f64>,
    /// Nodes that stay in a module of their own (the outside world of a region).
    pub(crate) locked: Vec<bool>,
    /// `Σ_α plogp(p_α)`.
    pub(crate) node_entropy_term: f64,
}

/// Largest number of power iterations of [`FlowModel::Teleport`].
pub const MAX_POWER_ITERATIONS: usize = 10_000;

impl MapFlows {
    /// The walker's flows on `source[k] → target[k]` of `weight[k]` as `options` says:
    /// [`MapFlows::undirected`] or [`MapFlows::directed`].
    ///
    /// # Errors
    ///
    /// Theirs; [`Error::InvalidInput`] for a teleportation given to an undirected walker
    /// (whose visit rates are the node strengths: it has none).
    pub fn new(
        n: usize,
        source: &[u32],
        target: &[u32],
        weight: &[f64],
        options: &WalkerOptions,
    ) -> Result<Self> {
        match (options.undirected, options.teleportation) {
            (true, Some(_)) => Err(Error::InvalidInput {
                what: "walker options".into(),
                message: "teleportation is for a directed walker; an undirected walker's visit rates are the node strengths".into(),
            }),
            (true, None) => Self::undirected(n, source, target, weight),
            (false, tau) => Self::directed(
                n,
                source,
                target,
                weight,
                tau.map_or(FlowModel::Observed, FlowModel::Teleport),
            ),
        }
    }

    /// The flows of a directed graph of flows `source[k] → target[k]` of `weight[k]`.
    ///
    /// Cost: [`FlowModel::Observed`] `O(n + f)`; [`FlowModel::Teleport`] `O(f)` per power
    /// iteration until the visit rates change by less than `1e-15` in total (at most
    /// [`MAX_POWER_ITERATIONS`]).
    ///
    /// # Errors
    ///
    /// Those of [`ClusterGraph::directed`]; [`Error::OutOfRange`] for `τ` outside `[0, 1)`.
    pub fn directed(
        n: usize,
        source: &[u32],
        target: &[u32],
        weight: &[f64],
        model: FlowModel,
    ) -> Result<Self> {
        // validates the input first
        let raw = ClusterGraph::directed(n, source, target, weight, true)?;
        let link: Vec<f64> = match model {
            FlowModel::Observed => {
                let total: f64 = raw.total;
                weight.iter().map(|w| w / total).collect()
            }
            FlowModel::Teleport(tau) => {
                if !(0.0..1.0).contains(&tau) {
                    return Err(Error::OutOfRange {
                        location: Location::Field("teleportation".into()),
                        value: tau,
                        expected: "a probability in [0, 1)".into(),
                    });
                }
                let out = &raw.out_w;
                let total: f64 = raw.total;
                let tele: Vec<f64> = out.iter().map(|w| w / total).collect();
                let mut p = vec![1.0 / n as f64; n];
                let mut next = vec![0.0; n];
                for it in 0..MAX_POWER_ITERATIONS {
                    if it % 64 == 0 {
                        crate::interrupt::check("the map equation's flows")?;
                    }
                    let dangling: f64 = (0..n).filter(|&u| out[u] == 0.0).map(|u| p[u]).sum();
                    for v in 0..n {
                        next[v] = (tau + (1.0 - tau) * dangling) * tele[v];
                    }
                    for k in 0..source.len() {
                        let (u, v) = (source[k] as usize, target[k] as usize);
                        if out[u] > 0.0 {
                            next[v] += (1.0 - tau) * p[u] * weight[k] / out[u];
                        }
                    }
                    let sum: f64 = next.iter().sum();
                    let mut change = 0.0;
                    for v in 0..n {
                        let x = next[v] / sum;
                        change += (x - p[v]).abs();
                        p[v] = x;
                    }
                    if change < 1e-15 {
                        break;
                    }
                }
                let mut link: Vec<f64> = (0..source.len())
                    .map(|k| {
                        let u = source[k] as usize;
                        if out[u] > 0.0 {
                            p[u] * weight[k] / out[u]
                        } else {
                            0.0
                        }
                    })
                    .collect();
                let s: f64 = link.iter().sum();
                for f in &mut link {
                    *f /= s;
                }
                link
            }
        };
        let graph = ClusterGraph::directed(n, source, target, &link, true)?;
        Ok(Self::from_graph(graph, vec![false; n]))
    }

    /// The flows of an undirected graph: visit rates in proportion to the node strengths,
    /// each edge's flow split evenly between its two directions (Infomap's `undirected`).
    ///
    /// # Errors
    ///
    /// Those of [`ClusterGraph::undirected`].
    pub fn undirected(n: usize, a: &[u32], b: &[u32], weight: &[f64]) -> Result<Self> {
        let raw = ClusterGraph::undirected(n, a, b, weight, true)?;
        let total = raw.total;
        let link: Vec<f64> = weight.iter().map(|w| w / total).collect();
        let graph = ClusterGraph::undirected(n, a, b, &link, true)?;
        Ok(Self::from_graph(graph, vec![false; n]))
    }

    pub(crate) fn from_graph(graph: ClusterGraph, locked: Vec<bool>) -> Self {
        let node_flow = graph.in_w.clone();
        let node_entropy_term = node_flow.iter().map(|&p| plogp(p)).sum();
        Self {
            graph,
            node_flow,
            locked,
            node_entropy_term,
        }
    }

    /// Number of nodes.
    #[must_use]
    pub fn n(&self) -> usize {
        self.graph.n
    }

    /// The visit rate of each node.
    #[must_use]
    pub fn node_flow(&self) -> &[f64] {
        &self.node_flow
    }

    /// Which nodes are held in a module of their own.
    #[must_use]
    pub fn locked(&self) -> &[bool] {
        &self.locked
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Module {
    enter: f64,
    exit: f64,
    flow: f64,
}

/// The parts of `L` that depend on the modules.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    enter: f64,
    plogp_enter: f64,
    plogp_exit: f64,
    plogp_exit_flow: f64,
}

impl Sums {
    fn of(modules: &[Module]) -> Self {
        let mut s = Self::default();
        for m in modules {
            s.add(m, 1.0);
        }
        s
    }
    fn add(&mut self, m: &Module, sign: f64) {
        self.enter += sign * m.enter;
        self.plogp_enter += sign * plogp(m.enter);
        self.plogp_exit += sign * plogp(m.exit);
        self.plogp_exit_flow += sign * plogp(m.exit + m.flow);
    }
    fn codelength(&self, node_term: f64) -> f64 {
        plogp(self.enter) - self.plogp_enter - self.plogp_exit - node_term + self.plogp_exit_flow
    }
}

/// Each node's link flow out to and in from other nodes (self-loops excluded).
fn node_modules(g: &ClusterGraph, flow: &[f64]) -> Vec<Module> {
    (0..g.n)
        .map(|v| Module {
            enter: g.in_w[v] - g.self_w[v],
            exit: g.out_w[v] - g.self_w[v],
            flow: flow[v],
        })
        .collect()
}

/// The map equation `L` (bits per step) of `membership` (one label per node, any
/// non-negative integers). Cost `O(n + f)`.
pub(crate) fn codelength(flows: &MapFlows, membership: &[u32]) -> f64 {
    let mut labels = membership.to_vec();
    let k = renumber(&mut labels);
    let g = &flows.graph;
    let mut modules = vec![Module::default(); k];
    let nodes = node_modules(g, &flows.node_flow);
    for v in 0..g.n {
        let m = &mut modules[labels[v] as usize];
        m.enter += nodes[v].enter;
        m.exit += nodes[v].exit;
        m.flow += nodes[v].flow;
    }
    for v in 0..g.n {
        for (u, x) in g.neighbours(v) {
            if labels[u] == labels[v] {
                // each internal pair is met from both ends: half its two-way flow each
                let m = &mut modules[labels[v] as usize];
                m.enter -= x / 2.0;
                m.exit -= x / 2.0;
            }
        }
    }
    for m in &mut modules {
        m.enter = m.enter.max(0.0);
        m.exit = m.exit.max(0.0);
    }
    Sums::of(&modules).codelength(flows.node_entropy_term)
}

/// One optimiser run (Louvain-style, as the core of Infomap: sweeps of single-node moves in
/// random order to the neighbouring module that shortens `L` most, then modules become nodes,
/// until a level moves nothing). Locked nodes stay alone and nothing joins them.
pub(crate) fn optimise(flows: &MapFlows, rng: &mut Rng, max_levels: usize) -> Result<Vec<u32>> {
    let n0 = flows.graph.n;
    let mut to_agg: Vec<u32> = (0..n0 as u32).collect();
    let mut graph = flows.graph.clone();
    let mut flow = flows.node_flow.clone();
    let mut locked = flows.locked.clone();
    for _ in 0..max_levels {
        crate::interrupt::check("the map equation's optimiser")?;
        let n = graph.n;
        let nodes = node_modules(&graph, &flow);
        let mut of: Vec<u32> = (0..n as u32).collect();
        let mut modules = nodes.clone();
        let mut count = vec![1u32; n];
        let mut empty: Vec<u32> = Vec::new();
        let mut sums = Sums::of(&modules);
        let mut acc = vec![0.0; n];
        let mut seen = vec![false; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut any_move = false;
        for _sweep in 0..100 {
            crate::interrupt::check("the map equation's optimiser")?;
            let before = sums.codelength(flows.node_entropy_term);
            let mut moved = false;
            for v in shuffled(rng, n) {
                let v = v as usize;
                if locked[v] {
                    continue;
                }
                let mv = of[v] as usize;
                touched.clear();
                for (u, x) in graph.neighbours(v) {
                    let c = of[u] as usize;
                    if locked[u] {
                        continue;
                    }
                    if !seen[c] {
                        seen[c] = true;
                        touched.push(c as u32);
                    }
                    acc[c] += x;
                }
                let nv = nodes[v];
                let old_m = modules[mv];
                let m_without = Module {
                    enter: old_m.enter - nv.enter + acc[mv],
                    exit: old_m.exit - nv.exit + acc[mv],
                    flow: old_m.flow - nv.flow,
                };
                let delta = |target: Option<usize>, acc: &[f64]| -> f64 {
                    let old_n = target.map_or(Module::default(), |c| modules[c]);
                    let w = target.map_or(0.0, |c| acc[c]);
                    let new_n = Module {
                        enter: old_n.enter + nv.enter - w,
                        exit: old_n.exit + nv.exit - w,
                        flow: old_n.flow + nv.flow,
                    };
                    let mut s = sums;
                    s.add(&old_m, -1.0);
                    s.add(&old_n, -1.0);
                    s.add(&m_without, 1.0);
                    s.add(&new_n, 1.0);
                    s.codelength(0.0) - sums.codelength(0.0)
                };
                let mut best: Option<usize> = Some(mv);
                let mut best_delta = 0.0;
                for &c in &touched {
                    let c = c as usize;
                    if c == mv {
                        continue;
                    }
                    let d = delta(Some(c), &acc);
                    if d < best_delta - 1e-15 {
                        best = Some(c);
                        best_delta = d;
                    }
                }
                if count[mv] > 1 {
                    let d = delta(None, &acc);
                    if d < best_delta - 1e-15 {
                        best = None;
                    }
                }
                if best != Some(mv) {
                    let target = best.unwrap_or_else(|| empty.pop().map_or(mv, |e| e as usize));
                    let old_n = modules[target];
                    let w = if best.is_some() { acc[target] } else { 0.0 };
                    let new_n = Module {
                        enter: old_n.enter + nv.enter - w,
                        exit: old_n.exit + nv.exit - w,
                        flow: old_n.flow + nv.flow,
                    };
                    sums.add(&old_m, -1.0);
                    sums.add(&old_n, -1.0);
                    sums.add(&m_without, 1.0);
                    sums.add(&new_n, 1.0);
                    modules[mv] = m_without;
                    modules[target] = new_n;
                    count[mv] -= 1;
                    count[target] += 1;
                    if count[mv] == 0 {
                        modules[mv] = Module::default();
                        empty.push(mv as u32);
                    }
                    of[v] = target as u32;
                    moved = true;
                    any_move = true;
                }
                for &c in &touched {
                    acc[c as usize] = 0.0;
                    seen[c as usize] = false;
                }
            }
            // re-sum from the modules, so rounding does not build up over many moves
            sums = Sums::of(&modules);
            if !moved || before - sums.codelength(flows.node_entropy_term) < 1e-10 {
                break;
            }
        }
        if !any_move {
            break;
        }
        let k = renumber(&mut of);
        if k == n {
            break;
        }
        for t in &mut to_agg {
            *t = of[*t as usize];
        }
        let mut next_flow = vec![0.0; k];
        let mut next_locked = vec![false; k];
        for v in 0..n {
            next_flow[of[v] as usize] += flow[v];
            next_locked[of[v] as usize] |= locked[v];
        }
        graph = graph.aggregate(&of, k);
        flow = next_flow;
        locked = next_locked;
    }
    renumber(&mut to_agg);
    Ok(to_agg)
}
