//! Times `SparseNetwork::analyse` on a synthetic firm network like the benchmarks' (a
//! development aid): `cargo run --release --example sparse_timing -- 1000000`.
use std::time::Instant;

use localecon::sparse::SparseNetwork;

fn main() {
    let accounts: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut draw = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let m = accounts * 10;
    let payer: Vec<u32> = (0..m).map(|_| (draw() * accounts as f64) as u32).collect();
    let payee: Vec<u32> = (0..m).map(|_| (draw() * accounts as f64) as u32).collect();
    let amount: Vec<f64> = (0..m).map(|_| 1.0 + 9.0 * draw()).collect();
    let mut local = vec![0.0; accounts];
    for (p, a) in payer.iter().zip(&amount) {
        local[*p as usize] += a;
    }
    let outlays: Vec<f64> = local
        .iter()
        .map(|l: &f64| l.max(1.0) / (0.8 - 0.4 * draw()))
        .collect();
    let leaked: Vec<f64> = outlays
        .iter()
        .zip(&local)
        .map(|(x, l)| 0.7 * (x - l))
        .collect();
    let retained: Vec<f64> = (0..accounts)
        .map(|j| outlays[j] - local[j] - leaked[j])
        .collect();
    let t = Instant::now();
    let net = SparseNetwork::new(accounts, &payer, &payee, &amount, &leaked, &retained).unwrap();
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
    }
}
