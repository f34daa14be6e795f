"""A table's audit across the Python boundary."""

import localecon


def test_audit_as_table():
    a = localecon.datasets.scotland_2019().audit()
    assert a.status == "WARN"
    assert a.zero_output_sectors == ["12"]
    df = a.to_pandas()
    assert list(df.columns) == ["check", "status", "detail"]
    assert "productive" in set(df["check"])
