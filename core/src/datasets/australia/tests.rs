use super::*;

#[test]
fn the_national_table_and_the_census_agree_in_shape() {
    let s = Sources::embedded();
    let au = s.australia_2021().unwrap();
    assert_eq!(au.n(), 19);
    assert_eq!(au.sectors()[0].code, "A");
    // total production as SOURCE.md states it (AUD million)
    let x: f64 = au.output().iter().sum();
    assert!((x - 4_280_906.0).abs() < 0.5, "{x}");
    let lgas = s.australia_lgas().unwrap();
    assert_eq!(lgas.len(), 556);
    let names = s.australia_lga_names().unwrap();
    assert!(names.len() < 556 && names.len() > 540, "{}", names.len());
    assert!(names.contains(&"australia-2021:Alice Springs".to_string()));
    for l in &lgas {
        for (w, r) in l.work.iter().zip(&l.live_and_work) {
            assert!(r <= w, "{}", l.lga);
        }
    }
}

#[test]
fn an_lga_table_with_its_commuters_per_industry() {
    let s = Sources::embedded();
    let alice = s
        .australia_lga_2021("australia-2021:Alice Springs")
        .unwrap();
    assert_eq!(alice.name(), "Alice Springs 2021-22");
    assert!(
        alice
            .source()
            .unwrap()
            .contains("ASSUMPTIONS: commuting: division by division")
    );
    // the census name alone, in any case, is the same table
    assert_eq!(s.australia_lga_2021("alice springs").unwrap(), alice);
    match &alice.retention().compensation {
        Share::PerSector(v) => {
            let lga = s.australia_lga("Alice Springs").unwrap();
            assert_eq!(v, &lga.resident_shares());
            assert!(v.iter().all(|x| (0.0..=1.0).contains(x)));
        }
        Share::Uniform(_) => panic!("per-industry resident shares expected"),
    }
    let report = crate::RegionReport::new(&alice).unwrap();
    let national = crate::RegionReport::new(&s.australia_2021().unwrap()).unwrap();
    assert!(report.output_multiplier_type_i < national.output_multiplier_type_i);
    assert!(
        report
            .leakage_by_channel
            .iter()
            .any(|c| c.channel == "non_resident_compensation" && c.share > 0.0)
    );
}

#[test]
fn unknown_and_empty_lgas_are_typed_errors() {
    let s = Sources::embedded();
    let e = s.australia_lga("Alice Spring").unwrap_err();
    assert_eq!(e.code(), "unknown_option");
    assert!(
        e.to_string().contains("australia-2021:Alice Springs"),
        "{e}"
    );
    let e = s
        .australia_lga_2021("Migratory - Offshore - Shipping (ACT)")
        .unwrap_err();
    assert_eq!(e.code(), "out_of_range", "{e}");
    // a broken file: more residents than jobs, a negative count, a missing measure
    let mut b = Sources::embedded();
    b.australia_2021_lga_employment = b.australia_2021_lga_employment.replacen(
        "Adelaide,South Australia,live_and_work,23,",
        "Adelaide,South Australia,live_and_work,2300,",
        1,
    );
    let e = b.australia_lgas().unwrap_err();
    assert_eq!(e.code(), "inconsistent");
    assert!(
        e.to_string()
            .contains("Adelaide has 2300 residents working in division 1 but only 216 jobs"),
        "{e}"
    );
    let mut b = Sources::embedded();
    b.australia_2021_lga_employment = b.australia_2021_lga_employment.replacen(
        "Adelaide,South Australia,work,216,",
        "Adelaide,South Australia,work,-216,",
        1,
    );
    assert_eq!(b.australia_lgas().unwrap_err().code(), "negative");
    let mut b = Sources::embedded();
    b.australia_2021_lga_employment = b.australia_2021_lga_employment.replacen(
        "Adelaide,South Australia,work,216,",
        "Adelaide,South Australia,work,,",
        1,
    );
    assert_eq!(b.australia_lgas().unwrap_err().code(), "csv");
}

#[test]
fn the_atlas_covers_every_lga_with_jobs() {
    let s = Sources::embedded();
    let atlas = s.australia_lga_atlas().unwrap();
    assert_eq!(atlas.rows.len(), s.australia_lga_names().unwrap().len());
    let hobart = atlas.row("australia-2021:Hobart").unwrap();
    let single = AtlasRow::new(
        "australia-2021:Hobart",
        &s.australia_lga_2021("Hobart").unwrap(),
    )
    .unwrap();
    assert_eq!(hobart, &single);
}

#[test]
fn the_115_industries_add_up_to_the_divisions() {
    let s = Sources::embedded();
    let detailed = s.australia_2021_115().unwrap();
    assert_eq!(detailed.n(), 115);
    let groups: Vec<String> = detailed
        .sectors()
        .iter()
        .map(|s| s.code[..1].to_string())
        .collect();
    let summed =
        crate::regionalize::aggregate(&detailed, &groups, &std::collections::HashMap::new())
            .unwrap();
    let divisions = s.australia_2021().unwrap();
    for (a, b) in summed.z().iter().zip(divisions.z()) {
        assert!((a - b).abs() <= 0.01, "{a} {b}");
    }
    // an LGA at 115 industries: each division's output is the 19-division table's
    let alice = crate::datasets::by_name("australia-2021-115:Alice Springs").unwrap();
    assert_eq!(alice.name(), "Alice Springs 2021-22 (115 industries)");
    assert!(
        alice
            .source()
            .unwrap()
            .contains("ASSUMPTION: 115 industries")
    );
    let coarse = s.australia_lga_2021("Alice Springs").unwrap();
    let mut by_division = [0.0; 19];
    for (sector, x) in alice.sectors().iter().zip(alice.output()) {
        by_division[usize::from(sector.code.as_bytes()[0] - b'A')] += x;
    }
    for (a, b) in by_division.iter().zip(coarse.output()) {
        assert!((a - b).abs() <= 1e-9 * b.max(1.0), "{a} {b}");
    }
    let e = crate::datasets::by_name("australia-2021-115:Nowhere").unwrap_err();
    assert_eq!(e.code(), "unknown_option");
}
