//! Imports by product and buyer estimated from a region's imports by product: the
//! import-proportionality assumption, scaled to each buyer's imports in the table.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result, check_finite};
use crate::table::{ImportBasis, ImportUse, ImportUseBlock, RegionalTable};

/// A region's imports of each product from one origin, over all uses (intermediate and
/// final), e.g. the Scottish Government's "imports detail" table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductImports {
    /// Label of the table's import row for this origin, e.g. `"RUKImp"`.
    pub origin: String,
    /// Imports of the product of each local sector, in the table's sector order.
    pub values: Vec<f64>,
}

/// Estimates what each buyer imports of each product (Eurostat 2008, *Manual of Supply, Use
/// and Input-Output Tables*: the import-proportionality assumption).
///
/// The assumption: every user of product `i` imports the same share of it. With `M_i` the
/// region's imports of `i` from an origin and `u_i = Σ_j z_ij + Σ_c y_ic` the local uses of
/// the local product `i`, buyer `j` then imports `z_ij·M_i/u_i` of `i`. These estimates are
/// scaled, per buyer, to the buyer's imports from that origin in the table (`t_j`, the import
/// row: a fact, where the products are an estimate):
///
/// `m_ij = t_j · z_ij·(M_i/u_i) / Σ_k z_kj·(M_k/u_k)`.
///
/// A buyer that imports but buys none of the imported products locally gets the mix of
/// the region's intermediate imports, `Σ_j z_ij·M_i/u_i` (or of `M_i` when that is zero).
/// Cost `O(n²)` per origin.
///
/// # Errors
///
/// [`Error::MissingData`] when an import row has no [`ProductImports`];
/// [`Error::UnknownLabel`] for an origin that is no import row of the table; [`Error::Shape`]
/// for a vector that is not one value per sector; [`Error::NonFinite`], [`Error::Negative`];
/// [`Error::Inconsistent`] when a buyer imports from an origin whose products are all zero.
///
/// # Example
///
/// ```
/// use localecon::regionalize::{ProductImports, import_use_from_products};
/// let t = localecon::datasets::miller_blair_2sector();
/// // the two-sector example has no import rows: nothing to estimate
/// let iu = import_use_from_products(&t, &[])?;
/// assert!(iu.blocks.is_empty());
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn import_use_from_products(
    table: &RegionalTable,
    products: &[ProductImports],
) -> Result<ImportUse> {
    let n = table.n();
    let rows: Vec<_> = table
        .primary_inputs()
        .iter()
        .filter(|r| r.kind.is_import())
        .collect();
    for p in products {
        if !rows.iter().any(|r| r.label == p.origin) {
            return Err(Error::UnknownLabel {
                what: "import row (origin of product imports)".into(),
                label: p.origin.clone(),
            });
        }
        if p.values.len() != n {
            return Err(Error::Shape {
                what: format!("product imports from {:?}", p.origin),
                expected: n,
                found: p.values.len(),
            });
        }
        for (i, &v) in p.values.iter().enumerate() {
            let loc = || {
                Location::Field(format!(
                    "product imports from {:?} of {}",
                    p.origin,
                    table.sectors()[i].code
                ))
            };
            check_finite(v, loc)?;
            if v < 0.0 {
                return Err(Error::Negative {
                    location: loc(),
                    value: v,
                });
            }
        }
    }
    let z = table.z();
    let uses = table.row_totals();
    let mut blocks = Vec::with_capacity(rows.len());
    for row in rows {
        let p = products
            .iter()
            .find(|p| p.origin == row.label)
            .ok_or_else(|| Error::MissingData {
                what: format!("imports by product for the import row {:?}", row.label),
            })?;
        let ratio: Vec<f64> = (0..n)
            .map(|i| {
                if uses[i] > 0.0 {
                    p.values[i] / uses[i]
                } else {
                    0.0
                }
            })
            .collect();
        let prior = |i: usize, j: usize| z[i * n + j].max(0.0) * ratio[i];
        let intermediate: Vec<f64> = (0..n).map(|i| (0..n).map(|j| prior(i, j)).sum()).collect();
        let fallback = if intermediate.iter().sum::<f64>() > 0.0 {
            &intermediate
        } else {
            &p.values
        };
        let fallback_total: f64 = fallback.iter().sum();
        let mut values = vec![0.0; n * n];
        for j in 0..n {
            let t = row.values[j];
            if t == 0.0 {
                continue;
            }
            let column: f64 = (0..n).map(|i| prior(i, j)).sum();
            if column > 0.0 {
                for i in 0..n {
                    values[i * n + j] = t * prior(i, j) / column;
                }
            } else if fallback_total > 0.0 {
                for i in 0..n {
                    values[i * n + j] = t * fallback[i] / fallback_total;
                }
            } else {
                return Err(Error::Inconsistent {
                    what: format!(
                        "buyer {} imports {t} from {:?}, but the imports by product from there are all zero",
                        table.sectors()[j].code,
                        row.label
                    ),
                });
            }
        }
        blocks.push(ImportUseBlock {
            origin: row.label.clone(),
            values,
        });
    }
    Ok(ImportUse {
        basis: ImportBasis::ProductProportionality,
        blocks,
    })
}
