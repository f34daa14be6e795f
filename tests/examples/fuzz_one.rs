//! Runs one fuzz input file through a harness and prints the panic, if any:
//! `cargo run -p localecon-conformance --example fuzz_one -- inputs FILE...`.
fn main() {
    let mut args = std::env::args().skip(1);
    let harness: fn(&[u8]) = match args.next().as_deref() {
        Some("inputs") => localecon_conformance::fuzz_inputs::inputs,
        Some("read_json") => localecon_conformance::fuzzing::json,
        Some("read_csv") => localecon_conformance::fuzzing::csv,
        Some("table_builder") => localecon_conformance::fuzzing::builder,
        other => panic!("unknown harness {other:?}"),
    };
    for path in args {
        let data = std::fs::read(&path).expect("read");
        let ok = std::panic::catch_unwind(|| harness(&data)).is_ok();
        println!("{} {path}", if ok { "ok   " } else { "PANIC" });
    }
}
