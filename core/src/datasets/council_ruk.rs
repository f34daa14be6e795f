//! Scotland's councils inside the UK, 2019: the council system
//! ([`Sources::scotland_council_system_2019`]) with the rest of the UK as one more region,
//! from the Scotland + rest-of-UK table ([`Sources::scotland_ruk_2019`]); all 32 councils, or
//! one council, the rest of Scotland and the rest of the UK (the three-region table).
//!
//! With `g` a region of councils, `R` the rest of the UK and `S` Scotland in the two-region
//! table:
//!
//! - `Z_gh` (councils to councils), households and primary inputs: the council system's,
//!   summed over the councils of each region and the industries of each sector;
//! - `Z_Rg`: what the councils of `g` buy from the rest of the UK by product and buyer
//!   (their tables' `RUKImp` by product: Scotland's import coefficients by product applied
//!   to each council's industries);
//! - `Z_gR` and the rest of the UK's final demand for `g`'s products: `g`'s sales to the rest
//!   of the UK (its tables' `EXPORTS_RUK` by product), spread over the rest of the UK's
//!   industries and final users as Scotland's are in the two-region table;
//! - `Z_RR`, the rest of the UK's final demand, exports and primary inputs: the two-region
//!   table's; Scotland's households' purchases from the rest of the UK go to the councils'
//!   households by their share of Scotland's residents in employment, Scotland's other final
//!   purchases from there stay Scotland's (by no council);
//! - each council entry's other final demand (government, investment, exports beyond the UK,
//!   visitors) is the residual `x − Z·1 −` the final purchases above.
//!
//! The councils' outputs sum to 99.6 % of Scotland's (the council tables regionalise BRES
//! jobs, which miss some of the table's output), so the rest of the UK's sales to and
//! purchases from the councils differ a little from its trade with Scotland in the
//! two-region table: its inventories (rows) and operating surplus (columns) absorb the
//! difference, reported in [`InterregionalBuild::row_balancing`] and
//! [`InterregionalBuild::column_balancing`] together with the two-region table's own.

use super::Sources;
use super::council_system::{COUNCIL_SYSTEM_ASSUMPTIONS, Layout, UNALLOCATED_REST_OF_NATION};
use super::two_region::{InterregionalBuild, REST_OF_UK, TwoRegionOptions};
use crate::error::{Error, Result};
use crate::interregional::{
    InterregionalFinalDemand, InterregionalParts, InterregionalTable, Region,
};
use crate::table::{FinalDemandKind, PrimaryInputKind, PrimaryInputRow};

/// The assumptions that join the councils to the rest of the UK, beyond those of the council
/// system ([`COUNCIL_SYSTEM_ASSUMPTIONS`], the first four) and of the two-region table
/// ([`super::SCOTLAND_RUK_ASSUMPTIONS`]).
pub const COUNCILS_RUK_ASSUMPTIONS: &[&str] = &[
    "ESTIMATE: what a council's industries buy from the rest of the UK by product is its council table's (Scotland's import coefficients by product applied to the council's industries).",
    "ESTIMATE: a council's sales to the rest of the UK (its table's EXPORTS_RUK by product) go to the rest of the UK's industries and final users as Scotland's do in the two-region table.",
    "ESTIMATE: Scotland's households' purchases from the rest of the UK are shared among the councils by their share of Scotland's residents in employment (2011 census); Scotland's government and investment purchases from there stay Scotland's, by no council.",
    "RESIDUAL: the councils' outputs sum to 99.6 % of Scotland's; the rest of the UK's inventories (rows) and operating surplus (columns) absorb the difference between its trade with the councils and its trade with Scotland in the two-region table.",
    "Purchases from the rest of the world, taxes, wages and surplus are payments beyond the system.",
];

/// The name of the region of all other councils in [`Sources::council_scotland_ruk_2019`].
pub const REST_OF_SCOTLAND: &str = "Rest of Scotland";

/// The prefix of the embedded three-region datasets' names: `"three-region-2019:"` and a
/// council's name, e.g. `"three-region-2019:Glasgow City"`.
pub const THREE_REGION_PREFIX: &str = "three-region-2019:";

impl Sources {
    /// All 32 council areas of Scotland and the rest of the UK as one system of 33 regions
    /// (the module's description; at the sections or at the 94 shared groups by
    /// `options.classification`): each council's leak split into what goes to other
    /// councils, to the rest of the UK and beyond the UK. Cost: the council system's build
    /// (32 regionalisations, `O(32 · 98² · 32)`), the two-region table's, and `N²` values for
    /// `N = 33 m` (`m` = 20 or 94: 9.6 million values, 77 MB, at the shared groups).
    ///
    /// # Errors
    ///
    /// The errors of [`Sources::scotland_ruk_2019`] (clipped cells beyond the tolerance) and
    /// of [`Sources::scotland_council_system_2019`].
    pub fn scotland_councils_ruk_2019(
        &self,
        options: TwoRegionOptions,
    ) -> Result<InterregionalBuild> {
        let councils = self.council_commuting()?;
        let names = councils.iter().map(|c| c.council.clone()).collect();
        self.councils_with_ruk(
            "Scotland's 32 council areas and the rest of the UK 2019",
            names,
            (0..councils.len()).collect(),
            options,
        )
    }

    /// One council area, the rest of Scotland (the other 31 councils) and the rest of the UK:
    /// the three-region table (the module's description, with every council but `council` in
    /// one region). Cost: as [`Sources::scotland_councils_ruk_2019`] without the large
    /// system: `N = 3 m` entries.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLabel`] when `council` is not one of the 32 (the message lists them);
    /// the errors of [`Sources::scotland_councils_ruk_2019`].
    pub fn council_scotland_ruk_2019(
        &self,
        council: &str,
        options: TwoRegionOptions,
    ) -> Result<InterregionalBuild> {
        let councils = self.council_commuting()?;
        let k = councils
            .iter()
            .position(|c| c.council == council)
            .ok_or_else(|| Error::UnknownLabel {
                what: format!(
                    "council area (one of {})",
                    councils
                        .iter()
                        .map(|c| c.council.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                label: council.into(),
            })?;
        self.councils_with_ruk(
            &format!("{council}, the rest of Scotland and the rest of the UK 2019"),
            vec![council.to_string(), REST_OF_SCOTLAND.into()],
            (0..councils.len()).map(|c| usize::from(c != k)).collect(),
            options,
        )
    }

    fn councils_with_ruk(
        &self,
        name: &str,
        names: Vec<String>,
        region_of: Vec<usize>,
        options: TwoRegionOptions,
    ) -> Result<InterregionalBuild> {
        let two = self.scotland_ruk_2019(options)?;
        let scotland = self.scotland_2019()?;
        let (_, _, sector_of) = self.two_region_sources(options.classification, &scotland)?;
        let sectors = two.table.regions()[0].sectors.clone();
        let layout = Layout {
            names,
            region_of,
            sector_of,
            sectors,
        };
        let b = self.council_blocks(&scotland, &layout)?;
        let m = layout.sectors.len();
        let g = layout.names.len();
        let n = (g + 1) * m;
        let (t2, z2) = (&two.table, two.table.z());
        let at2 = |i: usize, j: usize| z2[i * 2 * m + j];
        let column2 = |label: &str| {
            t2.parts()
                .final_demand
                .iter()
                .find(|f| f.label == label)
                .map(|f| f.values.as_slice())
                .ok_or_else(|| Error::MissingData {
                    what: format!("final-demand column {label:?} of the two-region table"),
                })
        };
        const GROUPS: [&str; 3] = ["households", "government and NPISH", "investment"];
        let ruk_final: Vec<&[f64]> = GROUPS
            .iter()
            .map(|gr| column2(&format!("{REST_OF_UK}/{gr}")))
            .collect::<Result<_>>()?;
        // Scotland's sales to the rest of the UK by product in the two-region table
        let e_s: Vec<f64> = (0..m)
            .map(|i| {
                (0..m).map(|j| at2(i, m + j)).sum::<f64>()
                    + ruk_final.iter().map(|f| f[i]).sum::<f64>()
            })
            .collect();
        let share = |r: usize, i: usize| {
            if e_s[i] > 0.0 {
                b.exports_ruk[r][i] / e_s[i]
            } else {
                0.0
            }
        };
        let ruk = g * m;
        let mut z = vec![0.0; n * n];
        for i in 0..g * m {
            z[i * n..i * n + g * m].copy_from_slice(&b.z[i * g * m..(i + 1) * g * m]);
        }
        for r in 0..g {
            for i in 0..m {
                for j in 0..m {
                    z[(ruk + i) * n + r * m + j] = b.ruk_use[r][i * m + j];
                    z[(r * m + i) * n + ruk + j] = at2(i, m + j) * share(r, i);
                }
            }
        }
        for i in 0..m {
            for j in 0..m {
                z[(ruk + i) * n + ruk + j] = at2(m + i, m + j);
            }
        }
        let mut output = b.output;
        output.extend_from_slice(&t2.output()[m..]);

        // final demand
        let scottish_households = column2("Scotland/households")?;
        let mut final_demand = Vec::new();
        for (r, (region, mut values)) in layout.names.iter().zip(b.households).enumerate() {
            values.extend((0..m).map(|i| scottish_households[m + i] * b.resident_share[r]));
            final_demand.push(InterregionalFinalDemand {
                label: format!("{region}/households"),
                region: Some(region.clone()),
                kind: FinalDemandKind::Households,
                values,
            });
        }
        let kinds = [
            FinalDemandKind::Households,
            FinalDemandKind::OtherGovernment,
            FinalDemandKind::Investment,
        ];
        for ((gr, f), kind) in GROUPS.iter().zip(&ruk_final).zip(kinds) {
            let mut values: Vec<f64> = (0..g)
                .flat_map(|r| (0..m).map(move |i| (r, i)))
                .map(|(r, i)| f[i] * share(r, i))
                .collect();
            values.extend_from_slice(&f[m..]);
            final_demand.push(InterregionalFinalDemand {
                label: format!("{REST_OF_UK}/{gr}"),
                region: Some(REST_OF_UK.into()),
                kind,
                values,
            });
        }
        for (label, kind) in [
            (
                "Scotland/government and NPISH",
                FinalDemandKind::OtherGovernment,
            ),
            ("Scotland/investment", FinalDemandKind::Investment),
            (
                "exports to the rest of the world",
                FinalDemandKind::ExportsRestOfWorld,
            ),
        ] {
            let f = column2(label)?;
            let mut values = vec![0.0; g * m];
            values.extend_from_slice(&f[m..]);
            final_demand.push(InterregionalFinalDemand {
                label: label.into(),
                region: None,
                kind,
                values,
            });
        }
        // the councils' other final demand: the residual; the rest of the UK's rows: its
        // inventories close them
        let sold = |i: usize, fd: &[InterregionalFinalDemand]| {
            z[i * n..(i + 1) * n].iter().sum::<f64>() + fd.iter().map(|f| f.values[i]).sum::<f64>()
        };
        let mut other = vec![0.0; n];
        for (i, o) in other.iter_mut().enumerate().take(g * m) {
            *o = output[i] - sold(i, &final_demand);
        }
        let investment = g + 2;
        let mut row_balancing = two.row_balancing;
        for i in ruk..n {
            let gap = output[i] - sold(i, &final_demand);
            row_balancing += gap.abs();
            final_demand[investment].values[i] += gap;
        }
        final_demand.push(InterregionalFinalDemand {
            label: "other final demand of the councils' products (all buyers)".into(),
            region: None,
            kind: FinalDemandKind::Other,
            values: other,
        });

        // primary inputs: the two-region table's labels; the councils' rows by their Scottish
        // labels
        let mut primary = Vec::new();
        let mut used = vec![false; b.primary.len()];
        for (row2, (_, _, srow, _)) in t2
            .parts()
            .primary_inputs
            .iter()
            .zip(super::two_region::PRIMARY)
        {
            let k = b
                .primary
                .iter()
                .position(|p| p.label == srow)
                .ok_or_else(|| Error::MissingData {
                    what: format!("the councils' primary input {srow:?}"),
                })?;
            used[k] = true;
            let mut values = b.primary[k].values.clone();
            values.extend_from_slice(&row2.values[m..]);
            primary.push(PrimaryInputRow {
                label: row2.label.clone(),
                kind: row2.kind,
                values,
            });
        }
        for (row, used) in b.primary.iter().zip(used) {
            // purchases from the rest of the UK are the block Z_Rg now
            if !used && row.label != "RUKImp" {
                let mut values = row.values.clone();
                values.resize(n, 0.0);
                primary.push(PrimaryInputRow {
                    label: row.label.clone(),
                    kind: row.kind,
                    values,
                });
            }
        }
        if b.unallocated.iter().any(|v| *v != 0.0) {
            let mut values = b.unallocated;
            values.resize(n, 0.0);
            primary.push(PrimaryInputRow {
                label: UNALLOCATED_REST_OF_NATION.into(),
                kind: PrimaryInputKind::ImportsRestOfCountry,
                values,
            });
        }
        let surplus = primary
            .iter()
            .position(|p| p.kind == PrimaryInputKind::OperatingSurplus)
            .ok_or_else(|| Error::MissingData {
                what: "the rest of the UK's operating surplus".into(),
            })?;
        let mut column_balancing = two.column_balancing;
        for j in ruk..n {
            let bought: f64 = (0..n).map(|i| z[i * n + j]).sum::<f64>()
                + primary.iter().map(|p| p.values[j]).sum::<f64>();
            column_balancing += (output[j] - bought).abs();
            primary[surplus].values[j] += output[j] - bought;
        }

        let mut regions: Vec<Region> = layout
            .names
            .iter()
            .map(|name| Region {
                name: name.clone(),
                sectors: layout.sectors.clone(),
            })
            .collect();
        regions.push(Region {
            name: REST_OF_UK.into(),
            sectors: layout.sectors.clone(),
        });
        let assumptions: Vec<String> = two
            .assumptions
            .iter()
            .map(String::as_str)
            .chain(COUNCIL_SYSTEM_ASSUMPTIONS[..4].iter().copied())
            .chain(COUNCILS_RUK_ASSUMPTIONS.iter().copied())
            .map(ToString::to_string)
            .collect();
        let mut parts = InterregionalParts::new(
            format!("{name} ({})", options.classification.describe()),
            regions,
            z,
            output,
        );
        parts.unit = scotland.unit().to_string();
        parts.source = Some(format!(
            "{} Council tables: {}. Built from the council system and the Scotland + rest-of-UK table; assumptions: {}",
            super::SCOTLAND_RUK_ATTRIBUTION,
            super::COUNCIL_ASSUMPTIONS,
            assumptions.join(" ")
        ));
        parts.final_demand = final_demand;
        parts.primary_inputs = primary;
        Ok(InterregionalBuild {
            table: InterregionalTable::new(parts)?,
            clipped: two.clipped,
            clipped_total: two.clipped_total,
            row_balancing,
            column_balancing,
            assumptions,
        })
    }
}
