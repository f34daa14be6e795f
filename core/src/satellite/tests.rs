//! Unit tests of the satellite module: hand-computed values on the two-sector example, the
//! accounts identity, characterisation and bad input.

use super::*;
use crate::datasets;

fn jobs_and_co2() -> (RegionalTable, Satellite) {
    let table = datasets::miller_blair_2sector();
    let parts = SatelliteParts {
        stressors: vec![
            Stressor {
                name: "jobs".into(),
                unit: "jobs".into(),
                gas: None,
                values: vec![100.0, 400.0],
                household: 0.0,
                removals: false,
            },
            Stressor {
                name: "CO2".into(),
                unit: "t".into(),
                gas: Some(Gas::Co2),
                values: vec![50.0, 20.0],
                household: 30.0,
                removals: false,
            },
            Stressor {
                name: "CH4".into(),
                unit: "t".into(),
                gas: Some(Gas::Ch4),
                values: vec![2.0, 0.0],
                household: 0.0,
                removals: false,
            },
        ],
        ..Default::default()
    };
    let sat = Satellite::new(&table, parts).unwrap();
    (table, sat)
}

#[test]
fn multipliers_are_s_times_the_leontief_inverse() {
    let (table, sat) = jobs_and_co2();
    let m = sat.multipliers(&table).unwrap();
    let l = table.leontief().unwrap().leontief_inverse().unwrap();
    let s = sat.intensities();
    for k in 0..3 {
        for j in 0..2 {
            let expected = s[k * 2] * l[j] + s[k * 2 + 1] * l[2 + j];
            assert!((m.effects[k].type_i[j] - expected).abs() < 1e-13, "{k} {j}");
        }
    }
    // Miller & Blair's table has no household column: no Type II
    assert!(m.effects[0].type_ii.is_none());
}

#[test]
fn employment_satellite_equals_the_employment_multipliers() {
    let table = datasets::scotland_2019();
    let sat = Satellite::employment(&table).unwrap();
    let m = sat.multipliers(&table).unwrap();
    let e = crate::Multipliers::new(&table).unwrap().employment.unwrap();
    let (a, b) = (&m.effects[0], &e);
    for j in 0..table.n() {
        assert!((a.type_i[j] - b.type_i[j]).abs() <= 1e-12 * b.type_i[j].abs().max(1.0));
        let (a2, b2) = (
            a.type_ii.as_ref().unwrap()[j],
            b.type_ii.as_ref().unwrap()[j],
        );
        assert!((a2 - b2).abs() <= 1e-12 * b2.abs().max(1.0));
    }
}

#[test]
fn characterise_weights_gases_by_gwp() {
    let (table, sat) = jobs_and_co2();
    let g = sat.characterise("GHG", "t CO2e", Gwp100::Ar4).unwrap();
    let k = g.stressor_index("GHG").unwrap();
    let s = g.stressors()[k].clone();
    assert_eq!(s.values, vec![50.0 + 25.0 * 2.0, 20.0]);
    assert_eq!(s.household, 30.0);
    let acc = g.accounts(&table).unwrap();
    assert!((acc.get("GHG").unwrap().production - 150.0).abs() < 1e-9);
    assert!(g.parts().assumptions[0].contains("AR4"));
    // errors: taken name, non-CO2e target, no gas at all
    assert_eq!(
        sat.characterise("CO2", "t CO2e", Gwp100::Ar4)
            .unwrap_err()
            .code(),
        "invalid_label"
    );
    assert_eq!(
        sat.characterise("GHG", "t", Gwp100::Ar4)
            .unwrap_err()
            .code(),
        "inconsistent"
    );
    let only_jobs = Satellite::employment(&datasets::scotland_2019()).unwrap();
    assert_eq!(
        only_jobs
            .characterise("GHG", "kt CO2e", Gwp100::Ar5)
            .unwrap_err()
            .code(),
        "inconsistent"
    );
}

#[test]
fn accounts_identity_and_import_factors() {
    let table = datasets::scotland_2019();
    let sat = datasets::scotland_2019_satellite();
    let acc = sat.accounts(&table).unwrap();
    for a in &acc.stressors {
        let eei: f64 = a.embodied_in_imports.iter().map(|o| o.amount).sum();
        let lhs = a.consumption - a.production;
        let rhs = eei - a.embodied_in_exports;
        assert!(
            (lhs - rhs - a.identity_gap).abs() <= 1e-9 * a.production.abs().max(1.0),
            "{}",
            a.name
        );
        // the Scottish table balances to rounding: the gap is tiny against the account
        assert!(
            a.identity_gap.abs() <= 1e-6 * a.production.abs().max(1.0),
            "{}: gap {}",
            a.name,
            a.identity_gap
        );
    }
    let ghg = acc.get("GHG").unwrap();
    let gases: f64 = ["CO2", "CH4", "N2O", "HFC", "PFC", "NF3", "SF6"]
        .iter()
        .map(|g| acc.get(g).unwrap().production)
        .sum();
    assert!((ghg.production - gases).abs() < 1e-9 * gases);
    assert!(
        acc.get("employment")
            .unwrap()
            .embodied_in_imports
            .iter()
            .all(|o| o.amount == 0.0)
    );
    assert!(ghg.embodied_in_imports.iter().all(|o| o.amount > 0.0));
    // the footprint per unit of final demand splits into inside and outside
    let f = sat.footprint(&table).unwrap();
    let k = sat.stressor_index("GHG").unwrap();
    let total = f.total();
    for j in 0..table.n() {
        let outside: f64 = f.by_origin.iter().map(|(_, r)| r[k][j]).sum();
        assert!((total[k][j] - f.local[k][j] - outside).abs() < 1e-12);
        assert!((0.0..=1.0).contains(&f.local_share(k, j)));
    }
    assert!(f.assumptions.iter().any(|a| a.contains("ESTIMATE")));
    assert_eq!(
        f.import_basis,
        Some(crate::table::ImportBasis::ProductProportionality)
    );
}

#[test]
fn embodied_imports_by_origin_by_hand() {
    // one uniform factor q for RoW: embodied per unit of final demand = q·(c_RoW·L)
    let table = datasets::scotland_2019_sections();
    let row = table
        .primary_inputs()
        .iter()
        .find(|r| r.label == "RoWImp")
        .unwrap();
    let parts = SatelliteParts {
        stressors: vec![Stressor {
            name: "CO2".into(),
            unit: "kt".into(),
            gas: Some(Gas::Co2),
            values: vec![1.0; table.n()],
            household: 0.0,
            removals: false,
        }],
        import_factors: vec![ImportFactor {
            origin: "RoWImp".into(),
            stressor: "CO2".into(),
            values: vec![0.5],
        }],
        ..Default::default()
    };
    let sat = Satellite::new(&table, parts).unwrap();
    let f = sat.footprint(&table).unwrap();
    let c: Vec<f64> = row
        .values
        .iter()
        .zip(table.output())
        .map(|(m, x)| if *x == 0.0 { 0.0 } else { 0.5 * m / x })
        .collect();
    let expected = table.leontief().unwrap().solve_transpose(&c).unwrap();
    let got = &f.by_origin.iter().find(|(o, _)| o == "RoWImp").unwrap().1[0];
    for j in 0..table.n() {
        assert!((got[j] - expected[j]).abs() < 1e-15, "{j}");
    }
    assert!(
        f.by_origin.iter().find(|(o, _)| o == "RUKImp").unwrap().1[0]
            .iter()
            .all(|v| *v == 0.0)
    );
    assert!(
        f.assumptions
            .iter()
            .any(|a| a.contains("no import factor for RUKImp"))
    );
}

#[test]
fn bad_input_is_a_typed_error_naming_the_place() {
    let table = datasets::miller_blair_2sector();
    let stressor = |values: Vec<f64>| Stressor {
        name: "CO2".into(),
        unit: "t".into(),
        gas: Some(Gas::Co2),
        values,
        household: 0.0,
        removals: false,
    };
    let build = |stressors: Vec<Stressor>, import_factors: Vec<ImportFactor>| {
        Satellite::new(
            &table,
            SatelliteParts {
                stressors,
                import_factors,
                ..Default::default()
            },
        )
    };
    let e = build(vec![stressor(vec![1.0])], vec![]).unwrap_err();
    assert_eq!(e.code(), "shape");
    assert!(e.to_string().contains("CO2"));
    let e = build(vec![stressor(vec![1.0, -2.0])], vec![]).unwrap_err();
    assert_eq!(e.code(), "negative");
    assert!(e.to_string().contains("sector 1"), "{e}");
    let mut removals = stressor(vec![1.0, -2.0]);
    removals.removals = true;
    assert!(build(vec![removals], vec![]).is_ok());
    assert_eq!(
        build(vec![stressor(vec![f64::NAN, 0.0])], vec![])
            .unwrap_err()
            .code(),
        "non_finite"
    );
    assert_eq!(
        build(
            vec![stressor(vec![1.0, 1.0]), stressor(vec![1.0, 1.0])],
            vec![]
        )
        .unwrap_err()
        .code(),
        "invalid_label"
    );
    let factor = |origin: &str, stressor: &str, values: Vec<f64>| ImportFactor {
        origin: origin.into(),
        stressor: stressor.into(),
        values,
    };
    let e = build(
        vec![stressor(vec![1.0, 1.0])],
        vec![factor("Mars", "CO2", vec![1.0])],
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.to_string().contains("Mars")),
        ("unknown_label", true)
    );
    // Miller & Blair's rows: value added is no import row
    let va = table.primary_inputs()[0].label.clone();
    assert_eq!(
        build(
            vec![stressor(vec![1.0, 1.0])],
            vec![factor(&va, "CO2", vec![1.0])]
        )
        .unwrap_err()
        .code(),
        "unknown_label"
    );
    // a sector with no output cannot carry an amount
    let scot = datasets::scotland_2019();
    let zero = scot.output().iter().position(|x| *x == 0.0).unwrap();
    let mut v = vec![0.0; scot.n()];
    v[zero] = 3.0;
    let e = Satellite::new(
        &scot,
        SatelliteParts {
            stressors: vec![stressor(v)],
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "inconsistent");
    assert!(e.to_string().contains("output is 0"));
    // a satellite applies only to a table of the same sectors
    let (_, sat) = jobs_and_co2();
    assert_eq!(sat.multipliers(&scot).unwrap_err().code(), "shape");
}

#[test]
fn calibration_meets_group_totals_and_refuses_gaps() {
    let groups: Vec<String> = ["a", "a", "b"].iter().map(|s| (*s).to_string()).collect();
    let c = calibrate(
        &[1.0, 3.0, 2.0],
        &[10.0, 10.0, 5.0],
        &groups,
        &[("a".into(), 80.0), ("b".into(), 5.0)],
    )
    .unwrap();
    assert_eq!(c.intensities, vec![2.0, 6.0, 1.0]);
    assert_eq!(
        c.factors,
        vec![("a".to_string(), 2.0), ("b".to_string(), 0.5)]
    );
    let e = calibrate(
        &[1.0, 3.0, 2.0],
        &[10.0, 10.0, 5.0],
        &groups,
        &[("a".into(), 80.0)],
    )
    .unwrap_err();
    assert_eq!(e.code(), "missing_data");
    assert!(e.to_string().contains("\"b\""));
    let e = calibrate(
        &[1.0, 3.0, 2.0],
        &[10.0, 10.0, 5.0],
        &groups,
        &[("a".into(), 1.0), ("b".into(), 1.0), ("c".into(), 1.0)],
    )
    .unwrap_err();
    assert_eq!(e.code(), "unknown_label");
    let e = calibrate(
        &[0.0, 0.0, 2.0],
        &[10.0, 10.0, 5.0],
        &groups,
        &[("a".into(), 1.0), ("b".into(), 1.0)],
    )
    .unwrap_err();
    assert_eq!(e.code(), "infeasible");
    assert_eq!(
        calibrate(&[1.0], &[1.0, 2.0], &groups[..1], &[])
            .unwrap_err()
            .code(),
        "shape"
    );
}

/// A satellite read back from its own JSON is equal; a tampered one is refused by its check.
#[test]
fn a_satellite_read_back_is_checked() {
    let (_, sat) = jobs_and_co2();
    let json = serde_json::to_value(&sat).unwrap();
    let back: Satellite = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, sat);
    let mut short = json.clone();
    short["intensities"].as_array_mut().unwrap().pop();
    let e = serde_json::from_value::<Satellite>(short).unwrap_err();
    assert!(e.to_string().contains("intensities"), "{e}");
    let mut ragged = json.clone();
    ragged["parts"]["stressors"][0]["values"]
        .as_array_mut()
        .unwrap()
        .pop();
    let e = serde_json::from_value::<Satellite>(ragged).unwrap_err();
    assert!(e.to_string().contains("one value per sector"), "{e}");
    let mut factor = json;
    factor["parts"]["import_factors"] =
        serde_json::json!([{"origin": "m", "stressor": "CO2", "values": []}]);
    let e = serde_json::from_value::<Satellite>(factor).unwrap_err();
    assert!(e.to_string().contains("import factor"), "{e}");
}
