//! The conformance fixtures: published cases with their expected numbers, read by the Rust,
//! Python and JavaScript test suites alike. Each language maps a quantity name to the same
//! computation; this crate is the Rust side.

use std::path::{Path, PathBuf};

use localecon::circularity::{
    Balance, Closure, FlowSystem, fci_leontief, flow_indicators, information_indices, structure,
};
use localecon::leakage::LeakageChannel;
use localecon::linkages::{Extraction, GhoshModel, Linkages, hypothetical_extraction};
use localecon::{Leakage, LeontiefModel, Multipliers, RegionalTable, datasets, interchange};
use serde::Deserialize;

/// One expected quantity of a fixture.
#[derive(Debug, Deserialize)]
pub struct Check {
    /// Quantity name, e.g. `"output_multiplier_type_i"`.
    pub quantity: String,
    /// Expected values, in sector order.
    pub expected: Vec<f64>,
    /// Absolute tolerance (half a unit in the last printed digit).
    pub atol: f64,
    /// Relative tolerance.
    pub rtol: f64,
    /// `"published"` or `"self-computed"`.
    pub trust: String,
}

/// A fixture: a table (inline or an embedded dataset) and its checks.
#[derive(Debug, Deserialize)]
pub struct Fixture {
    /// File stem.
    pub name: String,
    /// The table as interchange JSON.
    pub table: Option<serde_json::Value>,
    /// Or the name of an embedded dataset.
    pub dataset: Option<String>,
    /// The checks.
    pub checks: Vec<Check>,
    /// Final demand for the `impact` quantity.
    pub impact_final_demand: Option<Vec<f64>>,
    /// A flow system (ENA fixtures).
    pub flow_system: Option<FlowSystemInput>,
    /// LM3 surveys (the `lm3.*` quantities).
    pub surveys: Option<Vec<localecon::lm3::Lm3Survey>>,
    /// Survey shares to average (the `average_share` quantity).
    pub shares: Option<Vec<f64>>,
    /// Location-quotient inputs (the `lq.*` quantities).
    pub lq: Option<LqInput>,
    /// RAS inputs (the `ras.*` quantities).
    pub ras: Option<RasInput>,
    /// An import substitution (the `scenario.substitution_*` quantities).
    pub substitution: Option<SubstitutionInput>,
    /// A final-demand shock (the `scenario.shock_*` quantities).
    pub shock: Option<Vec<f64>>,
    /// A local currency (the `currency.*` quantities).
    pub currency: Option<localecon::currency::LocalCurrency>,
    /// An interregional table as its interchange JSON (the `ir.*` quantities).
    pub interregional: Option<serde_json::Value>,
    /// A final-demand change for `ir.impact_*`.
    pub delta_f: Option<Vec<f64>>,
    /// The region of `ir.extraction`.
    pub extraction_region: Option<String>,
    /// Stressors for `ir.multipliers` and the `ir.*` accounts.
    pub stressors: Option<Vec<localecon::interregional::Stressor>>,
}

/// An import substitution of a fixture.
#[derive(Debug, Deserialize)]
pub struct SubstitutionInput {
    /// Buyer code.
    pub buyer: String,
    /// The imported product (code of the local sector that makes it).
    pub product: String,
    /// Share of the buyer's imports.
    pub share: f64,
}

/// Location-quotient inputs of a fixture.
#[derive(Debug, Deserialize)]
pub struct LqInput {
    /// Sector codes.
    pub codes: Vec<String>,
    /// National coefficients, row-major.
    pub a_national: Vec<f64>,
    /// National employment.
    pub national: Vec<f64>,
    /// Regional employment.
    pub regional: Vec<f64>,
    /// δ of FLQ and AFLQ.
    pub delta: f64,
    /// `(TRE/TNE, δ)` pairs for the λ grid.
    pub lambda_grid: Vec<(f64, f64)>,
}

/// RAS inputs of a fixture.
#[derive(Debug, Deserialize)]
pub struct RasInput {
    /// Initial matrix, row-major.
    pub u0: Vec<f64>,
    /// Rows.
    pub rows: usize,
    /// Columns.
    pub cols: usize,
    /// Row targets.
    pub row_targets: Vec<f64>,
    /// Column targets.
    pub col_targets: Vec<f64>,
}

fn lq_quantity(input: &LqInput, field: &str) -> localecon::Result<Vec<f64>> {
    use localecon::regionalize::{
        EmploymentPair, LqMethod, flegg_lambda, quotient_matrix, regional_coefficients,
    };
    let emp = EmploymentPair::new(input.regional.clone(), input.national.clone(), &input.codes)?;
    let n = input.codes.len();
    let regional_a = |method: LqMethod| -> localecon::Result<Vec<f64>> {
        Ok(regional_coefficients(
            &input.a_national,
            &quotient_matrix(&emp, method, input.delta)?,
        ))
    };
    let multipliers = |a: Vec<f64>| -> localecon::Result<Vec<f64>> {
        Ok(LeontiefModel::from_coefficients(n, a)?.output_multipliers())
    };
    Ok(match field {
        "slq" => emp.slq(),
        "lambda" => vec![flegg_lambda(
            input.regional.iter().sum(),
            input.national.iter().sum(),
            input.delta,
        )?],
        "lambda_grid" => input
            .lambda_grid
            .iter()
            .map(|(r, d)| flegg_lambda(*r, 1.0, *d))
            .collect::<localecon::Result<_>>()?,
        "flq_matrix" => quotient_matrix(&emp, LqMethod::Flq, input.delta)?,
        "aflq_matrix" => quotient_matrix(&emp, LqMethod::Aflq, input.delta)?,
        "multiplier_national" => multipliers(input.a_national.clone())?,
        other => {
            let (what, method) = other.split_once('_').unwrap_or((other, ""));
            let method: LqMethod = method.parse()?;
            match what {
                "a" => regional_a(method)?,
                "multiplier" => multipliers(regional_a(method)?)?,
                _ => {
                    return Err(localecon::Error::UnknownOption {
                        what: "lq quantity".into(),
                        value: other.into(),
                        expected: "see tests/src/lib.rs".into(),
                    });
                }
            }
        }
    })
}

/// One `ir.*` quantity of an interregional fixture (matrices flattened row by row).
fn interregional_quantity(
    fixture: &Fixture,
    doc: &serde_json::Value,
    field: &str,
) -> localecon::Result<Vec<f64>> {
    let table = localecon::interregional::read_json(&doc.to_string())?;
    let model = table.model()?;
    let flat = |m: Vec<Vec<f64>>| m.concat();
    let accounts = || model.accounts(fixture.stressors.as_deref().unwrap_or(&[]));
    let impact = || model.impact(fixture.delta_f.as_deref().unwrap_or(&[]));
    let interdependence = || model.interdependence();
    Ok(match field {
        "output" => table.output().to_vec(),
        "leontief_inverse" => model.leontief()?.leontief_inverse()?,
        "impact_output" => impact()?.output,
        "impact_single_region" => {
            let n = table.block(0).len();
            impact()?.single_region[..n].to_vec()
        }
        "extraction" => {
            let e = model.extraction(fixture.extraction_region.as_deref().unwrap_or(""))?;
            vec![e.total, e.backward, e.forward]
        }
        "self_reliance" => interdependence()?.self_reliance,
        "spillover_out" => interdependence()?.spillover_out,
        "spillover_in" => interdependence()?.spillover_in,
        "spillover_balance" => interdependence()?.spillover_balance,
        "spillover_export_share" => interdependence()?.spillover_export_share,
        "net_spillover" => flat(interdependence()?.net_spillover),
        "spillover_matrix" => flat(model.spillover_matrix()?),
        "multipliers" => flat(accounts()?.multipliers),
        "production" => flat(accounts()?.production),
        "consumption" => flat(accounts()?.consumption),
        "imports" => flat(accounts()?.imports),
        "exports" => flat(accounts()?.exports),
        other => {
            let d = serde_json::to_value(model.decomposition()?).expect("serialisable");
            let values = d.get(other).and_then(serde_json::Value::as_array).ok_or_else(|| {
                localecon::Error::UnknownOption {
                    what: "interregional quantity".into(),
                    value: other.into(),
                    expected: "a Decomposition field, output, leontief_inverse, impact_*, extraction, interdependence and account fields".into(),
                }
            })?;
            values
                .iter()
                .filter_map(serde_json::Value::as_f64)
                .collect()
        }
    })
}

fn ras_quantity(input: &RasInput, field: &str) -> localecon::Result<Vec<f64>> {
    use localecon::regionalize::{RasOptions, ras};
    let options = match field.strip_prefix("after_") {
        Some(k) => RasOptions {
            tolerance: 0.0,
            max_iterations: k.parse().unwrap_or(0),
        },
        None => RasOptions::default(),
    };
    Ok(ras(
        &input.u0,
        input.rows,
        input.cols,
        &input.row_targets,
        &input.col_targets,
        options,
    )?
    .matrix)
}

/// A flow system as stored in a fixture.
#[derive(Debug, Deserialize)]
pub struct FlowSystemInput {
    /// Node labels.
    pub labels: Vec<String>,
    /// Flows from row to column, row-major.
    pub flows: Vec<f64>,
    /// Boundary inputs.
    pub inputs: Vec<f64>,
    /// Boundary exports.
    pub exports: Vec<f64>,
    /// Boundary dissipation.
    pub dissipation: Vec<f64>,
}

/// The folder holding the fixtures.
#[must_use]
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Every `*.json` fixture, sorted by name.
///
/// # Panics
///
/// When the folder or a file cannot be read or parsed: the fixtures are part of the repository.
#[must_use]
pub fn load_fixtures() -> Vec<Fixture> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("fixture JSON")
        })
        .collect()
}

impl Fixture {
    /// The fixture's table.
    ///
    /// # Errors
    ///
    /// Any error reading the table, or [`localecon::Error::MissingData`] without one.
    pub fn table(&self) -> localecon::Result<RegionalTable> {
        match (&self.table, &self.dataset) {
            (Some(t), _) => interchange::read_json(&t.to_string()),
            (None, Some(name)) => datasets::by_name(name),
            (None, None) => Err(localecon::Error::MissingData {
                what: "fixture has no table".into(),
            }),
        }
    }
}

fn diag(l: &[f64], n: usize) -> Vec<f64> {
    (0..n).map(|i| l[i * n + i]).collect()
}

/// The fixture's flow system: its own, or its table's (open).
///
/// # Errors
///
/// Any error building the flow system.
pub fn flow_system(fixture: &Fixture) -> localecon::Result<FlowSystem> {
    match &fixture.flow_system {
        Some(f) => FlowSystem::new(
            f.labels.clone(),
            f.flows.clone(),
            f.inputs.clone(),
            f.exports.clone(),
            f.dissipation.clone(),
            Balance::default(),
        ),
        None => FlowSystem::from_table(&fixture.table()?, Closure::Open),
    }
}

/// The ENA indicators of a flow system as one JSON object (flow, information, structure).
///
/// # Errors
///
/// Any error computing them.
pub fn ena_indicators(
    system: &FlowSystem,
) -> localecon::Result<serde_json::Map<String, serde_json::Value>> {
    let mut all = serde_json::Map::new();
    for v in [
        serde_json::to_value(flow_indicators(system)?),
        serde_json::to_value(information_indices(system)),
        serde_json::to_value(structure(system)?),
    ] {
        if let Ok(serde_json::Value::Object(m)) = v {
            all.extend(m);
        }
    }
    Ok(all)
}

/// Computes the named quantity of any fixture: ENA (`ena.*`) and LM3 (`lm3.*`,
/// `average_share`) quantities here, table quantities in [`quantity`].
///
/// # Errors
///
/// Any localecon error, or [`localecon::Error::UnknownOption`] for an unknown quantity.
pub fn fixture_quantity(fixture: &Fixture, name: &str) -> localecon::Result<Vec<f64>> {
    if let (Some(field), Some(doc)) = (name.strip_prefix("ir."), &fixture.interregional) {
        return interregional_quantity(fixture, doc, field);
    }
    if let Some(field) = name.strip_prefix("ena.") {
        let all = ena_indicators(&flow_system(fixture)?)?;
        return all
            .get(field)
            .and_then(serde_json::Value::as_f64)
            .map(|v| vec![v])
            .ok_or_else(|| localecon::Error::UnknownOption {
                what: "ENA indicator".into(),
                value: field.into(),
                expected: "see FlowIndicators, InformationIndices, Structure".into(),
            });
    }
    if let Some(field) = name.strip_prefix("lm3.") {
        let surveys = fixture.surveys.as_deref().unwrap_or(&[]);
        return surveys
            .iter()
            .map(|s| {
                let r = serde_json::to_value(s.compute()?).expect("serialisable");
                r.get(field)
                    .and_then(serde_json::Value::as_f64)
                    .ok_or_else(|| localecon::Error::UnknownOption {
                        what: "LM3 field".into(),
                        value: field.into(),
                        expected: "round1, round2, round3, local_value, lm3".into(),
                    })
            })
            .collect();
    }
    if let (Some(field), Some(input)) = (name.strip_prefix("lq."), &fixture.lq) {
        return lq_quantity(input, field);
    }
    if let (Some(field), Some(input)) = (name.strip_prefix("ras."), &fixture.ras) {
        return ras_quantity(input, field);
    }
    if name == "scenario.substitution_multipliers" {
        let s = fixture.substitution.as_ref().expect("substitution input");
        return Ok(localecon::scenario::import_substitution(
            &fixture.table()?,
            &s.buyer,
            &s.product,
            s.share,
        )?
        .output_multipliers);
    }
    if name == "scenario.shock_output_type_i" {
        let i = localecon::scenario::impact(
            &fixture.table()?,
            fixture.shock.as_deref().unwrap_or(&[]),
            0.0,
        )?;
        return Ok(i
            .output
            .direct
            .iter()
            .zip(&i.output.indirect)
            .map(|(d, k)| d + k)
            .collect());
    }
    if let (Some(field), Some(c)) = (name.strip_prefix("currency."), &fixture.currency) {
        let r = serde_json::to_value(localecon::currency::local_currency(&fixture.table()?, c)?)
            .expect("serialisable");
        return r
            .get(field)
            .and_then(serde_json::Value::as_f64)
            .map(|v| vec![v])
            .ok_or_else(|| localecon::Error::UnknownOption {
                what: "currency result".into(),
                value: field.into(),
                expected: "see CurrencyResult".into(),
            });
    }
    if name == "average_share" {
        return Ok(vec![localecon::lm3::average_share(
            fixture.shares.as_deref().unwrap_or(&[]),
            None,
        )?]);
    }
    quantity(fixture, &fixture.table()?, name)
}

/// Computes the named quantity for a fixture.
///
/// # Errors
///
/// Any localecon error, or [`localecon::Error::UnknownOption`] for an unknown quantity.
pub fn quantity(
    fixture: &Fixture,
    table: &RegionalTable,
    name: &str,
) -> localecon::Result<Vec<f64>> {
    let m = || Multipliers::new(table);
    let need = |v: Option<Vec<f64>>| {
        v.ok_or_else(|| localecon::Error::MissingData {
            what: format!("{name} for this table"),
        })
    };
    Ok(match name {
        "output" => table.output().to_vec(),
        "leontief_inverse" => LeontiefModel::new(table)?.leontief_inverse()?,
        "leontief_diagonal" | "leontief_diagonal_published" => {
            diag(&LeontiefModel::new(table)?.leontief_inverse()?, table.n())
        }
        "impact" => LeontiefModel::new(table)?
            .solve(fixture.impact_final_demand.as_deref().unwrap_or(&[]))?,
        "output_multiplier_type_i" => m()?.output.type_i,
        "output_multiplier_type_ii" => need(m()?.output.type_ii)?,
        "income_effect_type_i" => m()?.income.type_i,
        "income_effect_type_ii" => need(m()?.income.type_ii)?,
        "income_multiplier_type_i" => m()?.income.multiplier_type_i(),
        "income_multiplier_type_ii" => need(m()?.income.multiplier_type_ii())?,
        "gva_effect_type_i" => m()?.value_added.type_i,
        "gva_effect_type_ii" => need(m()?.value_added.type_ii)?,
        "gva_multiplier_type_i" => m()?.value_added.multiplier_type_i(),
        "gva_multiplier_type_ii" => need(m()?.value_added.multiplier_type_ii())?,
        "employment_effect_type_i" => need(m()?.employment.map(|e| e.type_i))?,
        "employment_effect_type_ii" => need(m()?.employment.and_then(|e| e.type_ii))?,
        "employment_multiplier_type_i" => need(m()?.employment.map(|e| e.multiplier_type_i()))?,
        "employment_multiplier_type_ii" => {
            need(m()?.employment.and_then(|e| e.multiplier_type_ii()))?
        }
        "fci_leontief" => vec![fci_leontief(table, Closure::Open)?],
        "ghosh_column_0" => {
            let g = GhoshModel::new(table)?.ghosh_inverse()?;
            (0..table.n()).map(|i| g[i * table.n()]).collect()
        }
        "ghosh_forward_linkage" | "ghosh_forward_linkage_selfcomputed" => {
            GhoshModel::new(table)?.forward_linkages()
        }
        "rasmussen_backward" => Linkages::new(table)?.backward,
        "rasmussen_forward" => Linkages::new(table)?.forward,
        "extraction_total" | "extraction_backward" => {
            let kind = if name == "extraction_total" {
                Extraction::Total
            } else {
                Extraction::Backward
            };
            table
                .sectors()
                .iter()
                .map(|s| hypothetical_extraction(table, &s.code, kind))
                .collect::<localecon::Result<Vec<f64>>>()?
        }
        "leakage_imports" => {
            let l = Leakage::new(table)?;
            let mut total = vec![0.0; table.n()];
            for ch in [
                LeakageChannel::Imports,
                LeakageChannel::ImportsRestOfCountry,
                LeakageChannel::ImportsRestOfWorld,
            ] {
                for (t, v) in total.iter_mut().zip(l.channel(ch)) {
                    *t += v;
                }
            }
            total
        }
        other => {
            return Err(localecon::Error::UnknownOption {
                what: "conformance quantity".into(),
                value: other.into(),
                expected: "see tests/src/lib.rs".into(),
            });
        }
    })
}

/// Compares computed values with a check; returns a description of every mismatch.
#[must_use]
pub fn mismatches(check: &Check, got: &[f64]) -> Vec<String> {
    let mut out = Vec::new();
    let expected = &check.expected;
    if got.len() < expected.len() {
        out.push(format!(
            "{}: expected {} values, got {}",
            check.quantity,
            expected.len(),
            got.len()
        ));
        return out;
    }
    for (k, (e, g)) in expected.iter().zip(got).enumerate() {
        let tol = check.atol + check.rtol * e.abs();
        // NaN must fail too, hence not `> tol`
        let within = (g - e).abs() <= tol;
        if !within {
            out.push(format!(
                "{}[{k}]: expected {e}, got {g} (|diff| {:.3e} > {tol:.3e})",
                check.quantity,
                (g - e).abs()
            ));
        }
    }
    out
}
pub mod eiat;
pub mod fuzz_inputs;
pub mod fuzzing;
pub mod validation;
