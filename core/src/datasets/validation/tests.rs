use super::*;
use crate::datasets::Sources;

#[test]
fn nineteen_areas_cover_the_32_councils_and_the_census_ratios_are_published() {
    let s = Sources::embedded();
    let areas = s.itl3_areas().unwrap();
    assert_eq!(areas.len(), 19);
    let checks = s.commuting_cross_check().unwrap();
    // the census and ONS columns of the shared data's derived file (SOURCE.md)
    let glasgow = checks.iter().find(|c| c.itl3 == "TLM82").unwrap();
    assert_eq!(format!("{:.3}", glasgow.census_net_ratio), "0.690");
    assert_eq!(glasgow.coe_ratio, Some(0.704));
    let edinburgh = checks.iter().find(|c| c.itl3 == "TLM75").unwrap();
    assert_eq!(format!("{:.3}", edinburgh.census_net_ratio), "0.775");
    assert!(checks.iter().filter(|c| c.coe_ratio.is_some()).count() == 18);
    // home and no-fixed-place workers count as residents: the alternative share is higher
    for c in &checks {
        assert!(
            c.resident_share_of_workplace_population > c.resident_share,
            "{}",
            c.name
        );
    }
}

#[test]
fn gva_is_the_same_under_every_method_and_delta() {
    let s = Sources::embedded();
    let flq = s.gva_validation(LqMethod::Flq, 0.3).unwrap();
    for (m, d) in [
        (LqMethod::Slq, 0.0),
        (LqMethod::Cilq, 0.0),
        (LqMethod::Flq, 0.1),
        (LqMethod::Aflq, 0.5),
    ] {
        let other = s.gva_validation(m, d).unwrap();
        for (a, b) in flq.areas.iter().zip(&other.areas) {
            assert_eq!(a.regionalised_gva, b.regionalised_gva, "{} {m:?}", a.name);
        }
    }
    // ONS shares add to one; the regionalised ones to about the councils' share of
    // Scotland's jobs: Nomis rounds council counts, which sum to 2,593,575 of 2,601,890
    let ons: f64 = flq.areas.iter().map(|a| a.ons_share).sum();
    let mine: f64 = flq.areas.iter().map(|a| a.regionalised_share).sum();
    assert!((ons - 1.0).abs() < 1e-12, "{ons}");
    assert!((mine - 2_593_575.0 / 2_601_890.0).abs() < 1e-3, "{mine}");
}

#[test]
fn a_broken_area_file_is_a_typed_error() {
    let mut s = Sources::embedded();
    s.ons_scotland_itl3 = s.ons_scotland_itl3.replacen(";Aberdeenshire", "", 1);
    let e = s.itl3_areas().unwrap_err();
    assert_eq!(e.code(), "inconsistent", "{e}");
    let mut s = Sources::embedded();
    s.ons_scotland_itl3 = s.ons_scotland_itl3.replacen(",16884,", ",16000,", 1);
    let e = s.itl3_areas().unwrap_err();
    assert!(e.to_string().contains("16000"), "{e}");
}
