//! JavaScript bindings of localecon: one module per core module it exposes, with the core's
//! names. `RegionalTable` is one class whose methods live in the module of their core
//! function (`multipliers` in `multipliers.rs`, `impact` in `scenario.rs` …); results are
//! the core's serde structs turned into plain objects by `convert::to_plain`. No economics
//! here: validation, defaults and option parsing are the core's.

mod case;
#[cfg(feature = "full")]
mod circularity;
#[cfg(feature = "full")]
mod clusters;
mod convert;
#[cfg(feature = "full")]
mod currency;
mod datasets;
mod error;
#[cfg(feature = "full")]
mod interregional;
mod leakage;
#[cfg(feature = "full")]
mod linkages;
#[cfg(feature = "full")]
mod lm3;
#[cfg(feature = "full")]
mod model;
mod multipliers;
#[cfg(feature = "full")]
mod ranking;
#[cfg(feature = "full")]
mod regionalize;
mod report;
#[cfg(feature = "full")]
mod satellite;
#[cfg(feature = "full")]
mod scenario;
#[cfg(feature = "full")]
mod sparse;
mod table;
#[cfg(feature = "full")]
mod uncertainty;
