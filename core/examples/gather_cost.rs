//! What one random read of a vector costs, by the vector's size and the number of threads
//! (a development aid for the sparse solver, whose mat-vec is 10⁷ such reads at 10⁶
//! accounts): `cargo run --release --example gather_cost`.
//!
//! The cost jumps where the vector stops fitting the part of the last-level cache this
//! machine really gets, which on a shared virtual machine can be far below what `lscpu`
//! reports; the mat-vec cannot be faster than its reads, whatever the storage format.
use std::time::Instant;

fn main() {
    let reads = 10_000_000usize;
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut draw = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    println!("vector   1 thread   2 threads   (ns per random read, best of five)");
    for mib in [2usize, 4, 6, 8, 12, 16, 32] {
        let n = mib << 17; // MiB of f64
        let y: Vec<f64> = (0..n).map(|k| k as f64).collect();
        let index: Vec<u32> = (0..reads).map(|_| (draw() % n as u64) as u32).collect();
        let mut line = format!("{mib:3} MiB");
        for threads in [1usize, 2] {
            let mut best = f64::MAX;
            for _ in 0..5 {
                let t = Instant::now();
                std::thread::scope(|scope| {
                    for part in index.chunks(reads / threads) {
                        let y = &y;
                        scope.spawn(move || {
                            let mut sums = [0.0f64; 4];
                            for (k, i) in part.iter().enumerate() {
                                sums[k % 4] += y[*i as usize];
                            }
                            std::hint::black_box(sums);
                        });
                    }
                });
                best = best.min(t.elapsed().as_secs_f64());
            }
            line += &format!("   {:8.2}", best * 1e9 / reads as f64);
        }
        println!("{line}");
    }
}
