//! Every fixture, every check, from Rust.

use localecon_conformance::{fixture_quantity, load_fixtures, mismatches};

#[test]
fn every_fixture_reproduces_its_expected_values() {
    let fixtures = load_fixtures();
    assert!(fixtures.len() >= 9, "fixtures missing");
    let mut failures = Vec::new();
    let mut checked = 0;
    for fx in &fixtures {
        for check in &fx.checks {
            let got = fixture_quantity(fx, &check.quantity)
                .unwrap_or_else(|e| panic!("{} {}: {e}", fx.name, check.quantity));
            for m in mismatches(check, &got) {
                failures.push(format!("{}: {m}", fx.name));
            }
            checked += check.expected.len();
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 1000, "only {checked} values checked");
}

#[test]
fn scotland_checks_cover_all_98_industries_and_both_types() {
    let fx = load_fixtures()
        .into_iter()
        .find(|f| f.name == "scotland_2019")
        .unwrap();
    for q in [
        "output_multiplier_type_i",
        "output_multiplier_type_ii",
        "income_effect_type_ii",
        "gva_effect_type_i",
    ] {
        let c = fx.checks.iter().find(|c| c.quantity == q).unwrap();
        assert_eq!(c.expected.len(), 98);
        assert_eq!(c.trust, "published");
    }
}
