//! The fuzz harness of every JSON input other than a table: scenarios, leak-ranking options,
//! business footprints, currency designs, satellite accounts, regionalisation options, LM3
//! surveys, flow networks, RAS problems, impacts, structural-path requests, interregional
//! tables, uncertainty specs, cluster networks and satellite calibrations. The first byte picks the input, the second the table it is applied to (a
//! two-sector table with imports by product, or a three-sector one with an idle sector); the
//! rest is the JSON text. Whatever the bytes, every call must return `Ok` with finite numbers or a typed
//! error: never panic, never NaN or ∞ in a result.

use std::fmt::Debug;

use localecon::circularity::{Balance, FlowSystem, flow_indicators};
use localecon::clusters::{
    ClusterGraph, ClusterOptions, MapFlows, TableClusterOptions, WalkerOptions,
};
use localecon::currency::{LocalCurrency, local_currency};
use localecon::linkages::{PathTarget, structural_paths_bounded};
use localecon::lm3::{Lm3Survey, model_lm_bounded};
use localecon::regionalize::{RasOptions, RegionalizeOptions, ras, regionalize};
use localecon::satellite::{Gwp100, SatelliteParts};
use localecon::scenario::{
    Business, LeakRankingOptions, Scenario, business_footprint, impact, leak_ranking,
};
use localecon::{RegionalTable, Satellite, interchange};
use serde::Deserialize;
use serde::de::DeserializeOwned;

const TWO_SECTORS: &str = r#"{"format": "localecon-table", "version": 1, "name": "two",
 "sectors": [{"code": "s1", "name": "farms"}, {"code": "s2", "name": "mills"}],
 "z": [[150.0, 500.0], [200.0, 100.0]],
 "final_demand": [{"label": "HH", "kind": "households", "values": [100.0, 600.0]},
  {"label": "EXP", "kind": "exports_rest_of_world", "values": [250.0, 1100.0]}],
 "primary_inputs": [{"label": "IMP", "kind": "imports", "values": [100.0, 300.0]},
  {"label": "CoE", "kind": "compensation", "values": [300.0, 700.0]},
  {"label": "GOS", "kind": "operating_surplus", "values": [250.0, 400.0]}],
 "employment": {"unit": "jobs", "values": [10.0, 20.0]},
 "import_use": {"basis": "supplied", "blocks": [{"origin": "IMP", "values": [[100.0, 200.0], [0.0, 100.0]]}]}}"#;

const IDLE_SECTOR: &str = r#"{"format": "localecon-table", "version": 1, "name": "idle",
 "sectors": [{"code": "s1", "name": "farms"}, {"code": "s2", "name": "mills"}, {"code": "s3", "name": "idle"}],
 "z": [[150.0, 500.0, 0.0], [200.0, 100.0, 0.0], [0.0, 0.0, 0.0]],
 "final_demand": [{"label": "HH", "kind": "households", "values": [100.0, 600.0, 0.0]},
  {"label": "EXP", "kind": "exports_rest_of_world", "values": [250.0, 1100.0, 0.0]}],
 "primary_inputs": [{"label": "IMP", "kind": "imports_rest_of_country", "values": [100.0, 300.0, 0.0]},
  {"label": "CoE", "kind": "compensation", "values": [300.0, 700.0, 0.0]},
  {"label": "GOS", "kind": "operating_surplus", "values": [250.0, 400.0, 0.0]}]}"#;

/// The inputs the harness knows, in the order of the selector byte.
pub const INPUTS: [&str; 15] = [
    "scenario",
    "leak_ranking",
    "business",
    "currency",
    "satellite",
    "regionalize",
    "lm3",
    "flow_system",
    "ras",
    "impact",
    "paths",
    "interregional",
    "uncertainty",
    "clusters",
    "calibrate",
];

/// Panics when the `Debug` text of a result holds `NaN` or `inf` outside its strings (the
/// `Debug` of `f64` is the one place those words appear unquoted).
///
/// # Panics
///
/// On a non-finite number: the bug the fuzzer looks for.
pub fn assert_finite(what: &str, result: &impl Debug) {
    let text = format!("{result:?}");
    let mut bare = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            bare.push(' ');
        } else {
            bare.push(c);
        }
    }
    for word in bare.split(|c: char| !c.is_ascii_alphanumeric()) {
        assert!(
            word != "NaN" && word != "inf",
            "{what}: a non-finite number in {text}"
        );
    }
}

/// [`assert_finite`] on a result that is `Ok` (an error may well name a non-finite value).
pub(crate) fn check<T: Debug>(what: &str, result: &localecon::Result<T>) {
    if let Ok(value) = result {
        assert_finite(what, value);
    }
}

fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

#[derive(Deserialize)]
struct Regionalize {
    national: Vec<f64>,
    regional: Vec<f64>,
    #[serde(default)]
    options: RegionalizeOptions,
}

#[derive(Deserialize)]
struct Flows {
    labels: Vec<String>,
    flows: Vec<f64>,
    inputs: Vec<f64>,
    exports: Vec<f64>,
    dissipation: Vec<f64>,
    #[serde(default)]
    tolerance: Option<f64>,
}

#[derive(Deserialize)]
struct Ras {
    u0: Vec<f64>,
    rows: usize,
    cols: usize,
    row_targets: Vec<f64>,
    col_targets: Vec<f64>,
    #[serde(default)]
    tolerance: Option<f64>,
    #[serde(default)]
    max_iterations: Option<usize>,
}

/// A network to cluster (at most [`MAX_CLUSTER_NODES`] nodes), its walker, the options of a
/// search, a partition to score and resolutions to scan; `table` the options of the picked
/// table's clusters.
#[derive(Deserialize)]
struct Network {
    n: usize,
    source: Vec<u32>,
    target: Vec<u32>,
    weight: Vec<f64>,
    #[serde(default)]
    undirected: bool,
    #[serde(default)]
    self_loops: bool,
    #[serde(default)]
    walker: WalkerOptions,
    #[serde(default)]
    options: ClusterOptions,
    #[serde(default)]
    membership: Vec<u32>,
    #[serde(default)]
    resolutions: Vec<f64>,
    #[serde(default)]
    table: Option<TableClusterOptions>,
}

/// The largest network the harness clusters, and the most starts (each start is a whole
/// search: a fuzz run must stay short).
const MAX_CLUSTER_NODES: usize = 64;
const MAX_CLUSTER_STARTS: usize = 4;

#[derive(Deserialize)]
struct Calibrate {
    intensities: Vec<f64>,
    output: Vec<f64>,
    groups: Vec<String>,
    totals: Vec<(String, f64)>,
}

#[derive(Deserialize)]
struct Paths {
    sector: String,
    target: PathTarget,
    cutoff: f64,
    depth: usize,
    top_k: usize,
}

#[derive(Deserialize)]
struct Demand {
    final_demand: Vec<f64>,
    #[serde(default)]
    household_income: f64,
}

/// Every input's result, checked finite; `Err` is a typed error and fine.
fn run(kind: usize, table: &RegionalTable, text: &str) {
    match INPUTS[kind] {
        "scenario" => {
            if let Some(s) = parse::<Scenario>(text) {
                check("scenario", &s.evaluate(table));
            }
        }
        "leak_ranking" => {
            if let Some(o) = parse::<LeakRankingOptions>(text) {
                check("leak ranking", &leak_ranking(table, &o));
            }
        }
        "business" => {
            if let Some(b) = parse::<Business>(text) {
                check("business", &business_footprint(table, &b));
            }
        }
        "currency" => {
            if let Some(c) = parse::<LocalCurrency>(text) {
                check("currency", &local_currency(table, &c));
            }
        }
        "satellite" => {
            if let Some(Ok(s)) = parse::<SatelliteParts>(text).map(|p| Satellite::new(table, p)) {
                check("multipliers", &s.multipliers(table));
                check("footprint", &s.footprint(table));
                check("accounts", &s.accounts(table));
                check(
                    "characterised",
                    &s.characterise("GHG", "kt CO2e", Gwp100::Ar5),
                );
            }
        }
        "regionalize" => {
            if let Some(r) = parse::<Regionalize>(text) {
                if let Ok(t) = regionalize(table, &r.national, &r.regional, &r.options) {
                    crate::fuzzing::analyse(&t);
                }
            }
        }
        "lm3" => {
            if let Some(s) = parse::<Lm3Survey>(text) {
                check("lm3", &s.compute());
            }
            if let Some(k) = parse::<usize>(text) {
                check("model LM", &model_lm_bounded(table, k, 1_000_000));
            }
        }
        "flow_system" => {
            if let Some(f) = parse::<Flows>(text) {
                let balance = Balance {
                    tolerance: f.tolerance.unwrap_or(Balance::default().tolerance),
                    ..Balance::default()
                };
                let system = FlowSystem::new(
                    f.labels,
                    f.flows,
                    f.inputs,
                    f.exports,
                    f.dissipation,
                    balance,
                );
                if let Ok(s) = system {
                    check("flow indicators", &flow_indicators(&s));
                }
            }
        }
        "ras" => {
            if let Some(r) = parse::<Ras>(text) {
                let mut options = RasOptions::default();
                options.tolerance = r.tolerance.unwrap_or(options.tolerance);
                options.max_iterations = r.max_iterations.unwrap_or(1000).min(1000);
                if r.rows.saturating_mul(r.cols) <= 10_000 {
                    let result = ras(
                        &r.u0,
                        r.rows,
                        r.cols,
                        &r.row_targets,
                        &r.col_targets,
                        options,
                    );
                    check("ras", &result);
                }
            }
        }
        "impact" => {
            if let Some(d) = parse::<Demand>(text) {
                check(
                    "impact",
                    &impact(table, &d.final_demand, d.household_income),
                );
            }
        }
        "paths" => {
            if let Some(p) = parse::<Paths>(text) {
                let paths = structural_paths_bounded(
                    table,
                    &p.sector,
                    p.target,
                    p.cutoff,
                    p.depth,
                    p.top_k.min(1000),
                    100_000,
                );
                check("paths", &paths);
            }
        }
        "interregional" => {
            // an interregional table (the text is its JSON), every analysis of it; the
            // regional table the harness picked plays no part
            if let Ok(t) = localecon::interregional::read_json(text)
                && t.n() <= 64
                && let Ok(m) = t.model()
            {
                check("decomposition", &m.decomposition());
                check("returns", &m.returns());
                check("interdependence", &m.interdependence());
                check("spill-over matrix", &m.spillover_matrix());
                check("round matrices", &m.round_matrices());
                check("impact", &m.impact(&vec![1.0; t.n()]));
                for r in t.regions() {
                    check("extraction", &m.extraction(&r.name));
                    check("miyazawa", &m.miyazawa(&r.name));
                    check("region table", &t.region_table(&r.name));
                }
            }
        }
        "uncertainty" => {
            // a Monte Carlo spec over the table's assumptions, at most 16 draws (more is a
            // typed error, as is every bad distribution)
            if let Some(spec) = parse::<localecon::uncertainty::UncertaintySpec>(text) {
                check("uncertainty", &table.uncertainty(&spec, 16));
            }
        }
        "clusters" => {
            if let Some(mut net) = parse::<Network>(text) {
                clusters(table, &mut net);
            }
        }
        "calibrate" => {
            if let Some(c) = parse::<Calibrate>(text) {
                let calibrated = localecon::satellite::calibrate(
                    &c.intensities,
                    &c.output,
                    &c.groups,
                    &c.totals,
                );
                check("calibrate", &calibrated);
            }
        }
        _ => unreachable!("INPUTS lists every arm"),
    }
}

/// Every clustering of a network, and the table's clusters; a typed error is fine.
fn clusters(table: &RegionalTable, net: &mut Network) {
    net.options.starts = net.options.starts.min(MAX_CLUSTER_STARTS);
    if let Some(t) = &mut net.table {
        t.starts = t.starts.min(MAX_CLUSTER_STARTS);
        check(
            "table clusters",
            &localecon::clusters::cluster_table(table, t),
        );
    }
    if net.n > MAX_CLUSTER_NODES || net.resolutions.len() > 4 {
        return;
    }
    let (s, t, w) = (&net.source, &net.target, &net.weight);
    let graph = ClusterGraph::new(net.n, s, t, w, net.undirected, net.self_loops);
    check("cluster graph", &graph);
    if let Ok(g) = graph {
        check("cluster", &localecon::clusters::cluster(&g, &net.options));
        check(
            "consensus",
            &localecon::clusters::consensus(&g, None, &net.options),
        );
        if !net.resolutions.is_empty() {
            let scan = localecon::clusters::resolution_scan(&g, &net.options, &net.resolutions);
            check("scan", &scan);
        }
        let gamma = net.options.resolution;
        check(
            "modularity",
            &localecon::clusters::modularity(&g, &net.membership, gamma),
        );
        check("cpm", &localecon::clusters::cpm(&g, &net.membership, gamma));
    }
    let flows = MapFlows::new(net.n, s, t, w, &net.walker);
    check("map flows", &flows);
    if let Ok(f) = flows {
        let found = localecon::clusters::cluster_map_equation(&f, &net.options);
        check("map equation clusters", &found);
        check(
            "map equation",
            &localecon::clusters::map_equation(&f, &net.membership),
        );
    }
}

/// The harness: `data[0]` picks the input, `data[1]` the table, the rest is JSON.
///
/// # Panics
///
/// When a call panics or returns a non-finite number.
pub fn inputs(data: &[u8]) {
    let [kind, table, rest @ ..] = data else {
        return;
    };
    let source = if table % 2 == 0 {
        TWO_SECTORS
    } else {
        IDLE_SECTOR
    };
    let table = interchange::read_json(source).expect("the harness tables are valid");
    run(
        usize::from(*kind) % INPUTS.len(),
        &table,
        &String::from_utf8_lossy(rest),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clusters arm reads a network as its seeds in `fuzz/corpus/inputs` write it (a
    /// misspelt field would make every seed a silent no-op), and clusters it.
    #[test]
    fn the_clusters_arm_reads_and_clusters_a_network() {
        let text = r#"{"n": 4, "source": [0, 1, 2, 3, 0], "target": [1, 0, 3, 2, 2],
            "weight": [5, 5, 5, 5, 0.1], "options": {"starts": 9}, "membership": [0, 0, 1, 1],
            "resolutions": [0.5, 1, 2], "table": {"preset": "scottish_government", "starts": 30}}"#;
        let mut net: Network = parse(text).expect("the seed's network");
        clusters(&interchange::read_json(TWO_SECTORS).unwrap(), &mut net);
        // the starts are capped for the fuzzer's speed
        assert_eq!(net.options.starts, MAX_CLUSTER_STARTS);
        assert_eq!(net.table.map(|t| t.starts), Some(MAX_CLUSTER_STARTS));
        let g = ClusterGraph::new(4, &net.source, &net.target, &net.weight, false, false).unwrap();
        let found = localecon::clusters::cluster(&g, &net.options).unwrap();
        assert_eq!(found.n_clusters, 2);
    }
}
