use super::*;

const KARATE_EDGES: &str = include_str!("../../../tests/fixtures/clusters/karate_edges.csv");
const KARATE_PARTITIONS: &str =
    include_str!("../../../tests/fixtures/clusters/karate_partitions.csv");

fn karate(weighted: bool) -> ClusterGraph {
    let (mut a, mut b, mut w) = (Vec::new(), Vec::new(), Vec::new());
    for line in KARATE_EDGES.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        a.push(f[0].parse().unwrap());
        b.push(f[1].parse().unwrap());
        w.push(if weighted { f[2].parse().unwrap() } else { 1.0 });
    }
    ClusterGraph::undirected(34, &a, &b, &w, false).unwrap()
}

fn karate_partition(column: usize) -> Vec<u32> {
    KARATE_PARTITIONS
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(column).unwrap().parse().unwrap())
        .collect()
}

fn undirected(n: usize, edges: &[(u32, u32)]) -> ClusterGraph {
    let a: Vec<u32> = edges.iter().map(|e| e.0).collect();
    let b: Vec<u32> = edges.iter().map(|e| e.1).collect();
    ClusterGraph::undirected(n, &a, &b, &vec![1.0; edges.len()], false).unwrap()
}

/// networkx's `barbell_graph(m1, m2)`: two complete graphs of `m1` nodes and a path of `m2`.
fn barbell(m1: u32, m2: u32) -> Vec<(u32, u32)> {
    let mut e = Vec::new();
    for off in [0, m1 + m2] {
        for u in 0..m1 {
            for v in u + 1..m1 {
                e.push((off + u, off + v));
            }
        }
    }
    for u in m1 - 1..m1 + m2 {
        e.push((u, u + 1));
    }
    e
}

/// networkx's `connected_caveman_graph(l, k)`.
fn caveman(l: u32, k: u32) -> Vec<(u32, u32)> {
    let mut e = Vec::new();
    for c in 0..l {
        for u in 0..k {
            for v in u + 1..k {
                e.push((c * k + u, c * k + v));
            }
        }
    }
    for start in (0..l * k).step_by(k as usize) {
        e.retain(|&p| p != (start, start + 1));
        e.push((start, (start + l * k - 1) % (l * k)));
    }
    e
}

fn close(a: f64, b: f64, tol: f64) {
    assert!((a - b).abs() <= tol, "{a} vs {b} (tolerance {tol})");
}

#[test]
fn karate_modularity_matches_the_reference_values() {
    let g = karate(false);
    close(
        modularity(&g, &karate_partition(1), 1.0).unwrap(),
        0.358_234_714_003_944_7,
        1e-12,
    );
    let best = karate_partition(2);
    close(
        modularity(&g, &best, 1.0).unwrap(),
        0.419_789_612_097_304_37,
        1e-12,
    );
    close(
        modularity(&g, &best, 0.5).unwrap(),
        0.575_279_421_433_267_5,
        1e-12,
    );
    close(
        modularity(&g, &best, 2.0).unwrap(),
        0.108_809_993_425_378,
        1e-12,
    );
}

#[test]
fn leiden_finds_the_exact_karate_optima_in_most_starts() {
    let g = karate(false);
    let c = cluster(
        &g,
        &ClusterOptions {
            starts: 100,
            ..Default::default()
        },
    )
    .unwrap();
    close(c.value, 0.419_789_612_097_304_37, 1e-9);
    assert_eq!(c.n_clusters, 4);
    assert!(
        c.starts_reaching_best > 50,
        "{} of 100",
        c.starts_reaching_best
    );
    assert_eq!(adjusted_rand(&c.membership, &karate_partition(2)), 1.0);
    // no start beats the proven optimum
    assert!(
        c.start_values
            .iter()
            .all(|&q| q <= 0.419_789_612_097_304_37 + 1e-12)
    );
    let w = cluster(
        &karate(true),
        &ClusterOptions {
            starts: 100,
            ..Default::default()
        },
    )
    .unwrap();
    close(w.value, 0.444_903_581_267_217_63, 1e-9);
    assert_eq!(adjusted_rand(&w.membership, &karate_partition(3)), 1.0);
}

#[test]
fn closed_forms_barbell_and_the_directed_toy() {
    let g = undirected(6, &barbell(3, 0));
    close(
        modularity(&g, &[0, 0, 0, 1, 1, 1], 1.0).unwrap(),
        70.0 / 196.0,
        1e-12,
    );
    close(
        modularity(&g, &[0, 0, 1, 1, 0, 1], 1.0).unwrap(),
        -16.0 / 196.0,
        1e-12,
    );
    close(
        modularity(&g, &[0, 0, 0, 1, 1, 1], 2.0).unwrap(),
        -0.142_857_142_857_142_9,
        1e-12,
    );
    close(
        modularity(&g, &[0, 0, 0, 1, 1, 1], 0.2).unwrap(),
        0.757_142_857_142_857_1,
        1e-12,
    );
    let g = undirected(13, &barbell(5, 3));
    let p = [0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2];
    close(
        modularity(&g, &p, 1.0).unwrap(),
        0.518_229_166_666_666_6,
        1e-12,
    );
    let best = cluster(&g, &ClusterOptions::default()).unwrap();
    close(best.value, 0.518_229_166_666_666_6, 1e-12);
    // Leicht & Newman's toy: edges 2→1, 2→3, 3→4 (here 1→0, 1→2, 2→3)
    let d = ClusterGraph::directed(4, &[1, 1, 2], &[0, 2, 3], &[1.0; 3], false).unwrap();
    close(
        modularity(&d, &[0, 0, 1, 1], 1.0).unwrap(),
        2.0 / 9.0,
        1e-12,
    );
    let u = ClusterGraph::undirected(4, &[1, 1, 2], &[0, 2, 3], &[1.0; 3], false).unwrap();
    close(
        modularity(&u, &[0, 0, 1, 1], 1.0).unwrap(),
        1.0 / 6.0,
        1e-12,
    );
}

#[test]
fn cpm_counts_ordered_pairs_and_leiden_maximises_it() {
    let g = undirected(6, &barbell(3, 0));
    // two triangles: 6 ordered internal flows each, 6 ordered pairs each
    close(
        cpm(&g, &[0, 0, 0, 1, 1, 1], 0.5).unwrap(),
        2.0 * (6.0 - 0.5 * 6.0),
        1e-12,
    );
    let c = cluster(
        &g,
        &ClusterOptions {
            quality: Quality::Cpm,
            resolution: 0.5,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(c.n_clusters, 2);
    close(c.value, 6.0, 1e-12);
}

fn infomap_doc_example() -> MapFlows {
    let links = [
        (0, 1),
        (0, 2),
        (0, 3),
        (1, 0),
        (1, 2),
        (2, 1),
        (2, 0),
        (3, 0),
        (3, 4),
        (3, 5),
        (4, 3),
        (4, 5),
        (5, 4),
        (5, 3),
    ];
    let s: Vec<u32> = links.iter().map(|l| l.0).collect();
    let t: Vec<u32> = links.iter().map(|l| l.1).collect();
    MapFlows::directed(
        6,
        &s,
        &t,
        &vec![1.0; links.len()],
        FlowModel::Teleport(0.15),
    )
    .unwrap()
}

#[test]
fn the_map_equation_matches_infomap() {
    let f = infomap_doc_example();
    close(
        map_equation(&f, &[0, 0, 0, 1, 1, 1]).unwrap(),
        2.320_730_356_833_790_3,
        1e-9,
    );
    let c = cluster_map_equation(&f, &ClusterOptions::default()).unwrap();
    close(c.value, 2.320_730_356_833_790_3, 1e-9);
    // two directed triangles bridged by 2→3 and 0→4 (networkx's test, from the C++ Infomap)
    let s = [0, 1, 2, 3, 4, 5, 2, 0];
    let t = [1, 2, 0, 4, 5, 3, 3, 4];
    let f = MapFlows::directed(6, &s, &t, &[1.0; 8], FlowModel::Teleport(0.15)).unwrap();
    close(
        map_equation(&f, &[0, 0, 0, 1, 1, 1]).unwrap(),
        1.772_891_255_752_879_8,
        1e-9,
    );
    // undirected optima found by the optimiser
    for (edges, n, expected, modules) in [
        (barbell(5, 0), 10, 2.642_755_006_456_368, 2),
        (caveman(5, 6), 30, 3.089_850_642_923_350_8, 5),
    ] {
        let a: Vec<u32> = edges.iter().map(|e| e.0).collect();
        let b: Vec<u32> = edges.iter().map(|e| e.1).collect();
        let f = MapFlows::undirected(n, &a, &b, &vec![1.0; edges.len()]).unwrap();
        let c = cluster_map_equation(&f, &ClusterOptions::default()).unwrap();
        close(c.value, expected, 1e-9);
        assert_eq!(c.n_clusters, modules);
    }
    let (mut a, mut b, mut w) = (Vec::new(), Vec::new(), Vec::new());
    for line in KARATE_EDGES.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        a.push(f[0].parse().unwrap());
        b.push(f[1].parse().unwrap());
        w.push(f[2].parse().unwrap());
    }
    let f = MapFlows::undirected(34, &a, &b, &w).unwrap();
    let c = cluster_map_equation(&f, &ClusterOptions::default()).unwrap();
    close(c.value, 4.087_423_158_819_622, 1e-9);
    assert_eq!(c.n_clusters, 3);
}

#[test]
fn one_seed_gives_one_partition_and_another_seed_may_differ() {
    let g = karate(false);
    let o = ClusterOptions {
        starts: 3,
        seed: 42,
        ..Default::default()
    };
    let a = cluster(&g, &o).unwrap();
    let b = cluster(&g, &o).unwrap();
    assert_eq!(a, b);
    // the per-start values are pinned: the same on every platform and in every binding
    assert_eq!(a.start_values.len(), 3);
    assert!(a.start_values.iter().all(|q| *q > 0.40));
}

#[test]
fn bad_inputs_are_typed_errors() {
    let g = karate(false);
    for gamma in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        let e = cluster(
            &g,
            &ClusterOptions {
                resolution: gamma,
                ..Default::default()
            },
        );
        assert_eq!(e.unwrap_err().code(), "out_of_range");
    }
    let e = cluster(
        &g,
        &ClusterOptions {
            starts: 0,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("starts"), "{e}");
    assert_eq!(
        ClusterGraph::directed(0, &[], &[], &[], false)
            .unwrap_err()
            .code(),
        "empty"
    );
    let e = ClusterGraph::directed(3, &[], &[], &[], false).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    let e = ClusterGraph::directed(1, &[0], &[0], &[1.0], true).unwrap_err();
    assert_eq!(e.code(), "invalid_input", "one node: {e}");
    let e = ClusterGraph::directed(3, &[0, 1], &[1, 2], &[1.0, -2.0], false).unwrap_err();
    assert_eq!(e.code(), "negative");
    assert!(e.to_string().contains("flows[1]"), "{e}");
    let e = ClusterGraph::directed(3, &[0, 1], &[1, 5], &[1.0, 2.0], false).unwrap_err();
    assert_eq!(e.code(), "out_of_range");
    let e = ClusterGraph::directed(3, &[0], &[1], &[f64::NAN], false).unwrap_err();
    assert_eq!(e.code(), "non_finite");
    let e = modularity(&g, &[0, 1], 1.0).unwrap_err();
    assert_eq!(e.code(), "shape");
    let e = cluster(
        &g,
        &ClusterOptions {
            quality: Quality::MapEquation,
            ..Default::default()
        },
    );
    assert_eq!(e.unwrap_err().code(), "invalid_input");
    let f = infomap_doc_example();
    let e = MapFlows::directed(2, &[0], &[1], &[1.0], FlowModel::Teleport(1.0)).unwrap_err();
    assert_eq!(e.code(), "out_of_range");
    assert_eq!(map_equation(&f, &[0; 5]).unwrap_err().code(), "shape");
}

#[test]
fn scan_and_consensus() {
    let g = karate(false);
    let rows = resolution_scan(&g, &ClusterOptions::default(), &[0.5, 1.0, 2.0]).unwrap();
    assert_eq!(rows[0].similarity_to_previous, 1.0);
    assert!(rows[0].clustering.n_clusters <= rows[1].clustering.n_clusters);
    assert!(rows[1].clustering.n_clusters <= rows[2].clustering.n_clusters);
    let c = consensus(
        &g,
        None,
        &ClusterOptions {
            starts: 30,
            ..Default::default()
        },
    )
    .unwrap();
    let n = 34;
    for u in 0..n {
        close(c.co_occurrence[u * n + u], 1.0, 0.0);
        for v in 0..n {
            assert_eq!(c.co_occurrence[u * n + v], c.co_occurrence[v * n + u]);
        }
    }
    let k = c.best.n_clusters;
    let own = |v: usize| c.attachment[v * k + c.best.membership[v] as usize];
    // the two leaders belong firmly to their clusters; node 9, between the factions, does not
    assert!(own(0) > 0.6 && own(33) > 0.6, "{} {}", own(0), own(33));
    let mean: f64 = (0..n).map(own).sum::<f64>() / n as f64;
    assert!(mean > 0.6, "{mean}");
    // attachment is the mean co-occurrence with the cluster's other members
    let members: Vec<usize> = (1..n)
        .filter(|&u| c.best.membership[u] == c.best.membership[0])
        .collect();
    let direct: f64 =
        members.iter().map(|&u| c.co_occurrence[u]).sum::<f64>() / members.len() as f64;
    close(own(0), direct, 1e-12);
    close(adjusted_rand(&[0, 0, 1, 1], &[1, 1, 0, 0]), 1.0, 0.0);
}

#[test]
fn scottish_government_method_reaches_their_modularity() {
    let t = crate::datasets::scotland_2019();
    let c = cluster_table(&t, &TableClusterOptions::scottish_government()).unwrap();
    // their code: 0.13464271047738519 with 16 clusters on the official 2019 inverse
    assert!(
        c.clustering.value >= 0.134_642_710_477_385_19,
        "{}",
        c.clustering.value
    );
    assert!(
        (10..=25).contains(&c.clustering.n_clusters),
        "{}",
        c.clustering.n_clusters
    );
}

#[test]
fn cluster_accounts_add_up() {
    let t = crate::datasets::scotland_2019();
    for quality in [Quality::Modularity, Quality::MapEquation] {
        let o = TableClusterOptions {
            quality,
            starts: 4,
            ..Default::default()
        };
        let c = cluster_table(&t, &o).unwrap();
        let total: f64 = c.clusters.iter().map(|a| a.output).sum();
        let x: f64 = t.output().iter().sum();
        close(total, x, 1e-9 * x);
        let members: usize = c.clusters.iter().map(|a| a.sectors.len()).sum();
        assert_eq!(members, t.n());
        for a in c.clusters.iter().filter(|a| a.output > 0.0) {
            let leak: f64 = a.leakage_by_channel.iter().map(|s| s.share).sum();
            close(a.retention + leak, 1.0, 1e-12);
            assert!(a.within_multiplier >= 1.0 - 1e-12);
            assert!((0.0..=1.0).contains(&a.internal_purchase_share));
            for m in &a.missing_links {
                assert!(m.cluster_income_gain > 0.0);
                assert!(m.cluster_income_gain <= m.region_income_gain * (1.0 + 1e-12));
                assert_eq!(c.cluster_of(&m.buyer).unwrap(), a.cluster);
                assert_eq!(c.cluster_of(&m.product).unwrap(), a.cluster);
            }
            for w in a.missing_links.windows(2) {
                assert!(w[0].gain_per_unit >= w[1].gain_per_unit);
            }
        }
        let o = TableClusterOptions {
            quality,
            starts: 4,
            rank_links_by: LinkRanking::Total,
            ..Default::default()
        };
        for a in cluster_table(&t, &o).unwrap().clusters {
            for w in a.missing_links.windows(2) {
                assert!(w[0].cluster_income_gain >= w[1].cluster_income_gain);
            }
        }
    }
}

#[test]
fn flow_and_sparse_networks_give_the_tables_graph() {
    let t = crate::datasets::scotland_2019();
    let n = t.n();
    let from_table = table_graph(&t, false).unwrap();
    let net = crate::network::FlowNetwork::from_table(&t);
    assert_eq!(net.cluster_graph(false).unwrap(), from_table);
    // the sparse network keeps shares A_ij and outlays x_j: A_ij·x_j is the flow up to one
    // rounding, so the graphs agree to 1e-15 relative and give the same partition
    let (mut payer, mut payee, mut amount) = (Vec::new(), Vec::new(), Vec::new());
    for j in 0..n {
        for i in 0..n {
            let z = t.z_at(i, j);
            if z > 0.0 {
                payer.push(j as u32);
                payee.push(i as u32);
                amount.push(z);
            }
        }
    }
    let x = t.output();
    let local: Vec<f64> = (0..n)
        .map(|j| (0..n).map(|i| t.z_at(i, j).max(0.0)).sum())
        .collect();
    let leaked: Vec<f64> = (0..n).map(|j| (x[j] - local[j]).max(1.0)).collect();
    let sparse =
        crate::sparse::SparseNetwork::new(n, &payer, &payee, &amount, &leaked, &vec![0.0; n])
            .unwrap();
    let g = sparse.cluster_graph(false).unwrap();
    assert_eq!(
        (g.n, &g.start, &g.nbr),
        (from_table.n, &from_table.start, &from_table.nbr)
    );
    for (a, b) in g.w.iter().zip(&from_table.w) {
        close(*a, *b, 4e-16 * b.abs());
    }
    let o = ClusterOptions {
        starts: 4,
        seed: 3,
        ..Default::default()
    };
    let (p, q) = (cluster(&g, &o).unwrap(), cluster(&from_table, &o).unwrap());
    assert_eq!(p.membership, q.membership);
    close(p.value, q.value, 1e-14);
}

const GOLDEN: &str = include_str!("../../../tests/fixtures/clusters/golden.json");

/// The pinned results every binding must give to the last bit (`tests/fixtures/clusters/
/// golden.json`): the same seed, the same partition and values on every platform.
fn golden_now() -> serde_json::Value {
    let karate = cluster(
        &karate(false),
        &ClusterOptions {
            starts: 5,
            seed: 7,
            ..Default::default()
        },
    )
    .unwrap();
    let t = crate::datasets::scotland_2019();
    let flows = cluster_table(
        &t,
        &TableClusterOptions {
            starts: 4,
            seed: 11,
            ..Default::default()
        },
    )
    .unwrap();
    let map = cluster_table(
        &t,
        &TableClusterOptions {
            quality: Quality::MapEquation,
            starts: 4,
            seed: 11,
            ..Default::default()
        },
    )
    .unwrap();
    serde_json::json!({
        "karate_seed7_starts5": {"membership": karate.membership, "start_values": karate.start_values},
        "scotland_flows_seed11_starts4": {
            "membership": flows.clustering.membership, "start_values": flows.clustering.start_values,
            "first_cluster_within_multiplier": flows.clusters[0].within_multiplier,
        },
        "scotland_map_equation_seed11_starts4": {
            "membership": map.clustering.membership, "start_values": map.clustering.start_values,
        },
    })
}

#[test]
fn one_seed_gives_the_pinned_partitions_to_the_last_bit() {
    let now = golden_now();
    if std::env::var_os("LOCALECON_BLESS").is_some() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/clusters/golden.json"
        );
        std::fs::write(path, serde_json::to_string_pretty(&now).unwrap() + "\n").unwrap();
    }
    let pinned: serde_json::Value = serde_json::from_str(GOLDEN).unwrap();
    assert_eq!(now, pinned);
}

#[test]
fn a_seed_read_from_data_is_whole_and_in_range_or_out_of_range() {
    let read = |json: &str| crate::input_from_json::<ClusterOptions>(json, "cluster options");
    assert_eq!(read(r#"{"seed": 7}"#).unwrap().seed, 7);
    assert_eq!(read(r#"{"seed": 7.0}"#).unwrap().seed, 7); // as JavaScript gives it
    assert_eq!(
        read(r#"{"seed": 18446744073709551615}"#).unwrap().seed,
        u64::MAX
    );
    assert_eq!(
        read(r#"{"seed": 9007199254740991.0}"#).unwrap().seed,
        (1 << 53) - 1
    );
    for (json, value) in [
        (r#"{"seed": -1}"#, -1.0),
        (r#"{"seed": 1.5}"#, 1.5),
        (
            r#"{"seed": 18446744073709551616}"#,
            18_446_744_073_709_551_616.0,
        ),
        (r#"{"seed": 9007199254740992.0}"#, 9_007_199_254_740_992.0),
    ] {
        match read(json).unwrap_err() {
            Error::OutOfRange {
                location: Location::Field(f),
                value: v,
                ..
            } => assert_eq!((f.as_str(), v), ("seed", value), "{json}"),
            e => panic!("{json}: {e:?}"),
        }
    }
    let table = crate::input_from_json::<TableClusterOptions>(r#"{"seed": 0.5}"#, "options");
    assert_eq!(table.unwrap_err().code(), "out_of_range");
    // not a number at all: the read's own error
    assert_eq!(
        read(r#"{"seed": "7"}"#).unwrap_err().code(),
        "invalid_input"
    );
    // the uncertainty spec's seed is read the same way
    let spec = r#"{"assumptions": {"delta": [0.2, 0.3]}, "draws": 2, "seed": -3}"#;
    let e = crate::input_from_json::<crate::uncertainty::UncertaintySpec>(spec, "spec");
    assert_eq!(e.unwrap_err().code(), "out_of_range");
}

#[test]
fn a_preset_read_from_data_is_the_start_and_the_options_beside_it_override_it() {
    let read = |json: &str| crate::input_from_json::<TableClusterOptions>(json, "options");
    assert_eq!(read("{}").unwrap(), TableClusterOptions::default());
    let sg = TableClusterOptions::scottish_government();
    assert_eq!(read(r#"{"preset": "scottish_government"}"#).unwrap(), sg);
    assert_eq!(
        read(r#"{"starts": 2, "preset": "scottish_government", "missing_links": 1}"#).unwrap(),
        TableClusterOptions {
            starts: 2,
            missing_links: 1,
            ..sg.clone()
        }
    );
    // an option equal to the plain default still overrides the preset's
    assert_eq!(
        read(r#"{"preset": "scottish_government", "basis": "flows"}"#)
            .unwrap()
            .basis,
        Basis::Flows
    );
    assert_eq!(
        TableClusterOptions::preset("scottish_government").unwrap(),
        sg
    );
    // a wrong preset is the typed error listing the presets, in data as by name
    for e in [
        read(r#"{"preset": "glasgow"}"#).unwrap_err(),
        TableClusterOptions::preset("glasgow").unwrap_err(),
    ] {
        assert!(
            matches!(&e, Error::UnknownOption { value, expected, .. } if value == "glasgow" && expected == "scottish_government"),
            "{e:?}"
        );
    }
    let e = read(r#"{"preset": "scottish_government", "undirected": true}"#).unwrap_err();
    assert_eq!(e.code(), "invalid_input", "{e}");
    assert!(e.to_string().contains("unknown field `undirected`"), "{e}");
    // the options echo what was used, without the preset's name: read back, the same options
    let json =
        serde_json::to_string(&read(r#"{"preset": "scottish_government"}"#).unwrap()).unwrap();
    assert_eq!(read(&json).unwrap(), sg);
}

#[test]
fn the_walker_options_choose_the_flow_model() {
    let (s, t, w) = ([0, 1, 2, 2], [1, 2, 0, 1], [1.0, 2.0, 1.0, 0.5]);
    let rates = |o: WalkerOptions| {
        MapFlows::new(3, &s, &t, &w, &o)
            .unwrap()
            .node_flow()
            .to_vec()
    };
    let directed = |m| {
        MapFlows::directed(3, &s, &t, &w, m)
            .unwrap()
            .node_flow()
            .to_vec()
    };
    assert_eq!(
        rates(WalkerOptions::default()),
        directed(FlowModel::Observed)
    );
    let teleport = WalkerOptions {
        teleportation: Some(0.15),
        ..Default::default()
    };
    assert_eq!(rates(teleport), directed(FlowModel::Teleport(0.15)));
    let undirected = WalkerOptions {
        undirected: true,
        ..Default::default()
    };
    let u = MapFlows::undirected(3, &s, &t, &w).unwrap();
    assert_eq!(rates(undirected), u.node_flow());
    let both = WalkerOptions {
        undirected: true,
        teleportation: Some(0.15),
    };
    let e = MapFlows::new(3, &s, &t, &w, &both).unwrap_err();
    assert!(e.to_string().contains("teleportation"), "{e}");
    assert_eq!(e.code(), "invalid_input");
}
