//! JavaScript bindings of localecon: one module per core module it exposes, with the core's
//! names. `RegionalTable` is one class whose methods live in the module of their core
//! function (`multipliers` in `multipliers.rs`, `impact` in `scenario.rs` …); results are
//! the core's serde structs turned into plain objects by `convert::to_plain`. No economics
//! here: validation, defaults and option parsing are the core's.

mod case;
mod circularity;
mod clusters;
mod convert;
mod currency;
mod datasets;
mod error;
mod interregional;
mod leakage;
mod linkages;
mod lm3;
mod model;
mod multipliers;
mod ranking;
mod regionalize;
mod report;
mod satellite;
mod scenario;
mod sparse;
mod table;
mod uncertainty;
