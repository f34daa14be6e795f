//! The Leiden algorithm (Traag, Waltman & van Eck 2019, *Sci. Rep.* 9:5233) for the two
//! Potts-type qualities of [`super::Quality`]: directed modularity (Leicht & Newman 2008)
//! and the Constant Potts Model (Traag, Van Dooren & Nesterov 2011).
//!
//! Both are `H = Σ_c [I_c − g·A_c·B_c]` over communities `c`, with `I_c` the flow inside
//! `c`, `A_c`, `B_c` the sums of node weights `a_v`, `b_v` and `g` a scaled resolution:
//! modularity has `a = k_out`, `b = k_in`, `g = γ/m`; the CPM has `a = b = n_v` (node size)
//! and `g = γ`. Moving node `v` into community `C` then gains
//! `w(v, C) − g·(a_v·B_C + b_v·A_C)`, `w(v, C)` the flows between `v` and `C` both ways.

use super::det::exp_nonpositive;
use super::graph::{ClusterGraph, renumber};
use crate::uncertainty::rng::Rng;

/// The randomness of the refinement: a singleton joins a community with probability
/// `∝ exp(ΔH/θ)`, `ΔH` its gain in the quality's own units (flows, not shares of the total),
/// as in Traag et al.'s reference implementation (leidenalg), which uses `θ = 0.01`. On
/// money flows in £m this makes the refinement all but greedy; on shares (the Leontief
/// basis) it keeps some randomness. Greedier refinement reached higher quality on the
/// benchmark network (see `bindings-python/benches/clusters.py`).
pub(crate) const THETA: f64 = 0.01;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Potts {
    pub(crate) g: f64,
    pub(crate) cpm: bool,
}

impl Potts {
    fn a(self, graph: &ClusterGraph, v: usize) -> f64 {
        if self.cpm {
            graph.size[v]
        } else {
            graph.out_w[v]
        }
    }
    fn b(self, graph: &ClusterGraph, v: usize) -> f64 {
        if self.cpm {
            graph.size[v]
        } else {
            graph.in_w[v]
        }
    }
}

/// An integer in `0..n` (Lemire's multiply-shift, without the rejection step: the bias is
/// below `n/2⁶⁴`).
pub(crate) fn below(rng: &mut Rng, n: usize) -> usize {
    ((u128::from(rng.next_u64()) * n as u128) >> 64) as usize
}

/// A random order of `0..n` (Fisher–Yates).
pub(crate) fn shuffled(rng: &mut Rng, n: usize) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    for i in (1..n).rev() {
        let j = below(rng, i + 1);
        order.swap(i, j);
    }
    order
}

struct Communities {
    of: Vec<u32>,
    a: Vec<f64>,
    b: Vec<f64>,
    count: Vec<u32>,
    empty: Vec<u32>,
}

impl Communities {
    fn new(graph: &ClusterGraph, q: Potts, of: Vec<u32>) -> Self {
        let n = graph.n;
        let (mut a, mut b, mut count) = (vec![0.0; n], vec![0.0; n], vec![0u32; n]);
        for v in 0..n {
            let c = of[v] as usize;
            a[c] += q.a(graph, v);
            b[c] += q.b(graph, v);
            count[c] += 1;
        }
        let empty = (0..n as u32)
            .rev()
            .filter(|&c| count[c as usize] == 0)
            .collect();
        Self {
            of,
            a,
            b,
            count,
            empty,
        }
    }
}

/// Fast local moving: nodes from a queue (all of them, in random order, at first) move to
/// the neighbouring community of largest positive gain; the neighbours of a moved node
/// outside its new community join the queue again. Returns whether any node moved.
fn move_nodes(
    graph: &ClusterGraph,
    q: Potts,
    p: &mut Communities,
    rng: &mut Rng,
) -> crate::error::Result<bool> {
    let n = graph.n;
    let mut queue: std::collections::VecDeque<u32> = shuffled(rng, n).into();
    let mut queued = vec![true; n];
    let mut acc = vec![0.0; n];
    let mut seen = vec![false; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut moved = false;
    let mut pops = 0usize;
    while let Some(v) = queue.pop_front() {
        pops += 1;
        if pops % (1 << 16) == 0 {
            crate::interrupt::check("the Leiden algorithm")?;
        }
        let v = v as usize;
        queued[v] = false;
        let (av, bv) = (q.a(graph, v), q.b(graph, v));
        let cv = p.of[v] as usize;
        touched.clear();
        for (u, x) in graph.neighbours(v) {
            let c = p.of[u] as usize;
            if !seen[c] {
                seen[c] = true;
                touched.push(c as u32);
            }
            acc[c] += x;
        }
        p.a[cv] -= av;
        p.b[cv] -= bv;
        p.count[cv] -= 1;
        let gain =
            |c: usize, acc: &[f64], p: &Communities| acc[c] - q.g * (av * p.b[c] + bv * p.a[c]);
        let mut best = cv;
        let mut best_gain = gain(cv, &acc, p);
        for &c in &touched {
            let c = c as usize;
            let g = gain(c, &acc, p);
            if g > best_gain {
                best = c;
                best_gain = g;
            }
        }
        if best_gain < 0.0 && p.count[cv] > 0 {
            // alone is better: an empty community
            if let Some(e) = p.empty.pop() {
                best = e as usize;
            }
        }
        if p.count[cv] == 0 && best != cv {
            p.empty.push(cv as u32);
        }
        p.a[best] += av;
        p.b[best] += bv;
        p.count[best] += 1;
        p.of[v] = best as u32;
        for &c in &touched {
            acc[c as usize] = 0.0;
            seen[c as usize] = false;
        }
        if best != cv {
            moved = true;
            for (u, _) in graph.neighbours(v) {
                if !queued[u] && p.of[u] as usize != best {
                    queued[u] = true;
                    queue.push_back(u as u32);
                }
            }
        }
    }
    Ok(moved)
}

/// The refinement: inside each community of `p`, singletons merge into well-connected
/// sub-communities, each chosen at random with probability `∝ exp(ΔH / θ)` among the
/// merges that do not lower `H`. Returns the refined labels (not renumbered).
fn refine(graph: &ClusterGraph, q: Potts, p: &Communities, rng: &mut Rng) -> Vec<u32> {
    let n = graph.n;
    let mut refined: Vec<u32> = (0..n as u32).collect();
    let mut ra: Vec<f64> = (0..n).map(|v| q.a(graph, v)).collect();
    let mut rb: Vec<f64> = (0..n).map(|v| q.b(graph, v)).collect();
    let mut rcount = vec![1u32; n];
    // flows between each refined community and the rest of its community, both ways
    let mut ext: Vec<f64> = (0..n)
        .map(|v| {
            graph
                .neighbours(v)
                .filter(|&(u, _)| p.of[u] == p.of[v])
                .map(|(_, x)| x)
                .sum()
        })
        .collect();
    let well = |e: f64, a: f64, b: f64, c: usize| e >= q.g * (a * (p.b[c] - b) + b * (p.a[c] - a));
    let scale = THETA;
    let mut acc = vec![0.0; n];
    let mut seen = vec![false; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut weights: Vec<f64> = Vec::new();
    for v in shuffled(rng, n) {
        let v = v as usize;
        let s0 = refined[v] as usize;
        let c = p.of[v] as usize;
        let (av, bv) = (q.a(graph, v), q.b(graph, v));
        if rcount[s0] != 1 || !well(ext[v], av, bv, c) {
            continue;
        }
        touched.clear();
        for (u, x) in graph.neighbours(v) {
            if p.of[u] as usize != c {
                continue;
            }
            let s = refined[u] as usize;
            if !seen[s] {
                seen[s] = true;
                touched.push(s as u32);
            }
            acc[s] += x;
        }
        // candidates: v's own singleton (gain 0) and every well-connected neighbour
        let mut best = 0.0f64;
        let mut cands: Vec<(usize, f64)> = vec![(s0, 0.0)];
        for &s in &touched {
            let s = s as usize;
            if s == s0 || !well(ext[s], ra[s], rb[s], c) {
                continue;
            }
            let gain = acc[s] - q.g * (av * rb[s] + bv * ra[s]);
            if gain >= 0.0 {
                best = best.max(gain);
                cands.push((s, gain));
            }
        }
        let chosen = if cands.len() == 1 {
            s0
        } else {
            weights.clear();
            let mut total = 0.0;
            for &(_, gain) in &cands {
                let w = exp_nonpositive((gain - best) / scale);
                total += w;
                weights.push(total);
            }
            let r = rng.next_f64() * total;
            let k = weights
                .iter()
                .position(|&w| r < w)
                .unwrap_or(cands.len() - 1);
            cands[k].0
        };
        if chosen != s0 {
            ext[chosen] = ext[chosen] + ext[v] - 2.0 * acc[chosen];
            ra[chosen] += av;
            rb[chosen] += bv;
            rcount[chosen] += 1;
            rcount[s0] = 0;
            refined[v] = chosen as u32;
        }
        for &s in &touched {
            acc[s as usize] = 0.0;
            seen[s as usize] = false;
        }
    }
    refined
}

/// One iteration of Leiden from `initial` (singletons when `None`): the labels of the nodes of
/// `graph`, renumbered `0..k` in order of first appearance. At most `max_levels`
/// aggregations (an iteration stops earlier when a level moves no node, as Traag et al.'s
/// does).
pub(crate) fn leiden_iteration(
    graph: &ClusterGraph,
    q: Potts,
    rng: &mut Rng,
    max_levels: usize,
    initial: Option<&[u32]>,
) -> crate::error::Result<Vec<u32>> {
    let n0 = graph.n;
    let mut to_agg: Vec<u32> = (0..n0 as u32).collect();
    let mut current: Option<ClusterGraph> = None;
    let mut labels: Vec<u32> = initial.map_or_else(|| (0..n0 as u32).collect(), <[u32]>::to_vec);
    for _ in 0..max_levels {
        let g = current.as_ref().unwrap_or(graph);
        let mut p = Communities::new(g, q, labels);
        crate::interrupt::check("the Leiden algorithm")?;
        move_nodes(g, q, &mut p, rng)?;
        let k = {
            let mut l = p.of.clone();
            renumber(&mut l)
        };
        if k == g.n {
            labels = p.of;
            break;
        }
        let mut refined = refine(g, q, &p, rng);
        let mut kr = renumber(&mut refined);
        if kr == g.n {
            // the refinement merged nothing: aggregate by the communities themselves, or the
            // next level would see the same graph again (as leidenalg does)
            refined.clone_from(&p.of);
            kr = renumber(&mut refined);
        }
        let mut next_labels = vec![0u32; kr];
        for v in 0..g.n {
            next_labels[refined[v] as usize] = p.of[v];
        }
        for t in &mut to_agg {
            *t = refined[*t as usize];
        }
        let agg = g.aggregate(&refined, kr);
        renumber(&mut next_labels);
        labels = next_labels;
        current = Some(agg);
    }
    let mut out: Vec<u32> = to_agg.iter().map(|&t| labels[t as usize]).collect();
    renumber(&mut out);
    Ok(out)
}

/// The most iterations of one Leiden run.
pub(crate) const MAX_ITERATIONS: usize = 20;

/// A Leiden run: iterations, each from the partition the last one found, until an iteration
/// changes nothing (at most [`MAX_ITERATIONS`]; leidenalg's `n_iterations = -1`).
pub(crate) fn leiden(
    graph: &ClusterGraph,
    q: Potts,
    rng: &mut Rng,
    max_levels: usize,
) -> crate::error::Result<Vec<u32>> {
    let mut m = leiden_iteration(graph, q, rng, max_levels, None)?;
    for _ in 1..MAX_ITERATIONS {
        let next = leiden_iteration(graph, q, rng, max_levels, Some(&m))?;
        if next == m {
            break;
        }
        m = next;
    }
    Ok(m)
}
