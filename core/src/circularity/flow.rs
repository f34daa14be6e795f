//! Throughflow analysis: Finn's cycling index, average path length and the flow indices of
//! enaR's `enaFlow` (Borrett & Lau 2014, enaR; Finn 1976; Fath & Patten 1999).

use serde::{Deserialize, Serialize};

use super::{Closure, FlowSystem};
use crate::error::Result;
use crate::linalg::DenseLu;
use crate::model::ClosedModel;
use crate::table::RegionalTable;

/// The flow indicators of a [`FlowSystem`], named as in enaR's `enaFlow`.
///
/// With throughflow `T`, boundary input `z`, the output-oriented direct intensities
/// `G_ab = F_ba / T_b` (the share of `b`'s throughflow that goes to `a`), the input-oriented
/// `G'_ab = F_ba / T_a`, and the integral matrices `N = (I − G)⁻¹`, `N' = (I − G')⁻¹`:
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlowIndicators {
    /// Total boundary input `Σ z`.
    pub boundary: f64,
    /// Total system throughflow `TST = Σ T`.
    pub tst: f64,
    /// Total system throughput `TSTp = Σ F + Σ z + Σ outputs`.
    pub tstp: f64,
    /// Average path length `APL = TST / Σ z` (Finn 1976): how many accounts a unit entering
    /// the system passes through before it leaves.
    pub apl: f64,
    /// Finn cycling index `FCI = Σ_j (1 − 1/N_jj) T_j / TST` (Finn 1976).
    pub fci: f64,
    /// Cycled throughflow `TSTc = Σ_j (1 − 1/N_jj) T_j` (enaR `mode2.F`).
    pub cycled_throughflow: f64,
    /// Boundary flow index `Σ z / TST`.
    pub bfi: f64,
    /// Direct flow index `Σ G z / TST`.
    pub dfi: f64,
    /// Indirect flow index `Σ (N − I − G) z / TST`.
    pub ifi: f64,
    /// Realised indirect-to-direct ratio `Σ (N − I − G) z / Σ G z` (`None` without direct
    /// internal flows, where it is undefined; likewise for the ratios below).
    pub id_f: Option<f64>,
    /// Idealised indirect-to-direct ratio, input orientation `Σ(N' − I − G') / ΣG'`.
    pub id_f_i: Option<f64>,
    /// Idealised indirect-to-direct ratio, output orientation `Σ(N − I − G) / ΣG`.
    pub id_f_o: Option<f64>,
    /// Network homogenisation, input orientation: `CV(G') / CV(N')` (sample CV over all
    /// entries).
    pub hmg_i: Option<f64>,
    /// Network homogenisation, output orientation: `CV(G) / CV(N)`.
    pub hmg_o: Option<f64>,
    /// Amplification, input orientation: off-diagonal entries of `N'` above 1 (beyond
    /// rounding at 10 decimals, as enaR).
    pub amp_i: usize,
    /// Amplification, output orientation: off-diagonal entries of `N` above 1.
    pub amp_o: usize,
    /// Mode 0: boundary flow (`Σ z`).
    pub mode0: f64,
    /// Mode 1: internal first-passage flow.
    pub mode1: f64,
    /// Mode 2: cycled flow (= `cycled_throughflow`).
    pub mode2: f64,
}

/// Sample coefficient of variation; `None` where it is undefined (one value, zero mean).
fn cv(m: &[f64]) -> Option<f64> {
    let k = m.len() as f64;
    let mean = m.iter().sum::<f64>() / k;
    if m.len() < 2 || mean == 0.0 {
        return None;
    }
    let var = m.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (k - 1.0);
    Some(var.sqrt() / mean)
}

/// `a / b`, or `None` when the ratio is undefined or not finite.
fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    let r = a? / b?;
    r.is_finite().then_some(r)
}

fn integral(n: usize, g: &[f64]) -> Result<Vec<f64>> {
    let mut m: Vec<f64> = g.iter().map(|v| -v).collect();
    for i in 0..n {
        m[i * n + i] += 1.0;
    }
    DenseLu::factor(n, &m, "I − G")?.inverse()
}

/// Finn's cycling index alone (Finn 1976): `FCI = Σⱼ (1 − 1/Nⱼⱼ)·Tⱼ / TST` with
/// `N = (I − G)⁻¹`, from the diagonal of `N` without the whole inverse
/// ([`DenseLu::inverse_diagonal`]): half the work of [`flow_indicators`], whose `fci` it
/// equals to rounding (the diagonal is summed in another order; measured within 1e-15 on the
/// council tables).
///
/// # Errors
///
/// As [`flow_indicators`].
pub fn finn_cycling_index(s: &FlowSystem) -> Result<f64> {
    let n = s.n();
    let t = s.throughflow();
    let f = s.flows();
    let mut m = vec![0.0; n * n];
    for a in 0..n {
        for b in 0..n {
            let inv_t = if t[b] == 0.0 { 0.0 } else { 1.0 / t[b] };
            m[a * n + b] = -(f[b * n + a] * inv_t);
        }
        m[a * n + a] += 1.0;
    }
    let diagonal = DenseLu::factor(n, &m, "I − G")?.inverse_diagonal();
    let tst: f64 = t.iter().sum();
    let cycled: f64 = (0..n).map(|j| (1.0 - 1.0 / diagonal[j]) * t[j]).sum();
    Ok(cycled / tst)
}

/// The flow indicators of a flow system. `O(n³)`: the integral matrices are formed.
///
/// # Errors
///
/// [`crate::Error::Singular`] when `I − G` is singular (a closed loop with no boundary
/// outflow: money that never leaves).
///
/// # Example
///
/// ```
/// use localecon::circularity::{Closure, FlowSystem, flow_indicators};
/// let t = localecon::datasets::miller_blair_2sector();
/// let ind = flow_indicators(&FlowSystem::from_table(&t, Closure::Open)?)?;
/// assert!((ind.fci - 0.140092879).abs() < 1e-9);
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn flow_indicators(s: &FlowSystem) -> Result<FlowIndicators> {
    let n = s.n();
    let t = s.throughflow();
    let z = s.inputs();
    let f = s.flows();
    // 1/T once per node (0 for a node without throughflow), so the n² coefficients are
    // products, not divisions
    let inv_t: Vec<f64> = t
        .iter()
        .map(|v| if *v == 0.0 { 0.0 } else { 1.0 / v })
        .collect();
    let mut g = vec![0.0; n * n];
    let mut gp = vec![0.0; n * n];
    for a in 0..n {
        for b in 0..n {
            let flow = f[b * n + a];
            g[a * n + b] = flow * inv_t[b];
            gp[a * n + b] = flow * inv_t[a];
        }
    }
    let nn = integral(n, &g)?;
    // G' = D⁻¹·G·D with D = diag(T), so N' = D⁻¹·N·D: no second inverse
    let mut np = vec![0.0; n * n];
    for a in 0..n {
        let row = &mut np[a * n..(a + 1) * n];
        if t[a] == 0.0 {
            row[a] = 1.0;
        } else {
            for (b, v) in row.iter_mut().enumerate() {
                *v = nn[a * n + b] * t[b] / t[a];
            }
        }
    }
    let boundary: f64 = z.iter().sum();
    let tst: f64 = t.iter().sum();
    let outputs: f64 = s.exports().iter().chain(s.dissipation()).sum();
    let tstp = f.iter().sum::<f64>() + boundary + outputs;
    let cycled: f64 = (0..n).map(|j| (1.0 - 1.0 / nn[j * n + j]) * t[j]).sum();
    let mat_vec_sum = |m: &[f64]| -> f64 {
        (0..n)
            .map(|a| (0..n).map(|b| m[a * n + b] * z[b]).sum::<f64>())
            .sum()
    };
    let direct = mat_vec_sum(&g);
    let mut indirect_m = nn.clone();
    for a in 0..n {
        indirect_m[a * n + a] -= 1.0;
    }
    for k in 0..n * n {
        indirect_m[k] -= g[k];
    }
    let indirect = mat_vec_sum(&indirect_m);
    let idealised = |nm: &[f64], gm: &[f64]| -> Option<f64> {
        let mut s = 0.0;
        for a in 0..n {
            for b in 0..n {
                s += nm[a * n + b] - if a == b { 1.0 } else { 0.0 } - gm[a * n + b];
            }
        }
        ratio(Some(s), Some(gm.iter().sum::<f64>()))
    };
    // enaR rounds N to 10 decimals before counting: entries that are 1 in exact arithmetic
    // (e.g. all of a node's input coming from one source) must not count
    let amp = |m: &[f64]| {
        let above = m.iter().filter(|v| **v > 1.0 + 0.5e-10).count();
        let diagonal = (0..n).filter(|&a| m[a * n + a] > 1.0 + 0.5e-10).count();
        above - diagonal
    };
    let mode1: f64 = (0..n)
        .map(|a| (0..n).map(|b| nn[a * n + b] * z[b]).sum::<f64>() / nn[a * n + a])
        .sum::<f64>()
        - boundary;
    let indicators = FlowIndicators {
        boundary,
        tst,
        tstp,
        apl: tst / boundary,
        fci: cycled / tst,
        cycled_throughflow: cycled,
        bfi: boundary / tst,
        dfi: direct / tst,
        ifi: indirect / tst,
        id_f: ratio(Some(indirect), Some(direct)),
        id_f_i: idealised(&np, &gp),
        id_f_o: idealised(&nn, &g),
        hmg_i: ratio(cv(&gp), cv(&np)),
        hmg_o: ratio(cv(&g), cv(&nn)),
        amp_i: amp(&np),
        amp_o: amp(&nn),
        mode0: boundary,
        mode1,
        mode2: cycled,
    };
    // a boundary input that is tiny next to the throughflow (a badly unbalanced system)
    // would make APL and the flow indices overflow: say so instead of returning ∞
    // and flows near the largest f64 overflow their sums (TST, TST_p): every field is checked
    let i = &indicators;
    for (name, value) in [
        ("boundary", Some(i.boundary)),
        ("tst", Some(i.tst)),
        ("tstp", Some(i.tstp)),
        ("apl", Some(i.apl)),
        ("fci", Some(i.fci)),
        ("cycled_throughflow", Some(i.cycled_throughflow)),
        ("bfi", Some(i.bfi)),
        ("dfi", Some(i.dfi)),
        ("ifi", Some(i.ifi)),
        ("id_f", i.id_f),
        ("id_f_i", i.id_f_i),
        ("id_f_o", i.id_f_o),
        ("hmg_i", i.hmg_i),
        ("hmg_o", i.hmg_o),
        ("mode0", Some(i.mode0)),
        ("mode1", Some(i.mode1)),
        ("mode2", Some(i.mode2)),
    ] {
        let Some(value) = value else { continue };
        crate::error::check_finite(value, || {
            crate::error::Location::Field(format!(
                "flow indicator {name} (boundary input {boundary:e}, TST {tst:e})"
            ))
        })?;
    }
    Ok(indicators)
}

/// Finn's cycling index of a table by the Leontief route:
/// `FCI = Σ_j (1 − 1/l_jj)·x_j / Σ_j x_j`, with `l_jj` the diagonal of `L = (I − A)⁻¹`
/// (equal to `N_jj` of the flow system on a balanced table, since `G = A`). With
/// [`Closure::Households`] the household-closed `L̄` and `x̄ = (x, H)` are used.
///
/// # Errors
///
/// The errors of [`LeontiefModel::new`](crate::LeontiefModel::new) or [`ClosedModel::new`].
///
/// # Example
///
/// ```
/// use localecon::circularity::{Closure, fci_leontief};
/// let fci = fci_leontief(&localecon::datasets::scotland_2019(), Closure::Open)?;
/// assert!((fci - 0.06190).abs() < 5e-6);
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn fci_leontief(table: &RegionalTable, closure: Closure) -> Result<f64> {
    Ok(match closure {
        Closure::Open => fci_from_diagonal(table.output(), &table.leontief()?.leontief_diagonal()),
        Closure::Households => {
            let c = ClosedModel::new(table)?;
            let mut x = table.output().to_vec();
            x.push(c.household_income());
            fci_from_diagonal(&x, &c.leontief_diagonal())
        }
    })
}

/// `FCI = Σⱼ (1 − 1/Lⱼⱼ)·xⱼ / Σⱼ xⱼ` from the diagonal of the Leontief inverse and the
/// throughflows (see [`fci_leontief`]).
pub(crate) fn fci_from_diagonal(x: &[f64], l_diagonal: &[f64]) -> f64 {
    let total: f64 = x.iter().sum();
    let cycled: f64 = l_diagonal
        .iter()
        .zip(x)
        .map(|(l, x)| (1.0 - 1.0 / l) * x)
        .sum();
    cycled / total
}
