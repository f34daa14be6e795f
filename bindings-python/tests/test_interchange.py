"""The interchange formats from Python: JSON, CSV, a file's bytes and pickling, with round trips
of tables and of every result as property tests."""

import csv
import io
import pickle

import localecon
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@st.composite
def tables(draw):
    """A random balanced table: x solves x = A x + f, primary inputs fill each column."""
    n = draw(st.integers(1, 5))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    a = rng.random((n, n)) * (rng.random((n, n)) > 0.3)
    a = a / np.maximum(a.sum(axis=0), 1e-12) * rng.uniform(0.0, 0.8, n)
    hh = rng.uniform(0, 100, n)
    exports = rng.uniform(0.1, 100, n)
    x = np.linalg.solve(np.eye(n) - a, hh + exports)
    z = a * x
    rest = x - z.sum(axis=0)
    shares = rng.dirichlet(np.ones(3), n).T
    return localecon.RegionalTable.from_arrays(
        z, final_demand=np.column_stack([hh, exports]), final_demand_kinds=["households", "exports_rest_of_world"],
        primary_inputs=shares * rest, primary_input_kinds=["imports", "compensation", "operating_surplus"],
        household_income=max(rest @ shares[1], 1.5 * hh.sum()) + 1e-9, balance_tolerance=1e-9,
    )


@settings(max_examples=40, deadline=None)
@given(tables())
def test_json_csv_pickle_of_tables_are_identities(t):
    assert localecon.RegionalTable.from_json(t.to_json()) == t
    assert localecon.RegionalTable.from_csv(t.to_csv()) == t
    assert pickle.loads(pickle.dumps(t)) == t


@settings(max_examples=40, deadline=None)
@given(tables())
def test_pickle_of_results_is_the_identity(t):
    for result in (t.multipliers(), t.leakage(), t.closed_leakage(), t.report(), t.audit(), t.linkages()):
        back = pickle.loads(pickle.dumps(result))
        assert repr(back) == repr(result)
        if hasattr(result, "to_dict") and callable(result.to_dict):
            a, b = result.to_dict(), back.to_dict()
            assert (a == b) if isinstance(a, dict) and not any(isinstance(v, np.ndarray) for v in a.values()) else all(
                np.array_equal(a[k], b[k]) for k in a)
        if hasattr(result, "__array__"):
            np.testing.assert_array_equal(np.asarray(back), np.asarray(result))


def test_a_files_bytes_and_spreadsheet_exports():
    """Bytes in UTF-8 or UTF-16 with a byte-order mark read as the text; a semicolon export with
    decimal commas reads as the comma file; Windows-1252 is a CsvError naming line and field."""
    t = localecon.datasets.by_name("scotland-2019-sections")
    csv_text = t.to_csv()
    encodings = (csv_text.encode(), csv_text.encode("utf-16"), bytearray(csv_text.encode()), memoryview(csv_text.encode("utf-8-sig")))
    for data in encodings:
        assert localecon.RegionalTable.from_csv(data) == t
    assert localecon.RegionalTable.from_json(t.to_json().encode("utf-16")) == t

    def decimal_comma(cell):
        try:
            float(cell)
        except ValueError:
            return cell
        return cell.replace(".", ",")

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    for line in csv_text.splitlines():
        if line.startswith("#"):
            out.write(line + "\n")
        else:
            writer.writerow([decimal_comma(c) for c in next(csv.reader([line]))])
    assert "," in out.getvalue() and ";" in out.getvalue()
    assert localecon.RegionalTable.from_csv(out.getvalue()) == t
    mb = localecon.datasets.by_name("miller-blair-2sector").to_csv()
    text = mb.replace("sector,s1,", "sector,s1,Café ")
    bad = text.encode("cp1252")
    at = next(i for i, c in enumerate(text) if ord(c) > 127)  # the first byte that is not UTF-8
    line, field = text[:at].count("\n") + 1, text[:at].split("\n")[-1].count(",") + 1
    byte = text[at].encode("cp1252")[0]
    with pytest.raises(localecon.CsvError, match=f"line {line}, field {field}: byte 0x{byte:02X}"):
        localecon.RegionalTable.from_csv(bad)
    with pytest.raises(localecon.InvalidInputError, match="found int"):
        localecon.RegionalTable.from_csv(42)


def test_json_and_csv_round_trips():
    t = localecon.datasets.scotland_2019_sections()
    assert localecon.RegionalTable.from_json(t.to_json()) == t
    assert localecon.RegionalTable.from_csv(t.to_csv()) == t


def test_pickle_round_trip():
    t = localecon.datasets.scotland_2019_sections()
    assert pickle.loads(pickle.dumps(t)) == t
