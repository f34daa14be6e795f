//! The shape of circulation: structure (links, connectance, dominant eigenvalue), strongly
//! connected components (petgraph) and the strongest cycles.

use std::iter::{Enumerate, FilterMap};
use std::ops::Range;

use petgraph::algo::tarjan_scc;
use petgraph::visit::{GraphBase, GraphRef, IntoNeighbors, IntoNodeIdentifiers, NodeIndexable};
use serde::{Deserialize, Serialize};

use super::FlowSystem;
use crate::error::Result;
use crate::linalg::{EIGENVALUES_MAX_N, perron_value, spectral_radius};

/// Structural indicators of the internal flow graph (enaR `enaStructure`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Structure {
    /// Number of nodes `n`.
    pub n: usize,
    /// Number of internal links `L` (non-zero flows, self-loops included).
    pub links: usize,
    /// Connectance `L / n²`.
    pub connectance: f64,
    /// Dominant eigenvalue `λ₁` of the 0/1 adjacency matrix: the rate at which the number
    /// of pathways grows with path length (`λ₁ > 1` means cycling pathways exist). Above
    /// 1,000 nodes, from a power iteration to about ten digits (see [`structure`]).
    pub lambda1: f64,
}

/// Structure of a flow system.
///
/// `λ₁` is the spectral radius of the adjacency matrix `M` (`Mᵢⱼ = 1` when `i` pays `j`).
/// Up to [`EIGENVALUES_MAX_N`] nodes it is the largest modulus of all of `M`'s eigenvalues
/// (faer's dense solver, one call: 0.55 s at 1,000 nodes). Above, where that call would take
/// seconds to minutes (22 s at 4,500 against 0.2 s for the iteration below, the same root to
/// 4·10⁻¹¹: `cargo run --release -p localecon --example lu_timing -- 4500 --eigenvalues`) and
/// could not be interrupted: `M` is non-negative, so
/// `λ₁` is its Perron root, which the Collatz–Wielandt bounds of a power iteration give to
/// about ten digits when `M` is irreducible (`linalg::perron_value`: `O(n²)` a step, at most
/// 200 steps, Ctrl-C read every step; all the eigenvalues if they do not meet). When the graph
/// is not strongly connected (Tarjan's algorithm on the flows, `O(n²)`), `λ₁` is the largest
/// Perron root of its strongly connected components (`M` is block triangular in them, so its
/// eigenvalues are theirs: Berman & Plemmons 1994, ch. 2), each found the same way — 1 for a
/// single node paying itself, 0 for one that does not.
///
/// # Errors
///
/// [`crate::Error::Singular`] if the eigenvalue iteration fails to converge;
/// [`crate::Error::Interrupted`] when the call is stopped.
pub fn structure(s: &FlowSystem) -> Result<Structure> {
    let n = s.n();
    let adjacency: Vec<f64> = s
        .flows()
        .iter()
        .map(|&f| if f > 0.0 { 1.0 } else { 0.0 })
        .collect();
    let links = adjacency.iter().filter(|&&a| a > 0.0).count();
    Ok(Structure {
        n,
        links,
        connectance: links as f64 / (n * n) as f64,
        lambda1: lambda1(s, &adjacency)?,
    })
}

/// `λ₁` of the row-major adjacency matrix of `s` (see [`structure`]).
fn lambda1(s: &FlowSystem, adjacency: &[f64]) -> Result<f64> {
    let n = s.n();
    if n <= EIGENVALUES_MAX_N {
        return spectral_radius(n, adjacency);
    }
    let components = components(s);
    if components.len() == 1 {
        return perron_value(n, adjacency);
    }
    let mut largest = 0.0_f64;
    for members in components {
        crate::interrupt::check("the dominant eigenvalue of a large flow graph")?;
        let root = if let [only] = members[..] {
            adjacency[only * n + only]
        } else {
            let block: Vec<f64> = members
                .iter()
                .flat_map(|&i| members.iter().map(move |&j| adjacency[i * n + j]))
                .collect();
            perron_value(members.len(), &block)?
        };
        largest = largest.max(root);
    }
    Ok(largest)
}

/// The flow graph read from the flows themselves (`i → j` when `i` pays `j`), for petgraph's
/// algorithms: no edge list is built, so Tarjan's algorithm on `n` accounts takes `O(n²)`
/// time and `O(n)` memory beyond the flows. Measured from Python on a 4,500-account system
/// with 10 million links (`bindings-python/benches/components.py`): 0.13–0.14 s and 1 MB
/// above the resident set, against 0.45 s and 171 MB when the links were first copied into a
/// petgraph `DiGraph`.
#[derive(Clone, Copy)]
struct Payments<'a> {
    n: usize,
    flows: &'a [f64],
}

/// The account paid, if the flow is a payment.
fn paid((j, f): (usize, &f64)) -> Option<usize> {
    (*f > 0.0).then_some(j)
}

impl GraphBase for Payments<'_> {
    type EdgeId = (usize, usize);
    type NodeId = usize;
}

impl GraphRef for Payments<'_> {}

impl<'a> IntoNeighbors for Payments<'a> {
    type Neighbors =
        FilterMap<Enumerate<std::slice::Iter<'a, f64>>, fn((usize, &f64)) -> Option<usize>>;

    fn neighbors(self, i: usize) -> Self::Neighbors {
        self.flows[i * self.n..(i + 1) * self.n]
            .iter()
            .enumerate()
            .filter_map(paid as fn((usize, &f64)) -> Option<usize>)
    }
}

impl IntoNodeIdentifiers for Payments<'_> {
    type NodeIdentifiers = Range<usize>;

    fn node_identifiers(self) -> Range<usize> {
        0..self.n
    }
}

impl NodeIndexable for Payments<'_> {
    fn node_bound(&self) -> usize {
        self.n
    }

    fn to_index(&self, a: usize) -> usize {
        a
    }

    fn from_index(&self, i: usize) -> usize {
        i
    }
}

/// The strongly connected components of the flow graph (Tarjan's algorithm, petgraph), each
/// its node indices in ascending order.
fn components(s: &FlowSystem) -> Vec<Vec<usize>> {
    let graph = Payments {
        n: s.n(),
        flows: s.flows(),
    };
    tarjan_scc(graph)
        .into_iter()
        .map(|mut members| {
            members.sort_unstable();
            members
        })
        .collect()
}

/// A strongly connected component of the flow graph: a set of accounts in which money can
/// travel from every member to every other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Component {
    /// Node indices, ascending.
    pub members: Vec<usize>,
    /// Node labels.
    pub labels: Vec<String>,
    /// Whether money can cycle inside it (more than one member, or a self-loop).
    pub cyclic: bool,
    /// Share of total system throughflow passing through its members.
    pub throughflow_share: f64,
}

/// Strongly connected components of the internal flow graph (Tarjan's algorithm, petgraph),
/// largest throughflow share first.
#[must_use]
pub fn strongly_connected_components(s: &FlowSystem) -> Vec<Component> {
    let n = s.n();
    let t = s.throughflow();
    let tst: f64 = t.iter().sum();
    let mut out: Vec<Component> = components(s)
        .into_iter()
        .map(|members| {
            let cyclic = members.len() > 1 || s.flows()[members[0] * n + members[0]] > 0.0;
            Component {
                labels: members.iter().map(|&m| s.labels()[m].clone()).collect(),
                cyclic,
                throughflow_share: members.iter().map(|&m| t[m]).sum::<f64>() / tst,
                members,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.throughflow_share
            .total_cmp(&a.throughflow_share)
            .then(a.members.cmp(&b.members))
    });
    out
}

/// A simple cycle of the flow graph and the most money that can go round it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cycle {
    /// Node indices in flow order, starting at the smallest index (the cycle closes back to
    /// the first).
    pub nodes: Vec<usize>,
    /// Node labels in the same order.
    pub labels: Vec<String>,
    /// Bottleneck: the smallest flow along the cycle.
    pub bottleneck: f64,
}

struct Search<'a> {
    n: usize,
    flows: &'a [f64],
    adjacency: Vec<Vec<(usize, f64)>>,
    max_length: usize,
    top_k: usize,
    best: Vec<(f64, Vec<usize>)>,
    steps: u64,
    max_steps: u64,
    stopped: bool,
    /// Stopped by its caller ([`crate::interrupt`]), looked at every 2¹⁶ steps.
    interrupted: bool,
}

impl Search<'_> {
    fn threshold(&self) -> f64 {
        if self.best.len() < self.top_k {
            0.0
        } else {
            self.best[self.top_k - 1].0
        }
    }

    fn offer(&mut self, bottleneck: f64, path: &[usize]) {
        if bottleneck <= self.threshold() {
            return;
        }
        let pos = self.best.partition_point(|(b, _)| *b >= bottleneck);
        self.best.insert(pos, (bottleneck, path.to_vec()));
        self.best.truncate(self.top_k);
    }

    fn extend(&mut self, start: usize, path: &mut Vec<usize>, bottleneck: f64) {
        let last = *path.last().expect("non-empty path");
        let back = self.flows[last * self.n + start];
        if path.len() > 1 && back > 0.0 {
            self.offer(bottleneck.min(back), path);
        }
        if path.len() == self.max_length {
            return;
        }
        let edges = self.adjacency[last].clone();
        for (next, flow) in edges {
            if self.steps == self.max_steps {
                self.stopped = true;
                return;
            }
            if self.steps & 0xFFFF == 0 && crate::interrupt::requested() {
                self.stopped = true;
                self.interrupted = true;
                return;
            }
            self.steps += 1;
            let b = bottleneck.min(flow);
            if b <= self.threshold() {
                break; // edges are sorted by flow: no later edge can do better
            }
            if next <= start || path.contains(&next) {
                continue;
            }
            path.push(next);
            self.extend(start, path, b);
            path.pop();
        }
    }
}

/// The default work limit of [`strongest_cycles`]: edges followed (10⁷ take well under a
/// second).
pub const DEFAULT_CYCLE_STEPS: u64 = 10_000_000;

/// The `top_k` simple cycles with the largest bottleneck flow, among cycles of at most
/// `max_length` links (self-loops count as cycles of length 1), with the default work limit
/// [`DEFAULT_CYCLE_STEPS`] (see [`strongest_cycles_bounded`]).
///
/// Bound: the search is exact for cycles up to `max_length` links; longer cycles are not
/// considered (their number grows exponentially). It enumerates each cycle once from its
/// smallest node, follows each node's flows in descending order and prunes every branch
/// whose bottleneck cannot beat the current `top_k`-th cycle.
///
/// # Errors
///
/// [`crate::Error::TooLarge`] when the search would follow more edges than the limit.
pub fn strongest_cycles(s: &FlowSystem, max_length: usize, top_k: usize) -> Result<Vec<Cycle>> {
    strongest_cycles_bounded(s, max_length, top_k, DEFAULT_CYCLE_STEPS)
}

/// [`strongest_cycles`] with an explicit work limit: at most `max_steps` edges are followed
/// (`O(max_steps·max_length)` work). A search that needs more is refused rather than
/// truncated — a partial search cannot tell which cycles are the strongest.
///
/// # Errors
///
/// [`crate::Error::TooLarge`] (code `too_large`) naming the length and the limit.
pub fn strongest_cycles_bounded(
    s: &FlowSystem,
    max_length: usize,
    top_k: usize,
    max_steps: u64,
) -> Result<Vec<Cycle>> {
    let n = s.n();
    if top_k == 0 || max_length == 0 {
        return Ok(Vec::new());
    }
    let flows = s.flows();
    let adjacency = (0..n)
        .map(|i| {
            let mut e: Vec<(usize, f64)> = (0..n)
                .filter(|&j| j != i && flows[i * n + j] > 0.0)
                .map(|j| (j, flows[i * n + j]))
                .collect();
            e.sort_by(|a, b| b.1.total_cmp(&a.1));
            e
        })
        .collect();
    let mut search = Search {
        n,
        flows,
        adjacency,
        max_length,
        top_k,
        best: Vec::new(),
        steps: 0,
        max_steps,
        stopped: false,
        interrupted: false,
    };
    for start in 0..n {
        let self_loop = flows[start * n + start];
        if self_loop > 0.0 {
            search.offer(self_loop, &[start]);
        }
        let mut path = vec![start];
        search.extend(start, &mut path, f64::INFINITY);
        if search.stopped {
            break;
        }
    }
    if search.interrupted {
        return Err(crate::Error::Interrupted {
            what: format!("the strongest-cycles search after {} steps", search.steps),
        });
    }
    if search.stopped {
        return Err(crate::Error::TooLarge {
            what: format!(
                "the strongest-cycles search up to {max_length} links (lower max_length or raise max_steps)"
            ),
            size: usize::try_from(max_steps.saturating_add(1)).unwrap_or(usize::MAX),
            unit: "steps".into(),
            limit: usize::try_from(max_steps).unwrap_or(usize::MAX),
        });
    }
    Ok(search
        .best
        .into_iter()
        .map(|(bottleneck, nodes)| Cycle {
            labels: nodes.iter().map(|&k| s.labels()[k].clone()).collect(),
            nodes,
            bottleneck,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::super::{Balance, FlowSystem};
    use super::*;

    fn triangle() -> FlowSystem {
        // a → b → c → a with 5, 4, 3; a ⇄ b with 5 and 2; self-loop on c of 1
        let flows = vec![0.0, 5.0, 0.0, 2.0, 0.0, 4.0, 3.0, 0.0, 1.0];
        let labels = vec!["a".into(), "b".into(), "c".into()];
        // boundary chosen so that every node balances
        let inflow: [f64; 3] = [0.0 + 2.0 + 3.0, 5.0, 4.0 + 1.0];
        let outflow: [f64; 3] = [5.0, 2.0 + 4.0, 3.0 + 1.0];
        let inputs: Vec<f64> = (0..3)
            .map(|k| (outflow[k] - inflow[k]).max(0.0) + 1.0)
            .collect();
        let exports: Vec<f64> = (0..3)
            .map(|k| (inflow[k] - outflow[k]).max(0.0) + 1.0)
            .collect();
        FlowSystem::new(
            labels,
            flows,
            inputs,
            exports,
            vec![0.0; 3],
            Balance::default(),
        )
        .unwrap()
    }

    #[test]
    fn strongest_cycles_by_bottleneck() {
        let c = strongest_cycles(&triangle(), 3, 10).unwrap();
        let found: Vec<(Vec<usize>, f64)> =
            c.iter().map(|c| (c.nodes.clone(), c.bottleneck)).collect();
        assert_eq!(
            found,
            vec![(vec![0, 1, 2], 3.0), (vec![0, 1], 2.0), (vec![2], 1.0)]
        );
        let top1 = strongest_cycles(&triangle(), 3, 1).unwrap();
        assert_eq!(top1.len(), 1);
        assert_eq!(top1[0].bottleneck, 3.0);
        let short = strongest_cycles(&triangle(), 2, 10).unwrap();
        assert_eq!(short.len(), 2, "the 3-cycle is beyond the bound");
    }

    /// A flow system of `n` nodes with a flow of 1 on every edge `edge(i, j)`, balanced by
    /// its inputs and exports.
    fn unit_flows(n: usize, edge: impl Fn(usize, usize) -> bool) -> FlowSystem {
        let mut flows = vec![0.0; n * n];
        let (mut inflow, mut outflow) = (vec![0.0_f64; n], vec![0.0_f64; n]);
        for i in 0..n {
            for j in 0..n {
                if edge(i, j) {
                    flows[i * n + j] = 1.0;
                    outflow[i] += 1.0;
                    inflow[j] += 1.0;
                }
            }
        }
        let inputs = (0..n).map(|k| (outflow[k] - inflow[k]).max(0.0) + 1.0);
        let exports = (0..n).map(|k| (inflow[k] - outflow[k]).max(0.0) + 1.0);
        FlowSystem::new(
            (0..n).map(|k| format!("n{k}")).collect(),
            flows,
            inputs.collect(),
            exports.collect(),
            vec![0.0; n],
            Balance::default(),
        )
        .unwrap()
    }

    #[test]
    fn lambda1_above_the_eigenvalue_size_is_the_perron_root() {
        let n = EIGENVALUES_MAX_N + 10;
        let h = n / 2;
        // every node pays every other, the first half pays itself too: irreducible, and with
        // x = a on the first half and b on the second, λa = S and λb = S − b (S = h·a + h·b)
        // give λ² − (2h − 1)·λ − h = 0
        let dense = unit_flows(n, |i, j| i != j || i < h);
        let hf = h as f64;
        let expected = (2.0 * hf - 1.0 + ((2.0 * hf - 1.0).powi(2) + 4.0 * hf).sqrt()) / 2.0;
        let found = structure(&dense).unwrap().lambda1;
        assert!(
            (found - expected).abs() <= 1e-9 * expected,
            "{found} against {expected}"
        );
        // reducible: five nodes paying each other and themselves (λ = 5), paying into a ring of
        // the other nodes (λ = 1): the largest root of the components
        let ring = |i: usize, j: usize| i >= 5 && j == if i + 1 == n { 5 } else { i + 1 };
        let reducible = unit_flows(n, |i, j| {
            (i < 5 && j < 5) || (i == 4 && j == 5) || ring(i, j)
        });
        let found = structure(&reducible).unwrap().lambda1;
        assert!((found - 5.0).abs() < 1e-12, "{found}");
        // a chain: no cycle at all, λ₁ = 0 exactly
        let chain = unit_flows(n, |i, j| j == i + 1);
        assert_eq!(structure(&chain).unwrap().lambda1, 0.0);
        // Ctrl-C is read while it iterates
        use std::sync::Arc;
        use std::sync::atomic::AtomicBool;
        let stopped = crate::interrupt::with_flag(Some(Arc::new(AtomicBool::new(true))), || {
            structure(&dense)
        });
        assert!(matches!(stopped, Err(crate::Error::Interrupted { .. })));
    }

    #[test]
    fn the_components_read_from_the_flows_are_petgraphs_own() {
        use petgraph::graph::DiGraph;
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        // 2 % and 4 % of the links: several components; 8 %: one, here
        for density in [2, 4, 8] {
            let n = 60;
            let edges: Vec<bool> = (0..n * n)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state % 100 < density
                })
                .collect();
            let s = unit_flows(n, |i, j| edges[i * n + j]);
            let mut g = DiGraph::<(), ()>::new();
            let nodes: Vec<_> = (0..n).map(|_| g.add_node(())).collect();
            for i in 0..n {
                for j in 0..n {
                    if edges[i * n + j] {
                        g.add_edge(nodes[i], nodes[j], ());
                    }
                }
            }
            let sorted = |mut c: Vec<Vec<usize>>| {
                c.iter_mut().for_each(|m| m.sort_unstable());
                c.sort();
                c
            };
            let expected = sorted(
                tarjan_scc(&g)
                    .into_iter()
                    .map(|c| c.into_iter().map(|v| v.index()).collect())
                    .collect(),
            );
            if density < 8 {
                assert!(expected.len() > 1, "density {density}: several components");
            }
            assert_eq!(sorted(components(&s)), expected, "density {density}");
        }
    }

    #[test]
    fn one_component_holds_everything() {
        let comps = strongly_connected_components(&triangle());
        assert_eq!(comps.len(), 1);
        assert!(comps[0].cyclic);
        assert!((comps[0].throughflow_share - 1.0).abs() < 1e-15);
    }
}
