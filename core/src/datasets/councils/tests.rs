use super::*;

#[test]
fn thirty_two_councils_with_kebab_names() {
    let s = Sources::embedded();
    let names = s.council_names().unwrap();
    assert_eq!(names.len(), 32);
    for name in [
        "scotland-council-2019:glasgow-city",
        "scotland-council-2019:city-of-edinburgh",
        "scotland-council-2019:na-h-eileanan-siar",
        "scotland-council-2019:perth-and-kinross",
    ] {
        assert!(names.iter().any(|n| n == name), "{name}");
    }
    let glasgow = s.council("Glasgow City").unwrap();
    assert_eq!(glasgow.code, "S12000049");
    // SOURCE.md: 51.3 % of Glasgow's fixed-workplace jobs held by in-commuters
    assert!((glasgow.in_commuter_share() - 0.513).abs() < 5e-4);
    assert!((glasgow.resident_share() + glasgow.in_commuter_share() - 1.0).abs() < 1e-12);
    let shetland = s.council("scotland-council-2019:shetland-islands").unwrap();
    assert!((shetland.in_commuter_share() - 0.048).abs() < 5e-4);
}

#[test]
fn an_unknown_council_lists_close_names() {
    let e = Sources::embedded().council("Glasgow").unwrap_err();
    assert_eq!(e.code(), "unknown_option");
    let message = e.to_string();
    assert!(
        message.contains("expected one of: scotland-council-2019:glasgow-city,"),
        "{message}"
    );
    let e = crate::datasets::by_name("scotland-council-2019:edinburgh").unwrap_err();
    assert!(e.to_string().contains("city-of-edinburgh"), "{e}");
}

#[test]
fn broken_commuting_counts_are_typed_errors() {
    let good = Sources::embedded();
    let broken = |from: &str, to: &str| {
        let mut s = good.clone();
        assert!(s.census_2011_council_commuting.contains(from));
        s.census_2011_council_commuting = s.census_2011_council_commuting.replacen(from, to, 1);
        s.council_2019("Clackmannanshire").unwrap_err().code()
    };
    // Clackmannanshire: 12,096 jobs = 8,333 residents + 3,718 + 45 in-commuters
    assert_eq!(broken("12096,8333", "12096,-8333"), "negative");
    assert_eq!(broken("12096,8333", "12096,9333"), "inconsistent");
    assert_eq!(broken("12096,8333", "12096,x"), "csv");
    assert_eq!(broken("12096,8333,3718,45", "0,0,0,0"), "inconsistent");
}

#[test]
fn local_surplus_shares_weigh_who_receives_the_surplus() {
    let s = Sources::embedded();
    let scotland = crate::datasets::scotland_2019();
    let shares = s
        .local_surplus_shares(&scotland, OUTSIDE_OWNED_PROFIT_SHARE)
        .unwrap();
    assert!(shares.iter().all(|v| (0.0..=1.0).contains(v)));
    let at = |code: &str| shares[scotland.sector_index(code).unwrap()];
    // real estate: rental income (mostly imputed rent) stays; finance: mostly profits
    assert!(at("68.2IMP") > 0.99, "{}", at("68.2IMP"));
    let k = (689.0 + 17.0 + 0.449 * 5217.0) / (689.0 + 17.0 + 5217.0);
    assert!((at("64") - k).abs() < 1e-12, "{}", at("64"));
    assert_eq!(at("84"), 1.0); // public administration: capital consumption only
    assert_eq!(
        s.local_surplus_shares(&scotland, 1.5).unwrap_err().code(),
        "out_of_range"
    );
    let none = s.local_surplus_shares(&scotland, 0.0).unwrap();
    assert!(none.iter().all(|v| *v == 1.0));
}

#[test]
fn every_council_builds_and_states_its_assumptions() {
    let s = Sources::embedded();
    let scotland = s.scotland_2019().unwrap();
    let scotland_output: f64 = scotland.output().iter().sum();
    let mut output = 0.0;
    for name in s.council_names().unwrap() {
        let t = s.council_2019(&name).unwrap();
        let source = t.source().unwrap();
        assert!(source.contains("ASSUMPTIONS: commuting"), "{name}");
        assert!(source.contains("2011 Census"), "{name}");
        let c = s.council(&name).unwrap();
        assert_eq!(
            t.retention().compensation,
            Share::Uniform(c.resident_share())
        );
        output += t.output().iter().sum::<f64>();
    }
    // the councils' outputs add up to Scotland's within the rounding of BRES (±1 %)
    assert!(
        (output / scotland_output - 1.0).abs() < 0.01,
        "{output} vs {scotland_output}"
    );
    assert_eq!(
        crate::datasets::by_name("scotland-council-2019:glasgow-city").unwrap(),
        crate::datasets::glasgow_2019()
    );
}

mod atlas_tests {
    use super::*;

    /// The atlas's rows are the single reports' headlines, to the last bit, in alphabetical order.
    #[test]
    fn the_atlas_is_the_single_reports() {
        let s = Sources::embedded();
        let atlas = s.scotland_council_atlas().unwrap();
        assert_eq!(atlas.rows.len(), 32);
        assert_eq!(atlas.rows[0].region, "Aberdeen City 2019");
        for name in [
            "scotland-council-2019:glasgow-city",
            "scotland-council-2019:shetland-islands",
        ] {
            let single = AtlasRow::new(name, &s.council_2019(name).unwrap()).unwrap();
            assert_eq!(atlas.row(name), Some(&single));
        }
        let glasgow = atlas.row("Glasgow City 2019").unwrap();
        assert!((glasgow.resident_compensation_share.unwrap() - 0.4866).abs() < 1e-4);
        // every pound of final demand either stays as local income or leaks
        for r in &atlas.rows {
            let channels: f64 = r.leakage_by_channel.iter().map(|c| c.share).sum();
            assert!((channels - r.leakage_share).abs() < 1e-9, "{}", r.region);
            assert!(
                (r.leakage_share + r.retention_share - 1.0).abs() < 1e-9,
                "{}",
                r.region
            );
        }
        let text = atlas.to_string();
        assert_eq!(text.lines().count(), 33);
        println!("{text}");
    }
}

#[test]
fn employment_the_concordance_cannot_place_is_named_with_its_amount() {
    let mut s = Sources::embedded();
    s.bres_2019_council_division = s.bres_2019_council_division.replacen("\n01,", "\n00,", 1);
    let e = s.council_2019("Highland").unwrap_err();
    assert_eq!(e.code(), "missing_data", "{e}");
    assert!(
        e.to_string()
            .contains("11000 jobs in SIC division of Highland 00"),
        "{e}"
    );
    let mut s = Sources::embedded();
    s.sic2007_to_ioc098 = s.sic2007_to_ioc098.replacen("47110,", "47119,", 1);
    let e = s.council_2019("Fife").unwrap_err();
    assert!(
        e.to_string()
            .contains("in SIC subclass 47110 map to no industry"),
        "{e}"
    );
}
