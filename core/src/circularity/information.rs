//! Ulanowicz's information indices: ascendency, development capacity, overhead and
//! robustness — the resilience view of Goerner, Lietaer & Ulanowicz (2009), "Quantifying
//! economic sustainability", *Ecological Economics* 69, 76–81.

use serde::{Deserialize, Serialize};

use super::FlowSystem;

/// Information indices of a flow system, in bits (log base 2), computed on the extended
/// flow matrix `T` that adds a boundary-input row and export and dissipation columns
/// (Ulanowicz 2004; enaR `enaAscendency`). With `T..` = total system throughput,
/// `T_i.` = row sums and `T_.j` = column sums:
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InformationIndices {
    /// Flow diversity `H = −Σ (T_ij/T..)·log₂(T_ij/T..)`.
    pub h: f64,
    /// Average mutual information `AMI = Σ (T_ij/T..)·log₂(T_ij·T.. / (T_i.·T_.j))`.
    pub ami: f64,
    /// Residual diversity `H_r = H − AMI`.
    pub hr: f64,
    /// Development capacity `C = T..·H`.
    pub capacity: f64,
    /// Ascendency `A = T..·AMI`: the organised, efficient part of the capacity.
    pub ascendency: f64,
    /// Overhead `Φ = C − A`: the redundant, resilient part.
    pub overhead: f64,
    /// `A/C`, the degree of order.
    pub ascendency_ratio: f64,
    /// `Φ/C`.
    pub overhead_ratio: f64,
    /// Robustness `−(A/C)·ln(A/C)` (Goerner, Lietaer & Ulanowicz 2009); at most `1/e` ≈
    /// 0.368, reached at `A/C = 1/e`.
    pub robustness: f64,
    /// The part of ascendency carried by boundary inputs.
    pub ascendency_input: f64,
    /// The part carried by internal flows.
    pub ascendency_internal: f64,
    /// The part carried by exports.
    pub ascendency_export: f64,
    /// The part carried by dissipation.
    pub ascendency_dissipation: f64,
}

/// Information indices of a flow system.
///
/// # Example
///
/// ```
/// use localecon::circularity::{Closure, FlowSystem, information_indices};
/// let s = FlowSystem::from_table(&localecon::datasets::scotland_2019_sections(), Closure::Open)?;
/// let info = information_indices(&s);
/// assert!((info.ascendency + info.overhead - info.capacity).abs() < 1e-6 * info.capacity);
/// assert!(info.robustness > 0.0 && info.robustness <= 1.0 / std::f64::consts::E);
/// # Ok::<(), localecon::Error>(())
/// ```
#[must_use]
pub fn information_indices(s: &FlowSystem) -> InformationIndices {
    let n = s.n();
    // extended matrix: rows 0..n nodes, row n = boundary input; columns 0..n nodes,
    // column n = export, column n + 1 = dissipation
    let rows = n + 1;
    let cols = n + 2;
    let mut t = vec![0.0; rows * cols];
    for i in 0..n {
        for j in 0..n {
            t[i * cols + j] = s.flows()[i * n + j];
        }
        t[i * cols + n] = s.exports()[i];
        t[i * cols + n + 1] = s.dissipation()[i];
        t[n * cols + i] = s.inputs()[i];
    }
    let total: f64 = t.iter().sum();
    let row_sum: Vec<f64> = (0..rows)
        .map(|i| t[i * cols..(i + 1) * cols].iter().sum())
        .collect();
    let col_sum: Vec<f64> = (0..cols)
        .map(|j| (0..rows).map(|i| t[i * cols + j]).sum())
        .collect();
    let (mut h, mut ami) = (0.0, 0.0);
    let (mut a_in, mut a_int, mut a_exp, mut a_dis) = (0.0, 0.0, 0.0, 0.0);
    // one logarithm per flow: log₂ p = log₂ v − log₂ T.. and
    // log₂(v·T.. / (Tᵢ.·T.ⱼ)) = log₂ v + log₂ T.. − log₂ Tᵢ. − log₂ T.ⱼ
    let log_total = libm::log2(total);
    let log_col: Vec<f64> = col_sum.iter().map(|c| libm::log2(*c)).collect();
    for i in 0..rows {
        let log_row = libm::log2(row_sum[i]);
        for j in 0..cols {
            let v = t[i * cols + j];
            if v <= 0.0 {
                continue;
            }
            let p = v / total;
            let log_v = libm::log2(v);
            h -= p * (log_v - log_total);
            let term = p * (log_v + log_total - log_row - log_col[j]);
            ami += term;
            let asc = total * term;
            if i == n {
                a_in += asc;
            } else if j == n {
                a_exp += asc;
            } else if j == n + 1 {
                a_dis += asc;
            } else {
                a_int += asc;
            }
        }
    }
    let capacity = total * h;
    let ascendency = total * ami;
    let ratio = ascendency / capacity;
    InformationIndices {
        h,
        ami,
        hr: h - ami,
        capacity,
        ascendency,
        overhead: capacity - ascendency,
        ascendency_ratio: ratio,
        overhead_ratio: 1.0 - ratio,
        robustness: -ratio * libm::log(ratio),
        ascendency_input: a_in,
        ascendency_internal: a_int,
        ascendency_export: a_exp,
        ascendency_dissipation: a_dis,
    }
}
