//! The leak ranking: which (buyer, imported product) substitution raises retained local
//! income most, from one factorisation and one `L`.

use serde::{Deserialize, Serialize};

use super::substitution::{Factored, OriginAmount, origin_amounts};
use crate::error::{Error, Location, Result};
use crate::model::per_unit_of_output;
use crate::table::{ImportBasis, RegionalTable};

/// The default share of a buyer's imports of a product that the ranking moves: 10 %.
pub const DEFAULT_RANKING_SHARE: f64 = 0.1;
/// The default threshold below which a sector counts as not selling to businesses: 0.5 % of
/// its output sold to local businesses (Scotland 2019: imputed rent 0 %, households as
/// employers 0.09 %; the next lowest, health, 1.0 %).
pub const DEFAULT_MIN_BUSINESS_SALES_SHARE: f64 = 0.005;

/// How the leak ranking is formed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LeakRankingOptions {
    /// The share `σ` of each buyer's imports of a product moved to the local producer, in
    /// (0, 1]. Default [`DEFAULT_RANKING_SHARE`].
    pub share: f64,
    /// A cap on the extra sales of the local producer: at most this share of its current
    /// output (e.g. `0.05`: +5 %), applied to each opportunity. `None`: no cap.
    pub max_output_increase: Option<f64>,
    /// Codes of sectors never to propose as suppliers (e.g. what no business can buy in
    /// this region, or what a council rules out).
    pub exclude: Vec<String>,
    /// A sector selling less than this share of its output to local businesses
    /// (`Σ_j z_ij / x_i`) is never proposed. Default [`DEFAULT_MIN_BUSINESS_SALES_SHARE`].
    pub min_business_sales_share: f64,
    /// How many opportunities to return, best first (at least 1). Default 20.
    pub top_k: usize,
}

impl Default for LeakRankingOptions {
    fn default() -> Self {
        Self {
            share: DEFAULT_RANKING_SHARE,
            max_output_increase: None,
            exclude: Vec::new(),
            min_business_sales_share: DEFAULT_MIN_BUSINESS_SALES_SHARE,
            top_k: 20,
        }
    }
}

spelled_enum! {
    /// Why a sector is never proposed as a supplier.
    ExclusionReason, "exclusion reason" {
        /// It has no output: its cost structure is unknown.
        ZeroOutput => "zero_output",
        /// It sells (almost) nothing to businesses, e.g. imputed rent of owner-occupiers or
        /// households as employers of domestic staff.
        NotSoldToBusinesses => "not_sold_to_businesses",
        /// The user excluded it.
        Flagged => "flagged",
    }
}

/// A sector that the ranking never proposes as a supplier, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExcludedSupplier {
    /// Sector code.
    pub code: String,
    /// Sector name.
    pub name: String,
    /// Why.
    pub reason: ExclusionReason,
    /// Its sales to local businesses as a share of its output (0 without output).
    pub business_sales_share: f64,
}

/// One opportunity: a buyer replaces part of its imports of one product by local supply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeakOpportunity {
    /// Buyer code (whose imports are replaced).
    pub buyer: String,
    /// Buyer name.
    pub buyer_name: String,
    /// The imported product, made locally by the sector of the same code.
    pub product: String,
    /// The product's name.
    pub product_name: String,
    /// What the buyer imports of the product, `m_ij`, over all origins.
    pub imports: f64,
    /// Imports substituted, `σ·m_ij` (or less, under the cap).
    pub imports_substituted: f64,
    /// The same by origin.
    pub imports_substituted_by_origin: Vec<OriginAmount>,
    /// The substitution against the local producer's current output, `imports_substituted / x_i`.
    pub capacity_share: f64,
    /// Whether the cap on the producer's extra sales made the substitution smaller.
    pub capped: bool,
    /// Extra retained local income for the table's final demand.
    pub retained_income_gain: f64,
    /// Extra output.
    pub output_gain: f64,
    /// Extra gross value added.
    pub gva_gain: f64,
    /// Extra employment, in the table's employment unit (when it has employment).
    pub jobs_gain: Option<f64>,
    /// Retained income per unit of imports substituted, `(rᵀL)_i / (1 − δ l_ji)`.
    pub gain_per_unit: f64,
}

/// The leak ranking with what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeakRanking {
    /// The best opportunities, largest retained-income gain first.
    pub opportunities: Vec<LeakOpportunity>,
    /// How the buyers' imports by product are known.
    pub import_basis: ImportBasis,
    /// The assumption behind them, in words.
    pub assumption: String,
    /// Sectors never proposed as suppliers, and why.
    pub excluded_suppliers: Vec<ExcludedSupplier>,
    /// How many (buyer, product) pairs with a positive import were ranked.
    pub pairs_ranked: usize,
    /// The options used.
    pub options: LeakRankingOptions,
}

fn check_options(table: &RegionalTable, o: &LeakRankingOptions) -> Result<()> {
    let range = |field: &str, value: f64, expected: &str| Error::OutOfRange {
        location: Location::Field(field.into()),
        value,
        expected: expected.into(),
    };
    if !(o.share > 0.0 && o.share <= 1.0) {
        return Err(range(
            "share",
            o.share,
            "a share of the buyer's imports in (0, 1]",
        ));
    }
    if let Some(c) = o.max_output_increase {
        if !(c.is_finite() && c > 0.0) {
            return Err(range(
                "max_output_increase",
                c,
                "a positive share of the producer's output",
            ));
        }
    }
    if !(0.0..=1.0).contains(&o.min_business_sales_share) {
        return Err(range(
            "min_business_sales_share",
            o.min_business_sales_share,
            "a share in [0, 1]",
        ));
    }
    if o.top_k == 0 {
        return Err(range("top_k", 0.0, "at least 1"));
    }
    for code in &o.exclude {
        table.sector_index(code)?;
    }
    Ok(())
}

/// Ranks every (buyer `j`, imported product `i`) pair with a positive import `m_ij`
/// ([`RegionalTable::imports_by_product`]) by the retained local income gained when `j`
/// buys `σ·m_ij` of `i` from the local producer of `i` instead (*Plugging the Leaks*: which
/// products leak out, and could someone local make them?). Each gain is exact (the
/// Sherman–Morrison update of [`super::import_substitution`]): with `S` the imports
/// substituted and `δ = S/x_j`,
///
/// `Δ retained income = S·(rᵀL)_i / (1 − δ·l_ji)`, and likewise output (`1ᵀL`), GVA
/// (`vᵀL`) and jobs (`eᵀL`), with `r`, `v`, `e` retained income, value added and employment
/// per unit of output.
///
/// Never proposed as suppliers: sectors without output, sectors selling less than
/// `min_business_sales_share` of their output to local businesses, and `exclude`.
/// `max_output_increase` caps `S` at that share of the producer's output.
///
/// Cost: one LU and the inverse `L` (`O(n³)`), then `O(n²)` per import row for the pairs.
///
/// # Errors
///
/// [`Error::OutOfRange`] for options out of range; [`Error::UnknownLabel`] for an unknown
/// code in `exclude`; the errors of [`crate::LeontiefModel::new`].
///
/// # Example
///
/// ```
/// use localecon::scenario::{LeakRankingOptions, leak_ranking};
/// let t = localecon::datasets::scotland_2019();
/// let ranking = leak_ranking(&t, &LeakRankingOptions { top_k: 5, ..Default::default() })?;
/// let best = &ranking.opportunities[0];
/// assert!(best.retained_income_gain > 0.0 && best.imports > 0.0);
/// assert!(ranking.excluded_suppliers.iter().any(|e| e.code == "68.2IMP"));
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn leak_ranking(table: &RegionalTable, options: &LeakRankingOptions) -> Result<LeakRanking> {
    check_options(table, options)?;
    let f = Factored::new(table)?;
    let l = f.model.leontief_inverse()?;
    let n = table.n();
    let x = table.output();
    let sectors = table.sectors();
    let gva = f
        .model
        .solve_transpose(&table.input_coefficients_where(|k| k.is_value_added()))?;
    let jobs = match table.employment() {
        Some(e) => Some(f.model.solve_transpose(&per_unit_of_output(&e.values, x))?),
        None => None,
    };
    let (excluded_suppliers, allowed) =
        supplier_exclusions(table, &options.exclude, options.min_business_sales_share);
    let imports = &f.imports;
    // rank light candidates first (gain, buyer, product, substituted, full, denominator);
    // the full records, with their names and origins, only for the top_k
    let mut candidates: Vec<(f64, usize, usize, f64, f64, f64)> = Vec::new();
    for j in (0..n).filter(|&j| x[j] > 0.0) {
        crate::interrupt::check("the leak ranking")?;
        for i in (0..n).filter(|&i| allowed[i]) {
            let m = imports.total(n, i, j);
            if m <= 0.0 {
                continue;
            }
            let full = options.share * m;
            let substituted = options
                .max_output_increase
                .map_or(full, |c| full.min(c * x[i]));
            let denominator = 1.0 - substituted / x[j] * l[j * n + i];
            if denominator <= 0.0 {
                continue; // unreachable for a productive table: δ ≤ the buyer's imports per unit
            }
            let gain = substituted * (f.retention[i] / denominator);
            candidates.push((gain, j, i, substituted, full, denominator));
        }
    }
    let pairs_ranked = candidates.len();
    // a stable sort: equal gains keep the table's (buyer, product) order
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    candidates.truncate(options.top_k);
    let out = candidates
        .into_iter()
        .map(|(gain, j, i, substituted, full, denominator)| {
            let m = imports.total(n, i, j);
            let per_unit = |w: &[f64]| substituted * w[i] / denominator;
            let fraction = substituted / m;
            LeakOpportunity {
                buyer: sectors[j].code.clone(),
                buyer_name: sectors[j].name.clone(),
                product: sectors[i].code.clone(),
                product_name: sectors[i].name.clone(),
                imports: m,
                imports_substituted: substituted,
                imports_substituted_by_origin: origin_amounts(imports, n, i, j, fraction),
                capacity_share: substituted / x[i],
                capped: substituted < full,
                retained_income_gain: gain,
                output_gain: per_unit(&f.multipliers),
                gva_gain: per_unit(&gva),
                jobs_gain: jobs.as_deref().map(per_unit),
                gain_per_unit: f.retention[i] / denominator,
            }
        })
        .collect();
    Ok(LeakRanking {
        opportunities: out,
        import_basis: imports.basis,
        assumption: imports.basis.assumption().into(),
        excluded_suppliers,
        pairs_ranked,
        options: options.clone(),
    })
}

/// The sectors never proposed as suppliers (no output; flagged in `exclude`; selling less
/// than `min_business_sales_share` of their output to local businesses), and for each
/// sector whether it may be proposed.
pub(crate) fn supplier_exclusions(
    table: &RegionalTable,
    exclude: &[String],
    min_business_sales_share: f64,
) -> (Vec<ExcludedSupplier>, Vec<bool>) {
    let n = table.n();
    let x = table.output();
    let sectors = table.sectors();
    let mut excluded_suppliers = Vec::new();
    let mut allowed = vec![true; n];
    for i in 0..n {
        let sold: f64 = (0..n).map(|j| table.z_at(i, j)).sum();
        let share = if x[i] > 0.0 { sold / x[i] } else { 0.0 };
        let reason = if x[i] <= 0.0 {
            Some(ExclusionReason::ZeroOutput)
        } else if exclude.contains(&sectors[i].code) {
            Some(ExclusionReason::Flagged)
        } else if share < min_business_sales_share {
            Some(ExclusionReason::NotSoldToBusinesses)
        } else {
            None
        };
        if let Some(reason) = reason {
            allowed[i] = false;
            excluded_suppliers.push(ExcludedSupplier {
                code: sectors[i].code.clone(),
                name: sectors[i].name.clone(),
                reason,
                business_sales_share: share,
            });
        }
    }
    (excluded_suppliers, allowed)
}

impl std::fmt::Display for LeakRanking {
    /// A readable table: one line per opportunity, then the assumption and the exclusions.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cut = |s: &str, w: usize| s.chars().take(w).collect::<String>();
        writeln!(
            f,
            "Leak ranking: {} of the buyers' imports of a product bought locally instead",
            self.options.share
        )?;
        writeln!(
            f,
            "{:>3}  {:<28} {:<28} {:>11} {:>11} {:>7} {:>8}",
            "#", "buyer", "imported product", "substituted", "retained +", "per £", "capacity"
        )?;
        for (k, o) in self.opportunities.iter().enumerate() {
            writeln!(
                f,
                "{:>3}  {:<28} {:<28} {:>11.3} {:>11.3} {:>7.3} {:>7.2}%{}",
                k + 1,
                cut(&format!("{} {}", o.buyer, o.buyer_name), 28),
                cut(&format!("{} {}", o.product, o.product_name), 28),
                o.imports_substituted,
                o.retained_income_gain,
                o.gain_per_unit,
                100.0 * o.capacity_share,
                if o.capped { " capped" } else { "" }
            )?;
        }
        writeln!(
            f,
            "{} (buyer, product) pairs ranked. Imports by product: {} [{}].",
            self.pairs_ranked, self.assumption, self.import_basis
        )?;
        if !self.excluded_suppliers.is_empty() {
            let names: Vec<String> = self
                .excluded_suppliers
                .iter()
                .map(|e| format!("{} {} ({})", e.code, e.name, e.reason))
                .collect();
            writeln!(f, "Never proposed as suppliers: {}.", names.join("; "))?;
        }
        Ok(())
    }
}

/// One product that a buyer imports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedProduct {
    /// Product code (the local sector that makes it).
    pub product: String,
    /// Product name.
    pub product_name: String,
    /// What the buyer imports of it, over all origins.
    pub imports: f64,
    /// The same by origin.
    pub by_origin: Vec<OriginAmount>,
    /// The local producer's output.
    pub local_output: f64,
}

/// The products `buyer` imports and that are made locally (its producer has output),
/// largest import first: what a substitution for this buyer can point at. `O(n)` per import
/// row (`O(n²)` when the table has no imports by product and the purchase-mix rule is used).
///
/// # Errors
///
/// [`Error::UnknownLabel`] for an unknown buyer.
pub fn imported_products(table: &RegionalTable, buyer: &str) -> Result<Vec<ImportedProduct>> {
    let j = table.sector_index(buyer)?;
    let n = table.n();
    let imports = table.imports_by_product();
    let mut out: Vec<ImportedProduct> = (0..n)
        .filter(|&i| table.output()[i] > 0.0)
        .filter_map(|i| {
            let by_origin = origin_amounts(&imports, n, i, j, 1.0);
            let total: f64 = by_origin.iter().map(|o| o.amount).sum();
            (total > 0.0).then(|| ImportedProduct {
                product: table.sectors()[i].code.clone(),
                product_name: table.sectors()[i].name.clone(),
                imports: total,
                by_origin,
                local_output: table.output()[i],
            })
        })
        .collect();
    out.sort_by(|a, b| b.imports.total_cmp(&a.imports));
    Ok(out)
}
