//! The leak ranking by imported product: every gain equals full recomputation, the ranking is
//! the order full recomputation gives, and no supplier that cannot be bought is proposed.

mod common;

use localecon::scenario::{
    Change, ExclusionReason, LeakRankingOptions, Scenario, import_substitution, imported_products,
    leak_ranking, retention_coefficients,
};
use localecon::table::{ImportBasis, PrimaryInputKind};
use localecon::{Multipliers, RegionalTable, datasets};
use proptest::prelude::*;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
}

/// Retained income, output, GVA and jobs of a table at its own output.
fn totals(t: &RegionalTable) -> [f64; 4] {
    let x = t.output();
    let r = retention_coefficients(t);
    let gva: f64 = t
        .primary_inputs()
        .iter()
        .filter(|p| p.kind.is_value_added())
        .flat_map(|p| p.values.iter())
        .sum();
    [
        r.iter().zip(x).map(|(r, x)| r * x).sum(),
        x.iter().sum(),
        gva,
        t.employment().map_or(0.0, |e| e.values.iter().sum()),
    ]
}

fn substitute(t: &RegionalTable, buyer: &str, product: &str, amount: f64) -> RegionalTable {
    Scenario {
        name: "plug".into(),
        changes: vec![Change::ImportSubstitution {
            buyer: buyer.into(),
            product: product.into(),
            share: None,
            amount: Some(amount),
        }],
    }
    .apply(t)
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn every_gain_equals_full_recomputation(
        s in common::spec(6),
        w in prop::collection::vec(prop_oneof![Just(0.0), 0.0..1.0f64], 72),
        share in 0.01..=1.0f64,
        cap in prop::option::of(0.001..0.5f64),
    ) {
        let t = RegionalTable::new(common::with_import_use(common::build(&s), &w)).unwrap();
        let options = LeakRankingOptions { share, max_output_increase: cap, top_k: 1000, min_business_sales_share: 0.0, ..Default::default() };
        let ranking = leak_ranking(&t, &options).unwrap();
        prop_assert_eq!(ranking.import_basis, ImportBasis::Supplied);
        let before = totals(&t);
        for pair in ranking.opportunities.windows(2) {
            prop_assert!(pair[0].retained_income_gain >= pair[1].retained_income_gain);
        }
        for o in &ranking.opportunities {
            let after = totals(&substitute(&t, &o.buyer, &o.product, o.imports_substituted));
            let gains = [o.retained_income_gain, o.output_gain, o.gva_gain, o.jobs_gain.unwrap()];
            for k in 0..4 {
                prop_assert!(close(gains[k], after[k] - before[k], 1e-8), "{k}: {} vs {}", gains[k], after[k] - before[k]);
            }
            let by_origin: f64 = o.imports_substituted_by_origin.iter().map(|a| a.amount).sum();
            prop_assert!(close(by_origin, o.imports_substituted, 1e-12));
            if let Some(c) = cap {
                let x_i = t.output()[t.sector_index(&o.product).unwrap()];
                prop_assert!(o.imports_substituted <= c * x_i * (1.0 + 1e-12));
            }
        }
    }

    #[test]
    fn product_substitution_equals_full_recomputation(
        s in common::spec(6),
        w in prop::collection::vec(0.0..1.0f64, 72),
        pick in any::<(u8, u8)>(),
        share in 0.0..=1.0f64,
    ) {
        let t = RegionalTable::new(common::with_import_use(common::build(&s), &w)).unwrap();
        let n = t.n();
        let (j, i) = (pick.0 as usize % n, pick.1 as usize % n);
        let (buyer, product) = (t.sectors()[j].code.clone(), t.sectors()[i].code.clone());
        let fast = import_substitution(&t, &buyer, &product, share).unwrap();
        let scenario = Scenario { name: "s".into(), changes: vec![Change::ImportSubstitution { buyer: buyer.clone(), product: product.clone(), share: Some(share), amount: None }] };
        let after = scenario.apply(&t).unwrap();
        let full = Multipliers::new(&after).unwrap();
        for k in 0..n {
            prop_assert!(close(fast.output_multipliers[k], full.output.type_i[k], 1e-10));
        }
        // the buyer's imports of that product, and only those, fell by the share
        let m_before = t.imports_by_product().total(n, i, j) / t.output()[j];
        let m_after = after.imports_by_product().total(n, i, j) / after.output()[j];
        prop_assert!(close(m_after, (1.0 - share) * m_before, 1e-12));
        let rows = |t: &RegionalTable| -> f64 { t.primary_inputs().iter().filter(|r| r.kind.is_import()).map(|r| r.values[j]).sum::<f64>() / t.output()[j] };
        prop_assert!(close(rows(&t) - rows(&after), share * m_before, 1e-10));
    }
}

/// Three sectors, two import rows, imports by product known.
fn known_imports() -> RegionalTable {
    let json = r#"{"format": "localecon-table", "version": 1, "name": "three",
      "sectors": [{"code": "a", "name": "Farming"}, {"code": "b", "name": "Bakery"}, {"code": "c", "name": "Rent"}],
      "z": [[10, 40, 0], [5, 10, 0], [0, 0, 0]],
      "final_demand": [{"label": "hh", "kind": "households", "values": [50, 135, 50]}],
      "primary_inputs": [
        {"label": "ruk", "kind": "imports_rest_of_country", "values": [12, 30, 0]},
        {"label": "row", "kind": "imports_rest_of_world", "values": [8, 10, 0]},
        {"label": "coe", "kind": "compensation", "values": [30, 40, 0]},
        {"label": "gos", "kind": "operating_surplus", "values": [35, 20, 50]}],
      "employment": {"unit": "jobs", "values": [3, 4, 0]},
      "import_use": {"basis": "supplied", "blocks": [
        {"origin": "ruk", "values": [[2, 25, 0], [10, 5, 0], [0, 0, 0]]},
        {"origin": "row", "values": [[8, 4, 0], [0, 6, 0], [0, 0, 0]]}]}}"#;
    localecon::interchange::read_json(json).unwrap()
}

#[test]
fn the_ranking_is_the_order_of_full_recomputation() {
    let t = known_imports();
    let ranking = leak_ranking(
        &t,
        &LeakRankingOptions {
            top_k: 10,
            ..Default::default()
        },
    )
    .unwrap();
    // four (buyer, product) pairs import something; rent sells to no business
    assert_eq!(ranking.pairs_ranked, 4);
    assert_eq!(ranking.excluded_suppliers.len(), 1);
    assert_eq!(
        ranking.excluded_suppliers[0].reason,
        ExclusionReason::NotSoldToBusinesses
    );
    let before = totals(&t)[0];
    let mut full: Vec<(String, String, f64)> = [("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")]
        .iter()
        .map(|(buyer, product)| {
            let m = t.imports_by_product().total(
                3,
                t.sector_index(product).unwrap(),
                t.sector_index(buyer).unwrap(),
            );
            let gain = totals(&substitute(&t, buyer, product, 0.1 * m))[0] - before;
            ((*buyer).to_string(), (*product).to_string(), gain)
        })
        .collect();
    full.sort_by(|a, b| b.2.total_cmp(&a.2));
    let ranked: Vec<(String, String)> = ranking
        .opportunities
        .iter()
        .map(|o| (o.buyer.clone(), o.product.clone()))
        .collect();
    let expected: Vec<(String, String)> = full
        .iter()
        .map(|(b, p, _)| (b.clone(), p.clone()))
        .collect();
    assert_eq!(ranked, expected);
    for (o, (_, _, gain)) in ranking.opportunities.iter().zip(&full) {
        assert!(
            close(o.retained_income_gain, *gain, 1e-12),
            "{} vs {gain}",
            o.retained_income_gain
        );
    }
    // the bakery imports 25 + 4 of farm products: 10 % of it, by origin
    let bakery_farm = ranking
        .opportunities
        .iter()
        .find(|o| o.buyer == "b" && o.product == "a")
        .unwrap();
    assert!(close(bakery_farm.imports, 29.0, 1e-15));
    assert!(close(
        bakery_farm.imports_substituted_by_origin[0].amount,
        2.5,
        1e-15
    ));
    assert!(close(
        bakery_farm.imports_substituted_by_origin[1].amount,
        0.4,
        1e-15
    ));
    assert!(close(bakery_farm.capacity_share, 2.9 / 100.0, 1e-15));
    // a cap of +1 % of the farm's output (100) binds on every farm-product opportunity
    let capped = leak_ranking(
        &t,
        &LeakRankingOptions {
            max_output_increase: Some(0.01),
            ..Default::default()
        },
    )
    .unwrap();
    let o = capped
        .opportunities
        .iter()
        .find(|o| o.buyer == "b" && o.product == "a")
        .unwrap();
    assert!(o.capped && close(o.imports_substituted, 1.0, 1e-15));
}

#[test]
fn products_that_are_not_imported_or_not_made_here_are_refused() {
    let t = known_imports();
    // the farm imports no rent
    let e = import_substitution(&t, "a", "c", 0.1).unwrap_err();
    assert_eq!(e.code(), "out_of_range");
    let s = datasets::scotland_2019();
    // tobacco has no output in Scotland 2019: its cost structure is unknown
    let e = import_substitution(&s, "47", "12", 0.1).unwrap_err();
    assert_eq!(e.code(), "out_of_range");
    assert!(e.to_string().contains("no output"), "{e}");
    let e = Scenario {
        name: "x".into(),
        changes: vec![Change::ImportSubstitution {
            buyer: "47".into(),
            product: "12".into(),
            share: Some(0.1),
            amount: None,
        }],
    }
    .apply(&s)
    .unwrap_err();
    assert_eq!(e.code(), "out_of_range");
}

#[test]
fn ranking_options_are_checked() {
    let t = known_imports();
    let bad = [
        LeakRankingOptions {
            share: 0.0,
            ..Default::default()
        },
        LeakRankingOptions {
            share: 1.5,
            ..Default::default()
        },
        LeakRankingOptions {
            max_output_increase: Some(-0.1),
            ..Default::default()
        },
        LeakRankingOptions {
            max_output_increase: Some(f64::NAN),
            ..Default::default()
        },
        LeakRankingOptions {
            min_business_sales_share: 2.0,
            ..Default::default()
        },
        LeakRankingOptions {
            top_k: 0,
            ..Default::default()
        },
    ];
    for o in &bad {
        assert_eq!(
            leak_ranking(&t, o).unwrap_err().code(),
            "out_of_range",
            "{o:?}"
        );
    }
    let unknown = LeakRankingOptions {
        exclude: vec!["zz".into()],
        ..Default::default()
    };
    assert_eq!(
        leak_ranking(&t, &unknown).unwrap_err().code(),
        "unknown_label"
    );
    let flagged = LeakRankingOptions {
        exclude: vec!["a".into()],
        ..Default::default()
    };
    let r = leak_ranking(&t, &flagged).unwrap();
    assert!(r.opportunities.iter().all(|o| o.product != "a"));
    assert!(
        r.excluded_suppliers
            .iter()
            .any(|e| e.code == "a" && e.reason == ExclusionReason::Flagged)
    );
}

#[test]
fn scotland_never_proposes_what_businesses_cannot_buy() {
    let t = datasets::scotland_2019();
    let r = leak_ranking(
        &t,
        &LeakRankingOptions {
            top_k: 100,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(r.import_basis, ImportBasis::ProductProportionality);
    let excluded: Vec<&str> = r
        .excluded_suppliers
        .iter()
        .map(|e| e.code.as_str())
        .collect();
    assert_eq!(excluded, ["12", "68.2IMP", "97"]);
    for o in &r.opportunities {
        assert!(
            !excluded.contains(&o.product.as_str()),
            "{} proposed",
            o.product
        );
        assert!(o.imports > 0.0 && o.capacity_share > 0.0);
    }
    // the old pairwise ranking's top six paired construction with imputed rent, households
    // as employers, security, education, own real estate and personal services; none of them
    // is a product construction imports in quantity
    for product in ["68.2IMP", "97", "80", "85", "68.1-2", "96"] {
        assert!(
            !r.opportunities[..6]
                .iter()
                .any(|o| o.buyer == "41-43" && o.product == product),
            "{product}"
        );
    }
    // the embedded estimate keeps every buyer's imports from each origin
    let iu = t.import_use().unwrap();
    for row in t.primary_inputs().iter().filter(|r| r.kind.is_import()) {
        let b = iu.blocks.iter().find(|b| b.origin == row.label).unwrap();
        for j in 0..t.n() {
            let sum: f64 = (0..t.n()).map(|i| b.values[i * t.n() + j]).sum();
            assert!(close(sum, row.values[j], 1e-12), "{} {j}", row.label);
        }
    }
}

#[test]
fn glasgow_imports_from_the_rest_of_scotland_are_exact() {
    let g = datasets::glasgow_2019();
    let iu = g.import_use().unwrap();
    assert_eq!(iu.basis, ImportBasis::Regionalised);
    assert_eq!(iu.blocks[0].origin, "IMPORTS_REST_OF_NATION");
    let row = g
        .primary_inputs()
        .iter()
        .find(|r| {
            r.kind == PrimaryInputKind::ImportsRestOfCountry && r.label == "IMPORTS_REST_OF_NATION"
        })
        .unwrap();
    let n = g.n();
    let sum: f64 = iu.blocks[0].values.iter().sum();
    assert!(close(sum, row.values.iter().sum(), 1e-12));
    // bakeries import flour from the rest of Scotland: the product list says so, largest first
    let products = imported_products(&g, "10.7").unwrap();
    assert!(products.windows(2).all(|p| p[0].imports >= p[1].imports));
    assert!(products.iter().all(|p| p.local_output > 0.0));
    let flour = g.sector_index("10.6").unwrap();
    let bakery = g.sector_index("10.7").unwrap();
    assert!(iu.blocks[0].values[flour * n + bakery] > 0.0);
}

#[test]
fn a_table_without_imports_by_product_says_so() {
    use proptest::strategy::ValueTree;
    let spec = common::spec(4)
        .new_tree(&mut proptest::test_runner::TestRunner::deterministic())
        .unwrap()
        .current();
    let mut parts = common::build(&spec);
    parts.import_use = None;
    let t = RegionalTable::new(parts).unwrap();
    assert_eq!(t.imports_by_product().basis, ImportBasis::PurchaseMix);
    let r = leak_ranking(
        &t,
        &LeakRankingOptions {
            min_business_sales_share: 0.0,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(r.assumption.contains("no imports by product"));
}

#[test]
fn import_use_is_validated_and_round_trips() {
    let t = known_imports();
    let json = localecon::interchange::write_json(&t);
    let back = localecon::interchange::read_json(&json).unwrap();
    assert_eq!(back.import_use(), t.import_use());
    let broken = |from: &str, to: &str| {
        let text = json.replacen(from, to, 1);
        localecon::interchange::read_json(&text).unwrap_err().code()
    };
    assert_eq!(
        broken("\"origin\": \"ruk\"", "\"origin\": \"nowhere\""),
        "unknown_label"
    );
    assert_eq!(
        broken("\"basis\": \"supplied\"", "\"basis\": \"guessed\""),
        "json"
    );
    let mut parts = t.parts().clone();
    let iu = parts.import_use.as_mut().unwrap();
    iu.blocks[0].values[1] = 26.0; // the bakery's imports from ruk no longer add up to 30
    assert_eq!(
        RegionalTable::new(parts.clone()).unwrap_err().code(),
        "inconsistent"
    );
    parts.import_use.as_mut().unwrap().blocks[0].values[1] = -25.0;
    assert_eq!(
        RegionalTable::new(parts.clone()).unwrap_err().code(),
        "negative"
    );
    parts.import_use.as_mut().unwrap().blocks.pop();
    parts.import_use.as_mut().unwrap().blocks[0].values[1] = 25.0;
    assert_eq!(
        RegionalTable::new(parts.clone()).unwrap_err().code(),
        "missing_data"
    );
    parts.import_use.as_mut().unwrap().blocks[0].values.pop();
    assert_eq!(RegionalTable::new(parts).unwrap_err().code(), "shape");
}

#[test]
fn imports_by_product_round_trip_through_the_csv_layout() {
    for t in [
        known_imports(),
        datasets::scotland_2019(),
        datasets::glasgow_2019(),
    ] {
        let text = localecon::interchange::write_csv(&t);
        let back = localecon::interchange::read_csv(&text).unwrap();
        assert_eq!(back, t);
        assert_eq!(
            back.import_use().unwrap().basis,
            t.import_use().unwrap().basis
        );
    }
    let text = localecon::interchange::write_csv(&known_imports());
    let e =
        localecon::interchange::read_csv(&text.replace("import_use,a,ruk", "import_use,zz,ruk"))
            .unwrap_err();
    assert_eq!(e.code(), "csv");
    let e = localecon::interchange::read_csv(
        &text.replace("# import_basis: supplied", "# import_basis: guessed"),
    )
    .unwrap_err();
    assert_eq!(e.code(), "csv");
}
