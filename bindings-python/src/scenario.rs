//! Scenarios and the local currency for Python: scenarios are the same JSON data as in Rust
//! and JavaScript (dicts here).

use localecon::currency::{LocalCurrency, local_currency as core_currency};
use localecon::scenario::{Scenario, impact, import_substitution, spending_like};
use numpy::PyArray1;
use pyo3::prelude::*;

use crate::convert::{from_py, out1, sector_vector, typed};
use crate::error::IntoPy;
use crate::table::PyRegionalTable;

#[pymethods]
impl PyRegionalTable {
    /// The impact of a final-demand change (and of household income paid directly to
    /// residents): output, income, GVA, employment split into direct, indirect, induced,
    /// and leakage by channel, as a dict.
    #[pyo3(signature = (final_demand, household_income=0.0))]
    fn impact<'py>(
        &self,
        py: Python<'py>,
        final_demand: &Bound<'py, PyAny>,
        household_income: f64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let codes = self.inner.codes();
        let df = sector_vector(final_demand, &codes, "final_demand")?;
        typed(
            py,
            "Impact",
            &impact(&self.inner, &df, household_income).py_err()?,
        )
    }

    /// Final demand from an organisation's spending: amount × local_share, spread like the
    /// final-demand column `pattern`.
    fn spending<'py>(
        &self,
        py: Python<'py>,
        amount: f64,
        local_share: f64,
        pattern: &str,
    ) -> PyResult<Bound<'py, PyArray1<f64>>> {
        Ok(out1(
            py,
            spending_like(&self.inner, amount, local_share, pattern).py_err()?,
        ))
    }

    /// Moves `share` of what `buyer` imports of `product` to the local producer of that
    /// product (exact Sherman–Morrison update), as a dict.
    fn import_substitution<'py>(
        &self,
        py: Python<'py>,
        buyer: &str,
        product: &str,
        share: f64,
    ) -> PyResult<Bound<'py, PyAny>> {
        typed(
            py,
            "SubstitutionEffect",
            &import_substitution(&self.inner, buyer, product, share).py_err()?,
        )
    }

    /// The table after a scenario (a dict or JSON: {"name", "changes": [...]}).
    fn apply_scenario(&self, scenario: &Bound<'_, PyAny>) -> PyResult<PyRegionalTable> {
        let s: Scenario = from_py(scenario, "scenario")?;
        Ok(PyRegionalTable {
            inner: s.apply(&self.inner).py_err()?,
        })
    }

    /// A scenario evaluated: before, after and difference (headline numbers), and the
    /// report after, as a dict. With a `satellite`, "stressors" gives the change of each
    /// stressor (jobs, emissions here and through the imports).
    #[pyo3(signature = (scenario, satellite=None))]
    fn evaluate_scenario<'py>(
        &self,
        py: Python<'py>,
        scenario: &Bound<'py, PyAny>,
        satellite: Option<&crate::satellite::PySatellite>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let s: Scenario = from_py(scenario, "scenario")?;
        let t = &self.inner;
        let sat = satellite.map(|p| &p.inner);
        let long = t.n() >= crate::interrupt::INTERRUPTIBLE_MIN_N;
        let r = crate::interrupt::interruptible_if(py, long, || match sat {
            Some(sat) => s.evaluate_with_satellite(t, sat),
            None => s.evaluate(t),
        })?;
        typed(py, "ScenarioResult", &r)
    }

    /// What the region would lose without one business (a dict or JSON with name, output,
    /// value_added, jobs, local_purchases [[code, amount], …], resident_wages).
    fn business_footprint<'py>(
        &self,
        py: Python<'py>,
        business: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let b: localecon::scenario::Business = from_py(business, "business")?;
        typed(
            py,
            "BusinessFootprint",
            &localecon::scenario::business_footprint(&self.inner, &b).py_err()?,
        )
    }

    /// A local currency evaluated on this table (a dict or JSON with acceptance,
    /// redemption, fee, issuer, holding_days, substitution).
    fn local_currency<'py>(
        &self,
        py: Python<'py>,
        design: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c: LocalCurrency = from_py(design, "local currency")?;
        typed(
            py,
            "CurrencyResult",
            &core_currency(&self.inner, &c).py_err()?,
        )
    }
}
