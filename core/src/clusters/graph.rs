//! The weighted directed graph that the cluster methods work on, stored for them: for every
//! node the list of its neighbours with the flows both ways summed (`w_uv + w_vu`: both the
//! modularity gain and the map equation's exit flows use only that sum), its self-loop, its
//! out- and in-strength and its size (1 for a node of the input, the member count for a node
//! of an aggregated graph).

use crate::error::{Error, Location, Result};

/// The largest graph the cluster methods take: 2³¹ nodes and 2³¹ flows (indices are `u32`
/// and every flow is stored twice).
pub const MAX_CLUSTER_FLOWS: usize = 1 << 31;

/// A weighted directed graph prepared for community detection.
///
/// Build it with [`ClusterGraph::directed`] (flows `u → v`), [`ClusterGraph::undirected`]
/// (each edge stored both ways, so that the directed quality functions equal their
/// undirected forms) or [`ClusterGraph::from_dense`]. Parallel flows are summed; zero flows
/// have no edge; self-loops are kept only when asked.
///
/// Memory: `28·(n + 1) + 24·f` bytes for `n` nodes and `f` distinct node pairs with a flow.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterGraph {
    pub(crate) n: usize,
    pub(crate) start: Vec<usize>,
    pub(crate) nbr: Vec<u32>,
    /// `w_uv + w_vu` for the neighbour pair
    pub(crate) w: Vec<f64>,
    pub(crate) self_w: Vec<f64>,
    pub(crate) out_w: Vec<f64>,
    pub(crate) in_w: Vec<f64>,
    pub(crate) size: Vec<f64>,
    pub(crate) total: f64,
    pub(crate) self_loops: bool,
}

fn check_flow(k: usize, u: usize, v: usize, w: f64, n: usize) -> Result<()> {
    let field = || Location::Field(format!("flows[{k}]"));
    if u >= n || v >= n {
        return Err(Error::OutOfRange {
            location: field(),
            value: u.max(v) as f64,
            expected: format!("node indices below the node count {n}"),
        });
    }
    if !w.is_finite() {
        return Err(Error::NonFinite {
            location: field(),
            value: w,
        });
    }
    if w < 0.0 {
        return Err(Error::Negative {
            location: field(),
            value: w,
        });
    }
    Ok(())
}

impl ClusterGraph {
    /// A graph of `n` nodes from flows `source[k] → target[k]` of `weight[k]`.
    /// `self_loops`: keep flows from a node to itself (the diagonal), otherwise drop them.
    ///
    /// Cost: `O(n + f log d)` time for `f` flows and largest degree `d`; memory as above.
    ///
    /// # Errors
    ///
    /// [`Error::Shape`] when the three slices differ in length; [`Error::OutOfRange`] for a
    /// node index `≥ n` or more than [`MAX_CLUSTER_FLOWS`] flows; [`Error::NonFinite`] and
    /// [`Error::Negative`] naming the flow; [`Error::Empty`] for `n = 0`;
    /// [`Error::InvalidInput`] for a graph without any flow between two distinct nodes.
    pub fn directed(
        n: usize,
        source: &[u32],
        target: &[u32],
        weight: &[f64],
        self_loops: bool,
    ) -> Result<Self> {
        Self::build(n, source, target, weight, self_loops, false)
    }

    /// A graph of `n` undirected edges `{a[k], b[k]}` of `weight[k]`, each stored as a flow
    /// both ways: its directed modularity is then the undirected modularity (Newman 2006),
    /// and its map equation the undirected one.
    ///
    /// # Errors
    ///
    /// As [`ClusterGraph::directed`].
    pub fn undirected(
        n: usize,
        a: &[u32],
        b: &[u32],
        weight: &[f64],
        self_loops: bool,
    ) -> Result<Self> {
        Self::build(n, a, b, weight, self_loops, true)
    }

    /// [`ClusterGraph::undirected`] when `undirected`, else [`ClusterGraph::directed`]: the
    /// one constructor every binding calls.
    ///
    /// # Errors
    ///
    /// As [`ClusterGraph::directed`].
    pub fn new(
        n: usize,
        source: &[u32],
        target: &[u32],
        weight: &[f64],
        undirected: bool,
        self_loops: bool,
    ) -> Result<Self> {
        Self::build(n, source, target, weight, self_loops, undirected)
    }

    /// A graph from a dense row-major `n × n` matrix of flows `m[u·n + v]` (`u → v`).
    ///
    /// # Errors
    ///
    /// As [`ClusterGraph::directed`], the place named as `matrix[u, v]`.
    pub fn from_dense(n: usize, m: &[f64], self_loops: bool) -> Result<Self> {
        if n.checked_mul(n) != Some(m.len()) {
            return Err(Error::Shape {
                what: "flow matrix (n × n entries)".into(),
                expected: n.saturating_mul(n),
                found: m.len(),
            });
        }
        let (mut s, mut t, mut w) = (Vec::new(), Vec::new(), Vec::new());
        for u in 0..n {
            for v in 0..n {
                let x = m[u * n + v];
                if !x.is_finite() || x < 0.0 {
                    let location = Location::Field(format!("matrix[{u}, {v}]"));
                    return Err(if x.is_finite() {
                        Error::Negative { location, value: x }
                    } else {
                        Error::NonFinite { location, value: x }
                    });
                }
                if x > 0.0 {
                    s.push(u as u32);
                    t.push(v as u32);
                    w.push(x);
                }
            }
        }
        Self::build(n, &s, &t, &w, self_loops, false)
    }

    fn build(
        n: usize,
        source: &[u32],
        target: &[u32],
        weight: &[f64],
        self_loops: bool,
        undirected: bool,
    ) -> Result<Self> {
        if n == 0 {
            return Err(Error::Empty);
        }
        for (what, len) in [("targets", target.len()), ("weights", weight.len())] {
            if len != source.len() {
                return Err(Error::Shape {
                    what: format!("flow {what} (one per source)"),
                    expected: source.len(),
                    found: len,
                });
            }
        }
        if source.len() > MAX_CLUSTER_FLOWS || n > MAX_CLUSTER_FLOWS {
            return Err(Error::OutOfRange {
                location: Location::Field("flows".into()),
                value: source.len().max(n) as f64,
                expected: format!("at most {MAX_CLUSTER_FLOWS} nodes and flows"),
            });
        }
        let mut self_w = vec![0.0; n];
        let mut out_w = vec![0.0; n];
        let mut in_w = vec![0.0; n];
        let mut degree = vec![0usize; n + 1];
        for k in 0..source.len() {
            let (u, v, w) = (source[k] as usize, target[k] as usize, weight[k]);
            check_flow(k, u, v, w, n)?;
            if w == 0.0 {
                continue;
            }
            if u == v {
                if self_loops {
                    let w = if undirected { 2.0 * w } else { w };
                    self_w[u] += w;
                    out_w[u] += w;
                    in_w[u] += w;
                }
                continue;
            }
            degree[u] += 1;
            degree[v] += 1;
        }
        // counting sort of both directions by node, then per node by neighbour, summing pairs
        let mut start = vec![0usize; n + 1];
        for u in 0..n {
            start[u + 1] = start[u] + degree[u];
        }
        let mut fill = start.clone();
        let mut nbr = vec![0u32; start[n]];
        let mut w = vec![0.0; start[n]];
        for k in 0..source.len() {
            let (u, v, x) = (source[k] as usize, target[k] as usize, weight[k]);
            if u == v || x == 0.0 {
                continue;
            }
            // the two-way sum this flow adds to the pair: `w` one way, `2w` for an edge
            let stored = if undirected { 2.0 * x } else { x };
            out_w[u] += x;
            in_w[v] += x;
            if undirected {
                out_w[v] += x;
                in_w[u] += x;
            }
            nbr[fill[u]] = v as u32;
            w[fill[u]] = stored;
            fill[u] += 1;
            nbr[fill[v]] = u as u32;
            w[fill[v]] = stored;
            fill[v] += 1;
        }
        // per node: sort by neighbour (stable, so the sums run in input order) and merge
        let mut new_start = vec![0usize; n + 1];
        let mut at = 0usize;
        let mut pairs: Vec<(u32, f64)> = Vec::new();
        for u in 0..n {
            pairs.clear();
            pairs.extend((start[u]..start[u + 1]).map(|e| (nbr[e], w[e])));
            pairs.sort_by_key(|p| p.0);
            let mut k = 0;
            while k < pairs.len() {
                let v = pairs[k].0;
                let mut sum = 0.0;
                while k < pairs.len() && pairs[k].0 == v {
                    sum += pairs[k].1;
                    k += 1;
                }
                nbr[at] = v;
                w[at] = sum;
                at += 1;
            }
            new_start[u + 1] = at;
        }
        nbr.truncate(at);
        w.truncate(at);
        nbr.shrink_to_fit();
        w.shrink_to_fit();
        let total: f64 = out_w.iter().sum();
        if at == 0 {
            return Err(Error::InvalidInput {
                what: "network".into(),
                message: format!(
                    "no flow between two distinct nodes among its {n} nodes: nothing to cluster"
                ),
            });
        }
        Ok(Self {
            n,
            start: new_start,
            nbr,
            w,
            self_w,
            out_w,
            in_w,
            size: vec![1.0; n],
            total,
            self_loops,
        })
    }

    /// Number of nodes.
    #[must_use]
    pub fn n(&self) -> usize {
        self.n
    }

    /// Total weight of all flows (self-loops included when kept).
    #[must_use]
    pub fn total_weight(&self) -> f64 {
        self.total
    }

    /// Number of distinct node pairs with a flow either way.
    #[must_use]
    pub fn pairs(&self) -> usize {
        self.nbr.len() / 2
    }

    /// Whether self-loops were kept.
    #[must_use]
    pub fn has_self_loops(&self) -> bool {
        self.self_loops
    }

    pub(crate) fn neighbours(&self, u: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        (self.start[u]..self.start[u + 1]).map(move |e| (self.nbr[e] as usize, self.w[e]))
    }

    /// The graph of the communities of `membership` (labels `0..k`): node `c` of the result
    /// carries the summed strengths, sizes and internal flows (as its self-loop) of `c`'s
    /// members. Sums run in node order, so the result is the same on every platform.
    pub(crate) fn aggregate(&self, membership: &[u32], k: usize) -> Self {
        let mut self_w = vec![0.0; k];
        let mut out_w = vec![0.0; k];
        let mut in_w = vec![0.0; k];
        let mut size = vec![0.0; k];
        let mut members: Vec<Vec<u32>> = vec![Vec::new(); k];
        for u in 0..self.n {
            let c = membership[u] as usize;
            self_w[c] += self.self_w[u];
            out_w[c] += self.out_w[u];
            in_w[c] += self.in_w[u];
            size[c] += self.size[u];
            members[c].push(u as u32);
        }
        let mut start = vec![0usize; k + 1];
        let mut nbr = Vec::new();
        let mut w = Vec::new();
        let mut acc = vec![0.0; k];
        let mut seen = vec![false; k];
        let mut touched: Vec<u32> = Vec::new();
        for c in 0..k {
            touched.clear();
            for &u in &members[c] {
                for (v, x) in self.neighbours(u as usize) {
                    let d = membership[v] as usize;
                    if d == c {
                        // each internal pair is met from both ends: half its two-way sum each
                        self_w[c] += x / 2.0;
                        continue;
                    }
                    if !seen[d] {
                        seen[d] = true;
                        touched.push(d as u32);
                    }
                    acc[d] += x;
                }
            }
            touched.sort_unstable();
            for &d in &touched {
                nbr.push(d);
                w.push(acc[d as usize]);
                acc[d as usize] = 0.0;
                seen[d as usize] = false;
            }
            start[c + 1] = nbr.len();
        }
        Self {
            n: k,
            start,
            nbr,
            w,
            self_w,
            out_w,
            in_w,
            size,
            total: self.total,
            self_loops: self.self_loops,
        }
    }
}

/// Renumbers labels `0..k` in order of first appearance; returns `k`.
pub(crate) fn renumber(labels: &mut [u32]) -> usize {
    let max = labels.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut map = vec![u32::MAX; max];
    let mut k = 0u32;
    for l in labels.iter_mut() {
        let m = &mut map[*l as usize];
        if *m == u32::MAX {
            *m = k;
            k += 1;
        }
        *l = *m;
    }
    k as usize
}
