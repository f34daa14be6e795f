//! How sure are a council's numbers: a Monte Carlo over the assumptions its table rests on
//! ([`Sources::council_uncertainty`]).

use super::{CouncilCommuting, OUTSIDE_OWNED_PROFIT_SHARE, options};
use crate::datasets::Sources;
use crate::error::Result;
use crate::table::{RegionalTable, Share};
use crate::uncertainty::{MAX_DRAWS, MonteCarlo, Rng, UncertaintySpec, monte_carlo};

/// The assumptions of a council table that a Monte Carlo can draw, with their domains:
/// (name, lowest, highest, highest excluded, what it is).
pub const COUNCIL_UNCERTAIN_ASSUMPTIONS: [(&str, f64, f64, bool, &str); 5] = [
    (
        "delta",
        0.0,
        1.0,
        true,
        "FLQ's δ (published 0.3; 0.2–0.3 fit Scotland)",
    ),
    (
        "resident_share",
        0.0,
        1.0,
        false,
        "the share of the council's compensation its residents earn (published: the 2011 census share of its fixed-workplace jobs held by residents)",
    ),
    (
        "outside_owned_profit_share",
        0.0,
        1.0,
        false,
        "the share of private trading profits owned outside Scotland (published 0.551, from ONS income components)",
    ),
    (
        "tax_retention",
        0.0,
        1.0,
        false,
        "the share of taxes on products and production spent in the council area (published 0)",
    ),
    (
        "flow_noise",
        0.0,
        1.0,
        true,
        "a relative noise on every flow of the Scottish table before regionalising: each z_ij times (1 + r·(2u − 1)), u uniform; exports beyond the UK absorb each row's change and operating surplus each column's, so the table stays balanced (published 0)",
    ),
];

/// The headline indicators of a council's Monte Carlo, from its report.
pub const COUNCIL_UNCERTAIN_INDICATORS: [&str; 5] = [
    "output_multiplier_type_i",
    "output_multiplier_type_ii",
    "retention_share",
    "leakage_share",
    "fci",
];

fn indicators(table: &RegionalTable) -> Result<Vec<f64>> {
    crate::uncertainty::table::headline(table, true)
}

/// The ranges of [`Sources::council_default_uncertainty`], each an ASSUMPTION of ours.
pub const COUNCIL_DEFAULT_RANGES: [&str; 4] = [
    "delta: uniform on [0.2, 0.3], the values that fit Scotland's published regional tables (Flegg & Tohmo 2013); the published table uses 0.3",
    "resident_share: uniform on the census share ± 0.05 (within [0, 1]): the 2011 census is eight years older than the table",
    "outside_owned_profit_share: uniform on [0.4, 0.7] around the published 0.551 (ONS income components, one year)",
    "tax_retention: uniform on [0, 0.2]: the published table lets every tax leave; some comes back as council spending",
];

impl Sources {
    /// The default Monte Carlo of a council: the ranges of [`COUNCIL_DEFAULT_RANGES`],
    /// `draws` draws from `seed`.
    ///
    /// # Errors
    ///
    /// [`crate::Error::UnknownOption`] for an unknown council.
    pub fn council_default_uncertainty(
        &self,
        council: &str,
        draws: usize,
        seed: u64,
    ) -> Result<UncertaintySpec> {
        use crate::uncertainty::Distribution::Uniform;
        let c = self.council(council)?;
        let share = c.resident_share();
        Ok(UncertaintySpec::new(
            vec![
                (
                    "delta".into(),
                    Uniform {
                        low: 0.2,
                        high: 0.3,
                    },
                ),
                (
                    "resident_share".into(),
                    Uniform {
                        low: (share - 0.05).max(0.0),
                        high: (share + 0.05).min(1.0),
                    },
                ),
                (
                    "outside_owned_profit_share".into(),
                    Uniform {
                        low: 0.4,
                        high: 0.7,
                    },
                ),
                (
                    "tax_retention".into(),
                    Uniform {
                        low: 0.0,
                        high: 0.2,
                    },
                ),
            ],
            draws,
            seed,
        ))
    }

    /// A Monte Carlo over a council table's assumptions (any of
    /// [`COUNCIL_UNCERTAIN_ASSUMPTIONS`], by name; those not in `spec` keep their published
    /// value): for each draw the council table is built as [`Sources::council_2019`] builds
    /// it with the drawn values, and its headline indicators
    /// ([`COUNCIL_UNCERTAIN_INDICATORS`]) are reported; see [`crate::uncertainty`] for the
    /// draws, quantiles and sensitivity.
    ///
    /// **Reuse.** Only δ and the flow noise change `A`. When neither is drawn, the table is
    /// regionalised and factored once, and each draw only changes its retention shares
    /// ([`RegionalTable::with_retention`], which keeps the factored model): no draw factors
    /// `I − A` again. Cost per draw: the headline figures of 98 industries
    /// ([`crate::report::RegionReport::headline`], about 0.4 ms), plus a regionalisation
    /// (about 0.3 ms) when δ or the noise varies; draws run on every thread.
    ///
    /// # Errors
    ///
    /// [`crate::Error::UnknownOption`] for an unknown council (naming the closest) or an unknown
    /// assumption; the errors of [`crate::uncertainty::Distribution::check`] (a
    /// range with low > high, values outside the assumption's domain) and of
    /// [`UncertaintySpec::check`] (zero draws, more than `max_draws` or
    /// [`MAX_DRAWS`], quantiles outside `(0, 1)`); the errors of building a draw's table.
    pub fn council_uncertainty(
        &self,
        council: &str,
        spec: &UncertaintySpec,
        max_draws: usize,
    ) -> Result<MonteCarlo> {
        let c: CouncilCommuting = self.council(council)?;
        let slot = crate::uncertainty::table::slots(
            spec,
            &COUNCIL_UNCERTAIN_ASSUMPTIONS,
            "council assumption",
        )?;
        spec.check(max_draws.min(MAX_DRAWS))?;
        let scotland = self.scotland_2019()?;
        let (national, regional) = self.council_employment(&scotland, &c.council)?;
        let published_surplus = self.local_surplus_shares(&scotland, OUTSIDE_OWNED_PROFIT_SHARE)?;
        let base = crate::regionalize::regionalize(
            &scotland,
            &national,
            &regional,
            &options(&c, published_surplus.clone()),
        )?;
        let published = indicators(&base)?;
        // A changes only with δ and the noise: otherwise one factorisation serves every draw
        let fixed_a = slot[0].is_none() && slot[4].is_none();
        if fixed_a {
            base.leontief()?;
        }
        let build = |values: &[f64], rng: &mut Rng| -> Result<Vec<f64>> {
            let get = |a: usize| slot[a].map(|k| values[k]);
            let surplus = match get(2) {
                Some(v) => self.local_surplus_shares(&scotland, v)?,
                None => published_surplus.clone(),
            };
            let table = if fixed_a {
                let mut retention = base.retention().clone();
                if let Some(s) = get(1) {
                    retention.compensation = Share::Uniform(s);
                }
                retention.operating_surplus = Share::PerSector(surplus);
                base.with_retention(retention)?
            } else {
                let national_table = match get(4) {
                    Some(r) if r > 0.0 => crate::uncertainty::table::noisy(&scotland, r, rng)?,
                    _ => scotland.clone(),
                };
                let mut o = options(&c, surplus);
                if let Some(d) = get(0) {
                    o.delta = d;
                }
                if let Some(s) = get(1) {
                    o.resident_compensation_share = Some(Share::Uniform(s));
                }
                crate::regionalize::regionalize(&national_table, &national, &regional, &o)?
            };
            let table = match get(3) {
                Some(v) => {
                    let mut retention = table.retention().clone();
                    retention.taxes_on_products = Share::Uniform(v);
                    retention.taxes_on_production = Share::Uniform(v);
                    table.with_retention(retention)?
                }
                None => table,
            };
            indicators(&table)
        };
        let mut result = monte_carlo(
            spec,
            &COUNCIL_UNCERTAIN_INDICATORS,
            &published,
            max_draws.min(MAX_DRAWS),
            build,
        )?;
        result.notes.insert(
            0,
            format!(
                "{}: the council table of Sources::council_2019 rebuilt for every draw ({})",
                c.council,
                if fixed_a {
                    "A fixed: one factorisation for every draw"
                } else {
                    "δ or the flows drawn: A regionalised and factored in every draw"
                }
            ),
        );
        Ok(result)
    }
}
