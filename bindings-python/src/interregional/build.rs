//! `InterregionalTable.from_arrays`: pandas frames with a `(region, sector)` `MultiIndex`
//! (pymrio's layout) or arrays with an `index=` of pairs, aligned to the entries by label.

use localecon::PrimaryInputRow;
use localecon::interregional::{
    self, InterregionalFinalDemand, InterregionalParts, InterregionalTable,
};
use localecon::table::{FinalDemandKind, PrimaryInputKind};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use super::{PyInterregionalTable, shape};
use crate::convert::{alignment, kinds, label, matrix, vector};
use crate::error::{IntoPy, to_py};

/// The `(region, code)` pairs of an index: a pandas `MultiIndex`, or any iterable of pairs.
fn pairs(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<(String, String)>> {
    let mut out = Vec::new();
    for item in obj.try_iter()? {
        let item = item?;
        let t = item.cast::<PyTuple>().ok().filter(|t| t.len() == 2);
        let Some(t) = t else {
            return Err(to_py(localecon::Error::InvalidInput {
                what: what.into(),
                message: format!("entry {} is not a (region, sector) pair", item.repr()?),
            }));
        };
        out.push((label(&t.get_item(0)?)?, label(&t.get_item(1)?)?));
    }
    Ok(out)
}

/// Column labels of a frame: `(label, region, category)`; a `(region, category)` column is
/// labelled `"region/category"` and bought by `region`.
fn columns(
    obj: &Bound<'_, PyAny>,
    labels: Option<Vec<String>>,
    regions: Option<Vec<Option<String>>>,
    k: usize,
    prefix: &str,
) -> PyResult<Vec<(String, Option<String>, String)>> {
    let from_frame = if obj.hasattr("columns")? && !obj.getattr("columns")?.is_callable() {
        Some(obj.getattr("columns")?.call_method0("tolist")?)
    } else {
        None
    };
    let mut out = Vec::with_capacity(k);
    for c in 0..k {
        let item = match &from_frame {
            Some(list) => Some(list.get_item(c)?),
            None => None,
        };
        let pair = item
            .as_ref()
            .and_then(|i| i.cast::<PyTuple>().ok())
            .filter(|t| t.len() == 2);
        let (label_c, region, category) = match (&pair, &item) {
            (Some(t), _) => {
                let (r, cat) = (label(&t.get_item(0)?)?, label(&t.get_item(1)?)?);
                (format!("{r}/{cat}"), Some(r), cat)
            }
            (None, Some(i)) if from_frame.is_some() => {
                let l = label(i)?;
                (l.clone(), None, l)
            }
            _ => {
                let l = format!("{prefix}{}", c + 1);
                (l.clone(), None, l)
            }
        };
        out.push((label_c, region, category));
    }
    if let Some(l) = labels {
        if l.len() != k {
            return Err(shape(format!("{prefix} labels"), k, l.len()));
        }
        for (o, l) in out.iter_mut().zip(l) {
            o.0 = l.clone();
            o.2 = l;
        }
    }
    if let Some(r) = regions {
        if r.len() != k {
            return Err(shape(format!("{prefix} regions"), k, r.len()));
        }
        for (o, r) in out.iter_mut().zip(r) {
            o.1 = r;
        }
    }
    Ok(out)
}

#[pymethods]
impl PyInterregionalTable {
    /// Builds a system from arrays (numpy arrays, nested lists or pandas DataFrames).
    ///
    /// `z` is `N × N`; its entries are `index` (`(region, sector)` pairs, or a pandas
    /// `MultiIndex`), else `z.index`; a DataFrame's columns, `final_demand`'s rows,
    /// `primary_inputs`' columns and `output` are aligned to them by label. `final_demand`
    /// is `N × K`: a `(region, category)` column (pymrio's `Y`) is bought by that region,
    /// else `final_demand_regions` names the buyer of each column (`None`: beyond the
    /// system, e.g. exports to the rest of the world). Kinds: a list, or a dict by label or
    /// category (defaults "other"). Raises a `LocaleconError` subclass naming the region and
    /// sector of a bad value.
    #[staticmethod]
    #[pyo3(signature = (
        z, index=None, names=None, final_demand=None, final_demand_labels=None,
        final_demand_regions=None, final_demand_kinds=None, primary_inputs=None,
        primary_input_labels=None, primary_input_kinds=None, output=None,
        name="interregional table", unit="money units", source=None,
        balance_tolerance=0.001, allow_purchases_above_output=false,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn from_arrays(
        z: &Bound<'_, PyAny>,
        index: Option<&Bound<'_, PyAny>>,
        names: Option<Vec<String>>,
        final_demand: Option<&Bound<'_, PyAny>>,
        final_demand_labels: Option<Vec<String>>,
        final_demand_regions: Option<Vec<Option<String>>>,
        final_demand_kinds: Option<&Bound<'_, PyAny>>,
        primary_inputs: Option<&Bound<'_, PyAny>>,
        primary_input_labels: Option<Vec<String>>,
        primary_input_kinds: Option<&Bound<'_, PyAny>>,
        output: Option<&Bound<'_, PyAny>>,
        name: &str,
        unit: &str,
        source: Option<String>,
        balance_tolerance: f64,
        allow_purchases_above_output: bool,
    ) -> PyResult<Self> {
        let (zv, rows, cols) = matrix(z, "Z")?;
        if rows != cols {
            return Err(shape("Z columns (Z must be square)".into(), rows, cols));
        }
        let n = rows;
        let entries = match index {
            Some(i) => pairs(i, "index")?,
            None if z.hasattr("index")? && !z.getattr("index")?.is_callable() => {
                pairs(&z.getattr("index")?, "Z index")?
            }
            None => {
                return Err(to_py(localecon::Error::InvalidInput {
                    what: "index".into(),
                    message: "give the (region, sector) pairs of Z's rows: `index=` or a \
                              DataFrame with a MultiIndex"
                        .into(),
                }));
            }
        };
        if entries.len() != n {
            return Err(shape(
                "index (one (region, sector) per row of Z)".into(),
                n,
                entries.len(),
            ));
        }
        let labels: Vec<String> = entries.iter().map(|(r, c)| format!("{r}/{c}")).collect();
        let at = |p: &Option<Vec<usize>>, k: usize| p.as_ref().map_or(k, |p| p[k]);
        // a DataFrame's rows (when the entries come from `index=`) and columns are put in
        // the entries' order by label; arrays are taken as they are (no second copy)
        let rows_at = if index.is_some() {
            alignment(z, "index", &labels, "Z rows")?
        } else {
            None
        };
        let cols_at = alignment(z, "columns", &labels, "Z columns")?;
        let zv = if rows_at.is_none() && cols_at.is_none() {
            zv
        } else {
            (0..n * n)
                .map(|k| zv[at(&rows_at, k / n) * n + at(&cols_at, k % n)])
                .collect()
        };
        let mut parts = InterregionalParts::new(
            name,
            interregional::regions_from_entries(&entries, names.as_deref()).py_err()?,
            zv,
            Vec::new(),
        );
        parts.output = None;
        parts.unit = unit.into();
        parts.source = source;
        parts.balance_tolerance = balance_tolerance;
        parts.allow_purchases_above_output = allow_purchases_above_output;
        if let Some(fd) = final_demand {
            let (v, r, k) = matrix(fd, "final_demand")?;
            if r != n {
                return Err(shape("final_demand rows (one per entry)".into(), n, r));
            }
            let cols = columns(
                fd,
                final_demand_labels,
                final_demand_regions,
                k,
                "final demand",
            )?;
            let (ls, cats): (Vec<String>, Vec<String>) =
                cols.iter().map(|c| (c.0.clone(), c.2.clone())).unzip();
            let ks = kinds(
                final_demand_kinds,
                "final_demand_kinds",
                (&ls, &cats),
                FinalDemandKind::Other,
            )?;
            let rows_at = alignment(fd, "index", &labels, "final_demand rows")?;
            for (c, ((label, region, _), kind)) in cols.into_iter().zip(ks).enumerate() {
                parts.final_demand.push(InterregionalFinalDemand {
                    label,
                    region,
                    kind,
                    values: (0..n).map(|i| v[at(&rows_at, i) * k + c]).collect(),
                });
            }
        }
        if let Some(pi) = primary_inputs {
            let (v, k, c) = matrix(pi, "primary_inputs")?;
            if c != n {
                return Err(shape("primary_inputs columns (one per entry)".into(), n, c));
            }
            let ls = match primary_input_labels {
                Some(l) if l.len() == k => l,
                Some(l) => return Err(shape("primary_input_labels".into(), k, l.len())),
                None => match crate::convert::axis_labels(pi, "index")? {
                    Some(l) => l,
                    None => (1..=k).map(|i| format!("primary input {i}")).collect(),
                },
            };
            let ks = kinds(
                primary_input_kinds,
                "primary_input_kinds",
                (&ls, &ls),
                PrimaryInputKind::Other,
            )?;
            let cols_at = alignment(pi, "columns", &labels, "primary_inputs columns")?;
            for (r, (label, kind)) in ls.into_iter().zip(ks).enumerate() {
                parts.primary_inputs.push(PrimaryInputRow {
                    label,
                    kind,
                    values: (0..n).map(|j| v[r * n + at(&cols_at, j)]).collect(),
                });
            }
        }
        if let Some(x) = output {
            let v = vector(x, "output")?;
            if v.len() != n {
                return Err(shape("output".into(), n, v.len()));
            }
            let at_x = alignment(x, "index", &labels, "output")?;
            parts.output = Some((0..n).map(|i| v[at(&at_x, i)]).collect());
        }
        Ok(Self {
            inner: InterregionalTable::new(parts).py_err()?,
        })
    }
}
