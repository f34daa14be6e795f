//! The one error type of localecon: every bad input is answered by a variant that names the
//! place and the value, and carries a stable machine-readable [`Error::code`].

use std::fmt;

/// Where in a table a bad value sits.
///
/// Printed as a human-readable location (`Z[3, 7]`, `final demand "EXPORTS_ROW", row 12`) so
/// that an error message points a person to the cell in their spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Location {
    /// A cell of the intermediate-flow matrix `Z` (row = selling sector, column = buying sector).
    Z {
        /// Row index (selling sector, 0-based).
        row: usize,
        /// Column index (buying sector, 0-based).
        col: usize,
    },
    /// A cell of a final-demand column.
    FinalDemand {
        /// The column label.
        column: String,
        /// The sector index (0-based).
        row: usize,
    },
    /// A cell of a primary-input row.
    PrimaryInput {
        /// The row label.
        row: String,
        /// The sector index (0-based).
        col: usize,
    },
    /// An entry of the employment vector.
    Employment {
        /// The sector index (0-based).
        sector: usize,
    },
    /// A named scalar or vector argument, e.g. `household_income` or `retention.compensation[4]`.
    Field(String),
    /// A line (1-based) and column (1-based) of a text file.
    Line {
        /// 1-based line number.
        line: usize,
        /// 1-based column (field) number.
        column: usize,
    },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Z { row, col } => write!(f, "Z[{row}, {col}]"),
            Location::FinalDemand { column, row } => {
                write!(f, "final demand \"{column}\", sector {row}")
            }
            Location::PrimaryInput { row, col } => {
                write!(f, "primary input \"{row}\", sector {col}")
            }
            Location::Employment { sector } => write!(f, "employment, sector {sector}"),
            Location::Field(name) => write!(f, "{name}"),
            Location::Line { line, column } => write!(f, "line {line}, field {column}"),
        }
    }
}

/// Every way a localecon call can fail.
///
/// The enum is `#[non_exhaustive]`: new kinds of failure may be added. Match on
/// [`Error::code`] for a stable string that the Python and JavaScript bindings expose too.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A matrix or vector has the wrong length.
    #[error("shape mismatch in {what}: expected {expected}, found {found}")]
    Shape {
        /// What was being checked, e.g. `"Z rows"`.
        what: String,
        /// The expected length.
        expected: usize,
        /// The length found.
        found: usize,
    },
    /// A table with no sectors.
    #[error("empty table: a regional table needs at least one sector")]
    Empty,
    /// A label that is empty or appears twice.
    #[error("invalid label {label:?} in {what}: {reason}")]
    InvalidLabel {
        /// Which list of labels, e.g. `"sector codes"`.
        what: String,
        /// The offending label.
        label: String,
        /// `"duplicate"` or `"empty"`.
        reason: String,
    },
    /// A label that names no sector, column or row of the table.
    #[error("unknown label {label:?} in {what}")]
    UnknownLabel {
        /// Where the label was looked up, e.g. `"sector"`.
        what: String,
        /// The label asked for.
        label: String,
    },
    /// A NaN or infinite number.
    #[error("non-finite value {value} at {location}")]
    NonFinite {
        /// Where the value sits.
        location: Location,
        /// The value (NaN or ±∞).
        value: f64,
    },
    /// A negative number where only non-negative flows make sense.
    #[error("negative value {value} at {location}: this flow cannot be negative")]
    Negative {
        /// Where the value sits.
        location: Location,
        /// The negative value.
        value: f64,
    },
    /// A share outside `[0, 1]`, or another argument out of its range.
    #[error("value {value} out of range at {location}: expected {expected}")]
    OutOfRange {
        /// Where the value sits.
        location: Location,
        /// The value given.
        value: f64,
        /// The allowed range, in words.
        expected: String,
    },
    /// The row and column totals of a sector disagree beyond the stated tolerance.
    #[error(
        "unbalanced: {code} (index {sector}) takes in {row_total} but pays out {column_total} (relative gap {relative_gap:.3e} > tolerance {tolerance:.1e})"
    )]
    Unbalanced {
        /// Sector index (0-based).
        sector: usize,
        /// Sector code.
        code: String,
        /// `Σ_j Z[i][j] + Σ_c Y[i][c]`.
        row_total: f64,
        /// `Σ_i Z[i][j] + Σ_k P[k][j]`.
        column_total: f64,
        /// |row − column| / max(|column|, 1).
        relative_gap: f64,
        /// The tolerance in force.
        tolerance: f64,
    },
    /// The coefficient matrix `A` is not productive: `(I − A)⁻¹` is not a non-negative matrix.
    #[error(
        "non-productive coefficient matrix: spectral radius of A is {spectral_radius:.6} (must be < 1); largest column sum {max_column_sum:.6} in sector {sector} ({code})"
    )]
    NonProductive {
        /// The spectral radius ρ(A) (above `linalg::EIGENVALUES_MAX_N` sectors, the
        /// Collatz–Wielandt lower bound that proves `ρ ≥ 1`, to about ten digits:
        /// [`crate::linalg::perron_root`]).
        spectral_radius: f64,
        /// The largest column sum of `A`.
        max_column_sum: f64,
        /// Sector with the largest column sum.
        sector: usize,
        /// Its code.
        code: String,
    },
    /// A linear system that has no unique solution.
    #[error("singular system: pivot {pivot:.3e} at position {position} in {what}")]
    Singular {
        /// Which system, e.g. `"I − A"`.
        what: String,
        /// The smallest pivot of the LU factorisation.
        pivot: f64,
        /// Its position.
        position: usize,
    },
    /// Malformed interchange JSON.
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser found.
        message: String,
    },
    /// A JSON document of another format or version.
    #[error("unsupported format {format:?} version {version}: this build reads {supported}")]
    UnsupportedVersion {
        /// The `format` field found.
        format: String,
        /// The `version` field found.
        version: u32,
        /// What this build reads.
        supported: String,
    },
    /// Malformed CSV.
    #[error("malformed CSV at {location}: {message}")]
    Csv {
        /// Where the problem is.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// An unknown option spelling (e.g. a final-demand kind).
    #[error("unknown {what} {value:?}; expected one of: {expected}")]
    UnknownOption {
        /// The kind of option, e.g. `"final-demand kind"`.
        what: String,
        /// The spelling given.
        value: String,
        /// The accepted spellings.
        expected: String,
    },
    /// A node of a flow network with no flow through it, or a network without the
    /// boundary flows an indicator needs.
    #[error("disconnected network: {what}")]
    Disconnected {
        /// What is disconnected, naming the node.
        what: String,
    },
    /// Balancing targets that contradict each other (e.g. row and column targets with
    /// different sums).
    #[error("inconsistent targets: {what}")]
    Inconsistent {
        /// What contradicts what, with the values.
        what: String,
    },
    /// Balancing targets that no matrix with the given zero pattern can meet.
    #[error("infeasible: {what}")]
    Infeasible {
        /// Which row or column cannot reach its target, and why.
        what: String,
    },
    /// An input larger than the memory it would need (e.g. WebAssembly's 4 GiB).
    #[error("too large: {what} needs {size} {unit}; the limit here is {limit}")]
    TooLarge {
        /// What is too large.
        what: String,
        /// Its size (at least: a search stops counting at the limit).
        size: usize,
        /// What is counted: `"values"` (memory), `"steps"` (work).
        unit: String,
        /// The limit.
        limit: usize,
    },
    /// An argument of the wrong type or structure at a binding boundary (e.g. an options
    /// object with a misspelt field).
    #[error("invalid {what}: {message}")]
    InvalidInput {
        /// What was being read.
        what: String,
        /// What is wrong with it.
        message: String,
    },
    /// A long call stopped because its caller asked it to (Ctrl-C in Python; see
    /// [`crate::interrupt`]).
    #[error("interrupted: {what}")]
    Interrupted {
        /// What was stopped.
        what: String,
    },
    /// A result would need data the table does not hold (e.g. employment multipliers without
    /// employment).
    #[error("missing data: {what}")]
    MissingData {
        /// What is missing.
        what: String,
    },
}

impl Error {
    /// A stable, machine-readable code for this kind of error.
    ///
    /// The same strings are the `code` attribute of Python exceptions and the `code` property
    /// of JavaScript errors.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Error::Shape { .. } => "shape",
            Error::Empty => "empty",
            Error::InvalidLabel { .. } => "invalid_label",
            Error::UnknownLabel { .. } => "unknown_label",
            Error::NonFinite { .. } => "non_finite",
            Error::Negative { .. } => "negative",
            Error::OutOfRange { .. } => "out_of_range",
            Error::Unbalanced { .. } => "unbalanced",
            Error::NonProductive { .. } => "non_productive",
            Error::Singular { .. } => "singular",
            Error::Json { .. } => "json",
            Error::UnsupportedVersion { .. } => "unsupported_version",
            Error::Csv { .. } => "csv",
            Error::UnknownOption { .. } => "unknown_option",
            Error::MissingData { .. } => "missing_data",
            Error::InvalidInput { .. } => "invalid_input",
            Error::Disconnected { .. } => "disconnected",
            Error::Inconsistent { .. } => "inconsistent",
            Error::Infeasible { .. } => "infeasible",
            Error::TooLarge { .. } => "too_large",
            Error::Interrupted { .. } => "interrupted",
        }
    }

    /// The name of the error class in the bindings, e.g. `"ShapeError"`.
    #[must_use]
    pub fn class_name(&self) -> &'static str {
        match self {
            Error::Shape { .. } => "ShapeError",
            Error::Empty => "EmptyTableError",
            Error::InvalidLabel { .. } => "InvalidLabelError",
            Error::UnknownLabel { .. } => "UnknownLabelError",
            Error::NonFinite { .. } => "NonFiniteError",
            Error::Negative { .. } => "NegativeValueError",
            Error::OutOfRange { .. } => "OutOfRangeError",
            Error::Unbalanced { .. } => "UnbalancedError",
            Error::NonProductive { .. } => "NonProductiveError",
            Error::Singular { .. } => "SingularError",
            Error::Json { .. } => "JsonError",
            Error::UnsupportedVersion { .. } => "UnsupportedVersionError",
            Error::Csv { .. } => "CsvError",
            Error::UnknownOption { .. } => "UnknownOptionError",
            Error::MissingData { .. } => "MissingDataError",
            Error::InvalidInput { .. } => "InvalidInputError",
            Error::Disconnected { .. } => "DisconnectedError",
            Error::Inconsistent { .. } => "InconsistentError",
            Error::Infeasible { .. } => "InfeasibleError",
            Error::TooLarge { .. } => "TooLargeError",
            Error::Interrupted { .. } => "InterruptError",
        }
    }

    /// Every error code with its class name, for bindings that create one class per kind.
    pub const KINDS: &'static [(&'static str, &'static str)] = &[
        ("shape", "ShapeError"),
        ("empty", "EmptyTableError"),
        ("invalid_label", "InvalidLabelError"),
        ("unknown_label", "UnknownLabelError"),
        ("non_finite", "NonFiniteError"),
        ("negative", "NegativeValueError"),
        ("out_of_range", "OutOfRangeError"),
        ("unbalanced", "UnbalancedError"),
        ("non_productive", "NonProductiveError"),
        ("singular", "SingularError"),
        ("json", "JsonError"),
        ("unsupported_version", "UnsupportedVersionError"),
        ("csv", "CsvError"),
        ("unknown_option", "UnknownOptionError"),
        ("missing_data", "MissingDataError"),
        ("invalid_input", "InvalidInputError"),
        ("disconnected", "DisconnectedError"),
        ("inconsistent", "InconsistentError"),
        ("infeasible", "InfeasibleError"),
        ("too_large", "TooLargeError"),
        ("interrupted", "InterruptError"),
    ];
}

/// `Result` with localecon's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Fails with [`Error::NonFinite`] unless `value` is finite.
pub(crate) fn check_finite(value: f64, location: impl FnOnce() -> Location) -> Result<()> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(Error::NonFinite {
            location: location(),
            value,
        })
    }
}

/// The position of the first value that is negative, NaN or infinite: a branch-free test of
/// each run of 256 values (vectorised for the machine's SIMD level by `pulp`'s run-time
/// dispatch), then the position inside the first failing run.
pub(crate) fn first_negative_or_non_finite(values: &[f64]) -> Option<usize> {
    struct Op<'a>(&'a [f64]);
    impl pulp::WithSimd for Op<'_> {
        type Output = Option<usize>;
        #[inline(always)]
        fn with_simd<S: pulp::Simd>(self, _: S) -> Option<usize> {
            let bad = |v: f64| !(0.0..f64::INFINITY).contains(&v);
            self.0.chunks(256).enumerate().find_map(|(c, run)| {
                let fails = run.iter().fold(0_u32, |n, &v| n + u32::from(bad(v)));
                if fails == 0 {
                    None
                } else {
                    run.iter().position(|&v| bad(v)).map(|i| c * 256 + i)
                }
            })
        }
    }
    pulp::Arch::new().dispatch(Op(values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_list_matches_codes_and_class_names() {
        let samples = [
            Error::Empty,
            Error::MissingData { what: "x".into() },
            Error::Shape {
                what: "Z".into(),
                expected: 2,
                found: 3,
            },
        ];
        for e in samples {
            assert!(Error::KINDS.contains(&(e.code(), e.class_name())));
        }
        let mut codes: Vec<_> = Error::KINDS.iter().map(|k| k.0).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Error::KINDS.len());
    }

    #[test]
    fn messages_name_place_and_value() {
        let e = Error::NonFinite {
            location: Location::Z { row: 3, col: 7 },
            value: f64::NAN,
        };
        assert_eq!(e.to_string(), "non-finite value NaN at Z[3, 7]");
        assert_eq!(e.code(), "non_finite");
    }
}
