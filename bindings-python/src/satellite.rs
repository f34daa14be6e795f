//! Satellite accounts for Python: stressors × sectors in, typed results with numpy arrays and
//! stressor × sector DataFrames out. No economics here: validation lives in the core.

use localecon::satellite::{
    Accounts, Footprint, Gwp100, ImportFactor, Satellite, SatelliteParts, Stressor,
    StressorMultipliers,
};
use numpy::PyArray2;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::to_py;
use crate::convert::{alignment, axis_labels, matrix, out_rows, parse, vector};
use crate::error::IntoPy;
use crate::table::PyRegionalTable;

/// A value per stressor from a dict (name → value), or the default.
fn per_stressor<'py, T: Clone>(
    obj: Option<&Bound<'py, PyAny>>,
    names: &[String],
    what: &str,
    default: T,
    extract: impl Fn(&Bound<'py, PyAny>) -> PyResult<T>,
) -> PyResult<Vec<T>> {
    let Some(obj) = obj else {
        return Ok(vec![default; names.len()]);
    };
    let dict = obj.cast::<PyDict>().map_err(|_| {
        crate::error::to_py(localecon::Error::InvalidInput {
            what: what.into(),
            message: "expected a dict: stressor name → value".into(),
        })
    })?;
    for key in dict.keys() {
        let key: String = key.str()?.to_string();
        if !names.contains(&key) {
            return Err(crate::error::to_py(localecon::Error::UnknownLabel {
                what: format!("stressor in {what}"),
                label: key,
            }));
        }
    }
    names
        .iter()
        .map(|n| match dict.get_item(n)? {
            Some(v) => extract(&v),
            None => Ok(default.clone()),
        })
        .collect()
}

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
        units: Option<&Bound<'_, PyAny>>,
        gases: Option<&Bound<'_, PyAny>>,
        household: Option<&Bound<'_, PyAny>>,
        removals: Option<Vec<String>>,
        import_factors: Option<&Bound<'_, PyDict>>,
        per_unit_of_output: bool,
        source: Option<String>,
        assumptions: Option<Vec<String>>,
    ) -> PyResult<Self> {
        let t = &table.inner;
        let codes: Vec<String> = t.sectors().iter().map(|s| s.code.clone()).collect();
        let (v, k, n) = matrix(stressors, "stressors")?;
        let names = match names {
            Some(l) => l,
            None => axis_labels(stressors, "index")?
                .unwrap_or_else(|| (0..k).map(|i| format!("stressor {i}")).collect()),
        };
        if names.len() != k {
            return Err(crate::error::to_py(localecon::Error::Shape {
                what: "stressor names".into(),
                expected: k,
                found: names.len(),
            }));
        }
        let cols = alignment(stressors, "columns", &codes, "stressors columns")?;
        let units = per_stressor(units, &names, "units", "units".to_string(), |v| v.extract())?;
        let gas_names = per_stressor(gases, &names, "gases", None, |v| {
            v.extract::<String>().map(Some)
        })?;
        let household = per_stressor(household, &names, "household", 0.0, |v| v.extract())?;
        let removals = removals.unwrap_or_default();
        for r in &removals {
            if !names.contains(r) {
                return Err(crate::error::to_py(localecon::Error::UnknownLabel {
                    what: "stressor in removals".into(),
                    label: r.clone(),
                }));
            }
        }
        let mut parts = SatelliteParts {
            per_unit_of_output,
            source,
            assumptions: assumptions.unwrap_or_default(),
            ..Default::default()
        };
        for (s, name) in names.iter().enumerate() {
            let row = &v[s * n..(s + 1) * n];
            parts.stressors.push(Stressor {
                name: name.clone(),
                unit: units[s].clone(),
                gas: gas_names[s].as_deref().map(parse).transpose()?,
                values: match &cols {
                    None => row.to_vec(),
                    Some(p) => p.iter().map(|&j| row[j]).collect(),
                },
                household: household[s],
                removals: removals.contains(name),
            });
        }
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
                        Err(_) => vector(&values, "import factor")?,
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
    fn multipliers(
        &self,
        py: Python<'_>,
        table: &PyRegionalTable,
        type_ii: bool,
    ) -> PyResult<PyStressorMultipliers> {
        let (s, t) = (&self.inner, &table.inner);
        let m = py.detach(|| {
            if type_ii {
                s.multipliers(t)
            } else {
                s.multipliers_type_i(t)
            }
        });
        Ok(PyStressorMultipliers { inner: m.py_err()? })
    }

    /// What one unit of final demand for each sector causes inside the region and at each
    /// import origin.
    fn footprint(&self, py: Python<'_>, table: &PyRegionalTable) -> PyResult<PyFootprint> {
        let (s, t) = (&self.inner, &table.inner);
        Ok(PyFootprint {
            inner: py.detach(|| s.footprint(t)).py_err()?,
        })
    }

    /// The region's production- and consumption-based accounts.
    fn accounts(&self, py: Python<'_>, table: &PyRegionalTable) -> PyResult<PySatelliteAccounts> {
        let (s, t) = (&self.inner, &table.inner);
        Ok(PySatelliteAccounts {
            inner: py.detach(|| s.accounts(t)).py_err()?,
        })
    }

    /// Where a final demand vector causes each stressor: S_si·(L·y)_i, stressor × sector.
    fn caused_by<'py>(
        &self,
        py: Python<'py>,
        table: &PyRegionalTable,
        final_demand: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let codes: Vec<String> = table
            .inner
            .sectors()
            .iter()
            .map(|s| s.code.clone())
            .collect();
        let mut y = vector(final_demand, "final_demand")?;
        if let Some(p) = alignment(final_demand, "index", &codes, "final_demand")? {
            y = p.iter().map(|&i| y[i]).collect();
        }
        let (s, t) = (&self.inner, &table.inner);
        let rows = py.detach(|| s.caused_by(t, &y)).py_err()?;
        out_rows(py, &rows, codes.len())
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

/// A stressor × sector DataFrame of `values` (a numpy array).
fn frame<'py>(
    py: Python<'py>,
    values: Bound<'py, PyAny>,
    names: &[String],
    sectors: &[localecon::table::Sector],
) -> PyResult<Bound<'py, PyAny>> {
    let pd = py.import("pandas")?;
    let kwargs = PyDict::new(py);
    let index = pd.getattr("Index")?.call1((names.to_vec(),))?;
    index.setattr("name", "stressor")?;
    let columns = pd
        .getattr("Index")?
        .call1((sectors.iter().map(|s| s.code.clone()).collect::<Vec<_>>(),))?;
    columns.setattr("name", "code")?;
    kwargs.set_item("index", index)?;
    kwargs.set_item("columns", columns)?;
    pd.getattr("DataFrame")?.call((values,), Some(&kwargs))
}

/// Stressor multipliers: `direct`, `type_i`, `type_ii`, `indirect`, `induced` as
/// stressor × sector numpy arrays (per unit of the table's money); `to_pandas(what)` as a
/// DataFrame.
#[pyclass(name = "StressorMultipliers", module = "localecon", frozen)]
pub struct PyStressorMultipliers {
    pub inner: StressorMultipliers,
}

impl PyStressorMultipliers {
    fn rows(&self, what: &str) -> PyResult<Option<Vec<Vec<f64>>>> {
        let e = &self.inner.effects;
        Ok(match what {
            "direct" => Some(e.iter().map(|e| e.direct.clone()).collect()),
            "type_i" => Some(e.iter().map(|e| e.type_i.clone()).collect()),
            "indirect" => Some(e.iter().map(localecon::Effects::indirect).collect()),
            "type_ii" => e.iter().map(|e| e.type_ii.clone()).collect(),
            "induced" => e.iter().map(localecon::Effects::induced).collect(),
            other => {
                return Err(crate::error::to_py(localecon::Error::UnknownOption {
                    what: "multiplier part".into(),
                    value: other.into(),
                    expected: "direct, type_i, indirect, type_ii, induced".into(),
                }));
            }
        })
    }

    fn array<'py>(
        &self,
        py: Python<'py>,
        what: &str,
    ) -> PyResult<Option<Bound<'py, PyArray2<f64>>>> {
        self.rows(what)?
            .map(|r| out_rows(py, &r, self.inner.sectors.len()))
            .transpose()
    }
}

#[pymethods]
impl PyStressorMultipliers {
    /// The stressors' names, in row order.
    #[getter]
    fn names(&self) -> Vec<String> {
        self.inner
            .stressors
            .iter()
            .map(|s| s.name.clone())
            .collect()
    }

    /// The stressors' units (multipliers are per unit of `money_unit`).
    #[getter]
    fn units(&self) -> Vec<String> {
        self.inner
            .stressors
            .iter()
            .map(|s| s.unit.clone())
            .collect()
    }

    /// The table's money unit.
    #[getter]
    fn money_unit(&self) -> String {
        self.inner.money_unit.clone()
    }

    /// Direct intensities S.
    #[getter]
    fn direct<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyArray2<f64>>>> {
        self.array(py, "direct")
    }

    /// Type I effects S·L.
    #[getter]
    fn type_i<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyArray2<f64>>>> {
        self.array(py, "type_i")
    }

    /// Indirect effects S·L − S.
    #[getter]
    fn indirect<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyArray2<f64>>>> {
        self.array(py, "indirect")
    }

    /// Type II effects S·L̄ (None without a household closure).
    #[getter]
    fn type_ii<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyArray2<f64>>>> {
        self.array(py, "type_ii")
    }

    /// Induced effects S·L̄ − S·L (None without a household closure).
    #[getter]
    fn induced<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyArray2<f64>>>> {
        self.array(py, "induced")
    }

    /// Why there is no Type II, if so.
    #[getter]
    fn type_ii_unavailable(&self) -> Option<String> {
        self.inner.type_ii_unavailable.clone()
    }

    /// The assumptions of the satellite.
    #[getter]
    fn assumptions(&self) -> Vec<String> {
        self.inner.assumptions.clone()
    }

    /// One part ("direct", "type_i", "indirect", "type_ii", "induced") as a stressor ×
    /// sector DataFrame.
    #[pyo3(signature = (what="type_i"))]
    fn to_pandas<'py>(&self, py: Python<'py>, what: &str) -> PyResult<Bound<'py, PyAny>> {
        let arr = self.array(py, what)?.ok_or_else(|| {
            crate::error::to_py(localecon::Error::MissingData {
                what: format!("{what}: the table has no household closure"),
            })
        })?;
        frame(py, arr.into_any(), &self.names(), &self.inner.sectors)
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        crate::results::html_table(slf.as_any(), "Stressor multipliers (Type I)")
    }

    fn __repr__(&self) -> String {
        format!(
            "<StressorMultipliers: {} stressors × {} sectors>",
            self.inner.stressors.len(),
            self.inner.sectors.len()
        )
    }
}

/// The footprint of one unit of final demand: `local` (inside the region), `by_origin` (dict
/// origin → array) and `total`, each stressor × sector; `to_pandas(stressor)` gives one row
/// per sector with a column per place.
#[pyclass(name = "Footprint", module = "localecon", frozen)]
pub struct PyFootprint {
    pub inner: Footprint,
}

#[pymethods]
impl PyFootprint {
    /// The stressors' names, in row order.
    #[getter]
    fn names(&self) -> Vec<String> {
        self.inner
            .stressors
            .iter()
            .map(|s| s.name.clone())
            .collect()
    }

    /// Inside the region (Type I), stressor × sector.
    #[getter]
    fn local<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        out_rows(py, &self.inner.local, self.inner.sectors.len())
    }

    /// By import origin: dict origin → stressor × sector array.
    #[getter]
    fn by_origin<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (origin, rows) in &self.inner.by_origin {
            d.set_item(origin, out_rows(py, rows, self.inner.sectors.len())?)?;
        }
        Ok(d)
    }

    /// Inside + every origin, stressor × sector.
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        out_rows(py, &self.inner.total(), self.inner.sectors.len())
    }

    /// How the imports by product were obtained, when a per-product factor used them.
    #[getter]
    fn import_basis(&self) -> Option<String> {
        self.inner.import_basis.map(|b| b.to_string())
    }

    /// The assumptions the numbers rest on.
    #[getter]
    fn assumptions(&self) -> Vec<String> {
        self.inner.assumptions.clone()
    }

    /// One stressor's footprint per sector: columns `inside`, one per origin, `total`,
    /// `inside_share`.
    fn to_pandas<'py>(&self, py: Python<'py>, stressor: &str) -> PyResult<Bound<'py, PyAny>> {
        let k = self
            .names()
            .iter()
            .position(|s| s == stressor)
            .ok_or_else(|| {
                crate::error::to_py(localecon::Error::UnknownLabel {
                    what: "stressor".into(),
                    label: stressor.into(),
                })
            })?;
        let n = self.inner.sectors.len();
        let total = self.inner.total();
        let data = PyDict::new(py);
        data.set_item(
            "name",
            self.inner
                .sectors
                .iter()
                .map(|s| s.name.clone())
                .collect::<Vec<_>>(),
        )?;
        data.set_item("inside", self.inner.local[k].clone())?;
        for (origin, rows) in &self.inner.by_origin {
            data.set_item(origin, rows[k].clone())?;
        }
        data.set_item("total", total[k].clone())?;
        data.set_item(
            "inside_share",
            (0..n)
                .map(|j| self.inner.local_share(k, j))
                .collect::<Vec<_>>(),
        )?;
        let pd = py.import("pandas")?;
        let index = pd.getattr("Index")?.call1((self
            .inner
            .sectors
            .iter()
            .map(|s| s.code.clone())
            .collect::<Vec<_>>(),))?;
        index.setattr("name", "code")?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("index", index)?;
        pd.getattr("DataFrame")?.call((data,), Some(&kwargs))
    }

    fn __repr__(&self) -> String {
        format!(
            "<Footprint: {} stressors × {} sectors, origins {:?}>",
            self.inner.stressors.len(),
            self.inner.sectors.len(),
            self.inner
                .by_origin
                .iter()
                .map(|(o, _)| o.as_str())
                .collect::<Vec<_>>()
        )
    }
}

/// The region's production- and consumption-based accounts, one per stressor:
/// `stressors` (dicts), `get(name)`, `to_pandas()` (one row per stressor).
#[pyclass(name = "SatelliteAccounts", module = "localecon", frozen)]
pub struct PySatelliteAccounts {
    pub inner: Accounts,
}

#[pymethods]
impl PySatelliteAccounts {
    /// One dict per stressor.
    #[getter]
    fn stressors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.stressors)
    }

    /// The assumptions the numbers rest on.
    #[getter]
    fn assumptions(&self) -> Vec<String> {
        self.inner.assumptions.clone()
    }

    /// One stressor's account as a dict.
    fn get<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.inner.get(name).py_err()?)
    }

    /// One row per stressor; embodied amounts by origin as `embodied_in_imports_<origin>` and
    /// `imports_for_exports_<origin>` columns.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = PyList::empty(py);
        for (a, d) in self
            .inner
            .stressors
            .iter()
            .zip(self.stressors(py)?.try_iter()?)
        {
            let d = d?.cast_into::<PyDict>()?;
            d.del_item("embodied_in_imports")?;
            d.del_item("imports_for_exports")?;
            for o in &a.embodied_in_imports {
                d.set_item(format!("embodied_in_imports_{}", o.origin), o.amount)?;
            }
            for o in &a.imports_for_exports {
                d.set_item(format!("imports_for_exports_{}", o.origin), o.amount)?;
            }
            rows.append(d)?;
        }
        let pd = py.import("pandas")?;
        pd.getattr("DataFrame")?
            .call1((rows,))?
            .call_method1("set_index", ("name",))
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        let title = format!("Satellite accounts ({})", slf.get().inner.region);
        crate::results::html_table(slf.as_any(), &title)
    }

    fn __repr__(&self) -> String {
        format!(
            "<SatelliteAccounts of {}: {} stressors>",
            self.inner.region,
            self.inner.stressors.len()
        )
    }
}

crate::results::pickled_through_json!(
    PyStressorMultipliers => StressorMultipliers,
    PyFootprint => Footprint,
    PySatelliteAccounts => Accounts,
);

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
/// s'_j = s_j·T_g / Σ_{k∈g} s_k·x_k. Returns (intensities, dict group → factor).
#[pyfunction]
pub fn calibrate<'py>(
    py: Python<'py>,
    intensities: &Bound<'py, PyAny>,
    output: &Bound<'py, PyAny>,
    groups: Vec<String>,
    totals: &Bound<'py, PyDict>,
) -> PyResult<(Bound<'py, numpy::PyArray1<f64>>, Bound<'py, PyDict>)> {
    let s = vector(intensities, "intensities")?;
    let x = vector(output, "output")?;
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
