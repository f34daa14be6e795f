use super::rng::splitmix64;
use super::*;

#[test]
fn the_generators_give_their_published_reference_outputs() {
    // SplitMix64, seed 1234567 (the reference sequence, e.g. Rosetta Code)
    let mut x = 1_234_567;
    let out: Vec<u64> = (0..5).map(|_| splitmix64(&mut x)).collect();
    assert_eq!(
        out,
        [
            6_457_827_717_110_365_317,
            3_203_168_211_198_807_973,
            9_817_491_932_198_370_423,
            4_593_380_528_125_082_431,
            16_408_922_859_458_223_821
        ]
    );
    // xoshiro256** from the state {1, 2, 3, 4} (the reference implementation's outputs)
    let mut r = Rng::from_state([1, 2, 3, 4]);
    let out: Vec<u64> = (0..6).map(|_| r.next_u64()).collect();
    assert_eq!(
        out,
        [
            11_520,
            0,
            1_509_978_240,
            1_215_971_899_390_074_240,
            1_216_172_134_540_287_360,
            607_988_272_756_665_600
        ]
    );
}

#[test]
fn uniform_numbers_lie_in_the_unit_interval_with_the_right_moments() {
    let mut r = Rng::new(7);
    let n = 200_000;
    let u: Vec<f64> = (0..n).map(|_| r.next_f64()).collect();
    assert!(u.iter().all(|v| (0.0..1.0).contains(v)));
    let mean = u.iter().sum::<f64>() / n as f64;
    let var = u.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n as f64;
    // standard errors: mean 0.00065, variance 0.00019 (1/12 = 0.0833)
    assert!((mean - 0.5).abs() < 0.003, "{mean}");
    assert!((var - 1.0 / 12.0).abs() < 0.001, "{var}");
}

#[test]
fn the_triangular_draw_is_its_inverse_cdf() {
    let d = Distribution::Triangular {
        low: 0.1,
        mode: 0.2,
        high: 0.4,
    };
    assert_eq!(d.at(0.0), 0.1);
    // F(mode) = (mode − low) / (high − low) = 1/3: the draw at u = 1/3 is the mode
    assert!((d.at(1.0 / 3.0) - 0.2).abs() < 1e-15);
    assert!((d.at(1.0 - 1e-17) - 0.4).abs() < 1e-8);
    // mean (low + mode + high) / 3 over many draws
    let mut r = Rng::new(1);
    let n = 100_000;
    let mean = (0..n).map(|_| d.at(r.next_f64())).sum::<f64>() / n as f64;
    assert!((mean - 0.7 / 3.0).abs() < 0.001, "{mean}");
    let u = Distribution::Uniform {
        low: 2.0,
        high: 4.0,
    };
    assert_eq!(u.at(0.5), 3.0);
    assert_eq!(Distribution::Fixed { value: 0.3 }.at(0.9), 0.3);
}

#[test]
fn bad_distributions_and_specs_are_typed_errors() {
    let low_high = Distribution::Uniform {
        low: 0.3,
        high: 0.2,
    };
    assert_eq!(
        low_high.check("delta", 0.0, 1.0, true).unwrap_err().code(),
        "invalid_input"
    );
    let out = Distribution::Uniform {
        low: 0.2,
        high: 1.0,
    };
    let e = out.check("delta", 0.0, 1.0, true).unwrap_err();
    assert_eq!(e.code(), "out_of_range");
    assert!(e.to_string().contains("delta.high"), "{e}");
    let mode = Distribution::Triangular {
        low: 0.1,
        mode: 0.5,
        high: 0.3,
    };
    assert!(
        mode.check("delta", 0.0, 1.0, true)
            .unwrap_err()
            .to_string()
            .contains("mode")
    );
    let nan = Distribution::Fixed { value: f64::NAN };
    assert_eq!(
        nan.check("share", 0.0, 1.0, false).unwrap_err().code(),
        "non_finite"
    );
    assert!(
        Distribution::Fixed { value: 1.0 }
            .check("share", 0.0, 1.0, false)
            .is_ok()
    );

    let spec = |draws, quantiles: Vec<f64>| UncertaintySpec {
        assumptions: vec![],
        draws,
        seed: 1,
        quantiles,
        first_draw: 0,
    };
    assert_eq!(
        spec(0, vec![0.5]).check(10).unwrap_err().code(),
        "out_of_range"
    );
    assert_eq!(
        spec(11, vec![0.5]).check(10).unwrap_err().code(),
        "too_large"
    );
    assert_eq!(
        spec(5, vec![1.0]).check(10).unwrap_err().code(),
        "out_of_range"
    );
    assert_eq!(
        spec(5, vec![0.0]).check(10).unwrap_err().code(),
        "out_of_range"
    );
    let twice = UncertaintySpec::new(
        vec![
            ("delta".into(), Distribution::Fixed { value: 0.2 }),
            ("delta".into(), Distribution::Fixed { value: 0.3 }),
        ],
        5,
        1,
    );
    assert_eq!(twice.check(10).unwrap_err().code(), "invalid_label");
}

#[test]
fn a_monte_carlo_of_a_known_function() {
    // y1 = 2a + b/10, y2 = 5 (constant): y1's median is near 2·0.5 + 0.05, and a explains
    // nearly all of its variance
    let spec = UncertaintySpec::new(
        vec![
            (
                "a".into(),
                Distribution::Uniform {
                    low: 0.0,
                    high: 1.0,
                },
            ),
            (
                "b".into(),
                Distribution::Uniform {
                    low: 0.0,
                    high: 1.0,
                },
            ),
        ],
        20_000,
        42,
    );
    let run = || {
        monte_carlo(&spec, &["y1", "y2"], &[1.05, 5.0], 100_000, |v, _| {
            Ok(vec![2.0 * v[0] + 0.1 * v[1], 5.0])
        })
        .unwrap()
    };
    let m = run();
    assert_eq!(m, run(), "the same seed gives the same draws");
    let s = &m.summary[0];
    assert!((s.median - 1.05).abs() < 0.02, "{}", s.median);
    // the 5 % quantile of 2a + b/10 is near 2·0.05 + …; it lies between min and median
    assert!(s.min <= s.quantiles[0] && s.quantiles[0] < s.median && s.median < s.quantiles[3]);
    // variance shares: a's is (4/12) / (4/12 + 0.01/12) = 0.9975 for a linear model
    assert!(
        (m.variance_share[0][0] - 0.9975).abs() < 0.005,
        "{:?}",
        m.variance_share[0]
    );
    assert!((m.variance_share[0].iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert_eq!(m.sensitivity()[0].1.as_deref(), Some("a"));
    // a constant indicator: no variance to share, no sensitivity
    assert_eq!(m.variance_share[1], [0.0, 0.0]);
    assert_eq!(m.sensitivity()[1].1, None);
    assert_eq!(m.summary[1].quantiles, [5.0; 4]);
    // the draws do not depend on the number of threads: each draw has its own stream
    let mut one = draw_rng(42, 7);
    assert_eq!(m.inputs[7][0], one.next_f64());
    // a NaN indicator is refused, naming the draw
    let e = monte_carlo(&spec, &["y"], &[0.0], 100_000, |v, _| {
        Ok(vec![if v[0] > 0.5 { f64::NAN } else { 0.0 }])
    })
    .unwrap_err();
    assert_eq!(e.code(), "non_finite");
}

#[test]
fn quantiles_are_numpys_linear_interpolation() {
    let sorted = [1.0, 2.0, 3.0, 4.0, 10.0];
    // numpy.quantile([1, 2, 3, 4, 10], [0.1, 0.5, 0.9]) = [1.4, 3.0, 7.6]
    assert!((quantile(&sorted, 0.1) - 1.4).abs() < 1e-15);
    assert_eq!(quantile(&sorted, 0.5), 3.0);
    assert!((quantile(&sorted, 0.9) - 7.6).abs() < 1e-14);
    assert_eq!(quantile(&[2.5], 0.3), 2.5);
}

#[cfg(feature = "embedded-data")]
#[test]
fn a_retention_draw_keeps_the_factored_model() {
    use crate::table::Share;
    let table = crate::datasets::scotland_2019();
    let before = crate::report::RegionReport::new(&table).unwrap();
    table.leontief().unwrap();
    let mut retention = table.retention().clone();
    retention.taxes_on_products = Share::Uniform(0.5);
    let drawn = table.with_retention(retention).unwrap();
    // the same factorisation, shared: no new LU for a retention draw
    assert!(drawn.shares_model_with(&table));
    // and the multipliers are the table's
    let after = crate::report::RegionReport::new(&drawn).unwrap();
    assert_eq!(
        after.sectors[0].output_multiplier_type_i,
        before.sectors[0].output_multiplier_type_i
    );
    let mut bad = table.retention().clone();
    bad.compensation = Share::Uniform(1.5);
    assert_eq!(
        table.with_retention(bad).unwrap_err().code(),
        "out_of_range"
    );
}

#[test]
fn specs_read_from_json_keep_the_assumptions_order() {
    let spec: UncertaintySpec = serde_json::from_str(
        r#"{"assumptions": {"tax_retention": [0.0, 0.2], "delta": {"kind": "triangular", "low": 0.2, "mode": 0.25, "high": 0.3}, "resident_share": 0.7}, "draws": 10, "seed": 5}"#,
    )
    .unwrap();
    let names: Vec<&str> = spec.assumptions.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["tax_retention", "delta", "resident_share"]);
    assert_eq!(
        spec.assumptions[0].1,
        Distribution::Uniform {
            low: 0.0,
            high: 0.2
        }
    );
    assert_eq!(spec.assumptions[2].1, Distribution::Fixed { value: 0.7 });
    assert_eq!(spec.quantiles, DEFAULT_QUANTILES);
    // written in the tagged form, read back the same
    let again: UncertaintySpec =
        serde_json::from_str(&serde_json::to_string(&spec).unwrap()).unwrap();
    assert_eq!(again, spec);
    let bad = serde_json::from_str::<UncertaintySpec>(
        r#"{"assumptions": {"delta": [0.1, 0.2, 0.3, 0.4]}, "draws": 10}"#,
    )
    .unwrap_err();
    assert!(bad.to_string().contains("4 values"), "{bad}");
    let bad = serde_json::from_str::<UncertaintySpec>(
        r#"{"assumptions": {"delta": "wide"}, "draws": 10}"#,
    )
    .unwrap_err();
    assert!(bad.to_string().contains("not a distribution"), "{bad}");
}

#[test]
fn runs_in_chunks_combine_to_the_run_in_one_piece() {
    let spec = |first_draw, draws| UncertaintySpec {
        first_draw,
        ..UncertaintySpec::new(
            vec![
                (
                    "a".into(),
                    Distribution::Uniform {
                        low: 0.0,
                        high: 1.0,
                    },
                ),
                (
                    "b".into(),
                    Distribution::Triangular {
                        low: 0.0,
                        mode: 0.2,
                        high: 1.0,
                    },
                ),
            ],
            draws,
            9,
        )
    };
    let run = |s: &UncertaintySpec| {
        monte_carlo(s, &["y"], &[0.0], 1000, |v, rng| {
            Ok(vec![v[0] * v[1] + 0.01 * rng.next_f64()])
        })
        .unwrap()
    };
    let whole = run(&spec(0, 30));
    let parts = [run(&spec(0, 10)), run(&spec(10, 15)), run(&spec(25, 5))];
    assert_eq!(MonteCarlo::combine(&parts).unwrap(), whole);
    // out of order, or from another seed: refused
    let swapped = [parts[1].clone(), parts[0].clone()];
    assert_eq!(
        MonteCarlo::combine(&swapped).unwrap_err().code(),
        "inconsistent"
    );
    let mut other = spec(10, 20);
    other.seed = 10;
    let e = MonteCarlo::combine(&[parts[0].clone(), run(&other)]).unwrap_err();
    assert_eq!(e.code(), "inconsistent");
    assert_eq!(
        MonteCarlo::combine(&[]).unwrap_err().code(),
        "invalid_input"
    );
}

#[cfg(feature = "embedded-data")]
#[test]
fn any_tables_assumptions_can_be_drawn() {
    let scotland = crate::datasets::scotland_2019();
    let spec = UncertaintySpec::new(
        vec![
            (
                "tax_retention".into(),
                Distribution::Uniform {
                    low: 0.0,
                    high: 0.5,
                },
            ),
            (
                "local_surplus_share".into(),
                Distribution::Uniform {
                    low: 0.3,
                    high: 0.9,
                },
            ),
        ],
        100,
        11,
    );
    let m = scotland.uncertainty(&spec, 1000).unwrap();
    assert_eq!(m.indicators, HEADLINE_INDICATORS);
    assert!(m.notes[0].contains("one factorisation"));
    // retention does not enter A: Type I is the published value in every draw
    assert!(m.outputs.iter().all(|o| o[0] == m.summary[0].published));
    // the retained share rises with both, far more with the surplus share: Scotland's
    // operating surplus (£62.5bn) is eight times its taxes less subsidies (£8.1bn), and a
    // share of 0.3-0.9 of it swamps one of 0-0.5 of the taxes (measured: rank correlations
    // 0.99 and 0.07)
    let rho = &m.rank_correlation[2];
    assert!(rho[1] > 0.95 && rho[0] > 0.0 && rho[0] < 0.3, "{rho:?}");
    assert_eq!(m.sensitivity()[2].1.as_deref(), Some("local_surplus_share"));
    // leakage and retention add up to 1 in every draw (Type I: every pound ends as income
    // or a leak)
    assert!(m.outputs.iter().all(|o| (o[2] + o[3] - 1.0).abs() < 1e-12));

    let noise = UncertaintySpec::new(
        vec![(
            "flow_noise".into(),
            Distribution::Uniform {
                low: 0.0,
                high: 0.1,
            },
        )],
        20,
        12,
    );
    let m = scotland.uncertainty(&noise, 1000).unwrap();
    assert!(m.summary[0].max > m.summary[0].min);
    assert!(m.notes[0].contains("factored in every draw"));

    // a table without a household closure: no Type II among the indicators
    let mb = crate::datasets::miller_blair_2sector();
    let m = mb.uncertainty(&noise, 1000).unwrap();
    assert!(
        !m.indicators
            .iter()
            .any(|i| i == "output_multiplier_type_ii")
    );

    let bad = UncertaintySpec::new(
        vec![("delta".into(), Distribution::Fixed { value: 0.3 })],
        5,
        1,
    );
    let e = scotland.uncertainty(&bad, 1000).unwrap_err();
    assert_eq!(e.code(), "unknown_option");
    assert!(e.to_string().contains("flow_noise"), "{e}");
}

#[cfg(feature = "embedded-data")]
#[test]
fn a_regionalisation_of_ones_own_is_drawn_over_delta() {
    use crate::regionalize::RegionalizeOptions;
    // Glasgow from Scotland with the embedded BRES jobs and the default options: δ drawn
    let s = crate::datasets::Sources::embedded();
    let scotland = s.scotland_2019().unwrap();
    let (national, regional) = s.council_employment(&scotland, "Glasgow City").unwrap();
    let options = RegionalizeOptions::default();
    let spec = UncertaintySpec::new(
        vec![(
            "delta".into(),
            Distribution::Uniform {
                low: 0.1,
                high: 0.3,
            },
        )],
        60,
        3,
    );
    let m = regionalised(&scotland, &national, &regional, &options, &spec, 1000).unwrap();
    // the Type I multiplier falls as δ rises: rank correlation −1
    assert!(
        m.rank_correlation[0][0] < -0.999,
        "{:?}",
        m.rank_correlation[0]
    );
    // δ = 0.3 (the options' value) is the top of the range: the published multiplier is
    // the smallest
    assert!(m.summary[0].min >= m.summary[0].published - 1e-12);
    let bad = UncertaintySpec::new(
        vec![("gamma".into(), Distribution::Fixed { value: 0.3 })],
        5,
        1,
    );
    let e = regionalised(&scotland, &national, &regional, &options, &bad, 1000).unwrap_err();
    assert!(e.to_string().contains("delta"), "{e}");
}
