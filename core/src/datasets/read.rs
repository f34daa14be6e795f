//! Reading the embedded CSV sources: comment lines, quoted fields, typed errors naming the
//! file.

use crate::error::{Error, Result};
use crate::table::RegionalTable;

pub(super) fn source_error(file: &str, message: impl std::fmt::Display) -> Error {
    Error::Csv {
        location: crate::error::Location::Field(file.into()),
        message: message.to_string(),
    }
}

/// Rows of a CSV source after `#` comments and the header (fields may be quoted, e.g.
/// `"02.1, 02.4"`), each with at least `min_fields` fields.
pub(super) fn records(text: &str, file: &str, min_fields: usize) -> Result<Vec<csv::StringRecord>> {
    let mut out = Vec::new();
    for r in csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes())
        .records()
    {
        let r = r.map_err(|e| source_error(file, e))?;
        if r.len() < min_fields {
            return Err(source_error(file, format!("a row with {} fields", r.len())));
        }
        out.push(r);
    }
    Ok(out)
}

/// `k` columns of numbers after a code column, one row per sector of `table` (in any
/// order), as `k` vectors in the table's sector order.
pub(super) fn columns_by_sector(
    text: &str,
    file: &str,
    table: &RegionalTable,
    k: usize,
) -> Result<Vec<Vec<f64>>> {
    let n = table.n();
    let mut values = vec![vec![0.0; n]; k];
    let mut seen = vec![false; n];
    for r in records(text, file, 1 + k)? {
        let i = table.sector_index(&r[0])?;
        if std::mem::replace(&mut seen[i], true) {
            return Err(source_error(file, format!("a second row for {:?}", &r[0])));
        }
        for (c, column) in values.iter_mut().enumerate() {
            column[i] = number(&r[1 + c], file)?;
        }
    }
    if let Some(i) = seen.iter().position(|s| !s) {
        return Err(Error::MissingData {
            what: format!("{file}: no row for {}", table.sectors()[i].code),
        });
    }
    Ok(values)
}

pub(super) fn number(text: &str, file: &str) -> Result<f64> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| source_error(file, format!("{text:?} is not a finite number")))
}

/// Levenshtein distance (insertions, deletions, substitutions), `O(|a|·|b|)`.
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}
