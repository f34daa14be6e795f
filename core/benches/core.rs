//! Criterion benchmarks of the core on the embedded Scotland 2019 table (98 industries).
//! Run: `cargo bench -p localecon`. Timings are for comparison between runs and machines;
//! claims in the docs are ratios measured side by side.
#![allow(missing_docs)] // criterion_group! generates undocumented functions

#[path = "support/firms.rs"]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use localecon::circularity::{Closure, FlowSystem, flow_indicators, strongest_cycles};
use localecon::currency::{LocalCurrency, local_currency};
use localecon::linkages::{PathTarget, structural_paths};
use localecon::scenario::{LeakRankingOptions, import_substitution, leak_ranking};
use localecon::{LeontiefModel, Multipliers, RegionReport, datasets};

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
    c.bench_function("scotland98/structural_paths_1e-4", |b| {
        b.iter(|| structural_paths(&table, "10.7", PathTarget::ValueAdded, 1e-4, 8, 20).unwrap())
    });
    let closed = FlowSystem::from_table(&table, Closure::Households).unwrap();
    c.bench_function("scotland98/flow_indicators_closed", |b| {
        b.iter(|| flow_indicators(&closed).unwrap())
    });
    c.bench_function("scotland98/strongest_cycles_len4_top10", |b| {
        b.iter(|| strongest_cycles(&closed, 4, 10))
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

criterion_group!(benches, scotland, sparse);
criterion_main!(benches);
