//! Concordances between classifications (e.g. SIC 2007 classes to a table's industries) and
//! aggregation of a table to coarser sectors.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result, check_finite};
use crate::table::{FinalDemandColumn, PrimaryInputRow, RegionalTable, Sector, TableParts};

/// A many-to-many lookup from source codes to target codes, with weights that say how a
/// source value is split across its targets.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Concordance {
    links: BTreeMap<String, Vec<(String, f64)>>,
}

/// One link of a concordance as data: `[source, target]` (weight 1) or
/// `[source, target, weight]`, as the bindings take a lookup table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ConcordanceLink {
    /// `[source, target, weight]`.
    Weighted(String, String, f64),
    /// `[source, target]`, weight 1.
    Plain(String, String),
}

impl Concordance {
    /// A concordance from links given as data (a link given twice adds its weights).
    #[must_use]
    pub fn from_links(links: Vec<ConcordanceLink>) -> Self {
        let mut c = Self::new();
        for link in links {
            match link {
                ConcordanceLink::Weighted(s, t, w) => c.link(s, t, w),
                ConcordanceLink::Plain(s, t) => c.link(s, t, 1.0),
            }
        }
        c
    }

    /// An empty concordance.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A concordance where each source maps to its targets with equal weight.
    #[must_use]
    pub fn from_pairs<S: Into<String>, T: Into<String>>(
        pairs: impl IntoIterator<Item = (S, T)>,
    ) -> Self {
        let mut c = Self::new();
        for (s, t) in pairs {
            c.link(s, t, 1.0);
        }
        c
    }

    /// Adds (or adds weight to) the link `source → target`.
    pub fn link(&mut self, source: impl Into<String>, target: impl Into<String>, weight: f64) {
        let targets = self.links.entry(source.into()).or_default();
        let target = target.into();
        match targets.iter_mut().find(|(t, _)| *t == target) {
            Some((_, w)) => *w += weight,
            None => targets.push((target, weight)),
        }
    }

    /// The targets of a source code, with their weights.
    #[must_use]
    pub fn targets(&self, source: &str) -> Option<&[(String, f64)]> {
        self.links.get(source).map(Vec::as_slice)
    }

    /// Maps values by source code onto `targets` (in that order): each source value is
    /// split across its targets in proportion to the link weights (equally when all its
    /// weights are 0).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLabel`] for a source code the concordance does not know, or a target
    /// that is not in `targets`; [`Error::NonFinite`] for NaN/∞ values.
    pub fn apply(&self, values: &[(String, f64)], targets: &[String]) -> Result<Vec<f64>> {
        let index: HashMap<&str, usize> = targets
            .iter()
            .enumerate()
            .map(|(k, t)| (t.as_str(), k))
            .collect();
        let mut out = vec![0.0; targets.len()];
        for (code, value) in values {
            check_finite(*value, || Location::Field(format!("value of {code}")))?;
            let links = self.links.get(code).ok_or_else(|| Error::UnknownLabel {
                what: "concordance source code".into(),
                label: code.clone(),
            })?;
            let total: f64 = links.iter().map(|(_, w)| w).sum();
            for (target, w) in links {
                let k = *index
                    .get(target.as_str())
                    .ok_or_else(|| Error::UnknownLabel {
                        what: "concordance target (not a sector of the table)".into(),
                        label: target.clone(),
                    })?;
                out[k] += if total > 0.0 {
                    value * w / total
                } else {
                    value / links.len() as f64
                };
            }
        }
        Ok(out)
    }
}

/// Aggregates a table to coarser sectors: `group[j]` is the code of the group sector `j`
/// belongs to; groups appear in order of first appearance and take `names` where given.
/// Flows, final demand, primary inputs, output, employment and imports by product are
/// summed.
///
/// # Errors
///
/// [`Error::Shape`] when `group` does not have one entry per sector;
/// [`Error::InvalidInput`] when the table has per-sector retention shares (they cannot be
/// summed); the errors of [`RegionalTable::new`].
pub fn aggregate(
    table: &RegionalTable,
    group: &[String],
    names: &HashMap<String, String>,
) -> Result<RegionalTable> {
    let n = table.n();
    if group.len() != n {
        return Err(Error::Shape {
            what: "group codes".into(),
            expected: n,
            found: group.len(),
        });
    }
    let mut codes: Vec<String> = Vec::new();
    let mut of = vec![0usize; n];
    for (j, g) in group.iter().enumerate() {
        of[j] = match codes.iter().position(|c| c == g) {
            Some(k) => k,
            None => {
                codes.push(g.clone());
                codes.len() - 1
            }
        };
    }
    let m = codes.len();
    let mut z = vec![0.0; m * m];
    for i in 0..n {
        for j in 0..n {
            z[of[i] * m + of[j]] += table.z_at(i, j);
        }
    }
    let sum = |v: &[f64]| {
        let mut out = vec![0.0; m];
        for (j, x) in v.iter().enumerate() {
            out[of[j]] += x;
        }
        out
    };
    let sectors = codes
        .iter()
        .map(|c| Sector {
            code: c.clone(),
            name: names.get(c).cloned().unwrap_or_else(|| c.clone()),
        })
        .collect();
    let p = table.parts();
    let mut parts = TableParts::new(p.name.clone(), sectors, z);
    parts.unit.clone_from(&p.unit);
    parts.source.clone_from(&p.source);
    parts.final_demand = p
        .final_demand
        .iter()
        .map(|c| FinalDemandColumn {
            label: c.label.clone(),
            kind: c.kind,
            values: sum(&c.values),
        })
        .collect();
    parts.primary_inputs = p
        .primary_inputs
        .iter()
        .map(|r| PrimaryInputRow {
            label: r.label.clone(),
            kind: r.kind,
            values: sum(&r.values),
        })
        .collect();
    parts.output = p.output.as_ref().map(|x| sum(x));
    parts.employment = p.employment.as_ref().map(|e| crate::table::Employment {
        unit: e.unit.clone(),
        values: sum(&e.values),
    });
    parts.import_use = p.import_use.as_ref().map(|iu| crate::table::ImportUse {
        basis: iu.basis,
        blocks: iu
            .blocks
            .iter()
            .map(|b| {
                let mut values = vec![0.0; m * m];
                for i in 0..n {
                    for j in 0..n {
                        values[of[i] * m + of[j]] += b.values[i * n + j];
                    }
                }
                crate::table::ImportUseBlock {
                    origin: b.origin.clone(),
                    values,
                }
            })
            .collect(),
    });
    parts.household_closure = p.household_closure.clone();
    parts.balance_tolerance = p.balance_tolerance;
    let r = &p.retention;
    let uniform = [
        &r.taxes_on_products,
        &r.taxes_on_production,
        &r.compensation,
        &r.operating_surplus,
        &r.other,
    ]
    .iter()
    .all(|s| matches!(s, crate::table::Share::Uniform(_)));
    if !uniform {
        return Err(Error::InvalidInput {
            what: "aggregate".into(),
            message: "the table has per-sector retention shares; aggregate first, then set them per group".into(),
        });
    }
    parts.retention = r.clone();
    RegionalTable::new(parts)
}

/// The SIC 2007 section (`'A'`–`'U'`) of a two-digit SIC division (`"01"`–`"99"`), or `None`
/// for a code that is not a division.
///
/// # Example
///
/// ```
/// use localecon::regionalize::sic_section;
/// assert_eq!(sic_section("47"), Some('G'));
/// assert_eq!(sic_section("04"), None);
/// ```
#[must_use]
pub fn sic_section(division: &str) -> Option<char> {
    let d: u32 = division.get(..2)?.parse().ok()?;
    Some(match d {
        1..=3 => 'A',
        5..=9 => 'B',
        10..=33 => 'C',
        35 => 'D',
        36..=39 => 'E',
        41..=43 => 'F',
        45..=47 => 'G',
        49..=53 => 'H',
        55 | 56 => 'I',
        58..=63 => 'J',
        64..=66 => 'K',
        68 => 'L',
        69..=75 => 'M',
        77..=82 => 'N',
        84 => 'O',
        85 => 'P',
        86..=88 => 'Q',
        90..=93 => 'R',
        94..=96 => 'S',
        97 | 98 => 'T',
        99 => 'U',
        _ => return None,
    })
}

#[cfg(test)]
mod link_tests {
    use super::*;

    #[test]
    fn links_as_data_are_the_concordance_built_by_hand() {
        let links: Vec<ConcordanceLink> = crate::input_from_json(
            r#"[["a", "X"], ["b", "X", 1.0], ["b", "Y", 3.0], ["a", "X"]]"#,
            "lookup",
        )
        .unwrap();
        let mut by_hand = Concordance::new();
        by_hand.link("a", "X", 2.0); // given twice: the weights add
        by_hand.link("b", "X", 1.0);
        by_hand.link("b", "Y", 3.0);
        assert_eq!(Concordance::from_links(links), by_hand);
        let bad = crate::input_from_json::<Vec<ConcordanceLink>>(r#"[["a"]]"#, "lookup");
        assert_eq!(bad.unwrap_err().code(), "invalid_input");
    }
}
