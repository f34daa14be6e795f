//! Import substitution by exact rank-one updates of the factored model (Sherman & Morrison
//! 1950), and the leak ranking: which imported product, bought locally instead, raises
//! retained local income most (*Plugging the Leaks*: which products leak out, and could
//! someone local make them?).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result};
use crate::model::{LeontiefModel, per_unit_of_output};
use crate::table::{ImportBasis, ImportUse, RegionalTable};

/// The import coefficient of every sector: all import rows per unit of output.
#[must_use]
pub fn import_coefficients(table: &RegionalTable) -> Vec<f64> {
    let n = table.n();
    let totals: Vec<f64> = (0..n)
        .map(|j| {
            table
                .primary_inputs()
                .iter()
                .filter(|r| r.kind.is_import())
                .map(|r| r.values[j])
                .sum()
        })
        .collect();
    per_unit_of_output(&totals, table.output())
}

/// Retained primary inputs per unit of output (the retention coefficient row `r`).
#[must_use]
pub fn retention_coefficients(table: &RegionalTable) -> Vec<f64> {
    let n = table.n();
    let retention = table.retention();
    let totals: Vec<f64> = (0..n)
        .map(|j| {
            table
                .primary_inputs()
                .iter()
                .map(|r| retention.share(r.kind, j) * r.values[j])
                .sum()
        })
        .collect();
    per_unit_of_output(&totals, table.output())
}

/// An amount by origin (the label of one of the table's import rows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OriginAmount {
    /// Label of the import row, e.g. `"RUKImp"`.
    pub origin: String,
    /// The amount.
    pub amount: f64,
}

/// What moving a share of one buyer's imports of one product to the local producer of that
/// product does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubstitutionEffect {
    /// The buying sector `j` whose imports are replaced.
    pub buyer: String,
    /// The product `i`, made locally by the sector of the same code.
    pub product: String,
    /// The share `σ` of the buyer's imports of the product moved.
    pub share: f64,
    /// The coefficient change `δ = σ·m_ij/x_j` (`a_ij += δ`, imports of `j` per unit −= δ).
    pub delta: f64,
    /// Imports substituted at the table's output, `δ·x_j`.
    pub imports_substituted: f64,
    /// The same by origin.
    pub imports_substituted_by_origin: Vec<OriginAmount>,
    /// Output multipliers `1ᵀL'` after the change.
    pub output_multipliers: Vec<f64>,
    /// Retained local income per unit of final demand after the change, `rᵀL'`.
    pub retention: Vec<f64>,
    /// Change in total output for the table's final demand.
    pub output_change: f64,
    /// Change in retained local income for the table's final demand.
    pub retained_income_change: f64,
    /// How the buyer's imports by product are known.
    pub import_basis: ImportBasis,
}

/// Everything the rank-one formulas need from one factorisation.
pub(crate) struct Factored<'a> {
    table: &'a RegionalTable,
    pub(crate) model: LeontiefModel,
    pub(crate) imports: std::borrow::Cow<'a, ImportUse>,
    pub(crate) r: Vec<f64>,
    pub(crate) multipliers: Vec<f64>,
    pub(crate) retention: Vec<f64>,
}

impl<'a> Factored<'a> {
    pub(crate) fn new(table: &'a RegionalTable) -> Result<Self> {
        let model = LeontiefModel::new(table)?;
        let r = retention_coefficients(table);
        let retention = model.solve_transpose(&r)?;
        Ok(Self {
            table,
            multipliers: model.output_multipliers(),
            imports: table.imports_by_product(),
            r,
            retention,
            model,
        })
    }
}

fn share_error(share: f64) -> Error {
    Error::OutOfRange {
        location: Location::Field("share".into()),
        value: share,
        expected: "a share of the buyer's imports of the product in [0, 1]".into(),
    }
}

/// Moves the share `share` of `buyer`'s imports of `product` to the local producer of that
/// product: `A' = A + δ·e_i·e_jᵀ` with `δ = share·m_ij/x_j`, where `m_ij` is what `j`
/// imports of `i` ([`RegionalTable::imports_by_product`]); each import row of `j` loses its
/// own part of `m_ij`. Computed exactly from the one LU factor of `I − A` with the
/// Sherman–Morrison formula `L' = L + δ·(L e_i)(e_jᵀ L) / (1 − δ·l_ji)` — two solves, no
/// new inverse:
///
/// * `1ᵀL' = 1ᵀL + δ·(1ᵀL e_i)·(e_jᵀL) / (1 − δ l_ji)`;
/// * `rᵀL' = rᵀL + δ·(rᵀL e_i)·(e_jᵀL) / (1 − δ l_ji)` (imports are never retained, so `r`
///   does not change);
/// * for the table's final demand, `x' = x + δ·x_j·L e_i / (1 − δ l_ji)`.
///
/// # Errors
///
/// [`Error::UnknownLabel`]; [`Error::OutOfRange`] for a share outside [0, 1], a buyer that
/// does not import the product, or a product whose local producer has no output (its cost
/// structure is unknown); [`Error::NonProductive`] when the change makes `A` non-productive
/// (`δ·l_ji ≥ 1`); the errors of [`LeontiefModel::new`].
///
/// # Example
///
/// ```
/// use localecon::scenario::import_substitution;
/// let t = localecon::datasets::scotland_2019();
/// // bakeries (10.7) buy 10 % of the flour (10.6) they import from Scottish grain mills
/// let e = import_substitution(&t, "10.7", "10.6", 0.1)?;
/// assert!(e.retained_income_change > 0.0);
/// let bakery = t.sector_index("10.7")?;
/// assert!(e.output_multipliers[bakery] > localecon::Multipliers::new(&t)?.output.type_i[bakery]);
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn import_substitution(
    table: &RegionalTable,
    buyer: &str,
    product: &str,
    share: f64,
) -> Result<SubstitutionEffect> {
    let f = Factored::new(table)?;
    substitution_with(&f, buyer, product, share)
}

/// `scale` times what buyer `j` imports of product `i` from each origin (`n` sectors).
pub(crate) fn origin_amounts(
    imports: &ImportUse,
    n: usize,
    i: usize,
    j: usize,
    scale: f64,
) -> Vec<OriginAmount> {
    imports
        .blocks
        .iter()
        .map(|b| OriginAmount {
            origin: b.origin.clone(),
            amount: scale * b.values[i * n + j],
        })
        .collect()
}

/// What `buyer` (index `j`) imports of `product` (index `i`) by origin, checked to be a
/// substitution that means something: a positive import and a producer with output.
pub(crate) fn product_imports(
    table: &RegionalTable,
    imports: &ImportUse,
    j: usize,
    i: usize,
) -> Result<Vec<OriginAmount>> {
    let n = table.n();
    let code = |k: usize| table.sectors()[k].code.as_str();
    if table.output()[i] <= 0.0 {
        return Err(Error::OutOfRange {
            location: Location::Field(format!("product {} (output of its producer)", code(i))),
            value: table.output()[i],
            expected:
                "a product made locally: a producer with no output has no known cost structure"
                    .into(),
        });
    }
    let by_origin = origin_amounts(imports, n, i, j, 1.0);
    let total: f64 = by_origin.iter().map(|o| o.amount).sum();
    if total <= 0.0 {
        return Err(Error::OutOfRange {
            location: Location::Field(format!("imports of {} by {}", code(i), code(j))),
            value: total,
            expected: format!(
                "a product the buyer imports ({})",
                imports.basis.assumption()
            ),
        });
    }
    Ok(by_origin)
}

pub(crate) fn substitution_with(
    f: &Factored<'_>,
    buyer: &str,
    product: &str,
    share: f64,
) -> Result<SubstitutionEffect> {
    let t = f.table;
    let j = t.sector_index(buyer)?;
    let i = t.sector_index(product)?;
    if !(0.0..=1.0).contains(&share) {
        return Err(share_error(share));
    }
    let by_origin = product_imports(t, &f.imports, j, i)?;
    let n = t.n();
    let xj = t.output()[j];
    let imports: f64 = by_origin.iter().map(|o| o.amount).sum();
    let delta = share * imports / xj;
    let mut e_i = vec![0.0; n];
    e_i[i] = 1.0;
    let col_i = f.model.solve(&e_i)?; // L e_i
    let mut e_j = vec![0.0; n];
    e_j[j] = 1.0;
    let row_j = f.model.solve_transpose(&e_j)?; // e_jᵀ L
    let denominator = 1.0 - delta * col_i[j];
    if denominator <= 0.0 {
        return Err(Error::NonProductive {
            spectral_radius: f64::NAN,
            max_column_sum: f64::NAN,
            sector: j,
            code: buyer.to_string(),
        });
    }
    let k = delta / denominator;
    let m_i: f64 = f.multipliers[i];
    let r_i: f64 = f.retention[i];
    let output_multipliers = f
        .multipliers
        .iter()
        .zip(&row_j)
        .map(|(m, l)| m + k * m_i * l)
        .collect();
    let retention = f
        .retention
        .iter()
        .zip(&row_j)
        .map(|(r, l)| r + k * r_i * l)
        .collect();
    let dx: Vec<f64> = col_i.iter().map(|c| k * xj * c).collect();
    Ok(SubstitutionEffect {
        buyer: buyer.into(),
        product: product.into(),
        share,
        delta,
        imports_substituted: delta * xj,
        imports_substituted_by_origin: by_origin
            .into_iter()
            .map(|o| OriginAmount {
                origin: o.origin,
                amount: share * o.amount,
            })
            .collect(),
        output_multipliers,
        retention,
        output_change: dx.iter().sum(),
        retained_income_change: dx.iter().zip(&f.r).map(|(d, r): (&f64, &f64)| d * r).sum(),
        import_basis: f.imports.basis,
    })
}
