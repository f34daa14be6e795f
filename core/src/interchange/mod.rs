//! Reading and writing tables: the versioned interchange JSON and the labelled CSV layout.
//!
//! # JSON (`localecon-table`, version 1)
//!
//! ```json
//! {
//!   "format": "localecon-table", "version": 1,
//!   "name": "Miller & Blair", "unit": "money units", "source": null,
//!   "sectors": [{"code": "s1", "name": "Agriculture"}, {"code": "s2", "name": "Manufacturing"}],
//!   "z": [[150, 500], [200, 100]],
//!   "final_demand": [{"label": "f", "kind": "other", "values": [350, 1700]}],
//!   "primary_inputs": [{"label": "va", "kind": "compensation", "values": [650, 1400]}]
//! }
//! ```
//!
//! `z` is a list of rows (`z[i][j]` = what `j` buys from `i`). Optional fields: `output`,
//! `employment` (`{"unit": "jobs", "values": [...]}`), `import_use` (imports by product and
//! buyer: `{"basis": "supplied", "blocks": [{"origin": "<import row label>", "values":
//! [[...], ...]}]}`, rows are products, columns buyers, as in `z`), `retention`,
//! `household_closure`, `balance_tolerance`. Unknown fields are refused, so a typo does not pass silently.
//!
//! # CSV
//!
//! See [`csv`](self::read_csv) for the labelled layout.

//! # Files in other encodings
//!
//! The readers take text. For a file's bytes, [`read_csv_bytes`] and [`read_json_bytes`]
//! decode UTF-8 (with or without a byte-order mark) and UTF-16 with its byte-order mark;
//! a file in any other encoding (Windows-1252, Latin-1) is refused with a typed error at
//! its first byte that is not UTF-8, naming the line and column, rather than guessed.

mod csv_layout;
pub(crate) mod document;
pub(crate) mod text;

pub use csv_layout::{read_csv, write_csv};

/// Reads a table in the CSV layout from a file's bytes (see [the encodings](self#files-in-other-encodings)).
///
/// # Errors
///
/// [`Error::Csv`] at the first byte that cannot be decoded; then the errors of [`read_csv`].
///
/// # Example
///
/// ```
/// let latin1 = b"kind,code,name,a\n,,,sector\nsector,a,caf\xE9,1\n";
/// let e = localecon::interchange::read_csv_bytes(latin1).unwrap_err();
/// assert_eq!(e.code(), "csv");
/// assert!(e.to_string().contains("line 3"));
/// ```
pub fn read_csv_bytes(bytes: &[u8]) -> Result<RegionalTable> {
    let text = text::decode(bytes).map_err(|e| Error::Csv {
        location: crate::error::Location::Line {
            line: e.line,
            column: e.field(),
        },
        message: e.message,
    })?;
    read_csv(&text)
}

/// Reads a table in the interchange JSON from a file's bytes (see [the encodings](self#files-in-other-encodings)).
///
/// # Errors
///
/// [`Error::Json`] at the first byte that cannot be decoded; then the errors of [`read_json`].
pub fn read_json_bytes(bytes: &[u8]) -> Result<RegionalTable> {
    let text = text::decode(bytes).map_err(|e| Error::Json {
        line: e.line,
        column: e.column,
        message: e.message,
    })?;
    read_json(&text)
}

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::table::{
    DEFAULT_BALANCE_TOLERANCE, Employment, FinalDemandColumn, HouseholdClosure, ImportBasis,
    ImportUse, ImportUseBlock, PrimaryInputRow, RegionalTable, Retention, Sector, TableParts,
};

/// The `format` field of a table document.
pub const TABLE_FORMAT: &str = "localecon-table";
/// The version of the table document this build writes and reads.
pub const TABLE_VERSION: u32 = 1;

fn default_tolerance() -> f64 {
    DEFAULT_BALANCE_TOLERANCE
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TableDocument {
    format: String,
    version: u32,
    name: String,
    #[serde(default = "default_unit")]
    unit: String,
    #[serde(default)]
    source: Option<String>,
    sectors: Vec<Sector>,
    z: Vec<Vec<f64>>,
    #[serde(default)]
    final_demand: Vec<FinalDemandColumn>,
    #[serde(default)]
    primary_inputs: Vec<PrimaryInputRow>,
    #[serde(default)]
    output: Option<Vec<f64>>,
    #[serde(default)]
    employment: Option<Employment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    import_use: Option<ImportUseDocument>,
    #[serde(default)]
    retention: Retention,
    #[serde(default)]
    household_closure: HouseholdClosure,
    #[serde(default = "default_tolerance")]
    balance_tolerance: f64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ImportUseDocument {
    basis: ImportBasis,
    blocks: Vec<ImportBlockDocument>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ImportBlockDocument {
    origin: String,
    values: Vec<Vec<f64>>,
}

pub(crate) fn matrix_rows(what: &str, rows: &[Vec<f64>], n: usize) -> Result<Vec<f64>> {
    if rows.len() != n {
        return Err(Error::Shape {
            what: format!("{what} rows"),
            expected: n,
            found: rows.len(),
        });
    }
    let mut flat = Vec::with_capacity(n * n);
    for (i, row) in rows.iter().enumerate() {
        if row.len() != n {
            return Err(Error::Shape {
                what: format!("{what} row {i}"),
                expected: n,
                found: row.len(),
            });
        }
        flat.extend_from_slice(row);
    }
    Ok(flat)
}

fn default_unit() -> String {
    "money units".into()
}

pub(crate) fn json_error(e: &serde_json::Error) -> Error {
    Error::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    }
}

/// Reads a table from the interchange JSON.
///
/// # Errors
///
/// [`Error::Json`] for malformed JSON or fields of the wrong type;
/// [`Error::UnsupportedVersion`] for another `format` or `version`; [`Error::Shape`] for a
/// ragged `z`; then every validation error of [`RegionalTable::new`].
///
/// # Example
///
/// ```
/// let json = r#"{"format": "localecon-table", "version": 1, "name": "two",
///   "sectors": [{"code": "a", "name": "A"}, {"code": "b", "name": "B"}],
///   "z": [[150, 500], [200, 100]],
///   "final_demand": [{"label": "f", "kind": "other", "values": [350, 1700]}],
///   "primary_inputs": [{"label": "va", "kind": "compensation", "values": [650, 1400]}]}"#;
/// let table = localecon::interchange::read_json(json)?;
/// assert_eq!(table.output(), &[1000.0, 2000.0]);
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn read_json(text: &str) -> Result<RegionalTable> {
    RegionalTable::new(read_json_parts(text)?)
}

/// Reads the parts of a table from the interchange JSON without validating them (for
/// [`TableParts::audit`]).
///
/// # Errors
///
/// [`Error::Json`], [`Error::UnsupportedVersion`], or [`Error::Shape`] for a ragged `z`.
pub fn read_json_parts(text: &str) -> Result<TableParts> {
    let doc: TableDocument = document::read(text, TABLE_FORMAT, TABLE_VERSION)?;
    let n = doc.sectors.len();
    if doc.z.len() != n {
        return Err(Error::Shape {
            what: "z rows".into(),
            expected: n,
            found: doc.z.len(),
        });
    }
    let z = matrix_rows("z", &doc.z, n)?;
    let import_use = match doc.import_use {
        None => None,
        Some(d) => Some(ImportUse {
            basis: d.basis,
            blocks: d
                .blocks
                .into_iter()
                .map(|b| {
                    Ok(ImportUseBlock {
                        values: matrix_rows(&format!("import_use {:?}", b.origin), &b.values, n)?,
                        origin: b.origin,
                    })
                })
                .collect::<Result<_>>()?,
        }),
    };
    Ok(TableParts {
        name: doc.name,
        unit: doc.unit,
        source: doc.source,
        sectors: doc.sectors,
        z,
        final_demand: doc.final_demand,
        primary_inputs: doc.primary_inputs,
        output: doc.output,
        employment: doc.employment,
        import_use,
        retention: doc.retention,
        household_closure: doc.household_closure,
        balance_tolerance: doc.balance_tolerance,
    })
}

/// Writes a table as interchange JSON (pretty-printed); [`read_json`] reads it back to an
/// equal table.
#[must_use]
pub fn write_json(table: &RegionalTable) -> String {
    let p = table.parts();
    let n = table.n();
    let doc = TableDocument {
        format: TABLE_FORMAT.into(),
        version: TABLE_VERSION,
        name: p.name.clone(),
        unit: p.unit.clone(),
        source: p.source.clone(),
        sectors: p.sectors.clone(),
        z: p.z.chunks(n.max(1)).map(<[f64]>::to_vec).collect(),
        final_demand: p.final_demand.clone(),
        primary_inputs: p.primary_inputs.clone(),
        output: p.output.clone(),
        employment: p.employment.clone(),
        import_use: p.import_use.as_ref().map(|iu| ImportUseDocument {
            basis: iu.basis,
            blocks: iu
                .blocks
                .iter()
                .map(|b| ImportBlockDocument {
                    origin: b.origin.clone(),
                    values: b.values.chunks(n.max(1)).map(<[f64]>::to_vec).collect(),
                })
                .collect(),
        }),
        retention: p.retention.clone(),
        household_closure: p.household_closure.clone(),
        balance_tolerance: p.balance_tolerance,
    };
    serde_json::to_string_pretty(&doc).expect("a table document always serialises")
}
