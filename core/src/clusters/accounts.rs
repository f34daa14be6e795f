//! Clusters of a regional table and their accounts.

use serde::{Deserialize, Serialize};

use super::{
    ClusterGraph, ClusterOptions, Clustering, MapFlows, Quality, cluster, cluster_map_equation,
};
use crate::error::{Error, Result};
use crate::leakage::Leakage;
use crate::leontief::LeontiefModel;
use crate::report::ChannelShare;
use crate::scenario::ranking::{
    DEFAULT_MIN_BUSINESS_SALES_SHARE, DEFAULT_RANKING_SHARE, supplier_exclusions,
};
use crate::scenario::substitution::Factored;
use crate::table::RegionalTable;

/// The Scottish Government's resolution: Louvain at `γ = 1.8` on the Type I Leontief
/// inverse with its diagonal zeroed ("Identifying clusters of industries", December 2019).
pub const SCOTTISH_GOVERNMENT_RESOLUTION: f64 = 1.8;

spelled_enum! {
    /// Which links between sectors the clusters are found on.
    Basis, "cluster basis" {
        /// The money flows between local sectors, `z_ij` paid by `j` to `i` (the diagonal
        /// left out unless asked): who buys from whom.
        Flows => "flows",
        /// The Type I Leontief inverse with its diagonal zeroed, `l_ij` for `i ≠ j`: who
        /// depends on whom, directly and through chains of suppliers (the Scottish
        /// Government's basis).
        LeontiefInverse => "leontief_inverse",
    }
}

/// The graph of a table's sectors on `basis`: [`table_graph`] (with `self_loops`) or
/// [`scottish_government_graph`] (whose diagonal is zeroed: `self_loops` does not apply).
///
/// # Errors
///
/// Theirs.
pub fn basis_graph(table: &RegionalTable, basis: Basis, self_loops: bool) -> Result<ClusterGraph> {
    match basis {
        Basis::Flows => table_graph(table, self_loops),
        Basis::LeontiefInverse => scottish_government_graph(table),
    }
}

/// The money-flow graph of a table's local sectors: an edge `j → i` of `z_ij` for every
/// local purchase (outside accounts are the boundary and have no node). `self_loops` keeps
/// each sector's purchases from itself.
///
/// # Errors
///
/// [`Error::InvalidInput`] for a table without flows between two distinct sectors.
pub fn table_graph(table: &RegionalTable, self_loops: bool) -> Result<ClusterGraph> {
    let n = table.n();
    let mut m = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            m[j * n + i] = table.z_at(i, j).max(0.0);
        }
    }
    ClusterGraph::from_dense(n, &m, self_loops)
}

/// The graph of the Scottish Government's method: edge weights `l_ij` of the Type I
/// Leontief inverse, the diagonal zeroed (their × 1000 does not change modularity).
///
/// # Errors
///
/// Those of [`crate::LeontiefModel::new`].
pub fn scottish_government_graph(table: &RegionalTable) -> Result<ClusterGraph> {
    let n = table.n();
    let mut l = table.leontief()?.leontief_inverse()?;
    for (k, v) in l.iter_mut().enumerate() {
        if k / n == k % n || *v < 0.0 {
            *v = 0.0;
        }
    }
    ClusterGraph::from_dense(n, &l, false)
}

spelled_enum! {
    /// How a cluster's missing links are ranked.
    LinkRanking, "missing-link ranking" {
        /// By the cluster's income gain per unit of imports moved (which product, bought
        /// inside, keeps most: for one product, nearly the same for every buyer).
        PerPound => "per_pound",
        /// By the cluster's income gain when `share` of the buyer's imports move (which
        /// opportunity is largest).
        Total => "total",
    }
}

/// The walker of the map equation on a table: a pound moving between local sectors with the
/// flows `z_ij`, leaving to an outside node (node `n`, held in a module of its own) with
/// each sector's primary inputs `x_j − Σ_i z_ij`, and coming back with each sector's final
/// demand `x_i − Σ_j z_ij`. For a balanced table these are the walker's stationary flows,
/// and its visit rates are `x_j / (Σx + Σy)`. Negative final demand or primary inputs
/// (inventories drawn down, net subsidies) are left out of the walk.
///
/// # Errors
///
/// Those of [`MapFlows::directed`].
pub fn table_map_flows(table: &RegionalTable) -> Result<MapFlows> {
    let n = table.n();
    let x = table.output();
    let (mut s, mut t, mut w) = (Vec::new(), Vec::new(), Vec::new());
    let mut push = |a: usize, b: usize, v: f64| {
        if v > 0.0 {
            s.push(a as u32);
            t.push(b as u32);
            w.push(v);
        }
    };
    for j in 0..n {
        let mut bought = 0.0;
        for i in 0..n {
            let z = table.z_at(i, j);
            bought += z;
            push(j, i, z);
        }
        push(j, n, x[j] - bought);
    }
    for i in 0..n {
        let sold: f64 = (0..n).map(|j| table.z_at(i, j)).sum();
        push(n, i, x[i] - sold);
    }
    let flows = MapFlows::directed(n + 1, &s, &t, &w, super::FlowModel::Observed)?;
    let mut locked = vec![false; n + 1];
    locked[n] = true;
    Ok(MapFlows { locked, ..flows })
}

spelled_enum! {
    /// A named method to start a table's cluster options from.
    Preset, "cluster preset" {
        /// [`TableClusterOptions::scottish_government`].
        ScottishGovernment => "scottish_government",
    }
}

/// How a table's clusters are found and accounted for.
///
/// Read from data (every binding's options), a `preset` names the method to start from
/// ([`TableClusterOptions::preset`]) and the options given beside it override its own:
/// `{"preset": "scottish_government", "starts": 2}` is the Scottish Government's method
/// with two starts. A wrong preset is [`Error::UnknownOption`], as a wrong spelling of any
/// option is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "GivenTableClusterOptions")]
pub struct TableClusterOptions {
    /// The links clustered. Default [`Basis::Flows`].
    pub basis: Basis,
    /// The quality optimised (the map equation only on [`Basis::Flows`]). Default modularity.
    pub quality: Quality,
    /// The resolution `γ > 0` (modularity and CPM). Default 1.
    pub resolution: f64,
    /// Runs from one seed (see [`ClusterOptions::starts`]). Default 20.
    pub starts: usize,
    /// The seed. Default 0 (read from data as [`ClusterOptions::seed`] is).
    pub seed: u64,
    /// Keep each sector's purchases from itself as a link (the diagonal). Default false.
    pub self_loops: bool,
    /// How many missing links to list per cluster. Default 5.
    pub missing_links: usize,
    /// The share `σ` of a buyer's imports of a product that a missing link moves to the
    /// cluster's producer, in (0, 1]. Default [`DEFAULT_RANKING_SHARE`].
    pub share: f64,
    /// How the missing links are ranked. Default [`LinkRanking::PerPound`].
    pub rank_links_by: LinkRanking,
}

impl Default for TableClusterOptions {
    fn default() -> Self {
        Self {
            basis: Basis::Flows,
            quality: Quality::Modularity,
            resolution: 1.0,
            starts: 20,
            seed: 0,
            self_loops: false,
            missing_links: 5,
            share: DEFAULT_RANKING_SHARE,
            rank_links_by: LinkRanking::PerPound,
        }
    }
}

impl TableClusterOptions {
    /// The Scottish Government's method: modularity at `γ = 1.8` on the Type I Leontief
    /// inverse with the diagonal zeroed (they ran Louvain once; here Leiden, 100 starts).
    #[must_use]
    pub fn scottish_government() -> Self {
        Self {
            basis: Basis::LeontiefInverse,
            resolution: SCOTTISH_GOVERNMENT_RESOLUTION,
            starts: 100,
            ..Self::default()
        }
    }

    /// The options of a named preset: `"scottish_government"` ([`Self::scottish_government`]),
    /// the one there is; what a caller gives besides overrides it.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownOption`] listing the presets.
    pub fn preset(name: &str) -> Result<Self> {
        Ok(match name.parse::<Preset>()? {
            Preset::ScottishGovernment => Self::scottish_government(),
        })
    }

    fn clustering(&self) -> ClusterOptions {
        ClusterOptions {
            quality: self.quality,
            resolution: self.resolution,
            starts: self.starts,
            seed: self.seed,
        }
    }
}

/// [`TableClusterOptions`] as given in data: each option may be left out (serde reads a
/// missing `Option` as `None`), and a `preset` supplies the ones that are.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GivenTableClusterOptions {
    preset: Option<Preset>,
    basis: Option<Basis>,
    quality: Option<Quality>,
    resolution: Option<f64>,
    starts: Option<usize>,
    #[serde(default, deserialize_with = "given_seed")]
    seed: Option<u64>,
    self_loops: Option<bool>,
    missing_links: Option<usize>,
    share: Option<f64>,
    rank_links_by: Option<LinkRanking>,
}

fn given_seed<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<u64>, D::Error> {
    crate::spelling::seed(d).map(Some)
}

impl From<GivenTableClusterOptions> for TableClusterOptions {
    fn from(g: GivenTableClusterOptions) -> Self {
        let base = match g.preset {
            Some(Preset::ScottishGovernment) => Self::scottish_government(),
            None => Self::default(),
        };
        Self {
            basis: g.basis.unwrap_or(base.basis),
            quality: g.quality.unwrap_or(base.quality),
            resolution: g.resolution.unwrap_or(base.resolution),
            starts: g.starts.unwrap_or(base.starts),
            seed: g.seed.unwrap_or(base.seed),
            self_loops: g.self_loops.unwrap_or(base.self_loops),
            missing_links: g.missing_links.unwrap_or(base.missing_links),
            share: g.share.unwrap_or(base.share),
            rank_links_by: g.rank_links_by.unwrap_or(base.rank_links_by),
        }
    }
}

/// A missing link: a cluster member buys part of its imports of a product that another
/// member makes locally.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MissingLink {
    /// Buyer code.
    pub buyer: String,
    /// Buyer name.
    pub buyer_name: String,
    /// The imported product, made in the cluster by the sector of this code.
    pub product: String,
    /// The product's name.
    pub product_name: String,
    /// The buyer's imports of the product, `m_ij`.
    pub imports: f64,
    /// Imports moved to the cluster's producer, `σ·m_ij`.
    pub imports_substituted: f64,
    /// Extra income retained in the cluster's sectors: `S·(r_Cᵀ L)_i / (1 − δ·l_ji)`.
    pub cluster_income_gain: f64,
    /// The same per unit of imports substituted (the ranking key).
    pub gain_per_unit: f64,
    /// Extra income retained in the whole region, `S·(rᵀL)_i / (1 − δ·l_ji)`.
    pub region_income_gain: f64,
}

/// The accounts of one cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterAccount {
    /// The cluster's number (its label in the membership).
    pub cluster: usize,
    /// Its sectors' codes, in table order.
    pub sectors: Vec<String>,
    /// Its sectors' names.
    pub names: Vec<String>,
    /// Output `Σ x_j`.
    pub output: f64,
    /// Gross value added (compensation, surplus, taxes on production).
    pub gva: f64,
    /// Employment, in the table's unit (when it has employment).
    pub jobs: Option<f64>,
    /// Final demand for its products `Σ y_j` (the weights of the per-pound figures below).
    pub final_demand: f64,
    /// Of its members' intermediate purchases (local and imported), the share bought from
    /// members: `Σ_{i,j∈C} z_ij / Σ_{j∈C} (Σ_i z_ij + m_j)`.
    pub internal_purchase_share: f64,
    /// Output inside the cluster per pound of its final demand, counting only purchases
    /// between members: `1ᵀ(I − A_CC)⁻¹ y_C / 1ᵀy_C`.
    pub within_multiplier: f64,
    /// How many times that pound changes hands between members before it leaves the
    /// cluster: `within_multiplier − 1`.
    pub turns_inside: f64,
    /// Income retained in the region per pound of the cluster's final demand (Type I).
    pub retention: f64,
    /// The leakage of that pound by channel (Type I; with `retention` it adds to 1).
    pub leakage_by_channel: Vec<ChannelShare>,
    /// The missing links that raise the cluster's retained income most (per pound moved, or
    /// in total: [`TableClusterOptions::rank_links_by`]).
    pub missing_links: Vec<MissingLink>,
}

/// A table's clusters with their accounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableClusters {
    /// The sector codes, in table order (the membership's labels).
    pub codes: Vec<String>,
    /// The best partition and its quality.
    pub clustering: Clustering,
    /// One account per cluster, largest output first.
    pub clusters: Vec<ClusterAccount>,
    /// What the numbers rest on, in words.
    pub assumptions: Vec<String>,
    /// The options used.
    pub options: TableClusterOptions,
}

impl TableClusters {
    /// The cluster number of a sector.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLabel`] for an unknown code.
    pub fn cluster_of(&self, code: &str) -> Result<usize> {
        self.codes
            .iter()
            .position(|c| c == code)
            .map(|k| self.clustering.membership[k] as usize)
            .ok_or_else(|| Error::UnknownLabel {
                what: "sector codes".into(),
                label: code.into(),
            })
    }
}

/// Clusters of a table's local sectors ([`TableClusterOptions`]), each with its accounts
/// ([`ClusterAccount`]) and its missing links: the (buyer, product) pairs inside the cluster
/// whose imports, bought from the cluster's own producer instead, raise the income retained
/// in the cluster most per pound (the Sherman–Morrison update of
/// [`crate::scenario::import_substitution`] with the cluster's retained income `r_C` in
/// place of the region's).
///
/// Cost: the clustering, one LU of the table, one transposed solve and one small LU per
/// cluster, and `O(n²)` for the pairs.
///
/// # Errors
///
/// Those of [`cluster`] and [`cluster_map_equation`]; [`Error::OutOfRange`] for a share
/// outside (0, 1]; [`Error::InvalidInput`] for the map equation on the Leontief basis.
///
/// # Example
///
/// ```
/// use localecon::clusters::{TableClusterOptions, cluster_table};
/// let t = localecon::datasets::scotland_2019();
/// let c = cluster_table(&t, &TableClusterOptions { starts: 4, ..Default::default() })?;
/// assert!(c.clustering.n_clusters > 1 && c.clustering.value > 0.0);
/// let first = &c.clusters[0];
/// assert!(first.within_multiplier >= 1.0);
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn cluster_table(
    table: &RegionalTable,
    options: &TableClusterOptions,
) -> Result<TableClusters> {
    if !(options.share > 0.0 && options.share <= 1.0) {
        return Err(Error::OutOfRange {
            location: crate::error::Location::Field("share".into()),
            value: options.share,
            expected: "a share of the buyer's imports in (0, 1]".into(),
        });
    }
    let co = options.clustering();
    let mut assumptions = Vec::new();
    let clustering = match (options.basis, options.quality) {
        (Basis::LeontiefInverse, Quality::MapEquation) => {
            return Err(Error::InvalidInput {
                what: "cluster options".into(),
                message: "the map equation follows money: use basis \"flows\"".into(),
            });
        }
        (Basis::Flows, Quality::MapEquation) => {
            assumptions.push(
                "A pound is followed as a random walker: from sector to sector with the flows, out of \
                 the local business network with primary inputs and back with final demand \
                 (the outside world is one module of its own)."
                    .into(),
            );
            let flows = table_map_flows(table)?;
            let mut c = cluster_map_equation(&flows, &co)?;
            // the outside node is the last; its module is not a cluster
            c.membership.pop();
            super::graph::renumber(&mut c.membership);
            c.n_clusters = c
                .membership
                .iter()
                .map(|&k| k as usize + 1)
                .max()
                .unwrap_or(0);
            c
        }
        (Basis::Flows, _) => cluster(&table_graph(table, options.self_loops)?, &co)?,
        (Basis::LeontiefInverse, _) => {
            assumptions.push(
                "Links are the Type I Leontief inverse with its diagonal zeroed: dependence through \
                 chains of suppliers, not direct trade (the Scottish Government's basis)."
                    .into(),
            );
            cluster(&scottish_government_graph(table)?, &co)?
        }
    };
    let f = Factored::new(table)?;
    let imports = &f.imports;
    assumptions.push(format!("Missing links: {}.", imports.basis.assumption()));
    let n = table.n();
    let x = table.output();
    let sectors = table.sectors();
    let y: Vec<f64> = table.total_final_demand();
    let leak = Leakage::from_model(table, &f.model);
    let inputs = |pred: fn(crate::table::PrimaryInputKind) -> bool| -> Vec<f64> {
        (0..n)
            .map(|j| {
                let rows = table.primary_inputs().iter().filter(|r| pred(r.kind));
                rows.map(|r| r.values[j]).sum()
            })
            .collect()
    };
    let gva_of = inputs(crate::table::PrimaryInputKind::is_value_added);
    let imports_of = inputs(crate::table::PrimaryInputKind::is_import);
    let a = f.model.coefficients();
    let l = f.model.leontief_inverse()?;
    let (_, allowed) = supplier_exclusions(table, &[], DEFAULT_MIN_BUSINESS_SALES_SHARE);
    let k = clustering.n_clusters;
    let mut accounts = Vec::with_capacity(k);
    for c in 0..k {
        crate::interrupt::check("the cluster accounts")?;
        let members: Vec<usize> = (0..n)
            .filter(|&j| clustering.membership[j] as usize == c)
            .collect();
        let output: f64 = members.iter().map(|&j| x[j]).sum();
        let gva: f64 = members.iter().map(|&j| gva_of[j]).sum();
        let jobs = table
            .employment()
            .map(|e| members.iter().map(|&j| e.values[j]).sum());
        let mut internal = 0.0;
        let mut purchases = 0.0;
        for &j in &members {
            purchases += imports_of[j];
            for i in 0..n {
                let z = table.z_at(i, j);
                purchases += z;
                if clustering.membership[i] as usize == c {
                    internal += z;
                }
            }
        }
        let fd: f64 = members.iter().map(|&j| y[j].max(0.0)).sum();
        let weights: Vec<f64> = if fd > 0.0 {
            members.iter().map(|&j| y[j].max(0.0) / fd).collect()
        } else if output > 0.0 {
            members.iter().map(|&j| x[j] / output).collect()
        } else {
            vec![1.0 / members.len() as f64; members.len()]
        };
        let m = members.len();
        let mut a_cc = vec![0.0; m * m];
        for (p, &i) in members.iter().enumerate() {
            for (q, &j) in members.iter().enumerate() {
                a_cc[p * m + q] = a[i * n + j];
            }
        }
        let inner = LeontiefModel::from_coefficients(m, a_cc)?;
        let within_multiplier: f64 = inner.solve(&weights)?.iter().sum();
        let weigh =
            |v: &[f64]| -> f64 { members.iter().zip(&weights).map(|(&j, w)| w * v[j]).sum() };
        let leakage_by_channel = leak
            .channels
            .iter()
            .zip(&leak.by_channel)
            .map(|(&channel, v)| ChannelShare {
                channel: channel.as_str().into(),
                label: channel.label().into(),
                share: weigh(v),
            })
            .collect();
        // the cluster's retained income per unit of each sector's output, through L
        let mut r_c = vec![0.0; n];
        for &j in &members {
            r_c[j] = f.r[j];
        }
        let r_c_l = f.model.solve_transpose(&r_c)?;
        let mut links = Vec::new();
        for &j in members.iter().filter(|&&j| x[j] > 0.0) {
            // a link between two members: a sector buying its own product is not one
            for &i in members.iter().filter(|&&i| allowed[i] && i != j) {
                let mi = imports.total(n, i, j);
                if mi <= 0.0 {
                    continue;
                }
                let s = options.share * mi;
                let den = 1.0 - s / x[j] * l[j * n + i];
                if den <= 0.0 {
                    continue;
                }
                links.push(MissingLink {
                    buyer: sectors[j].code.clone(),
                    buyer_name: sectors[j].name.clone(),
                    product: sectors[i].code.clone(),
                    product_name: sectors[i].name.clone(),
                    imports: mi,
                    imports_substituted: s,
                    cluster_income_gain: s * r_c_l[i] / den,
                    gain_per_unit: r_c_l[i] / den,
                    region_income_gain: s * f.retention[i] / den,
                });
            }
        }
        // stable: equal keys keep the table's (buyer, product) order
        match options.rank_links_by {
            LinkRanking::PerPound => {
                links.sort_by(|p, q| q.gain_per_unit.total_cmp(&p.gain_per_unit))
            }
            LinkRanking::Total => {
                links.sort_by(|p, q| q.cluster_income_gain.total_cmp(&p.cluster_income_gain));
            }
        }
        links.truncate(options.missing_links);
        accounts.push(ClusterAccount {
            cluster: c,
            sectors: members.iter().map(|&j| sectors[j].code.clone()).collect(),
            names: members.iter().map(|&j| sectors[j].name.clone()).collect(),
            output,
            gva,
            jobs,
            final_demand: fd,
            internal_purchase_share: if purchases > 0.0 {
                internal / purchases
            } else {
                0.0
            },
            within_multiplier,
            turns_inside: within_multiplier - 1.0,
            retention: weigh(&leak.retention),
            leakage_by_channel,
            missing_links: links,
        });
    }
    accounts.sort_by(|p, q| q.output.total_cmp(&p.output));
    Ok(TableClusters {
        codes: sectors.iter().map(|s| s.code.clone()).collect(),
        clustering,
        clusters: accounts,
        assumptions,
        options: options.clone(),
    })
}

impl std::fmt::Display for TableClusters {
    /// A readable report: the partition's quality, one block per cluster (its accounts, its
    /// first sectors, its best missing link), then the assumptions.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let c = &self.clustering;
        writeln!(
            f,
            "{} clusters on the {} ({} {:.4}, γ = {}; {} of {} starts found this partition)",
            c.n_clusters,
            match self.options.basis {
                Basis::Flows => "money flows between sectors",
                Basis::LeontiefInverse => "Type I Leontief inverse (diagonal zeroed)",
            },
            c.quality,
            c.value,
            c.resolution,
            c.starts_reaching_best,
            c.start_values.len()
        )?;
        writeln!(
            f,
            "{:>3}  {:>7} {:>10} {:>9} {:>8} {:>7} {:>9}  sectors",
            "#", "sectors", "output", "GVA", "inside", "turns", "retained"
        )?;
        for a in &self.clusters {
            let shown: Vec<&str> = a.names.iter().take(3).map(String::as_str).collect();
            writeln!(
                f,
                "{:>3}  {:>7} {:>10.0} {:>9.0} {:>7.1}% {:>7.3} {:>8.1}p  {}{}",
                a.cluster,
                a.sectors.len(),
                a.output,
                a.gva,
                100.0 * a.internal_purchase_share,
                a.turns_inside,
                100.0 * a.retention,
                shown.join(", "),
                if a.sectors.len() > 3 { ", …" } else { "" }
            )?;
            if let Some(m) = a.missing_links.first() {
                writeln!(
                    f,
                    "       missing link: {} buying {} locally (+{:.3} kept in the cluster per unit)",
                    m.buyer_name, m.product_name, m.gain_per_unit
                )?;
            }
        }
        writeln!(
            f,
            "inside: share of the cluster's purchases bought from members; turns: times a pound of its final demand changes hands inside it; retained: income kept in the region per pound."
        )?;
        for a in &self.assumptions {
            writeln!(f, "Assumption: {a}")?;
        }
        Ok(())
    }
}
