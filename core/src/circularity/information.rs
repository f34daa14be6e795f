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
    /// `A/C`, the degree of order, in `[0, 1]` (a ratio that rounding puts a hair outside
    /// is clamped); 1 when the flow diversity `H` is at most [`SINGLE_FLOW_BITS`] (a system
    /// of one flow, whose capacity is 0).
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

/// The flow diversity `H`, in bits, at or below which a system counts as one flow: its
/// `A/C` is 1 (all order, no redundancy, the limit as the flows concentrate on one link)
/// rather than `0/0`.
pub const SINGLE_FLOW_BITS: f64 = 1e-12;

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
    // The extended matrix T: rows 0..n the nodes and row n the boundary input; columns 0..n
    // the nodes, column n exports and column n + 1 dissipation. With one logarithm per flow,
    // log₂(v·T.. / (Tᵢ.·T.ⱼ)) = log₂ v + log₂ T.. − log₂ Tᵢ. − log₂ T.ⱼ, so that each part of
    // the ascendency is Σ v·log₂ v + log₂ T..·Σ v − Σᵢ log₂ Tᵢ.·(its row's part) − Σⱼ log₂
    // T.ⱼ·(its column's part): sums that vectorise, without forming T.
    let n = s.n();
    let (flows, inputs, exports, dissipation) =
        (s.flows(), s.inputs(), s.exports(), s.dissipation());
    let mut logs = vec![0.0; n * n];
    log2_all(flows, &mut logs);
    // row and column sums of the flows, and Σ v·log₂ v over them
    let mut flow_col = vec![0.0; n];
    let mut flow_row = vec![0.0; n];
    let mut vlogv_int = 0.0;
    for (i, (row, log_row)) in flows
        .chunks_exact(n.max(1))
        .zip(logs.chunks_exact(n.max(1)))
        .enumerate()
    {
        let (mut sum, mut vlogv) = (0.0, 0.0);
        for ((c, v), l) in flow_col.iter_mut().zip(row).zip(log_row) {
            *c += v;
            sum += v;
            vlogv += v * l;
        }
        flow_row[i] = sum;
        vlogv_int += vlogv;
    }
    let row_sum: Vec<f64> = (0..n)
        .map(|i| flow_row[i] + exports[i] + dissipation[i])
        .chain(std::iter::once(inputs.iter().sum::<f64>()))
        .collect();
    let col_sum: Vec<f64> = (0..n)
        .map(|j| flow_col[j] + inputs[j])
        .chain([exports.iter().sum::<f64>(), dissipation.iter().sum::<f64>()])
        .collect();
    let total: f64 = row_sum.iter().sum();
    let log_total = log2(total);
    let log_row: Vec<f64> = row_sum.iter().map(|&r| log2(r)).collect();
    let log_col: Vec<f64> = col_sum.iter().map(|&c| log2(c)).collect();
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    let vlogv = |v: &[f64]| v.iter().map(|&x| x * log2(x)).sum::<f64>();
    let internal: f64 = flow_row.iter().sum();
    let a_int = vlogv_int + log_total * internal
        - dot(&log_row[..n], &flow_row)
        - dot(&log_col[..n], &flow_col);
    let (vlogv_in, vlogv_exp, vlogv_dis) = (vlogv(inputs), vlogv(exports), vlogv(dissipation));
    let a_in = vlogv_in + (log_total - log_row[n]) * row_sum[n] - dot(&log_col[..n], inputs);
    let a_exp = vlogv_exp + (log_total - log_col[n]) * col_sum[n] - dot(&log_row[..n], exports);
    let a_dis =
        vlogv_dis + (log_total - log_col[n + 1]) * col_sum[n + 1] - dot(&log_row[..n], dissipation);
    let ascendency = a_in + a_int + a_exp + a_dis;
    // H = −Σ p·log₂ p = log₂ T.. − Σ v·log₂ v / T..
    let capacity = total * log_total - (vlogv_int + vlogv_in + vlogv_exp + vlogv_dis);
    let h = capacity / total;
    let ami = ascendency / total;
    // a diversity of (almost) no bits is one flow: all order, no redundancy (A/C → 1), where
    // A/C itself would be 0/0 or rounding over zero (found by fuzzing a table of one sector
    // with households holding 1e-305)
    // A ≤ C, and A ≥ 0 as a mutual information; in a near-degenerate system rounding can
    // put A a hair below 0 (−9e-19, found by fuzzing), where ln(A/C) would be NaN
    let ratio = if h > SINGLE_FLOW_BITS {
        (ascendency / capacity).clamp(0.0, 1.0)
    } else {
        1.0
    };
    InformationIndices {
        h,
        ami,
        hr: h - ami,
        capacity,
        ascendency,
        overhead: capacity - ascendency,
        ascendency_ratio: ratio,
        overhead_ratio: 1.0 - ratio,
        // 0 at A/C = 1 (one flow: not −1·ln 1 = −0) and at A/C = 0 (the limit of −r·ln r,
        // where 0·ln 0 would be NaN)
        robustness: if ratio == 1.0 || ratio == 0.0 {
            0.0
        } else {
            -ratio * libm::log(ratio)
        },
        ascendency_input: a_in,
        ascendency_internal: a_int,
        ascendency_export: a_exp,
        ascendency_dissipation: a_dis,
    }
}

/// `√2`: mantissas above it are halved, so that `1 + f` lies in `[√2/2, √2)`.
const SQRT_2: f64 = std::f64::consts::SQRT_2;

/// fdlibm's polynomial for `log(1 + f)` (`e_log.c`, Sun Microsystems 1993): `R(z) ≈ Lg1·z +
/// … + Lg7·z⁷` with `z = s²`, `s = f/(2 + f)`, error below 2⁻⁵⁸·⁴⁵.
const LG: [f64; 7] = [
    6.666_666_666_666_735e-1,
    3.999_999_999_940_942e-1,
    2.857_142_874_366_239e-1,
    2.222_219_843_214_978_4e-1,
    1.818_357_216_161_805e-1,
    1.531_383_769_920_937_3e-1,
    1.479_819_860_511_658_6e-1,
];

/// `log₂ x` for a positive normal `x`, without branches: `x = 2ᵏ·(1 + f)` with `1 + f` in
/// `[√2/2, √2)`, `log(1 + f)` by fdlibm's kernel, `log₂ x = k + log(1 + f)/ln 2`. Only
/// `+ − × ÷` and bit operations (no fused multiply-add), so every platform, WebAssembly
/// included, gives the same bits; within 2 ulp of `libm::log2` (a test).
#[inline(always)]
fn log2_normal(x: f64) -> f64 {
    let bits = x.to_bits();
    // the biased exponent as a float: 2⁵² + e − 2⁵², exact
    let e = f64::from_bits(0x4330_0000_0000_0000 | (bits >> 52)) - 4_503_599_627_370_496.0;
    let m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    let big = m > SQRT_2;
    let m = if big { m * 0.5 } else { m };
    let k = e - 1023.0 + if big { 1.0 } else { 0.0 };
    let f = m - 1.0;
    let s = f / (2.0 + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * (LG[1] + w * (LG[3] + w * LG[5]));
    let t2 = z * (LG[0] + w * (LG[2] + w * (LG[4] + w * LG[6])));
    let hfsq = 0.5 * f * f;
    let ln = f - (hfsq - s * (hfsq + t1 + t2));
    k + ln * std::f64::consts::LOG2_E
}

/// `log₂ x` for `x > 0` (subnormals by `libm`), `0` otherwise.
fn log2(x: f64) -> f64 {
    if (f64::MIN_POSITIVE..f64::INFINITY).contains(&x) {
        log2_normal(x)
    } else if x > 0.0 {
        libm::log2(x)
    } else {
        0.0
    }
}

/// [`log2`] of every value, in a loop the compiler vectorises for the machine's SIMD level
/// (`pulp`'s run-time dispatch); the rare subnormal or infinite values are redone one by one.
fn log2_all(values: &[f64], out: &mut [f64]) {
    struct Op<'a>(&'a [f64], &'a mut [f64]);
    impl pulp::WithSimd for Op<'_> {
        type Output = bool;
        #[inline(always)]
        fn with_simd<S: pulp::Simd>(self, _: S) -> bool {
            let mut rare = false;
            for (o, &v) in self.1.iter_mut().zip(self.0) {
                let normal = (f64::MIN_POSITIVE..f64::INFINITY).contains(&v);
                rare |= !normal & (v > 0.0);
                *o = if normal { log2_normal(v) } else { 0.0 };
            }
            rare
        }
    }
    if pulp::Arch::new().dispatch(Op(values, out)) {
        for (o, &v) in out.iter_mut().zip(values) {
            *o = log2(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{information_indices, log2, log2_all};
    use crate::circularity::{Balance, FlowSystem};

    /// Found by fuzzing: one sector buying 464 from itself, its households holding 1e-305.
    /// The capacity rounds to 0 and `A/C` was `∞` (robustness `−∞`); a lone self-loop gives
    /// `0/0`. Both are one flow: `A/C = 1`, robustness 0.
    #[test]
    fn a_system_of_one_flow_is_all_order() {
        let tiny = 1e-305;
        let near_one = FlowSystem::new(
            vec!["s0".into(), "households".into()],
            vec![464.0, tiny, tiny, 0.0],
            vec![tiny, 0.0],
            vec![tiny, 0.0],
            vec![0.0, 0.0],
            Balance::default(),
        )
        .unwrap();
        let lone = FlowSystem::new(
            vec!["s0".into()],
            vec![464.0],
            vec![0.0],
            vec![0.0],
            vec![0.0],
            Balance::default(),
        );
        for s in std::iter::once(near_one).chain(lone) {
            let i = information_indices(&s);
            assert!(i.h <= super::SINGLE_FLOW_BITS, "{i:?}");
            assert_eq!(
                (i.ascendency_ratio, i.overhead_ratio, i.robustness),
                (1.0, 0.0, 0.0),
                "{i:?}"
            );
            // a plain 0, not −0 (which prints as "-0.0" in Python and JavaScript)
            assert!(i.robustness.is_sign_positive(), "{i:?}");
        }
    }

    /// Distance in units in the last place.
    fn ulps(a: f64, b: f64) -> u64 {
        let (a, b) = (a.to_bits() as i64, b.to_bits() as i64);
        a.abs_diff(b)
    }

    #[test]
    fn log2_is_within_two_ulp_of_libm_over_the_whole_range() {
        let mut r: u64 = 7;
        let mut worst = 0;
        for k in 0..200_000 {
            r = r
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            // every exponent of the normal range, mantissas at random; and values near 1
            let x = if k % 4 == 0 {
                1.0 + ((r >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 1e-3
            } else {
                f64::from_bits((r >> 1) % 0x7fe0_0000_0000_0000 + 0x0010_0000_0000_0000)
            };
            let (ours, reference) = (log2(x), libm::log2(x));
            // near 1 the result is tiny: compare in absolute terms there
            if (x - 1.0).abs() < 1e-2 {
                assert!(
                    (ours - reference).abs() <= 4.0 * f64::EPSILON * reference.abs() + 1e-300,
                    "{x}"
                );
            } else {
                worst = worst.max(ulps(ours, reference));
            }
        }
        assert!(worst <= 2, "{worst} ulp");
    }

    #[test]
    fn log2_is_exact_on_powers_of_two_and_handles_the_edges() {
        for k in -1022..1024 {
            assert_eq!(log2(2f64.powi(k)), f64::from(k));
        }
        assert_eq!(log2(1.0), 0.0);
        assert_eq!(log2(0.0), 0.0);
        assert_eq!(log2(-3.0), 0.0);
        assert_eq!(log2(f64::NAN), 0.0);
        let sub = f64::MIN_POSITIVE / 8.0;
        assert_eq!(log2(sub), libm::log2(sub));
        let values = [4.0, 0.0, sub, 3.5, -1.0, f64::INFINITY];
        let mut out = [9.0; 6];
        log2_all(&values, &mut out);
        let expected: Vec<f64> = values.iter().map(|&v| log2(v)).collect();
        assert_eq!(out.to_vec(), expected);
    }
}
