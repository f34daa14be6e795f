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

/// The library's validation (the embedded UK table at sections, the embedded BRES file) is
/// the conformance crate's (the 105-industry ONS table of the fixtures, summed here), to
/// rounding: the two routes sum the same numbers in different orders.
#[test]
fn the_library_validation_is_the_one_recomputed_from_the_105_industry_table() {
    let core = localecon::datasets::Sources::embedded()
        .regionalisation_validation()
        .unwrap();
    let ours = errors();
    assert_eq!(core.methods.len(), ours.len());
    for (c, o) in core.methods.iter().zip(&ours) {
        assert_eq!(c.label, o.method);
        assert!(
            (c.bias - o.bias).abs() < 1e-9,
            "{}: {} vs {}",
            c.label,
            c.bias,
            o.bias
        );
        assert!(
            (c.mean_absolute_error - o.mean_abs).abs() < 1e-9,
            "{}",
            c.label
        );
        assert!(
            (c.worst_absolute_error - o.worst_abs).abs() < 1e-9,
            "{}",
            c.label
        );
        assert_eq!(c.worst_section, o.worst_section);
    }
    assert_eq!(core.markdown(), markdown_table());
    assert_eq!(core.sections.len(), 20);
    let flq = core.get("FLQ δ=0.3").unwrap();
    assert_eq!(flq.multipliers.len(), 20);
    assert!(core.get("FLQ δ=0.5").is_err());
}

#[test]
fn flq_beats_slq_and_the_national_table() {
    let e = errors();
    let get = |m: &str| e.iter().find(|x| x.method == m).unwrap().mean_abs;
    assert!(get("FLQ δ=0.3") < get("SLQ") / 2.0);
    assert!(get("SLQ") < get("UK table, not regionalised"));
}

#[test]
fn the_council_validation_page_shows_what_the_code_computes() {
    use localecon::datasets::{CommutingCheck, Sources};
    use localecon::regionalize::LqMethod;
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/src/council-validation.md"
    ))
    .unwrap();
    let sources = Sources::embedded();
    let gva = sources.gva_validation(LqMethod::Flq, 0.3).unwrap();
    let commuting = sources.commuting_cross_check().unwrap();
    for (what, table) in [
        ("GVA", gva.markdown()),
        ("sections", gva.sections_markdown(&["TLM82", "TLM75"])),
        ("commuting", CommutingCheck::markdown(&commuting)),
    ] {
        assert!(
            page.contains(&table),
            "the {what} table differs: rerun `cargo run --release --example report -- --validation scotland-2019` and update docs/src/council-validation.md"
        );
    }
    // the numbers the prose quotes
    let row = |code: &str| gva.areas.iter().find(|a| a.itl3 == code).unwrap();
    assert_eq!(format!("{:.1}", 100.0 * (row("TLM82").ratio - 1.0)), "8.8");
    assert_eq!(format!("{:.1}", 100.0 * (1.0 - row("TLM75").ratio)), "16.4");
    assert_eq!(format!("{:.1}", 100.0 * gva.mean_absolute_error), "7.1");
    assert!(
        page.contains("overstates Glasgow's GVA by 8.8 %")
            && page.contains("understates Edinburgh's by 16.4 %")
    );
}

#[test]
fn the_australia_page_shows_the_eiat_comparison() {
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/src/australia.md"
    ))
    .unwrap();
    let table = localecon_conformance::eiat::markdown_table().unwrap();
    assert!(
        page.contains(&table),
        "rerun `cargo run -p localecon-conformance --example compare_eiat` and update docs/src/australia.md"
    );
    // the prose's claims about the table
    let c = localecon_conformance::eiat::comparison().unwrap();
    for row in &c {
        assert!(row.eiat_local_share < row.slq_local_share, "{}", row.lga);
        assert!(row.flq_local_share < row.eiat_local_share, "{}", row.lga);
    }
    let adelaide = &c[0];
    assert_eq!(
        format!(
            "{:.0}",
            100.0 * (adelaide.output / adelaide.eiat_output - 1.0)
        ),
        "21"
    );
}
