use super::*;

#[test]
fn embedded_tables_load_with_their_attribution() {
    let s = scotland_2019();
    assert_eq!(s.n(), 98);
    assert_eq!(s.final_demand().len(), 10);
    assert!(s.source().unwrap().contains("Open Government Licence v3.0"));
    assert_eq!(s.household_closure().household_income, Some(156_241.0));
    let t = scotland_2019_sections();
    assert_eq!(t.n(), 20);
    assert_eq!(t.sectors()[19].code, "T");
}

#[test]
fn totals_match_source_md() {
    let s = scotland_2019();
    let output: f64 = s.output().iter().sum();
    assert!((output - 268_340.0).abs() < 1.0, "{output}");
    let coe: f64 = (0..98)
        .map(|j| s.primary_input_total(PrimaryInputKind::Compensation, j))
        .sum();
    assert!((coe - 84_040.0).abs() < 1.0, "{coe}");
}

#[test]
fn glasgow_employment_and_table() {
    let (scotland, glasgow) = bres_2019_employment();
    // BRES 2019: 2,601,890 jobs in Scotland, 420,680 in Glasgow City
    assert!(
        (scotland.iter().sum::<f64>() - 2_601_890.0).abs() < 1e-6,
        "{}",
        scotland.iter().sum::<f64>()
    );
    assert!((glasgow.iter().sum::<f64>() - 420_680.0).abs() < 1e-6);
    let g = glasgow_2019();
    assert_eq!(g.n(), 98);
    assert!(g.source().unwrap().contains("FLQ"));
    let ratio = g.output().iter().sum::<f64>() / scotland_2019().output().iter().sum::<f64>();
    assert!(ratio > 0.12 && ratio < 0.25, "{ratio}");
}

#[test]
fn scotland_carries_the_fte_the_published_effects_imply() {
    // ../shared/data/scotland_fte_2019_derived: 2,343,596 FTE in 2019
    for t in [scotland_2019(), scotland_2019_sections()] {
        let e = t.employment().unwrap();
        assert_eq!(e.unit, SCOTLAND_2019_FTE_UNIT);
        let total: f64 = e.values.iter().sum();
        assert!((total - 2_343_596.0).abs() < 1.0, "{total}");
    }
    let m = crate::Multipliers::new(&scotland_2019()).unwrap();
    let e = m.employment.unwrap();
    // published: agriculture 12.481377547380141 (Type I), 13.539761961875971 (Type II) FTE per £1m
    assert!((e.type_i[0] / 12.481_377_547_380_141 - 1.0).abs() < 1e-6);
    assert!((e.type_ii.unwrap()[0] / 13.539_761_961_875_971 - 1.0).abs() < 1e-6);
}

#[test]
fn broken_sources_are_typed_errors() {
    let good = Sources::embedded();
    let break_fte = |from: &str, to: &str| {
        let mut s = good.clone();
        s.scotland_2019_fte = s.scotland_2019_fte.replacen(from, to, 1);
        s.build("scotland-2019").unwrap_err().code()
    };
    assert_eq!(break_fte("01,32823.70559169688", "01,NaN"), "csv");
    assert_eq!(break_fte("01,32823.70559169688", "02.2-3,1"), "csv"); // a second row
    assert_eq!(break_fte("01,32823.70559169688\n", ""), "missing_data");
    assert_eq!(break_fte("01,32823.70559169688", "zz,1"), "unknown_label");
}

#[test]
fn unknown_dataset_names_the_choices() {
    let e = by_name("glasgow").unwrap_err();
    assert_eq!(e.code(), "unknown_option");
    assert!(e.to_string().contains("scotland-2019-sections"));
}
