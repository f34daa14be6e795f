//! Circularity and resilience: how long money stays in the region and through whom.
//!
//! Ecological network analysis (ENA) applied to money: Finn's cycling index, average path
//! length and the flow indices of enaR's `enaFlow` (Finn 1976; Fath & Patten 1999; Borrett &
//! Lau 2014), Ulanowicz's information indices (ascendency, capacity, overhead, robustness;
//! Ulanowicz 2004; Goerner, Lietaer & Ulanowicz 2009), structure (links, connectance,
//! dominant eigenvalue), strongly connected components and the strongest cycles.
//!
//! Everything runs on a [`FlowSystem`]: `n` nodes, internal flows `F[i][j]` **from node i to
//! node j** (ENA orientation), boundary inputs `z`, and boundary outputs split into exports
//! and dissipation. A [`RegionalTable`] becomes one with money flowing from payer to payee
//! (`F[j][i] = Z[i][j]`): final demand enters from the boundary, primary inputs leave — the
//! non-retained part as exports (leakage), the retained part as dissipation (local income
//! that leaves the inter-industry circuit). Closed with households, households become a node.

mod analysis;
mod cycles;
mod flow;
mod information;

pub use analysis::{EnaAnalysis, EnaOptions, FlowSystemParts, analyse};
pub use cycles::{
    Component, Cycle, DEFAULT_CYCLE_STEPS, Structure, strongest_cycles, strongest_cycles_bounded,
    strongly_connected_components, structure,
};
pub(crate) use flow::fci_from_diagonal;
pub use flow::{FlowIndicators, fci_leontief, finn_cycling_index, flow_indicators};
pub use information::{InformationIndices, SINGLE_FLOW_BITS, information_indices};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result, check_finite};
use crate::table::{DEFAULT_BALANCE_TOLERANCE, RegionalTable, relative_gap};

/// How strictly a flow system's nodes must balance (inflow = outflow).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Balance {
    /// Relative tolerance per node, `|in − out| / max(in, out)`.
    pub tolerance: f64,
    /// Analyse even if a node is out of balance (enaR's `balance.override`): throughflow is
    /// then the input throughflow `Σ_i F[i][j] + z_j`.
    pub allow_unbalanced: bool,
}

impl Default for Balance {
    fn default() -> Self {
        Self {
            tolerance: DEFAULT_BALANCE_TOLERANCE,
            allow_unbalanced: false,
        }
    }
}

spelled_enum! {
    /// Whether a table's flow system includes local households as a node.
    Closure, "closure" {
        /// Sectors only (the open model).
        Open => "open",
        /// Sectors and local households (the Type II closure of the table).
        Households => "households",
    }
}

// the derives come from `spelled_enum!`, which has no `#[default]`
#[allow(clippy::derivable_impls)]
impl Default for Closure {
    fn default() -> Self {
        Closure::Open
    }
}

/// A network of `n` nodes with internal flows and boundary flows, validated.
/// Serialised for output only: it is built (and validated) by its constructor, never read back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowSystem {
    labels: Vec<String>,
    flows: Vec<f64>,
    inputs: Vec<f64>,
    exports: Vec<f64>,
    dissipation: Vec<f64>,
    throughflow: Vec<f64>,
}

/// The largest total of a flow system's flows (every internal and boundary flow once, as
/// `T..` of the information indices): above it `T..·log₂ T..` (≤ 1,000·T..) could overflow
/// `f64`. Found by fuzzing: a table of `4.7e305` gave a capacity of `∞ − ∞`.
pub const MAX_TOTAL_FLOW: f64 = 1e300;

impl FlowSystem {
    /// A flow system from its parts: `flows[i * n + j]` is the flow from node `i` to node
    /// `j`; `inputs`, `exports` and `dissipation` are boundary flows per node.
    ///
    /// # Errors
    ///
    /// [`Error::Empty`] without nodes; [`Error::Shape`]; [`Error::NonFinite`];
    /// [`Error::Negative`] for a negative flow; [`Error::Disconnected`] when a node has no
    /// flow through it or the system has no boundary input; [`Error::Unbalanced`] when a
    /// node's inflow and outflow differ beyond `balance.tolerance` (unless
    /// `balance.allow_unbalanced`); [`Error::OutOfRange`] when the flows add up to more than
    /// [`MAX_TOTAL_FLOW`].
    pub fn new(
        labels: Vec<String>,
        flows: Vec<f64>,
        inputs: Vec<f64>,
        exports: Vec<f64>,
        dissipation: Vec<f64>,
        balance: Balance,
    ) -> Result<Self> {
        let n = labels.len();
        if n == 0 {
            return Err(Error::Empty);
        }
        let shape = |what: &str, expected: usize, found: usize| {
            if expected == found {
                Ok(())
            } else {
                Err(Error::Shape {
                    what: what.into(),
                    expected,
                    found,
                })
            }
        };
        shape("flows (n × n)", n * n, flows.len())?;
        shape("boundary inputs", n, inputs.len())?;
        shape("exports", n, exports.len())?;
        shape("dissipation", n, dissipation.len())?;
        // one vectorised scan; the first bad flow is then named
        if let Some(k) = crate::error::first_negative_or_non_finite(&flows) {
            let v = flows[k];
            let loc = || Location::Field(format!("flows[{} → {}]", labels[k / n], labels[k % n]));
            check_finite(v, loc)?;
            return Err(Error::Negative {
                location: loc(),
                value: v,
            });
        }
        for (what, v) in [
            ("inputs", &inputs),
            ("exports", &exports),
            ("dissipation", &dissipation),
        ] {
            for (j, &value) in v.iter().enumerate() {
                let loc = || Location::Field(format!("{what}[{}]", labels[j]));
                check_finite(value, loc)?;
                if value < 0.0 {
                    return Err(Error::Negative {
                        location: loc(),
                        value,
                    });
                }
            }
        }
        // inflow: the inputs plus each column, added in row order (vectorised across the
        // columns); outflow: the row sums four rows at a time, plus exports and dissipation
        let mut inflow = inputs.clone();
        crate::leontief::add_column_sums(n, &flows, &mut inflow);
        let outflow: Vec<f64> = crate::leontief::row_sums(n, &flows)
            .iter()
            .zip(exports.iter().zip(&dissipation))
            .map(|(f, (e, d))| f + (e + d))
            .collect();
        for j in 0..n {
            if inflow[j] == 0.0 && outflow[j] == 0.0 {
                return Err(Error::Disconnected {
                    what: format!("node {} ({}) has no flow through it", j, labels[j]),
                });
            }
            let gap = relative_gap(inflow[j], outflow[j]);
            if gap > balance.tolerance && !balance.allow_unbalanced {
                return Err(Error::Unbalanced {
                    sector: j,
                    code: labels[j].clone(),
                    row_total: inflow[j],
                    column_total: outflow[j],
                    relative_gap: gap,
                    tolerance: balance.tolerance,
                });
            }
        }
        let entering = inputs.iter().sum::<f64>();
        if entering <= 0.0 {
            return Err(Error::Disconnected {
                what: "no boundary input: nothing enters the system".into(),
            });
        }
        // every flow once: the total the information indices weigh by (`T..·log₂ T..`)
        let total = outflow.iter().sum::<f64>() + entering;
        // the sums cannot be NaN: every flow is finite and non-negative
        if total > MAX_TOTAL_FLOW {
            return Err(Error::OutOfRange {
                location: Location::Field("total of the flows".into()),
                value: total,
                expected: format!(
                    "at most {MAX_TOTAL_FLOW:e}: beyond it T·log₂T overflows a double (express the flows in larger units)"
                ),
            });
        }
        Ok(Self {
            labels,
            flows,
            inputs,
            exports,
            dissipation,
            throughflow: inflow,
        })
    }

    /// The flow system of a table (see the [module documentation](self)).
    ///
    /// Negative boundary entries (net subsidies, negative surplus, inventory drawdowns) are
    /// netted per sector: a negative outflow is set against the sector's other outflow, and
    /// only a net negative outflow (or net negative final demand) moves to the other side (a
    /// subsidy is money coming in). Every flow is then non-negative, each node still
    /// balances, and throughflow equals output whenever a sector's net boundary flows are
    /// non-negative, so that the graph route and the Leontief route of the Finn cycling
    /// index agree.
    ///
    /// # Errors
    ///
    /// As [`FlowSystem::new`]; for [`Closure::Households`] also the errors of
    /// [`ClosedModel::new`](crate::ClosedModel::new). A zero-output sector (no flow through it) is dropped rather than
    /// reported: it takes no part in circulation.
    pub fn from_table(table: &RegionalTable, closure: Closure) -> Result<Self> {
        let n = table.n();
        let x = table.output();
        let keep: Vec<usize> = (0..n).filter(|&j| x[j] != 0.0).collect();
        let fd = table.total_final_demand();
        let retention = table.retention();
        let mut leak = vec![0.0; n];
        let mut retained = vec![0.0; n];
        for r in table.primary_inputs() {
            for j in 0..n {
                let s = retention.share(r.kind, j);
                leak[j] += (1.0 - s) * r.values[j];
                retained[j] += s * r.values[j];
            }
        }
        let mut household = None;
        let mut inputs = fd.clone();
        if closure == Closure::Households {
            // only the closure's row and column are needed, not a factorisation
            let (row, column, h) = crate::model::closure_vectors(table)?;
            let income: Vec<f64> = (0..n).map(|j| row[j] * x[j]).collect();
            let consumption: Vec<f64> = column.iter().map(|v| v * h).collect();
            for j in 0..n {
                retained[j] -= income[j];
                inputs[j] -= consumption[j];
            }
            household = Some((h, income, consumption));
        }
        let m = keep.len() + usize::from(household.is_some());
        let mut labels: Vec<String> = keep
            .iter()
            .map(|&j| table.sectors()[j].code.clone())
            .collect();
        let mut flows = vec![0.0; m * m];
        let mut z = vec![0.0; m];
        let mut exports = vec![0.0; m];
        let mut dissipation = vec![0.0; m];
        for (a, &i) in keep.iter().enumerate() {
            for (b, &j) in keep.iter().enumerate() {
                flows[b * m + a] = table.z_at(i, j); // j pays i
            }
        }
        let mut boundary = |node: usize, inflow: f64, export: f64, dissipate: f64| {
            let (mut zin, mut e, mut d) = (inflow, export, dissipate);
            // net a negative outflow against the other outflow first, so that throughflow
            // stays equal to output; only a net negative outflow becomes an inflow
            if d < 0.0 {
                e += d;
                d = 0.0;
            }
            if e < 0.0 {
                d += e;
                e = 0.0;
                if d < 0.0 {
                    zin -= d;
                    d = 0.0;
                }
            }
            if zin < 0.0 {
                e -= zin;
                zin = 0.0;
            }
            z[node] = zin;
            exports[node] = e;
            dissipation[node] = d;
        };
        for (a, &j) in keep.iter().enumerate() {
            boundary(a, inputs[j], leak[j], retained[j]);
        }
        if let Some((h, income, consumption)) = household {
            let hh = m - 1;
            labels.push("households".into());
            for (a, &j) in keep.iter().enumerate() {
                flows[a * m + hh] = income[j];
                flows[hh * m + a] = consumption[j];
            }
            let earned: f64 = income.iter().sum();
            let spent: f64 = consumption.iter().sum();
            boundary(hh, h - earned, h - spent, 0.0);
        }
        Self::new(
            labels,
            flows,
            z,
            exports,
            dissipation,
            Balance {
                tolerance: table.parts().balance_tolerance,
                allow_unbalanced: false,
            },
        )
    }

    /// The flow system of a table-shaped [`FlowNetwork`](crate::FlowNetwork): its sector
    /// accounts are the nodes, its final-demand and primary-input accounts the boundary.
    ///
    /// # Errors
    ///
    /// As [`FlowSystem::from_table`].
    pub fn from_network(network: &crate::FlowNetwork, closure: Closure) -> Result<Self> {
        Self::from_table(&network.to_table()?, closure)
    }

    /// Number of nodes.
    #[must_use]
    pub fn n(&self) -> usize {
        self.labels.len()
    }

    /// Node labels.
    #[must_use]
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Internal flows, row-major: `flows[i * n + j]` from node `i` to node `j`.
    #[must_use]
    pub fn flows(&self) -> &[f64] {
        &self.flows
    }

    /// Boundary inputs `z`.
    #[must_use]
    pub fn inputs(&self) -> &[f64] {
        &self.inputs
    }

    /// Boundary exports.
    #[must_use]
    pub fn exports(&self) -> &[f64] {
        &self.exports
    }

    /// Boundary dissipation (respiration in ecology; retained income leaving the circuit for
    /// a regional table).
    #[must_use]
    pub fn dissipation(&self) -> &[f64] {
        &self.dissipation
    }

    /// Throughflow `T_j = Σ_i F[i][j] + z_j` (input throughflow, as enaR).
    #[must_use]
    pub fn throughflow(&self) -> &[f64] {
        &self.throughflow
    }
}

#[cfg(test)]
mod tests;
