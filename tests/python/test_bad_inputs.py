"""The catalogue of bad inputs, from Python: every case raises the exception of its code."""

import json
import math
from pathlib import Path

import localecon
import numpy as np
import pytest

CATALOGUE = json.loads((Path(__file__).parent.parent / "fixtures" / "catalogue" / "bad_inputs.json").read_text())["cases"]
SPECIAL = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def numbers(values):
    return np.array([SPECIAL.get(v, v) if isinstance(v, str) else v for v in values], dtype=float)


def from_arrays(a):
    codes = a["codes"]
    z = numbers(a["z"])
    n = len(codes)
    if z.size != n * n:
        z = z[None, :]  # not square: let the library say so
    else:
        z = z.reshape(n, n)
    fd = a["final_demand"]
    pi = a["primary_inputs"]
    fd_values = [numbers(c["values"]) for c in fd]
    if any(v.size != n for v in fd_values):
        return localecon.RegionalTable.from_arrays(z, sectors=codes, final_demand=np.array(fd_values[0])[:, None])
    return localecon.RegionalTable.from_arrays(
        z, sectors=codes,
        final_demand=np.column_stack(fd_values), final_demand_labels=[c["label"] for c in fd],
        final_demand_kinds=[c["kind"] for c in fd],
        primary_inputs=np.vstack([numbers(r["values"]) for r in pi]), primary_input_labels=[r["label"] for r in pi],
        primary_input_kinds=[r["kind"] for r in pi],
    )


def flagged_without_jobs(t):
    """A sector with no national employment is regionalised as average, and the source says so."""
    source = localecon.regionalize(t, [10, 0], [5, 0]).source
    assert "ASSUMPTION: no national employment in s2:" in source, source


def then(t, op):
    ops = {
        "multipliers": lambda: t.multipliers(),
        "closed_leakage": lambda: t.closed_leakage(),
        "currency_acceptance_2": lambda: t.local_currency({"acceptance": [["s1", 2.0]]}),
        "currency_unknown_account": lambda: t.local_currency({"acceptance": [["zz", 0.5]]}),
        "regionalize_too_many_jobs": lambda: localecon.regionalize(t, [10, 10], [20, 5]),
        "regionalize_delta": lambda: localecon.regionalize(t, [10, 10], [5, 5], delta=1.5),
        "regionalize_zero_national": lambda: localecon.regionalize(t, [0, 0], [0, 0]),
        "regionalize_resident_share": lambda: localecon.regionalize(t, [10, 10], [5, 5], resident_compensation_share=1.5),
        "regionalize_surplus_length": lambda: localecon.regionalize(t, [10, 10], [5, 5], local_surplus_share=[0.5, 0.5, 0.5]),
        "regionalize_surplus_negative": lambda: localecon.regionalize(t, [10, 10], [5, 5], local_surplus_share=[0.5, -0.5]),
        "regionalize_sector_without_jobs": lambda: flagged_without_jobs(t),
        "scenario_unknown_sector": lambda: t.apply_scenario({"name": "bad", "changes": [{"type": "demand", "sector": "zz", "amount": 1.0}]}),
        "scenario_too_much": lambda: t.apply_scenario({"name": "bad", "changes": [{"type": "import_substitution", "buyer": "s1", "product": "s2", "amount": 1e6}]}),
        "scenario_share": lambda: t.apply_scenario({"name": "bad", "changes": [{"type": "import_substitution", "buyer": "s1", "product": "s2", "share": 1.5}]}),
        "ranking_share_0": lambda: t.leak_ranking(share=0.0),
        "ranking_cap_negative": lambda: t.leak_ranking(max_output_increase=-0.1),
        "ranking_exclude_unknown": lambda: t.leak_ranking(exclude=["zz"]),
        "ranking_default": lambda: t.leak_ranking().opportunities,
        "substitution_not_imported": lambda: t.import_substitution("s1", "s2", 0.1),
        "scenario_zero_output": lambda: t.apply_scenario({"name": "bad", "changes": [{"type": "demand", "sector": "s3", "amount": 1.0}]}),
        "impact_zero_output": lambda: t.impact([0.0, 0.0, 1.0]),
        "substitution_zero_output": lambda: t.import_substitution("s2", "s3", 0.1),
        "paths_cutoff": lambda: t.structural_paths("s1", cutoff=0.0),
        "extract_unknown": lambda: t.hypothetical_extraction("zz"),
        "fci_closure_typo": lambda: t.fci("household"),
    }
    return ops[op]()


def satellite(t, spec):
    """The catalogue's satellite on `t`, characterised if asked, with its accounts and footprint."""
    stressors = spec["stressors"]
    names = [s["name"] for s in stressors]
    values = [numbers(s["values"]) for s in stressors]
    matrix = np.vstack(values) if len({v.size for v in values}) == 1 else values[0][None, :]
    factors = {}
    for f in spec["import_factors"]:
        v = numbers(f["values"])
        factors.setdefault(f["origin"], {})[f["stressor"]] = float(v[0]) if v.size == 1 else v
    sat = localecon.Satellite(
        t, matrix, names=names,
        units={s["name"]: s["unit"] for s in stressors},
        gases={s["name"]: s["gas"] for s in stressors if "gas" in s},
        household={s["name"]: s["household"] for s in stressors if "household" in s},
        removals=[s["name"] for s in stressors if s.get("removals")],
        import_factors=factors,
    )
    if "characterise" in spec:
        sat = sat.characterise("GHG", "kt CO2e", gwp=spec["characterise"])
    accounts = sat.accounts(t).to_pandas()
    assert not np.isnan(accounts.drop(columns="unit").to_numpy(dtype=float)).any()
    return sat.footprint(t)


def run(case_input):
    if "calibrate" in case_input:
        c = case_input["calibrate"]
        return localecon.calibrate(c["intensities"], c["output"], c["groups"], c["totals"])
    if "ras" in case_input:
        r = case_input["ras"]
        return localecon.ras(np.array(r["u0"], dtype=float).reshape(r["rows"], r["cols"]), r["row_targets"], r["col_targets"])
    if "flow_system" in case_input:
        f = case_input["flow_system"]
        n = len(f["labels"])
        return localecon.FlowSystem(f["labels"], np.array(f["flows"], dtype=float).reshape(n, n), f["inputs"], f["exports"], f["dissipation"])
    if "lm3" in case_input:
        return localecon.lm3(case_input["lm3"])
    if "dataset" in case_input:
        return localecon.datasets.by_name(case_input["dataset"])
    if "interregional_dataset" in case_input:
        return localecon.interregional_dataset(case_input["interregional_dataset"])
    if "clusters" in case_input:
        c = case_input["clusters"]
        if c["then"] in ("map_equation", "codelength"):
            f = localecon.MapFlows(c["n"], c["source"], c["target"], c["weight"], **c.get("walker", {}))
            return f.codelength(c["membership"]) if c["then"] == "codelength" else f.cluster(**c["options"])
        g = localecon.ClusterGraph(c["n"], c["source"], c["target"], c["weight"])
        return g.modularity(c["membership"]) if c["then"] == "modularity" else g.cluster(**c["options"])
    if "uncertainty" in case_input:
        u = case_input["uncertainty"]
        return localecon.council_uncertainty(u["council"], u["spec"])
    if "interregional" in case_input:
        ir = case_input["interregional"]
        t = localecon.InterregionalTable.from_json(ir["json"])
        if ir.get("then") == "extraction_unknown":
            return t.extraction("nowhere")
        if ir.get("then") == "impact_short":
            return t.impact([1.0])
        shares = {
            "type_ii_commuting": [[0.9, 0.1], [0.1, 0.9]],
            "type_ii_over": [[0.9, 0.0], [0.3, 1.0]],
            "type_ii_shape": np.eye(3),
        }.get(ir.get("then"))
        if shares is not None:
            ii = t.type_ii(shares)
            assert np.isfinite(ii.type_ii).all()
            return ii
        d = t.decomposition()
        assert np.isfinite(d.total).all() and np.isfinite(d.returned_per_leak).all()
        return d
    if "json" in case_input:
        t = localecon.RegionalTable.from_json(case_input["json"])
    elif "csv" in case_input:
        t = localecon.RegionalTable.from_csv(case_input["csv"])
    elif "csv_bytes" in case_input:
        t = localecon.RegionalTable.from_csv(bytes(case_input["csv_bytes"]))
    else:
        t = from_arrays(case_input["arrays"])
    if "satellite" in case_input:
        return satellite(t, case_input["satellite"])
    if "scenario" in case_input:
        return t.apply_scenario(case_input["scenario"])
    if "then" in case_input:
        return then(t, case_input["then"])
    report = t.report()
    frame = report.to_pandas().drop(columns="name")
    if report.output_multiplier_type_ii is None:
        frame = frame.drop(columns="output_multiplier_type_ii")  # missing, shown as NaN by pandas convention
    assert not np.isnan(frame.to_numpy(dtype=float)).any()
    return report


@pytest.mark.parametrize("case", CATALOGUE, ids=[c["id"] for c in CATALOGUE])
def test_case(case):
    if case["code"] is None:
        run(case["input"])
        return
    with pytest.raises(localecon.LocaleconError) as e:
        run(case["input"])
    assert e.value.code == case["code"], f"{case['id']}: {e.value}"
    # the place of the value refused, named alike in the three languages
    assert case.get("place", "") in str(e.value), f"{case['id']}: {e.value}"
    # and what it says of the value, in the same words
    assert case.get("words", "") in str(e.value), f"{case['id']}: {e.value}"


def test_python_specific_bad_inputs():
    with pytest.raises(localecon.ShapeError, match="dimensions"):
        localecon.RegionalTable.from_arrays(np.ones((2, 2, 2)))
    with pytest.raises((TypeError, ValueError)):
        localecon.RegionalTable.from_arrays(np.array([["a", "b"], ["c", "d"]], dtype=object))
    with pytest.raises(localecon.NonFiniteError):
        localecon.RegionalTable.from_arrays(np.array([[1, 2], [3, 4]], dtype=np.float32) * np.float32("nan"))
    # complex numbers are refused rather than silently truncated
    with pytest.raises(localecon.InvalidInputError, match="complex"):
        localecon.RegionalTable.from_arrays(np.ones((2, 2), dtype=complex))
