"""Circularity, linkages and LM3 across the Python boundary."""

import localecon
import numpy as np
import pytest


def test_flow_system_from_table_agrees_with_leontief_route():
    t = localecon.datasets.scotland_2019()
    s = localecon.FlowSystem.from_table(t)
    ind = s.flow_indicators()
    # the graph route uses throughflow (row totals), the Leontief route the published output;
    # Scotland's rows balance to 2.6e-6 relative, so the routes agree to about 1e-10
    assert abs(ind["fci"] - t.fci()) < 1e-8
    assert abs(ind["fci"] - 0.06190) < 5e-6
    closed = localecon.FlowSystem.from_table(t, "households")
    assert closed.labels[-1] == "households"
    assert abs(closed.flow_indicators()["fci"] - t.fci("households")) < 1e-8
    info = s.information_indices()
    assert abs(info["ascendency"] + info["overhead"] - info["capacity"]) < 1e-6 * info["capacity"]
    assert 0 < info["robustness"] <= 1 / np.e
    comps = s.strongly_connected_components()
    assert abs(sum(c["throughflow_share"] for c in comps) - 1) < 1e-12
    cycles = s.strongest_cycles(max_length=3, top_k=5)
    assert len(cycles) == 5
    assert cycles[0]["bottleneck"] >= cycles[-1]["bottleneck"]


def test_linkages_paths_extraction_and_model_lm():
    t = localecon.datasets.scotland_2019_sections()
    link = t.linkages()
    assert link.codes == t.codes
    assert abs(link.backward.mean() - 1) < 1e-12
    assert set(link.classes) <= {"key", "backward_oriented", "forward_oriented", "weak"}
    df = link.to_pandas()
    assert list(df.index) == t.codes and list(df.columns) == ["name", "backward", "forward", "forward_ghosh", "classification"]
    sp = t.structural_paths("C", "leakage", cutoff=1e-3, top_k=5)
    assert sp["paths"][0]["codes"] == ["C"]
    assert 0 < sp["coverage"] <= 1 + 1e-12
    assert t.hypothetical_extraction("C", "total") > t.hypothetical_extraction("C", "backward") > 0
    lm3 = t.model_lm(3)
    assert np.all(lm3 > 1) and np.all(t.model_lm(20) >= lm3)


def test_lm3_survey_and_averaging():
    r = localecon.lm3({"income": 100.0, "spending": [
        {"label": "staff", "amount": 40.0, "local_share": 0.75, "respend_local_share": 0.454}]})
    assert r["round2"] == 30.0 and abs(r["lm3"] - (100 + 30 + 13.62) / 100) < 1e-12
    assert abs(localecon.average_share([0.4, 0.6], [3, 1]) - 0.45) < 1e-12


def test_bad_inputs_are_typed():
    labels = ["a", "b"]
    with pytest.raises(localecon.DisconnectedError, match=r"\(b\)"):
        localecon.FlowSystem(labels, np.zeros((2, 2)), [1, 0], [1, 0], [0, 0])
    with pytest.raises(localecon.NegativeValueError, match="a → b"):
        localecon.FlowSystem(labels, [[0, -1], [0, 0]], [1, 1], [1, 1], [0, 0])
    with pytest.raises(localecon.DisconnectedError, match="no boundary input"):
        localecon.FlowSystem(labels, [[0, 1], [1, 0]], [0, 0], [0, 0], [0, 0])
    with pytest.raises(localecon.UnbalancedError, match="a"):
        localecon.FlowSystem(labels, [[0, 1], [0, 0]], [2, 0], [0, 1], [0, 0])
    localecon.FlowSystem(labels, [[0, 1], [0, 0]], [2, 0], [0, 1], [0, 0], allow_unbalanced=True)
    with pytest.raises(localecon.EmptyTableError):
        localecon.FlowSystem([], np.zeros((0, 0)), [], [], [])
    with pytest.raises(localecon.UnknownOptionError, match="households"):
        localecon.FlowSystem.from_table(localecon.datasets.miller_blair_2sector(), "household")
    with pytest.raises(localecon.OutOfRangeError, match="cutoff"):
        localecon.datasets.miller_blair_2sector().structural_paths("s1", cutoff=2.0)
    with pytest.raises(localecon.OutOfRangeError, match="local_share"):
        localecon.lm3({"income": 1.0, "spending": [{"label": "x", "amount": 1.0, "local_share": 1.5, "respend_local_share": 0}]})
    with pytest.raises(localecon.InvalidInputError):
        localecon.lm3({"income": 1.0})


def test_searches_whose_work_explodes_are_bounded():
    """A complete graph's cycles and a dense table's paths grow exponentially with their
    length: the searches stop at their work limit, the cycles with TooLargeError, the paths
    with a truncated result that says so."""
    n = 12
    flows = (1.0 + np.random.default_rng(3).random((n, n))) * (1.0 - np.eye(n))
    inflow, outflow = flows.sum(axis=0), flows.sum(axis=1)
    inputs = np.maximum(outflow - inflow, 0.0) + 1.0
    exports = np.maximum(inflow - outflow, 0.0) + 1.0
    fs = localecon.FlowSystem([f"a{i}" for i in range(n)], flows, inputs, exports, np.zeros(n))
    with pytest.raises(localecon.TooLargeError, match="up to 12 links"):
        fs.strongest_cycles(max_length=12, max_steps=100)
    assert len(fs.strongest_cycles(max_length=2, top_k=3, max_steps=1000)) == 3
    t = localecon.datasets.scotland_2019_sections()
    r = t.structural_paths("C", cutoff=1e-12, max_depth=40, max_steps=1000)
    assert r["steps"] == 1000 and "work limit of 1000 steps" in r["truncated"]
    assert t.structural_paths("C")["truncated"] is None
    # LMk far beyond convergence costs no more than convergence and equals the limit's sum
    far = t.model_lm(10**15)
    assert np.all(np.isfinite(far)) and far[0] > t.model_lm(50)[0] - 1e-9
