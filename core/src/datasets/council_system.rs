//! Scotland's 32 council areas as one interregional system, 2019: each council's own
//! trade from its council table ([`Sources::council_2019`]), the trade between councils from
//! what each council buys from the rest of Scotland.

use super::Sources;
use super::councils::OUTSIDE_OWNED_PROFIT_SHARE;
use crate::error::{Error, Result};
use crate::interregional::{
    InterregionalFinalDemand, InterregionalParts, InterregionalTable, Region,
};
use crate::table::{FinalDemandKind, PrimaryInputKind, PrimaryInputRow};

/// The assumptions the 32-council system rests on, beyond those of each council table
/// ([`super::COUNCIL_ASSUMPTIONS`]).
pub const COUNCIL_SYSTEM_ASSUMPTIONS: &[&str] = &[
    "ESTIMATE: each council's own trade is its council table's (FLQ, δ = 0.3, from Scotland 2019 and BRES 2019 jobs).",
    "ESTIMATE: what a council's industry buys of a product from the rest of Scotland (the Scottish coefficient minus the council's) comes from the other councils in proportion to their output of that product (a pool: no distance decay).",
    "RESIDUAL: each entry's final demand is its output minus its sales to industries in the system: households, government, investment and exports together, by no region in particular.",
    "Purchases from the rest of the UK and the rest of the world, taxes, wages and surplus are each council table's primary inputs: payments beyond the system.",
];

/// The label of the primary input that holds purchases from the rest of Scotland of products
/// that no other council makes (zero in the embedded data; kept for other inputs).
pub const UNALLOCATED_REST_OF_NATION: &str = "rest of Scotland (no producer among the councils)";

impl Sources {
    /// Scotland's 32 council areas 2019 as one interregional system of `32 × 98 = 3,136`
    /// entries (the assumptions in [`COUNCIL_SYSTEM_ASSUMPTIONS`]). With `x_c` a council's
    /// output and `M_c[i, j]` what its industry `j` buys of product `i` from the rest of
    /// Scotland (its table's `IMPORTS_REST_OF_NATION` by product, exact by the
    /// regionalisation), the block of council `s` selling to council `c ≠ s` is
    /// `Z_sc[i, j] = M_c[i, j] · x_s[i] / Σ_{k ≠ c} x_k[i]`. Final demand is `x − Z·1` per
    /// entry, and the council tables' other primary inputs are kept, so that both identities
    /// hold. Cost: 32 regionalisations of 98 industries (in parallel), then `N²` values
    /// (9.8 million, 79 MB); analyses of the system factor it once (`2N³/3` flops, about a
    /// second on one core).
    ///
    /// # Errors
    ///
    /// The errors of reading the sources and of [`Sources::council_2019`];
    /// [`Error::Unbalanced`] if a council's sales to the system exceed its output beyond the
    /// tolerance.
    pub fn scotland_council_system_2019(&self) -> Result<InterregionalTable> {
        let scotland = self.scotland_2019()?;
        let councils = self.council_commuting()?;
        let surplus = self.local_surplus_shares(&scotland, OUTSIDE_OWNED_PROFIT_SHARE)?;
        let tables = crate::atlas::map(&councils, |c| {
            self.council_table(&scotland, surplus.clone(), c)
        })?;
        let n = scotland.n();
        let r = tables.len();
        let big = n * r;
        // output of each product over all councils
        let mut all = vec![0.0; n];
        for t in &tables {
            for (a, x) in all.iter_mut().zip(t.output()) {
                *a += x;
            }
        }
        let mut z = vec![0.0; big * big];
        let mut unallocated = vec![0.0; big];
        for (c, t) in tables.iter().enumerate() {
            let local = t.z();
            let rest = t
                .import_use()
                .and_then(|u| u.blocks.first())
                .filter(|b| {
                    t.primary_inputs()
                        .first()
                        .is_some_and(|p| p.label == b.origin)
                })
                .ok_or_else(|| Error::MissingData {
                    what: format!(
                        "purchases from the rest of Scotland by product of {}",
                        t.name()
                    ),
                })?;
            let x_c = t.output();
            for i in 0..n {
                let others = all[i] - x_c[i];
                for j in 0..n {
                    let col = c * n + j;
                    z[(c * n + i) * big + col] = local[i * n + j];
                    let m = rest.values[i * n + j];
                    if m == 0.0 {
                        continue;
                    }
                    if others <= 0.0 {
                        unallocated[col] += m;
                        continue;
                    }
                    for (s, u) in tables.iter().enumerate() {
                        if s != c {
                            z[(s * n + i) * big + col] += m * u.output()[i] / others;
                        }
                    }
                }
            }
        }
        let output: Vec<f64> = tables
            .iter()
            .flat_map(|t| t.output().iter().copied())
            .collect();
        let final_demand: Vec<f64> = (0..big)
            .map(|i| output[i] - z[i * big..(i + 1) * big].iter().sum::<f64>())
            .collect();
        // the council tables' primary inputs other than the rest of Scotland, by label
        let mut primary: Vec<PrimaryInputRow> = Vec::new();
        for (c, t) in tables.iter().enumerate() {
            for row in t.primary_inputs().iter().skip(1) {
                let k = match primary.iter().position(|p| p.label == row.label) {
                    Some(k) => k,
                    None => {
                        primary.push(PrimaryInputRow {
                            label: row.label.clone(),
                            kind: row.kind,
                            values: vec![0.0; big],
                        });
                        primary.len() - 1
                    }
                };
                primary[k].values[c * n..(c + 1) * n].copy_from_slice(&row.values);
            }
        }
        if unallocated.iter().any(|v| *v != 0.0) {
            primary.push(PrimaryInputRow {
                label: UNALLOCATED_REST_OF_NATION.into(),
                kind: PrimaryInputKind::ImportsRestOfCountry,
                values: unallocated,
            });
        }
        let regions = councils
            .iter()
            .map(|c| Region {
                name: c.council.clone(),
                sectors: scotland.sectors().to_vec(),
            })
            .collect();
        let mut parts =
            InterregionalParts::new("Scotland's 32 council areas 2019", regions, z, output);
        parts.unit = scotland.unit().to_string();
        parts.source = Some(format!(
            "{} Council tables: {}. System: {}",
            super::SCOTLAND_2019_ATTRIBUTION,
            super::COUNCIL_ASSUMPTIONS,
            COUNCIL_SYSTEM_ASSUMPTIONS.join(" ")
        ));
        parts.final_demand = vec![InterregionalFinalDemand {
            label: "final demand (all buyers)".into(),
            region: None,
            kind: FinalDemandKind::Other,
            values: final_demand,
        }];
        parts.primary_inputs = primary;
        InterregionalTable::new(parts)
    }
}
