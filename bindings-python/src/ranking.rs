//! The leak ranking for Python: a typed result with `to_pandas()` (one row per opportunity).

use localecon::scenario::{LeakRanking, LeakRankingOptions, imported_products, leak_ranking};
use pyo3::prelude::*;

use crate::convert::typed_records;
use crate::error::IntoPy;
use crate::table::PyRegionalTable;

#[pymethods]
impl PyRegionalTable {
    /// Every (buyer, imported product) pair ranked by the retained local income gained when
    /// the buyer buys `share` of its imports of the product from the local producer instead
    /// (exact rank-one updates). `max_output_increase` caps each substitution at that share
    /// of the producer's output; `exclude` lists sectors never to propose; sectors selling
    /// less than `min_business_sales_share` of their output to local businesses (imputed
    /// rent, households as employers) and sectors without output are never proposed.
    #[pyo3(signature = (share=0.1, top_k=20, max_output_increase=None, exclude=None, min_business_sales_share=0.005))]
    fn leak_ranking<'py>(
        &self,
        py: Python<'py>,
        share: f64,
        top_k: usize,
        max_output_increase: Option<f64>,
        exclude: Option<Vec<String>>,
        min_business_sales_share: f64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = LeakRankingOptions {
            share,
            max_output_increase,
            exclude: exclude.unwrap_or_default(),
            min_business_sales_share,
            top_k,
        };
        let t = &self.inner;
        let r: LeakRanking = crate::interrupt::interruptible_if(
            py,
            t.n() >= crate::interrupt::INTERRUPTIBLE_MIN_N,
            || leak_ranking(t, &options),
        )?;
        let d = crate::convert::to_py(py, &r)?.cast_into::<pyo3::types::PyDict>()?;
        d.set_item("_text", r.to_string())?;
        crate::convert::typed_from(py, "LeakRanking", d.into_any())
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
