//! Type II of an interregional system for Python: households in every region, wages where
//! the workers live (the core's `InterregionalTable::type_ii`).

use localecon::interregional;
use numpy::{PyArray1, PyArray2};
use pyo3::prelude::*;

use super::{PyInterregionalTable, shape};
use crate::convert::{alignment, matrix, out1, typed};
use crate::error::IntoPy;

#[pymethods]
impl PyInterregionalTable {
    /// Type II with the households of every region: `commuting[s][r]` the share of the
    /// wages paid in region `r` that households living in `s` receive (an `R × R` array, or
    /// a DataFrame with region names as index (residence) and columns (work), aligned by
    /// label); `income` each region's household income (default: what its residents earn in
    /// the system). One LU of `N + R`.
    #[pyo3(signature = (commuting, income = None))]
    fn type_ii<'py>(
        &self,
        py: Python<'py>,
        commuting: &Bound<'py, PyAny>,
        income: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let names = self.regions();
        let r = names.len();
        let (v, rows, cols) = matrix(commuting, "commuting")?;
        if rows != r || cols != r {
            return Err(shape(
                format!("commuting ({r} × {r}: residence × work)"),
                r * r,
                rows * cols,
            ));
        }
        let at = |p: &Option<Vec<usize>>, k: usize| p.as_ref().map_or(k, |p| p[k]);
        let rows_at = alignment(commuting, "index", &names, "commuting rows")?;
        let cols_at = alignment(commuting, "columns", &names, "commuting columns")?;
        let shares = (0..r)
            .map(|s| {
                (0..r)
                    .map(|w| v[at(&rows_at, s) * r + at(&cols_at, w)])
                    .collect()
            })
            .collect();
        let income = match income {
            Some(i) => Some(crate::convert::sector_vector(i, &names, "income")?),
            None => None,
        };
        let c = interregional::Commuting { shares, income };
        let ii = crate::interrupt::interruptible_if(
            py,
            self.inner.n() >= crate::interrupt::INTERRUPTIBLE_MIN_N,
            || self.inner.type_ii(&c),
        )?;
        typed(py, "TypeIi", &ii)
    }
}

/// Commuting shares (residence × work) and household income per region, as numpy arrays.
type SharesAndIncome<'py> = (Bound<'py, PyArray2<f64>>, Bound<'py, PyArray1<f64>>);

/// The households of an embedded interregional dataset, for `table.type_ii(...)`: the census
/// 2011 commuting shares of its regions (residence × work) and each region's household
/// income (the compensation its residents receive times Scotland's ratio of household income
/// to compensation, 1.859: an assumption for the councils and the rest of the UK).
#[pyfunction]
pub fn interregional_households<'py>(
    py: Python<'py>,
    name: &str,
    table: &PyInterregionalTable,
) -> PyResult<SharesAndIncome<'py>> {
    let c = localecon::datasets::Sources::embedded()
        .interregional_households(name, &table.inner)
        .py_err()?;
    let r = c.shares.len();
    Ok((
        crate::convert::out_rows(py, &c.shares, r)?,
        out1(py, c.income.unwrap_or_default()),
    ))
}
