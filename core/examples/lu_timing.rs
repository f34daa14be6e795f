//! Times the pieces of the dense path at one size (a development aid):
//! `cargo run --release --example lu_timing -- 2000`.
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let mut a = vec![0.0; n * n];
    let mut state = 1u64;
    for v in a.iter_mut() {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
        *v = ((state >> 11) as f64 / (1u64 << 53) as f64) * 0.5 / n as f64;
    }
    parts(n, &a);
    let t = Instant::now();
    let model = localecon::LeontiefModel::from_coefficients(n, a.clone()).unwrap();
    println!(
        "from_coefficients (copy + LU): {:.3} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let m = model.output_multipliers();
    println!(
        "one transposed solve: {:.4} s ({})",
        t.elapsed().as_secs_f64(),
        m[0]
    );
    let t = Instant::now();
    let _ = model.leontief_inverse();
    println!("inverse: {:.3} s", t.elapsed().as_secs_f64());
}

fn parts(n: usize, a: &[f64]) {
    use faer::Mat;
    let t = Instant::now();
    let m = Mat::from_fn(n, n, |i, j| if i == j { 1.0 } else { 0.0 } - a[i * n + j]);
    println!(
        "  copy into column-major: {:.3} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let lu = m.partial_piv_lu();
    println!("  faer partial_piv_lu: {:.3} s", t.elapsed().as_secs_f64());
    drop(lu);
}
