//! The readable forms of results, and the types re-exported at the crate root.

use localecon::{
    LeakRankingOptions, Leakage, Multipliers, RegionalTable, Scenario, Sector, datasets,
};

#[test]
fn multipliers_and_leakage_print_one_line_per_sector() {
    let t: RegionalTable = datasets::scotland_2019();
    let m = Multipliers::new(&t).unwrap();
    let text = m.to_string();
    assert_eq!(text.lines().count(), 1 + t.n());
    // agriculture: published Type I 1.5008, Type II 1.6294, 12.481 FTE per £1m
    let agriculture = text.lines().nth(1).unwrap();
    assert!(agriculture.starts_with("01") && agriculture.contains("Agriculture"));
    assert!(
        agriculture.contains("1.5008")
            && agriculture.contains("1.6294")
            && agriculture.contains("12.481")
    );
    let leak = Leakage::new(&t).unwrap().to_string();
    assert_eq!(leak.lines().count(), 1 + t.n());
    assert!(
        leak.lines()
            .nth(1)
            .unwrap()
            .contains("imports_rest_of_country")
    );
}

#[test]
fn common_types_are_at_the_crate_root() {
    let s: Scenario = Scenario::default();
    assert!(s.changes.is_empty());
    let o = LeakRankingOptions::default();
    assert!((o.share - 0.1).abs() < 1e-15);
    let sector = Sector {
        code: "s1".into(),
        name: "one".into(),
    };
    assert_eq!(sector.code, "s1");
}
