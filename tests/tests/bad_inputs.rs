//! The catalogue of bad inputs (tests/fixtures/bad_inputs.json), from Rust: every case is
//! answered by its typed error code — or, for the controls, by a report without NaN.

use localecon::circularity::{Balance, Closure, FlowSystem};
use localecon::currency::{LocalCurrency, local_currency};
use localecon::linkages::{Extraction, PathTarget, hypothetical_extraction, structural_paths};
use localecon::regionalize::{RasOptions, RegionalizeOptions, ras, regionalize};
use localecon::satellite::{Gwp100, ImportFactor, Satellite, SatelliteParts, Stressor, calibrate};
use localecon::scenario::{
    Change, LeakRankingOptions, Scenario, impact, import_substitution, leak_ranking,
};
use localecon::table::{FinalDemandColumn, PrimaryInputRow, Sector, Share, TableParts};
use localecon::{ClosedLeakage, Multipliers, RegionReport, RegionalTable, datasets, interchange};
use localecon_conformance::fixtures_dir;
use serde_json::Value;

fn number(v: &Value) -> f64 {
    match v {
        Value::String(s) if s == "NaN" => f64::NAN,
        Value::String(s) if s == "Infinity" => f64::INFINITY,
        Value::String(s) if s == "-Infinity" => f64::NEG_INFINITY,
        other => other.as_f64().expect("number"),
    }
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array().expect("array").iter().map(number).collect()
}

fn from_arrays(a: &Value) -> localecon::Result<RegionalTable> {
    let codes: Vec<String> = serde_json::from_value(a["codes"].clone()).unwrap();
    let z = numbers(&a["z"]);
    let n = codes.len();
    if z.len() != n * n {
        return Err(localecon::Error::Shape {
            what: "Z".into(),
            expected: n * n,
            found: z.len(),
        });
    }
    let sectors = codes
        .iter()
        .map(|c| Sector {
            code: c.clone(),
            name: c.clone(),
        })
        .collect();
    let mut parts = TableParts::new("arrays", sectors, z);
    for c in a["final_demand"].as_array().unwrap() {
        parts.final_demand.push(FinalDemandColumn {
            label: c["label"].as_str().unwrap().into(),
            kind: c["kind"].as_str().unwrap().parse()?,
            values: numbers(&c["values"]),
        });
    }
    for r in a["primary_inputs"].as_array().unwrap() {
        parts.primary_inputs.push(PrimaryInputRow {
            label: r["label"].as_str().unwrap().into(),
            kind: r["kind"].as_str().unwrap().parse()?,
            values: numbers(&r["values"]),
        });
    }
    RegionalTable::new(parts)
}

fn then(t: &RegionalTable, op: &str) -> localecon::Result<()> {
    let regional = |ne: Vec<f64>, re: Vec<f64>, delta: f64| {
        regionalize(
            t,
            &ne,
            &re,
            &RegionalizeOptions {
                delta,
                ..Default::default()
            },
        )
        .map(|_| ())
    };
    let scenario = |change: Change| {
        Scenario {
            name: "bad".into(),
            changes: vec![change],
        }
        .apply(t)
        .map(|_| ())
    };
    let currency = |acceptance: Vec<(String, f64)>| {
        local_currency(
            t,
            &LocalCurrency {
                acceptance,
                ..Default::default()
            },
        )
        .map(|_| ())
    };
    let ranking = |o: LeakRankingOptions| leak_ranking(t, &o).map(|_| ());
    match op {
        "multipliers" => Multipliers::new(t).map(|_| ()),
        "closed_leakage" => ClosedLeakage::new(t).map(|_| ()),
        "currency_acceptance_2" => currency(vec![("s1".into(), 2.0)]),
        "currency_unknown_account" => currency(vec![("zz".into(), 0.5)]),
        "regionalize_too_many_jobs" => regional(vec![10.0, 10.0], vec![20.0, 5.0], 0.3),
        "regionalize_delta" => regional(vec![10.0, 10.0], vec![5.0, 5.0], 1.5),
        "regionalize_zero_national" => regional(vec![0.0, 0.0], vec![0.0, 0.0], 0.3),
        "regionalize_resident_share" => regionalize(
            t,
            &[10.0, 10.0],
            &[5.0, 5.0],
            &RegionalizeOptions {
                resident_compensation_share: Some(Share::Uniform(1.5)),
                ..Default::default()
            },
        )
        .map(|_| ()),
        "regionalize_surplus_length" => regionalize(
            t,
            &[10.0, 10.0],
            &[5.0, 5.0],
            &RegionalizeOptions {
                local_surplus_share: Some(Share::PerSector(vec![0.5, 0.5, 0.5])),
                ..Default::default()
            },
        )
        .map(|_| ()),
        "regionalize_surplus_negative" => regionalize(
            t,
            &[10.0, 10.0],
            &[5.0, 5.0],
            &RegionalizeOptions {
                local_surplus_share: Some(Share::PerSector(vec![0.5, -0.5])),
                ..Default::default()
            },
        )
        .map(|_| ()),
        "regionalize_sector_without_jobs" => {
            regionalize(t, &[10.0, 0.0], &[5.0, 0.0], &RegionalizeOptions::default()).map(|r| {
                let source = r.source().unwrap_or_default();
                assert!(
                    source.contains("ASSUMPTION: no national employment in s2:"),
                    "not flagged: {source}"
                );
            })
        }
        "scenario_unknown_sector" => scenario(Change::Demand {
            sector: "zz".into(),
            amount: 1.0,
        }),
        "scenario_too_much" => scenario(Change::ImportSubstitution {
            buyer: "s1".into(),
            product: "s2".into(),
            share: None,
            amount: Some(1e6),
        }),
        "scenario_share" => scenario(Change::ImportSubstitution {
            buyer: "s1".into(),
            product: "s2".into(),
            share: Some(1.5),
            amount: None,
        }),
        "ranking_share_0" => ranking(LeakRankingOptions {
            share: 0.0,
            ..Default::default()
        }),
        "ranking_cap_negative" => ranking(LeakRankingOptions {
            max_output_increase: Some(-0.1),
            ..Default::default()
        }),
        "ranking_exclude_unknown" => ranking(LeakRankingOptions {
            exclude: vec!["zz".into()],
            ..Default::default()
        }),
        "ranking_default" => ranking(LeakRankingOptions::default()),
        "substitution_not_imported" => import_substitution(t, "s1", "s2", 0.1).map(|_| ()),
        "scenario_zero_output" => scenario(Change::Demand {
            sector: "s3".into(),
            amount: 1.0,
        }),
        "impact_zero_output" => impact(t, &[0.0, 0.0, 1.0], 0.0).map(|_| ()),
        "substitution_zero_output" => import_substitution(t, "s2", "s3", 0.1).map(|_| ()),
        "paths_cutoff" => structural_paths(t, "s1", PathTarget::ValueAdded, 0.0, 8, 10).map(|_| ()),
        "extract_unknown" => hypothetical_extraction(t, "zz", Extraction::Total).map(|_| ()),
        "fci_closure_typo" => "household".parse::<Closure>().map(|_| ()),
        other => panic!("unknown operation {other}"),
    }
}

/// Builds the catalogue's satellite on `t` (gases and GWP sets read with the library's one
/// spelling), characterises it if asked, and computes its accounts and footprint.
fn satellite(t: &RegionalTable, spec: &Value) -> localecon::Result<()> {
    let text = |v: &Value| v.as_str().unwrap().to_string();
    let mut parts = SatelliteParts::default();
    for s in spec["stressors"].as_array().unwrap() {
        parts.stressors.push(Stressor {
            name: text(&s["name"]),
            unit: text(&s["unit"]),
            gas: s
                .get("gas")
                .map(|g| g.as_str().unwrap().parse())
                .transpose()?,
            values: numbers(&s["values"]),
            household: s.get("household").map_or(0.0, number),
            removals: s.get("removals").is_some_and(|r| r.as_bool().unwrap()),
        });
    }
    for f in spec["import_factors"].as_array().unwrap() {
        parts.import_factors.push(ImportFactor {
            origin: text(&f["origin"]),
            stressor: text(&f["stressor"]),
            values: numbers(&f["values"]),
        });
    }
    let mut sat = Satellite::new(t, parts)?;
    if let Some(gwp) = spec.get("characterise") {
        let gwp: Gwp100 = gwp.as_str().unwrap().parse()?;
        sat = sat.characterise("GHG", "kt CO2e", gwp)?;
    }
    let accounts = sat.accounts(t)?;
    let footprint = sat.footprint(t)?;
    assert!(accounts.stressors.iter().all(|a| a.consumption.is_finite()));
    assert!(footprint.total().iter().flatten().all(|v| v.is_finite()));
    Ok(())
}

fn run(input: &Value) -> localecon::Result<()> {
    if let Some(c) = input.get("calibrate") {
        let groups: Vec<String> = serde_json::from_value(c["groups"].clone()).unwrap();
        let totals: Vec<(String, f64)> = c["totals"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), number(v)))
            .collect();
        return calibrate(
            &numbers(&c["intensities"]),
            &numbers(&c["output"]),
            &groups,
            &totals,
        )
        .map(|_| ());
    }
    if let Some(r) = input.get("ras") {
        let (rows, cols) = (
            r["rows"].as_u64().unwrap() as usize,
            r["cols"].as_u64().unwrap() as usize,
        );
        return ras(
            &numbers(&r["u0"]),
            rows,
            cols,
            &numbers(&r["row_targets"]),
            &numbers(&r["col_targets"]),
            RasOptions::default(),
        )
        .map(|_| ());
    }
    if let Some(f) = input.get("flow_system") {
        let labels: Vec<String> = serde_json::from_value(f["labels"].clone()).unwrap();
        return FlowSystem::new(
            labels,
            numbers(&f["flows"]),
            numbers(&f["inputs"]),
            numbers(&f["exports"]),
            numbers(&f["dissipation"]),
            Balance::default(),
        )
        .map(|_| ());
    }
    if let Some(s) = input.get("lm3") {
        let survey: localecon::lm3::Lm3Survey =
            localecon::input_from_value(s.clone(), "LM3 survey")?;
        return survey.compute().map(|_| ());
    }
    if let Some(name) = input.get("dataset") {
        return datasets::by_name(name.as_str().unwrap()).map(|_| ());
    }
    if let Some(c) = input.get("clusters") {
        use localecon::clusters as cl;
        let idx = |k: &str| -> Vec<u32> {
            c[k].as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_u64().unwrap() as u32)
                .collect()
        };
        let weight: Vec<f64> = c["weight"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect();
        let n = c["n"].as_u64().unwrap() as usize;
        let options: cl::ClusterOptions =
            localecon::input_from_value(c["options"].clone(), "cluster options")?;
        let membership: Vec<u32> = c
            .get("membership")
            .map(|_| idx("membership"))
            .unwrap_or_default();
        let (source, target) = (idx("source"), idx("target"));
        return match c["then"].as_str().unwrap() {
            "cluster" => cl::cluster(
                &cl::ClusterGraph::directed(n, &source, &target, &weight, false)?,
                &options,
            )
            .map(|r| assert!(r.value.is_finite())),
            "modularity" => cl::modularity(
                &cl::ClusterGraph::directed(n, &source, &target, &weight, false)?,
                &membership,
                1.0,
            )
            .map(|_| ()),
            then => {
                let walker: cl::WalkerOptions = localecon::input_from_value(
                    c.get("walker")
                        .cloned()
                        .unwrap_or_else(|| serde_json::json!({})),
                    "walker options",
                )?;
                let flows = cl::MapFlows::new(n, &source, &target, &weight, &walker)?;
                if then == "codelength" {
                    cl::map_equation(&flows, &membership).map(|_| ())
                } else {
                    cl::cluster_map_equation(&flows, &options).map(|r| assert!(r.value.is_finite()))
                }
            }
        };
    }
    if let Some(u) = input.get("uncertainty") {
        let spec: localecon::uncertainty::UncertaintySpec =
            localecon::input_from_value(u["spec"].clone(), "uncertainty spec")?;
        return datasets::Sources::embedded()
            .council_uncertainty(
                u["council"].as_str().unwrap(),
                &spec,
                localecon::uncertainty::MAX_DRAWS,
            )
            .map(|_| ());
    }
    if let Some(name) = input.get("interregional_dataset") {
        return datasets::Sources::embedded()
            .interregional(name.as_str().unwrap())
            .map(|_| ());
    }
    if let Some(ir) = input.get("interregional") {
        let table = localecon::interregional::read_json(ir["json"].as_str().unwrap())?;
        let model = table.model()?;
        return match ir.get("then").and_then(Value::as_str) {
            Some("extraction_unknown") => model.extraction("nowhere").map(|_| ()),
            Some("impact_short") => model.impact(&[1.0]).map(|_| ()),
            Some(op @ ("type_ii_commuting" | "type_ii_over" | "type_ii_shape")) => {
                let shares = match op {
                    "type_ii_commuting" => vec![vec![0.9, 0.1], vec![0.1, 0.9]],
                    "type_ii_over" => vec![vec![0.9, 0.0], vec![0.3, 1.0]],
                    _ => vec![vec![1.0, 0.0, 0.0]; 3],
                };
                let c = localecon::interregional::Commuting {
                    shares,
                    income: None,
                };
                let ii = table.type_ii(&c)?;
                assert!(ii.type_ii.iter().all(|v| v.is_finite()));
                Ok(())
            }
            _ => {
                let d = model.decomposition()?;
                assert!(
                    d.total
                        .iter()
                        .chain(&d.returned_per_leak)
                        .all(|v| v.is_finite())
                );
                Ok(())
            }
        };
    }
    let table = if let Some(text) = input.get("json") {
        interchange::read_json(text.as_str().unwrap())?
    } else if let Some(text) = input.get("csv") {
        interchange::read_csv(text.as_str().unwrap())?
    } else if let Some(bytes) = input.get("csv_bytes") {
        let bytes: Vec<u8> = bytes
            .as_array()
            .unwrap()
            .iter()
            .map(|b| u8::try_from(b.as_u64().unwrap()).unwrap())
            .collect();
        interchange::read_csv_bytes(&bytes)?
    } else {
        from_arrays(&input["arrays"])?
    };
    if let Some(spec) = input.get("satellite") {
        return satellite(&table, spec);
    }
    if let Some(s) = input.get("scenario") {
        let scenario: Scenario = localecon::input_from_value(s.clone(), "scenario")?;
        return scenario.apply(&table).map(|_| ());
    }
    match input.get("then") {
        Some(op) => then(&table, op.as_str().unwrap()),
        None => {
            let report = RegionReport::new(&table)?;
            let text = report.to_json();
            assert!(
                !text.contains("NaN") && !text.contains("null,\n      \"retention"),
                "a report with NaN"
            );
            for s in &report.sectors {
                assert!(s.output_multiplier_type_i.is_finite() && s.leakage_share.is_finite());
            }
            Ok(())
        }
    }
}

#[test]
fn every_bad_input_gets_its_typed_error() {
    let catalogue: Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures_dir().join("catalogue").join("bad_inputs.json")).unwrap(),
    )
    .unwrap();
    let cases = catalogue["cases"].as_array().unwrap();
    assert!(
        cases.iter().filter(|c| !c["code"].is_null()).count() >= 40,
        "the catalogue needs at least 40 bad inputs"
    );
    let mut failures = Vec::new();
    for c in cases {
        let id = c["id"].as_str().unwrap();
        let got = std::panic::catch_unwind(|| run(&c["input"]));
        let outcome = match got {
            Err(_) => "a panic".to_string(),
            Ok(Ok(())) => "success".to_string(),
            Ok(Err(e)) => {
                // the place of the value refused, named alike in the three languages
                if let Some(place) = c["place"].as_str() {
                    if !e.to_string().contains(place) {
                        failures.push(format!("{id}: the message does not name {place}: {e}"));
                    }
                }
                // and what it says of the value, in the same words
                if let Some(words) = c["words"].as_str() {
                    if !e.to_string().contains(words) {
                        failures.push(format!("{id}: the message does not say {words}: {e}"));
                    }
                }
                e.code().to_string()
            }
        };
        let expected = c["code"].as_str().unwrap_or("success");
        if outcome != expected {
            failures.push(format!("{id}: expected {expected}, got {outcome}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_book_lists_every_case() {
    let catalogue: Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures_dir().join("catalogue").join("bad_inputs.json")).unwrap(),
    )
    .unwrap();
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/src/bad-inputs.md"
    ))
    .unwrap();
    for c in catalogue["cases"].as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        assert!(
            page.contains(&format!("`{id}`")),
            "docs/src/bad-inputs.md does not list {id}; rerun tests/make_bad_inputs.py"
        );
    }
}
