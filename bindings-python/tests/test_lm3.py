"""LM3 across the Python boundary: a survey's three rounds and the averaging of survey shares."""

import localecon
import pandas as pd
import pytest


def test_lm3_survey_and_averaging():
    r = localecon.lm3({"income": 100.0, "spending": [
        {"label": "staff", "amount": 40.0, "local_share": 0.75, "respend_local_share": 0.454}]})
    assert r["round2"] == 30.0 and abs(r["lm3"] - (100 + 30 + 13.62) / 100) < 1e-12
    assert abs(localecon.average_share([0.4, 0.6], [3, 1]) - 0.45) < 1e-12


def test_bad_surveys_are_typed():
    with pytest.raises(localecon.OutOfRangeError, match="local_share"):
        localecon.lm3({"income": 1.0, "spending": [{"label": "x", "amount": 1.0, "local_share": 1.5, "respend_local_share": 0}]})
    with pytest.raises(localecon.InvalidInputError):
        localecon.lm3({"income": 1.0})


def test_a_value_of_the_wrong_type_is_named_in_the_words_rust_and_javascript_use():
    staff = {"label": "staff", "amount": 40.0, "local_share": 0.75, "respend_local_share": 0.45}
    text = '{"income": 100, "spending": [{"label": "staff", "amount": "forty", "local_share": 0.75, "respend_local_share": 0.45}]}'
    expected = 'invalid LM3 survey: spending[0].amount: invalid type: string "forty", expected f64'
    # a text the caller wrote also gives the line and column, as serde_json does in Rust
    for survey, where in (({"income": 100.0, "spending": [dict(staff, amount="forty")]}, ""), (text, " at line 1 column 65")):
        with pytest.raises(localecon.InvalidInputError) as e:
            localecon.lm3(survey)
        assert str(e.value) == expected + where
    with pytest.raises(localecon.InvalidInputError) as e:
        localecon.lm3({"income": 100.0, "spending": [dict(staff, local_share=[0.5])]})
    assert str(e.value) == "invalid LM3 survey: spending[0].local_share: invalid type: sequence, expected f64"
    # a NaN cannot be written as JSON: it stays the core's own check, naming its place
    with pytest.raises(localecon.NonFiniteError, match=r"spending\[0\]\.amount"):
        localecon.lm3({"income": 100.0, "spending": [dict(staff, amount=float("nan"))]})


def test_labelled_weights_are_aligned_to_the_shares_by_label():
    shares = pd.Series([0.4, 0.6], index=["food", "staff"])
    weights = pd.Series([1.0, 3.0], index=["staff", "food"])
    assert localecon.average_share(shares, weights) == localecon.average_share([0.4, 0.6], [3.0, 1.0])
    with pytest.raises(localecon.UnknownLabelError, match="rent"):
        localecon.average_share(shares, pd.Series([1.0, 3.0], index=["staff", "rent"]))

