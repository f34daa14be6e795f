//! JavaScript bindings of localecon: one module per core module it exposes, with the core's
//! names. `RegionalTable` is one class whose methods live in the module of their core
//! function (`multipliers` in `multipliers.rs`, `impact` in `scenario.rs` …); results are
//! the core's serde structs turned into plain objects by `convert::to_plain`. No economics
//! here: validation, defaults and option parsing are the core's.

// in both modules: `localecon` and `localecon/report` (the crate without its `full` feature)
mod case;
mod convert;
mod datasets;
mod error;
mod leakage;
mod multipliers;
mod report;
mod table;

/// Declares the modules of `localecon` alone, left out of `localecon/report`'s.
macro_rules! full {
    ($($module:ident),* $(,)?) => { $(#[cfg(feature = "full")] mod $module;)* };
}

full!(
    circularity,
    clusters,
    currency,
    interregional,
    linkages,
    lm3,
    model,
    ranking,
    regionalize,
    satellite,
    scenario,
    sparse,
    uncertainty,
);
