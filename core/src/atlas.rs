//! An atlas: the headline indicators of many regions side by side (multipliers, leakage by
//! channel, retention, FCI, jobs), one row per region, computed in parallel.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::report::{ChannelShare, RegionReport};
use crate::table::{RegionalTable, Share};

/// One region of an atlas: the headline of its [`RegionReport`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AtlasRow {
    /// The name it was built under (e.g. `scotland-council-2019:glasgow-city`).
    pub dataset: String,
    /// Region name.
    pub region: String,
    /// Total output `Σ x`.
    pub output: f64,
    /// Gross value added.
    pub gva: f64,
    /// Compensation of employees paid in the region.
    pub compensation: f64,
    /// Jobs (or the table's employment unit), when the table has employment.
    pub employment: Option<f64>,
    /// Final-demand-weighted Type I output multiplier.
    pub output_multiplier_type_i: f64,
    /// Final-demand-weighted Type II output multiplier (`None` without a closure).
    pub output_multiplier_type_ii: Option<f64>,
    /// Final-demand-weighted share of a pound of final demand that leaks (Type I).
    pub leakage_share: f64,
    /// Final-demand-weighted share that stays as local income (Type I).
    pub retention_share: f64,
    /// The resident share of compensation, when one share holds for every sector.
    pub resident_compensation_share: Option<f64>,
    /// Finn cycling index of the inter-industry flows.
    pub fci: f64,
    /// Leakage by channel, largest first.
    pub leakage_by_channel: Vec<ChannelShare>,
}

impl AtlasRow {
    /// The row of one table, from its report.
    ///
    /// # Errors
    ///
    /// The errors of [`RegionReport::new`].
    pub fn new(dataset: &str, table: &RegionalTable) -> Result<Self> {
        let r = RegionReport::new(table)?;
        Ok(Self {
            dataset: dataset.into(),
            region: r.region,
            output: r.totals.output,
            gva: r.totals.gva,
            compensation: r.totals.compensation,
            employment: table.employment().map(|e| e.values.iter().sum()),
            output_multiplier_type_i: r.output_multiplier_type_i,
            output_multiplier_type_ii: r.output_multiplier_type_ii,
            leakage_share: r.leakage_share,
            retention_share: r.retention_share,
            resident_compensation_share: match table.retention().compensation {
                Share::Uniform(s) => Some(s),
                Share::PerSector(_) => None,
            },
            fci: r.circulation.fci,
            leakage_by_channel: r.leakage_by_channel,
        })
    }

    /// The share of a pound of final demand leaving by `channel` (0 when it has none).
    #[must_use]
    pub fn channel(&self, channel: &str) -> f64 {
        self.leakage_by_channel
            .iter()
            .find(|c| c.channel == channel)
            .map_or(0.0, |c| c.share)
    }
}

/// Many regions' headlines, one row each, in the order given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Atlas {
    /// One row per region.
    pub rows: Vec<AtlasRow>,
    /// Every leakage channel that occurs, in order of its largest share anywhere.
    pub channels: Vec<String>,
}

impl Atlas {
    /// The atlas of named tables, each reported on its own thread of rayon's pool (serially
    /// in WebAssembly). Cost: one [`RegionReport`] per table, `O(k·n³/p)` for `k` tables
    /// of `n` sectors on `p` threads; memory: one report per thread at a time plus the rows.
    ///
    /// # Errors
    ///
    /// The first error of [`AtlasRow::new`], naming no region (each table's own errors do).
    pub fn new(tables: &[(String, RegionalTable)]) -> Result<Self> {
        let rows = map(tables, |(name, t)| AtlasRow::new(name, t))?;
        Ok(Self::from_rows(rows))
    }

    /// An atlas of rows already computed.
    #[must_use]
    pub fn from_rows(rows: Vec<AtlasRow>) -> Self {
        let mut largest: Vec<(String, f64)> = Vec::new();
        for c in rows.iter().flat_map(|r| &r.leakage_by_channel) {
            match largest.iter_mut().find(|(name, _)| *name == c.channel) {
                Some((_, s)) => *s = s.max(c.share),
                None => largest.push((c.channel.clone(), c.share)),
            }
        }
        largest.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Self {
            rows,
            channels: largest.into_iter().map(|(c, _)| c).collect(),
        }
    }

    /// The row of a dataset or region name.
    #[must_use]
    pub fn row(&self, name: &str) -> Option<&AtlasRow> {
        self.rows
            .iter()
            .find(|r| r.dataset == name || r.region == name)
    }
}

/// `f` over `items`, in parallel where threads exist; the results in input order, or the
/// first error in input order.
pub(crate) fn map<T: Sync, U: Send>(
    items: &[T],
    f: impl Fn(&T) -> Result<U> + Sync + Send,
) -> Result<Vec<U>> {
    #[cfg(not(target_family = "wasm"))]
    {
        use rayon::prelude::*;
        // the caller's interruption flag goes with every region to the rayon threads
        let flag = crate::interrupt::current();
        items
            .par_iter()
            .map(|item| {
                crate::interrupt::with_flag(flag.clone(), || {
                    crate::interrupt::check("the atlas")?;
                    f(item)
                })
            })
            .collect()
    }
    #[cfg(target_family = "wasm")]
    {
        items
            .iter()
            .map(|item| crate::interrupt::check("the atlas").and_then(|()| f(item)))
            .collect()
    }
}

impl fmt::Display for Atlas {
    /// A table, one line per region, ranked by retention (the share of a pound that stays).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let channels: Vec<&String> = self.channels.iter().take(4).collect();
        write!(
            f,
            "{:<28} {:>9} {:>9} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "region", "output", "jobs", "mult1", "mult2", "stays", "leaks", "FCI"
        )?;
        for c in &channels {
            let short = match c.as_str() {
                "imports_rest_of_country" => "imp. country",
                "imports_rest_of_world" => "imp. world",
                "non_resident_compensation" => "commuters",
                "external_surplus" => "profits out",
                other => other,
            };
            let short: String = short.chars().take(12).collect();
            write!(f, " {short:>12}")?;
        }
        writeln!(f)?;
        let mut rows: Vec<&AtlasRow> = self.rows.iter().collect();
        rows.sort_by(|a, b| b.retention_share.total_cmp(&a.retention_share));
        for r in rows {
            let name: String = r.region.chars().take(28).collect();
            write!(
                f,
                "{name:<28} {:>9.0} {:>9} {:>6.3} {:>6} {:>5.1}% {:>5.1}% {:>6.3}",
                r.output,
                r.employment
                    .map_or_else(|| "—".to_string(), |e| format!("{e:.0}")),
                r.output_multiplier_type_i,
                r.output_multiplier_type_ii
                    .map_or_else(|| "—".to_string(), |m| format!("{m:.3}")),
                100.0 * r.retention_share,
                100.0 * r.leakage_share,
                r.fci
            )?;
            for c in &channels {
                write!(f, " {:>11.1}%", 100.0 * r.channel(c))?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}
