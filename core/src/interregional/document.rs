//! The interchange JSON of an interregional table (`"format": "localecon-interregional"`).
//!
//! ```json
//! {"format": "localecon-interregional", "version": 1, "name": "two regions",
//!  "regions": [{"name": "r", "sectors": ["a", "b"]}, {"name": "s", "sectors": ["a"]}],
//!  "z": [[...], [...], [...]], "output": [...],
//!  "final_demand": [{"label": "households r", "region": "r", "kind": "households", "values": [...]}],
//!  "primary_inputs": [{"label": "va", "kind": "compensation", "values": [...]}]}
//! ```
//!
//! A sector is a code or `{"code": …, "name": …}`; `z` is a list of rows in system order.

use serde::{Deserialize, Serialize};

use super::{InterregionalFinalDemand, InterregionalParts, InterregionalTable, Region};
use crate::error::{Error, Result};
use crate::interchange::matrix_rows;
use crate::sector::Sector;
use crate::table::{DEFAULT_BALANCE_TOLERANCE, PrimaryInputRow};

/// The `format` field of an interregional table.
pub const INTERREGIONAL_FORMAT: &str = "localecon-interregional";
/// The version this build reads and writes.
pub const INTERREGIONAL_VERSION: u32 = 1;

/// A sector as the interchange JSON (and the JavaScript constructor) spells it: its code
/// alone (the name is then the code), or code and name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SectorSpec {
    /// The code, also used as the name.
    Code(String),
    /// Code and name.
    Full(Sector),
}

/// A region as the interchange JSON spells it: its name and its sectors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionSpec {
    /// Region name.
    pub name: String,
    /// Its sectors, in table order.
    pub sectors: Vec<SectorSpec>,
}

impl From<RegionSpec> for Region {
    fn from(r: RegionSpec) -> Self {
        Region {
            name: r.name,
            sectors: r
                .sectors
                .into_iter()
                .map(|s| match s {
                    SectorSpec::Code(code) => Sector {
                        name: code.clone(),
                        code,
                    },
                    SectorSpec::Full(s) => s,
                })
                .collect(),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    format: String,
    version: u32,
    name: String,
    #[serde(default = "default_unit")]
    unit: String,
    #[serde(default)]
    source: Option<String>,
    regions: Vec<RegionSpec>,
    z: Vec<Vec<f64>>,
    #[serde(default)]
    final_demand: Vec<InterregionalFinalDemand>,
    #[serde(default)]
    primary_inputs: Vec<PrimaryInputRow>,
    #[serde(default)]
    output: Option<Vec<f64>>,
    #[serde(default = "default_tolerance")]
    balance_tolerance: f64,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    allow_purchases_above_output: bool,
}

fn default_unit() -> String {
    "money units".into()
}

fn default_tolerance() -> f64 {
    DEFAULT_BALANCE_TOLERANCE
}

/// Reads an interregional table from a file's bytes: UTF-8, or UTF-16 with a byte-order
/// mark (as [`crate::interchange::read_json_bytes`]).
///
/// # Errors
///
/// [`Error::Json`] at the first byte that is not text; what [`read_json`] finds.
pub fn read_json_bytes(bytes: &[u8]) -> Result<InterregionalTable> {
    let text = crate::interchange::text::decode(bytes).map_err(|e| Error::Json {
        line: e.line,
        column: e.column,
        message: e.message,
    })?;
    read_json(&text)
}

/// Reads an interregional table from its interchange JSON.
///
/// # Errors
///
/// [`Error::Json`]; [`Error::UnsupportedVersion`]; [`Error::Shape`] for a ragged `z`; what
/// [`InterregionalTable::new`] finds.
pub fn read_json(text: &str) -> Result<InterregionalTable> {
    let doc: Document =
        crate::interchange::document::read(text, INTERREGIONAL_FORMAT, INTERREGIONAL_VERSION)?;
    let regions: Vec<Region> = doc.regions.into_iter().map(Region::from).collect();
    let n = regions.iter().map(|r| r.sectors.len()).sum();
    let z = matrix_rows("z", &doc.z, n)?;
    InterregionalTable::new(InterregionalParts {
        name: doc.name,
        unit: doc.unit,
        source: doc.source,
        regions,
        z,
        final_demand: doc.final_demand,
        primary_inputs: doc.primary_inputs,
        output: doc.output,
        balance_tolerance: doc.balance_tolerance,
        allow_purchases_above_output: doc.allow_purchases_above_output,
    })
}

/// Writes an interregional table as interchange JSON; [`read_json`] reads it back to an
/// equal table.
#[must_use]
pub fn write_json(table: &InterregionalTable) -> String {
    let p = table.parts();
    let n = table.n();
    let doc = Document {
        format: INTERREGIONAL_FORMAT.into(),
        version: INTERREGIONAL_VERSION,
        name: p.name.clone(),
        unit: p.unit.clone(),
        source: p.source.clone(),
        regions: p
            .regions
            .iter()
            .map(|r| RegionSpec {
                name: r.name.clone(),
                sectors: r.sectors.iter().cloned().map(SectorSpec::Full).collect(),
            })
            .collect(),
        z: p.z.chunks_exact(n.max(1)).map(<[f64]>::to_vec).collect(),
        final_demand: p.final_demand.clone(),
        primary_inputs: p.primary_inputs.clone(),
        output: p.output.clone(),
        balance_tolerance: p.balance_tolerance,
        allow_purchases_above_output: p.allow_purchases_above_output,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
