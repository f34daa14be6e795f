//! The book's validation page shows what the code computes.

use localecon_conformance::validation::{errors, markdown_table};

#[test]
fn the_book_shows_the_computed_validation_table() {
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/src/regionalisation-validation.md"
    ))
    .unwrap();
    assert!(
        page.contains(&markdown_table()),
        "rerun `cargo run -p localecon-conformance --example validate_regionalisation` and update the page"
    );
}

#[test]
fn flq_beats_slq_and_the_national_table() {
    let e = errors();
    let get = |m: &str| e.iter().find(|x| x.method == m).unwrap().mean_abs;
    assert!(get("FLQ δ=0.3") < get("SLQ") / 2.0);
    assert!(get("SLQ") < get("UK table, not regionalised"));
}
