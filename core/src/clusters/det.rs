//! Arithmetic that gives the same bits on every platform: only `+ − × ÷` and rounding, which
//! IEEE 754 fixes exactly (the platform's `exp` and `log2` may differ in the last bit between
//! a native build and WebAssembly, and one bit can change a random choice).

/// `eˣ` for `x ≤ 0`, to within 2 ulp, the same on every platform: `x = k·ln 2 + r` with
/// `|r| ≤ ln 2 / 2`, then a degree-13 Taylor polynomial of `eʳ` and the exact scaling `2ᵏ`.
/// Returns 0 below `−708` (where `eˣ` is subnormal).
#[must_use]
pub(crate) fn exp_nonpositive(x: f64) -> f64 {
    const LN2_HI: f64 = 6.931_471_803_691_238e-1;
    const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
    debug_assert!(x <= 0.0 || x.is_nan());
    if x.is_nan() || x < -708.0 {
        return 0.0;
    }
    let k = (x * std::f64::consts::LOG2_E).round();
    let r = (x - k * LN2_HI) - k * LN2_LO;
    let mut p = 1.0;
    for d in (1..=13).rev() {
        p = 1.0 + p * r / f64::from(d);
    }
    // 2ᵏ for k in [−1022, 0] from its bits
    let scale = f64::from_bits(((1023 + k as i64) as u64) << 52);
    p * scale
}

/// `x·log₂ x` (0 at 0) with a logarithm made of exact operations only: `x = m·2ᵉ`,
/// `m ∈ [√½, √2)`, `ln m = 2·atanh((m − 1)/(m + 1))` by its series to 1e-17.
#[must_use]
pub(crate) fn plogp(x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    x * log2(x)
}

/// `log₂ x` for finite `x > 0`, from exact operations only (see [`plogp`]).
#[must_use]
pub(crate) fn log2(x: f64) -> f64 {
    const LN2: f64 = std::f64::consts::LN_2;
    let bits = x.to_bits();
    let (mut m, mut e) = if bits >> 52 == 0 {
        // subnormal: normalise first
        let y = x * f64::from_bits(((1023 + 64) as u64) << 52);
        let b = y.to_bits();
        (
            f64::from_bits((b & ((1u64 << 52) - 1)) | (1023u64 << 52)),
            ((b >> 52) as i64) - 1023 - 64,
        )
    } else {
        (
            f64::from_bits((bits & ((1u64 << 52) - 1)) | (1023u64 << 52)),
            ((bits >> 52) as i64) - 1023,
        )
    };
    if m > std::f64::consts::SQRT_2 {
        m /= 2.0;
        e += 1;
    }
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    // atanh(s) = s + s³/3 + s⁵/5 + …, |s| ≤ 0.1716: 15 terms reach 1e-24
    let mut sum = 0.0;
    for k in (0..15).rev() {
        sum = sum * s2 + 1.0 / f64::from(2 * k + 1);
    }
    let ln_m = 2.0 * s * sum;
    e as f64 + ln_m / LN2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_and_log_agree_with_the_platform_to_a_few_ulp() {
        let mut x = -700.0;
        while x <= 0.0 {
            let (a, b) = (exp_nonpositive(x), x.exp());
            assert!(
                (a - b).abs() <= 4.0 * f64::EPSILON * b,
                "exp({x}): {a} vs {b}"
            );
            x += 0.37;
        }
        assert_eq!(exp_nonpositive(0.0), 1.0);
        assert_eq!(exp_nonpositive(-800.0), 0.0);
        for &v in &[
            1e-300, 1e-310, 0.001, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0, 1e10, 1e300,
        ] {
            let (a, b) = (log2(v), v.log2());
            assert!(
                (a - b).abs() <= 4.0 * f64::EPSILON * b.abs().max(1.0),
                "log2({v}): {a} vs {b}"
            );
        }
        assert_eq!(plogp(0.0), 0.0);
        assert_eq!(log2(8.0), 3.0);
    }
}
