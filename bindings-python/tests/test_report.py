"""The region report across the Python boundary: text, dict, DataFrame and every field it holds."""

import json

import localecon
import pytest


def test_report_as_text_dict_and_dataframe():
    r = localecon.datasets.scotland_2019().report()
    text = str(r)
    assert "Scotland 2019" in text and "Open Government Licence" in text
    d = r.to_dict()
    assert d["format"] == "localecon-report" and len(d["sectors"]) == 98
    for key in ["code", "name", "output_multiplier_type_i", "output_multiplier_type_ii", "income_effect_type_i",
                "gva_effect_type_i", "leakage_share", "retention_share"]:
        assert key in d["sectors"][0]
    assert d["sectors"][0]["code"] == "01"
    df = r.to_pandas()
    assert df.shape[0] == 98 and "leak_imports_rest_of_world" in df.columns
    assert 0.0 < r.leakage_share < 1.0
    assert json.loads(r.to_json()) == d


def test_the_report_exposes_everything_it_holds():
    r = localecon.datasets.scotland_2019().report()
    d = r.to_dict()
    for key in ["region", "unit", "employment_unit", "source", "n_sectors", "totals", "circulation",
                "leakage_by_channel", "sectors", "household_income", "warnings", "type_ii_unavailable",
                "leakage_share", "retention_share", "output_multiplier_type_i", "output_multiplier_type_ii"]:
        assert getattr(r, key) == d[key], key
    assert r.region == "Scotland 2019" and r.n_sectors == 98 and r.sectors[0]["code"] == "01"
    assert r.totals["output"] == pytest.approx(268_340, abs=1)
    assert 0 < r.circulation["fci"] < 1
