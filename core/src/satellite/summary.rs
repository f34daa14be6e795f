//! The satellite's part of a report: stressors per unit of final demand for every sector and
//! the region's accounts (the report that holds them is built in
//! [`crate::report`], which sits above this module).

use serde::{Deserialize, Serialize};

use super::{StressorAccount, StressorInfo};

/// One stressor of one sector, per unit of final demand for the sector (in the stressor's
/// unit per unit of the table's money: FTE per £1m, kt CO2e per £1m = kg CO2e per £).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectorFootprint {
    /// The stressor's name.
    pub stressor: String,
    /// Direct intensity `S_sj` (per unit of the sector's own output).
    pub direct: f64,
    /// Inside the region, Type I `(S·L)_sj`.
    pub type_i: f64,
    /// Inside the region, Type II `(S·L̄)_sj` (with household re-spending).
    pub type_ii: Option<f64>,
    /// Outside the region, through the imports of the Type I supply chain, all origins.
    pub outside: f64,
    /// Share of the Type I footprint (inside + outside) caused inside the region.
    pub local_share: f64,
}

/// The satellite's summary in a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SatelliteSummary {
    /// Source and licence line of the satellite data.
    pub source: Option<String>,
    /// The stressors, in the order of every sector's `footprint`.
    pub stressors: Vec<StressorInfo>,
    /// The production- and consumption-based accounts of the region.
    pub accounts: Vec<StressorAccount>,
    /// The assumptions the numbers rest on.
    pub assumptions: Vec<String>,
}
