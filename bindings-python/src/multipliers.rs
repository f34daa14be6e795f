//! Type I and Type II multipliers for Python.

use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::out1;
use crate::error::IntoPy;
use crate::results::{array_as, codes_names, dataframe, html_table};
use crate::table::PyRegionalTable;

/// Type I and Type II multipliers and effects, per sector.
///
/// Effects are per unit of final demand: `type_i` = direct + indirect, `type_ii` = direct +
/// indirect + induced. Multipliers are effects divided by the direct coefficient (0 where
/// that is 0). Type II attributes are None when the table has no household column.
#[pyclass(name = "Multipliers", module = "localecon", frozen)]
pub struct PyMultipliers {
    pub inner: localecon::Multipliers,
}

impl PyMultipliers {
    fn measure(&self, measure: &str) -> PyResult<&localecon::Effects> {
        let m = &self.inner;
        match measure {
            "output" => Ok(&m.output),
            "income" => Ok(&m.income),
            "gva" | "value_added" => Ok(&m.value_added),
            "employment" => m.employment.as_ref().ok_or_else(|| {
                crate::error::to_py(localecon::Error::MissingData {
                    what: "employment (the table has none)".into(),
                })
            }),
            other => Err(crate::error::to_py(localecon::Error::UnknownOption {
                what: "measure".into(),
                value: other.into(),
                expected: "output, income, gva, employment".into(),
            })),
        }
    }

    fn pick(&self, measure: &str, what: &str) -> Option<Vec<f64>> {
        let e = self.measure(measure).ok()?;
        match what {
            "type_i" => Some(e.type_i.clone()),
            "type_ii" => e.type_ii.clone(),
            "multiplier_type_i" => Some(e.multiplier_type_i()),
            _ => e.multiplier_type_ii(),
        }
    }

    fn columns(&self) -> Vec<(String, Vec<f64>)> {
        let m = &self.inner;
        let mut cols = Vec::new();
        let mut push = |name: &str, e: &localecon::Effects, effects: bool| {
            if effects {
                cols.push((format!("{name}_effect_type_i"), e.type_i.clone()));
                if let Some(t) = &e.type_ii {
                    cols.push((format!("{name}_effect_type_ii"), t.clone()));
                }
            }
            cols.push((format!("{name}_multiplier_type_i"), e.multiplier_type_i()));
            if let Some(t) = e.multiplier_type_ii() {
                cols.push((format!("{name}_multiplier_type_ii"), t));
            }
        };
        push("output", &m.output, false);
        push("income", &m.income, true);
        push("gva", &m.value_added, true);
        if let Some(e) = &m.employment {
            push("employment", e, true);
        }
        cols
    }
}

#[pymethods]
impl PyMultipliers {
    /// Sector codes.
    #[getter]
    fn codes(&self) -> Vec<String> {
        codes_names(&self.inner.sectors).0
    }

    /// Household income H of the Type II closure (None without Type II).
    #[getter]
    fn household_income(&self) -> Option<f64> {
        self.inner.household_income
    }

    /// What a reader should know about these numbers (ill-conditioning, a household
    /// closure that cannot be formed).
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.inner.warnings.clone()
    }

    /// Why Type II is missing although the table has a household closure (None otherwise).
    #[getter]
    fn type_ii_unavailable(&self) -> Option<String> {
        self.inner.type_ii_unavailable.clone()
    }

    /// The effects of one measure ("output", "income", "gva", "employment") as a dict of
    /// arrays: direct, indirect, induced, type_i, type_ii, multiplier_type_i, multiplier_type_ii.
    fn effects<'py>(&self, py: Python<'py>, measure: &str) -> PyResult<Bound<'py, PyDict>> {
        let e = self.measure(measure)?;
        let d = PyDict::new(py);
        d.set_item("direct", out1(py, e.direct.clone()))?;
        d.set_item("indirect", out1(py, e.indirect()))?;
        d.set_item("induced", e.induced().map(|v| out1(py, v)))?;
        d.set_item("type_i", out1(py, e.type_i.clone()))?;
        d.set_item("type_ii", e.type_ii.clone().map(|v| out1(py, v)))?;
        d.set_item("multiplier_type_i", out1(py, e.multiplier_type_i()))?;
        d.set_item(
            "multiplier_type_ii",
            e.multiplier_type_ii().map(|v| out1(py, v)),
        )?;
        Ok(d)
    }

    /// Every multiplier and effect as a dict of arrays (keys as in `to_pandas`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in self.columns() {
            d.set_item(k, out1(py, v))?;
        }
        Ok(d)
    }

    /// A pandas DataFrame indexed by sector code (pandas must be installed).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let (codes, names) = codes_names(&self.inner.sectors);
        dataframe(py, &codes, &names, self.columns())
    }

    /// Output multipliers Type I per sector: the name of the column in `to_pandas()`.
    #[getter]
    fn output_multiplier_type_i<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.output_type_i(py)
    }

    /// Output multipliers Type II per sector (None without a household closure): the name
    /// of the column in `to_pandas()`.
    #[getter]
    fn output_multiplier_type_ii<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.output_type_ii(py)
    }

    /// `output` type i per sector, the same as `output_multiplier_type_i` (kept for the
    /// code written before the names were aligned with the DataFrame's).
    #[getter]
    fn output_type_i<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("output", "type_i").map(|v| out1(py, v))
    }

    /// `output` type ii per sector, the same as `output_multiplier_type_ii`.
    #[getter]
    fn output_type_ii<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("output", "type_ii").map(|v| out1(py, v))
    }

    /// `income` type i per sector (None when not available).
    #[getter]
    fn income_effect_type_i<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("income", "type_i").map(|v| out1(py, v))
    }

    /// `income` type ii per sector (None when not available).
    #[getter]
    fn income_effect_type_ii<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("income", "type_ii").map(|v| out1(py, v))
    }

    /// `income` multiplier type i per sector (None when not available).
    #[getter]
    fn income_multiplier_type_i<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("income", "multiplier_type_i")
            .map(|v| out1(py, v))
    }

    /// `income` multiplier type ii per sector (None when not available).
    #[getter]
    fn income_multiplier_type_ii<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("income", "multiplier_type_ii")
            .map(|v| out1(py, v))
    }

    /// `gva` type i per sector (None when not available).
    #[getter]
    fn gva_effect_type_i<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("gva", "type_i").map(|v| out1(py, v))
    }

    /// `gva` type ii per sector (None when not available).
    #[getter]
    fn gva_effect_type_ii<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("gva", "type_ii").map(|v| out1(py, v))
    }

    /// `gva` multiplier type i per sector (None when not available).
    #[getter]
    fn gva_multiplier_type_i<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("gva", "multiplier_type_i").map(|v| out1(py, v))
    }

    /// `gva` multiplier type ii per sector (None when not available).
    #[getter]
    fn gva_multiplier_type_ii<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("gva", "multiplier_type_ii").map(|v| out1(py, v))
    }

    /// `employment` type i per sector (None when not available).
    #[getter]
    fn employment_effect_type_i<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("employment", "type_i").map(|v| out1(py, v))
    }

    /// `employment` type ii per sector (None when not available).
    #[getter]
    fn employment_effect_type_ii<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("employment", "type_ii").map(|v| out1(py, v))
    }

    /// `employment` multiplier type i per sector (None without employment).
    #[getter]
    fn employment_multiplier_type_i<'py>(
        &self,
        py: Python<'py>,
    ) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("employment", "multiplier_type_i")
            .map(|v| out1(py, v))
    }

    /// `employment` multiplier type ii per sector (None when not available).
    #[getter]
    fn employment_multiplier_type_ii<'py>(
        &self,
        py: Python<'py>,
    ) -> Option<Bound<'py, PyArray1<f64>>> {
        self.pick("employment", "multiplier_type_ii")
            .map(|v| out1(py, v))
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        html_table(slf.as_any(), "Multipliers (Type I and II)")
    }

    /// sectors × measures array with the columns of `to_dict()` (numpy protocol).
    #[pyo3(signature = (dtype=None, copy=None))]
    fn __array__<'py>(
        &self,
        py: Python<'py>,
        dtype: Option<Bound<'py, PyAny>>,
        copy: Option<bool>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let _ = copy;
        let cols = self.columns();
        let n = self.inner.sectors.len();
        let flat: Vec<f64> = (0..n)
            .flat_map(|i| cols.iter().map(move |(_, v)| v[i]))
            .collect();
        array_as(
            crate::convert::out2(py, flat, n, cols.len())?.into_any(),
            dtype,
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "<Multipliers: {} sectors, Type II {}>",
            self.inner.sectors.len(),
            if self.inner.output.type_ii.is_some() {
                "yes"
            } else {
                "no"
            }
        )
    }
}

crate::results::pickled_through_json!(PyMultipliers => localecon::Multipliers);

#[pymethods]
impl PyRegionalTable {
    /// Type I and Type II multipliers (one LU factor each; the GIL is released).
    fn multipliers(&self, py: Python<'_>) -> PyResult<PyMultipliers> {
        let t = &self.inner;
        let inner = py.detach(|| localecon::Multipliers::new(t)).py_err()?;
        Ok(PyMultipliers { inner })
    }
}

/// Adds this module's classes and functions to `localecon._localecon`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyMultipliers>()?;
    Ok(())
}
