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
    elif "dataset" in fx:
        table = localecon.datasets.by_name(fx["dataset"])
    else:
        table = None
    return fx, table


def flow_system(fx, table):
    if "flow_system" in fx:
        s = fx["flow_system"]
        n = len(s["labels"])
        flows = np.array(s["flows"]).reshape(n, n)
        return localecon.FlowSystem(s["labels"], flows, s["inputs"], s["exports"], s["dissipation"])
    return localecon.FlowSystem.from_table(table)


def lq_quantity(lq, field):
    n = len(lq["codes"])
    a = np.array(lq["a_national"]).reshape(n, n)
    re, ne, delta = lq["regional"], lq["national"], lq["delta"]

    def multipliers(coefficients):
        return np.linalg.solve(np.eye(n) - coefficients.T, np.ones(n))

    if field == "slq":
        return localecon.slq(re, ne)
    if field == "lambda":
        return [localecon.flegg_lambda(sum(re), sum(ne), delta)]
    if field == "lambda_grid":
        return [localecon.flegg_lambda(r, 1.0, d) for r, d in lq["lambda_grid"]]
    if field in ("flq_matrix", "aflq_matrix"):
        return localecon.location_quotients(re, ne, field.removesuffix("_matrix"), delta).ravel()
    if field == "multiplier_national":
        return multipliers(a)
    what, method = field.split("_", 1)
    regional_a = a * np.minimum(localecon.location_quotients(re, ne, method, delta), 1.0)
    return regional_a.ravel() if what == "a" else multipliers(regional_a)


def interregional_quantity(fx, field):
    """One ``ir.*`` quantity of an interregional fixture (matrices flattened row by row)."""
    table = localecon.InterregionalTable.from_json(json.dumps(fx["interregional"]))
    if field == "output":
        return table.output
    if field == "leontief_inverse":
        return table.leontief_inverse().ravel()
    if field.startswith("impact_"):
        impact = table.impact(fx["delta_f"])
        if field == "impact_output":
            return impact.output
        first = table.regions[0]
        return impact.single_region[: sum(r == first for r, _ in table.index)]
    if field == "extraction":
        e = table.extraction(fx["extraction_region"])
        return [e.total, e.backward, e.forward]
    if field == "spillover_matrix":
        return table.spillover_matrix().ravel()
    if field in ("multipliers", "production", "consumption", "imports", "exports"):
        stressors = {s["label"]: s["values"] for s in fx["stressors"]}
        return np.asarray(getattr(table.accounts(stressors), field)).ravel()
    interdependence = table.interdependence()
    if field in interdependence:
        return np.asarray(interdependence[field]).ravel()
    return table.decomposition()[field]


def quantity(fx, table, name):
    if name.startswith("ir."):
        return interregional_quantity(fx, name.removeprefix("ir."))
    if name.startswith("ena."):
        system = flow_system(fx, table)
        everything = {**system.flow_indicators(), **system.information_indices(), **system.structure()}
        return [everything[name.removeprefix("ena.")]]
    if name.startswith("lm3."):
        return [localecon.lm3(s)[name.removeprefix("lm3.")] for s in fx["surveys"]]
    if name.startswith("lq."):
        return lq_quantity(fx["lq"], name.removeprefix("lq."))
    if name.startswith("ras."):
        r = fx["ras"]
        u0 = np.array(r["u0"]).reshape(r["rows"], r["cols"])
        field = name.removeprefix("ras.")
        kw = {"tolerance": 0.0, "max_iterations": int(field.removeprefix("after_"))} if field.startswith("after_") else {}
        return localecon.ras(u0, r["row_targets"], r["col_targets"], **kw)["matrix"].ravel()
    if name == "scenario.substitution_multipliers":
        s = fx["substitution"]
        return table.import_substitution(s["buyer"], s["product"], s["share"])["output_multipliers"]
    if name == "scenario.shock_output_type_i":
        out = table.impact(fx["shock"])["output"]
        return np.array(out["direct"]) + np.array(out["indirect"])
    if name.startswith("currency."):
        return [table.local_currency(fx["currency"])[name.removeprefix("currency.")]]
    if name == "average_share":
        return [localecon.average_share(fx["shares"])]
    if name == "fci_leontief":
        return [table.fci()]
    if name == "ghosh_column_0":
        return table.ghosh_inverse()[:, 0]
    if name.startswith("ghosh_forward_linkage"):
        return table.ghosh_inverse().sum(axis=1)
    if name in ("rasmussen_backward", "rasmussen_forward"):
        return getattr(table.linkages(), name.removeprefix("rasmussen_"))
    if name in ("extraction_total", "extraction_backward"):
        return [table.hypothetical_extraction(c, name.removeprefix("extraction_")) for c in table.codes]
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
    assert {p.stem for p in FIXTURES} >= {
        "miller_blair_2sector", "eurostat_de1995", "spicosa_nl2000", "scotland_2019", "oyster_reef", "lm3",
        "lq_regionalisation", "ras_mb", "scenarios_de1995", "ir_miller_blair_ch3", "ir_mb_problem_3_2",
        "ir_fio_miom", "ir_pymrio_small", "ir_ioanalysis_toy",
    }
