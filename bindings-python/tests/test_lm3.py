"""LM3 across the Python boundary: a survey's three rounds and the averaging of survey shares."""

import localecon
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
