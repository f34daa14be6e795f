//! The audit: every check on a table with PASS / WARN / FAIL, computed without failing.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{TableParts, relative_gap, totals};

use crate::error::Error;
use crate::leontief::{Productivity, productivity};

/// The outcome of one audit check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum AuditStatus {
    /// Nothing to report.
    Pass,
    /// Legal, but a person should know (e.g. a zero-output sector).
    Warn,
    /// The table cannot be analysed as it is.
    Fail,
}

impl fmt::Display for AuditStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AuditStatus::Pass => "PASS",
            AuditStatus::Warn => "WARN",
            AuditStatus::Fail => "FAIL",
        })
    }
}

/// One check of the audit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditCheck {
    /// Stable name of the check, e.g. `"row_balance"`.
    pub check: String,
    /// PASS, WARN or FAIL.
    pub status: AuditStatus,
    /// What was found, in a sentence.
    pub detail: String,
}

/// A structured audit of a table.
///
/// Checks, in order: `structure` (shapes and labels), `non_finite`, `negative`,
/// `zero_output`, `row_balance`, `column_balance`, `transposed` (would `Zᵀ` balance where
/// `Z` does not?), `scale` (a sector whose column and row totals differ by a power of ten),
/// `productive` (column sums and spectral radius of `A`), `conditioning` (condition number
/// of `I − A`), `household_closure` (closure coefficients in range).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Audit {
    /// Every check with its status.
    pub checks: Vec<AuditCheck>,
    /// `row total − x` per sector (empty when the shapes are wrong).
    pub row_gaps: Vec<f64>,
    /// `column total − x` per sector (empty when the shapes are wrong).
    pub column_gaps: Vec<f64>,
    /// The relative tolerance the balance checks used.
    pub balance_tolerance: f64,
    /// Codes of sectors with zero output.
    pub zero_output_sectors: Vec<String>,
    /// Largest column sum of `A` (`None` when not computed).
    pub max_column_sum: Option<f64>,
    /// Spectral radius of `A`, computed only when a column sum reaches 1 (above
    /// `linalg::EIGENVALUES_MAX_N` sectors, the Collatz–Wielandt bound that decides, to about
    /// ten digits: [`crate::linalg::perron_root`]).
    pub spectral_radius: Option<f64>,
    /// Whether `A` is productive (`None` when not computed).
    pub productive: Option<bool>,
    /// 1-norm condition estimate `κ₁(I − A) = ‖I − A‖₁·‖L‖₁` (`None` when not computed).
    pub condition: Option<f64>,
}

/// Condition number above which results are flagged as ill-conditioned (they lose about
/// `log₁₀ κ` of their 16 significant digits).
pub const ILL_CONDITIONED: f64 = 1e8;

impl Audit {
    /// The worst status over all checks.
    #[must_use]
    pub fn status(&self) -> AuditStatus {
        self.checks
            .iter()
            .map(|c| c.status)
            .max()
            .unwrap_or(AuditStatus::Pass)
    }

    /// The check with this name.
    #[must_use]
    pub fn check(&self, name: &str) -> Option<&AuditCheck> {
        self.checks.iter().find(|c| c.check == name)
    }
}

impl fmt::Display for Audit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in &self.checks {
            writeln!(f, "{:<4}  {:<15} {}", c.status, c.check, c.detail)?;
        }
        Ok(())
    }
}

fn check(name: &str, status: AuditStatus, detail: impl Into<String>) -> AuditCheck {
    AuditCheck {
        check: name.into(),
        status,
        detail: detail.into(),
    }
}

fn summarise(errors: &[Error], what: &str) -> String {
    let shown: Vec<String> = errors.iter().take(3).map(ToString::to_string).collect();
    let more = errors.len().saturating_sub(3);
    let mut s = format!("{} {what}: {}", errors.len(), shown.join("; "));
    if more > 0 {
        s.push_str(&format!("; and {more} more"));
    }
    s
}

pub(super) fn audit(parts: &TableParts) -> Audit {
    audit_from(parts, None, parts.structural_errors(usize::MAX))
}

/// [`audit`] of a built [`super::RegionalTable`], with its own factorisation of `I − A` when
/// it has one (always, once productive), so that the condition estimate does not factor the
/// same matrix a second time. Both factorisations see the same `A` (`z / x` entry by entry)
/// and give the same bits (a test compares the two audits). The parts are not scanned for
/// structural errors again: `RegionalTable::new` refused the first one, so there are none
/// (the same test compares this audit with the scanning one). One scan of every value less
/// matters most in a browser's first report, where the scan's code is what the engine would
/// otherwise compile a second time, in its optimising tier, while the report waits.
pub(super) fn audit_built(
    parts: &TableParts,
    model: Option<&crate::leontief::LeontiefModel>,
) -> Audit {
    debug_assert!(parts.structural_errors(1).is_empty());
    audit_from(parts, model, Vec::new())
}

fn audit_from(
    parts: &TableParts,
    model: Option<&crate::leontief::LeontiefModel>,
    errors: Vec<Error>,
) -> Audit {
    use AuditStatus::{Fail, Pass, Warn};
    let (structure, rest): (Vec<_>, Vec<_>) = errors.into_iter().partition(|e| {
        matches!(
            e,
            Error::Empty | Error::Shape { .. } | Error::InvalidLabel { .. }
        )
    });
    let (non_finite, rest): (Vec<_>, Vec<_>) = rest
        .into_iter()
        .partition(|e| matches!(e, Error::NonFinite { .. }));
    let (negative, other): (Vec<_>, Vec<_>) = rest
        .into_iter()
        .partition(|e| matches!(e, Error::Negative { .. }));
    let n = parts.sectors.len();
    let mut audit = Audit {
        checks: Vec::new(),
        row_gaps: Vec::new(),
        column_gaps: Vec::new(),
        balance_tolerance: parts.balance_tolerance,
        zero_output_sectors: Vec::new(),
        max_column_sum: None,
        spectral_radius: None,
        productive: None,
        condition: None,
    };
    let structural_ok = structure.is_empty();
    audit.checks.push(if structural_ok {
        check(
            "structure",
            Pass,
            format!("{n} sectors; shapes and labels consistent"),
        )
    } else {
        check(
            "structure",
            Fail,
            summarise(&structure, "shape or label problems"),
        )
    });
    audit.checks.push(if non_finite.is_empty() {
        check("non_finite", Pass, "all values finite")
    } else {
        check(
            "non_finite",
            Fail,
            summarise(&non_finite, "NaN or infinite values"),
        )
    });
    audit.checks.push(if negative.is_empty() {
        check("negative", Pass, "no negative flows where none may be")
    } else {
        check("negative", Fail, summarise(&negative, "negative flows"))
    });
    if !other.is_empty() {
        audit.checks.push(check(
            "parameters",
            Fail,
            summarise(&other, "parameter problems"),
        ));
    }
    if !(structural_ok && non_finite.is_empty()) {
        return audit;
    }
    let (col, row) = totals(parts);
    let x = parts.output.clone().unwrap_or_else(|| col.clone());
    audit.zero_output_sectors = (0..n)
        .filter(|&j| x[j] == 0.0)
        .map(|j| parts.sectors[j].code.clone())
        .collect();
    // a table given without primary-input kinds reads every row as "other", which leaks in
    // full by default: its leakage would be an artefact, not a finding
    let all_other = !parts.primary_inputs.is_empty()
        && parts
            .primary_inputs
            .iter()
            .all(|r| r.kind == super::PrimaryInputKind::Other);
    audit.checks.push(
        if all_other && parts.retention.other == super::Share::Uniform(0.0) {
            check(
                "primary_input_kinds",
                Warn,
                "every primary-input row is of kind \"other\", which leaks in full: leakage of 100 % of value added is an artefact of the missing kinds; give each row its kind (imports_rest_of_country, compensation, operating_surplus, taxes_on_products, …)",
            )
        } else {
            check(
                "primary_input_kinds",
                Pass,
                "primary-input rows carry their kinds",
            )
        },
    );
    audit.checks.push(if audit.zero_output_sectors.is_empty() {
        check("zero_output", Pass, "every sector has output")
    } else {
        check(
            "zero_output",
            Warn,
            format!(
                "zero output in {}: their coefficients are set to 0",
                audit.zero_output_sectors.join(", ")
            ),
        )
    });
    let tol = parts.balance_tolerance;
    for (name, totals) in [("row_balance", &row), ("column_balance", &col)] {
        let gaps: Vec<f64> = totals.iter().zip(&x).map(|(t, x)| t - x).collect();
        let (worst, rel) = (0..n)
            .map(|j| (j, relative_gap(totals[j], x[j])))
            .fold((0, 0.0), |a, b| if b.1 > a.1 { b } else { a });
        let max_abs = gaps.iter().fold(0.0_f64, |m, g| m.max(g.abs()));
        let detail = format!(
            "largest gap {max_abs:.3e} (relative {rel:.3e} in sector {}) against tolerance {tol:.1e}",
            parts.sectors[worst].code
        );
        let status = if rel > tol {
            Fail
        } else if rel > 1e-9 {
            Warn
        } else {
            Pass
        };
        audit.checks.push(check(name, status, detail));
        if name == "row_balance" {
            audit.row_gaps = gaps;
        } else {
            audit.column_gaps = gaps;
        }
    }
    let worst_gap = |totals: &[f64]| {
        (0..n)
            .map(|j| relative_gap(totals[j], x[j]))
            .fold(0.0, f64::max)
    };
    let (row_gap, col_gap) = (worst_gap(&row), worst_gap(&col));
    // the totals a transposed Z would give: rows take column sums of Z and vice versa
    let mut row_t = row.clone();
    let mut col_t = col.clone();
    for i in 0..n {
        let (mut zr, mut zc) = (0.0, 0.0);
        for j in 0..n {
            zr += parts.z[i * n + j];
            zc += parts.z[j * n + i];
        }
        row_t[i] += zc - zr;
        col_t[i] += zr - zc;
    }
    let transposed_fits = worst_gap(&row_t) <= tol && worst_gap(&col_t) <= tol;
    audit.checks.push(if (row_gap > tol || col_gap > tol) && transposed_fits {
        check(
            "transposed",
            Fail,
            "the table balances only with Z transposed: Z[i][j] must be what sector j buys from sector i (Miller & Blair orientation)",
        )
    } else {
        check("transposed", Pass, "Z is oriented as buyer columns and seller rows")
    });
    let scaled: Vec<String> = (0..n)
        .filter_map(|j| {
            let (r, c) = (row[j].abs(), col[j].abs());
            if r == 0.0 || c == 0.0 {
                return None;
            }
            let k = libm::log10(c / r);
            // an order of magnitude or more between what a sector pays and what it sells
            // is a unit error, not a rounding gap
            (k.abs() >= 0.9).then(|| {
                format!(
                    "{} (column total ≈ row total × 10^{:.1})",
                    parts.sectors[j].code, k
                )
            })
        })
        .collect();
    audit.checks.push(if scaled.is_empty() {
        check(
            "scale",
            Pass,
            "no sector's column and row totals differ by an order of magnitude",
        )
    } else {
        check(
            "scale",
            Fail,
            format!(
                "likely unit error in {}: a column or row entered in other units",
                scaled.join(", ")
            ),
        )
    });
    match productivity(n, &parts.z, &x, &parts.sectors) {
        Ok(Productivity {
            max_column_sum,
            spectral_radius,
            ..
        }) => {
            audit.max_column_sum = Some(max_column_sum);
            audit.spectral_radius = spectral_radius;
            audit.productive = Some(true);
            let detail = match spectral_radius {
                None => format!("every column sum of A is below 1 (largest {max_column_sum:.6})"),
                Some(r) => format!(
                    "a column sum of A reaches {max_column_sum:.6}, but the spectral radius is {r:.6} < 1"
                ),
            };
            audit.checks.push(check("productive", Pass, detail));
            let kappa = match model {
                Some(model) => Some(model.condition_estimate()),
                None => crate::leontief::LeontiefModel::new_unchecked(
                    n,
                    crate::leontief::technical_coefficients(n, &parts.z, &x),
                )
                .ok()
                .map(|model| model.condition_estimate()),
            };
            if let Some(kappa) = kappa {
                audit.condition = Some(kappa);
                audit.checks.push(if kappa > ILL_CONDITIONED {
                    check("conditioning", Warn, format!("condition number of I − A is {kappa:.2e}: results lose about {:.0} of 16 digits", libm::log10(kappa)))
                } else {
                    check("conditioning", Pass, format!("condition number of I − A is {kappa:.2e}"))
                });
            }
        }
        Err(e) => {
            if let Error::NonProductive {
                spectral_radius,
                max_column_sum,
                ..
            } = &e
            {
                audit.max_column_sum = Some(*max_column_sum);
                audit.spectral_radius = Some(*spectral_radius);
            }
            audit.productive = Some(false);
            audit.checks.push(check("productive", Fail, e.to_string()));
        }
    }
    audit.checks.push(closure_check(parts, &x));
    audit
}

fn closure_check(parts: &TableParts, x: &[f64]) -> AuditCheck {
    use crate::table::{FinalDemandKind, HouseholdClosure};
    let n = parts.sectors.len();
    let consumption: f64 = parts
        .final_demand
        .iter()
        .filter(|c| HouseholdClosure::is_consumption(c.kind))
        .flat_map(|c| c.values.iter())
        .sum();
    if !parts
        .final_demand
        .iter()
        .any(|c| c.kind == FinalDemandKind::Households)
    {
        return check(
            "household_closure",
            AuditStatus::Pass,
            "no household column: Type II results are not available",
        );
    }
    let closure = &parts.household_closure;
    let income: f64 = parts
        .primary_inputs
        .iter()
        .filter(|r| closure.is_income(r.kind))
        .map(|r| {
            (0..n)
                .map(|j| parts.retention.share(r.kind, j) * r.values[j])
                .sum::<f64>()
        })
        .sum();
    let worst_row = (0..n)
        .filter(|&j| x[j] > 0.0)
        .map(|j| {
            parts
                .primary_inputs
                .iter()
                .filter(|r| closure.is_income(r.kind))
                .map(|r| parts.retention.share(r.kind, j) * r.values[j])
                .sum::<f64>()
                / x[j]
        })
        .fold(0.0, f64::max);
    let h = closure.household_income.unwrap_or(income);
    let local_share = if h > 0.0 {
        consumption / h
    } else {
        f64::INFINITY
    };
    let spends_less_than_earned = local_share < 1.0;
    if !spends_less_than_earned {
        check(
            "household_closure",
            AuditStatus::Fail,
            format!(
                "households would spend {local_share:.3} of their income locally (must be below 1): state household_income"
            ),
        )
    } else if worst_row > 1.0 {
        check(
            "household_closure",
            AuditStatus::Fail,
            format!(
                "household income per unit of output reaches {worst_row:.3} (must be at most 1)"
            ),
        )
    } else {
        check(
            "household_closure",
            AuditStatus::Pass,
            format!(
                "households spend {:.1} % of income H = {h:.0} locally; income per unit of output at most {worst_row:.3}",
                100.0 * local_share
            ),
        )
    }
}
