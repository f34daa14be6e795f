//! The leakage decomposition ("the leaky bucket" in matrix form), retention and local
//! purchase coefficients.
//!
//! With primary-input coefficient rows `c_k = P_k·diag(x)⁻¹` and retention shares `r_k`, the
//! content of input `k` in one unit of final demand for sector `j` is `(c_kᵀL)_j`; over all
//! `k` it sums to 1 on a balanced table (the column identity carried through `L`; Miller &
//! Blair 2009, §2.6; Sacks 2002, *The Money Trail*, for the leaky-bucket reading). The
//! leakage of `j` is `Σ_k (1 − r_k)(c_kᵀL)_j`, split by channel; the retained local income is
//! `Σ_k r_k (c_kᵀL)_j`.
//!
//! Closed with households (Type II), every unit injected eventually leaves the region or
//! comes to rest as local income that is not re-spent: the closed model is an absorbing
//! Markov chain and the channel shares sum to 1 for every sector with output.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::{ClosedModel, LeontiefModel};
use crate::table::{PrimaryInputKind, RegionalTable, Sector};

/// Where money leaves the region's circuit.
///
/// Channels are ordered as declared here (the order of the tables), in results and in maps
/// keyed by channel (a report's `leakage_by_channel`); as a key a channel serialises as its
/// name ([`LeakageChannel::as_str`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeakageChannel {
    /// Intermediate imports from the rest of the country.
    ImportsRestOfCountry,
    /// Intermediate imports from the rest of the world.
    ImportsRestOfWorld,
    /// Intermediate imports of unknown origin.
    Imports,
    /// Taxes less subsidies (products and production) not retained locally.
    Taxes,
    /// Compensation paid to employees who live outside the region (in-commuters).
    NonResidentCompensation,
    /// Operating surplus of businesses owned outside the region.
    ExternalSurplus,
    /// Other primary inputs not retained locally.
    Other,
    /// Closed model only: the part of household income not spent on local output
    /// (savings, income taxes, spending outside the region).
    Households,
    /// Closed model only: local income retained but not re-spent in the model (locally
    /// owned surplus outside the household closure, local taxes).
    RetainedNotRespent,
}

impl LeakageChannel {
    /// Every channel, in the order of the tables.
    pub const ALL: [LeakageChannel; 9] = [
        LeakageChannel::ImportsRestOfCountry,
        LeakageChannel::ImportsRestOfWorld,
        LeakageChannel::Imports,
        LeakageChannel::Taxes,
        LeakageChannel::NonResidentCompensation,
        LeakageChannel::ExternalSurplus,
        LeakageChannel::Other,
        LeakageChannel::Households,
        LeakageChannel::RetainedNotRespent,
    ];

    /// The one spelling of the channel.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            LeakageChannel::ImportsRestOfCountry => "imports_rest_of_country",
            LeakageChannel::ImportsRestOfWorld => "imports_rest_of_world",
            LeakageChannel::Imports => "imports",
            LeakageChannel::Taxes => "taxes",
            LeakageChannel::NonResidentCompensation => "non_resident_compensation",
            LeakageChannel::ExternalSurplus => "external_surplus",
            LeakageChannel::Other => "other",
            LeakageChannel::Households => "households",
            LeakageChannel::RetainedNotRespent => "retained_not_respent",
        }
    }

    /// A short readable label, e.g. `"imports from the rest of the world"`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            LeakageChannel::ImportsRestOfCountry => "imports from the rest of the country",
            LeakageChannel::ImportsRestOfWorld => "imports from the rest of the world",
            LeakageChannel::Imports => "imports",
            LeakageChannel::Taxes => "taxes to other governments",
            LeakageChannel::NonResidentCompensation => "wages of in-commuters",
            LeakageChannel::ExternalSurplus => "profits to outside owners",
            LeakageChannel::Other => "other payments out",
            LeakageChannel::Households => "household savings, taxes and spending outside",
            LeakageChannel::RetainedNotRespent => "local income not re-spent",
        }
    }

    /// The channel through which the non-retained part of a primary input leaves.
    #[must_use]
    pub fn of(kind: PrimaryInputKind) -> Self {
        match kind {
            PrimaryInputKind::ImportsRestOfCountry => LeakageChannel::ImportsRestOfCountry,
            PrimaryInputKind::ImportsRestOfWorld => LeakageChannel::ImportsRestOfWorld,
            PrimaryInputKind::Imports => LeakageChannel::Imports,
            PrimaryInputKind::TaxesOnProducts | PrimaryInputKind::TaxesOnProduction => {
                LeakageChannel::Taxes
            }
            PrimaryInputKind::Compensation => LeakageChannel::NonResidentCompensation,
            PrimaryInputKind::OperatingSurplus => LeakageChannel::ExternalSurplus,
            PrimaryInputKind::Other => LeakageChannel::Other,
        }
    }
}

impl std::str::FromStr for LeakageChannel {
    type Err = crate::Error;

    /// A channel by its spelling ([`LeakageChannel::as_str`]).
    ///
    /// # Errors
    ///
    /// [`crate::Error::UnknownOption`] listing the spellings.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| crate::Error::UnknownOption {
                what: "leakage channel".into(),
                value: s.into(),
                expected: Self::ALL.map(Self::as_str).join(", "),
            })
    }
}

impl fmt::Display for LeakageChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The open-model (Type I) leakage decomposition of one unit of final demand per sector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Leakage {
    /// The sectors, in table order.
    pub sectors: Vec<Sector>,
    /// The channels present in the table, in a fixed order.
    pub channels: Vec<LeakageChannel>,
    /// `by_channel[c][j]`: share of one unit of final demand for `j` leaving by channel `c`.
    pub by_channel: Vec<Vec<f64>>,
    /// Total leakage share per sector: `Σ_c by_channel[c][j]`.
    pub leakage: Vec<f64>,
    /// Retained local income per unit of final demand: `Σ_k r_k (c_kᵀL)_j`.
    pub retention: Vec<f64>,
}

impl Leakage {
    /// The leakage decomposition of a table's open model.
    ///
    /// # Errors
    ///
    /// [`crate::Error::NonProductive`] or [`crate::Error::Singular`] from the model.
    ///
    /// # Example
    ///
    /// ```
    /// let table = localecon::datasets::scotland_2019();
    /// let leak = localecon::Leakage::new(&table)?;
    /// // every £1 of final demand for agriculture either leaks or is retained
    /// assert!((leak.leakage[0] + leak.retention[0] - 1.0).abs() < 1e-12);
    /// # Ok::<(), localecon::Error>(())
    /// ```
    pub fn new(table: &RegionalTable) -> Result<Self> {
        Ok(Self::from_model(table, table.leontief()?))
    }

    /// The decomposition with a model already built.
    #[must_use]
    pub fn from_model(table: &RegionalTable, model: &LeontiefModel) -> Self {
        let (channels, mut rows, retained) = channel_rows(table);
        rows.push(retained);
        let mut solved = model.solve_transpose_rows(&rows);
        let retention = solved.pop().unwrap_or_default();
        let n = table.n();
        let leakage = (0..n).map(|j| solved.iter().map(|r| r[j]).sum()).collect();
        Self {
            sectors: table.sectors().to_vec(),
            channels,
            by_channel: solved,
            leakage,
            retention,
        }
    }

    /// The shares of channel `channel` (zeros when the table has no such channel).
    #[must_use]
    pub fn channel(&self, channel: LeakageChannel) -> Vec<f64> {
        self.channels
            .iter()
            .position(|c| *c == channel)
            .map_or_else(
                || vec![0.0; self.sectors.len()],
                |k| self.by_channel[k].clone(),
            )
    }
}

/// Coefficient rows per channel (non-retained part of each primary input per unit of output)
/// and the retained coefficient row.
fn channel_rows(table: &RegionalTable) -> (Vec<LeakageChannel>, Vec<Vec<f64>>, Vec<f64>) {
    let n = table.n();
    let x = table.output();
    let retention = table.retention();
    let mut channels: Vec<LeakageChannel> = table
        .primary_inputs()
        .iter()
        .map(|r| LeakageChannel::of(r.kind))
        .collect();
    channels.sort_unstable();
    channels.dedup();
    let mut rows = vec![vec![0.0; n]; channels.len()];
    let mut retained = vec![0.0; n];
    for r in table.primary_inputs() {
        let c = channels
            .binary_search(&LeakageChannel::of(r.kind))
            .expect("channel listed");
        for j in 0..n {
            if x[j] == 0.0 {
                continue;
            }
            let share = retention.share(r.kind, j);
            let coef = r.values[j] / x[j];
            rows[c][j] += (1.0 - share) * coef;
            retained[j] += share * coef;
        }
    }
    (channels, rows, retained)
}

/// The household-closed (Type II) leakage decomposition: where one unit of final demand for
/// each sector finally ends up, after every round of local supply-chain and household
/// spending.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClosedLeakage {
    /// The sectors, in table order.
    pub sectors: Vec<Sector>,
    /// The channels, including [`LeakageChannel::Households`] and
    /// [`LeakageChannel::RetainedNotRespent`].
    pub channels: Vec<LeakageChannel>,
    /// `by_channel[c][j]`: final share of one unit injected in `j` that ends in channel `c`.
    pub by_channel: Vec<Vec<f64>>,
    /// `Σ_c by_channel[c][j]`: 1 for every sector with output on a balanced table.
    pub total: Vec<f64>,
}

impl ClosedLeakage {
    /// The closed decomposition of a table.
    ///
    /// # Errors
    ///
    /// [`crate::Error::MissingData`] when the table cannot be closed with households;
    /// [`crate::Error::NonProductive`] or [`crate::Error::Singular`] from the model.
    pub fn new(table: &RegionalTable) -> Result<Self> {
        Ok(Self::from_model(table, &ClosedModel::new(table)?))
    }

    /// The closed decomposition with a closed model already built.
    #[must_use]
    pub fn from_model(table: &RegionalTable, closed: &ClosedModel) -> Self {
        let n = table.n();
        let x = table.output();
        let (mut channels, rows, retained) = channel_rows(table);
        let h = closed.household_row();
        let mut padded: Vec<Vec<f64>> = rows
            .into_iter()
            .map(|mut r| {
                r.push(0.0);
                r
            })
            .collect();
        let mut not_respent: Vec<f64> = (0..n)
            .map(|j| if x[j] == 0.0 { 0.0 } else { retained[j] - h[j] })
            .collect();
        not_respent.push(0.0);
        let mut households = vec![0.0; n + 1];
        households[n] = 1.0 - closed.household_column().iter().sum::<f64>();
        channels.push(LeakageChannel::Households);
        padded.push(households);
        channels.push(LeakageChannel::RetainedNotRespent);
        padded.push(not_respent);
        let mut by_channel = closed.solve_transpose_rows_full(&padded);
        for r in &mut by_channel {
            r.truncate(n);
        }
        let total = (0..n)
            .map(|j| by_channel.iter().map(|r| r[j]).sum())
            .collect();
        Self {
            sectors: table.sectors().to_vec(),
            channels,
            by_channel,
            total,
        }
    }

    /// The shares of channel `channel` (zeros when absent).
    #[must_use]
    pub fn channel(&self, channel: LeakageChannel) -> Vec<f64> {
        self.channels
            .iter()
            .position(|c| *c == channel)
            .map_or_else(
                || vec![0.0; self.sectors.len()],
                |k| self.by_channel[k].clone(),
            )
    }
}

/// Local purchase coefficient of each sector: local intermediate purchases / all intermediate
/// purchases (local + imported), `Σ_i Z_ij / (Σ_i Z_ij + Σ_imports P_kj)`; 0 for a sector that
/// buys nothing.
#[must_use]
pub fn local_purchase_coefficients(table: &RegionalTable) -> Vec<f64> {
    let n = table.n();
    (0..n)
        .map(|j| {
            let local: f64 = (0..n).map(|i| table.z_at(i, j)).sum();
            let imported: f64 = table
                .primary_inputs()
                .iter()
                .filter(|r| r.kind.is_import())
                .map(|r| r.values[j])
                .sum();
            let all = local + imported;
            if all == 0.0 { 0.0 } else { local / all }
        })
        .collect()
}

impl std::fmt::Display for Leakage {
    /// One line per sector: the leakage share, the retained share and the largest channel.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{:<10} {:<30} {:>8} {:>8}  largest channel",
            "code", "name", "leaks", "stays"
        )?;
        for (j, s) in self.sectors.iter().enumerate() {
            let largest = self
                .channels
                .iter()
                .zip(&self.by_channel)
                .filter(|(_, v)| v[j] > 0.0)
                .max_by(|a, b| a.1[j].total_cmp(&b.1[j]))
                .map_or("-", |(c, _)| c.as_str());
            writeln!(
                f,
                "{:<10} {:<30} {:>7.2}% {:>7.2}%  {largest}",
                s.code.chars().take(10).collect::<String>(),
                s.name.chars().take(30).collect::<String>(),
                100.0 * self.leakage[j],
                100.0 * self.retention[j],
            )?;
        }
        Ok(())
    }
}
