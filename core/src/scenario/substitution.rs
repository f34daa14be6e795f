//! Import substitution by exact rank-one updates of the factored model (Sherman & Morrison
//! 1950), and the leak ranking: which substitution raises retained local income most.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result};
use crate::model::{LeontiefModel, per_unit_of_output};
use crate::table::RegionalTable;

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

/// What moving a share of one sector's imports to a local supplier does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubstitutionEffect {
    /// The buying sector `j` whose imports are replaced.
    pub buyer: String,
    /// The local supplier `i`.
    pub supplier: String,
    /// The share `σ` of the buyer's imports moved.
    pub share: f64,
    /// The coefficient change `δ = σ·m_j` (`a_ij += δ`, imports of `j` per unit −= δ).
    pub delta: f64,
    /// Imports substituted at the table's output, `δ·x_j`.
    pub imports_substituted: f64,
    /// Output multipliers `1ᵀL'` after the change.
    pub output_multipliers: Vec<f64>,
    /// Retained local income per unit of final demand after the change, `rᵀL'`.
    pub retention: Vec<f64>,
    /// Change in total output for the table's final demand.
    pub output_change: f64,
    /// Change in retained local income for the table's final demand.
    pub retained_income_change: f64,
}

/// Everything the rank-one formulas need from one factorisation.
pub(crate) struct Factored<'a> {
    table: &'a RegionalTable,
    model: LeontiefModel,
    m: Vec<f64>,
    r: Vec<f64>,
    multipliers: Vec<f64>,
    retention: Vec<f64>,
}

impl<'a> Factored<'a> {
    pub(crate) fn new(table: &'a RegionalTable) -> Result<Self> {
        let model = LeontiefModel::new(table)?;
        let r = retention_coefficients(table);
        let retention = model.solve_transpose(&r)?;
        Ok(Self {
            table,
            multipliers: model.output_multipliers(),
            m: import_coefficients(table),
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
        expected: "a share of the buyer's imports in [0, 1]".into(),
    }
}

/// Moves the share `share` of `buyer`'s imports to local `supplier`:
/// `A' = A + δ·e_i·e_jᵀ` with `δ = share·m_j`. Computed exactly from the one LU factor of
/// `I − A` with the Sherman–Morrison formula
/// `L' = L + δ·(L e_i)(e_jᵀ L) / (1 − δ·l_ji)` — two solves, no new inverse:
///
/// * `1ᵀL' = 1ᵀL + δ·(1ᵀL e_i)·(e_jᵀL) / (1 − δ l_ji)`;
/// * `rᵀL' = rᵀL + δ·(rᵀL e_i)·(e_jᵀL) / (1 − δ l_ji)`;
/// * for the table's final demand, `x' = x + δ·x_j·L e_i / (1 − δ l_ji)`.
///
/// # Errors
///
/// [`Error::UnknownLabel`]; [`Error::OutOfRange`] for a share outside [0, 1] or a buyer
/// without imports; [`Error::NonProductive`] when the change makes `A` non-productive
/// (`δ·l_ji ≥ 1`); the errors of [`LeontiefModel::new`].
///
/// # Example
///
/// ```
/// use localecon::scenario::import_substitution;
/// let t = localecon::datasets::scotland_2019();
/// // bakeries (10.7) buy 10 % of their imports from Scottish grain milling (10.6) instead
/// let e = import_substitution(&t, "10.7", "10.6", 0.1)?;
/// assert!(e.retained_income_change > 0.0);
/// let bakery = t.sector_index("10.7")?;
/// assert!(e.output_multipliers[bakery] > localecon::Multipliers::new(&t)?.output.type_i[bakery]);
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn import_substitution(
    table: &RegionalTable,
    buyer: &str,
    supplier: &str,
    share: f64,
) -> Result<SubstitutionEffect> {
    let f = Factored::new(table)?;
    substitution_with(&f, buyer, supplier, share)
}

pub(crate) fn substitution_with(
    f: &Factored<'_>,
    buyer: &str,
    supplier: &str,
    share: f64,
) -> Result<SubstitutionEffect> {
    let t = f.table;
    let j = t.sector_index(buyer)?;
    let i = t.sector_index(supplier)?;
    if !(0.0..=1.0).contains(&share) {
        return Err(share_error(share));
    }
    if f.m[j] <= 0.0 && share > 0.0 {
        return Err(Error::OutOfRange {
            location: Location::Field(format!("imports of {buyer}")),
            value: 0.0,
            expected: "a buyer with imports to substitute".into(),
        });
    }
    let n = t.n();
    let delta = share * f.m[j];
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
    let xj = t.output()[j];
    let dx: Vec<f64> = col_i.iter().map(|c| k * xj * c).collect();
    Ok(SubstitutionEffect {
        buyer: buyer.into(),
        supplier: supplier.into(),
        share,
        delta,
        imports_substituted: delta * xj,
        output_multipliers,
        retention,
        output_change: dx.iter().sum(),
        retained_income_change: dx.iter().zip(&f.r).map(|(d, r)| d * r).sum(),
    })
}

spelled_enum! {
    /// Which supplier–buyer pairs the leak ranking considers.
    Candidates, "candidate pairs" {
        /// Every pair of distinct sectors where the buyer imports.
        All => "all",
        /// Only pairs where the supplier already sells to the buyer (`Z_ij > 0`), and at most
        /// doubling those sales: the substituted imports are `min(σ·m_j·x_j, Z_ij)`. The
        /// supplier demonstrably makes something the buyer uses, at a plausible scale.
        ExistingSuppliers => "existing_suppliers",
    }
}

/// One entry of the leak ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeakOpportunity {
    /// Buyer code (whose imports are replaced).
    pub buyer: String,
    /// Supplier code (who would supply instead).
    pub supplier: String,
    /// Imports substituted, `σ·m_j·x_j`.
    pub imports_substituted: f64,
    /// Extra retained local income for the table's final demand.
    pub retained_income_gain: f64,
    /// Retained income per unit of imports substituted: `(rᵀL)_i / (1 − δ l_ji)`.
    pub gain_per_unit: f64,
    /// Extra output for the table's final demand.
    pub output_gain: f64,
    /// What the supplier already sells to the buyer, `Z_ij`.
    pub existing_purchases: f64,
}

/// Ranks every (supplier, buyer) pair by the retained local income gained when the buyer
/// moves `share` of its imports to the supplier (capped by [`Candidates`]), from one
/// factorisation and one `L`
/// (`O(n³)` once, then `O(n²)` for all pairs): the gain is
/// `δ_j·x_j·(rᵀL)_i / (1 − δ_j·l_ji)` with `δ_j = share·m_j`.
///
/// The ranking measures economic potential; whether the supplier can make what the buyer
/// imports is a question for the people involved (restrict to existing supplier links with
/// [`Candidates::ExistingSuppliers`]).
///
/// # Errors
///
/// [`Error::OutOfRange`] for a share outside [0, 1]; the errors of [`LeontiefModel::new`].
pub fn leak_ranking(
    table: &RegionalTable,
    share: f64,
    candidates: Candidates,
    top_k: usize,
) -> Result<Vec<LeakOpportunity>> {
    if !(0.0..=1.0).contains(&share) {
        return Err(share_error(share));
    }
    let f = Factored::new(table)?;
    let l = f.model.leontief_inverse();
    let n = table.n();
    let x = table.output();
    let mut out = Vec::new();
    for j in 0..n {
        let full = share * f.m[j];
        if full <= 0.0 {
            continue;
        }
        for i in 0..n {
            if i == j || (candidates == Candidates::ExistingSuppliers && table.z_at(i, j) <= 0.0) {
                continue;
            }
            let delta = match candidates {
                Candidates::All => full,
                Candidates::ExistingSuppliers => full.min(table.z_at(i, j) / x[j]),
            };
            let denominator = 1.0 - delta * l[j * n + i];
            if denominator <= 0.0 {
                continue;
            }
            let gain_per_unit = f.retention[i] / denominator;
            let substituted = delta * x[j];
            out.push(LeakOpportunity {
                buyer: table.sectors()[j].code.clone(),
                supplier: table.sectors()[i].code.clone(),
                imports_substituted: substituted,
                retained_income_gain: substituted * gain_per_unit,
                gain_per_unit,
                output_gain: substituted * f.multipliers[i] / denominator,
                existing_purchases: table.z_at(i, j),
            });
        }
    }
    out.sort_by(|a, b| b.retained_income_gain.total_cmp(&a.retained_income_gain));
    out.truncate(top_k);
    Ok(out)
}
