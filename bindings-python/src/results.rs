//! Result objects for Python: numpy arrays by default, labelled DataFrames on request.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::out1;

pub(crate) fn dataframe<'py>(
    py: Python<'py>,
    codes: &[String],
    names: &[String],
    columns: Vec<(String, Vec<f64>)>,
) -> PyResult<Bound<'py, PyAny>> {
    let pd = py.import("pandas")?;
    let data = PyDict::new(py);
    data.set_item("name", names.to_vec())?;
    for (k, v) in columns {
        data.set_item(k, out1(py, v))?;
    }
    let index = pd.getattr("Index")?.call(
        (codes.to_vec(),),
        Some(&[("name", "code")].into_py_dict(py)?),
    )?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("index", index)?;
    pd.getattr("DataFrame")?.call((data,), Some(&kwargs))
}

use pyo3::types::{IntoPyDict, PyTuple};

/// `(cls._from_json, (json,))` for pickling a result through its serde form.
pub(crate) fn reduce<'py, T: serde::Serialize>(
    py: Python<'py>,
    cls: Bound<'py, pyo3::types::PyType>,
    inner: &T,
) -> PyResult<Bound<'py, PyTuple>> {
    let json = serde_json::to_string(inner).map_err(|e| {
        crate::error::to_py(localecon::Error::InvalidInput {
            what: "pickle".into(),
            message: e.to_string(),
        })
    })?;
    PyTuple::new(
        py,
        [
            cls.getattr("_from_json")?,
            PyTuple::new(py, [json])?.into_any(),
        ],
    )
}

pub(crate) fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> PyResult<T> {
    serde_json::from_str(json).map_err(|e| {
        crate::error::to_py(localecon::Error::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })
    })
}

/// An HTML view through pandas when it is installed, else a `<pre>` of the text.
pub(crate) fn html_table(obj: &Bound<'_, PyAny>, title: &str) -> PyResult<String> {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    match obj.call_method0("to_pandas") {
        Ok(df) => {
            let kwargs = [("max_rows", 20)].into_py_dict(obj.py())?;
            let table: String = df.call_method("to_html", (), Some(&kwargs))?.extract()?;
            Ok(format!(
                "<div><strong>{}</strong>{table}</div>",
                escape(title)
            ))
        }
        Err(_) => Ok(format!("<pre>{}</pre>", escape(&obj.repr()?.to_string()))),
    }
}

pub(crate) fn codes_names(sectors: &[localecon::table::Sector]) -> (Vec<String>, Vec<String>) {
    (
        sectors.iter().map(|s| s.code.clone()).collect(),
        sectors.iter().map(|s| s.name.clone()).collect(),
    )
}

pub(crate) fn json_to_py<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr("loads")?.call1((json,))
}

/// Pickling of a result class through its JSON (`__reduce__` → `_from_json`), in a
/// `#[pymethods]` block of its own (pyo3's `multiple-pymethods`).
macro_rules! pickled_through_json {
    ($($class:ty => $inner:ty),+ $(,)?) => {$(
        #[pymethods]
        impl $class {
            #[staticmethod]
            fn _from_json(json: &str) -> PyResult<Self> {
                Ok(Self {
                    inner: crate::results::from_json::<$inner>(json)?,
                })
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
                crate::results::reduce(slf.py(), slf.get_type(), &slf.get().inner)
            }
        }
    )+};
}
pub(crate) use pickled_through_json;
