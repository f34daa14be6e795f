//! Labels across the boundary: a pandas axis read as the core's labels, and labelled vectors
//! and matrices aligned to a table's sectors by label, never by position.

use pyo3::prelude::*;

use super::{matrix, vector};
use crate::error::IntoPy;

/// Labels from a pandas axis (`obj.<axis>`), when `obj` has one.
pub fn axis_labels(obj: &Bound<'_, PyAny>, axis: &str) -> PyResult<Option<Vec<String>>> {
    if !obj.hasattr(axis)? {
        return Ok(None);
    }
    let labels = obj.getattr(axis)?;
    if labels.is_callable() {
        // `list.index` is a method, not a pandas axis
        return Ok(None);
    }
    let list = labels.call_method0("tolist")?;
    let mut out = Vec::new();
    for item in list.try_iter()? {
        out.push(label(&item?)?);
    }
    Ok(Some(out))
}

/// A label as text: a tuple (an entry of a pandas `MultiIndex`, e.g. `("North", "A")` of an
/// interregional table) as its parts joined by `/` (`"North/A"`, the core's entry labels).
pub fn label(item: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(t) = item.cast::<pyo3::types::PyTuple>() {
        let parts = t
            .iter()
            .map(|p| Ok(p.str()?.to_string()))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(parts.join("/"));
    }
    Ok(item.str()?.to_string())
}

/// How to put the entries along a labelled pandas axis (`obj.<axis>`) into the table's
/// sector order: `None` when the axis is absent, pandas' default `RangeIndex` (positions, not
/// labels) or already in order; else, for each code, the position of its entry. Labels that
/// are not the table's sectors are typed errors (the core's `align_labels`).
pub fn alignment(
    obj: &Bound<'_, PyAny>,
    axis: &str,
    codes: &[String],
    what: &str,
) -> PyResult<Option<Vec<usize>>> {
    if !obj.hasattr(axis)? {
        return Ok(None);
    }
    let index = obj.getattr(axis)?;
    if index.is_callable() || index.get_type().name()? == "RangeIndex" {
        return Ok(None);
    }
    let Some(labels) = axis_labels(obj, axis)? else {
        return Ok(None);
    };
    if labels == codes {
        return Ok(None);
    }
    localecon::table::align_labels(what, &labels, codes)
        .map(Some)
        .py_err()
}

/// Two vectors over the same entries and the labels of the first, when it has them.
pub type Paired = (Vec<f64>, Vec<f64>, Option<Vec<String>>);

/// Two vectors over the same entries (regional and national employment, intensities and
/// output): when the first is labelled (a pandas Series whose index is not a `RangeIndex`)
/// the second is aligned to its labels as [`sector_vector`] aligns to a table's, and the
/// labels are returned to name the entries; otherwise both are taken in order.
pub fn paired_vectors(
    first: &Bound<'_, PyAny>,
    second: &Bound<'_, PyAny>,
    what: (&str, &str),
) -> PyResult<Paired> {
    let a = vector(first, what.0)?;
    let labelled = first.hasattr("index")? && {
        let index = first.getattr("index")?;
        !index.is_callable() && index.get_type().name()? != "RangeIndex"
    };
    let labels = if labelled {
        axis_labels(first, "index")?
    } else {
        None
    };
    let b = match &labels {
        Some(codes) => sector_vector(second, codes, what.1)?,
        None => vector(second, what.1)?,
    };
    Ok((a, b, labels))
}

/// One value per sector: a pandas Series (anything with a labelled `index`) is aligned to the
/// table's sector `codes` by label, an unknown, duplicate or missing label being a typed
/// error; arrays and lists are taken in the table's order.
pub fn sector_vector(obj: &Bound<'_, PyAny>, codes: &[String], what: &str) -> PyResult<Vec<f64>> {
    let v = vector(obj, what)?;
    Ok(match alignment(obj, "index", codes, what)? {
        None => v,
        Some(p) => p.iter().map(|&i| v[i]).collect(),
    })
}

/// An `n × n` matrix of sectors × sectors: a DataFrame's index and columns are aligned to the
/// sector `codes` by label (as [`sector_vector`]), arrays are taken in the table's order.
pub fn sector_matrix(obj: &Bound<'_, PyAny>, codes: &[String], what: &str) -> PyResult<Vec<f64>> {
    let n = codes.len();
    let (v, rows, cols) = matrix(obj, what)?;
    if rows != n || cols != n {
        return Err(crate::error::to_py(localecon::Error::Shape {
            what: format!("{what} ({n} × {n}: sectors × sectors)"),
            expected: n * n,
            found: rows * cols,
        }));
    }
    let rows_at = alignment(obj, "index", codes, &format!("{what} rows"))?;
    let cols_at = alignment(obj, "columns", codes, &format!("{what} columns"))?;
    if rows_at.is_none() && cols_at.is_none() {
        return Ok(v);
    }
    let at = |p: &Option<Vec<usize>>, k: usize| p.as_ref().map_or(k, |p| p[k]);
    Ok((0..n * n)
        .map(|k| v[at(&rows_at, k / n) * n + at(&cols_at, k % n)])
        .collect())
}

/// Columns of one record each (a flow's source, target and weight): taken in order, so when
/// two of them are pandas Series their indexes must be equal (columns of one DataFrame);
/// Series whose rows are in other orders are refused rather than paired by position.
pub fn same_rows(columns: &[(&Bound<'_, PyAny>, &str)]) -> PyResult<()> {
    let indexed: Vec<(Bound<'_, PyAny>, &str)> = columns
        .iter()
        .filter(|(c, _)| {
            c.hasattr("index").unwrap_or(false) && c.hasattr("to_dict").unwrap_or(false)
        })
        .map(|(c, what)| Ok((c.getattr("index")?, *what)))
        .collect::<PyResult<_>>()?;
    if let Some(((first, a), rest)) = indexed.split_first() {
        for (other, b) in rest {
            if !first.call_method1("equals", (other,))?.extract::<bool>()? {
                return Err(crate::error::to_py(localecon::Error::InvalidInput {
                    what: format!("{a} and {b}"),
                    message: "Series with different indexes: give columns of one DataFrame (or arrays), each row one record".into(),
                }));
            }
        }
    }
    Ok(())
}
