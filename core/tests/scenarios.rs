//! Scenarios: rank-one updates against full recomputation, leak ranking, demand shocks and
//! the local-currency properties.

mod common;

use localecon::currency::{LocalCurrency, local_currency};
use localecon::scenario::{Change, Scenario, impact, import_substitution};
use localecon::{Leakage, Multipliers, RegionalTable, datasets};
use proptest::prelude::*;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn sherman_morrison_equals_full_recomputation(s in common::spec(6), pick in any::<(u8, u8)>(), share in 0.0..=1.0f64) {
        let t = RegionalTable::new(common::build(&s)).unwrap();
        let n = t.n();
        let (j, i) = (pick.0 as usize % n, pick.1 as usize % n);
        let (buyer, product) = (t.sectors()[j].code.clone(), t.sectors()[i].code.clone());
        // without imports by product the purchase-mix rule applies: a product the buyer does
        // not buy locally is not imported either, and both routes refuse it alike
        let scenario = Scenario { name: "s".into(), changes: vec![Change::ImportSubstitution { buyer: buyer.clone(), product: product.clone(), share: Some(share), amount: None }] };
        let Ok(fast) = import_substitution(&t, &buyer, &product, share) else {
            prop_assert_eq!(scenario.apply(&t).unwrap_err().code(), "out_of_range");
            prop_assert!(t.z_at(i, j) == 0.0 || t.output()[i] == 0.0);
            return Ok(());
        };
        let after = scenario.apply(&t).unwrap();
        let full = Multipliers::new(&after).unwrap();
        let leak = Leakage::new(&after).unwrap();
        for k in 0..n {
            prop_assert!(close(fast.output_multipliers[k], full.output.type_i[k], 1e-10), "{} vs {}", fast.output_multipliers[k], full.output.type_i[k]);
            prop_assert!(close(fast.retention[k], leak.retention[k], 1e-10));
        }
        let before: f64 = t.output().iter().sum();
        let total: f64 = after.output().iter().sum();
        prop_assert!(close(fast.output_change, total - before, 1e-9));
    }

    #[test]
    fn local_currency_properties(s in common::spec(5), phi in prop::collection::vec(0.0..=1.0f64, 6), rho in 0.0..=1.0f64, scale in 1.0..3.0f64) {
        let t = RegionalTable::new(common::build(&s)).unwrap();
        let n = t.n();
        let acceptance = |factor: f64| -> Vec<(String, f64)> {
            let mut a: Vec<(String, f64)> = (0..n).map(|k| (t.sectors()[k].code.clone(), (phi[k] * factor).min(1.0))).collect();
            a.push(("households".into(), (phi[5] * factor).min(1.0)));
            a
        };
        let base = LocalCurrency { acceptance: acceptance(1.0 / scale), redemption: rho, substitution: 0.2, ..Default::default() };
        let more = LocalCurrency { acceptance: acceptance(1.0), ..base.clone() };
        let r1 = local_currency(&t, &base).unwrap();
        let r2 = local_currency(&t, &more).unwrap();
        // more acceptance (every account accepting more, in proportion) → no less circulation
        prop_assert!(r2.transactions >= r1.transactions - 1e-12);
        prop_assert!(r2.multiplier_after >= r1.multiplier_before - 1e-12);
        // no acceptance → no uplift and no transactions
        let none = LocalCurrency { acceptance: vec![], ..base.clone() };
        let r0 = local_currency(&t, &none).unwrap();
        prop_assert_eq!(r0.transactions, 0.0);
        prop_assert!((r0.multiplier_after - r0.multiplier_before).abs() < 1e-14);
        // redemption 1 → exactly one transaction (when anyone accepts it at all)
        let once = LocalCurrency { redemption: 1.0, ..more.clone() };
        let r = local_currency(&t, &once).unwrap();
        if r2.transactions > 0.0 {
            prop_assert!((r.transactions - 1.0).abs() < 1e-12, "{}", r.transactions);
        }
    }
}

/// The inputs of `SparseNetwork::new`: `(n, payer, payee, amount, leaked, retained)`.
type FirmNetwork = (usize, Vec<u32>, Vec<u32>, Vec<f64>, Vec<f64>, Vec<f64>);

/// A random firm network with every account leaking something, amounts spread over six
/// orders of magnitude.
fn firm_network() -> impl Strategy<Value = FirmNetwork> {
    (2usize..40).prop_flat_map(|n| {
        let flow = (0..n as u32, 0..n as u32, -3.0..3.0f64);
        (
            Just(n),
            prop::collection::vec(flow, 1..6 * n),
            prop::collection::vec(0.05..50.0f64, n),
            prop::collection::vec(0.0..20.0f64, n),
        )
            .prop_map(|(n, flows, leaked, retained)| {
                let payer = flows.iter().map(|f| f.0).collect();
                let payee = flows.iter().map(|f| f.1).collect();
                let amount = flows.iter().map(|f| 10f64.powf(f.2)).collect();
                (n, payer, payee, amount, leaked, retained)
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The solver gathers its search directions in f32; the answers must still meet the f64
    /// tolerance when their residual is recomputed from scratch, and be what the multipliers
    /// and the leakage are: multipliers ≥ 1, leakage in (0, 1] (leakage + local income = 1).
    #[test]
    fn sparse_solutions_meet_the_tolerance_recomputed_in_f64((n, payer, payee, amount, leaked, retained) in firm_network()) {
        use localecon::sparse::SparseNetwork;
        let net = SparseNetwork::new(n, &payer, &payee, &amount, &leaked, &retained).unwrap();
        let r = net.analyse(1e-10, 1000).unwrap();
        let mut outlays: Vec<f64> = leaked.iter().zip(&retained).map(|(l, r)| l + r).collect();
        for (p, a) in payer.iter().zip(&amount) {
            outlays[*p as usize] += a;
        }
        let shares: Vec<f64> = leaked.iter().zip(&outlays).map(|(l, x)| l / x).collect();
        let ones = vec![1.0; n];
        let m = net.relative_residual(&r.output_multipliers, &ones).unwrap();
        let l = net.relative_residual(&r.leakage, &shares).unwrap();
        prop_assert!(m <= 1e-10, "multipliers: recomputed residual {m:e}");
        prop_assert!(l <= 1e-10, "leakage: recomputed residual {l:e}");
        for j in 0..n {
            prop_assert!(r.output_multipliers[j] >= 1.0 - 1e-8, "{}", r.output_multipliers[j]);
            prop_assert!(r.leakage[j] > 0.0 && r.leakage[j] <= 1.0 + 1e-8, "{}", r.leakage[j]);
        }
    }

    /// Right-hand sides far outside f32's range solve as well as ordinary ones: scaling `w`
    /// by a power of two scales the solution by it, digit for digit.
    #[test]
    fn sparse_solutions_scale_with_the_right_hand_side((n, payer, payee, amount, leaked, retained) in firm_network(), k in -1000i32..1000) {
        use localecon::sparse::SparseNetwork;
        let net = SparseNetwork::new(n, &payer, &payee, &amount, &leaked, &retained).unwrap();
        let w: Vec<f64> = (0..n).map(|j| 1.0 + (j % 3) as f64).collect();
        let c = 2f64.powi(k);
        let scaled: Vec<f64> = w.iter().map(|x| x * c).collect();
        let (y, how) = net.solve_transpose(&w, 1e-10, 1000).unwrap();
        let (ys, hows) = net.solve_transpose(&scaled, 1e-10, 1000).unwrap();
        prop_assert_eq!(how.iterations, hows.iterations);
        for (a, b) in y.iter().zip(&ys) {
            prop_assert_eq!(a * c, *b);
        }
    }
}

#[test]
fn demand_shock_splits_add_up() {
    let t = datasets::scotland_2019();
    let mut df = vec![0.0; t.n()];
    df[t.sector_index("56").unwrap()] = 100.0;
    let i = impact(&t, &df, 0.0).unwrap();
    let m = Multipliers::new(&t).unwrap();
    let j = t.sector_index("56").unwrap();
    assert!(close(
        i.output.total_direct + i.output.total_indirect,
        100.0 * m.output.type_i[j],
        1e-12
    ));
    assert!(close(
        i.output.total,
        100.0 * m.output.type_ii.as_ref().unwrap()[j],
        1e-12
    ));
    assert!(close(
        i.income.total,
        100.0 * m.income.type_ii.as_ref().unwrap()[j],
        1e-12
    ));
    let leaked: f64 = i.leakage.iter().map(|(_, v)| v).sum();
    assert!(
        close(leaked + i.retained_income, 100.0, 1e-9),
        "{leaked} + {}",
        i.retained_income
    );
}

#[test]
fn scenario_errors_are_typed() {
    let t = datasets::scotland_2019_sections();
    let sub = |share: Option<f64>, amount: Option<f64>| Scenario {
        name: "x".into(),
        changes: vec![Change::ImportSubstitution {
            buyer: "C".into(),
            product: "A".into(),
            share,
            amount,
        }],
    };
    assert_eq!(
        sub(Some(1.5), None).apply(&t).unwrap_err().code(),
        "out_of_range"
    );
    assert_eq!(
        sub(None, Some(1e9)).apply(&t).unwrap_err().code(),
        "out_of_range"
    );
    assert_eq!(
        sub(Some(0.1), Some(1.0)).apply(&t).unwrap_err().code(),
        "out_of_range"
    );
    let unknown = Scenario {
        name: "x".into(),
        changes: vec![Change::Demand {
            sector: "ZZ".into(),
            amount: 1.0,
        }],
    };
    assert_eq!(unknown.apply(&t).unwrap_err().code(), "unknown_label");
    let pattern = Scenario {
        name: "x".into(),
        changes: vec![Change::Spending {
            label: "x".into(),
            amount: 1.0,
            local_share: 0.5,
            pattern: "NOPE".into(),
        }],
    };
    assert_eq!(pattern.apply(&t).unwrap_err().code(), "unknown_label");
    let json = serde_json::to_string(&sub(Some(0.1), None)).unwrap();
    assert_eq!(
        serde_json::from_str::<Scenario>(&json).unwrap(),
        sub(Some(0.1), None)
    );
    assert!(
        serde_json::from_str::<Scenario>(
            r#"{"name":"x","changes":[{"type":"demand","sector":"A","amout":1}]}"#
        )
        .is_err()
    );
}

#[test]
fn spending_like_a_column_is_the_scenarios_spending_change() {
    use localecon::scenario::{spending, spending_like};
    let t = datasets::scotland_2019();
    let column = &t.final_demand()[0];
    // the column clipped at zero (inventories drawn down) is the pattern
    let clipped: Vec<f64> = column.values.iter().map(|v| v.max(0.0)).collect();
    let f = spending_like(&t, 10.0, 0.4, &column.label).unwrap();
    assert_eq!(f, spending(t.n(), 10.0, 0.4, &clipped).unwrap());
    assert!(close(f.iter().sum::<f64>(), 4.0, 1e-12));
    // what a scenario's spending change adds is the same demand shock
    let change = Scenario {
        name: "spend".into(),
        changes: vec![Change::Spending {
            label: "council".into(),
            amount: 10.0,
            local_share: 0.4,
            pattern: column.label.clone(),
        }],
    };
    let mut shocked = Scenario {
        name: "same".into(),
        changes: Vec::new(),
    };
    for (k, s) in t.sectors().iter().enumerate() {
        if f[k] != 0.0 {
            shocked.changes.push(Change::Demand {
                sector: s.code.clone(),
                amount: f[k],
            });
        }
    }
    let (a, b) = (change.apply(&t).unwrap(), shocked.apply(&t).unwrap());
    assert_eq!(a.total_final_demand(), b.total_final_demand());
    assert_eq!(
        spending_like(&t, 1.0, 0.5, "NOPE").unwrap_err().code(),
        "unknown_label"
    );
}

#[test]
fn a_business_footprint_adds_its_own_output_to_its_chain() {
    use localecon::scenario::{Business, business_footprint};
    let t = datasets::glasgow_2019();
    let bakery = Business {
        name: "Glasgow bakery".into(),
        output: 2.0,
        value_added: 0.9,
        jobs: 30.0,
        local_purchases: vec![
            ("10.6".into(), 0.3),
            ("46".into(), 0.2),
            ("35.1".into(), 0.05),
        ],
        resident_wages: 0.5,
    };
    let f = business_footprint(&t, &bakery).unwrap();
    let mut d = vec![0.0; t.n()];
    d[t.sector_index("10.6").unwrap()] = 0.3;
    d[t.sector_index("46").unwrap()] = 0.2;
    d[t.sector_index("35.1").unwrap()] = 0.05;
    let chain = impact(&t, &d, 0.0).unwrap();
    assert!(close(
        f.supply_chain_output,
        chain.output.total_direct + chain.output.total_indirect,
        1e-12
    ));
    assert!(f.supply_chain_output > 0.55, "at least its own purchases");
    assert!(
        f.induced_output > chain.output.total_induced.unwrap(),
        "its resident wages add induced output"
    );
    assert!(f.total_output > f.own_output + 0.55);
    assert!(f.total_jobs.unwrap() > 30.0);
    let too_much = Business {
        value_added: 1.9,
        ..bakery
    };
    assert_eq!(
        business_footprint(&t, &too_much).unwrap_err().code(),
        "out_of_range"
    );
}

#[test]
fn sparse_solver_agrees_with_the_dense_model() {
    use localecon::sparse::SparseNetwork;
    // Scotland's inter-industry flows as a sparse network of 97 accounts with output
    let t = datasets::scotland_2019();
    let n = t.n();
    let keep: Vec<usize> = (0..n).filter(|&j| t.output()[j] > 0.0).collect();
    let index = |j: usize| keep.iter().position(|&k| k == j).unwrap() as u32;
    let (mut payer, mut payee, mut amount) = (vec![], vec![], vec![]);
    for &i in &keep {
        for &j in &keep {
            if t.z_at(i, j) > 0.0 {
                payer.push(index(j));
                payee.push(index(i));
                amount.push(t.z_at(i, j));
            }
        }
    }
    let r = localecon::scenario::retention_coefficients(&t);
    let leaked: Vec<f64> = keep
        .iter()
        .map(|&j| t.output()[j] - (0..n).map(|i| t.z_at(i, j)).sum::<f64>() - r[j] * t.output()[j])
        .collect();
    let retained: Vec<f64> = keep.iter().map(|&j| r[j] * t.output()[j]).collect();
    let net = SparseNetwork::new(keep.len(), &payer, &payee, &amount, &leaked, &retained).unwrap();
    assert!(net.memory_bytes() < 40 * net.flows() + 12 * keep.len());
    let s = net.analyse(1e-12, 500).unwrap();
    assert!(s.multipliers_convergence.relative_residual <= 1e-12);
    assert!(s.leakage_convergence.relative_residual <= 1e-12);
    // the two systems solved in lockstep give what one solve alone gives
    let (alone, how) = net
        .solve_transpose(&vec![1.0; keep.len()], 1e-12, 500)
        .unwrap();
    assert_eq!(how, s.multipliers_convergence);
    assert_eq!(alone, s.output_multipliers);
    // the reported residual is the true one, recomputed in f64
    let ones = vec![1.0; keep.len()];
    let true_residual = net.relative_residual(&s.output_multipliers, &ones).unwrap();
    assert!(true_residual <= 1e-12, "{true_residual:e}");
    assert!(
        (true_residual - s.multipliers_convergence.relative_residual).abs() <= 1e-15,
        "{true_residual:e} vs {:e}",
        s.multipliers_convergence.relative_residual
    );
    // a right-hand side of the wrong length or with a NaN: typed errors, not a panic
    assert_eq!(
        net.solve_transpose(&[1.0], 1e-10, 10).unwrap_err().code(),
        "shape"
    );
    let mut bad = ones.clone();
    bad[3] = f64::NAN;
    let e = net.solve_transpose(&bad, 1e-10, 10).unwrap_err();
    assert_eq!(e.code(), "non_finite");
    assert!(e.to_string().contains("w[3]"), "{e}");
    assert_eq!(
        net.relative_residual(&ones, &[1.0]).unwrap_err().code(),
        "shape"
    );
    // a NaN in a solution is named, not turned into a NaN residual; a zero w has none
    let e = net.relative_residual(&bad, &ones).unwrap_err();
    assert_eq!(e.code(), "non_finite");
    assert!(e.to_string().contains("y[3]"), "{e}");
    let zeros = vec![0.0; keep.len()];
    assert_eq!(
        net.relative_residual(&ones, &zeros).unwrap_err().code(),
        "out_of_range"
    );
    let m = Multipliers::new(&t).unwrap();
    let l = Leakage::new(&t).unwrap();
    for (a, &j) in keep.iter().enumerate() {
        assert!(
            close(s.output_multipliers[a], m.output.type_i[j], 1e-9),
            "{} vs {}",
            s.output_multipliers[a],
            m.output.type_i[j]
        );
        assert!(close(s.leakage[a], l.leakage[j], 1e-9));
    }
    // a network where nothing leaks has no finite multipliers: a typed error, not a hang
    let closed =
        SparseNetwork::new(2, &[0, 1], &[1, 0], &[1.0, 1.0], &[0.0, 0.0], &[0.0, 0.0]).unwrap();
    assert_eq!(closed.analyse(1e-10, 50).unwrap_err().code(), "singular");
    // no iterations allowed: said as such, not as a failed solve
    let e = closed.analyse(1e-10, 0).unwrap_err();
    assert_eq!(e.code(), "out_of_range");
    assert!(e.to_string().contains("max_iterations"), "{e}");
    assert_eq!(
        SparseNetwork::new(2, &[0], &[5], &[1.0], &[1.0, 1.0], &[0.0, 0.0])
            .unwrap_err()
            .code(),
        "out_of_range"
    );
}

#[test]
fn sparse_solver_gives_the_same_digits_when_the_matrix_pass_is_split_over_threads() {
    use localecon::sparse::SparseNetwork;
    // 30,000 accounts, each paying the next ten: 300,000 flows, above the parallel threshold
    let n = 30_000u32;
    let (mut payer, mut payee, mut amount) = (vec![], vec![], vec![]);
    for j in 0..n {
        for k in 1..=10u32 {
            payer.push(j);
            payee.push((j + k * 7) % n);
            amount.push(1.0 + f64::from((j + k) % 5));
        }
    }
    let leaked: Vec<f64> = (0..n).map(|j| 10.0 + f64::from(j % 30)).collect();
    let retained = vec![5.0; n as usize];
    let net = SparseNetwork::new(n as usize, &payer, &payee, &amount, &leaked, &retained).unwrap();
    assert!(net.flows() >= 300_000);
    let both = net.analyse(1e-10, 500).unwrap();
    let (alone, how) = net
        .solve_transpose(&vec![1.0; n as usize], 1e-10, 500)
        .unwrap();
    assert_eq!(how, both.multipliers_convergence);
    assert_eq!(alone, both.output_multipliers);
    // one thread or two: the same digits (the dot products are summed half by half either way)
    let on = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| net.analyse(1e-10, 500).unwrap())
    };
    let (one, two) = (on(1), on(2));
    assert_eq!(one, two);
    assert_eq!(one, both);
    // and the multipliers are those of the system: (I − A)ᵀ m = 1 checked row by row
    let x: Vec<f64> = (0..n as usize)
        .map(|j| amount[j * 10..j * 10 + 10].iter().sum::<f64>() + leaked[j] + retained[j])
        .collect();
    for j in (0..n as usize).step_by(997) {
        let bought: f64 = (0..10)
            .map(|k| {
                amount[j * 10 + k] / x[j] * both.output_multipliers[payee[j * 10 + k] as usize]
            })
            .sum();
        assert!(
            (both.output_multipliers[j] - bought - 1.0).abs() < 1e-8,
            "account {j}"
        );
    }
}
