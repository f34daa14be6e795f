//! The open model of an interregional system and what regional science reads from it.
//!
//! Notation (Miller & Blair 2009, ch. 3): `A = Z·diag(x)⁻¹` of the whole system,
//! `L = (I − A)⁻¹`; for region `r`, `A_rr` its own block, `B_r = (I − A_rr)⁻¹` what a
//! single-region table of `r` gives, and `A_o` the matrix of every off-diagonal block (trade
//! between regions) with the diagonal blocks zeroed.
//!
//! One LU factorisation of `I − A` (`2N³/3` flops) and one of each `I − A_rr` serve every
//! result; `L` is formed only by the calls that return it (`spillover_matrix`,
//! `round_matrices`). From [`ITERATIVE_MIN_N`](crate::interregional::ITERATIVE_MIN_N) entries, when the column sums of `A` certify
//! the system productive, `I − A` is factored only on first use, and the decomposition (and
//! everything built on the region rows `1_rᵀ·L`) sweeps instead: block Gauss–Seidel over the
//! regions' own factors (see `sweeps.rs`), which on many loosely linked regions costs a
//! fraction of the LU and gives the same numbers to the rounding level.

use serde::{Deserialize, Serialize};

use std::sync::OnceLock;

use super::InterregionalTable;
use super::sweeps::{ITERATIVE_MIN_N, System};
use crate::buffer::Buffer;
use crate::error::{Error, Result};
use crate::leontief::LeontiefModel;
use crate::linalg::DenseLu;

/// Largest system for which [`InterregionalModel::round_matrices`] forms the dense `M1`,
/// `M2`, `M3` (each `N × N`, `O(R·N³)` flops).
pub const ROUND_MATRICES_MAX_N: usize = 2000;

/// Largest system for which [`InterregionalModel::spillover_matrix`] forms `L` (`N²` values).
pub const SPILLOVER_MATRIX_MAX_N: usize = 8000;

/// The open model of an [`InterregionalTable`]: `x = L·f` for the whole system, and each
/// region's own block.
#[derive(Debug, Clone)]
pub struct InterregionalModel {
    regions: Vec<String>,
    codes: Vec<String>,
    starts: Vec<usize>,
    output: Vec<f64>,
    /// `x − Z·1`: what each entry sells to final users (the final demand the output implies).
    final_demand: Vec<f64>,
    /// `A` of the whole system, row-major `N × N` (huge-page backed when large).
    a: Buffer,
    /// The factored `I − A`: at construction below [`ITERATIVE_MIN_N`](crate::interregional::ITERATIVE_MIN_N) entries (or when the
    /// column sums do not certify the system productive), else on first use.
    whole: OnceLock<Result<LeontiefModel>>,
    /// Whether the region rows are swept (`I − A` not factored at construction). Fixed at
    /// construction, so that a result never depends on which calls came before.
    sweep: bool,
    own: Vec<LeontiefModel>,
    /// Final demand of each region's final users (the columns naming it), per entry.
    regional_demand: Vec<Vec<f64>>,
}

/// A stressor (emissions, jobs, water …) per entry of the system, for
/// [`InterregionalModel::accounts`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stressor {
    /// Label, e.g. `"CO2e (t)"`.
    pub label: String,
    /// One value per (region, sector) of the system.
    pub values: Vec<f64>,
}

/// Production-, consumption- and trade-based accounts of stressors in a multi-regional
/// system, as pymrio's `calc_accounts` (Stadler 2021; Peters 2008). With `S = F·diag(x)⁻¹`
/// and `y_r` the final demand of region `r`'s final users:
/// `multipliers = S·L`; `production = F`; `consumption[(r, k)] = Σ_{i of sector k}
/// (S·L)ᵢ·(y_r)ᵢ` (region `r`'s final demand for product `k`, from every origin);
/// `imports[(r, k)]` the part of it emitted outside `r`; `exports[i] = Sᵢ·Σ_{r ≠ region(i)}
/// (L·y_r)ᵢ` (what `i` emits for the other regions' final demand). Per stressor, when the
/// final demand is complete: `Σ consumption = Σ production + Σ imports − Σ exports`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StressorAccounts {
    /// Stressor labels (rows).
    pub stressors: Vec<String>,
    /// Region of each column.
    pub region: Vec<String>,
    /// Sector of each column.
    pub sector: Vec<String>,
    /// `M = S·L`, rows per stressor.
    pub multipliers: Vec<Vec<f64>>,
    /// Production-based accounts `D_pba`.
    pub production: Vec<Vec<f64>>,
    /// Consumption-based accounts `D_cba`.
    pub consumption: Vec<Vec<f64>>,
    /// Emissions embodied in imports `D_imp`.
    pub imports: Vec<Vec<f64>>,
    /// Emissions embodied in exports `D_exp`.
    pub exports: Vec<Vec<f64>>,
}

/// Multipliers of every column of the system (one per (region, sector)), decomposed.
///
/// For column `j` of region `r`: `total = Σᵢ Lᵢⱼ`; `intra_regional = Σ_{i∈r} Lᵢⱼ`;
/// `spillover = total − intra_regional`; `single_region = Σᵢ (B_r)ᵢⱼ`; `feedback =
/// intra_regional − single_region` (Miller's interregional feedback, `1ᵀ(L_rr − B_r)`,
/// ≥ 0); `round_intra`, `round_spillover`, `round_feedback` the column sums of the additive
/// Round decomposition `L = I + (M1 − I) + (M2 − I)·M1 + (M3 − I)·M2·M1` (Round 1985;
/// Pyatt & Round 1979), so that `1 + round_intra + round_spillover + round_feedback =
/// total`; `leak_to_other_regions = 1ᵀ·A_{·r}·B_r` over the other regions' rows (what the
/// region's own chain buys from the other regions, before any feedback); `returned_per_leak
/// = feedback / leak_to_other_regions` (0 where nothing leaks: then nothing returns).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decomposition {
    /// Region of each column.
    pub region: Vec<String>,
    /// Sector code of each column.
    pub sector: Vec<String>,
    /// Output multiplier of the whole system.
    pub total: Vec<f64>,
    /// Output in the column's own region.
    pub intra_regional: Vec<f64>,
    /// Output in the other regions.
    pub spillover: Vec<f64>,
    /// What a single-region table of the own region gives.
    pub single_region: Vec<f64>,
    /// Miller's interregional feedback `intra_regional − single_region`.
    pub feedback: Vec<f64>,
    /// Round: net intraregional effect `1ᵀ(M1 − I)`.
    pub round_intra: Vec<f64>,
    /// Round: net spill-over effect `1ᵀ(M2 − I)·M1`.
    pub round_spillover: Vec<f64>,
    /// Round: net feedback effect `1ᵀ(M3 − I)·M2·M1`.
    pub round_feedback: Vec<f64>,
    /// First-round purchases from the other regions per unit of final demand.
    pub leak_to_other_regions: Vec<f64>,
    /// Own-region output that comes back per unit leaked to the other regions.
    pub returned_per_leak: Vec<f64>,
}

/// fio's regional interdependence measures, from the block sums of `L`.
///
/// `block_sums[r][s] = Σ_{i∈r, j∈s} Lᵢⱼ` (output in `r` per unit of final demand for each of
/// `s`'s sectors, summed); `net_spillover[r][s] = block_sums[r][s] − block_sums[s][r]`;
/// `self_reliance_r = block_sums[r][r] / n_r`; `spillover_out_r = Σ_{s≠r} block_sums[s][r]`
/// (what `r`'s demand sets off elsewhere); `spillover_in_r = Σ_{s≠r} block_sums[r][s]`;
/// `spillover_balance = out − in`; `spillover_export_share_r = out_r / Σ_s out_s` (fio,
/// `miom$regional_interdependence`, Miranda 2024).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interdependence {
    /// Region names.
    pub regions: Vec<String>,
    /// `R × R` block sums of `L` (row: region of output; column: region of demand).
    pub block_sums: Vec<Vec<f64>>,
    /// `R × R` net spill-overs.
    pub net_spillover: Vec<Vec<f64>>,
    /// Mean own-region multiplier.
    pub self_reliance: Vec<f64>,
    /// Spill-over from the region's demand to the others.
    pub spillover_out: Vec<f64>,
    /// Spill-over into the region from the others' demand.
    pub spillover_in: Vec<f64>,
    /// `spillover_out − spillover_in`.
    pub spillover_balance: Vec<f64>,
    /// Share of all spill-over that leaves this region.
    pub spillover_export_share: Vec<f64>,
}

/// One region's leak to the other regions and what comes back, over its final-demand mix.
///
/// With weights `w_j = max(fⱼ, 0)` (the final demand the region's sectors serve, `f = x −
/// Z·1`): `leak_to_other_regions = Σ wⱼ·leakⱼ / Σ wⱼ`, `feedback = Σ wⱼ·feedbackⱼ / Σ wⱼ`
/// and `returned_per_leak = feedback / leak_to_other_regions` — of each unit the region's own
/// supply chains spend in the other regions, the own-region output that comes back (0 when
/// nothing leaks). A measure of ours, not from the literature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionReturn {
    /// Region name.
    pub region: String,
    /// Final demand the weights sum to.
    pub final_demand: f64,
    /// Weighted output multiplier of the system.
    pub total: f64,
    /// Weighted own-region output.
    pub intra_regional: f64,
    /// Weighted single-region multiplier.
    pub single_region: f64,
    /// Weighted first-round leak to the other regions.
    pub leak_to_other_regions: f64,
    /// Weighted interregional feedback.
    pub feedback: f64,
    /// `feedback / leak_to_other_regions`.
    pub returned_per_leak: f64,
}

/// Where each region's first-round leak goes: `leak[r][s]` is the first-round spending in
/// region `s` per unit of region `r`'s final demand, `1_sᵀ·A_{sr}·B_r`, weighted over `r`'s
/// sectors as in [`RegionReturn`] (`leak[r][r] = 0`; each row sums to `r`'s
/// `leak_to_other_regions`). It splits a council's leak into what goes to the other councils
/// and what goes beyond them (the rest of the UK) when both are regions of the system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeakDestinations {
    /// Region names, in system order (rows: where the final demand is; columns: where the
    /// leak goes).
    pub regions: Vec<String>,
    /// `R × R` leaks.
    pub leak: Vec<Vec<f64>>,
}

/// Output lost when a region's trade links are cut (regional hypothetical extraction,
/// Miller & Blair 2009 §3.4; Dietzenbacher, van der Linden & Steenge 1993), with final demand
/// `f = x − Z·1` held fixed: `loss = Σx − Σx*`, `x* = (I − A*)⁻¹·f`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The region.
    pub region: String,
    /// The region neither buys from nor sells to the others (`A_rs = A_sr = 0`).
    pub total: f64,
    /// The region buys nothing from the others (`A_sr = 0` for `s ≠ r`).
    pub backward: f64,
    /// The others buy nothing from the region (`A_rs = 0`).
    pub forward: f64,
}

/// Miyazawa's internal and external multipliers of a region (Miyazawa 1966; Miller & Blair
/// 2009 §3.5): `L_rr = external·internal`, `internal = B_r = (I − A_rr)⁻¹`, `external =
/// L_rr·(I − A_rr)` (for two regions `(I − B_r A_rs B_s A_sr)⁻¹`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Miyazawa {
    /// The region.
    pub region: String,
    /// Its sector codes.
    pub sectors: Vec<String>,
    /// Internal multiplier matrix, rows.
    pub internal: Vec<Vec<f64>>,
    /// External multiplier matrix, rows.
    pub external: Vec<Vec<f64>>,
    /// The region's block of `L`, rows.
    pub own_block: Vec<Vec<f64>>,
}

/// The multiplicative Round decomposition `L = M3·M2·M1` (Round 1985; Pyatt & Round 1979):
/// `M1 = diag(B_r)`, `A* = M1·A_o`, `M2 = I + A* + … + A*^{R−1}`, `M3 = (I − A*^R)⁻¹`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundMatrices {
    /// `M1`, rows.
    pub m1: Vec<Vec<f64>>,
    /// `M2`, rows.
    pub m2: Vec<Vec<f64>>,
    /// `M3`, rows.
    pub m3: Vec<Vec<f64>>,
}

/// Impact of a final-demand change on the system and, for comparison, on each region alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterregionalImpact {
    /// Region of each entry.
    pub region: Vec<String>,
    /// Sector code of each entry.
    pub sector: Vec<String>,
    /// Region names, in the order of `by_region`.
    pub regions: Vec<String>,
    /// `Δx = L·Δf`, per entry.
    pub output: Vec<f64>,
    /// `B_r·Δf_r` for each region's block (what single-region tables give; the other
    /// regions' demand is ignored by each).
    pub single_region: Vec<f64>,
    /// `Σ_{i∈r} Δxᵢ` per region.
    pub by_region: Vec<f64>,
}

impl InterregionalModel {
    /// Factors `I − A` of the whole system and `I − A_rr` of every region.
    ///
    /// From [`ITERATIVE_MIN_N`](crate::interregional::ITERATIVE_MIN_N) entries, when every column of `A` sums (in absolute value)
    /// to less than `1 − 10⁻⁹` — which proves the system productive (`ρ(A) ≤ ‖A‖₁ < 1`) and
    /// `I − A` safely factorable — the whole system is factored only when a call needs it.
    ///
    /// Cost: `2N³/3 + Σ 2n_r³/3` flops (the first term deferred as above), `2N²` to `3N²`
    /// values.
    ///
    /// # Errors
    ///
    /// [`Error::NonProductive`] naming the `"region/code"` entry with the largest column sum;
    /// [`Error::Singular`].
    pub fn new(table: &InterregionalTable) -> Result<Self> {
        let n = table.n();
        let sectors = table.system_sectors();
        let mut a = Buffer::zeroed(n * n);
        crate::leontief::technical_coefficients_into(n, table.z(), table.output(), &mut a);
        let whole = OnceLock::new();
        let sweep = n >= ITERATIVE_MIN_N && certified_productive(n, &a);
        if !sweep {
            let _ = whole.set(Ok(LeontiefModel::productive(n, a.to_vec(), &sectors)?));
        }
        let mut own = Vec::with_capacity(table.regions().len());
        for r in 0..table.regions().len() {
            let b = table.block(r);
            let mut block = Vec::with_capacity(b.len() * b.len());
            for i in b.clone() {
                block.extend_from_slice(&a[i * n + b.start..i * n + b.end]);
            }
            own.push(LeontiefModel::productive(b.len(), block, &sectors[b])?);
        }
        let (regions, codes) = table.index();
        let final_demand = crate::leontief::row_sums(n, table.z())
            .iter()
            .zip(table.output())
            .map(|(z, x)| x - z)
            .collect();
        let mut starts: Vec<usize> = (0..table.regions().len())
            .map(|r| table.block(r).start)
            .collect();
        starts.push(n);
        let regional_demand = table
            .regions()
            .iter()
            .map(|region| {
                let mut y = vec![0.0; n];
                for c in &table.parts().final_demand {
                    if c.region.as_deref() == Some(region.name.as_str()) {
                        for (t, v) in y.iter_mut().zip(&c.values) {
                            *t += v;
                        }
                    }
                }
                y
            })
            .collect();
        Ok(Self {
            regions,
            codes,
            starts,
            output: table.output().to_vec(),
            final_demand,
            a,
            whole,
            sweep,
            own,
            regional_demand,
        })
    }

    /// Number of entries `N`.
    #[must_use]
    pub fn n(&self) -> usize {
        self.output.len()
    }

    fn r_count(&self) -> usize {
        self.own.len()
    }

    fn block(&self, r: usize) -> std::ops::Range<usize> {
        self.starts[r]..self.starts[r + 1]
    }

    fn region_names(&self) -> Vec<String> {
        (0..self.r_count())
            .map(|r| self.regions[self.starts[r]].clone())
            .collect()
    }

    /// Index of a region by name.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLabel`].
    pub fn region_index(&self, name: &str) -> Result<usize> {
        (0..self.r_count())
            .find(|&r| self.regions[self.starts[r]] == name)
            .ok_or_else(|| Error::UnknownLabel {
                what: "region".into(),
                label: name.into(),
            })
    }

    /// `A` of the whole system, row-major `N × N`.
    #[must_use]
    pub fn coefficients(&self) -> &[f64] {
        &self.a
    }

    /// The whole system's open model, factored on first use (see [`Self::new`]).
    ///
    /// # Errors
    ///
    /// [`Error::Singular`] (only for a system the column sums certified productive, so in
    /// practice never).
    pub fn leontief(&self) -> Result<&LeontiefModel> {
        crate::interrupt::cached(&self.whole, || {
            LeontiefModel::from_coefficients(self.n(), self.a.to_vec())
        })
    }

    /// Whether `I − A` of the whole system has been factored (at construction, or since by a
    /// call that needed it).
    #[must_use]
    pub fn is_factored(&self) -> bool {
        self.whole.get().is_some()
    }

    /// The sweeps of `sweeps.rs` over this system, when it is large and certified (the
    /// whole system not factored at construction), else `None`.
    pub(super) fn sweeps(
        &self,
        round: Option<&[f64]>,
    ) -> Result<Option<super::sweeps::SweepResult>> {
        if !self.sweep {
            return Ok(None);
        }
        let system = System {
            a: &self.a,
            starts: &self.starts,
            own_inverses: self
                .own
                .iter()
                .map(LeontiefModel::leontief_inverse)
                .collect::<Result<_>>()?,
            budget: super::sweeps::budget(self.n(), self.r_count()),
        };
        system.solve(round, |v| self.times_m1(&self.times_off_diagonal(v)))
    }

    /// `v·M1`: the row vector times the block-diagonal `diag(B_r)` (one transposed solve per
    /// region).
    fn times_m1(&self, v: &[f64]) -> Vec<f64> {
        let mut out = Vec::with_capacity(v.len());
        for (r, own) in self.own.iter().enumerate() {
            let mut part = v[self.block(r)].to_vec();
            own.lu().solve_transpose_in_place(&mut part);
            out.extend(part);
        }
        out
    }

    /// `v·A_o`: the row vector times the off-diagonal blocks of `A`.
    fn times_off_diagonal(&self, v: &[f64]) -> Vec<f64> {
        // four rows of A at a time, each region's own columns left out (one pass at memory
        // speed on large systems, vectorised on small ones)
        super::sweeps::off_diagonal_product(&self.a, &self.starts, v)
    }

    fn region_of(&self, i: usize) -> usize {
        self.starts.partition_point(|&s| s <= i) - 1
    }

    /// The indicator rows `1_rᵀ` of every region.
    fn indicators(&self) -> Vec<Vec<f64>> {
        let n = self.n();
        (0..self.r_count())
            .map(|r| {
                let b = self.block(r);
                (0..n)
                    .map(|i| if b.contains(&i) { 1.0 } else { 0.0 })
                    .collect()
            })
            .collect()
    }

    /// `1_rᵀ·L` for every region `r`: swept for a large certified system (see [`Self::new`]),
    /// else one blocked transposed solve with `R` right-hand sides.
    fn region_rows(&self) -> Result<Vec<Vec<f64>>> {
        if let Some(s) = self.sweeps(None)? {
            return Ok(s.rows);
        }
        Ok(self.leontief()?.solve_transpose_rows(&self.indicators()))
    }

    /// Every column's multipliers, decomposed (see [`Decomposition`]).
    ///
    /// Cost: one transposed solve with `I − A` per region plus `R` row-vector products with
    /// `A_o` and `M1`: `O(R·N²)` flops after the factorisation, no inverse. From
    /// [`ITERATIVE_MIN_N`](crate::interregional::ITERATIVE_MIN_N) entries (see [`Self::new`])
    /// the factorisation is replaced by block Gauss–Seidel (over-relaxed) sweeps over the
    /// regions (`2R·N²` flops each; 10 on Scotland's 32 council areas), which carry Round's
    /// rounds along; the results agree with the factored route to about `10⁻¹⁴` relative.
    ///
    /// # Errors
    ///
    /// [`Error::Singular`] if `I − A` must be factored and cannot be; [`Error::Interrupted`]
    /// (the sweeps look at [`crate::interrupt`] between passes).
    pub fn decomposition(&self) -> Result<Decomposition> {
        self.decompose(true)
    }

    /// [`Self::decomposition`] without Round's three terms (`round_intra`, `round_spillover`
    /// and `round_feedback` are empty): Round's spill-over needs `R − 1` passes over `A`,
    /// which for many regions cost as much as the factorisation; everything else (total,
    /// intraregional, spill-over, single-region, feedback, the leak and what returns) is the
    /// same to the last bit. Cost: `R` transposed solves with `I − A` (or the sweeps) and one
    /// product with `A_o`.
    ///
    /// # Errors
    ///
    /// As [`Self::decomposition`].
    pub fn decomposition_without_round(&self) -> Result<Decomposition> {
        self.decompose(false)
    }

    fn decompose(&self, round: bool) -> Result<Decomposition> {
        let n = self.n();
        let ones = vec![1.0; n];
        let single = self.times_m1(&ones);
        let (total, rows, round_spillover) =
            if let Some(s) = self.sweeps(round.then_some(single.as_slice()))? {
                let mut total = vec![0.0; n];
                for row in &s.rows {
                    for (t, x) in total.iter_mut().zip(row) {
                        *t += x;
                    }
                }
                (total, s.rows, s.round_spillover)
            } else {
                let whole = self.leontief()?;
                let total = whole.output_multipliers();
                let rows = whole.solve_transpose_rows(&self.indicators());
                // the spill-over rounds 1ᵀ·A*ᵏ·M1 = op^k(1ᵀM1), op(v) = (v·A_o)·M1, k = 1 … R−1
                let mut round_spillover = vec![0.0; if round { n } else { 0 }];
                let mut v = single.clone();
                for _ in 1..if round { self.r_count() } else { 1 } {
                    v = self.times_m1(&self.times_off_diagonal(&v));
                    for (s, x) in round_spillover.iter_mut().zip(&v) {
                        *s += x;
                    }
                }
                (total, rows, round_spillover)
            };
        let intra: Vec<f64> = (0..n).map(|j| rows[self.region_of(j)][j]).collect();
        // first-round leak: column sums of A over the other regions' rows, times B_r
        let leak_rows = self.times_off_diagonal(&ones);
        let leak = self.times_m1(&leak_rows);
        let (round_intra, round_feedback) = if round {
            (
                single.iter().map(|s| s - 1.0).collect(),
                (0..n)
                    .map(|j| total[j] - single[j] - round_spillover[j])
                    .collect(),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        let feedback: Vec<f64> = intra.iter().zip(&single).map(|(i, s)| i - s).collect();
        let returned_per_leak = feedback
            .iter()
            .zip(&leak)
            .map(|(f, l)| if *l > 0.0 { f / l } else { 0.0 })
            .collect();
        Ok(Decomposition {
            region: self.regions.clone(),
            sector: self.codes.clone(),
            spillover: total.iter().zip(&intra).map(|(t, i)| t - i).collect(),
            feedback,
            round_intra,
            round_feedback,
            returned_per_leak,
            total,
            intra_regional: intra,
            single_region: single,
            round_spillover,
            leak_to_other_regions: leak,
        })
    }

    /// Every region's leak to the others and what comes back, weighted by the final demand
    /// its sectors serve (see [`RegionReturn`]). Cost: one
    /// [`Self::decomposition_without_round`].
    ///
    /// # Errors
    ///
    /// As [`Self::decomposition`].
    pub fn returns(&self) -> Result<Vec<RegionReturn>> {
        let d = self.decomposition_without_round()?;
        Ok((0..self.r_count())
            .map(|r| {
                let b = self.block(r);
                let mean = self.weighted_mean(r);
                let mean = |v: &[f64]| mean(&v[b.clone()]);
                let leak = mean(&d.leak_to_other_regions);
                let feedback = mean(&d.feedback);
                RegionReturn {
                    region: self.regions[b.start].clone(),
                    final_demand: self.final_demand[b.clone()]
                        .iter()
                        .map(|f| f.max(0.0))
                        .sum(),
                    total: mean(&d.total),
                    intra_regional: mean(&d.intra_regional),
                    single_region: mean(&d.single_region),
                    leak_to_other_regions: leak,
                    feedback,
                    returned_per_leak: if leak > 0.0 { feedback / leak } else { 0.0 },
                }
            })
            .collect())
    }

    /// The mean over region `r`'s sectors weighted by the final demand they serve,
    /// `w_j = max(f_j, 0)` (equal weights when none is positive), of a vector over the block.
    fn weighted_mean(&self, r: usize) -> impl Fn(&[f64]) -> f64 {
        let mut w: Vec<f64> = self.final_demand[self.block(r)]
            .iter()
            .map(|f| f.max(0.0))
            .collect();
        let mut sum: f64 = w.iter().sum();
        if sum <= 0.0 {
            w.fill(1.0);
            sum = w.len() as f64;
        }
        move |v: &[f64]| v.iter().zip(&w).map(|(x, w)| x * w).sum::<f64>() / sum
    }

    /// Where every region's first-round leak goes (see [`LeakDestinations`]). Cost: one pass
    /// over `A` (`N²`), then `R` row vectors times `diag(B_r)` (`R` transposed solves per
    /// region with its own factors).
    #[must_use]
    pub fn leak_destinations(&self) -> LeakDestinations {
        let (n, count) = (self.n(), self.r_count());
        let a = &self.a;
        // column sums of A over each region's rows, own blocks left out
        let mut sums = vec![vec![0.0; n]; count];
        for s in 0..count {
            for i in self.block(s) {
                for (t, x) in sums[s].iter_mut().zip(&a[i * n..(i + 1) * n]) {
                    *t += x;
                }
            }
            sums[s][self.block(s)].fill(0.0);
        }
        let through: Vec<Vec<f64>> = sums.iter().map(|v| self.times_m1(v)).collect();
        let leak = (0..count)
            .map(|r| {
                let mean = self.weighted_mean(r);
                through.iter().map(|v| mean(&v[self.block(r)])).collect()
            })
            .collect();
        LeakDestinations {
            regions: self.region_names(),
            leak,
        }
    }

    /// fio's regional interdependence measures (see [`Interdependence`]). Cost: `R`
    /// transposed solves (or the sweeps of [`Self::decomposition`]).
    ///
    /// # Errors
    ///
    /// As [`Self::decomposition`].
    pub fn interdependence(&self) -> Result<Interdependence> {
        let rows = self.region_rows()?;
        let count = self.r_count();
        let sums: Vec<Vec<f64>> = rows
            .iter()
            .map(|u| (0..count).map(|s| u[self.block(s)].iter().sum()).collect())
            .collect();
        let net = (0..count)
            .map(|r| (0..count).map(|s| sums[r][s] - sums[s][r]).collect())
            .collect();
        let out: Vec<f64> = (0..count)
            .map(|r| (0..count).filter(|&s| s != r).map(|s| sums[s][r]).sum())
            .collect();
        let inn: Vec<f64> = (0..count)
            .map(|r| (0..count).filter(|&s| s != r).map(|s| sums[r][s]).sum())
            .collect();
        let all: f64 = out.iter().sum();
        Ok(Interdependence {
            regions: self.region_names(),
            self_reliance: (0..count)
                .map(|r| sums[r][r] / self.block(r).len() as f64)
                .collect(),
            spillover_balance: out.iter().zip(&inn).map(|(o, i)| o - i).collect(),
            spillover_export_share: out
                .iter()
                .map(|o| if all > 0.0 { o / all } else { 0.0 })
                .collect(),
            spillover_out: out,
            spillover_in: inn,
            net_spillover: net,
            block_sums: sums,
        })
    }

    /// `L` with its diagonal blocks set to zero: `[L]ᵢⱼ` where `i` and `j` lie in different
    /// regions (fio's spill-over matrix). Cost: the inverse, `O(N³)`; `N²` values.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] above [`SPILLOVER_MATRIX_MAX_N`].
    pub fn spillover_matrix(&self) -> Result<Vec<Vec<f64>>> {
        let n = self.n();
        limit("the spill-over matrix", n, SPILLOVER_MATRIX_MAX_N)?;
        let l = self.leontief()?.leontief_inverse()?;
        Ok((0..n)
            .map(|i| {
                let r = self.region_of(i);
                (0..n)
                    .map(|j| {
                        if self.region_of(j) == r {
                            0.0
                        } else {
                            l[i * n + j]
                        }
                    })
                    .collect()
            })
            .collect())
    }

    /// The output a final-demand change sets off, in the system and in each region alone.
    /// Cost: one solve with `I − A`, one with each `I − A_rr`.
    ///
    /// # Errors
    ///
    /// [`Error::Shape`] when `delta_f.len() ≠ N`; [`Error::NonFinite`].
    pub fn impact(&self, delta_f: &[f64]) -> Result<InterregionalImpact> {
        let output = self.leontief()?.solve(delta_f)?;
        let mut single_region = Vec::with_capacity(self.n());
        for (r, own) in self.own.iter().enumerate() {
            single_region.extend(own.solve(&delta_f[self.block(r)])?);
        }
        let by_region = (0..self.r_count())
            .map(|r| output[self.block(r)].iter().sum())
            .collect();
        Ok(InterregionalImpact {
            region: self.regions.clone(),
            sector: self.codes.clone(),
            regions: self.region_names(),
            output,
            single_region,
            by_region,
        })
    }

    /// Regional hypothetical extraction of one region (see [`Extraction`]), without
    /// refactoring: each cut is a rank-`k` change `A* = A − U·Vᵀ` (`k = n_r` for backward and
    /// forward, `2n_r` for total) solved by the Sherman–Morrison–Woodbury identity with the one
    /// factor: `x* = y − L·U·(I + Vᵀ·L·U)⁻¹·Vᵀ·y`, `y = L·f`. Cost: `3n_r` solves with `I − A`
    /// and three `k × k` factorisations.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLabel`]; [`Error::Singular`] if a cut leaves a singular system.
    pub fn extraction(&self, region: &str) -> Result<Extraction> {
        let r = self.region_index(region)?;
        let (n, b) = (self.n(), self.block(r));
        let a = &self.a;
        let y = self.leontief()?.solve(&self.final_demand)?;
        let base: f64 = self.output.iter().sum();
        // U_back: A restricted to the other regions' rows in r's columns (N × n_r, column-wise)
        let u_back: Vec<Vec<f64>> = b
            .clone()
            .map(|j| {
                (0..n)
                    .map(|i| if b.contains(&i) { 0.0 } else { a[i * n + j] })
                    .collect()
            })
            .collect();
        let v_back: Vec<Vec<f64>> = b.clone().map(|j| unit(n, j)).collect();
        let u_fwd: Vec<Vec<f64>> = b.clone().map(|i| unit(n, i)).collect();
        let v_fwd: Vec<Vec<f64>> = b
            .clone()
            .map(|i| {
                (0..n)
                    .map(|j| if b.contains(&j) { 0.0 } else { a[i * n + j] })
                    .collect()
            })
            .collect();
        let l_u_back = self.solve_columns(&u_back)?;
        let l_u_fwd = self.solve_columns(&u_fwd)?;
        let loss = |lu: &[&Vec<f64>], v: &[&Vec<f64>]| -> Result<f64> {
            let k = lu.len();
            let mut m = vec![0.0; k * k];
            for (p, vp) in v.iter().enumerate() {
                for (q, lq) in lu.iter().enumerate() {
                    m[p * k + q] = f64::from(u8::from(p == q)) + dot(vp, lq);
                }
            }
            let mut z: Vec<f64> = v.iter().map(|vp| dot(vp, &y)).collect();
            DenseLu::factor(k, &m, "I + Vᵀ·L·U of an extraction")?.solve_in_place(&mut z);
            let mut x: f64 = y.iter().sum();
            for (lq, zq) in lu.iter().zip(&z) {
                x -= zq * lq.iter().sum::<f64>();
            }
            Ok(base - x)
        };
        let back = loss(
            &l_u_back.iter().collect::<Vec<_>>(),
            &v_back.iter().collect::<Vec<_>>(),
        )?;
        let fwd = loss(
            &l_u_fwd.iter().collect::<Vec<_>>(),
            &v_fwd.iter().collect::<Vec<_>>(),
        )?;
        let both_u: Vec<&Vec<f64>> = l_u_back.iter().chain(&l_u_fwd).collect();
        let both_v: Vec<&Vec<f64>> = v_back.iter().chain(&v_fwd).collect();
        let total = loss(&both_u, &both_v)?;
        Ok(Extraction {
            region: region.into(),
            total,
            backward: back,
            forward: fwd,
        })
    }

    /// `L·u` for each column `u` (one blocked solve).
    fn solve_columns(&self, columns: &[Vec<f64>]) -> Result<Vec<Vec<f64>>> {
        let (n, k) = (self.n(), columns.len());
        let mut flat = vec![0.0; n * k];
        for (q, c) in columns.iter().enumerate() {
            for (i, v) in c.iter().enumerate() {
                flat[i * k + q] = *v;
            }
        }
        let x = self.leontief()?.solve_many(&flat, k)?;
        Ok((0..k)
            .map(|q| (0..n).map(|i| x[i * k + q]).collect())
            .collect())
    }

    /// pymrio's production-, consumption- and trade-based accounts of the stressors (see
    /// [`StressorAccounts`]). Every region must have the same sectors in the same order (the
    /// consumption accounts are by product). Cost: one blocked transposed solve with
    /// `(R + 1)·k` right-hand sides for `k` stressors, one solve with `R`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when the regions' sectors differ; [`Error::Shape`];
    /// [`Error::NonFinite`].
    pub fn accounts(&self, stressors: &[Stressor]) -> Result<StressorAccounts> {
        let (n, count) = (self.n(), self.r_count());
        let first = &self.codes[self.block(0)];
        for r in 1..count {
            if &self.codes[self.block(r)] != first {
                return Err(Error::InvalidInput {
                    what: "stressor accounts".into(),
                    message: format!(
                        "every region needs the same sectors in the same order; region {:?} differs from {:?}",
                        self.regions[self.starts[r]], self.regions[0]
                    ),
                });
            }
        }
        let k = first.len();
        let mut s_rows = Vec::with_capacity(stressors.len());
        for st in stressors {
            if st.values.len() != n {
                return Err(Error::Shape {
                    what: format!("stressor {:?}", st.label),
                    expected: n,
                    found: st.values.len(),
                });
            }
            for (i, &v) in st.values.iter().enumerate() {
                crate::error::check_finite(v, || {
                    crate::error::Location::Field(format!("stressor {:?}[{i}]", st.label))
                })?;
            }
            s_rows.push(
                st.values
                    .iter()
                    .zip(&self.output)
                    .map(|(f, x)| if *x > 0.0 { f / x } else { 0.0 })
                    .collect::<Vec<f64>>(),
            );
        }
        // rows: S (for M), then S masked to each region (the domestic part)
        let mut rows = s_rows.clone();
        for r in 0..count {
            let b = self.block(r);
            for s in &s_rows {
                rows.push(
                    (0..n)
                        .map(|i| if b.contains(&i) { s[i] } else { 0.0 })
                        .collect(),
                );
            }
        }
        let solved = self.leontief()?.solve_transpose_rows(&rows);
        let (multipliers, domestic) = solved.split_at(stressors.len());
        let by_product = |row: &[f64], y: &[f64]| {
            let mut out = vec![0.0; k];
            for i in 0..n {
                out[(i - self.starts[self.region_of(i)]) % k.max(1)] += row[i] * y[i];
            }
            out
        };
        let mut consumption = vec![Vec::with_capacity(n); stressors.len()];
        let mut imports = vec![Vec::with_capacity(n); stressors.len()];
        for r in 0..count {
            let y = &self.regional_demand[r];
            for s in 0..stressors.len() {
                let all = by_product(&multipliers[s], y);
                let dom = by_product(&domestic[r * stressors.len() + s], y);
                imports[s].extend(all.iter().zip(&dom).map(|(a, d)| a - d));
                consumption[s].extend(all);
            }
        }
        let mut demand = vec![0.0; n * count];
        for (r, y) in self.regional_demand.iter().enumerate() {
            for i in 0..n {
                demand[i * count + r] = y[i];
            }
        }
        let x_by_region = self.leontief()?.solve_many(&demand, count)?;
        let x_exp: Vec<f64> = (0..n)
            .map(|i| {
                let own = self.region_of(i);
                (0..count)
                    .filter(|&r| r != own)
                    .map(|r| x_by_region[i * count + r])
                    .sum()
            })
            .collect();
        Ok(StressorAccounts {
            stressors: stressors.iter().map(|s| s.label.clone()).collect(),
            region: self.regions.clone(),
            sector: self.codes.clone(),
            production: s_rows
                .iter()
                .map(|s| s.iter().zip(&self.output).map(|(a, x)| a * x).collect())
                .collect(),
            exports: s_rows
                .iter()
                .map(|s| s.iter().zip(&x_exp).map(|(a, x)| a * x).collect())
                .collect(),
            multipliers: multipliers.to_vec(),
            consumption,
            imports,
        })
    }

    /// Miyazawa's internal and external multipliers of one region (see [`Miyazawa`]).
    /// Cost: `n_r` solves with `I − A`, the inverse of `I − A_rr`.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLabel`].
    pub fn miyazawa(&self, region: &str) -> Result<Miyazawa> {
        let r = self.region_index(region)?;
        let (n, b) = (self.n(), self.block(r));
        let m = b.len();
        let columns = self.solve_columns(&b.clone().map(|j| unit(n, j)).collect::<Vec<_>>())?;
        let own_block: Vec<Vec<f64>> = b
            .clone()
            .map(|i| columns.iter().map(|c| c[i]).collect())
            .collect();
        let a = self.own[r].coefficients();
        // external = L_rr·(I − A_rr)
        let external = (0..m)
            .map(|i| {
                (0..m)
                    .map(|j| {
                        own_block[i][j]
                            - (0..m).map(|k| own_block[i][k] * a[k * m + j]).sum::<f64>()
                    })
                    .collect()
            })
            .collect();
        let inverse = self.own[r].leontief_inverse()?;
        Ok(Miyazawa {
            region: region.into(),
            sectors: self.codes[b].to_vec(),
            internal: inverse.chunks_exact(m).map(<[f64]>::to_vec).collect(),
            external,
            own_block,
        })
    }

    /// The multiplicative Round decomposition, dense (see [`RoundMatrices`]). Cost:
    /// `O(R·N³)` flops, `4N²` values.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] above [`ROUND_MATRICES_MAX_N`]; [`Error::Singular`].
    pub fn round_matrices(&self) -> Result<RoundMatrices> {
        let n = self.n();
        limit("the Round matrices", n, ROUND_MATRICES_MAX_N)?;
        let mut m1 = vec![0.0; n * n];
        for (r, own) in self.own.iter().enumerate() {
            let b = self.block(r);
            let inv = own.leontief_inverse()?;
            for (p, i) in b.clone().enumerate() {
                m1[i * n + b.start..i * n + b.end]
                    .copy_from_slice(&inv[p * b.len()..(p + 1) * b.len()]);
            }
        }
        let a = &self.a;
        let mut a_o = a.to_vec();
        for i in 0..n {
            for j in self.block(self.region_of(i)) {
                a_o[i * n + j] = 0.0;
            }
        }
        let a_star = matmul(n, &m1, &a_o);
        let mut m2 = identity(n);
        let mut power = identity(n);
        for _ in 1..self.r_count() {
            power = matmul(n, &power, &a_star);
            for (s, p) in m2.iter_mut().zip(&power) {
                *s += p;
            }
        }
        let power_r = matmul(n, &power, &a_star);
        let m3 = LeontiefModel::from_coefficients(n, power_r)?.leontief_inverse()?;
        let rows = |m: Vec<f64>| m.chunks_exact(n).map(<[f64]>::to_vec).collect();
        Ok(RoundMatrices {
            m1: rows(m1),
            m2: rows(m2),
            m3: rows(m3),
        })
    }
}

/// Whether every column of `A` sums, in absolute value, to less than `1 − 10⁻⁹`: then
/// `ρ(A) ≤ ‖A‖₁ < 1` (productive), and `I − A` is strictly column diagonally dominant, so
/// its LU needs no pivoting and no pivot is below `10⁻⁹`.
fn certified_productive(n: usize, a: &[f64]) -> bool {
    let mut sums = vec![0.0; n];
    for row in a.chunks_exact(n.max(1)) {
        for (s, x) in sums.iter_mut().zip(row) {
            *s += x.abs();
        }
    }
    // NaN fails the comparison too
    sums.iter().all(|s| *s < 1.0 - 1e-9)
}

fn limit(what: &str, n: usize, max: usize) -> Result<()> {
    if n > max {
        return Err(Error::TooLarge {
            what: format!("{what} of {n} entries"),
            size: n,
            unit: "entries".into(),
            limit: max,
        });
    }
    Ok(())
}

fn unit(n: usize, j: usize) -> Vec<f64> {
    let mut e = vec![0.0; n];
    e[j] = 1.0;
    e
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn identity(n: usize) -> Vec<f64> {
    let mut m = vec![0.0; n * n];
    for i in 0..n {
        m[i * n + i] = 1.0;
    }
    m
}

/// Dense row-major product (the Round matrices only; faer's product for speed).
pub(super) fn matmul(n: usize, a: &[f64], b: &[f64]) -> Vec<f64> {
    use faer::MatRef;
    let a = MatRef::from_row_major_slice(a, n, n);
    let b = MatRef::from_row_major_slice(b, n, n);
    let c = a * b;
    let mut out = Vec::with_capacity(n * n);
    for i in 0..n {
        out.extend(c.row(i).iter().copied());
    }
    out
}
