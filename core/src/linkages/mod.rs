//! Linkages: the Ghosh supply-side model, Rasmussen–Hirschman backward and forward
//! linkages, key sectors, hypothetical extraction and structural path analysis.

mod paths;

pub use paths::{
    DEFAULT_PATH_STEPS, PathTarget, StructuralPath, StructuralPaths, structural_paths,
    structural_paths_bounded,
};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::linalg::DenseLu;
use crate::model::LeontiefModel;
use crate::table::{RegionalTable, Sector};

/// The Ghosh supply-side model: allocation coefficients `B = diag(x)⁻¹·Z`
/// (`b_ij = z_ij / x_i`, the share of `i`'s output sold to `j`) and the Ghosh inverse
/// `G = (I − B)⁻¹` (Miller & Blair 2009, §12.1). Uses the table's output `x`, the same as the
/// Leontief model.
#[derive(Debug, Clone)]
pub struct GhoshModel {
    n: usize,
    b: Vec<f64>,
    lu: DenseLu,
}

impl GhoshModel {
    /// The Ghosh model of a table (a zero-output sector gets a zero row of `B`). It exists
    /// when the Leontief model does: `B = x̂⁻¹·A·x̂` on the sectors with output has the
    /// spectrum of `A`, so `ρ(B) < 1` is checked as `ρ(A) < 1`
    /// ([`productivity`](crate::leontief::productivity)). Without that check, a `B` with
    /// `ρ(B) = 1` but tiny non-zero pivots factors and its solves overflow to NaN (found by
    /// fuzzing). `O(n³)`.
    ///
    /// # Errors
    ///
    /// [`Error::NonProductive`] when `ρ(A) ≥ 1`; [`Error::Singular`] when `I − B` is
    /// singular.
    pub fn new(table: &RegionalTable) -> Result<Self> {
        let n = table.n();
        let x = table.output();
        crate::leontief::productivity(n, table.z(), x, table.sectors())?;
        let mut b = vec![0.0; n * n];
        for i in 0..n {
            if x[i] != 0.0 {
                for j in 0..n {
                    b[i * n + j] = table.z_at(i, j) / x[i];
                }
            }
        }
        let mut m: Vec<f64> = b.iter().map(|v| -v).collect();
        for i in 0..n {
            m[i * n + i] += 1.0;
        }
        let lu = DenseLu::factor(n, &m, "I − B (Ghosh)")?;
        Ok(Self { n, b, lu })
    }

    /// Allocation coefficients `B`, row-major.
    #[must_use]
    pub fn allocation_coefficients(&self) -> &[f64] {
        &self.b
    }

    /// The Ghosh inverse `G = (I − B)⁻¹`, row-major (`O(n³)`).
    ///
    /// # Errors
    ///
    /// [`Error::Interrupted`] when the call was asked to stop ([`crate::interrupt`]; read
    /// between blocks of 256 columns from 1,000 sectors).
    pub fn ghosh_inverse(&self) -> Result<Vec<f64>> {
        self.lu.inverse()
    }

    /// Row sums of `G` (`G·1`, one solve): the total output enabled downstream per unit of
    /// primary input into each sector — the Ghosh forward linkage.
    #[must_use]
    pub fn forward_linkages(&self) -> Vec<f64> {
        let mut y = vec![1.0; self.n];
        self.lu.solve_in_place(&mut y);
        y
    }
}

spelled_enum! {
    /// Classification of a sector by its normalised linkages (Hirschman 1958).
    SectorClass, "sector class" {
        /// Backward and forward index above 1.
        Key => "key",
        /// Only the backward index above 1: a strong buyer.
        BackwardOriented => "backward_oriented",
        /// Only the forward index above 1: a strong supplier.
        ForwardOriented => "forward_oriented",
        /// Both at most 1.
        Weak => "weak",
    }
}

/// Rasmussen–Hirschman linkage indices, normalised so that their mean over sectors is 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Linkages {
    /// The sectors, in table order.
    pub sectors: Vec<Sector>,
    /// Backward index `n·(1ᵀL)_j / (1ᵀL1)` (Rasmussen 1956): column sums of `L`.
    pub backward: Vec<f64>,
    /// Forward index, Leontief variant `n·(L1)_i / (1ᵀL1)`: row sums of `L`.
    pub forward: Vec<f64>,
    /// Forward index, Ghosh variant `n·(G1)_i / (1ᵀG1)`: row sums of the Ghosh inverse
    /// (Miller & Blair 2009, §12.2; preferred for supply-side dependence).
    pub forward_ghosh: Vec<f64>,
    /// Key-sector classification from `backward` and `forward_ghosh`.
    pub class: Vec<SectorClass>,
}

fn normalise(v: &[f64]) -> Vec<f64> {
    let n = v.len() as f64;
    let total: f64 = v.iter().sum();
    v.iter().map(|x| n * x / total).collect()
}

impl Linkages {
    /// The linkage indices of a table: one Leontief LU, one Ghosh LU, solves only.
    ///
    /// # Errors
    ///
    /// The errors of [`LeontiefModel::new`] and [`GhoshModel::new`].
    pub fn new(table: &RegionalTable) -> Result<Self> {
        let model = table.leontief()?;
        let ghosh = GhoshModel::new(table)?;
        let backward = normalise(&model.output_multipliers());
        let mut ones = vec![1.0; table.n()];
        ones = model.solve(&ones)?;
        let forward = normalise(&ones);
        let forward_ghosh = normalise(&ghosh.forward_linkages());
        let class = backward
            .iter()
            .zip(&forward_ghosh)
            .map(|(&b, &f)| match (b > 1.0, f > 1.0) {
                (true, true) => SectorClass::Key,
                (true, false) => SectorClass::BackwardOriented,
                (false, true) => SectorClass::ForwardOriented,
                (false, false) => SectorClass::Weak,
            })
            .collect();
        Ok(Self {
            sectors: table.sectors().to_vec(),
            backward,
            forward,
            forward_ghosh,
            class,
        })
    }
}

spelled_enum! {
    /// What a hypothetical extraction removes.
    Extraction, "extraction" {
        /// The sector buys nothing from local suppliers (column `j` of `A` set to 0).
        Backward => "backward",
        /// No local sector buys from it (row `j` of `A` set to 0).
        Forward => "forward",
        /// The sector disappears: row and column of `A` and its final demand set to 0.
        Total => "total",
    }
}

/// Output lost if sector `j` were extracted (Dietzenbacher & van der Linden 1997; Miller &
/// Blair 2009, §12.2.5): `1ᵀx − 1ᵀx̄`, with `x = L·f` and `x̄ = (I − Ā)⁻¹ f̄` for the
/// extracted `Ā` (and `f̄`).
///
/// # Errors
///
/// [`Error::UnknownLabel`] for an unknown sector; the errors of the models.
pub fn hypothetical_extraction(
    table: &RegionalTable,
    sector: &str,
    kind: Extraction,
) -> Result<f64> {
    let j = table.sector_index(sector)?;
    let n = table.n();
    let model = table.leontief()?;
    let f = table.total_final_demand();
    let x = model.solve(&f)?;
    let mut a = model.coefficients().to_vec();
    let mut fbar = f.clone();
    if matches!(kind, Extraction::Backward | Extraction::Total) {
        for i in 0..n {
            a[i * n + j] = 0.0;
        }
    }
    if matches!(kind, Extraction::Forward | Extraction::Total) {
        for k in 0..n {
            a[j * n + k] = 0.0;
        }
    }
    if kind == Extraction::Total {
        fbar[j] = 0.0;
    }
    let extracted = LeontiefModel::from_coefficients(n, a)
        .map_err(|e| match e {
            Error::Singular { .. } => Error::Singular {
                what: format!("I − A without {sector}"),
                pivot: 0.0,
                position: j,
            },
            other => other,
        })?
        .solve(&fbar)?;
    Ok(x.iter().sum::<f64>() - extracted.iter().sum::<f64>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasets;

    #[test]
    fn miller_blair_linkages_average_one() {
        let l = Linkages::new(&datasets::miller_blair_2sector()).unwrap();
        assert!((l.backward.iter().sum::<f64>() - 2.0).abs() < 1e-12);
        assert!((l.forward_ghosh.iter().sum::<f64>() - 2.0).abs() < 1e-12);
    }

    #[test]
    fn the_ghosh_model_of_a_non_productive_table_is_refused() {
        // every sector sells all its output to itself, but for subnormal amounts: I − B has
        // pivots of 1e-309 that pass the relative pivot test, and its solves overflow to NaN
        let sectors = ["a", "b"].map(|c| Sector {
            code: c.into(),
            name: c.into(),
        });
        let z = vec![1.0, 1e-309, 1e-309, 1.0];
        let t = RegionalTable::new(crate::TableParts::new("r", sectors.to_vec(), z)).unwrap();
        let e = GhoshModel::new(&t).unwrap_err();
        assert_eq!(e.code(), "non_productive", "{e}");
    }

    #[test]
    fn extracting_everything_of_a_sector_loses_at_least_its_output() {
        let t = datasets::miller_blair_2sector();
        let loss = hypothetical_extraction(&t, "s1", Extraction::Total).unwrap();
        assert!(loss >= 1000.0 - 1e-9, "{loss}");
        let back = hypothetical_extraction(&t, "s1", Extraction::Backward).unwrap();
        assert!(back > 0.0 && back < loss);
        assert_eq!(
            hypothetical_extraction(&t, "zz", Extraction::Total)
                .unwrap_err()
                .code(),
            "unknown_label"
        );
    }
}
