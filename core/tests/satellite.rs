//! Satellite identities as property tests on random balanced tables: `M = S·L`, the accounts
//! identity `CBA − PBA = EEI − EEE`, consumption = footprint per unit × own final demand,
//! permutation invariance, and the calibration meeting its totals.

mod common;

use localecon::RegionalTable;
use localecon::satellite::{
    Gas, Gwp100, ImportFactor, Satellite, SatelliteParts, Stressor, calibrate,
};
use proptest::prelude::*;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
}

/// A satellite with an employment row, a CO2 row and a CH4 row (weights from the spec),
/// households' own CO2 and import factors for both origins (uniform and by product).
fn satellite(t: &RegionalTable, w: &[f64], q: f64) -> Satellite {
    let n = t.n();
    let x = t.output();
    let amounts = |shift: usize| {
        (0..n)
            .map(|j| w[(j + shift) % w.len()] * x[j])
            .collect::<Vec<f64>>()
    };
    let parts = SatelliteParts {
        stressors: vec![
            Stressor {
                name: "jobs".into(),
                unit: "jobs".into(),
                gas: None,
                values: t.employment().unwrap().values.clone(),
                household: 0.0,
                removals: false,
            },
            Stressor {
                name: "CO2".into(),
                unit: "t".into(),
                gas: Some(Gas::Co2),
                values: amounts(0),
                household: 3.0,
                removals: false,
            },
            Stressor {
                name: "CH4".into(),
                unit: "t".into(),
                gas: Some(Gas::Ch4),
                values: amounts(1),
                household: 0.5,
                removals: false,
            },
        ],
        import_factors: vec![
            ImportFactor {
                origin: "imports_rest_of_country".into(),
                stressor: "CO2".into(),
                values: vec![q],
            },
            ImportFactor {
                origin: "imports_rest_of_world".into(),
                stressor: "CO2".into(),
                values: (0..n).map(|i| q * w[i % w.len()]).collect(),
            },
            ImportFactor {
                origin: "imports_rest_of_country".into(),
                stressor: "CH4".into(),
                values: vec![q / 10.0],
            },
            ImportFactor {
                origin: "imports_rest_of_world".into(),
                stressor: "CH4".into(),
                values: vec![q / 20.0],
            },
        ],
        ..Default::default()
    };
    Satellite::new(t, parts).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn multipliers_are_s_times_l(s in common::spec(7), w in prop::collection::vec(0.0..3.0f64, 7), q in 0.0..2.0f64) {
        let t = RegionalTable::new(common::build(&s)).unwrap();
        let sat = satellite(&t, &w, q);
        let m = sat.multipliers(&t).unwrap();
        let l = t.leontief().unwrap().leontief_inverse().unwrap();
        let (n, si) = (t.n(), sat.intensities());
        for k in 0..3 {
            for j in 0..n {
                let expected: f64 = (0..n).map(|i| si[k * n + i] * l[i * n + j]).sum();
                prop_assert!(close(m.effects[k].type_i[j], expected, 1e-11));
                // Type II ≥ Type I ≥ direct for non-negative stressors
                prop_assert!(m.effects[k].type_i[j] >= m.effects[k].direct[j] - 1e-12);
                if let Some(t2) = &m.effects[k].type_ii {
                    prop_assert!(t2[j] >= m.effects[k].type_i[j] - 1e-12);
                }
            }
        }
    }

    #[test]
    fn accounts_identity_and_consumption_from_the_footprint(s in common::spec(7), w in prop::collection::vec(0.0..3.0f64, 7), q in 0.0..2.0f64) {
        let t = RegionalTable::new(common::build(&s)).unwrap();
        let sat = satellite(&t, &w, q).characterise("GHG", "t CO2e", Gwp100::Ar5).unwrap();
        let acc = sat.accounts(&t).unwrap();
        let f = sat.footprint(&t).unwrap();
        // the random tables' own final demand is the household column; exports the other
        let own = &t.final_demand()[0].values;
        for (k, a) in acc.stressors.iter().enumerate() {
            let eei: f64 = a.embodied_in_imports.iter().map(|o| o.amount).sum();
            // balanced table: the identity holds without a gap
            prop_assert!(close(a.consumption - a.production, eei - a.embodied_in_exports, 1e-9), "{}", a.name);
            prop_assert!(a.identity_gap.abs() <= 1e-8 * (1.0 + a.production.abs()));
            // consumption-based = footprint per unit (inside + outside) · own final demand + households
            let total = f.total();
            let from_footprint: f64 = (0..t.n()).map(|j| total[k][j] * own[j]).sum::<f64>() + a.households;
            prop_assert!(close(a.consumption, from_footprint, 1e-9), "{}: {} vs {}", a.name, a.consumption, from_footprint);
        }
        // characterisation adds the gases by their GWP
        let co2 = acc.get("CO2").unwrap().consumption;
        let ch4 = acc.get("CH4").unwrap().consumption;
        prop_assert!(close(acc.get("GHG").unwrap().consumption, co2 + 28.0 * ch4, 1e-12));
    }

    #[test]
    fn permuting_sectors_permutes_the_results(s in common::spec(6), w in prop::collection::vec(0.0..3.0f64, 6), seed in any::<u64>()) {
        let parts = common::build(&s);
        let n = parts.sectors.len();
        let mut perm: Vec<usize> = (0..n).collect();
        let mut r = seed;
        for i in (1..n).rev() {
            r = r.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            perm.swap(i, (r >> 33) as usize % (i + 1));
        }
        let t = RegionalTable::new(parts.clone()).unwrap();
        let p = RegionalTable::new(common::permute(&parts, &perm)).unwrap();
        let sat = satellite(&t, &w, 0.0);
        // the same satellite answers for the permuted table, aligned by sector code
        let a = sat.multipliers(&t).unwrap();
        let b = sat.multipliers(&p).unwrap();
        for k in 0..3 {
            for (new, &old) in perm.iter().enumerate() {
                prop_assert!(close(b.effects[k].type_i[new], a.effects[k].type_i[old], 1e-11));
            }
        }
        let (ea, eb) = (sat.accounts(&t).unwrap(), sat.accounts(&p).unwrap());
        for (x, y) in ea.stressors.iter().zip(&eb.stressors) {
            prop_assert!(close(x.production, y.production, 1e-11) && close(x.consumption, y.consumption, 1e-10));
        }
    }

    #[test]
    fn calibration_meets_every_group_total(s in prop::collection::vec((0.01..5.0f64, 0.0..100.0f64, 0usize..3), 1..30), totals in prop::collection::vec(0.0..1000.0f64, 3)) {
        let intensities: Vec<f64> = s.iter().map(|v| v.0).collect();
        let output: Vec<f64> = s.iter().map(|v| v.1).collect();
        let groups: Vec<String> = s.iter().map(|v| format!("g{}", v.2)).collect();
        let present: Vec<(String, f64)> = (0..3)
            .filter(|g| groups.contains(&format!("g{g}")))
            .map(|g| (format!("g{g}"), totals[g]))
            .collect();
        match calibrate(&intensities, &output, &groups, &present) {
            Ok(c) => {
                for (g, total) in &present {
                    let got: f64 = (0..s.len()).filter(|&j| &groups[j] == g).map(|j| c.intensities[j] * output[j]).sum();
                    prop_assert!(close(got, *total, 1e-12));
                }
            }
            // only a group with no output at all cannot be scaled to a positive total
            Err(e) => prop_assert_eq!(e.code(), "infeasible"),
        }
    }
}
