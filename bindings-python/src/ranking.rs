//! The leak ranking for Python: a typed result with `to_pandas()` (one row per opportunity).

use localecon::scenario::{LeakRanking, LeakRankingOptions, imported_products, leak_ranking};
use pyo3::prelude::*;

use crate::convert::typed_records;
use crate::error::IntoPy;
use crate::table::PyRegionalTable;

/// The leak ranking: which imported products, bought locally instead, raise retained local
/// income most. `opportunities` are dicts; `to_pandas()` gives one row per opportunity, the
/// imports substituted by origin as `imports_substituted_<origin>` columns.
#[pyclass(name = "LeakRanking", module = "localecon", frozen)]
pub struct PyLeakRanking {
    pub inner: LeakRanking,
}

#[pymethods]
impl PyLeakRanking {
    /// The opportunities, best first (`LeakOpportunity` records; `to_pandas()`: one row each).
    #[getter]
    fn opportunities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        typed_records(py, "LeakOpportunity", &self.inner.opportunities)
    }

    /// How the buyers' imports by product are known, e.g. "product_proportionality".
    #[getter]
    fn import_basis(&self) -> String {
        self.inner.import_basis.to_string()
    }

    /// The assumption behind the imports by product, in words.
    #[getter]
    fn assumption(&self) -> String {
        self.inner.assumption.clone()
    }

    /// Sectors never proposed as suppliers (`ExcludedSupplier` records: code, name, reason,
    /// business_sales_share).
    #[getter]
    fn excluded_suppliers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        typed_records(py, "ExcludedSupplier", &self.inner.excluded_suppliers)
    }

    /// How many (buyer, product) pairs with a positive import were ranked.
    #[getter]
    fn pairs_ranked(&self) -> usize {
        self.inner.pairs_ranked
    }

    /// The opportunities as a DataFrame, one row per opportunity, best first.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = pyo3::types::PyList::empty(py);
        for (o, d) in self
            .inner
            .opportunities
            .iter()
            .zip(crate::convert::to_py(py, &self.inner.opportunities)?.try_iter()?)
        {
            let d = d?.cast_into::<pyo3::types::PyDict>()?;
            d.del_item("imports_substituted_by_origin")?;
            for a in &o.imports_substituted_by_origin {
                d.set_item(format!("imports_substituted_{}", a.origin), a.amount)?;
            }
            rows.append(d)?;
        }
        let pd = py.import("pandas")?;
        let df = pd.getattr("DataFrame")?.call1((rows,))?;
        df.call_method1("rename", (py.eval(c"lambda k: k + 1", None, None)?,))
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        let title = format!("Leak ranking ({})", slf.get().inner.import_basis);
        crate::results::html_table(slf.as_any(), &title)
    }

    fn __len__(&self) -> usize {
        self.inner.opportunities.len()
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "<LeakRanking: {} opportunities of {} pairs, imports by product: {}>",
            self.inner.opportunities.len(),
            self.inner.pairs_ranked,
            self.inner.import_basis
        )
    }
}

#[pymethods]
impl PyRegionalTable {
    /// Every (buyer, imported product) pair ranked by the retained local income gained when
    /// the buyer buys `share` of its imports of the product from the local producer instead
    /// (exact rank-one updates). `max_output_increase` caps each substitution at that share
    /// of the producer's output; `exclude` lists sectors never to propose; sectors selling
    /// less than `min_business_sales_share` of their output to local businesses (imputed
    /// rent, households as employers) and sectors without output are never proposed.
    #[pyo3(signature = (share=0.1, top_k=20, max_output_increase=None, exclude=None, min_business_sales_share=0.005))]
    fn leak_ranking(
        &self,
        py: Python<'_>,
        share: f64,
        top_k: usize,
        max_output_increase: Option<f64>,
        exclude: Option<Vec<String>>,
        min_business_sales_share: f64,
    ) -> PyResult<PyLeakRanking> {
        let options = LeakRankingOptions {
            share,
            max_output_increase,
            exclude: exclude.unwrap_or_default(),
            min_business_sales_share,
            top_k,
        };
        let t = &self.inner;
        Ok(PyLeakRanking {
            inner: crate::interrupt::interruptible_if(
                py,
                t.n() >= crate::interrupt::INTERRUPTIBLE_MIN_N,
                || leak_ranking(t, &options),
            )?,
        })
    }

    /// The products `buyer` imports that are made locally, largest first, as dicts
    /// (product, product_name, imports, by_origin, local_output).
    fn imported_products<'py>(&self, py: Python<'py>, buyer: &str) -> PyResult<Bound<'py, PyAny>> {
        typed_records(
            py,
            "ImportedProduct",
            &imported_products(&self.inner, buyer).py_err()?,
        )
    }

    /// How this table's imports by product and buyer are known: "supplied",
    /// "product_proportionality", "regionalised" or "purchase_mix" (no imports by product:
    /// each buyer's imports follow its local purchases).
    #[getter]
    fn import_basis(&self) -> String {
        self.inner.imports_by_product().basis.to_string()
    }

    /// Imports by product (rows) and buyer (columns) from one origin (an import row's
    /// label), as a numpy array.
    fn import_use<'py>(
        &self,
        py: Python<'py>,
        origin: &str,
    ) -> PyResult<Bound<'py, numpy::PyArray2<f64>>> {
        let iu = self.inner.imports_by_product();
        let n = self.inner.n();
        let block = iu
            .blocks
            .iter()
            .find(|b| b.origin == origin)
            .ok_or_else(|| {
                crate::error::to_py(localecon::Error::UnknownLabel {
                    what: "import row (origin)".into(),
                    label: origin.into(),
                })
            })?;
        crate::convert::out2(py, block.values.clone(), n, n)
    }

    /// The same table with a real import-use table: `blocks` maps each import row's label
    /// to an n × n array (products × buyers) whose columns add up to the import row; a
    /// DataFrame's index and columns are aligned to the sectors by label.
    fn with_import_use(
        &self,
        blocks: std::collections::BTreeMap<String, Bound<'_, PyAny>>,
    ) -> PyResult<PyRegionalTable> {
        let codes = self.inner.codes();
        let blocks = blocks
            .into_iter()
            .map(|(origin, values)| {
                let what = format!("import_use[{origin:?}]");
                let values = crate::convert::sector_matrix(&values, &codes, &what)?;
                Ok(localecon::table::ImportUseBlock { origin, values })
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyRegionalTable {
            inner: self
                .inner
                .clone()
                .with_import_use(localecon::table::ImportUse {
                    basis: localecon::table::ImportBasis::Supplied,
                    blocks,
                })
                .py_err()?,
        })
    }
}

crate::results::pickled_through_json!(PyLeakRanking => LeakRanking);

/// Adds this module's classes and functions to `localecon._localecon`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLeakRanking>()?;
    Ok(())
}
