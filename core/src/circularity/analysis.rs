//! The whole ecological network analysis of a flow system in one call: what the Explorer and
//! the JavaScript `enaAnalysis` show, and the same for a Rust caller.

use serde::{Deserialize, Serialize};

use super::{
    Balance, Component, Cycle, DEFAULT_CYCLE_STEPS, FlowIndicators, FlowSystem, InformationIndices,
    Structure, flow_indicators, information_indices, strongest_cycles_bounded,
    strongly_connected_components, structure,
};
use crate::error::Result;
use crate::table::DEFAULT_BALANCE_TOLERANCE;

/// A flow system as data: `flows` row-major `n × n`, **from row to column** (ENA
/// orientation), boundary `inputs`, `exports` and `dissipation` per node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlowSystemParts {
    /// The nodes' labels.
    pub labels: Vec<String>,
    /// Internal flows, row-major, from row to column.
    pub flows: Vec<f64>,
    /// Boundary inputs per node.
    pub inputs: Vec<f64>,
    /// Boundary outputs that leave the system (for money: leakage).
    pub exports: Vec<f64>,
    /// Boundary outputs that leave the circuit but not the system (for money: local income).
    pub dissipation: Vec<f64>,
}

/// Options of [`analyse`]: the balance a system built from parts must meet
/// ([`EnaOptions::balance`]) and the bounds of the cycle search
/// ([`strongest_cycles_bounded`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EnaOptions {
    /// Relative tolerance per node, `|in − out| / max(in, out)` (default
    /// [`DEFAULT_BALANCE_TOLERANCE`]).
    pub balance_tolerance: f64,
    /// Analyse even if a node is out of balance (enaR's `balance.override`).
    pub allow_unbalanced: bool,
    /// The longest cycle searched, in nodes (default 4).
    pub max_cycle_length: usize,
    /// How many of the strongest cycles are kept (default 10).
    pub top_cycles: usize,
    /// The work limit of the cycle search, in steps (default [`DEFAULT_CYCLE_STEPS`]).
    pub max_cycle_steps: u64,
}

impl Default for EnaOptions {
    fn default() -> Self {
        Self {
            balance_tolerance: DEFAULT_BALANCE_TOLERANCE,
            allow_unbalanced: false,
            max_cycle_length: 4,
            top_cycles: 10,
            max_cycle_steps: DEFAULT_CYCLE_STEPS,
        }
    }
}

impl EnaOptions {
    /// The balance a system built from parts must meet.
    #[must_use]
    pub fn balance(&self) -> Balance {
        Balance {
            tolerance: self.balance_tolerance,
            allow_unbalanced: self.allow_unbalanced,
        }
    }
}

impl FlowSystem {
    /// A flow system from its parts, checked as [`FlowSystem::new`] checks them.
    ///
    /// # Errors
    ///
    /// The errors of [`FlowSystem::new`].
    pub fn from_parts(parts: FlowSystemParts, balance: Balance) -> Result<Self> {
        let FlowSystemParts {
            labels,
            flows,
            inputs,
            exports,
            dissipation,
        } = parts;
        Self::new(labels, flows, inputs, exports, dissipation, balance)
    }
}

/// Everything ecological network analysis says of a flow system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnaAnalysis {
    /// The nodes' labels.
    pub labels: Vec<String>,
    /// Throughflow per node.
    pub throughflow: Vec<f64>,
    /// Flow indicators ([`flow_indicators`]: FCI, APL, …).
    pub flow: FlowIndicators,
    /// Information indices ([`information_indices`]: ascendency, robustness, …).
    pub information: InformationIndices,
    /// Links, connectance and the dominant eigenvalue ([`structure`]).
    pub structure: Structure,
    /// Strongly connected components ([`strongly_connected_components`]).
    pub components: Vec<Component>,
    /// The strongest cycles ([`strongest_cycles_bounded`]).
    pub cycles: Vec<Cycle>,
}

/// The whole analysis of `system`: each part by its own function (see [`EnaAnalysis`]); the
/// cycle search bounded by `options`. Cost: the cycle search, at most
/// `options.max_cycle_steps` steps; the integral flow matrix `(I − G)⁻¹` of
/// [`flow_indicators`], `O(n³)`; `λ₁` of [`structure`], `O(n³)` up to 1,000 nodes and
/// `O(n²)` a step of its power iteration above; and a few passes over the flows. Every part
/// that can run long reads the interruption flag ([`crate::interrupt`]).
///
/// # Errors
///
/// The errors of [`flow_indicators`], [`structure`] and [`strongest_cycles_bounded`].
pub fn analyse(system: &FlowSystem, options: &EnaOptions) -> Result<EnaAnalysis> {
    Ok(EnaAnalysis {
        labels: system.labels().to_vec(),
        throughflow: system.throughflow().to_vec(),
        flow: flow_indicators(system)?,
        information: information_indices(system),
        structure: structure(system)?,
        components: strongly_connected_components(system),
        cycles: strongest_cycles_bounded(
            system,
            options.max_cycle_length,
            options.top_cycles,
            options.max_cycle_steps,
        )?,
    })
}
