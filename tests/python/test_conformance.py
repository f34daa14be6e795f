"""Every conformance fixture, from Python: the same checks the Rust and JavaScript suites run."""

import json
from pathlib import Path

import localecon
import numpy as np
import pytest

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures").glob("*.json"))


def load(path):
    fx = json.loads(path.read_text())
    if "table" in fx:
        table = localecon.RegionalTable.from_json(json.dumps(fx["table"]))
    else:
        table = localecon.datasets.by_name(fx["dataset"])
    return fx, table


def quantity(fx, table, name):
    m = table.multipliers
    if name == "output":
        return table.output
    if name == "leontief_inverse":
        return localecon.LeontiefModel(table).leontief_inverse().ravel()
    if name in ("leontief_diagonal", "leontief_diagonal_published"):
        return np.diag(localecon.LeontiefModel(table).leontief_inverse())
    if name == "impact":
        return localecon.LeontiefModel(table).solve(fx["impact_final_demand"])
    if name == "leakage_imports":
        leak = table.leakage()
        return sum(leak.channel(c) for c in ("imports", "imports_rest_of_country", "imports_rest_of_world"))
    if name.startswith("output_multiplier_"):
        return getattr(m(), "output_" + name.removeprefix("output_multiplier_"))
    return getattr(m(), name)


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture(path):
    fx, table = load(path)
    assert fx["checks"], "a fixture without checks proves nothing"
    for check in fx["checks"]:
        got = np.asarray(quantity(fx, table, check["quantity"]), dtype=float)
        expected = np.asarray(check["expected"], dtype=float)
        got = got[: len(expected)]
        tol = check["atol"] + check["rtol"] * np.abs(expected)
        bad = np.flatnonzero(~(np.abs(got - expected) <= tol))
        assert bad.size == 0, (
            f"{fx['name']} {check['quantity']}: {bad.size} mismatches, first at {bad[0]}: "
            f"expected {expected[bad[0]]}, got {got[bad[0]]}"
        )


def test_all_fixtures_are_found():
    assert {p.stem for p in FIXTURES} >= {"miller_blair_2sector", "eurostat_de1995", "spicosa_nl2000", "scotland_2019"}
