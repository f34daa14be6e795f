//! The newcomer's command: a report on a region's multipliers, leakage and retention.
//!
//! ```sh
//! cargo run --release --example report                      # Scotland 2019, 98 industries
//! cargo run --release --example report -- --json            # the RegionReport as JSON
//! cargo run --release --example report -- --dataset scotland-2019-sections
//! cargo run --release --example report -- --table my_region.json   # or .csv
//! ```

use std::process::ExitCode;

use localecon::{RegionReport, RegionalTable, datasets, interchange};

const USAGE: &str = "usage: report [--json] [--dataset NAME | --table FILE]\n  NAME: scotland-2019 (default), scotland-2019-sections, glasgow-2019, miller-blair-2sector\n  FILE: a table in the interchange JSON (.json) or the labelled CSV layout (.csv)";

fn load(args: &[String]) -> Result<(RegionalTable, bool), String> {
    let mut json = false;
    let mut table = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--dataset" => {
                let name = it.next().ok_or("--dataset needs a NAME")?;
                table = Some(datasets::by_name(name).map_err(|e| e.to_string())?);
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
            }
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    Ok((table.unwrap_or_else(datasets::scotland_2019), json))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (table, json) = match load(&args) {
        Ok(v) => v,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    match RegionReport::new(&table) {
        Ok(report) if json => println!("{}", report.to_json()),
        Ok(report) => print!("{report}"),
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
