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
    ($($name:ident => $code:literal),+ $(,)?) => {
        $( create_exception!(localecon, $name, LocaleconError); )+

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
    EmptyTableError => "empty",
    InvalidLabelError => "invalid_label",
    UnknownLabelError => "unknown_label",
    NonFiniteError => "non_finite",
    NegativeValueError => "negative",
    OutOfRangeError => "out_of_range",
    UnbalancedError => "unbalanced",
    NonProductiveError => "non_productive",
    SingularError => "singular",
    JsonError => "json",
    UnsupportedVersionError => "unsupported_version",
    CsvError => "csv",
    UnknownOptionError => "unknown_option",
    MissingDataError => "missing_data",
    InvalidInputError => "invalid_input",
    DisconnectedError => "disconnected",
    InconsistentError => "inconsistent",
    InfeasibleError => "infeasible",
    TooLargeError => "too_large",
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
