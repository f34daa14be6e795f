"""Scenarios and the local currency across the Python boundary."""

import localecon
import numpy as np
import pytest


def test_demand_shock_and_spending():
    t = localecon.datasets.glasgow_2019()
    df = t.spending(10.0, 0.6, "FD_LOCGOV")
    assert df.sum() == pytest.approx(6.0)
    i = t.impact(df)
    assert i["output"]["total_direct"] == pytest.approx(6.0)
    assert i["output"]["total_induced"] > 0
    # every pound of the Type I output change ends as leakage or retained income
    assert sum(v for _, v in i["leakage"]) + i["retained_income"] == pytest.approx(6.0, rel=1e-9)


def test_substitution_ranking_and_scenarios_agree():
    t = localecon.datasets.glasgow_2019()
    assert t.import_basis == "regionalised"
    ranking = t.leak_ranking(0.1, top_k=3)
    assert len(ranking) == 3 and ranking.import_basis == "regionalised"
    assert "rest of the nation" in ranking.assumption
    best = ranking.opportunities[0]
    e = t.import_substitution(best["buyer"], best["product"], 0.1)
    assert e["retained_income_change"] == pytest.approx(best["retained_income_gain"], rel=1e-9)
    scenario = {"name": "plug the biggest leak", "changes": [
        {"type": "import_substitution", "buyer": best["buyer"], "product": best["product"], "share": 0.1}]}
    after = t.apply_scenario(scenario)
    np.testing.assert_allclose(after.multipliers().output_type_i, e["output_multipliers"], rtol=1e-10)
    r = t.evaluate_scenario(scenario)
    assert r["difference"]["retained_income"] > 0
    assert r["before"]["output"] + r["difference"]["output"] == pytest.approx(r["after"]["output"])


def test_local_currency():
    t = localecon.datasets.glasgow_2019()
    r = t.local_currency({"acceptance": [["47", 0.5], ["56", 0.5], ["55", 0.5]], "redemption": 0.3,
                          "fee": 0.03, "holding_days": 12, "substitution": 0.1})
    assert r["transactions"] >= 1
    assert r["multiplier_after"] > r["multiplier_before"]
    once = t.local_currency({"acceptance": [["47", 0.5]], "redemption": 1.0})
    assert once["transactions"] == pytest.approx(1.0)


def test_bad_scenarios_are_typed():
    t = localecon.datasets.scotland_2019_sections()
    with pytest.raises(localecon.OutOfRangeError, match="share"):
        t.apply_scenario({"name": "x", "changes": [{"type": "import_substitution", "buyer": "C", "product": "A", "share": 1.5}]})
    with pytest.raises(localecon.OutOfRangeError, match="imports of A by C"):
        t.apply_scenario({"name": "x", "changes": [{"type": "import_substitution", "buyer": "C", "product": "A", "amount": 1e12}]})
    with pytest.raises(localecon.UnknownLabelError, match="ZZ"):
        t.apply_scenario({"name": "x", "changes": [{"type": "demand", "sector": "ZZ", "amount": 1.0}]})
    with pytest.raises(localecon.InvalidInputError, match="amout"):
        t.apply_scenario({"name": "x", "changes": [{"type": "demand", "sector": "A", "amout": 1.0}]})
    # a field of another kind is refused with the kind's own fields; a key no kind has with all
    with pytest.raises(localecon.InvalidInputError) as e:
        t.apply_scenario({"name": "x", "changes": [{"type": "demand", "sector": "A", "amount": 1.0, "local_share": 0.5}]})
    assert str(e.value) == "invalid scenario: changes[0]: unknown field `local_share`, expected `sector` or `amount`"
    with pytest.raises(localecon.InvalidInputError, match=r"^invalid scenario: changes\[0\]: unknown field `amout`, expected one of `type`, `sector`, `amount`, `label`, `local_share`, "):
        t.apply_scenario({"name": "x", "changes": [{"type": "demand", "sector": "A", "amout": 1.0}]})
    # the place of a value inside a change, its type given last
    spending = {"label": "council", "amount": "ten", "local_share": 0.5, "pattern": "x", "type": "spending"}
    with pytest.raises(localecon.InvalidInputError, match=r"^invalid scenario: changes\[0\]\.amount: "):
        t.apply_scenario({"name": "x", "changes": [spending]})
    with pytest.raises(localecon.OutOfRangeError, match="acceptance of 47"):
        localecon.datasets.glasgow_2019().local_currency({"acceptance": [["47", 2.0]]})
    with pytest.raises(localecon.UnknownLabelError):
        localecon.datasets.glasgow_2019().local_currency({"acceptance": [["99.9", 0.5]]})
    with pytest.raises(localecon.OutOfRangeError, match="share"):
        t.leak_ranking(1.5)
    with pytest.raises(localecon.UnknownLabelError, match="ZZ"):
        t.leak_ranking(exclude=["ZZ"])
    with pytest.raises(localecon.OutOfRangeError, match="no output"):
        localecon.datasets.scotland_2019().import_substitution("47", "12", 0.1)


def test_business_footprint():
    t = localecon.datasets.glasgow_2019()
    f = t.business_footprint({"name": "bakery", "output": 2.0, "value_added": 0.9, "jobs": 30,
                              "local_purchases": [["10.6", 0.3], ["46", 0.2]], "resident_wages": 0.5})
    assert f["total_output"] > f["own_output"] + 0.5
    with pytest.raises(localecon.OutOfRangeError, match="at most its output"):
        t.business_footprint({"name": "x", "output": 1.0, "value_added": 0.9, "local_purchases": [["46", 0.5]], "resident_wages": 0})
