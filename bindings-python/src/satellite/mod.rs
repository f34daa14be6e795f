//! Satellite accounts for Python: stressors × sectors in, typed results with numpy arrays and
//! stressor × sector DataFrames out. No economics here: validation lives in the core.

mod effects;

use effects::frame;

use std::collections::BTreeMap;

use localecon::satellite::{Gwp100, ImportFactor, Satellite, SatelliteParts, StressorMatrix};
use numpy::PyArray2;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{alignment, axis_labels, matrix, out_rows, parse};
use crate::error::IntoPy;
use crate::table::PyRegionalTable;

/// Stressors (jobs, FTE, greenhouse gases, any user stressor) of a table's sectors, held as
/// intensities per unit of output.
///
/// stressors: stressor × sector amounts (a DataFrame whose index names the stressors and
/// whose columns are sector codes, aligned by label; or a 2-D array with `names`).
/// units: dict name → unit (default "units"); gases: dict name → gas ("co2", "ch4", "n2o",
/// "hfc", "pfc", "nf3", "sf6"); household: dict name → households' own direct amount;
/// removals: names whose amounts may be negative; import_factors: dict origin (an import row
/// of the table) → dict stressor → one number or one per product (amount per unit of money
/// imported); per_unit_of_output: the values are intensities, not amounts.
#[pyclass(name = "Satellite", module = "localecon", frozen)]
pub struct PySatellite {
    pub inner: Satellite,
}

#[pymethods]
impl PySatellite {
    #[new]
    #[pyo3(signature = (table, stressors, *, names=None, units=None, gases=None, household=None,
        removals=None, import_factors=None, per_unit_of_output=false, source=None, assumptions=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        table: &PyRegionalTable,
        stressors: &Bound<'_, PyAny>,
        names: Option<Vec<String>>,
        units: Option<BTreeMap<String, String>>,
        gases: Option<BTreeMap<String, String>>,
        household: Option<BTreeMap<String, f64>>,
        removals: Option<Vec<String>>,
        import_factors: Option<&Bound<'_, PyDict>>,
        per_unit_of_output: bool,
        source: Option<String>,
        assumptions: Option<Vec<String>>,
    ) -> PyResult<Self> {
        let t = &table.inner;
        let codes: Vec<String> = t.codes();
        let (v, k, n) = matrix(stressors, "stressors")?;
        let names = match names {
            Some(l) => l,
            None => axis_labels(stressors, "index")?
                .unwrap_or_else(|| (0..k).map(|i| format!("stressor {i}")).collect()),
        };
        let values = match alignment(stressors, "columns", &codes, "stressors columns")? {
            None => v,
            Some(p) => v
                .chunks(n.max(1))
                .flat_map(|row| p.iter().map(|&j| row[j]))
                .collect(),
        };
        let matrix = StressorMatrix {
            names,
            values,
            units: units.unwrap_or_default(),
            gases: gases.unwrap_or_default(),
            household: household.unwrap_or_default(),
            removals: removals.unwrap_or_default(),
        };
        let mut parts = SatelliteParts {
            stressors: matrix.stressors(n).py_err()?,
            per_unit_of_output,
            source,
            assumptions: assumptions.unwrap_or_default(),
            ..Default::default()
        };
        if let Some(factors) = import_factors {
            for (origin, by_stressor) in factors.iter() {
                let by_stressor = by_stressor.cast::<PyDict>().map_err(|_| {
                    crate::error::to_py(localecon::Error::InvalidInput {
                        what: "import_factors".into(),
                        message: "expected a dict: origin → {stressor: factor}".into(),
                    })
                })?;
                for (stressor, values) in by_stressor.iter() {
                    let values = match values.extract::<f64>() {
                        Ok(one) => vec![one],
                        // one per product: a pandas Series aligned to the sectors by label
                        Err(_) => crate::convert::sector_vector(&values, &codes, "import factor")?,
                    };
                    parts.import_factors.push(ImportFactor {
                        origin: origin.str()?.to_string(),
                        stressor: stressor.str()?.to_string(),
                        values,
                    });
                }
            }
        }
        Ok(Self {
            inner: Satellite::new(t, parts).py_err()?,
        })
    }

    /// The table's employment as a one-stressor satellite ("employment").
    #[staticmethod]
    fn employment(table: &PyRegionalTable) -> PyResult<Self> {
        Ok(Self {
            inner: Satellite::employment(&table.inner).py_err()?,
        })
    }

    /// The stressors' names.
    #[getter]
    fn names(&self) -> Vec<String> {
        self.inner
            .stressors()
            .iter()
            .map(|s| s.name.clone())
            .collect()
    }

    /// The stressors' units.
    #[getter]
    fn units(&self) -> Vec<String> {
        self.inner
            .stressors()
            .iter()
            .map(|s| s.unit.clone())
            .collect()
    }

    /// The assumptions the numbers rest on.
    #[getter]
    fn assumptions(&self) -> Vec<String> {
        self.inner.parts().assumptions.clone()
    }

    /// Source and licence line.
    #[getter]
    fn source(&self) -> Option<String> {
        self.inner.parts().source.clone()
    }

    /// Intensities S (stressor × sector, per unit of output) as a numpy array.
    #[getter]
    fn intensities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let n = self.inner.sectors().len();
        let rows: Vec<Vec<f64>> = self
            .inner
            .intensities()
            .chunks(n.max(1))
            .map(<[f64]>::to_vec)
            .collect();
        out_rows(py, &rows, n)
    }

    /// A new satellite with one more stressor `name`: every gas converted to CO2e (GWP100 set
    /// "ar4" or "ar5") in `unit` and added up.
    #[pyo3(signature = (name="GHG", unit="kt CO2e", gwp="ar5"))]
    fn characterise(&self, name: &str, unit: &str, gwp: &str) -> PyResult<Self> {
        let gwp: Gwp100 = parse(gwp)?;
        Ok(Self {
            inner: self.inner.characterise(name, unit, gwp).py_err()?,
        })
    }

    /// A new satellite with one more stressor `name = Σ factor·stressor` (dict stressor →
    /// factor), in `unit` (e.g. an impact category, as pymrio's `characterize`).
    fn combine(&self, name: &str, unit: &str, factors: &Bound<'_, PyDict>) -> PyResult<Self> {
        let factors: Vec<(String, f64)> = factors
            .iter()
            .map(|(k, v)| Ok((k.str()?.to_string(), v.extract::<f64>()?)))
            .collect::<PyResult<_>>()?;
        Ok(Self {
            inner: self.inner.combine(name, unit, &factors).py_err()?,
        })
    }

    /// Stressor multipliers M = S·L (Type I) and S·L̄ (Type II) on `table`; `type_ii=False`
    /// skips the household closure (one factorisation and one blocked solve).
    #[pyo3(signature = (table, type_ii=true))]
    fn multipliers<'py>(
        &self,
        py: Python<'py>,
        table: &PyRegionalTable,
        type_ii: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (s, t) = (&self.inner, &table.inner);
        let m = crate::interrupt::for_n(py, t.n(), || {
            if type_ii {
                s.multipliers(t)
            } else {
                s.multipliers_type_i(t)
            }
        })?;
        effects::multipliers(py, &m)
    }

    /// What one unit of final demand for each sector causes inside the region and at each
    /// import origin.
    fn footprint<'py>(
        &self,
        py: Python<'py>,
        table: &PyRegionalTable,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (s, t) = (&self.inner, &table.inner);
        effects::footprint(py, &crate::interrupt::for_n(py, t.n(), || s.footprint(t))?)
    }

    /// The region's production- and consumption-based accounts.
    fn accounts<'py>(
        &self,
        py: Python<'py>,
        table: &PyRegionalTable,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (s, t) = (&self.inner, &table.inner);
        effects::accounts(py, &crate::interrupt::for_n(py, t.n(), || s.accounts(t))?)
    }

    /// Where a final demand vector causes each stressor: S_si·(L·y)_i, stressor × sector.
    fn caused_by<'py>(
        &self,
        py: Python<'py>,
        table: &PyRegionalTable,
        final_demand: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let y = crate::convert::sector_vector(final_demand, &table.inner.codes(), "final_demand")?;
        let (s, t) = (&self.inner, &table.inner);
        let rows = crate::interrupt::for_n(py, t.n(), || s.caused_by(t, &y))?;
        out_rows(py, &rows, table.inner.n())
    }

    /// Intensities as a DataFrame, stressors × sector codes.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let arr = self.intensities(py)?;
        frame(py, arr.into_any(), &self.names(), self.inner.sectors())
    }

    #[staticmethod]
    fn _from_json(json: &str) -> PyResult<Self> {
        Ok(Self {
            inner: crate::results::from_json(json)?,
        })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::results::reduce(slf.py(), slf.get_type(), &slf.get().inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Satellite: {} stressors ({}) × {} sectors>",
            self.inner.stressors().len(),
            self.names().join(", "),
            self.inner.sectors().len()
        )
    }
}

/// The embedded satellite of a dataset ("scotland-2019", "glasgow-2019"): FTE or jobs and a
/// greenhouse-gas estimate from the UK's 2019 accounts.
#[pyfunction]
pub fn dataset_satellite(name: &str) -> PyResult<PySatellite> {
    let table = localecon::datasets::by_name(name).py_err()?;
    localecon::datasets::Sources::embedded()
        .satellite(name, &table)
        .py_err()?
        .map(|inner| PySatellite { inner })
        .ok_or_else(|| {
            crate::error::to_py(localecon::Error::MissingData {
                what: format!(
                    "a satellite for dataset {name:?} (scotland-2019 and glasgow-2019 have one)"
                ),
            })
        })
}

/// Scales national intensities to a region's published totals by group:
/// s'_j = s_j·T_g / Σ_{k∈g} s_k·x_k. Returns (intensities, dict group → factor). A labelled
/// `output` (a pandas Series) is aligned to the labels of `intensities` when it has them.
#[pyfunction]
pub fn calibrate<'py>(
    py: Python<'py>,
    intensities: &Bound<'py, PyAny>,
    output: &Bound<'py, PyAny>,
    groups: Vec<String>,
    totals: &Bound<'py, PyDict>,
) -> PyResult<(Bound<'py, numpy::PyArray1<f64>>, Bound<'py, PyDict>)> {
    // a labelled output (a pandas Series) is aligned to the intensities' labels
    let (s, x, _) = crate::convert::paired_vectors(intensities, output, ("intensities", "output"))?;
    let totals: Vec<(String, f64)> = totals
        .iter()
        .map(|(k, v)| Ok((k.str()?.to_string(), v.extract::<f64>()?)))
        .collect::<PyResult<_>>()?;
    let c = localecon::satellite::calibrate(&s, &x, &groups, &totals).py_err()?;
    let factors = PyDict::new(py);
    for (g, f) in c.factors {
        factors.set_item(g, f)?;
    }
    Ok((crate::convert::out1(py, c.intensities), factors))
}

/// Adds this module's classes and functions to `localecon._localecon`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PySatellite>()?;
    m.add_function(wrap_pyfunction!(dataset_satellite, m)?)?;
    m.add_function(wrap_pyfunction!(calibrate, m)?)?;
    Ok(())
}
