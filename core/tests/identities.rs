//! The identities of DESIGN §7 as property tests on random balanced tables.

mod common;

use localecon::interchange::{read_csv, read_json, write_csv, write_json};
use localecon::{ClosedLeakage, FlowNetwork, Leakage, LeontiefModel, Multipliers, RegionalTable};
use proptest::prelude::*;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn leontief_inverse_satisfies_l_equals_i_plus_a_l(s in common::spec(7)) {
        let t = RegionalTable::new(common::build(&s)).unwrap();
        let m = LeontiefModel::new(&t).unwrap();
        let (n, a, l) = (t.n(), m.coefficients(), m.leontief_inverse().unwrap());
        for i in 0..n {
            for j in 0..n {
                let al: f64 = (0..n).map(|k| a[i * n + k] * l[k * n + j]).sum();
                let id = if i == j { 1.0 } else { 0.0 };
                prop_assert!(close(l[i * n + j], id + al, 1e-12));
            }
        }
    }

    #[test]
    fn a_tables_audit_is_its_parts_audit_to_the_bit_in_any_call_order(s in common::spec(7)) {
        // the table's audit takes the condition estimate from the table's own factor; the
        // parts' audit factors I − A itself: the same A, the same bits, whatever came first
        let parts = common::build(&s);
        let from_parts = parts.audit();
        let audited_first = RegionalTable::new(parts.clone()).unwrap();
        let first = audited_first.audit();
        let factored_first = RegionalTable::new(parts).unwrap();
        let _ = factored_first.leontief();
        prop_assert_eq!(&first, &from_parts);
        prop_assert_eq!(&factored_first.audit(), &from_parts);
        prop_assert_eq!(first.condition.map(f64::to_bits), from_parts.condition.map(f64::to_bits));
    }

    #[test]
    fn open_leakage_and_retention_sum_to_one(s in common::spec(7)) {
        let t = RegionalTable::new(common::build(&s)).unwrap();
        let l = Leakage::new(&t).unwrap();
        for j in 0..t.n() {
            let by_channel: f64 = l.by_channel.iter().map(|r| r[j]).sum();
            prop_assert!(close(by_channel, l.leakage[j], 1e-12));
            prop_assert!(close(l.leakage[j] + l.retention[j], 1.0, 1e-11), "sector {j}: {} + {}", l.leakage[j], l.retention[j]);
        }
    }

    #[test]
    fn closed_leakage_channels_sum_to_one(s in common::spec(7)) {
        let t = RegionalTable::new(common::build(&s)).unwrap();
        let c = ClosedLeakage::new(&t).unwrap();
        for j in 0..t.n() {
            prop_assert!(close(c.total[j], 1.0, 1e-10), "sector {j}: total {}", c.total[j]);
            for r in &c.by_channel {
                prop_assert!(r[j] >= -1e-12);
            }
        }
    }

    #[test]
    fn type_i_output_multipliers_are_at_least_one_and_type_ii_at_least_type_i(s in common::spec(7)) {
        let t = RegionalTable::new(common::build(&s)).unwrap();
        let m = Multipliers::new(&t).unwrap();
        let t2 = m.output.type_ii.as_ref().unwrap();
        for j in 0..t.n() {
            prop_assert!(m.output.type_i[j] >= 1.0 - 1e-12);
            prop_assert!(t2[j] >= m.output.type_i[j] - 1e-12);
        }
    }

    #[test]
    fn permuting_sectors_permutes_results(s in common::spec(6), seed in any::<u64>()) {
        let p = common::build(&s);
        let n = p.sectors.len();
        let mut perm: Vec<usize> = (0..n).collect();
        let mut state = seed;
        for k in (1..n).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            perm.swap(k, (state >> 33) as usize % (k + 1));
        }
        let a = RegionalTable::new(p.clone()).unwrap();
        let b = RegionalTable::new(common::permute(&p, &perm)).unwrap();
        let (ma, mb) = (Multipliers::new(&a).unwrap(), Multipliers::new(&b).unwrap());
        let (la, lb) = (Leakage::new(&a).unwrap(), Leakage::new(&b).unwrap());
        for (k, &old) in perm.iter().enumerate() {
            prop_assert!(close(mb.output.type_i[k], ma.output.type_i[old], 1e-12));
            prop_assert!(close(mb.income.type_ii.as_ref().unwrap()[k], ma.income.type_ii.as_ref().unwrap()[old], 1e-12));
            prop_assert!(close(lb.leakage[k], la.leakage[old], 1e-12));
        }
    }

    #[test]
    fn json_csv_and_network_round_trips_are_the_identity(s in common::spec(6)) {
        let t = RegionalTable::new(common::build(&s)).unwrap();
        prop_assert_eq!(&read_json(&write_json(&t)).unwrap(), &t);
        prop_assert_eq!(&read_csv(&write_csv(&t)).unwrap(), &t);
        prop_assert_eq!(&FlowNetwork::from_table(&t).to_table().unwrap(), &t);
    }

    #[test]
    fn solve_is_the_inverse_of_i_minus_a(s in common::spec(7), f in prop::collection::vec(-10.0..10.0f64, 7)) {
        let t = RegionalTable::new(common::build(&s)).unwrap();
        let m = LeontiefModel::new(&t).unwrap();
        let n = t.n();
        let x = m.solve(&f[..n]).unwrap();
        let a = m.coefficients();
        for i in 0..n {
            let back = x[i] - (0..n).map(|j| a[i * n + j] * x[j]).sum::<f64>();
            prop_assert!(close(back, f[i], 1e-11));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn fci_graph_route_equals_leontief_route_open_and_closed(s in common::spec(7)) {
        use localecon::circularity::{Closure, FlowSystem, fci_leontief, flow_indicators};
        let t = RegionalTable::new(common::build(&s)).unwrap();
        for closure in [Closure::Open, Closure::Households] {
            let ind = flow_indicators(&FlowSystem::from_table(&t, closure).unwrap()).unwrap();
            // never a silent NaN: every indicator is finite, or None where it is undefined
            let json = serde_json::to_value(&ind).unwrap();
            for (k, v) in json.as_object().unwrap() {
                prop_assert!(v.is_null() || v.as_f64().is_some_and(f64::is_finite), "{k} = {v}");
            }
            prop_assert!(["apl", "fci", "tst", "dfi", "ifi"].iter().all(|k| !json[k].is_null()));
            let graph = ind.fci;
            let leontief = fci_leontief(&t, closure).unwrap();
            prop_assert!((graph - leontief).abs() < 1e-10, "{closure:?}: {graph} vs {leontief}");
        }
    }

    #[test]
    fn model_lmk_increases_with_k_towards_the_closed_multiplier(s in common::spec(6)) {
        use localecon::lm3::{model_lm, model_lm_limit};
        let t = RegionalTable::new(common::build(&s)).unwrap();
        let limit = model_lm_limit(&t).unwrap();
        let mut previous = vec![0.0; t.n()];
        for k in 1..=8 {
            let lm = model_lm(&t, k).unwrap();
            for j in 0..t.n() {
                prop_assert!(lm[j] >= previous[j] - 1e-12);
                prop_assert!(lm[j] <= limit[j] + 1e-9);
            }
            previous = lm;
        }
        let far = model_lm(&t, 400).unwrap();
        for j in 0..t.n() {
            prop_assert!((far[j] - limit[j]).abs() < 1e-6 * limit[j], "{} vs {}", far[j], limit[j]);
        }
    }

    #[test]
    fn information_indices_add_up(s in common::spec(7)) {
        use localecon::circularity::{Closure, FlowSystem, information_indices, strongly_connected_components};
        let t = RegionalTable::new(common::build(&s)).unwrap();
        let sys = FlowSystem::from_table(&t, Closure::Households).unwrap();
        let i = information_indices(&sys);
        prop_assert!((i.ascendency + i.overhead - i.capacity).abs() <= 1e-9 * i.capacity);
        prop_assert!(i.ascendency <= i.capacity + 1e-9);
        let parts = i.ascendency_input + i.ascendency_internal + i.ascendency_export + i.ascendency_dissipation;
        prop_assert!((parts - i.ascendency).abs() <= 1e-9 * i.capacity.max(1.0));
        prop_assert!(i.robustness <= 1.0 / std::f64::consts::E + 1e-12);
        let shares: f64 = strongly_connected_components(&sys).iter().map(|c| c.throughflow_share).sum();
        prop_assert!((shares - 1.0).abs() < 1e-12);
    }
}

#[test]
fn leakage_identity_holds_on_scotland_to_1e_15() {
    let t = localecon::datasets::scotland_2019();
    let l = Leakage::new(&t).unwrap();
    let mut worst: f64 = 0.0;
    for j in 0..t.n() {
        if t.output()[j] > 0.0 {
            worst = worst.max((l.leakage[j] + l.retention[j] - 1.0).abs());
        }
    }
    assert!(worst < 1e-14, "worst {worst:e}");
    let c = ClosedLeakage::new(&t).unwrap();
    for j in 0..t.n() {
        if t.output()[j] > 0.0 {
            assert!(
                (c.total[j] - 1.0).abs() < 1e-12,
                "closed total {}",
                c.total[j]
            );
        }
    }
}

#[test]
fn scotland_fci_routes_agree_open_and_closed() {
    use localecon::circularity::{Closure, FlowSystem, fci_leontief, flow_indicators};
    let t = localecon::datasets::scotland_2019();
    for closure in [Closure::Open, Closure::Households] {
        let graph = flow_indicators(&FlowSystem::from_table(&t, closure).unwrap())
            .unwrap()
            .fci;
        let leontief = fci_leontief(&t, closure).unwrap();
        // rows balance to 2.6e-6 relative, so the routes agree to about 1e-10
        assert!(
            (graph - leontief).abs() < 1e-8,
            "{closure}: {graph} vs {leontief}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn a_quotient_of_one_or_more_leaves_the_coefficient_unchanged(
        a in prop::collection::vec(0.0..0.2f64, 16),
        q in prop::collection::vec(0.0..3.0f64, 16),
    ) {
        let r = localecon::regionalize::regional_coefficients(&a, &q);
        for k in 0..16 {
            if q[k] >= 1.0 {
                prop_assert_eq!(r[k], a[k]);
            } else {
                prop_assert!(r[k] <= a[k]);
            }
        }
    }

    #[test]
    fn regionalised_tables_balance_and_leak_more(s in common::spec(6), shares in prop::collection::vec(0.05..1.0f64, 6)) {
        use localecon::regionalize::{LqMethod, RegionalizeOptions, regionalize};
        let t = RegionalTable::new(common::build(&s)).unwrap();
        let n = t.n();
        let national: Vec<f64> = (0..n).map(|j| 100.0 + 10.0 * j as f64).collect();
        let regional: Vec<f64> = (0..n).map(|j| national[j] * shares[j]).collect();
        for method in [LqMethod::Slq, LqMethod::Cilq, LqMethod::Flq, LqMethod::Aflq] {
            let options = RegionalizeOptions { method, ..Default::default() };
            let r = regionalize(&t, &national, &regional, &options).unwrap();
            let audit = r.audit();
            prop_assert!(audit.row_gaps.iter().zip(r.output()).all(|(g, x)| g.abs() <= 1e-9 * x.max(1.0)));
            prop_assert!(audit.column_gaps.iter().zip(r.output()).all(|(g, x)| g.abs() <= 1e-9 * x.max(1.0)));
            let (mr, mn) = (Multipliers::new(&r).unwrap(), Multipliers::new(&t).unwrap());
            for j in 0..n {
                prop_assert!(mr.output.type_i[j] <= mn.output.type_i[j] + 1e-12);
            }
        }
    }

    #[test]
    fn ras_meets_its_targets(m in prop::collection::vec(0.1..10.0f64, 12), scale in prop::collection::vec(0.5..2.0f64, 4)) {
        use localecon::regionalize::{RasOptions, ras};
        // targets from a scaled version of the matrix are always feasible
        let rows = 3;
        let cols = 4;
        let scaled: Vec<f64> = (0..12).map(|k| m[k] * scale[k % cols] * (1.0 + (k / cols) as f64)).collect();
        let rt: Vec<f64> = (0..rows).map(|i| scaled[i * cols..(i + 1) * cols].iter().sum()).collect();
        let ct: Vec<f64> = (0..cols).map(|j| (0..rows).map(|i| scaled[i * cols + j]).sum()).collect();
        let r = ras(&m, rows, cols, &rt, &ct, RasOptions::default()).unwrap();
        prop_assert!(r.converged);
        for i in 0..rows {
            let sum: f64 = r.matrix[i * cols..(i + 1) * cols].iter().sum();
            prop_assert!((sum - rt[i]).abs() <= 1e-9 * rt[i]);
        }
    }
}
