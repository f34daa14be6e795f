//! A Monte Carlo over the assumptions of any regional table ([`RegionalTable::uncertainty`]).

use super::{MonteCarlo, Rng, UncertaintySpec, monte_carlo};
use crate::error::{Error, Result};
use crate::report::RegionReport;
use crate::table::{FinalDemandKind, PrimaryInputKind, RegionalTable, Share};

/// The assumptions of any regional table a Monte Carlo can draw, with their domains:
/// (name, lowest, highest, highest excluded, what it is).
pub const TABLE_UNCERTAIN_ASSUMPTIONS: [(&str, f64, f64, bool, &str); 4] = [
    (
        "resident_share",
        0.0,
        1.0,
        false,
        "the share of compensation the region's residents earn (one share for every sector, replacing the table's)",
    ),
    (
        "local_surplus_share",
        0.0,
        1.0,
        false,
        "the locally owned share of operating surplus (one share for every sector, replacing the table's)",
    ),
    (
        "tax_retention",
        0.0,
        1.0,
        false,
        "the share of taxes on products and production spent in the region",
    ),
    (
        "flow_noise",
        0.0,
        1.0,
        true,
        "a relative noise on every flow: each z_ij times (1 + r·(2u − 1)), u uniform; exports beyond the country (or else the largest final-demand column) absorb each row's change and operating surplus (or else the largest value-added row) each column's, so the table stays balanced",
    ),
];

/// The headline indicators of a Monte Carlo ([`RegionReport::headline`]); Type II only for
/// a table with a household closure.
pub const HEADLINE_INDICATORS: [&str; 5] = [
    "output_multiplier_type_i",
    "output_multiplier_type_ii",
    "retention_share",
    "leakage_share",
    "fci",
];

/// The headline figures of a table in the order of [`HEADLINE_INDICATORS`] (Type II left out
/// when `with_type_ii` is false).
pub(crate) fn headline(table: &RegionalTable, with_type_ii: bool) -> Result<Vec<f64>> {
    let h = RegionReport::headline(table)?;
    let mut out = vec![h.output_multiplier_type_i];
    if with_type_ii {
        out.push(
            h.output_multiplier_type_ii
                .ok_or_else(|| Error::MissingData {
                    what: "the table's household closure (Type II) in a draw".into(),
                })?,
        );
    }
    out.extend([h.retention_share, h.leakage_share, h.fci]);
    Ok(out)
}

/// The indicator names for a table with or without Type II.
pub(crate) fn indicator_names(with_type_ii: bool) -> Vec<&'static str> {
    HEADLINE_INDICATORS
        .iter()
        .copied()
        .filter(|n| with_type_ii || *n != "output_multiplier_type_ii")
        .collect()
}

/// `table` with a relative noise `r` on every flow, kept balanced (see
/// [`TABLE_UNCERTAIN_ASSUMPTIONS`]): `n²` draws from `rng`, row by row.
///
/// # Errors
///
/// [`Error::MissingData`] without final demand or operating surplus to absorb the change;
/// the errors of [`RegionalTable::new`] (e.g. a final demand driven negative by a large
/// noise).
pub(crate) fn noisy(table: &RegionalTable, r: f64, rng: &mut Rng) -> Result<RegionalTable> {
    let n = table.n();
    let mut parts = table.parts().clone();
    let mut row_change = vec![0.0; n];
    let mut column_change = vec![0.0; n];
    for i in 0..n {
        for j in 0..n {
            let z = &mut parts.z[i * n + j];
            let dz = *z * r * (2.0 * rng.next_f64() - 1.0);
            *z += dz;
            row_change[i] += dz;
            column_change[j] += dz;
        }
    }
    let absorb = parts
        .final_demand
        .iter()
        .position(|c| c.kind == FinalDemandKind::ExportsRestOfWorld)
        .or_else(|| {
            (0..parts.final_demand.len()).max_by(|&a, &b| {
                let sum = |k: usize| parts.final_demand[k].values.iter().sum::<f64>();
                sum(a).total_cmp(&sum(b))
            })
        })
        .ok_or_else(|| Error::MissingData {
            what: "a final-demand column to absorb the flows' noise".into(),
        })?;
    for (e, d) in parts.final_demand[absorb]
        .values
        .iter_mut()
        .zip(&row_change)
    {
        *e -= d;
    }
    let rows = &parts.primary_inputs;
    let surplus = rows
        .iter()
        .position(|p| p.kind == PrimaryInputKind::OperatingSurplus)
        .or_else(|| {
            (0..rows.len())
                .filter(|&k| rows[k].kind.is_value_added())
                .max_by(|&a, &b| {
                    let sum = |k: usize| rows[k].values.iter().sum::<f64>();
                    sum(a).total_cmp(&sum(b))
                })
        })
        .ok_or_else(|| Error::MissingData {
            what: "operating surplus (or another value-added row) to absorb the flows' noise"
                .into(),
        })?;
    for (s, d) in parts.primary_inputs[surplus]
        .values
        .iter_mut()
        .zip(&column_change)
    {
        *s -= d;
    }
    RegionalTable::new(parts)
}

/// The first note of a run: the table's name and whether one factorisation served every
/// draw (`A` fixed) or, `drawn` changing `A`, each draw factored its own.
pub(crate) fn reuse_note(name: &str, fixed_a: bool, drawn: &str) -> String {
    if fixed_a {
        format!("{name}: A fixed: one factorisation for every draw")
    } else {
        format!("{name}: {drawn} drawn: A built and factored in every draw")
    }
}

/// `table` with the drawn retention shares (each one share for every sector; `None` keeps
/// the table's), its factored model kept ([`RegionalTable::with_retention`]).
pub(crate) fn drawn_retention(
    table: &RegionalTable,
    resident: Option<f64>,
    surplus: Option<f64>,
    tax: Option<f64>,
) -> Result<RegionalTable> {
    if resident.is_none() && surplus.is_none() && tax.is_none() {
        return Ok(table.clone());
    }
    let mut retention = table.retention().clone();
    if let Some(s) = resident {
        retention.compensation = Share::Uniform(s);
    }
    if let Some(s) = surplus {
        retention.operating_surplus = Share::Uniform(s);
    }
    if let Some(s) = tax {
        retention.taxes_on_products = Share::Uniform(s);
        retention.taxes_on_production = Share::Uniform(s);
    }
    table.with_retention(retention)
}

/// Checks `spec`'s assumptions against `known` (name, min, max, open), returning the index
/// in the spec of each known assumption (`None` when not drawn).
pub(crate) fn slots<const K: usize>(
    spec: &UncertaintySpec,
    known: &[(&str, f64, f64, bool, &str); K],
    what: &str,
) -> Result<[Option<usize>; K]> {
    let mut slot = [None; K];
    for (k, (name, d)) in spec.assumptions.iter().enumerate() {
        let a = known
            .iter()
            .position(|a| a.0 == name)
            .ok_or_else(|| Error::UnknownOption {
                what: what.into(),
                value: name.clone(),
                expected: known.iter().map(|a| a.0).collect::<Vec<_>>().join(", "),
            })?;
        let (_, min, max, open, _) = known[a];
        d.check(name, min, max, open)?;
        slot[a] = Some(k);
    }
    Ok(slot)
}

impl RegionalTable {
    /// A Monte Carlo over this table's assumptions (any of [`TABLE_UNCERTAIN_ASSUMPTIONS`],
    /// by name; those not in `spec` keep the table's values): for each draw the table with
    /// the drawn values, and its headline figures ([`HEADLINE_INDICATORS`], Type II only
    /// when the table has a household closure); see [`crate::uncertainty`] for the draws,
    /// quantiles and sensitivity. Without `flow_noise`, `A` does not change: the table is
    /// factored once and each draw only swaps retention shares
    /// ([`RegionalTable::with_retention`]). Cost per draw: the headline figures (three
    /// factorisations of `n` or `n + 1` entries), plus a new table with the noise.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownOption`] for an unknown assumption; the errors of
    /// [`super::Distribution::check`] and [`UncertaintySpec::check`] (with `max_draws`, at
    /// most [`super::MAX_DRAWS`]); the errors of a draw's table.
    pub fn uncertainty(&self, spec: &UncertaintySpec, max_draws: usize) -> Result<MonteCarlo> {
        let slot = slots(spec, &TABLE_UNCERTAIN_ASSUMPTIONS, "table assumption")?;
        let max_draws = max_draws.min(super::MAX_DRAWS);
        spec.check(max_draws)?;
        let with_type_ii = RegionReport::headline(self)?
            .output_multiplier_type_ii
            .is_some();
        let published = headline(self, with_type_ii)?;
        if slot[3].is_none() {
            self.leontief()?;
        }
        let build = |values: &[f64], rng: &mut Rng| -> Result<Vec<f64>> {
            let get = |a: usize| slot[a].map(|k| values[k]);
            let base = match get(3) {
                Some(r) if r > 0.0 => noisy(self, r, rng)?,
                _ => self.clone(),
            };
            headline(
                &drawn_retention(&base, get(0), get(1), get(2))?,
                with_type_ii,
            )
        };
        let names = indicator_names(with_type_ii);
        let mut m = monte_carlo(spec, &names, &published, max_draws, build)?;
        m.notes
            .insert(0, reuse_note(self.name(), slot[3].is_none(), "the flows"));
        Ok(m)
    }
}
