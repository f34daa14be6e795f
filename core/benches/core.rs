//! Criterion benchmarks of the core on the embedded Scotland 2019 table (98 industries).
//! Run: `cargo bench -p localecon`. Timings are for comparison between runs and machines;
//! claims in the docs are ratios measured side by side.
#![allow(missing_docs)] // criterion_group! generates undocumented functions

#[path = "support/firms.rs"]
mod support;

use criterion::{Criterion, criterion_group};
use localecon::circularity::{Closure, FlowSystem, flow_indicators, strongest_cycles};
use localecon::currency::{LocalCurrency, local_currency};
use localecon::linkages::{PathTarget, structural_paths};
use localecon::satellite::{Satellite, SatelliteParts, Stressor};
use localecon::scenario::{LeakRankingOptions, import_substitution, leak_ranking};
use localecon::table::{FinalDemandColumn, FinalDemandKind, PrimaryInputKind, PrimaryInputRow};
use localecon::{
    LeontiefModel, Multipliers, RegionReport, RegionalTable, Sector, TableParts, datasets,
};

fn scotland(c: &mut Criterion) {
    let table = datasets::scotland_2019();
    let a = LeontiefModel::new(&table).unwrap().coefficients().to_vec();
    c.bench_function("scotland98/leontief_lu", |b| {
        b.iter(|| LeontiefModel::from_coefficients(table.n(), a.clone()).unwrap())
    });
    c.bench_function("scotland98/multipliers_type_i_ii", |b| {
        b.iter(|| Multipliers::new(&table).unwrap())
    });
    c.bench_function("scotland98/region_report", |b| {
        b.iter(|| RegionReport::new(&table).unwrap())
    });
    report_stages(&table);
    // what a first `dataset("scotland-2019")` does before its report: read the CSV layout
    // (and the FTE and imports-by-product files) into a validated table
    let sources = datasets::Sources::embedded();
    c.bench_function("scotland98/build_from_csv", |b| {
        b.iter(|| sources.build("scotland-2019").unwrap())
    });
    c.bench_function("scotland98/structural_paths_1e-4", |b| {
        b.iter(|| structural_paths(&table, "10.7", PathTarget::ValueAdded, 1e-4, 8, 20).unwrap())
    });
    let closed = FlowSystem::from_table(&table, Closure::Households).unwrap();
    c.bench_function("scotland98/flow_indicators_closed", |b| {
        b.iter(|| flow_indicators(&closed).unwrap())
    });
    c.bench_function("scotland98/strongest_cycles_len4_top10", |b| {
        b.iter(|| strongest_cycles(&closed, 4, 10).unwrap())
    });
    c.bench_function("scotland98/leak_ranking_by_product", |b| {
        b.iter(|| leak_ranking(&table, &LeakRankingOptions::default()).unwrap())
    });
    c.bench_function("scotland98/import_substitution_sherman_morrison", |b| {
        b.iter(|| import_substitution(&table, "10.7", "10.6", 0.1).unwrap())
    });
    let glasgow = datasets::glasgow_2019();
    let pound = LocalCurrency {
        acceptance: vec![("47".into(), 0.3), ("56".into(), 0.3)],
        ..Default::default()
    };
    c.bench_function("glasgow98/local_currency", |b| {
        b.iter(|| local_currency(&glasgow, &pound).unwrap())
    });
}

/// The report's split by stage (medians of 1,000 reports, from its progress callback), on
/// a table whose LU and audit are already cached as in the benchmark above.
fn report_stages(table: &RegionalTable) {
    use std::time::Instant;
    let mut times: Vec<(String, Vec<f64>)> = Vec::new();
    for _ in 0..1000 {
        let mut marks: Vec<(String, Instant)> = Vec::new();
        RegionReport::with_progress(table, &mut |stage, _| {
            marks.push((stage.to_string(), Instant::now()));
        })
        .unwrap();
        for w in marks.windows(2) {
            let ms = w[1].1.duration_since(w[0].1).as_secs_f64() * 1e3;
            match times.iter_mut().find(|(s, _)| *s == w[0].0) {
                Some((_, v)) => v.push(ms),
                None => times.push((w[0].0.clone(), vec![ms])),
            }
        }
    }
    let split: Vec<String> = times
        .iter_mut()
        .map(|(stage, v)| {
            v.sort_by(f64::total_cmp);
            format!("{stage} {:.3} ms", v[v.len() / 2])
        })
        .collect();
    eprintln!("scotland98/region_report by stage: {}", split.join(", "));
}

/// A firm network like the Python comparison's: 10⁵ accounts, 10 flows each, 20–60 % leakage.
fn sparse(c: &mut Criterion) {
    let net = support::firm_network(100_000);
    let mut group = c.benchmark_group("sparse_1e5_accounts");
    group.sample_size(20);
    group.bench_function("analyse_1e-10", |b| {
        b.iter(|| net.analyse(1e-10, 1000).unwrap())
    });
    group.finish();
}

/// A dense random table of `n` sectors without households (Type I only): `a_ij = 0.6/n·(0.5 +
/// u_ij)`, output 1000 each, one import row and one final-demand column closing the identities.
fn dense_table(n: usize) -> TableParts {
    let mut r: u64 = 42;
    let mut u = move || {
        r = r
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (r >> 11) as f64 / (1u64 << 53) as f64
    };
    let z: Vec<f64> = (0..n * n).map(|_| 600.0 / n as f64 * (0.5 + u())).collect();
    let sectors = (0..n)
        .map(|i| Sector {
            code: format!("S{i}"),
            name: format!("sector {i}"),
        })
        .collect();
    let mut parts = TableParts::new("dense", sectors, z.clone());
    parts.final_demand.push(FinalDemandColumn {
        label: "FD".into(),
        kind: FinalDemandKind::ExportsRestOfWorld,
        values: (0..n)
            .map(|i| 1000.0 - z[i * n..(i + 1) * n].iter().sum::<f64>())
            .collect(),
    });
    parts.primary_inputs.push(PrimaryInputRow {
        label: "IMP".into(),
        kind: PrimaryInputKind::Imports,
        values: (0..n)
            .map(|j| 1000.0 - (0..n).map(|i| z[i * n + j]).sum::<f64>())
            .collect(),
    });
    parts
}

/// k stressors with amounts proportional to output, on a table of `n` sectors.
fn stressors(t: &RegionalTable, k: usize) -> Satellite {
    let stressors = (0..k)
        .map(|s| Stressor {
            name: format!("s{s}"),
            unit: "t".into(),
            gas: None,
            values: t
                .output()
                .iter()
                .enumerate()
                .map(|(j, x)| x * ((j + s) % 7) as f64)
                .collect(),
            household: 0.0,
            removals: false,
        })
        .collect();
    Satellite::new(
        t,
        SatelliteParts {
            stressors,
            ..Default::default()
        },
    )
    .unwrap()
}

/// Issue 20's claim: multipliers of k ≤ 10 stressors cost at most 1.2× the Type I output
/// multipliers on the same table (both from a fresh table: one factorisation each; the
/// stressors then take one blocked transposed solve).
fn satellite(c: &mut Criterion) {
    use criterion::BatchSize;
    for (name, parts) in [
        ("scotland98", datasets::scotland_2019().into_parts()),
        ("dense500", dense_table(500)),
    ] {
        let mut group = c.benchmark_group(format!("satellite_{name}"));
        let fresh = || RegionalTable::new(parts.clone()).unwrap();
        group.bench_function("output_multipliers_type_i", |b| {
            b.iter_batched(
                fresh,
                |t| t.leontief().unwrap().output_multipliers(),
                BatchSize::LargeInput,
            )
        });
        for k in [1, 10] {
            let sat = stressors(&fresh(), k);
            group.bench_function(format!("stressor_multipliers_type_i_k{k}"), |b| {
                b.iter_batched(
                    fresh,
                    |t| sat.multipliers_type_i(&t).unwrap(),
                    BatchSize::LargeInput,
                )
            });
        }
        let sat = stressors(&fresh(), 10);
        group.bench_function("stressor_multipliers_type_i_ii_k10", |b| {
            b.iter_batched(
                fresh,
                |t| sat.multipliers(&t).unwrap(),
                BatchSize::LargeInput,
            )
        });
        group.finish();
    }
}

/// Issue 17's claim: the atlas of Scotland's 32 council areas (built and reported on rayon's
/// pool) against the same 32 tables built and reported one after the other.
fn atlas(c: &mut Criterion) {
    use localecon::atlas::AtlasRow;
    let sources = datasets::Sources::embedded();
    let names = sources.council_names().unwrap();
    let mut group = c.benchmark_group("atlas_scotland");
    group.sample_size(10);
    group.bench_function("atlas_32_councils", |b| {
        b.iter(|| sources.scotland_council_atlas().unwrap())
    });
    group.bench_function("sum_of_32_single_reports", |b| {
        b.iter(|| {
            names
                .iter()
                .map(|n| {
                    let t = sources.council_2019(n).unwrap();
                    AtlasRow::new(n, &t).unwrap()
                })
                .count()
        })
    });
    group.bench_function("atlas_547_australian_lgas", |b| {
        b.iter(|| sources.australia_lga_atlas().unwrap())
    });
    group.finish();
}

/// Issue 18's claim: Scotland's 32 council areas as one system (3,136 entries), every
/// region's decomposition by the block Gauss–Seidel sweeps, against one LU of the whole
/// system (the side-by-side comparison with numpy is `bindings-python/benches/compare.py
/// --only interregional`).
fn interregional(c: &mut Criterion) {
    use localecon::InterregionalModel;
    let table = datasets::Sources::embedded()
        .scotland_council_system_2019()
        .unwrap();
    let mut group = c.benchmark_group("interregional_32_councils");
    group.sample_size(10);
    // the model: A and each region's own factors (the whole I − A is factored on first use)
    group.bench_function("model", |b| {
        b.iter(|| InterregionalModel::new(&table).unwrap())
    });
    // the model and every region's decomposition by the block Gauss–Seidel sweeps
    group.bench_function("model_and_decompose", |b| {
        b.iter(|| {
            InterregionalModel::new(&table)
                .unwrap()
                .decomposition()
                .unwrap()
        })
    });
    group.bench_function("model_and_decompose_without_round", |b| {
        b.iter(|| {
            InterregionalModel::new(&table)
                .unwrap()
                .decomposition_without_round()
                .unwrap()
        })
    });
    // the floor the sweeps avoid: one LU of the whole I − A
    group.bench_function("factor_the_whole_system", |b| {
        b.iter(|| {
            InterregionalModel::new(&table)
                .unwrap()
                .leontief()
                .unwrap()
                .n()
        })
    });
    group.finish();
}

/// The machine the numbers come from (a ratio measured here is not a claim for another).
fn machine() {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let field = |key: &str| {
        info.lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_once(':'))
            .map_or(String::new(), |(_, v)| v.trim().to_string())
    };
    let flags = field("flags");
    let simd: Vec<&str> = ["sse4_2", "avx", "avx2", "fma", "avx512f"]
        .into_iter()
        .filter(|f| flags.split(' ').any(|x| x == *f))
        .collect();
    eprintln!(
        "machine: {}, {} threads, SIMD: {}",
        field("model name"),
        std::thread::available_parallelism().map_or(1, usize::from),
        simd.join(" ")
    );
}

criterion_group!(benches, scotland, sparse, satellite, atlas, interregional);

fn main() {
    machine();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
