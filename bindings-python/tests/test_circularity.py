"""Circularity across the Python boundary: ecological network analysis of flow systems."""

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


def test_searches_whose_work_explodes_are_bounded():
    """A complete graph's cycles grow exponentially with their length: the search stops at
    its work limit with TooLargeError (the paths' search: test_linkages.py)."""
    n = 12
    flows = (1.0 + np.random.default_rng(3).random((n, n))) * (1.0 - np.eye(n))
    inflow, outflow = flows.sum(axis=0), flows.sum(axis=1)
    inputs = np.maximum(outflow - inflow, 0.0) + 1.0
    exports = np.maximum(inflow - outflow, 0.0) + 1.0
    fs = localecon.FlowSystem([f"a{i}" for i in range(n)], flows, inputs, exports, np.zeros(n))
    with pytest.raises(localecon.TooLargeError, match="up to 12 links"):
        fs.strongest_cycles(max_length=12, max_steps=100)
    assert len(fs.strongest_cycles(max_length=2, top_k=3, max_steps=1000)) == 3


def test_a_tables_ena_is_its_flow_systems_analysis():
    """RegionalTable.ena (JavaScript's table.ena) is FlowSystem.from_table(...).analyse(...)."""
    t = localecon.datasets.scotland_2019_sections()
    whole = t.ena("households", max_cycle_length=3, top_cycles=2)
    system = localecon.FlowSystem.from_table(t, "households")
    assert whole.to_dict() == system.analyse(max_cycle_length=3, top_cycles=2).to_dict()
    assert abs(whole.flow["fci"] - t.fci("households")) < 1e-8
    with pytest.raises(localecon.UnknownOptionError, match="households"):
        t.ena("closed")


def test_labelled_flows_and_boundary_flows_are_aligned_by_label():
    """A DataFrame of flows and Series of boundary flows in another order than the labels are
    read by their labels, never by position."""
    pd = pytest.importorskip("pandas")
    labels = ["a", "b", "c"]
    flows = np.array([[0.0, 2.0, 1.0], [1.0, 0.0, 3.0], [2.0, 1.0, 0.0]])
    inputs, exports, dissipation = np.array([4.0, 3.0, 2.0]), np.array([3.0, 1.0, 2.0]), np.array([1.0, 1.0, 1.0])
    plain = localecon.FlowSystem(labels, flows, inputs, exports, dissipation)
    order = ["c", "a", "b"]
    frame = pd.DataFrame(flows, index=labels, columns=labels).loc[order, order[::-1]]
    labelled = localecon.FlowSystem(
        labels,
        frame,
        pd.Series(inputs, index=labels)[order],
        pd.Series(exports, index=labels)[order[::-1]],
        pd.Series(dissipation, index=labels)[order],
    )
    assert labelled.flow_indicators() == plain.flow_indicators()
    with pytest.raises(localecon.UnknownLabelError, match='unknown label "x" in inputs'):
        localecon.FlowSystem(labels, flows, pd.Series(inputs, index=["a", "b", "x"]), exports, dissipation)
