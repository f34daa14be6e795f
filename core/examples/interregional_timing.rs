//! Where the time of the 32-council decomposition goes, and how the sweeps compare with the
//! factored route (a development aid):
//! `RAYON_NUM_THREADS=1 cargo run --release --example interregional_timing`.
use std::time::Instant;

use localecon::InterregionalModel;
use localecon::datasets::Sources;

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let table = Sources::embedded().scotland_council_system_2019().unwrap();
    let n = table.n();
    let mut copy = f64::INFINITY;
    for _ in 0..5 {
        let t = Instant::now();
        let z = table.z().to_vec();
        copy = copy.min(ms(t));
        assert_eq!(z.len(), n * n);
    }
    println!("a copy of Z into a fresh vector (4 KiB page faults): best of 5 {copy:.1} ms");
    let mut build = f64::INFINITY;
    for _ in 0..5 {
        let parts = table.parts().clone();
        let t = Instant::now();
        let built = localecon::InterregionalTable::new(parts).unwrap();
        build = build.min(ms(t));
        assert_eq!(built.n(), n);
    }
    println!("InterregionalTable::new (validation of the parts): best of 5 {build:.1} ms");
    let mut best = [f64::INFINITY; 3];
    for _ in 0..5 {
        let t = Instant::now();
        let model = InterregionalModel::new(&table).unwrap();
        let t_new = ms(t);
        let t = Instant::now();
        let without = model.decomposition_without_round().unwrap();
        let t_without = ms(t);
        let t = Instant::now();
        let with = model.decomposition().unwrap();
        let t_with = ms(t);
        assert_eq!(with.total, without.total);
        let t = Instant::now();
        let whole = model.leontief().unwrap();
        let t_lu = ms(t);
        let total = whole.output_multipliers();
        let gap = total
            .iter()
            .zip(&with.total)
            .map(|(a, b)| ((a - b) / a).abs())
            .fold(0.0, f64::max);
        for (b, t) in best.iter_mut().zip([t_new, t_without, t_with]) {
            *b = b.min(t);
        }
        println!(
            "N = {n}: new {t_new:.1} ms, without Round {t_without:.1} ms, with Round {t_with:.1} ms, \
             LU (for comparison) {t_lu:.1} ms; largest relative gap of the totals {gap:.2e}"
        );
    }
    println!(
        "best of 5: new {:.1} ms, without Round {:.1} ms, with Round {:.1} ms",
        best[0], best[1], best[2]
    );
}
