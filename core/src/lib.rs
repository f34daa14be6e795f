#![doc = include_str!("../../README.md")]

#[macro_use]
mod spelling;
pub use spelling::{
    PlaceStep, input_error, input_error_at, input_from_deserializer, input_from_json,
    input_from_value, input_place, take_refused_spelling,
};

pub mod atlas;
mod buffer;
pub mod circularity;
pub mod clusters;
pub mod currency;
pub mod datasets;
pub mod error;
pub mod interchange;
pub mod interregional;
pub mod interrupt;
pub mod leakage;
pub mod leontief;
pub mod linalg;
pub mod linkages;
pub mod lm3;
pub mod model;
pub mod multipliers;
pub mod network;
pub mod regionalize;
pub mod report;
pub mod satellite;
pub mod scenario;
pub mod sector;
pub mod sparse;
pub mod table;
pub mod uncertainty;

#[cfg(doctest)]
#[doc = include_str!("../../docs/src/table.md")]
mod book_table {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/multipliers.md")]
mod book_multipliers {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/leakage.md")]
mod book_leakage {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/guide-rust.md")]
mod book_guide_rust {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/circularity.md")]
mod book_circularity {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/linkages.md")]
mod book_linkages {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/lm3.md")]
mod book_lm3 {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/regionalize.md")]
mod book_regionalize {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/australia.md")]
mod book_australia {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/council-validation.md")]
mod book_council_validation {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/scenario.md")]
mod book_scenario {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/satellite.md")]
mod book_satellite {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/interregional.md")]
mod book_interregional {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/uncertainty.md")]
mod book_uncertainty {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/clusters.md")]
mod book_clusters {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/performance.md")]
mod book_performance {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/regionalisation-validation.md")]
mod book_regionalisation_validation {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/src/councils.md")]
mod book_councils {}

pub use atlas::{Atlas, AtlasRow};
pub use circularity::FlowSystem;
pub use currency::{CurrencyResult, LocalCurrency};
pub use error::{Error, Location, Result};
pub use interregional::{InterregionalModel, InterregionalTable};
pub use leakage::{ClosedLeakage, Leakage, LeakageChannel};
pub use leontief::LeontiefModel;
pub use linkages::Linkages;
pub use lm3::{Lm3, Lm3Survey};
pub use model::ClosedModel;
pub use multipliers::{Effects, Multipliers};
pub use network::{Account, FlowNetwork};
pub use regionalize::RegionalizeOptions;
pub use report::RegionReport;
pub use satellite::Satellite;
pub use scenario::{Change, LeakRanking, LeakRankingOptions, Scenario};
pub use sector::Sector;
pub use sparse::SparseNetwork;
pub use table::{
    Audit, Employment, FinalDemandColumn, FinalDemandKind, ImportBasis, ImportUse,
    PrimaryInputKind, PrimaryInputRow, RegionalTable, TableParts,
};
