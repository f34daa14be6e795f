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

/// Applies a requested dtype for `__array__`.
pub(crate) fn array_as<'py>(
    arr: Bound<'py, PyAny>,
    dtype: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    match dtype {
        Some(d) if !d.is_none() => arr.call_method1("astype", (d,)),
        _ => Ok(arr),
    }
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

/// The channel-by-sector surface shared by `Leakage` and `ClosedLeakage`: `channels`,
/// `by_channel`, the numpy protocol and the repr, in a `#[pymethods]` block of its own.
macro_rules! by_channel_result {
    ($($class:ty, $name:literal, $doc:literal);+ $(;)?) => {$(
        #[pymethods]
        impl $class {
            /// The shares of one channel per sector: zeros when the table has no such channel,
            /// `UnknownOptionError` for a spelling that names no channel.
            fn channel<'py>(
                &self,
                py: Python<'py>,
                channel: &str,
            ) -> PyResult<Bound<'py, PyArray1<f64>>> {
                let wanted: localecon::LeakageChannel = channel.parse().map_err(crate::error::to_py)?;
                let n = self.inner.sectors.len();
                Ok(out1(
                    py,
                    self.inner
                        .channels
                        .iter()
                        .position(|c| *c == wanted)
                        .map_or_else(|| vec![0.0; n], |k| self.inner.by_channel[k].clone()),
                ))
            }

            /// The channels, in the row order of `by_channel`.
            #[getter]
            fn channels(&self) -> Vec<&'static str> {
                self.inner.channels.iter().map(|c| c.as_str()).collect()
            }

            #[doc = $doc]
            #[getter]
            fn by_channel<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
                out_rows(py, &self.inner.by_channel, self.inner.sectors.len())
            }

            /// channels × sectors array (numpy protocol).
            #[pyo3(signature = (dtype=None, copy=None))]
            fn __array__<'py>(
                &self,
                py: Python<'py>,
                dtype: Option<Bound<'py, PyAny>>,
                copy: Option<bool>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let _ = copy;
                array_as(
                    out_rows(py, &self.inner.by_channel, self.inner.sectors.len())?.into_any(),
                    dtype,
                )
            }

            fn __repr__(&self) -> String {
                format!(
                    concat!("<", $name, ": {} sectors, channels {:?}>"),
                    self.inner.sectors.len(),
                    self.channels()
                )
            }
        }
    )+};
}

pub(crate) use by_channel_result;
