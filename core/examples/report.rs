//! The newcomer's command: a report on a region's multipliers, leakage and retention.
//!
//! ```sh
//! cargo run --release --example report                      # Scotland 2019, 98 industries
//! cargo run --release --example report -- --json            # the RegionReport as JSON
//! cargo run --release --example report -- --dataset scotland-2019-sections
//! cargo run --release --example report -- --dataset scotland-ruk-2019  # Scotland + rest of UK: the leak that comes back
//! cargo run --release --example report -- --dataset scotland-councils-2019  # the 32 councils as one system
//! cargo run --release --example report -- --table my_region.json   # or .csv
//! cargo run --release --example report -- --leaks 10      # the 10 best leaks to plug
//! cargo run --release --example report -- --leaks 10 --leak-cap 0.05   # at most +5 % of a producer's output
//! cargo run --release --example report -- --footprint        # jobs and greenhouse gas per £, inside and outside
//! cargo run --release --example report -- --list-datasets    # every embedded table, with the 32 council areas
//! cargo run --release --example report -- --dataset scotland-council-2019:city-of-edinburgh
//! cargo run --release --example report -- --uncertainty  # how sure are Glasgow's numbers
//! cargo run --release --example report -- --atlas scotland-2019   # every council area, ranked by what stays
//! cargo run --release --example report -- --clusters scottish-government  # value-based clusters
//! cargo run --release --example report -- --validation scotland-2019   # against ONS regional accounts
//! ```
//!
//! The embedded Scotland and Glasgow tables come with their satellite (FTE or jobs, and a
//! greenhouse-gas estimate from the UK's 2019 accounts): their report carries it.

use std::process::ExitCode;

use localecon::clusters::{Quality, TableClusterOptions, cluster_table};
use localecon::scenario::{LeakRankingOptions, leak_ranking};
use localecon::{RegionReport, RegionalTable, Satellite, datasets, interchange};

const USAGE: &str = "usage: report [--json] [--dataset NAME | --table FILE] [--leaks K [--leak-cap SHARE]] [--footprint [STRESSOR]]\n       report [--json] [--dataset NAME | --table FILE] --clusters [flows|map-equation|scottish-government] [--resolution G] [--seed S]\n       report [--json] [--dataset COUNCIL] --uncertainty [DRAWS]\n       report --list-datasets\n       report [--json] --atlas scotland-2019|australia-2021\n       report --validation scotland-2019\n  --atlas: the headline of every council area of Scotland (multipliers, leakage by channel, FCI), ranked by the share of a pound that stays\n  --validation: the council tables' GVA against ONS regional GVA 2019, and census commuting against ONS wages\n  --clusters: value-based clusters of the sectors (Leiden on the money flows by default; the map equation; or the Scottish Government's method, γ = 1.8 on the Leontief inverse) with each cluster's accounts and best missing link\n  --leaks K: the K best imported products to buy locally instead (leak ranking)\n  --uncertainty: the 5-95 % bands of a council's headline indicators over the default ranges of its assumptions (DRAWS default 1000, seed 2019), and the assumption that moves each most; COUNCIL: glasgow-2019 (default) or scotland-council-2019:<council>\n  --footprint: every sector's STRESSOR (default GHG) per unit of final demand inside and outside the region, and the region's accounts\n  NAME: scotland-2019 (default), scotland-2019-sections, scotland-ruk-2019 (interregional: Scotland and the rest of the UK; scotland-ruk-2019-shared at 94 groups), scotland-councils-2019 (interregional: the 32 council areas; scotland-councils-ruk-2019 with the rest of the UK), three-region-2019:<council> (interregional: a council, the rest of Scotland, the rest of the UK), glasgow-2019, miller-blair-2sector, australia-2021, a council area scotland-council-2019:<council> or an Australian Local Government Area australia-2021:<LGA> (see --list-datasets)\n  FILE: a table in the interchange JSON (.json) or the labelled CSV layout (.csv)";

struct Command {
    table: RegionalTable,
    satellite: Option<Satellite>,
    json: bool,
    leaks: Option<LeakRankingOptions>,
    footprint: Option<String>,
    clusters: Option<TableClusterOptions>,
}

fn number<T: std::str::FromStr>(flag: &str, value: Option<&String>) -> Result<T, String> {
    let v = value.ok_or(format!("{flag} needs a number"))?;
    v.parse()
        .map_err(|_| format!("{flag}: {v:?} is not a valid number"))
}

fn load(args: &[String]) -> Result<Command, String> {
    let mut json = false;
    let mut table = None;
    let mut satellite = None;
    let mut footprint = None;
    let mut leaks: Option<LeakRankingOptions> = None;
    let mut cap = None;
    let mut clusters: Option<TableClusterOptions> = None;
    let mut resolution = None;
    let mut seed = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--dataset" => {
                let name = it.next().ok_or("--dataset needs a NAME")?;
                let t = datasets::by_name(name).map_err(|e| e.to_string())?;
                satellite = datasets::Sources::embedded()
                    .satellite(name, &t)
                    .map_err(|e| e.to_string())?;
                table = Some(t);
            }
            "--table" => {
                let path = it.next().ok_or("--table needs a FILE")?;
                let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
                let parsed = if path.to_ascii_lowercase().ends_with(".csv") {
                    interchange::read_csv(&text)
                } else {
                    interchange::read_json(&text)
                };
                table = Some(parsed.map_err(|e| format!("{path}: {e} [{}]", e.code()))?);
                satellite = None;
            }
            "--footprint" => {
                let stressor = it.clone().next().filter(|a| !a.starts_with("--"));
                if stressor.is_some() {
                    it.next();
                }
                footprint = Some(stressor.map_or_else(|| "GHG".to_string(), Clone::clone));
            }
            "--leaks" => {
                leaks = Some(LeakRankingOptions {
                    top_k: number("--leaks", it.next())?,
                    ..Default::default()
                });
            }
            "--leak-cap" => cap = Some(number::<f64>("--leak-cap", it.next())?),
            "--clusters" => {
                let how = it.clone().next().filter(|a| !a.starts_with("--")).cloned();
                if how.is_some() {
                    it.next();
                }
                clusters = Some(match how.as_deref() {
                    None | Some("flows") => TableClusterOptions::default(),
                    Some("map-equation") => TableClusterOptions {
                        quality: Quality::MapEquation,
                        ..Default::default()
                    },
                    Some("scottish-government") => TableClusterOptions::scottish_government(),
                    Some(other) => {
                        return Err(format!(
                            "--clusters: {other:?} is not flows, map-equation or scottish-government\n{USAGE}"
                        ));
                    }
                });
            }
            "--resolution" => resolution = Some(number::<f64>("--resolution", it.next())?),
            "--seed" => seed = Some(number::<u64>("--seed", it.next())?),
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    if let Some(c) = cap {
        leaks
            .as_mut()
            .ok_or("--leak-cap goes with --leaks")?
            .max_output_increase = Some(c);
    }
    if let Some(c) = clusters.as_mut() {
        c.resolution = resolution.unwrap_or(c.resolution);
        c.seed = seed.unwrap_or(c.seed);
    } else if resolution.is_some() || seed.is_some() {
        return Err("--resolution and --seed go with --clusters".into());
    }
    if table.is_none() {
        table = Some(datasets::scotland_2019());
        satellite = Some(datasets::scotland_2019_satellite());
    }
    if footprint.is_some() && satellite.is_none() {
        return Err(
            "--footprint needs a dataset with a satellite (scotland-2019, glasgow-2019)".into(),
        );
    }
    Ok(Command {
        table: table.expect("set above"),
        satellite,
        json,
        leaks,
        footprint,
        clusters,
    })
}

/// `--list-datasets` and `--atlas NAME`: `Some(exit code)` when the arguments ask for one.
fn listing(args: &[String]) -> Option<ExitCode> {
    let sources = datasets::Sources::embedded();
    if args.iter().any(|a| a == "--list-datasets") {
        for name in sources.names().expect("embedded names are valid") {
            println!("{name}");
        }
        return Some(ExitCode::SUCCESS);
    }
    if let Some(at) = args.iter().position(|a| a == "--validation") {
        return Some(validation(&sources, args.get(at + 1).map(String::as_str)));
    }
    let at = args.iter().position(|a| a == "--atlas")?;
    let json = args.iter().any(|a| a == "--json");
    let atlas = match args.get(at + 1).map(String::as_str) {
        Some("scotland-2019") => sources.scotland_council_atlas(),
        Some("australia-2021") => sources.australia_lga_atlas(),
        other => {
            eprintln!(
                "--atlas needs a country: scotland-2019 or australia-2021 (found {other:?})\n{USAGE}"
            );
            return Some(ExitCode::from(2));
        }
    };
    match atlas {
        Ok(a) if json => println!(
            "{}",
            serde_json::to_string_pretty(&a).expect("serialisable")
        ),
        Ok(a) if args.get(at + 1).map(String::as_str) == Some("australia-2021") => print!(
            "Australia's Local Government Areas with jobs ({}), 2021-22: the share of a dollar of final demand that stays as local income, and where the rest leaks\n\n{a}\n{}\n",
            a.rows.len(),
            datasets::LGA_ASSUMPTIONS
        ),
        Ok(a) => print!(
            "Scotland's 32 council areas, 2019: the share of a pound of final demand that stays as local income, and where the rest leaks\n\n{a}\n{}\n",
            datasets::COUNCIL_ASSUMPTIONS
        ),
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            return Some(ExitCode::FAILURE);
        }
    }
    Some(ExitCode::SUCCESS)
}

/// `--validation scotland-2019`: the council tables against ONS regional accounts.
fn validation(sources: &datasets::Sources, country: Option<&str>) -> ExitCode {
    if country != Some("scotland-2019") {
        eprintln!("--validation needs a country: scotland-2019 (found {country:?})\n{USAGE}");
        return ExitCode::from(2);
    }
    let run = || -> localecon::Result<String> {
        let gva = sources.gva_validation(localecon::regionalize::LqMethod::Flq, 0.3)?;
        let commuting = sources.commuting_cross_check()?;
        Ok(format!(
            "GVA 2019 of the council tables (summed per ITL3 area) against ONS balanced regional GVA, as shares of Scotland\n\n{}\nGlasgow City and City of Edinburgh by section group\n\n{}\nCommuting: census 2011 workers against ONS wages\n\n{}\n{}\n",
            gva.markdown(),
            gva.sections_markdown(&["TLM82", "TLM75"]),
            localecon::datasets::CommutingCheck::markdown(&commuting),
            datasets::ONS_REGIONAL_ATTRIBUTION
        ))
    };
    match run() {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            ExitCode::FAILURE
        }
    }
}

/// `--dataset NAME` for an interregional dataset (`scotland-ruk-2019`, `scotland-councils-2019`,
/// `three-region-2019:<council>` …): each region's leak to the other regions, where it goes and
/// what comes back (and, for the two-region tables, per sector), with how the table was built.
fn interregional(args: &[String]) -> Option<ExitCode> {
    let at = args.iter().position(|a| a == "--dataset")?;
    let name = args.get(at + 1).map(String::as_str)?;
    if !datasets::INTERREGIONAL_NAMES.contains(&name)
        && !name.starts_with(datasets::THREE_REGION_PREFIX)
    {
        return None;
    }
    let fail = |e: localecon::Error| {
        eprintln!("error [{}]: {e}", e.code());
        Some(ExitCode::FAILURE)
    };
    let build = match datasets::Sources::embedded().interregional_build(name) {
        Ok(b) => b,
        Err(e) => return fail(e),
    };
    let table = &build.table;
    let model = match table.model() {
        Ok(m) => m,
        Err(e) => return fail(e),
    };
    let (returns, d) = match (model.returns(), model.decomposition_without_round()) {
        (Ok(r), Ok(d)) => (r, d),
        (Err(e), _) | (_, Err(e)) => return fail(e),
    };
    let destinations = model.leak_destinations();
    if args.iter().any(|a| a == "--json") {
        let value = serde_json::json!({
            "name": table.parts().name, "returns": returns, "decomposition": d,
            "leak_destinations": destinations, "assumptions": build.assumptions,
            "clipped_total": build.clipped_total, "clipped_cells": build.clipped.len(),
            "row_balancing": build.row_balancing, "column_balancing": build.column_balancing,
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&value).expect("serialisable")
        );
        return Some(ExitCode::SUCCESS);
    }
    println!("{}\n", table.parts().name);
    println!("Per pound of each region's final demand (weighted by its final-demand mix):");
    let beyond = datasets::REST_OF_UK;
    let split = table.regions().len() > 2 && model.region_index(beyond).is_ok();
    println!(
        "{:<24} {:>8} {:>8} {:>8} {:>10}{} {:>10} {:>10}",
        "region",
        "total",
        "own",
        "alone",
        "leak",
        if split { "   in Scot.    to rUK" } else { "" },
        "feedback",
        "returned"
    );
    let ruk = model.region_index(beyond).ok();
    for (r, ret) in returns.iter().enumerate() {
        let parts = match (split, ruk) {
            (true, Some(k)) => {
                let to_ruk = destinations.leak[r][k];
                format!(
                    " {:>10.4} {:>9.4}",
                    ret.leak_to_other_regions - to_ruk,
                    to_ruk
                )
            }
            _ => String::new(),
        };
        println!(
            "{:<24} {:>8.4} {:>8.4} {:>8.4} {:>10.4}{parts} {:>10.5} {:>9.2}%",
            ret.region,
            ret.total,
            ret.intra_regional,
            ret.single_region,
            ret.leak_to_other_regions,
            ret.feedback,
            100.0 * ret.returned_per_leak
        );
    }
    println!(
        "\n  total: output in every region; own: in the region itself; alone: what a single-region"
    );
    println!(
        "  table says; leak: first-round purchases from the other regions{}; returned: own-region",
        if split {
            " (in Scotland and from the rest of the UK)"
        } else {
            ""
        }
    );
    println!("  output that comes back per unit leaked (feedback / leak).\n");
    if table.regions().len() == 2 {
        println!(
            "{:<12} {:<4} {:>8} {:>8} {:>8} {:>10}",
            "region", "code", "total", "own", "spill", "returned"
        );
        for j in 0..d.total.len() {
            println!(
                "{:<12} {:<4} {:>8.4} {:>8.4} {:>8.4} {:>9.1}%",
                d.region[j],
                d.sector[j],
                d.total[j],
                d.intra_regional[j],
                d.spillover[j],
                100.0 * d.returned_per_leak[j]
            );
        }
        println!();
    }
    if build.clipped_total > 0.0 || build.row_balancing > 0.0 {
        println!(
            "Built with {} negative cells clipped (£{:.1}m); balancing: £{:.1}m in rows, £{:.1}m in columns.\n",
            build.clipped.len(),
            build.clipped_total,
            build.row_balancing,
            build.column_balancing
        );
    }
    println!("Assumptions:");
    for a in &build.assumptions {
        println!("- {a}");
    }
    let attribution = if name == "scotland-councils-2019" {
        datasets::SCOTLAND_2019_ATTRIBUTION
    } else {
        datasets::SCOTLAND_RUK_ATTRIBUTION
    };
    println!("\n{attribution}");
    Some(ExitCode::SUCCESS)
}

/// `--uncertainty [DRAWS]` with a council dataset: the bands of its headline indicators over
/// the default ranges of its assumptions, and the assumption that moves each most.
fn uncertainty(args: &[String]) -> Option<ExitCode> {
    let at = args.iter().position(|a| a == "--uncertainty")?;
    let fail = |message: String| {
        eprintln!("{message}\n{USAGE}");
        Some(ExitCode::FAILURE)
    };
    let draws = match args.get(at + 1).filter(|a| !a.starts_with("--")) {
        Some(v) => match v.parse::<usize>() {
            Ok(d) => d,
            Err(_) => return fail(format!("--uncertainty: {v:?} is not a number of draws")),
        },
        None => 1000,
    };
    let name = match args.iter().position(|a| a == "--dataset") {
        Some(k) => args.get(k + 1).map_or("", String::as_str),
        None => "glasgow-2019",
    };
    let council = if name == "glasgow-2019" {
        "Glasgow City"
    } else if name.starts_with(datasets::COUNCIL_PREFIX) {
        name
    } else {
        return fail(format!(
            "--uncertainty needs a council dataset (glasgow-2019 or {}<council>), not {name:?}",
            datasets::COUNCIL_PREFIX
        ));
    };
    let sources = datasets::Sources::embedded();
    let run = sources
        .council_default_uncertainty(council, draws, 2019)
        .and_then(|spec| sources.council_uncertainty(council, &spec, draws.max(1)));
    let m = match run {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            return Some(ExitCode::FAILURE);
        }
    };
    if args.iter().any(|a| a == "--json") {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "summary": m.summary, "assumptions": m.assumptions, "indicators": m.indicators,
                "quantiles": m.quantiles, "variance_share": m.variance_share, "notes": m.notes,
                "ranges": datasets::COUNCIL_DEFAULT_RANGES,
            }))
            .expect("serialisable")
        );
        return Some(ExitCode::SUCCESS);
    }
    println!("How sure are these numbers? {}\n", m.notes[0]);
    println!(
        "{:<28} {:>10} {:>10} {:>10} {:>10}  moved most by (share of variance)",
        "indicator", "published", "5 %", "median", "95 %"
    );
    for (k, (s, (_, best))) in m.summary.iter().zip(m.sensitivity()).enumerate() {
        let most = best.map_or_else(String::new, |b| {
            let a = m.assumptions.iter().position(|x| *x == b).unwrap_or(0);
            format!("{b} ({:.0} %)", 100.0 * m.variance_share[k][a])
        });
        println!(
            "{:<28} {:>10.4} {:>10.4} {:>10.4} {:>10.4}  {most}",
            s.indicator, s.published, s.quantiles[0], s.median, s.quantiles[3]
        );
    }
    println!("\nRanges (assumptions of ours):");
    for r in datasets::COUNCIL_DEFAULT_RANGES {
        println!("- {r}");
    }
    println!("\n{}", m.notes[m.notes.len() - 1]);
    Some(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(code) = listing(&args) {
        return code;
    }
    if let Some(code) = uncertainty(&args) {
        return code;
    }
    if let Some(code) = interregional(&args) {
        return code;
    }
    let Command {
        table,
        satellite,
        json,
        leaks,
        footprint,
        clusters,
    } = match load(&args) {
        Ok(v) => v,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    if let Some(options) = clusters {
        return match cluster_table(&table, &options) {
            Ok(c) if json => {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&c).expect("serialisable")
                );
                ExitCode::SUCCESS
            }
            Ok(c) => {
                print!("{c}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error [{}]: {e}", e.code());
                ExitCode::FAILURE
            }
        };
    }
    if let Some(options) = leaks {
        return match leak_ranking(&table, &options) {
            Ok(r) if json => {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&r).expect("serialisable")
                );
                ExitCode::SUCCESS
            }
            Ok(r) => {
                print!("{r}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error [{}]: {e}", e.code());
                ExitCode::FAILURE
            }
        };
    }
    let report = match &satellite {
        Some(s) => RegionReport::with_satellite(&table, s),
        None => RegionReport::new(&table),
    };
    match report {
        Ok(report) if json => println!("{}", report.to_json()),
        Ok(report) => match footprint {
            Some(stressor) => print!("{}", report.footprint_text(&stressor, report.n_sectors)),
            None => print!("{report}{}", report.footprint_text("GHG", 10)),
        },
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
