//! Arrays and labels across the boundary: anything numpy can read comes in. A numpy array of
//! a common numeric dtype (float64, float32, int64, int32, uint32) is read directly and
//! converted in the one copy the core keeps; anything else (lists, DataFrames, other dtypes)
//! goes through `numpy.asarray(..., dtype=float64)` first. Results go out as owned numpy
//! arrays, moved rather than copied.

use numpy::{PyArray1, PyArray2, PyArrayMethods, PyReadonlyArray1, PyReadonlyArray2};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::error::IntoPy;

mod labels;

pub use labels::{
    alignment, axis_labels, label, paired_vectors, same_rows, sector_matrix, sector_vector,
};

/// numpy's conversion of `obj` to float64, with every failure a typed `InvalidInputError`:
/// numbers (float, int, unsigned, bool) and objects holding numbers convert; complex numbers
/// (numpy would drop their imaginary part), strings, bytes, dates and durations are refused
/// by their dtype, and a ragged list or an object that is no number by numpy's own message.
fn as_f64<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let np = obj.py().import("numpy")?;
    let invalid = |message: String| {
        crate::error::to_py(localecon::Error::InvalidInput {
            what: "array".into(),
            message,
        })
    };
    if obj.is_none() {
        return Err(invalid("expected an array of numbers, found None".into()));
    }
    if obj.cast::<PyDict>().is_ok() {
        return Err(invalid(
            "a dict is not an array: pass a pandas Series (aligned by its labels) or a list in order"
                .into(),
        ));
    }
    let probe = np
        .getattr("asarray")?
        .call1((obj,))
        .map_err(|e| invalid(format!("numpy cannot read it as an array: {e}")))?;
    let dtype = probe.getattr("dtype")?;
    let kind: String = dtype.getattr("kind")?.extract()?;
    let refused = match kind.as_str() {
        "c" => Some("complex numbers are not money flows; pass real numbers"),
        "U" | "S" => Some("text is not a number; convert the column to numbers first"),
        "M" | "m" => Some("dates and durations are not money flows; pass numbers"),
        "V" => Some("structured records are not numbers; pass one numeric array"),
        _ => None,
    };
    if let Some(why) = refused {
        return Err(invalid(format!("{why} (found dtype {})", dtype.str()?)));
    }
    if kind == "O" {
        // numpy reads None as NaN: refused here by its position, not later as a NaN
        // (by identity: `==` of an object such as pandas' NA is no bool)
        for (k, item) in probe.getattr("flat")?.try_iter()?.enumerate() {
            if item?.is_none() {
                let shape = probe.getattr("shape")?;
                let at: Vec<usize> = np.call_method1("unravel_index", (k, shape))?.extract()?;
                return Err(invalid(format!("None at {at:?} is not a number")));
            }
        }
    }
    let kwargs = PyDict::new(obj.py());
    kwargs.set_item("dtype", "float64")?;
    np.getattr("asarray")?
        .call((obj,), Some(&kwargs))
        .map_err(|e| invalid(format!("cannot convert to numbers: {e}")))
}

fn shape_err(what: &str, expected: usize, found: usize) -> PyErr {
    crate::error::to_py(localecon::Error::Shape {
        what: what.into(),
        expected,
        found,
    })
}

/// The values (row-major) and shape of a numpy array of one of the common numeric dtypes,
/// converted to `f64` in one pass: the only copy made. `None` when `obj` is something else,
/// has another number of dimensions, or cannot be borrowed (the general path then decides).
fn numeric_array(obj: &Bound<'_, PyAny>, ndim: usize) -> Option<(Vec<f64>, Vec<usize>)> {
    macro_rules! read_as {
        ($($t:ty),+) => {$(
            if let Ok(a) = obj.cast::<numpy::PyArrayDyn<$t>>() {
                let ro = a.try_readonly().ok()?;
                let view = ro.as_array();
                if view.ndim() != ndim {
                    return None;
                }
                let shape = view.shape().to_vec();
                // whole numbers up to 2⁵³ convert exactly; a C-contiguous float64 array is a
                // plain copy
                let values = match view.as_slice() {
                    Some(s) => s.iter().map(|v| *v as f64).collect(),
                    None => view.iter().map(|v| *v as f64).collect(),
                };
                return Some((values, shape));
            }
        )+};
    }
    read_as!(f64, f32, i64, i32, u32);
    None
}

/// A 2-D float matrix, row-major, with its shape.
pub fn matrix(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<(Vec<f64>, usize, usize)> {
    if let Some((values, shape)) = numeric_array(obj, 2) {
        return Ok((values, shape[0], shape[1]));
    }
    let arr = as_f64(obj)?;
    let ndim: usize = arr.getattr("ndim")?.extract()?;
    if ndim != 2 {
        return Err(shape_err(&format!("{what} dimensions"), 2, ndim));
    }
    let arr: PyReadonlyArray2<'_, f64> = arr.extract()?;
    let view = arr.as_array();
    let (r, c) = view.dim();
    // a C-contiguous array is one memcpy; any other layout is read element by element
    let values = match view.as_slice() {
        Some(s) => s.to_vec(),
        None => view.iter().copied().collect(),
    };
    Ok((values, r, c))
}

/// A 1-D float vector.
pub fn vector(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<f64>> {
    if let Some((values, _)) = numeric_array(obj, 1) {
        return Ok(values);
    }
    let arr = as_f64(obj)?;
    let ndim: usize = arr.getattr("ndim")?.extract()?;
    if ndim != 1 {
        return Err(shape_err(&format!("{what} dimensions"), 1, ndim));
    }
    let arr: PyReadonlyArray1<'_, f64> = arr.extract()?;
    let view = arr.as_array();
    Ok(match view.as_slice() {
        Some(s) => s.to_vec(),
        None => view.iter().copied().collect(),
    })
}

/// A serde value as plain Python objects (dicts, lists, floats, strings).
pub fn to_py<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value).map_err(|e| {
        crate::error::to_py(localecon::Error::InvalidInput {
            what: "result".into(),
            message: e.to_string(),
        })
    })?;
    py.import("json")?.getattr("loads")?.call1((text,))
}

/// A core result as its typed Python class `localecon._results.<class>`, built from the
/// result's serde form (see that module: the class converts its fields by annotation).
pub fn typed<'py, T: serde::Serialize>(
    py: Python<'py>,
    class: &str,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    typed_from(py, class, to_py(py, value)?)
}

/// [`typed`] from a dict already made (large arrays handed over as numpy arrays, not JSON).
pub fn typed_from<'py>(
    py: Python<'py>,
    class: &str,
    data: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    py.import("localecon._results")?
        .getattr(class)?
        .call1((data,))
}

/// A list of core records as `localecon._results.Records` of the class (`to_pandas()`: one
/// row per record).
pub fn typed_records<'py, T: serde::Serialize>(
    py: Python<'py>,
    class: &str,
    records: &[T],
) -> PyResult<Bound<'py, PyAny>> {
    let results = py.import("localecon._results")?;
    results
        .getattr("Records")?
        .call1((results.getattr(class)?, to_py(py, &records)?))
}

/// A vector out, moved into numpy.
pub fn out1<'py>(py: Python<'py>, v: Vec<f64>) -> Bound<'py, PyArray1<f64>> {
    PyArray1::from_vec(py, v)
}

/// A row-major `rows × cols` matrix out.
pub fn out2<'py>(
    py: Python<'py>,
    v: Vec<f64>,
    rows: usize,
    cols: usize,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    PyArray1::from_vec(py, v).reshape([rows, cols])
}

/// A list of rows out as one 2-D array.
pub fn out_rows<'py>(
    py: Python<'py>,
    rows: &[Vec<f64>],
    cols: usize,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let flat: Vec<f64> = rows.iter().flatten().copied().collect();
    out2(py, flat, rows.len(), cols)
}

/// Parses an option spelling with the core's `FromStr`.
pub fn parse<T: std::str::FromStr<Err = localecon::Error>>(s: &str) -> PyResult<T> {
    s.parse::<T>().py_err()
}

/// A kind per label: a list, or a dict looked up by label and then by alias (the category of
/// a `(region, category)` column); a dict key that is neither is an `UnknownLabelError` (the
/// core's `kinds_by_label`).
pub(crate) fn kinds<T: std::str::FromStr<Err = localecon::Error> + Copy>(
    given: Option<&Bound<'_, PyAny>>,
    what: &str,
    (labels, aliases): (&[String], &[String]),
    default: T,
) -> PyResult<Vec<T>> {
    let Some(given) = given else {
        return Ok(vec![default; labels.len()]);
    };
    // a pandas Series with labels is a dict by label (taken by position, it silently gave
    // each column the kind of another); with pandas' default RangeIndex it is a list
    let labelled = given.hasattr("index")?
        && given.hasattr("to_dict")?
        && given.getattr("index")?.get_type().name()? != "RangeIndex";
    let by_label = if labelled {
        Some(given.call_method0("to_dict")?)
    } else {
        None
    };
    if let Ok(d) = by_label.as_ref().unwrap_or(given).cast::<PyDict>() {
        let pairs: Vec<(String, String)> = d
            .iter()
            .map(|(k, v)| Ok((label(&k)?, v.extract()?)))
            .collect::<PyResult<_>>()?;
        return localecon::table::kinds_by_label(what, &pairs, labels, aliases, default).py_err();
    }
    let list: Vec<String> = given.extract()?;
    if list.len() != labels.len() {
        return Err(crate::error::to_py(localecon::Error::Shape {
            what: what.into(),
            expected: labels.len(),
            found: list.len(),
        }));
    }
    list.iter().map(|k| parse::<T>(k)).collect()
}

pub(crate) fn default_labels(prefix: &str, k: usize) -> Vec<String> {
    (0..k).map(|i| format!("{prefix}{}", i + 1)).collect()
}

pub(crate) enum TextOrBytes {
    Text(String),
    Bytes(Vec<u8>),
}

/// A reader's argument: `str`, or `bytes`/`bytearray`/`memoryview` (a file opened in binary
/// mode); anything else is an `InvalidInputError` naming its type.
pub(crate) fn text_or_bytes(obj: &Bound<'_, PyAny>) -> PyResult<TextOrBytes> {
    if let Ok(s) = obj.cast::<pyo3::types::PyString>() {
        return Ok(TextOrBytes::Text(s.to_cow()?.into_owned()));
    }
    if let Ok(b) = obj.cast::<pyo3::types::PyBytes>() {
        return Ok(TextOrBytes::Bytes(b.as_bytes().to_vec()));
    }
    if let Ok(b) = obj.cast::<pyo3::types::PyByteArray>() {
        return Ok(TextOrBytes::Bytes(b.to_vec()));
    }
    if obj.is_instance_of::<pyo3::types::PyMemoryView>() {
        let b = obj.call_method0("tobytes")?;
        return Ok(TextOrBytes::Bytes(
            b.cast::<pyo3::types::PyBytes>()?.as_bytes().to_vec(),
        ));
    }
    Err(crate::error::to_py(localecon::Error::InvalidInput {
        what: "table text".into(),
        message: format!("expected str or bytes, found {}", obj.get_type().name()?),
    }))
}

/// A core type from its data given as Python objects (a dict, list, number; numpy values
/// read as their numbers) or as a JSON string: the same data as in Rust and JavaScript, read
/// by serde from the objects themselves (pythonize), so that a NaN reaches the core's own
/// check (`NonFiniteError` naming the field, as in JavaScript). A wrong spelling is
/// `UnknownOptionError`, anything else that is not the data `InvalidInputError` naming `what`
/// and the place of the value refused (`spending[0].amount`), as the core and JavaScript name it.
pub fn from_py<T: serde::de::DeserializeOwned>(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    let py = obj.py();
    if let Ok(text) = obj.extract::<String>() {
        return localecon::input_from_json(&text, what).py_err();
    }
    // numpy values become numbers and lists; what is not data (a pandas object, whose labels
    // would be lost, a circular reference) is refused naming `what`
    let plain = match py
        .import("localecon._inputs")?
        .getattr("_plain")?
        .call1((obj,))
    {
        Ok(plain) => plain,
        Err(e)
            if e.is_instance_of::<pyo3::exceptions::PyTypeError>(py)
                || e.is_instance_of::<pyo3::exceptions::PyValueError>(py) =>
        {
            return Err(crate::error::to_py(localecon::Error::InvalidInput {
                what: what.into(),
                message: e.value(py).to_string(),
            }));
        }
        Err(e) => return Err(e),
    };
    // the place of the value refused named as the core's checks name it (`spending[0].amount`)
    let refused = match localecon::input_from_deserializer(
        &mut pythonize::Depythonizer::from_object(&plain),
        what,
    ) {
        Ok(value) => return Ok(value),
        Err(e @ localecon::Error::InvalidInput { .. }) => e,
        Err(e) => return Err(crate::error::to_py(e)),
    };
    // pythonize words a value of the wrong type as Python does ("must be real number, not
    // str"); the same data read as JSON is refused in serde's words, naming the value
    // (`invalid type: string "ten", expected f64`), as Rust and JavaScript say it. Data JSON
    // cannot hold (NaN, keys that are not text) keeps pythonize's error.
    let json = py.import("json")?.getattr("dumps")?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("allow_nan", false)?;
    let words = match json.call((&plain,), Some(&kwargs)) {
        // read as a parsed value, whose errors carry no line and column of a text the
        // caller never wrote
        Ok(text) => serde_json::from_str(&text.extract::<String>()?)
            .ok()
            .and_then(|value| localecon::input_from_value::<T>(value, what).err()),
        Err(_) => None,
    };
    Err(crate::error::to_py(match words {
        Some(e @ localecon::Error::InvalidInput { .. }) => e,
        _ => refused,
    }))
}
