//! Timing of the 32-council system's steps (a development aid, not a benchmark).
fn main() {
    let s = localecon::datasets::Sources::embedded();
    let t0 = std::time::Instant::now();
    let t = s.scotland_council_system_2019().unwrap();
    let t1 = t0.elapsed();
    let m = t.model().unwrap();
    let t2 = t0.elapsed();
    let _ = m.decomposition();
    let t3 = t0.elapsed();
    let _ = m.leontief().output_multipliers();
    let t4 = t0.elapsed();
    println!(
        "build {t1:?} model {:?} decomposition {:?} column sums {:?}",
        t2 - t1,
        t3 - t2,
        t4 - t3
    );
}
