//! A synthetic firm network like the Python comparison's (`bindings-python/benches/compare.py`):
//! `accounts` firms, ten flows each to random firms, 20–60 % of each firm's outlays leaving
//! the region and 0–20 % paid as local incomes. Deterministic xorshift draws, so that runs
//! compare. Shared by `benches/core.rs` and `examples/sparse_timing.rs`.

use localecon::sparse::SparseNetwork;

/// The network of `accounts` firms.
pub fn firm_network(accounts: usize) -> SparseNetwork {
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
    // 20–60 % of each account's outlays leave the region, 0–20 % are local incomes (wages,
    // profits), the rest are the local purchases drawn above
    let leak_share: Vec<f64> = (0..accounts).map(|_| 0.2 + 0.4 * draw()).collect();
    let outlays: Vec<f64> = local
        .iter()
        .zip(&leak_share)
        .map(|(l, s)| l.max(1.0) / (1.0 - s - 0.2 * draw()))
        .collect();
    let leaked: Vec<f64> = outlays
        .iter()
        .zip(&leak_share)
        .map(|(x, s)| s * x)
        .collect();
    let retained: Vec<f64> = (0..accounts)
        .map(|j| outlays[j] - local[j] - leaked[j])
        .collect();
    SparseNetwork::new(accounts, &payer, &payee, &amount, &leaked, &retained)
        .expect("a valid synthetic network")
}
