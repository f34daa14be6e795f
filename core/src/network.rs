//! `FlowNetwork`: the economy as a directed graph of accounts and money flows (petgraph).
//!
//! Nodes are accounts — local sectors, final-demand accounts (households, government,
//! investment, the outside buyers of exports) and primary-input accounts (the outside
//! sellers of imports, tax authorities, employees, owners). An edge `payer → payee` carries
//! the money paid per period: `Z[i][j]` becomes an edge from sector `j` to sector `i`,
//! `Y[i][c]` an edge from final-demand account `c` to sector `i`, `P[k][j]` an edge from
//! sector `j` to primary-input account `k`. Zero flows have no edge; negative entries (net
//! subsidies) keep their sign. [`FlowNetwork::to_table`] rebuilds the table exactly.

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::table::{
    Employment, FinalDemandColumn, FinalDemandKind, HouseholdClosure, PrimaryInputKind,
    PrimaryInputRow, RegionalTable, Retention, Sector, TableParts,
};

/// An account: a node of the flow network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Account {
    /// A local sector (or a single business).
    Sector {
        /// Unique code.
        code: String,
        /// Readable name.
        name: String,
        /// Employment, when the table has it.
        employment: Option<f64>,
    },
    /// A final-demand account (a buyer of final output).
    FinalDemand {
        /// Unique label.
        label: String,
        /// Its kind.
        kind: FinalDemandKind,
    },
    /// A primary-input account (a payee outside the local intermediate flows).
    PrimaryInput {
        /// Unique label.
        label: String,
        /// Its kind.
        kind: PrimaryInputKind,
    },
}

/// A money-flow network with the table metadata it came from.
#[derive(Debug, Clone)]
pub struct FlowNetwork {
    graph: DiGraph<Account, f64>,
    n_sectors: usize,
    meta: Meta,
}

#[derive(Debug, Clone)]
struct Meta {
    name: String,
    unit: String,
    source: Option<String>,
    output: Option<Vec<f64>>,
    employment_unit: Option<String>,
    // imports by product are not flows between accounts of the network; kept for the way back
    import_use: Option<crate::table::ImportUse>,
    retention: Retention,
    household_closure: HouseholdClosure,
    balance_tolerance: f64,
}

impl FlowNetwork {
    /// The network of a table: sectors are nodes `0..n`, then final-demand accounts, then
    /// primary-input accounts, in table order.
    #[must_use]
    pub fn from_table(table: &RegionalTable) -> Self {
        let n = table.n();
        let mut graph = DiGraph::with_capacity(
            n + table.final_demand().len() + table.primary_inputs().len(),
            0,
        );
        let emp = table.employment();
        let sectors: Vec<NodeIndex> = table
            .sectors()
            .iter()
            .enumerate()
            .map(|(j, s)| {
                graph.add_node(Account::Sector {
                    code: s.code.clone(),
                    name: s.name.clone(),
                    employment: emp.map(|e| e.values[j]),
                })
            })
            .collect();
        for i in 0..n {
            for j in 0..n {
                let v = table.z_at(i, j);
                if v != 0.0 {
                    graph.add_edge(sectors[j], sectors[i], v);
                }
            }
        }
        for c in table.final_demand() {
            let node = graph.add_node(Account::FinalDemand {
                label: c.label.clone(),
                kind: c.kind,
            });
            for (i, &v) in c.values.iter().enumerate() {
                if v != 0.0 {
                    graph.add_edge(node, sectors[i], v);
                }
            }
        }
        for r in table.primary_inputs() {
            let node = graph.add_node(Account::PrimaryInput {
                label: r.label.clone(),
                kind: r.kind,
            });
            for (j, &v) in r.values.iter().enumerate() {
                if v != 0.0 {
                    graph.add_edge(sectors[j], node, v);
                }
            }
        }
        let p = table.parts();
        Self {
            graph,
            n_sectors: n,
            meta: Meta {
                name: p.name.clone(),
                unit: p.unit.clone(),
                source: p.source.clone(),
                output: p.output.clone(),
                employment_unit: emp.map(|e| e.unit.clone()),
                import_use: p.import_use.clone(),
                retention: p.retention.clone(),
                household_closure: p.household_closure.clone(),
                balance_tolerance: p.balance_tolerance,
            },
        }
    }

    /// The petgraph graph (node weights: [`Account`]; edge weights: money per period).
    #[must_use]
    pub fn graph(&self) -> &DiGraph<Account, f64> {
        &self.graph
    }

    /// Number of local sectors (the first nodes of the graph).
    #[must_use]
    pub fn n_sectors(&self) -> usize {
        self.n_sectors
    }

    /// Every flow as `(payer, payee, amount)` node indices.
    pub fn flows(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        self.graph
            .edge_references()
            .map(|e| (e.source().index(), e.target().index(), *e.weight()))
    }

    /// Total money received by an account (sum of its incoming edges).
    #[must_use]
    pub fn inflow(&self, node: usize) -> f64 {
        self.graph
            .edges_directed(NodeIndex::new(node), Direction::Incoming)
            .map(|e| *e.weight())
            .sum()
    }

    /// The flows between local sectors as a graph for [`crate::clusters`]: the outside
    /// accounts (final demand, primary inputs) are the boundary, not nodes; a sector's
    /// purchases from itself are kept only when `self_loops` asks. The same graph as
    /// [`crate::clusters::table_graph`] on the table (a table's flows between sectors are
    /// never negative).
    ///
    /// Cost: `O(e + n + f log d)` for `e` edges in all, `f` between sectors.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidInput`] when no two distinct sectors trade.
    pub fn cluster_graph(&self, self_loops: bool) -> Result<crate::clusters::ClusterGraph> {
        let n = self.n_sectors;
        let (mut source, mut target, mut weight) = (Vec::new(), Vec::new(), Vec::new());
        for (u, v, w) in self.flows() {
            if u < n && v < n {
                source.push(u as u32);
                target.push(v as u32);
                weight.push(w);
            }
        }
        crate::clusters::ClusterGraph::directed(n, &source, &target, &weight, self_loops)
    }

    /// Rebuilds the table this network was made from.
    ///
    /// # Errors
    ///
    /// Every validation error of [`RegionalTable::new`] (none for a network made by
    /// [`FlowNetwork::from_table`]).
    pub fn to_table(&self) -> Result<RegionalTable> {
        let n = self.n_sectors;
        let mut sectors = Vec::with_capacity(n);
        let mut employment = Vec::with_capacity(n);
        let mut final_demand = Vec::new();
        let mut primary_inputs = Vec::new();
        let mut slot = vec![0usize; self.graph.node_count()];
        for (k, node) in self.graph.node_indices().enumerate() {
            match &self.graph[node] {
                Account::Sector {
                    code,
                    name,
                    employment: e,
                } => {
                    sectors.push(Sector {
                        code: code.clone(),
                        name: name.clone(),
                    });
                    employment.push(e.unwrap_or(0.0));
                    slot[k] = sectors.len() - 1;
                }
                Account::FinalDemand { label, kind } => {
                    final_demand.push(FinalDemandColumn {
                        label: label.clone(),
                        kind: *kind,
                        values: vec![0.0; n],
                    });
                    slot[k] = final_demand.len() - 1;
                }
                Account::PrimaryInput { label, kind } => {
                    primary_inputs.push(PrimaryInputRow {
                        label: label.clone(),
                        kind: *kind,
                        values: vec![0.0; n],
                    });
                    slot[k] = primary_inputs.len() - 1;
                }
            }
        }
        let mut z = vec![0.0; n * n];
        for e in self.graph.edge_references() {
            let (s, t) = (e.source(), e.target());
            let (ss, ts) = (slot[s.index()], slot[t.index()]);
            match (&self.graph[s], &self.graph[t]) {
                (Account::Sector { .. }, Account::Sector { .. }) => z[ts * n + ss] += e.weight(),
                (Account::FinalDemand { .. }, Account::Sector { .. }) => {
                    final_demand[ss].values[ts] += e.weight()
                }
                (Account::Sector { .. }, Account::PrimaryInput { .. }) => {
                    primary_inputs[ts].values[ss] += e.weight();
                }
                _ => {}
            }
        }
        let m = &self.meta;
        let mut parts = TableParts::new(m.name.clone(), sectors, z);
        parts.unit.clone_from(&m.unit);
        parts.source.clone_from(&m.source);
        parts.final_demand = final_demand;
        parts.primary_inputs = primary_inputs;
        parts.output.clone_from(&m.output);
        parts.employment = m.employment_unit.as_ref().map(|unit| Employment {
            unit: unit.clone(),
            values: employment,
        });
        parts.retention = m.retention.clone();
        parts.import_use.clone_from(&m.import_use);
        parts.household_closure = m.household_closure.clone();
        parts.balance_tolerance = m.balance_tolerance;
        RegionalTable::new(parts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasets;

    #[test]
    fn scotland_round_trips_through_the_network() {
        let t = datasets::scotland_2019();
        let net = FlowNetwork::from_table(&t);
        assert_eq!(net.n_sectors(), 98);
        let back = net.to_table().unwrap();
        assert_eq!(back, t);
    }

    #[test]
    fn edges_point_from_payer_to_payee() {
        let t = datasets::miller_blair_2sector();
        let net = FlowNetwork::from_table(&t);
        // Z[0][1] = 500: sector 2 (node 1) pays sector 1 (node 0)
        assert!(net.flows().any(|(s, d, v)| s == 1 && d == 0 && v == 500.0));
        // sector 1 receives 150 + 500 from sectors and 350 from final demand
        assert_eq!(net.inflow(0), 1000.0);
    }
}
