//! Structural path analysis: the supply-chain paths that carry a final-demand injection to
//! value added or leakage (Defourny & Thorbecke 1984; Lenzen & Crawford 2009).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result};
use crate::model::{LeontiefModel, per_unit_of_output};
use crate::table::{PrimaryInputKind, RegionalTable};

spelled_enum! {
    /// What the paths end in: a coefficient row `w` per unit of output.
    PathTarget, "path target" {
        /// Gross value added (compensation + surplus + taxes on production).
        ValueAdded => "value_added",
        /// Compensation of employees.
        Income => "income",
        /// Everything that leaves the region (non-retained primary inputs).
        Leakage => "leakage",
    }
}

/// One supply-chain path and the value it carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StructuralPath {
    /// Sector indices from the sector receiving final demand to the sector where the target
    /// is paid: money flows along the path from buyer to supplier.
    pub nodes: Vec<usize>,
    /// Sector codes in the same order.
    pub codes: Vec<String>,
    /// `w_last · a_{k_m,k_{m−1}} ··· a_{k_1,k_0}` per unit of final demand.
    pub value: f64,
}

/// The default work limit of [`structural_paths`]: candidate path extensions examined (each
/// costs a few operations; 2·10⁷ take well under a second).
pub const DEFAULT_PATH_STEPS: u64 = 20_000_000;

/// The largest paths of one injection and their coverage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StructuralPaths {
    /// The largest paths, by value.
    pub paths: Vec<StructuralPath>,
    /// The total effect `(wᵀL)_s` that all paths together carry.
    pub total: f64,
    /// Share of `total` carried by the paths returned.
    pub coverage: f64,
    /// Candidate extensions examined (the work done, at most the limit).
    #[serde(default)]
    pub steps: u64,
    /// Why the search stopped before it was complete, when it did (the work limit): the
    /// paths returned are the largest of those visited, `coverage` what they explain.
    #[serde(default)]
    pub truncated: Option<String>,
}

struct Walk<'a> {
    n: usize,
    a: &'a [f64],
    w: &'a [f64],
    cutoff: f64,
    max_depth: usize,
    top_k: usize,
    best: Vec<(f64, Vec<usize>)>,
    steps: u64,
    max_steps: u64,
    stopped: bool,
    /// Stopped by its caller ([`crate::interrupt`]), looked at every 2¹⁶ steps.
    interrupted: bool,
}

impl Walk<'_> {
    fn offer(&mut self, value: f64, path: &[usize]) {
        if self.best.len() == self.top_k && value <= self.best[self.top_k - 1].0 {
            return;
        }
        let pos = self.best.partition_point(|(v, _)| *v >= value);
        self.best.insert(pos, (value, path.to_vec()));
        self.best.truncate(self.top_k);
    }

    fn walk(&mut self, path: &mut Vec<usize>, reach: f64) {
        let last = *path.last().expect("non-empty");
        let value = reach * self.w[last];
        if value.abs() >= self.cutoff {
            self.offer(value, path);
        }
        if path.len() > self.max_depth {
            return;
        }
        for next in 0..self.n {
            if self.steps == self.max_steps {
                self.stopped = true;
            }
            if self.steps & 0xFFFF == 0 && crate::interrupt::requested() {
                self.stopped = true;
                self.interrupted = true;
            }
            if self.stopped {
                return;
            }
            self.steps += 1;
            let r = reach * self.a[next * self.n + last];
            if r >= self.cutoff {
                path.push(next);
                self.walk(path, r);
                path.pop();
            }
        }
    }
}

/// The `top_k` largest structural paths from one unit of final demand for `sector` to
/// `target`, with the default work limit [`DEFAULT_PATH_STEPS`] (see
/// [`structural_paths_bounded`]).
///
/// Cutoff: a path is followed while the output it requires stays at least `cutoff` per unit
/// injected (each step multiplies by a coefficient below 1, so the search ends), and at most
/// `max_depth` steps deep; paths whose value is below `cutoff` are not reported. `coverage`
/// says how much of the total effect the reported paths explain.
///
/// # Errors
///
/// [`Error::UnknownLabel`] for an unknown sector; [`Error::OutOfRange`] for a cutoff outside
/// `(0, 1)` or `top_k = 0`; the errors of [`LeontiefModel::new`].
///
/// # Example
///
/// ```
/// use localecon::linkages::{PathTarget, structural_paths};
/// let t = localecon::datasets::scotland_2019();
/// let sp = structural_paths(&t, "10.7", PathTarget::ValueAdded, 1e-4, 8, 10)?;
/// // the direct path (the bakery's own value added) comes first
/// assert_eq!(sp.paths[0].codes, vec!["10.7"]);
/// assert!(sp.coverage > 0.5 && sp.coverage <= 1.0 + 1e-12);
/// # Ok::<(), localecon::Error>(())
/// ```
pub fn structural_paths(
    table: &RegionalTable,
    sector: &str,
    target: PathTarget,
    cutoff: f64,
    max_depth: usize,
    top_k: usize,
) -> Result<StructuralPaths> {
    structural_paths_bounded(
        table,
        sector,
        target,
        cutoff,
        max_depth,
        top_k,
        DEFAULT_PATH_STEPS,
    )
}

/// [`structural_paths`] with an explicit work limit: at most `max_steps` candidate
/// extensions are examined (`O(max_steps)` work after one solve for the total, `O(n²)`);
/// a search that reaches it stops and returns the largest paths visited, with
/// [`StructuralPaths::truncated`] saying so (the number of paths above a cutoff grows
/// exponentially with the depth on a dense table).
///
/// # Errors
///
/// As [`structural_paths`], and [`Error::OutOfRange`] for `max_steps = 0`.
pub fn structural_paths_bounded(
    table: &RegionalTable,
    sector: &str,
    target: PathTarget,
    cutoff: f64,
    max_depth: usize,
    top_k: usize,
    max_steps: u64,
) -> Result<StructuralPaths> {
    let s = table.sector_index(sector)?;
    if max_steps == 0 {
        return Err(Error::OutOfRange {
            location: Location::Field("max_steps".into()),
            value: 0.0,
            expected: "at least 1".into(),
        });
    }
    if !(cutoff > 0.0 && cutoff < 1.0) {
        return Err(Error::OutOfRange {
            location: Location::Field("cutoff".into()),
            value: cutoff,
            expected: "0 < cutoff < 1".into(),
        });
    }
    if top_k == 0 {
        return Err(Error::OutOfRange {
            location: Location::Field("top_k".into()),
            value: 0.0,
            expected: "at least 1".into(),
        });
    }
    let model = LeontiefModel::new(table)?;
    let n = table.n();
    let x = table.output();
    let w = match target {
        PathTarget::ValueAdded | PathTarget::Income => {
            let pred = |k: PrimaryInputKind| match target {
                PathTarget::ValueAdded => k.is_value_added(),
                _ => k == PrimaryInputKind::Compensation,
            };
            table.input_coefficients_where(pred)
        }
        PathTarget::Leakage => {
            let retention = table.retention();
            let totals: Vec<f64> = (0..n)
                .map(|j| {
                    table
                        .primary_inputs()
                        .iter()
                        .map(|r| (1.0 - retention.share(r.kind, j)) * r.values[j])
                        .sum()
                })
                .collect();
            per_unit_of_output(&totals, x)
        }
    };
    let total = model.solve_transpose(&w)?[s];
    let mut walk = Walk {
        n,
        a: model.coefficients(),
        w: &w,
        cutoff,
        max_depth,
        top_k,
        best: Vec::new(),
        steps: 0,
        max_steps,
        stopped: false,
        interrupted: false,
    };
    let mut path = vec![s];
    walk.walk(&mut path, 1.0);
    if walk.interrupted {
        return Err(Error::Interrupted {
            what: format!("the structural-path search after {} steps", walk.steps),
        });
    }
    let (steps, stopped) = (walk.steps, walk.stopped);
    let paths: Vec<StructuralPath> = walk
        .best
        .into_iter()
        .map(|(value, nodes)| StructuralPath {
            codes: nodes
                .iter()
                .map(|&k| table.sectors()[k].code.clone())
                .collect(),
            nodes,
            value,
        })
        .collect();
    let covered: f64 = paths.iter().map(|p| p.value).sum();
    Ok(StructuralPaths {
        coverage: if total == 0.0 { 0.0 } else { covered / total },
        paths,
        total,
        steps,
        truncated: stopped.then(|| {
            format!(
                "the search stopped at its work limit of {max_steps} steps (cutoff {cutoff:e}, depth {max_depth}): the paths are the largest of those visited; raise the cutoff, lower the depth or raise max_steps"
            )
        }),
    })
}
