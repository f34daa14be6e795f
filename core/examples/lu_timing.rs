//! Measures where two threads start to pay for the dense engine — the evidence behind
//! `linalg::PARALLEL_MIN_N` and `PARALLEL_INVERSE_MIN_N` (a development aid):
//! `cargo run --release --example lu_timing -- 400 480 768 1000 2000`.
//! For each n: faer's in-place LU and the inverse from it, best of 15, on one thread and on
//! two (`Par::rayon(2)`), on a well-conditioned `I − A` like a table's; and, up to
//! `linalg::PORTABLE_MAX_N`, the portable kernels localecon uses there (`DenseLu`: the same
//! bits on every platform), for the LU and the inverse; from `linalg::PANELS_MIN_N`, the LU
//! localecon does there (`DenseLu::factor`: the same algorithm in panels, interruptible) and
//! its inverse (`DenseLu::inverse`: solves in blocks of columns, interruptible); above
//! `linalg::EIGENVALUES_MAX_N`, `λ₁` of a 0/1 pattern by `linalg::perron_value`, and with
//! `--eigenvalues` from all the eigenvalues too (`-- 4500 --eigenvalues`: the figures of
//! `circularity::structure`).
use std::time::Instant;

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::lu::partial_pivoting::{factor, inverse};
use faer::{Mat, Par};

fn best_of(runs: usize, mut f: impl FnMut() -> f64) -> f64 {
    (0..runs).map(|_| f()).fold(f64::INFINITY, f64::min)
}

fn time(n: usize, a: &Mat<f64>, par: Par) -> (f64, f64) {
    let mut inv_ms = f64::INFINITY;
    let lu_ms = best_of(15, || {
        let mut m = a.clone();
        let (mut perm, mut perm_inv) = (vec![0usize; n], vec![0usize; n]);
        let t = Instant::now();
        let mut buf = MemBuffer::new(factor::lu_in_place_scratch::<usize, f64>(
            n,
            n,
            par,
            Default::default(),
        ));
        factor::lu_in_place(
            m.as_mut(),
            &mut perm,
            &mut perm_inv,
            par,
            MemStack::new(&mut buf),
            Default::default(),
        );
        let lu = 1e3 * t.elapsed().as_secs_f64();
        let t = Instant::now();
        let mut out = Mat::<f64>::zeros(n, n);
        let mut buf = MemBuffer::new(inverse::inverse_scratch::<usize, f64>(n, par));
        let p = faer::perm::PermRef::new_checked(&perm, &perm_inv, n);
        inverse::inverse(
            out.as_mut(),
            m.as_ref(),
            m.as_ref(),
            p,
            par,
            MemStack::new(&mut buf),
        );
        inv_ms = inv_ms.min(1e3 * t.elapsed().as_secs_f64());
        lu
    });
    (lu_ms, inv_ms)
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|s| s.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![400, 480, 768, 1000, 2000]
    } else {
        sizes
    };
    let mut state = 1u64;
    for n in sizes {
        let a = Mat::from_fn(n, n, |i, j| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let r = (state >> 11) as f64 / (1u64 << 53) as f64;
            f64::from(u8::from(i == j)) - 0.5 * r / n as f64
        });
        let (lu1, inv1) = time(n, &a, Par::Seq);
        let (lu2, inv2) = time(n, &a, Par::rayon(2));
        println!(
            "n = {n}: LU {lu1:.2} | {lu2:.2} ms, inverse {inv1:.2} | {inv2:.2} ms (one | two threads)"
        );
        let (panels, portable) = (
            n >= localecon::linalg::PANELS_MIN_N,
            n <= localecon::linalg::PORTABLE_MAX_N,
        );
        if panels || portable {
            // what localecon does at this size (DenseLu: from PANELS_MIN_N the LU in panels and
            // the inverse in blocks of columns, with a check for Ctrl-C between them; up to
            // PORTABLE_MAX_N the portable kernels); the LU's time includes DenseLu's copy
            let m: Vec<f64> = (0..n * n).map(|k| a[(k / n, k % n)]).collect();
            let (mut inv_ms, mut diag_ms) = (f64::INFINITY, f64::INFINITY);
            let lu_ms = best_of(15, || {
                let t = Instant::now();
                let lu = localecon::linalg::DenseLu::factor(n, &m, "timing").unwrap();
                let ms = 1e3 * t.elapsed().as_secs_f64();
                let t = Instant::now();
                std::hint::black_box(lu.inverse().unwrap());
                inv_ms = inv_ms.min(1e3 * t.elapsed().as_secs_f64());
                let t = Instant::now();
                std::hint::black_box(lu.inverse_diagonal());
                diag_ms = diag_ms.min(1e3 * t.elapsed().as_secs_f64());
                ms
            });
            let kind = if panels {
                "in panels (DenseLu, interruptible; the machine's threads)"
            } else {
                "portable kernels (one thread)"
            };
            println!(
                "        {kind}: LU {lu_ms:.2} ms, inverse {inv_ms:.2} ms, its diagonal {diag_ms:.2} ms"
            );
        }
        if n > localecon::linalg::EIGENVALUES_MAX_N {
            // λ₁ of a flow graph from here: the Perron root of a 0/1 pattern (half the links)
            // by the Collatz–Wielandt power iteration, against all the eigenvalues (seconds to
            // minutes: only with --eigenvalues)
            let pattern: Vec<f64> = (0..n * n)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    f64::from(u8::from(state % 2 == 0))
                })
                .collect();
            let t = Instant::now();
            let root = localecon::linalg::perron_value(n, &pattern).unwrap();
            let iteration = t.elapsed().as_secs_f64();
            print!(
                "        λ₁ of a 0/1 pattern: {root} by the power iteration in {iteration:.3} s"
            );
            if std::env::args().any(|a| a == "--eigenvalues") {
                let t = Instant::now();
                let all = localecon::linalg::spectral_radius(n, &pattern).unwrap();
                let e = t.elapsed().as_secs_f64();
                print!(", {all} from all the eigenvalues in {e:.3} s");
            }
            println!();
        }
    }
}
