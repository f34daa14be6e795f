//! Runs the three-language agreement corpus (`tests/make_corpus.py`) in Rust: for every case
//! the report of the table, its leak ranking (top 3), the scenario evaluated, the report of
//! the table regionalised by FLQ and the analysis of the sparse network, or the error code of
//! whichever fails. `scripts/check_corpus.py`
//! compares the output with Python's and JavaScript's, demanding equality to the last bit.
//!
//! `cargo run --release --example corpus -- CORPUS.json OUT.json`

use std::process::ExitCode;

use localecon::regionalize::{RegionalizeOptions, regionalize};
use localecon::scenario::{LeakRankingOptions, Scenario, leak_ranking};
use localecon::sparse::SparseNetwork;
use localecon::{RegionReport, Satellite, interchange};
use serde_json::{Value, json};

fn result<T: serde::Serialize>(r: localecon::Result<T>) -> Value {
    match r {
        Ok(v) => serde_json::to_value(v).expect("serialisable"),
        Err(e) => json!({ "error": e.code() }),
    }
}

fn run(case: &Value) -> Value {
    let net = &case["network"];
    let floats = |v: &Value| -> Vec<f64> { serde_json::from_value(v.clone()).expect("numbers") };
    let ids = |v: &Value| -> Vec<u32> { serde_json::from_value(v.clone()).expect("indices") };
    let network = result(
        SparseNetwork::new(
            usize::try_from(net["n"].as_u64().expect("n")).expect("n fits"),
            &ids(&net["payer"]),
            &ids(&net["payee"]),
            &floats(&net["amount"]),
            &floats(&net["leaked"]),
            &floats(&net["retained"]),
        )
        .and_then(|s| s.analyse(1e-10, 1000)),
    );
    let table = match interchange::read_json(case["table"].as_str().expect("table text")) {
        Ok(t) => t,
        Err(e) => return json!({ "error": e.code(), "network": network }),
    };
    let scenario: Scenario = serde_json::from_value(case["scenario"].clone()).expect("scenario");
    let numbers =
        |key: &str| -> Vec<f64> { serde_json::from_value(case[key].clone()).expect("numbers") };
    let options = RegionalizeOptions {
        delta: case["delta"].as_f64().expect("delta"),
        ..Default::default()
    };
    let regional = regionalize(&table, &numbers("national"), &numbers("regional"), &options)
        .and_then(|r| RegionReport::new(&r));
    json!({
        "report": result(RegionReport::new(&table)),
        "ranking": result(leak_ranking(&table, &LeakRankingOptions { top_k: 3, ..Default::default() })),
        "scenario": result(scenario.evaluate(&table)),
        "regional": result(regional),
        "satellite": result(Satellite::employment(&table).and_then(|s| s.multipliers(&table))),
        "network": network,
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = &args[..] else {
        eprintln!("usage: corpus CORPUS.json OUT.json");
        return ExitCode::from(2);
    };
    let text = std::fs::read_to_string(input).expect("corpus file");
    let corpus: Value = serde_json::from_str(&text).expect("corpus JSON");
    let results: Vec<Value> = corpus["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(run)
        .collect();
    std::fs::write(output, serde_json::to_string(&results).expect("JSON")).expect("output file");
    ExitCode::SUCCESS
}
