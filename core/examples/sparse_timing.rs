//! Times `SparseNetwork::analyse` on a synthetic firm network like the benchmarks' (a
//! development aid): `cargo run --release --example sparse_timing -- 1000000`.
use std::time::Instant;

#[path = "../benches/support/firms.rs"]
mod support;

fn main() {
    let accounts: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let t = Instant::now();
    let net = support::firm_network(accounts);
    println!("build {:.3} s", t.elapsed().as_secs_f64());
    for _ in 0..3 {
        let t = Instant::now();
        let r = net.analyse(1e-10, 1000).unwrap();
        println!(
            "analyse {:.3} s ({} + {} iterations)",
            t.elapsed().as_secs_f64(),
            r.multipliers_convergence.iterations,
            r.leakage_convergence.iterations
        );
        let ones = vec![1.0; accounts];
        println!(
            "  residuals, reported and recomputed in f64: multipliers {:.1e} {:.1e}",
            r.multipliers_convergence.relative_residual,
            net.relative_residual(&r.output_multipliers, &ones).unwrap()
        );
    }
}
