//! Imports by product and buyer: which products each sector imports, one matrix per import
//! row of the table (by origin), so that a leak can be plugged with the product that leaks.

use serde::{Deserialize, Serialize};

use super::{PrimaryInputRow, TableParts, relative_gap};
use crate::error::{Error, Location, check_finite};

spelled_enum! {
    /// How a table's imports by product and buyer were obtained; every result built on them
    /// states it.
    ImportBasis, "import basis" {
        /// A real import-use table, given by the user.
        Supplied => "supplied",
        /// Estimated from the region's imports by product with the import-proportionality
        /// assumption: every user of a product imports the same share of it (Eurostat 2008,
        /// *Manual of Supply, Use and Input-Output Tables*), scaled to each buyer's imports
        /// in the table. See `regionalize::import_use_from_products`.
        ProductProportionality => "product_proportionality",
        /// Carried from a national table by regionalisation: what the location quotients
        /// moved out of the local flows is an import of that very product from the rest of
        /// the nation (exact); the national origins keep the national coefficients.
        Regionalised => "regionalised",
        /// Nothing is known of the products: each buyer's imports are spread over products
        /// like its local purchases (`m_ij = m_j·z_ij / Σ_k z_kj`).
        PurchaseMix => "purchase_mix",
    }
}

impl ImportBasis {
    /// The assumption behind this basis, in one sentence for reports.
    #[must_use]
    pub fn assumption(self) -> &'static str {
        match self {
            ImportBasis::Supplied => "imports by product and buyer as supplied with the table",
            ImportBasis::ProductProportionality => {
                "imports by product estimated by import proportionality: every user of a product imports the same share of it (Eurostat 2008), scaled to each buyer's imports in the table"
            }
            ImportBasis::Regionalised => {
                "imports from the rest of the nation by product exactly as the location quotients removed them; other origins at the national table's imports by product per unit of output"
            }
            ImportBasis::PurchaseMix => {
                "the table gives one import row per origin and no imports by product: each buyer's imports are assumed to follow the product mix of its local purchases"
            }
        }
    }
}

/// The imports from one origin (one import row of the table) by product and buyer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportUseBlock {
    /// Label of the table's import row, e.g. `"RUKImp"`.
    pub origin: String,
    /// Row-major `n × n`: `values[i * n + j]` is what buyer `j` imports of product `i` (the
    /// product of local sector `i`). Each column sums to the buyer's entry of the import
    /// row.
    pub values: Vec<f64>,
}

/// Imports by product and buyer, one block per import row of the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportUse {
    /// How the blocks were obtained.
    pub basis: ImportBasis,
    /// One block per import row.
    pub blocks: Vec<ImportUseBlock>,
}

impl ImportUse {
    /// What buyer `j` imports of product `i` over all origins (`n` = number of sectors).
    #[must_use]
    pub fn total(&self, n: usize, i: usize, j: usize) -> f64 {
        self.blocks.iter().map(|b| b.values[i * n + j]).sum()
    }

    /// The purchase-mix rule for parts with import rows but no imports by product: buyer
    /// `j`'s imports from each origin are spread over products like its local purchases,
    /// `m_ij = m_j·z_ij / Σ_k z_kj`; a buyer with no local purchases gets the mix of all
    /// local intermediate sales. `O(n²)` per import row.
    #[must_use]
    pub fn purchase_mix(parts: &TableParts) -> Self {
        let n = parts.sectors.len();
        let z = &parts.z;
        let row_sums: Vec<f64> = (0..n).map(|i| z[i * n..(i + 1) * n].iter().sum()).collect();
        let all: f64 = row_sums.iter().sum();
        let blocks = import_rows(parts)
            .map(|r| {
                let mut values = vec![0.0; n * n];
                for j in 0..n {
                    let t = r.values[j];
                    if t == 0.0 {
                        continue;
                    }
                    let column: f64 = (0..n).map(|i| z[i * n + j]).sum();
                    for i in 0..n {
                        values[i * n + j] = if column > 0.0 {
                            t * z[i * n + j] / column
                        } else if all > 0.0 {
                            t * row_sums[i] / all
                        } else {
                            t / n as f64
                        };
                    }
                }
                ImportUseBlock {
                    origin: r.label.clone(),
                    values,
                }
            })
            .collect();
        Self {
            basis: ImportBasis::PurchaseMix,
            blocks,
        }
    }

    /// Every problem with these blocks against the table's parts: a block for each import
    /// row and no other, `n²` finite non-negative values, and columns that add up to the
    /// import row within the table's balance tolerance (relative to the buyer's output).
    pub(crate) fn errors(&self, parts: &TableParts, output: &[f64], push: &mut impl FnMut(Error)) {
        let n = parts.sectors.len();
        let rows: Vec<&PrimaryInputRow> = import_rows(parts).collect();
        for (k, b) in self.blocks.iter().enumerate() {
            if self.blocks[..k].iter().any(|o| o.origin == b.origin) {
                push(Error::InvalidLabel {
                    what: "import_use origins".into(),
                    label: b.origin.clone(),
                    reason: "duplicate".into(),
                });
                continue;
            }
            let Some(row) = rows.iter().find(|r| r.label == b.origin) else {
                push(Error::UnknownLabel {
                    what: "import row (import_use origin)".into(),
                    label: b.origin.clone(),
                });
                continue;
            };
            if b.values.len() != n * n {
                push(Error::Shape {
                    what: format!("import_use block {:?} (n × n)", b.origin),
                    expected: n * n,
                    found: b.values.len(),
                });
                continue;
            }
            let mut column = vec![0.0; n];
            let mut valid = true;
            for (k, &v) in b.values.iter().enumerate() {
                let loc = || {
                    Location::Field(format!(
                        "import_use[{:?}] product {} buyer {}",
                        b.origin,
                        parts.sectors[k / n].code,
                        parts.sectors[k % n].code
                    ))
                };
                if let Err(e) = check_finite(v, loc) {
                    push(e);
                    valid = false;
                } else if v < 0.0 {
                    push(Error::Negative {
                        location: loc(),
                        value: v,
                    });
                    valid = false;
                } else {
                    column[k % n] += v;
                }
            }
            if !valid {
                continue;
            }
            for j in 0..n {
                let gap = relative_gap(column[j], row.values[j]);
                let scale = output
                    .get(j)
                    .copied()
                    .unwrap_or(0.0)
                    .max(row.values[j].abs());
                if gap > parts.balance_tolerance
                    && (column[j] - row.values[j]).abs() > parts.balance_tolerance * scale
                {
                    push(Error::Inconsistent {
                        what: format!(
                            "imports by product of buyer {} from {:?} add up to {}, the import row says {}",
                            parts.sectors[j].code, b.origin, column[j], row.values[j]
                        ),
                    });
                }
            }
        }
        for r in &rows {
            if !self.blocks.iter().any(|b| b.origin == r.label) {
                push(Error::MissingData {
                    what: format!("import_use has no block for the import row {:?}", r.label),
                });
            }
        }
    }
}

/// The import rows of the parts, in table order.
pub(crate) fn import_rows(parts: &TableParts) -> impl Iterator<Item = &PrimaryInputRow> {
    parts.primary_inputs.iter().filter(|r| r.kind.is_import())
}
