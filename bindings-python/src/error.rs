//! One Python exception class per core error kind, all under `LocaleconError` (a
//! `ValueError`); the one conversion point from `localecon::Error`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::{PyErr, create_exception};

create_exception!(
    localecon,
    LocaleconError,
    PyValueError,
    "Base class of every localecon error; `.code` is the stable error code."
);

macro_rules! kinds {
    ($($name:ident => $code:literal, $doc:literal),+ $(,)?) => {
        $( create_exception!(localecon, $name, LocaleconError, $doc); )+

        /// Registers every exception class on the module, each with its `code`.
        pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
            let py = m.py();
            let base = py.get_type::<LocaleconError>();
            base.setattr("code", "localecon")?;
            m.add("LocaleconError", base)?;
            $(
                let t = py.get_type::<$name>();
                t.setattr("code", $code)?;
                m.add(stringify!($name), t)?;
            )+
            m.add("ERROR_KINDS", localecon::Error::KINDS.to_vec())?;
            Ok(())
        }

        /// Converts a core error into its Python exception, with `code` set.
        pub fn to_py(e: localecon::Error) -> PyErr {
            let msg = e.to_string();
            let err = match e.code() {
                $( $code => PyErr::new::<$name, _>(msg), )+
                _ => PyErr::new::<LocaleconError, _>(msg),
            };
            Python::attach(|py| {
                let _ = err.value(py).setattr("code", e.code());
            });
            err
        }
    };
}

kinds! {
    ShapeError => "shape",
        "An input has the wrong shape or length (e.g. Z not square, a vector not one value per sector). `.code` is the stable error code.",
    EmptyTableError => "empty",
        "A table without sectors. `.code` is the stable error code.",
    InvalidLabelError => "invalid_label",
        "A label that is empty or a duplicate. `.code` is the stable error code.",
    UnknownLabelError => "unknown_label",
        "A label (sector code, final-demand column, import row, …) that the table does not have. `.code` is the stable error code.",
    NonFiniteError => "non_finite",
        "A NaN or infinite number in an input, with its place. `.code` is the stable error code.",
    NegativeValueError => "negative",
        "A negative value where none may be (flows, imports, compensation, employment). `.code` is the stable error code.",
    OutOfRangeError => "out_of_range",
        "A number outside its allowed range (a share outside [0, 1], a δ ≥ 1, …). `.code` is the stable error code.",
    UnbalancedError => "unbalanced",
        "A sector whose row or column total differs from its output beyond the tolerance. `.code` is the stable error code.",
    NonProductiveError => "non_productive",
        "A coefficient matrix that is not productive: (I − A) has no non-negative inverse. `.code` is the stable error code.",
    SingularError => "singular",
        "A system that cannot be solved (singular, or an iteration that did not converge). `.code` is the stable error code.",
    JsonError => "json",
        "Malformed JSON, or a field of the wrong type, with line and column. `.code` is the stable error code.",
    UnsupportedVersionError => "unsupported_version",
        "A document of another format or version than this build reads. `.code` is the stable error code.",
    CsvError => "csv",
        "Malformed CSV, with line and field. `.code` is the stable error code.",
    UnknownOptionError => "unknown_option",
        "An option spelling that is not one of the accepted ones (they are listed). `.code` is the stable error code.",
    MissingDataError => "missing_data",
        "Data an analysis needs and the table lacks (e.g. a household column for Type II). `.code` is the stable error code.",
    InvalidInputError => "invalid_input",
        "An input of the wrong type or with unknown fields. `.code` is the stable error code.",
    DisconnectedError => "disconnected",
        "A network in which some accounts never reach the outside world. `.code` is the stable error code.",
    InconsistentError => "inconsistent",
        "Inputs that contradict each other (e.g. imports by product that do not add up). `.code` is the stable error code.",
    InfeasibleError => "infeasible",
        "Balancing targets that no matrix with the given zeros can meet. `.code` is the stable error code.",
    TooLargeError => "too_large",
        "An input or a piece of work above a stated limit. `.code` is the stable error code.",
    InterruptError => "interrupted",
        "A long call stopped by its caller (Ctrl-C raises KeyboardInterrupt itself). `.code` is the stable error code.",
}

/// `Result` with a core error converted on the way out.
pub trait IntoPy<T> {
    /// Converts the error side to a Python exception.
    fn py_err(self) -> PyResult<T>;
}

impl<T> IntoPy<T> for localecon::Result<T> {
    fn py_err(self) -> PyResult<T> {
        self.map_err(to_py)
    }
}
