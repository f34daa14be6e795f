//! How sure are these numbers? A seeded Monte Carlo over the assumptions a regional table
//! rests on, with quantile bands for every headline indicator and a sensitivity ranking.
//!
//! An assumption (FLQ's δ, a resident share of compensation, a locally owned share of
//! surplus, a tax retention share, a relative noise on the flows) is given a
//! [`Distribution`]; [`monte_carlo`] draws every assumption `draws` times from its own seeded
//! generator ([`Rng`]), builds the table each draw describes with a caller's function, and
//! summarises each indicator by its median and chosen quantiles ([`Summary`]) and by which
//! assumption moves it most ([`MonteCarlo::sensitivity`]).
//!
//! **The same draws everywhere.** The generator is xoshiro256** (Blackman & Vigna 2018)
//! seeded by SplitMix64, written here so that no dependency's update can change a draw;
//! draw `k` has its own stream (seeded from `seed` and `k`), so the draws do not depend on
//! the number of threads; uniform and triangular draws use only `+ − × ÷ √`, which IEEE 754
//! rounds the same on every platform. Rust, Python and JavaScript therefore get the same
//! draws and the same results to the last bit.
//!
//! **Quantiles** are numpy's default (Hyndman & Fan 1996, type 7): linear interpolation
//! between order statistics, `h = (n − 1)·q`.
//!
//! **Sensitivity**: Spearman's rank correlation of each indicator with each assumption over
//! the draws, and its square normalised over the assumptions as the approximate share of
//! the indicator's variance each explains (Saltelli et al. 2008, *Global Sensitivity
//! Analysis*, §1.2.5: for independent inputs and a monotone, near-additive model the squared
//! rank-regression coefficients are the first-order variance shares). It ranks the
//! assumptions; it is not a full variance decomposition (interactions are left out).

mod regionalised;
pub(crate) mod rng;
pub(crate) mod table;
#[cfg(test)]
mod tests;

pub use regionalised::{REGIONALISED_UNCERTAIN_ASSUMPTIONS, regionalised};
pub use rng::Rng;
pub use table::{HEADLINE_INDICATORS, TABLE_UNCERTAIN_ASSUMPTIONS};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result};

/// The most draws one call takes (each draw builds and reports a table).
pub const MAX_DRAWS: usize = 1_000_000;

/// The quantiles reported when none are asked for: the 5th and 95th percentiles and the
/// quartiles.
pub const DEFAULT_QUANTILES: [f64; 4] = [0.05, 0.25, 0.75, 0.95];

/// A distribution of an assumption's value. In JSON (and Python and JavaScript) it is a
/// number (fixed), `[low, high]` (uniform), `[low, mode, high]` (triangular), or the tagged
/// form it is written in: `{"kind": "uniform", "low": 0.2, "high": 0.3}`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    deny_unknown_fields,
    try_from = "DistributionForm"
)]
pub enum Distribution {
    /// Always `value`.
    Fixed {
        /// The value.
        value: f64,
    },
    /// Uniform on `[low, high]`.
    Uniform {
        /// Lower bound.
        low: f64,
        /// Upper bound.
        high: f64,
    },
    /// Triangular on `[low, high]` with its peak at `mode` (drawn by the inverse CDF).
    Triangular {
        /// Lower bound.
        low: f64,
        /// The most likely value.
        mode: f64,
        /// Upper bound.
        high: f64,
    },
}

/// The tagged form of [`Distribution`], for reading.
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum Tagged {
    Fixed { value: f64 },
    Uniform { low: f64, high: f64 },
    Triangular { low: f64, mode: f64, high: f64 },
}

/// What a [`Distribution`] is read from.
#[derive(Deserialize)]
#[serde(untagged)]
enum DistributionForm {
    Number(f64),
    Values(Vec<f64>),
    Tagged(Tagged),
    Other(serde_json::Value),
}

impl TryFrom<DistributionForm> for Distribution {
    type Error = String;

    fn try_from(form: DistributionForm) -> std::result::Result<Self, String> {
        Ok(match form {
            DistributionForm::Number(value) => Self::Fixed { value },
            DistributionForm::Values(v) => match v[..] {
                [value] => Self::Fixed { value },
                [low, high] => Self::Uniform { low, high },
                [low, mode, high] => Self::Triangular { low, mode, high },
                _ => return Err(format!("a distribution of {} values: {FORMS}", v.len())),
            },
            DistributionForm::Tagged(Tagged::Fixed { value }) => Self::Fixed { value },
            DistributionForm::Tagged(Tagged::Uniform { low, high }) => Self::Uniform { low, high },
            DistributionForm::Tagged(Tagged::Triangular { low, mode, high }) => {
                Self::Triangular { low, mode, high }
            }
            DistributionForm::Other(v) => return Err(format!("not a distribution: {v}; {FORMS}")),
        })
    }
}

const FORMS: &str = "a distribution is a number (fixed), [low, high] (uniform), [low, mode, high] (triangular) or {\"kind\": \"fixed\" | \"uniform\" | \"triangular\", ...}";

/// Reads the assumptions from a JSON object (in its order) or a list of `[name, distribution]`.
fn assumptions_in_order<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<(String, Distribution)>, D::Error> {
    struct Visit;
    impl<'de> serde::de::Visitor<'de> for Visit {
        type Value = Vec<(String, Distribution)>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object of assumption names and distributions")
        }
        fn visit_map<M: serde::de::MapAccess<'de>>(
            self,
            mut map: M,
        ) -> std::result::Result<Self::Value, M::Error> {
            let mut out = Vec::new();
            while let Some(entry) = map.next_entry::<String, Distribution>()? {
                out.push(entry);
            }
            Ok(out)
        }
        fn visit_seq<S: serde::de::SeqAccess<'de>>(
            self,
            mut seq: S,
        ) -> std::result::Result<Self::Value, S::Error> {
            let mut out = Vec::new();
            while let Some(entry) = seq.next_element::<(String, Distribution)>()? {
                out.push(entry);
            }
            Ok(out)
        }
    }
    d.deserialize_any(Visit)
}

impl Distribution {
    /// The smallest and largest values it can draw.
    #[must_use]
    pub fn bounds(&self) -> (f64, f64) {
        match *self {
            Self::Fixed { value } => (value, value),
            Self::Uniform { low, high } | Self::Triangular { low, high, .. } => (low, high),
        }
    }

    /// Its centre: the value, the midpoint, or the mode.
    #[must_use]
    pub fn centre(&self) -> f64 {
        match *self {
            Self::Fixed { value } => value,
            Self::Uniform { low, high } => 0.5 * (low + high),
            Self::Triangular { mode, .. } => mode,
        }
    }

    /// One value from a uniform number `u` in `[0, 1)`.
    #[must_use]
    pub fn at(&self, u: f64) -> f64 {
        match *self {
            Self::Fixed { value } => value,
            Self::Uniform { low, high } => low + (high - low) * u,
            Self::Triangular { low, mode, high } => {
                let width = high - low;
                if width <= 0.0 {
                    return low;
                }
                if u * width < mode - low {
                    low + (u * width * (mode - low)).sqrt()
                } else {
                    high - ((1.0 - u) * width * (high - mode)).sqrt()
                }
            }
        }
    }

    /// Checks the parameters against the assumption's domain `[min, max]` (`max_open`:
    /// the upper end excluded).
    ///
    /// # Errors
    ///
    /// [`Error::NonFinite`] for NaN/∞; [`Error::InvalidInput`] when `low > high` or the mode
    /// lies outside; [`Error::OutOfRange`] when a bound leaves the domain.
    pub fn check(&self, name: &str, min: f64, max: f64, max_open: bool) -> Result<()> {
        let at = |field: &str| Location::Field(format!("{name}.{field}"));
        let values: Vec<(&str, f64)> = match *self {
            Self::Fixed { value } => vec![("value", value)],
            Self::Uniform { low, high } => vec![("low", low), ("high", high)],
            Self::Triangular { low, mode, high } => {
                vec![("low", low), ("mode", mode), ("high", high)]
            }
        };
        for (field, v) in &values {
            crate::error::check_finite(*v, || at(field))?;
        }
        let (low, high) = self.bounds();
        if low > high {
            return Err(Error::InvalidInput {
                what: format!("the distribution of {name}"),
                message: format!("low {low} is above high {high}"),
            });
        }
        if let Self::Triangular { mode, .. } = *self
            && !(low..=high).contains(&mode)
        {
            return Err(Error::InvalidInput {
                what: format!("the distribution of {name}"),
                message: format!("mode {mode} lies outside [{low}, {high}]"),
            });
        }
        for (field, v) in values {
            if v < min || v > max || (max_open && v >= max) {
                return Err(Error::OutOfRange {
                    location: at(field),
                    value: v,
                    expected: format!("{min} ≤ {name} {} {max}", if max_open { "<" } else { "≤" }),
                });
            }
        }
        Ok(())
    }
}

/// What a Monte Carlo run draws and reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UncertaintySpec {
    /// The assumptions and their distributions, by name (the names the table's builder
    /// knows; those not given keep their published value), in the order they are drawn; in
    /// JSON an object (read in its order) or a list of `[name, distribution]`.
    #[serde(deserialize_with = "assumptions_in_order")]
    pub assumptions: Vec<(String, Distribution)>,
    /// How many draws (1 … [`MAX_DRAWS`]).
    pub draws: usize,
    /// The seed of the generator (default 0): a whole number from 0 to 2⁶⁴ − 1, else
    /// [`Error::OutOfRange`].
    #[serde(default, deserialize_with = "crate::spelling::seed")]
    pub seed: u64,
    /// The quantiles to report, each in `(0, 1)` (default [`DEFAULT_QUANTILES`]).
    #[serde(default = "default_quantiles")]
    pub quantiles: Vec<f64>,
    /// The number of the first draw (default 0): a run of draws `first_draw …
    /// first_draw + draws − 1`, so that a large run can be split into chunks (on several
    /// machines) whose [`MonteCarlo::combine`] equals the run in one piece to the last bit.
    #[serde(default)]
    pub first_draw: usize,
}

fn default_quantiles() -> Vec<f64> {
    DEFAULT_QUANTILES.to_vec()
}

impl UncertaintySpec {
    /// A spec with the default quantiles.
    #[must_use]
    pub fn new(assumptions: Vec<(String, Distribution)>, draws: usize, seed: u64) -> Self {
        Self {
            assumptions,
            draws,
            seed,
            quantiles: default_quantiles(),
            first_draw: 0,
        }
    }

    /// Checks the draw count (1 … `max_draws`) and the quantiles (each in `(0, 1)`).
    ///
    /// # Errors
    ///
    /// [`Error::OutOfRange`] for zero draws or a quantile outside `(0, 1)`;
    /// [`Error::TooLarge`] above `max_draws`; [`Error::InvalidLabel`] for an assumption
    /// named twice.
    pub fn check(&self, max_draws: usize) -> Result<()> {
        if self.draws == 0 {
            return Err(Error::OutOfRange {
                location: Location::Field("draws".into()),
                value: 0.0,
                expected: "at least 1 draw".into(),
            });
        }
        if self.draws > max_draws {
            return Err(Error::TooLarge {
                what: "Monte Carlo draws".into(),
                size: self.draws,
                unit: "draws".into(),
                limit: max_draws,
            });
        }
        for (k, q) in self.quantiles.iter().enumerate() {
            crate::error::check_finite(*q, || Location::Field(format!("quantiles[{k}]")))?;
            if *q <= 0.0 || *q >= 1.0 {
                return Err(Error::OutOfRange {
                    location: Location::Field(format!("quantiles[{k}]")),
                    value: *q,
                    expected: "0 < quantile < 1".into(),
                });
            }
        }
        for (k, (name, _)) in self.assumptions.iter().enumerate() {
            if self.assumptions[..k].iter().any(|(n, _)| n == name) {
                return Err(Error::InvalidLabel {
                    what: "assumptions".into(),
                    label: name.clone(),
                    reason: "duplicate".into(),
                });
            }
        }
        Ok(())
    }
}

/// One indicator over the draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The indicator.
    pub indicator: String,
    /// Its value with every assumption at its published value (the table as embedded).
    pub published: f64,
    /// The median of the draws.
    pub median: f64,
    /// The mean of the draws.
    pub mean: f64,
    /// The quantiles of the draws, in the order of [`MonteCarlo::quantiles`].
    pub quantiles: Vec<f64>,
    /// The smallest draw.
    pub min: f64,
    /// The largest draw.
    pub max: f64,
}

/// The result of [`monte_carlo`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonteCarlo {
    /// The drawn assumptions, in the spec's order.
    pub assumptions: Vec<String>,
    /// The indicators, in the builder's order.
    pub indicators: Vec<String>,
    /// The quantiles reported.
    pub quantiles: Vec<f64>,
    /// The seed.
    pub seed: u64,
    /// The number of the first draw.
    #[serde(default)]
    pub first_draw: usize,
    /// `inputs[k][a]`: assumption `a` in draw `k`.
    pub inputs: Vec<Vec<f64>>,
    /// `outputs[k][i]`: indicator `i` in draw `k`.
    pub outputs: Vec<Vec<f64>>,
    /// One summary per indicator.
    pub summary: Vec<Summary>,
    /// `rank_correlation[i][a]`: Spearman's rank correlation of indicator `i` with assumption `a`
    /// (0 for an assumption that does not vary, or an indicator that does not).
    pub rank_correlation: Vec<Vec<f64>>,
    /// `variance_share[i][a]`: the squared rank correlations of indicator `i`, normalised
    /// to sum to 1 over the assumptions (all 0 when the indicator does not vary).
    pub variance_share: Vec<Vec<f64>>,
    /// The assumptions of the result: what the distributions are, and the method.
    pub notes: Vec<String>,
}

impl MonteCarlo {
    /// Runs of consecutive draws of one spec (the same seed, assumptions, indicators and
    /// quantiles; each run starting where the one before ends) as one run: the draws
    /// concatenated and summarised again, equal to the run in one piece to the last bit.
    /// Cost: sorting each indicator's draws.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for no runs; [`Error::Inconsistent`] for runs of different
    /// specs or that do not follow each other.
    pub fn combine(runs: &[MonteCarlo]) -> Result<MonteCarlo> {
        let first = runs.first().ok_or_else(|| Error::InvalidInput {
            what: "Monte Carlo runs".into(),
            message: "none to combine".into(),
        })?;
        let mut inputs = Vec::new();
        let mut outputs = Vec::new();
        let mut next = first.first_draw;
        for (k, r) in runs.iter().enumerate() {
            let same = r.assumptions == first.assumptions
                && r.indicators == first.indicators
                && r.quantiles == first.quantiles
                && r.seed == first.seed
                && r.notes.first() == first.notes.first()
                && r.summary
                    .iter()
                    .map(|s| s.published.to_bits())
                    .eq(first.summary.iter().map(|s| s.published.to_bits()));
            if !same {
                return Err(Error::Inconsistent {
                    what: format!("Monte Carlo run {k}: another spec than run 0's"),
                });
            }
            if r.first_draw != next {
                return Err(Error::Inconsistent {
                    what: format!(
                        "Monte Carlo run {k} starts at draw {}, not at draw {next}",
                        r.first_draw
                    ),
                });
            }
            next += r.outputs.len();
            inputs.extend(r.inputs.iter().cloned());
            outputs.extend(r.outputs.iter().cloned());
        }
        let published: Vec<f64> = first.summary.iter().map(|s| s.published).collect();
        let names: Vec<&str> = first.indicators.iter().map(String::as_str).collect();
        let (summary, rank_correlation, variance_share) =
            summarise(&names, &published, &first.quantiles, &inputs, &outputs);
        let mut notes = first.notes.clone();
        if let Some(last) = notes.last_mut() {
            *last = method_note(outputs.len(), first.seed, first.first_draw);
        }
        Ok(MonteCarlo {
            assumptions: first.assumptions.clone(),
            indicators: first.indicators.clone(),
            quantiles: first.quantiles.clone(),
            seed: first.seed,
            first_draw: first.first_draw,
            inputs,
            outputs,
            summary,
            rank_correlation,
            variance_share,
            notes,
        })
    }

    /// For each indicator, the assumption with the largest variance share (`None` when
    /// nothing varies).
    #[must_use]
    pub fn sensitivity(&self) -> Vec<(String, Option<String>)> {
        self.indicators
            .iter()
            .zip(&self.variance_share)
            .map(|(name, shares)| {
                let best = shares
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| **s > 0.0)
                    .max_by(|a, b| a.1.total_cmp(b.1))
                    .map(|(a, _)| self.assumptions[a].clone());
                (name.clone(), best)
            })
            .collect()
    }
}

/// The uniform numbers of draw `k`: a generator of its own, seeded from `seed` and `k`.
#[must_use]
pub fn draw_rng(seed: u64, k: usize) -> Rng {
    Rng::new(
        seed ^ (k as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(17),
    )
}

/// Runs a Monte Carlo: for each draw `k`, the assumptions' values drawn in the spec's order
/// from [`draw_rng`]`(seed, k)`, then `build(values, rng)` (which may draw more from the same
/// generator, e.g. a noise on every flow) gives the indicators. `published` are the
/// indicators with every assumption at its published value. Draws run in parallel where
/// threads exist (their results do not depend on it). Cost: `draws` calls of `build`, then
/// sorting each indicator (`O(draws log draws)`).
///
/// # Errors
///
/// The errors of [`UncertaintySpec::check`] (with `max_draws`), and the first error of
/// `build` in draw order; [`Error::NonFinite`] for an indicator that is not finite.
pub fn monte_carlo(
    spec: &UncertaintySpec,
    indicators: &[&str],
    published: &[f64],
    max_draws: usize,
    build: impl Fn(&[f64], &mut Rng) -> Result<Vec<f64>> + Sync + Send,
) -> Result<MonteCarlo> {
    spec.check(max_draws)?;
    let ks: Vec<usize> = (spec.first_draw..spec.first_draw + spec.draws).collect();
    let pairs = crate::atlas::map(&ks, |&k| {
        let mut rng = draw_rng(spec.seed, k);
        let values: Vec<f64> = spec
            .assumptions
            .iter()
            .map(|(_, d)| d.at(rng.next_f64()))
            .collect();
        let out = build(&values, &mut rng)?;
        for (i, v) in out.iter().enumerate() {
            crate::error::check_finite(*v, || {
                Location::Field(format!("{} in draw {k}", indicators[i]))
            })?;
        }
        Ok((values, out))
    })?;
    let (inputs, outputs): (Vec<Vec<f64>>, Vec<Vec<f64>>) = pairs.into_iter().unzip();
    let (summary, rank_correlation, variance_share) =
        summarise(indicators, published, &spec.quantiles, &inputs, &outputs);
    let mut notes: Vec<String> = spec
        .assumptions
        .iter()
        .map(|(name, d)| format!("{name}: {}", describe(d)))
        .collect();
    notes.push(method_note(spec.draws, spec.seed, spec.first_draw));
    Ok(MonteCarlo {
        assumptions: spec.assumptions.iter().map(|(n, _)| n.clone()).collect(),
        indicators: indicators.iter().map(ToString::to_string).collect(),
        quantiles: spec.quantiles.clone(),
        seed: spec.seed,
        first_draw: spec.first_draw,
        inputs,
        outputs,
        summary,
        rank_correlation,
        variance_share,
        notes,
    })
}

fn method_note(draws: usize, seed: u64, first: usize) -> String {
    format!(
        "{draws} draws (from draw {first}), seed {seed}, xoshiro256** seeded by SplitMix64 (one stream per draw); quantiles by linear interpolation (numpy's default); sensitivity: squared Spearman rank correlations, normalised (first-order variance shares for independent inputs and a monotone, near-additive model; interactions left out)"
    )
}

type Summaries = (Vec<Summary>, Vec<Vec<f64>>, Vec<Vec<f64>>);

/// Each indicator's summary, rank correlations and variance shares over the draws.
fn summarise(
    indicators: &[&str],
    published: &[f64],
    quantiles: &[f64],
    inputs: &[Vec<f64>],
    outputs: &[Vec<f64>],
) -> Summaries {
    let column = |rows: &[Vec<f64>], i: usize| rows.iter().map(|r| r[i]).collect::<Vec<f64>>();
    let count = inputs.first().map_or(0, Vec::len);
    let input_ranks: Vec<Vec<f64>> = (0..count).map(|a| ranks(&column(inputs, a))).collect();
    let mut summary = Vec::new();
    let mut rank_correlation = Vec::new();
    let mut variance_share = Vec::new();
    for (i, name) in indicators.iter().enumerate() {
        let values = column(outputs, i);
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        summary.push(Summary {
            indicator: (*name).to_string(),
            published: published[i],
            median: quantile(&sorted, 0.5),
            mean: values.iter().sum::<f64>() / values.len() as f64,
            quantiles: quantiles.iter().map(|q| quantile(&sorted, *q)).collect(),
            min: sorted[0],
            max: sorted[sorted.len() - 1],
        });
        let r = ranks(&values);
        let rho: Vec<f64> = input_ranks.iter().map(|x| pearson(x, &r)).collect();
        let total: f64 = rho.iter().map(|c| c * c).sum();
        variance_share.push(
            rho.iter()
                .map(|c| if total > 0.0 { c * c / total } else { 0.0 })
                .collect(),
        );
        rank_correlation.push(rho);
    }
    (summary, rank_correlation, variance_share)
}

fn describe(d: &Distribution) -> String {
    match *d {
        Distribution::Fixed { value } => format!("fixed at {value}"),
        Distribution::Uniform { low, high } => format!("uniform on [{low}, {high}]"),
        Distribution::Triangular { low, mode, high } => {
            format!("triangular on [{low}, {high}], mode {mode}")
        }
    }
}

/// The `q` quantile of sorted values (type 7: `h = (n − 1)·q`, linear between neighbours).
#[must_use]
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// Ranks from 1, ties sharing their mean rank.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut out = vec![0.0; values.len()];
    let mut k = 0;
    while k < order.len() {
        let mut end = k + 1;
        while end < order.len() && values[order[end]] == values[order[k]] {
            end += 1;
        }
        let rank = 0.5 * ((k + 1) + end) as f64;
        for &i in &order[k..end] {
            out[i] = rank;
        }
        k = end;
    }
    out
}

/// Pearson's correlation (0 when either side does not vary).
fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx > 0.0 && syy > 0.0 {
        sxy / (sxx * syy).sqrt()
    } else {
        0.0
    }
}
