//! `Sector`: a local sector's code and name, the label every vector of a table is aligned by.

use serde::{Deserialize, Serialize};

/// A local sector (industry or product group) of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sector {
    /// Short unique code, e.g. `"01"` or `"C"`.
    pub code: String,
    /// Readable name, e.g. `"Agriculture"`.
    pub name: String,
}
