//! Type II for an interregional system: the households of every region closing it, with the
//! wages paid in one region spent by the households of the region where the workers live.

use serde::{Deserialize, Serialize};

use super::InterregionalTable;
use crate::error::{Error, Result};
use crate::leontief::LeontiefModel;
use crate::sector::Sector;
use crate::table::{FinalDemandKind, PrimaryInputKind};

/// Where the wages paid in each region go: `commuting[s][r]` is the share of the
/// compensation paid by region `r`'s employers that households living in region `s` receive
/// (from the census travel-to-work matrix: the share of `r`'s jobs held by `s`'s residents).
/// Each column sums to at most 1; what is missing goes to households beyond the system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commuting {
    /// `R × R`, rows = region of residence, columns = region of work, in the system's order.
    pub shares: Vec<Vec<f64>>,
    /// Each region's total household income, which its households' consumption is divided by
    /// (as the Scottish Government divides Scotland's by £156,241m of household income).
    /// Absent: the compensation its residents receive from the system
    /// ([`InterregionalTable::received_compensation`]). Households also live on other income
    /// (surplus, benefits, pensions), so that default overstates the induced effects.
    #[serde(default)]
    pub income: Option<Vec<f64>>,
}

impl Commuting {
    /// Everyone lives where they work: the identity.
    #[must_use]
    pub fn none(regions: usize) -> Self {
        Self {
            shares: (0..regions)
                .map(|s| (0..regions).map(|r| f64::from(u8::from(s == r))).collect())
                .collect(),
            income: None,
        }
    }
}

/// Type I and Type II output multipliers of every (region, sector) column of a system closed
/// with the households of every region ([`InterregionalTable::type_ii`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TypeIi {
    /// Region of each column.
    pub region: Vec<String>,
    /// Sector code of each column.
    pub sector: Vec<String>,
    /// Region names, in the order of the per-region vectors.
    pub regions: Vec<String>,
    /// Type I output multiplier of the system, `Σᵢ Lᵢⱼ`.
    pub type_i: Vec<f64>,
    /// Type II output multiplier of the closed system, over the industries of every region.
    pub type_ii: Vec<f64>,
    /// The part of `type_ii` in the column's own region.
    pub type_ii_intra_regional: Vec<f64>,
    /// `type_ii − type_i`: output induced by households' spending of their wages.
    pub induced: Vec<f64>,
    /// The part of `induced` in the column's own region.
    pub induced_in_own_region: Vec<f64>,
    /// Per region: the share of the wages its employers pay that households of other regions
    /// of the system receive (`Σ_{s≠r} commuting[s][r]`).
    pub wages_to_other_regions: Vec<f64>,
    /// Per region: the share that households beyond the system receive
    /// (`1 − Σ_s commuting[s][r]`).
    pub wages_beyond_system: Vec<f64>,
    /// Household income of each region: the denominator of its consumption coefficients.
    pub household_income: Vec<f64>,
}

impl InterregionalTable {
    /// What each region's residents earn from the system: `Σ_j commuting[s][region(j)]·w_j·x_j`
    /// over the compensation rows. Cost `O(N·R)`.
    #[must_use]
    pub fn received_compensation(&self, commuting: &Commuting) -> Vec<f64> {
        let wages = self.compensation();
        (0..self.regions().len())
            .map(|s| {
                (0..self.n())
                    .map(|j| {
                        commuting
                            .shares
                            .get(s)
                            .and_then(|row| row.get(self.region_of(j)))
                            .copied()
                            .unwrap_or(0.0)
                            * wages[j]
                    })
                    .sum()
            })
            .collect()
    }

    fn compensation(&self) -> Vec<f64> {
        (0..self.n())
            .map(|j| {
                self.parts()
                    .primary_inputs
                    .iter()
                    .filter(|p| p.kind == PrimaryInputKind::Compensation)
                    .map(|p| p.values[j])
                    .sum()
            })
            .collect()
    }

    /// The system closed with the households of every region (Type II; Miller & Blair 2009,
    /// §3.4 and §6.1, with Miyazawa's (1966) interregional income groups). With `w_j` the
    /// compensation paid by column `j` per unit of its output (the primary inputs of kind
    /// `compensation`), `y_s` the final demand of region `s`'s households (columns of kind
    /// `households` bought by `s`) and `I_s = Σ_j commuting[s][region(j)]·wages_j` what `s`'s
    /// residents earn in the system, the closed matrix is
    ///
    /// `A* = [[A, C], [H, 0]]`, `H[s, j] = commuting[s][region(j)]·w_j`, `C[i, s] = y_s[i] / I_s`,
    ///
    /// and `type_ii_j = Σ_{i < N} (I − A*)⁻¹ᵢⱼ`. Cost: one LU of `N + R` and `R + 1`
    /// transposed solves.
    ///
    /// # Errors
    ///
    /// [`Error::Shape`] for a commuting matrix that is not `R × R`; [`Error::NonFinite`],
    /// [`Error::OutOfRange`] for a share outside `[0, 1]` or a column summing above 1;
    /// [`Error::MissingData`] when a region has no household final demand or no income from
    /// the system; [`Error::NonProductive`] when households would spend more than they earn
    /// in the system.
    pub fn type_ii(&self, commuting: &Commuting) -> Result<TypeIi> {
        let r_count = self.regions().len();
        let names: Vec<String> = self.regions().iter().map(|r| r.name.clone()).collect();
        check_commuting(commuting, &names)?;
        if let Some(income) = &commuting.income {
            if income.len() != r_count {
                return Err(Error::Shape {
                    what: "household income (one per region)".into(),
                    expected: r_count,
                    found: income.len(),
                });
            }
            for (v, name) in income.iter().zip(&names) {
                if !(v.is_finite() && *v > 0.0) {
                    return Err(Error::OutOfRange {
                        location: crate::error::Location::Field(format!(
                            "household income of {name:?}"
                        )),
                        value: *v,
                        expected: "a finite number > 0".into(),
                    });
                }
            }
        }
        let model = self.model()?;
        let n = self.n();
        let parts = self.parts();
        let wages = self.compensation();
        let income = match &commuting.income {
            Some(income) => income.clone(),
            None => self.received_compensation(commuting),
        };
        let m = n + r_count;
        let mut a = vec![0.0; m * m];
        let a_open = model.coefficients();
        for i in 0..n {
            a[i * m..i * m + n].copy_from_slice(&a_open[i * n..(i + 1) * n]);
        }
        let x = self.output();
        for j in 0..n {
            if x[j] > 0.0 {
                for s in 0..r_count {
                    a[(n + s) * m + j] = commuting.shares[s][self.region_of(j)] * wages[j] / x[j];
                }
            }
        }
        for (s, name) in names.iter().enumerate() {
            let columns: Vec<_> = parts
                .final_demand
                .iter()
                .filter(|c| {
                    c.kind == FinalDemandKind::Households && c.region.as_deref() == Some(name)
                })
                .collect();
            if columns.is_empty() || income[s] <= 0.0 {
                return Err(Error::MissingData {
                    what: format!(
                        "Type II of region {name:?}: {}",
                        if columns.is_empty() {
                            "no household final demand bought by it"
                        } else {
                            "its households earn nothing in the system"
                        }
                    ),
                });
            }
            for c in columns {
                for i in 0..n {
                    a[i * m + n + s] += c.values[i] / income[s];
                }
            }
        }
        let mut sectors = self.system_sectors();
        sectors.extend(names.iter().map(|r| Sector {
            code: format!("{r}/households"),
            name: format!("households of {r}"),
        }));
        let closed = LeontiefModel::productive(m, a, &sectors)?;
        // row sums over the industries of all regions, and of each region
        let mut indicators = vec![
            (0..m)
                .map(|i| f64::from(u8::from(i < n)))
                .collect::<Vec<f64>>(),
        ];
        for r in 0..r_count {
            let b = self.block(r);
            indicators.push(
                (0..m)
                    .map(|i| f64::from(u8::from(b.contains(&i))))
                    .collect(),
            );
        }
        let rows = closed.solve_transpose_rows(&indicators);
        let d = model.decomposition_without_round()?;
        let type_i = &d.total;
        let type_ii: Vec<f64> = rows[0][..n].to_vec();
        let intra: Vec<f64> = (0..n).map(|j| rows[1 + self.region_of(j)][j]).collect();
        let column_sum = |r: usize| -> f64 { (0..r_count).map(|s| commuting.shares[s][r]).sum() };
        Ok(TypeIi {
            region: d.region,
            sector: d.sector,
            induced: type_ii.iter().zip(type_i).map(|(b, a)| b - a).collect(),
            induced_in_own_region: intra
                .iter()
                .zip(&d.intra_regional)
                .map(|(b, a)| b - a)
                .collect(),
            wages_to_other_regions: (0..r_count)
                .map(|r| column_sum(r) - commuting.shares[r][r])
                .collect(),
            wages_beyond_system: (0..r_count).map(|r| 1.0 - column_sum(r)).collect(),
            regions: names,
            type_i: type_i.clone(),
            type_ii,
            type_ii_intra_regional: intra,
            household_income: income,
        })
    }
}

fn check_commuting(c: &Commuting, names: &[String]) -> Result<()> {
    let r = names.len();
    if c.shares.len() != r || c.shares.iter().any(|row| row.len() != r) {
        return Err(Error::Shape {
            what: format!("commuting shares ({r} × {r}: region of residence × region of work)"),
            expected: r * r,
            found: c.shares.iter().map(Vec::len).sum(),
        });
    }
    for (s, row) in c.shares.iter().enumerate() {
        for (w, &v) in row.iter().enumerate() {
            let location = crate::error::Location::Field(format!(
                "commuting[{:?}][{:?}] (residence, work)",
                names[s], names[w]
            ));
            if !v.is_finite() {
                return Err(Error::NonFinite { location, value: v });
            }
            if !(0.0..=1.0).contains(&v) {
                return Err(Error::OutOfRange {
                    location,
                    value: v,
                    expected: "a share between 0 and 1".into(),
                });
            }
        }
    }
    for (w, name) in names.iter().enumerate() {
        let sum: f64 = (0..r).map(|s| c.shares[s][w]).sum();
        if sum > 1.0 + 1e-12 {
            return Err(Error::OutOfRange {
                location: crate::error::Location::Field(format!(
                    "commuting shares of the wages paid in {name:?}"
                )),
                value: sum,
                expected: "a sum of at most 1 over the regions of residence".into(),
            });
        }
    }
    Ok(())
}
