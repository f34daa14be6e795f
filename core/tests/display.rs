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

#[test]
fn a_household_closure_that_cannot_be_formed_leaves_type_i() {
    // households would spend 700 of an income of 200 locally: no Type II, everything else
    let mut parts = datasets::miller_blair_2sector().into_parts();
    parts.final_demand[0].kind = localecon::FinalDemandKind::Households;
    parts.household_closure.household_income = Some(200.0);
    let t = RegionalTable::new(parts).unwrap();
    let m = Multipliers::new(&t).unwrap();
    assert!(m.output.type_ii.is_none());
    let why = m.type_ii_unavailable.as_deref().unwrap();
    assert!(
        why.contains("out_of_range") && why.contains("household"),
        "{why}"
    );
    assert!(m.warnings.iter().any(|w| w == why));
    // Type I as for the same table without a closure (Miller & Blair: 1.518 and 1.472)
    let open = Multipliers::new(&datasets::miller_blair_2sector()).unwrap();
    assert_eq!(m.output.type_i, open.output.type_i);
    assert_eq!(m.income.type_i, open.income.type_i);
    assert!(Leakage::new(&t).is_ok());
    let r = localecon::RegionReport::new(&t).unwrap();
    assert_eq!(r.type_ii_unavailable.as_deref(), Some(why));
    assert!(r.output_multiplier_type_ii.is_none());
    assert!(r.to_string().contains("Type II unavailable"));
    // asked for explicitly, the closed model still says what is wrong
    assert_eq!(
        localecon::ClosedLeakage::new(&t).unwrap_err().code(),
        "out_of_range"
    );
}

#[test]
fn a_table_without_primary_input_kinds_says_its_leakage_is_an_artefact() {
    let mut parts = datasets::miller_blair_2sector().into_parts();
    parts.primary_inputs[0].kind = localecon::PrimaryInputKind::Other;
    let t = RegionalTable::new(parts).unwrap();
    let leak = Leakage::new(&t).unwrap();
    assert!(leak.leakage.iter().all(|l| (l - 1.0).abs() < 1e-12)); // everything "leaks"
    let r = localecon::RegionReport::new(&t).unwrap();
    assert!(
        r.warnings
            .iter()
            .any(|w| w.starts_with("primary_input_kinds") && w.contains("artefact")),
        "{:?}",
        r.warnings
    );
    // with the kinds given, no such warning
    let r = localecon::RegionReport::new(&datasets::miller_blair_2sector()).unwrap();
    assert!(
        !r.warnings
            .iter()
            .any(|w| w.starts_with("primary_input_kinds"))
    );
}
