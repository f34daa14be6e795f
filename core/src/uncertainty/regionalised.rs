//! A Monte Carlo over the assumptions of a regionalisation ([`regionalised`]): δ and the
//! national flows, as well as the table's retention assumptions.

use super::table::{drawn_retention, headline, indicator_names, noisy, reuse_note, slots};
use super::{MonteCarlo, Rng, UncertaintySpec, monte_carlo};
use crate::error::Result;
use crate::regionalize::{RegionalizeOptions, regionalize};
use crate::report::RegionReport;
use crate::table::RegionalTable;

/// The assumptions of a regionalised table a Monte Carlo can draw: δ and those of any table
/// ([`super::TABLE_UNCERTAIN_ASSUMPTIONS`]; the flow noise applies to the national table,
/// before regionalising).
pub const REGIONALISED_UNCERTAIN_ASSUMPTIONS: [(&str, f64, f64, bool, &str); 5] = [
    (
        "delta",
        0.0,
        1.0,
        true,
        "FLQ's (or AFLQ's) δ, replacing the options' (0.2-0.3 fit Scotland)",
    ),
    super::TABLE_UNCERTAIN_ASSUMPTIONS[0],
    super::TABLE_UNCERTAIN_ASSUMPTIONS[1],
    super::TABLE_UNCERTAIN_ASSUMPTIONS[2],
    super::TABLE_UNCERTAIN_ASSUMPTIONS[3],
];

/// A Monte Carlo over a regionalisation ([`regionalize`] of `national` with the two
/// employment vectors and `options`): each draw regionalises with the drawn δ and, with
/// `flow_noise`, a noisy national table, then sets the drawn retention shares; its headline
/// figures are reported ([`super::HEADLINE_INDICATORS`]). When neither δ nor the noise is
/// drawn, the region is regionalised and factored once and each draw only swaps retention
/// shares. Cost per draw: a regionalisation (`O(n²)`) and the headline figures.
///
/// # Errors
///
/// [`crate::Error::UnknownOption`] for an unknown assumption; the errors of
/// [`super::Distribution::check`], [`UncertaintySpec::check`] (at most `max_draws`, at most
/// [`super::MAX_DRAWS`]) and of [`regionalize`].
pub fn regionalised(
    national: &RegionalTable,
    national_employment: &[f64],
    regional_employment: &[f64],
    options: &RegionalizeOptions,
    spec: &UncertaintySpec,
    max_draws: usize,
) -> Result<MonteCarlo> {
    let slot = slots(
        spec,
        &REGIONALISED_UNCERTAIN_ASSUMPTIONS,
        "regionalisation assumption",
    )?;
    let max_draws = max_draws.min(super::MAX_DRAWS);
    spec.check(max_draws)?;
    let base = regionalize(national, national_employment, regional_employment, options)?;
    let with_type_ii = RegionReport::headline(&base)?
        .output_multiplier_type_ii
        .is_some();
    let published = headline(&base, with_type_ii)?;
    let fixed_a = slot[0].is_none() && slot[4].is_none();
    if fixed_a {
        base.leontief()?;
    }
    let build = |values: &[f64], rng: &mut Rng| -> Result<Vec<f64>> {
        let get = |a: usize| slot[a].map(|k| values[k]);
        let table = if fixed_a {
            base.clone()
        } else {
            let source = match get(4) {
                Some(r) if r > 0.0 => noisy(national, r, rng)?,
                _ => national.clone(),
            };
            let mut o = options.clone();
            if let Some(d) = get(0) {
                o.delta = d;
            }
            regionalize(&source, national_employment, regional_employment, &o)?
        };
        headline(
            &drawn_retention(&table, get(1), get(2), get(3))?,
            with_type_ii,
        )
    };
    let names = indicator_names(with_type_ii);
    let mut m = monte_carlo(spec, &names, &published, max_draws, build)?;
    m.notes
        .insert(0, reuse_note(base.name(), fixed_a, "δ or the flows"));
    Ok(m)
}
