use proptest::prelude::*;

use super::households::Commuting;
use super::*;

fn regions(spec: &[(&str, &[&str])]) -> Vec<Region> {
    spec.iter()
        .map(|(name, codes)| Region {
            name: (*name).into(),
            sectors: codes
                .iter()
                .map(|c| Sector {
                    code: (*c).into(),
                    name: (*c).into(),
                })
                .collect(),
        })
        .collect()
}

/// Miller & Blair (2009) ch. 3: region r with 3 sectors, s with 2.
fn miller_blair() -> InterregionalTable {
    let z = vec![
        150., 500., 50., 25., 75., //
        200., 100., 400., 200., 100., //
        300., 500., 50., 60., 40., //
        75., 100., 60., 200., 250., //
        50., 25., 25., 150., 100.,
    ];
    let parts = InterregionalParts::new(
        "Miller & Blair ch. 3",
        regions(&[("r", &["1", "2", "3"]), ("s", &["1", "2"])]),
        z,
        vec![1000., 2000., 1000., 1200., 800.],
    );
    InterregionalTable::new(parts).unwrap()
}

fn fio() -> InterregionalTable {
    let z = vec![
        10., 5., 2., 1., 8., 15., 3., 2., 1., 2., 12., 4., 2., 3., 6., 18.,
    ];
    let parts = InterregionalParts::new(
        "fio miom",
        regions(&[("R1", &["S1", "S2"]), ("R2", &["S1", "S2"])]),
        z,
        vec![100., 120., 80., 110.],
    );
    InterregionalTable::new(parts).unwrap()
}

fn close(got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len());
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() <= tol, "entry {k}: {g} vs {w}");
    }
}

#[test]
fn miller_blair_decomposition_matches_the_reference() {
    let d = miller_blair().model().unwrap().decomposition().unwrap();
    let tol = 5e-11;
    close(
        &d.total,
        &[
            3.11031822041,
            2.7166032026,
            2.58776545999,
            2.40710624501,
            2.8717448092,
        ],
        tol,
    );
    close(
        &d.intra_regional,
        &[
            2.69631244163,
            2.42576140387,
            2.29784094507,
            1.55607474967,
            1.80107183042,
        ],
        tol,
    );
    close(
        &d.single_region,
        &[
            2.46225813311,
            2.26238571125,
            2.13480756964,
            1.44905660377,
            1.66037735849,
        ],
        tol,
    );
    close(
        &d.feedback,
        &[
            0.234054308523,
            0.163375692623,
            0.163033375437,
            0.1070181459,
            0.140694471933,
        ],
        tol,
    );
    close(
        &d.round_spillover,
        &[
            0.384033635696,
            0.26999225705,
            0.269106752414,
            0.790838445151,
            0.991442635973,
        ],
        tol,
    );
    close(
        &d.round_feedback,
        &[
            0.264026451611,
            0.184225234298,
            0.183851137939,
            0.167211196084,
            0.21992481474,
        ],
        tol,
    );
    close(
        &d.leak_to_other_regions,
        &[
            0.252030618754,
            0.178981501169,
            0.17809908569,
            0.349811320755,
            0.432075471698,
        ],
        tol,
    );
    close(
        &d.returned_per_leak,
        &[
            0.928674101903,
            0.912807701105,
            0.915408267287,
            0.305931053542,
            0.325624760368,
        ],
        tol,
    );
    assert_eq!(d.region, ["r", "r", "r", "s", "s"]);
}

#[test]
fn miller_blair_impact_and_extraction() {
    let t = miller_blair();
    let m = t.model().unwrap();
    let i = m.impact(&[100., 0., 0., 0., 0.]).unwrap();
    close(
        &i.output,
        &[
            142.340914945,
            63.4612578164,
            63.8290714016,
            26.7194673886,
            14.6811104898,
        ],
        5e-9,
    );
    close(
        &i.single_region[..3],
        &[136.508611525, 52.7322985329, 56.9849032532],
        5e-9,
    );
    let e = m.extraction("r").unwrap();
    close(
        &[e.total, e.backward, e.forward],
        &[1644.98832138, 791.557335944, 1284.73399957],
        5e-8,
    );
}

#[test]
fn fio_interdependence_matches_the_published_snapshot() {
    let t = fio();
    let m = t.model().unwrap();
    let d = m.decomposition().unwrap();
    close(
        &d.intra_regional,
        &[1.220128, 1.203969, 1.29126, 1.253676],
        5e-7,
    );
    close(
        &d.spillover,
        &[0.04777924, 0.06268995, 0.09283816, 0.04347194],
        5e-9,
    );
    close(&d.total, &[1.267907, 1.266659, 1.384098, 1.297148], 5e-7);
    let g = m.interdependence().unwrap();
    close(&g.self_reliance, &[1.212049, 1.272468], 5e-7);
    close(&g.spillover_out, &[0.1104692, 0.1363101], 5e-8);
    close(&g.spillover_in, &[0.1363101, 0.1104692], 5e-8);
    close(&g.spillover_balance, &[-0.02584091, 0.02584091], 5e-9);
    close(&g.spillover_export_share, &[0.4476437, 0.5523563], 5e-8);
    close(&g.net_spillover[0], &[0.0, 0.02584091], 5e-9);
    let s = m.spillover_matrix().unwrap();
    close(&s[0], &[0.0, 0.0, 0.03655421, 0.01490746], 5e-9);
    close(&s[3], &[0.03127541, 0.03788771, 0.0, 0.0], 5e-9);
}

#[test]
fn region_table_is_the_single_region_view() {
    let z = vec![
        10., 5., 2., 1., 8., 15., 3., 2., 1., 2., 12., 4., 2., 3., 6., 18.,
    ];
    let x = [100., 120., 80., 110.];
    let mut parts = InterregionalParts::new(
        "fio with accounts",
        regions(&[("R1", &["S1", "S2"]), ("R2", &["S1", "S2"])]),
        z.clone(),
        x.to_vec(),
    );
    let rows: Vec<f64> = (0..4).map(|i| z[i * 4..i * 4 + 4].iter().sum()).collect();
    let cols: Vec<f64> = (0..4).map(|j| (0..4).map(|i| z[i * 4 + j]).sum()).collect();
    parts.final_demand.push(InterregionalFinalDemand {
        label: "hh R1".into(),
        region: Some("R1".into()),
        kind: FinalDemandKind::Households,
        values: vec![x[0] - rows[0], x[1] - rows[1], 0.0, 0.0],
    });
    parts.final_demand.push(InterregionalFinalDemand {
        label: "world".into(),
        region: None,
        kind: FinalDemandKind::ExportsRestOfWorld,
        values: vec![0.0, 0.0, x[2] - rows[2], x[3] - rows[3]],
    });
    parts.primary_inputs.push(PrimaryInputRow {
        label: "va".into(),
        kind: PrimaryInputKind::Compensation,
        values: (0..4).map(|j| x[j] - cols[j]).collect(),
    });
    let t = InterregionalTable::new(parts).unwrap();
    let r1 = t.region_table("R1").unwrap();
    let single = r1.leontief().unwrap().output_multipliers();
    let d = t.model().unwrap().decomposition().unwrap();
    close(&single, &d.single_region[..2], 1e-14);
    // the leak to the other regions is the single-region table's imports from them
    let leak = crate::Leakage::new(&r1).unwrap();
    let imports = leak.channel(crate::leakage::LeakageChannel::ImportsRestOfCountry);
    close(&imports, &d.leak_to_other_regions[..2], 1e-14);
    // the JSON round trip
    let back = read_json(&write_json(&t)).unwrap();
    assert_eq!(back, t);
    // with the byte-order mark a Windows editor writes
    let back = read_json(&format!("\u{feff}{}", write_json(&t))).unwrap();
    assert_eq!(back, t);
}

#[test]
fn bad_systems_are_refused_naming_the_place() {
    let err = |spec: &[(&str, &[&str])], z: Vec<f64>, x: Vec<f64>| {
        InterregionalTable::new(InterregionalParts::new("bad", regions(spec), z, x)).unwrap_err()
    };
    let e = err(&[("r", &["a"]), ("s", &[])], vec![0.0], vec![1.0]);
    assert!(
        matches!(&e, Error::InvalidLabel { reason, label, .. } if reason == "no sectors" && label == "s"),
        "{e}"
    );
    let e = err(&[("r", &["a"]), ("r", &["b"])], vec![0.0; 4], vec![1.0; 2]);
    assert!(
        matches!(&e, Error::InvalidLabel { reason, .. } if reason == "duplicate"),
        "{e}"
    );
    let e = err(&[("r", &["a", "a"])], vec![0.0; 4], vec![1.0; 2]);
    assert!(
        e.to_string().contains("sector codes of region \"r\""),
        "{e}"
    );
    let e = err(&[("r", &["a"]), ("s", &["b"])], vec![0.0; 3], vec![1.0; 2]);
    assert!(matches!(
        e,
        Error::Shape {
            expected: 4,
            found: 3,
            ..
        }
    ));
    // s/b buys 1.5 from r/a and 0.2 from itself but makes only 1.0
    let e = err(
        &[("r", &["a"]), ("s", &["b"])],
        vec![0.1, 1.5, 0.1, 0.2],
        vec![1.0, 1.0],
    );
    assert!(e.to_string().contains("s/b"), "{e}");
    assert_eq!(e.code(), "out_of_range");
    // non-productive: every column spends all its output on the system's flows
    let ok = InterregionalTable::new(InterregionalParts::new(
        "edge",
        regions(&[("r", &["a"]), ("s", &["b"])]),
        vec![0.5, 1.0, 0.5, 1.0],
        vec![1.0, 2.0],
    ))
    .unwrap();
    let e = ok.model().unwrap_err();
    assert_eq!(e.code(), "non_productive", "{e}");
    assert!(
        e.to_string().contains("r/a") || e.to_string().contains("s/b"),
        "{e}"
    );
}

/// A random productive system with `r` regions of 1–4 sectors.
fn system() -> impl Strategy<Value = InterregionalTable> {
    (2usize..=5)
        .prop_flat_map(|r| proptest::collection::vec(1usize..=4, r))
        .prop_flat_map(with_sizes)
}

/// A random productive system whose regions all have the same 1–4 sectors (as pymrio's
/// accounts need).
fn uniform_system() -> impl Strategy<Value = InterregionalTable> {
    (2usize..=5, 1usize..=4).prop_flat_map(|(r, k)| with_sizes(vec![k; r]))
}

/// Regions `R0, R1, …` with `sizes[r]` sectors `s0, s1, …`.
fn numbered(sizes: &[usize]) -> Vec<Region> {
    sizes
        .iter()
        .enumerate()
        .map(|(r, &k)| Region {
            name: format!("R{r}"),
            sectors: (0..k)
                .map(|i| Sector {
                    code: format!("s{i}"),
                    name: String::new(),
                })
                .collect(),
        })
        .collect()
}

fn with_sizes(sizes: Vec<usize>) -> impl Strategy<Value = InterregionalTable> {
    let n: usize = sizes.iter().sum();
    (
        Just(sizes),
        proptest::collection::vec(0.0f64..1.0, n * n),
        proptest::collection::vec(0.05f64..0.6, n),
    )
        .prop_map(|(sizes, raw, spend)| {
            let n: usize = sizes.iter().sum();
            // columns scaled so that each sector spends `spend[j]` of its output on inputs
            let x: Vec<f64> = (0..n).map(|j| 100.0 + j as f64).collect();
            let mut z = vec![0.0; n * n];
            for j in 0..n {
                let s: f64 = (0..n).map(|i| raw[i * n + j]).sum::<f64>().max(1e-9);
                for i in 0..n {
                    z[i * n + j] = raw[i * n + j] / s * spend[j] * x[j];
                }
            }
            InterregionalTable::new(InterregionalParts::new("random", numbered(&sizes), z, x))
                .unwrap()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// DESIGN §7 and the reference README's identities: intra + spill-over = total;
    /// feedback ≥ 0; the additive Round form sums to the total; `L = M3·M2·M1`; Miyazawa's
    /// `L_rr = external·internal`; the Schur block `L_rr = (I − A_rr − A_rs B_s A_sr)⁻¹` for
    /// two regions.
    #[test]
    fn identities_hold_on_random_systems(t in system()) {
        let m = t.model().unwrap();
        let d = m.decomposition().unwrap();
        let n = t.n();
        // without Round's terms: the same numbers to the last bit, the Round fields empty
        let quick = m.decomposition_without_round().unwrap();
        prop_assert!(quick.round_intra.is_empty() && quick.round_spillover.is_empty() && quick.round_feedback.is_empty());
        prop_assert_eq!(&quick.total, &d.total);
        prop_assert_eq!(&quick.intra_regional, &d.intra_regional);
        prop_assert_eq!(&quick.single_region, &d.single_region);
        prop_assert_eq!(&quick.feedback, &d.feedback);
        prop_assert_eq!(&quick.returned_per_leak, &d.returned_per_leak);
        for j in 0..n {
            prop_assert!((d.intra_regional[j] + d.spillover[j] - d.total[j]).abs() < 1e-12);
            prop_assert!(d.feedback[j] >= -1e-12, "feedback {}", d.feedback[j]);
            prop_assert!(d.leak_to_other_regions[j] >= -1e-15);
            prop_assert!(d.round_feedback[j] >= -1e-12);
            let sum = 1.0 + d.round_intra[j] + d.round_spillover[j] + d.round_feedback[j];
            prop_assert!((sum - d.total[j]).abs() < 1e-12);
        }
        let round = m.round_matrices().unwrap();
        let l = m.leontief().unwrap().leontief_inverse().unwrap();
        let flat = |v: &Vec<Vec<f64>>| v.concat();
        let prod = super::model::matmul(n, &super::model::matmul(n, &flat(&round.m3), &flat(&round.m2)), &flat(&round.m1));
        for (p, q) in prod.iter().zip(&l) {
            prop_assert!((p - q).abs() < 1e-11, "{p} vs {q}");
        }
        // the additive Round parts are the column sums of the matrices
        let m2m1 = super::model::matmul(n, &flat(&round.m2), &flat(&round.m1));
        for j in 0..n {
            let net_spill: f64 = (0..n).map(|i| m2m1[i * n + j] - round.m1[i][j]).sum();
            prop_assert!((net_spill - d.round_spillover[j]).abs() < 1e-11);
        }
        for (r, region) in t.regions().iter().enumerate() {
            let b = t.block(r);
            let my = m.miyazawa(&region.name).unwrap();
            let k = b.len();
            let ext = my.external.concat();
            let int = my.internal.concat();
            let prod = super::model::matmul(k, &ext, &int);
            for (p, i) in prod.iter().zip(b.clone().flat_map(|i| b.clone().map(move |j| (i, j)))) {
                prop_assert!((p - l[i.0 * n + i.1]).abs() < 1e-11);
            }
            // extraction: the Woodbury route agrees with a refactored system
            let e = m.extraction(&region.name).unwrap();
            let a = m.coefficients();
            let f: Vec<f64> = (0..n).map(|i| t.output()[i] - t.z()[i * n..(i + 1) * n].iter().sum::<f64>()).collect();
            let mut cut = a.to_vec();
            for i in 0..n {
                for j in 0..n {
                    if b.contains(&i) != b.contains(&j) {
                        cut[i * n + j] = 0.0;
                    }
                }
            }
            let x = crate::LeontiefModel::from_coefficients(n, cut).unwrap().solve(&f).unwrap();
            let loss = t.output().iter().sum::<f64>() - x.iter().sum::<f64>();
            prop_assert!((loss - e.total).abs() < 1e-9 * (1.0 + loss.abs()), "{loss} vs {}", e.total);
        }
    }

    /// The reference README's identity 5 (pymrio's accounts): with the final demand complete
    /// (every column bought by a region of the system), per stressor
    /// `Σ consumption = Σ production + Σ imports − Σ exports`, and `production = F`.
    #[test]
    fn accounts_balance_on_random_systems(t in uniform_system(), share in 0.1f64..0.9) {
        let mut parts = t.parts().clone();
        let n = t.n();
        let f: Vec<f64> = (0..n)
            .map(|i| t.output()[i] - t.z()[i * n..(i + 1) * n].iter().sum::<f64>())
            .collect();
        // each region's final users buy a share of every entry's final sales
        let r_count = parts.regions.len();
        parts.final_demand = parts
            .regions
            .iter()
            .enumerate()
            .map(|(r, region)| InterregionalFinalDemand {
                label: format!("{}/fd", region.name),
                region: Some(region.name.clone()),
                kind: crate::table::FinalDemandKind::Other,
                values: f
                    .iter()
                    .map(|v| v * if r == 0 { share } else { (1.0 - share) / (r_count - 1) as f64 })
                    .collect(),
            })
            .collect();
        let t = InterregionalTable::new(parts).unwrap();
        let stressors = vec![
            Stressor { label: "a".into(), values: (0..n).map(|i| 1.0 + i as f64).collect() },
            Stressor { label: "b".into(), values: (0..n).map(|i| (i % 3) as f64).collect() },
        ];
        let a = t.model().unwrap().accounts(&stressors).unwrap();
        for (k, s) in stressors.iter().enumerate() {
            // D_pba = S·diag(x) = F, to the rounding of F / x · x
            for (p, v) in a.production[k].iter().zip(&s.values) {
                prop_assert!((p - v).abs() <= 4.0 * f64::EPSILON * v.abs(), "{p} vs {v}");
            }
            let sum = |v: &[f64]| v.iter().sum::<f64>();
            let lhs = sum(&a.consumption[k]);
            let rhs = sum(&a.production[k]) + sum(&a.imports[k]) - sum(&a.exports[k]);
            prop_assert!((lhs - rhs).abs() < 1e-9 * (1.0 + lhs.abs()), "{lhs} vs {rhs}");
        }
    }
}

/// Two regions of two sectors with households in each (the bad-input catalogue's base), with
/// or without trade between them.
fn with_households(trade: bool) -> InterregionalTable {
    let json = if trade {
        r#"{"format": "localecon-interregional", "version": 1, "name": "two regions",
          "regions": [{"name": "r", "sectors": ["a", "b"]}, {"name": "s", "sectors": ["a", "b"]}],
          "z": [[10, 20, 5, 5], [15, 10, 5, 10], [5, 5, 20, 10], [5, 5, 10, 20]],
          "final_demand": [
            {"label": "r households", "region": "r", "kind": "households", "values": [30, 30, 20, 20]},
            {"label": "s households", "region": "s", "kind": "households", "values": [20, 20, 30, 30]},
            {"label": "exports", "kind": "exports_rest_of_world", "values": [10, 10, 10, 10]}],
          "primary_inputs": [{"label": "wages", "kind": "compensation", "values": [65, 60, 60, 55]}]}"#
    } else {
        r#"{"format": "localecon-interregional", "version": 1, "name": "no trade",
          "regions": [{"name": "r", "sectors": ["a", "b"]}, {"name": "s", "sectors": ["a", "b"]}],
          "z": [[10, 20, 0, 0], [15, 10, 0, 0], [0, 0, 20, 10], [0, 0, 10, 20]],
          "final_demand": [
            {"label": "r households", "region": "r", "kind": "households", "values": [30, 30, 0, 0]},
            {"label": "s households", "region": "s", "kind": "households", "values": [0, 0, 30, 30]},
            {"label": "exports", "kind": "exports_rest_of_world", "values": [40, 45, 40, 40]}],
          "primary_inputs": [{"label": "wages", "kind": "compensation", "values": [75, 70, 70, 70]}]}"#
    };
    super::read_json(json).unwrap()
}

#[test]
fn type_ii_of_regions_without_trade_is_each_regions_own_type_ii() {
    let t = with_households(false);
    let ii = t.type_ii(&Commuting::none(2)).unwrap();
    for (r, name) in ["r", "s"].iter().enumerate() {
        let single = crate::Multipliers::new(&t.region_table(name).unwrap()).unwrap();
        let own = single.output.type_ii.unwrap();
        for k in 0..2 {
            let j = 2 * r + k;
            assert!(
                (ii.type_ii[j] - own[k]).abs() < 1e-12,
                "{name} {k}: {} vs {}",
                ii.type_ii[j],
                own[k]
            );
            assert!((ii.type_ii_intra_regional[j] - ii.type_ii[j]).abs() < 1e-12);
        }
    }
    assert_eq!(ii.wages_to_other_regions, vec![0.0, 0.0]);
}

#[test]
fn commuting_moves_induced_output_to_where_the_workers_live() {
    let t = with_households(true);
    let home = t.type_ii(&Commuting::none(2)).unwrap();
    // 30 % of the wages paid in r go to households living in s
    let shares = Commuting {
        shares: vec![vec![0.7, 0.0], vec![0.3, 1.0]],
        income: None,
    };
    let away = t.type_ii(&shares).unwrap();
    assert!((away.wages_to_other_regions[0] - 0.3).abs() < 1e-15);
    for j in 0..4 {
        assert!(home.type_ii[j] > home.type_i[j] && home.induced[j] > 0.0);
        assert!(away.induced_in_own_region[j] <= away.induced[j] + 1e-15);
    }
    // what each region's households earn: r's residents 70 % of r's wages, s's residents
    // all of s's and 30 % of r's (wages 65 + 60 in r, 60 + 55 in s)
    assert!((away.household_income[0] - 0.7 * 125.0).abs() < 1e-12);
    assert!((away.household_income[1] - (115.0 + 0.3 * 125.0)).abs() < 1e-12);
    assert_eq!(home.household_income, vec![125.0, 115.0]);
    // the consumption columns are observed spending: a region whose residents earn less in
    // the system spends more of each pound they earn there, so the induced effects move both
    // ways; the identities hold either way
    for j in 0..4 {
        assert!(away.type_ii[j] > away.type_i[j]);
        assert!(away.type_ii_intra_regional[j] <= away.type_ii[j] + 1e-12);
    }
    // errors name the place
    let bad = Commuting {
        shares: vec![vec![0.8, 0.0], vec![0.3, 1.0]],
        income: None,
    };
    let e = t.type_ii(&bad).unwrap_err();
    assert_eq!(e.code(), "out_of_range");
    assert!(e.to_string().contains("\"r\""), "{e}");
    assert_eq!(t.type_ii(&Commuting::none(3)).unwrap_err().code(), "shape");
    // a given household income divides consumption instead: twice the income, smaller
    // induced effects
    let doubled = Commuting {
        income: Some(vec![250.0, 230.0]),
        ..Commuting::none(2)
    };
    let lower = t.type_ii(&doubled).unwrap();
    assert_eq!(lower.household_income, vec![250.0, 230.0]);
    for j in 0..4 {
        assert!(lower.induced[j] < home.induced[j] && lower.induced[j] > 0.0);
    }
    let e = t
        .type_ii(&Commuting {
            income: Some(vec![250.0, f64::NAN]),
            ..Commuting::none(2)
        })
        .unwrap_err();
    assert_eq!(e.code(), "out_of_range");
    assert!(e.to_string().contains("\"s\""), "{e}");
    let e = miller_blair().type_ii(&Commuting::none(2)).unwrap_err();
    assert_eq!(e.code(), "missing_data", "{e}");
}

#[test]
fn the_councils_are_swept_not_factored() {
    // 3,136 entries whose columns sum below 1: the decomposition sweeps over the 32 councils
    // (block SOR on their own inverses) and I − A is never factored; what the sweeps give is
    // compared with numpy's LU in bindings-python/tests/test_interregional.py
    let table = crate::datasets::Sources::embedded()
        .scotland_council_system_2019()
        .unwrap();
    let m = table.model().unwrap();
    let d = m.decomposition().unwrap();
    assert!(!m.is_factored());
    let swept = m.sweeps(None).unwrap().unwrap();
    // measured: 10 sweeps (12 without the over-relaxation)
    assert!((5..=11).contains(&swept.sweeps), "{} sweeps", swept.sweeps);
    for j in 0..table.n() {
        let total: f64 = swept.rows.iter().map(|r| r[j]).sum();
        assert_eq!(total, d.total[j]);
        assert!(d.feedback[j] > -1e-14 && d.round_feedback[j] > -1e-14);
        let round = 1.0 + d.round_intra[j] + d.round_spillover[j] + d.round_feedback[j];
        assert!((round - d.total[j]).abs() < 1e-13);
    }
}

#[test]
fn a_large_system_the_sweeps_cannot_solve_cheaply_is_factored() {
    // 1,000 entries in 50 regions of 20 sectors whose trade with one another outweighs their
    // own: the sweeps' budget (N/2R = 10) cannot reach the rounding level, so the
    // decomposition factors I − A and gives the LU's numbers
    let (count, k) = (50, 20);
    let n = count * k;
    let x: Vec<f64> = (0..n).map(|j| 100.0 + (j % 7) as f64).collect();
    let mut z = vec![0.0; n * n];
    for j in 0..n {
        let own = j / k;
        for i in 0..n {
            // within the region: 0.1 of output spread evenly; across: 0.7
            let share = if i / k == own {
                0.1 / k as f64
            } else {
                0.7 / (n - k) as f64
            };
            z[i * n + j] = share * x[j] * (1.0 + ((i * 31 + j * 17) % 5) as f64 * 0.1) / 1.2;
        }
    }
    let regions = numbered(&vec![k; count]);
    let table =
        InterregionalTable::new(InterregionalParts::new("strongly linked", regions, z, x)).unwrap();
    let m = table.model().unwrap();
    assert!(!m.is_factored());
    assert!(m.sweeps(None).unwrap().is_none());
    let d = m.decomposition().unwrap();
    assert!(m.is_factored());
    assert_eq!(d.total, m.leontief().unwrap().output_multipliers());
}
