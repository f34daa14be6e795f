"""Value-based clusters from Python: the reference values, the pinned partitions (the same
bits as Rust and JavaScript), the labelled results and the typed errors."""

import json
from pathlib import Path

import localecon
import numpy as np
import pandas as pd
import pytest

FIXTURES = Path(__file__).parent.parent.parent / "tests" / "fixtures" / "clusters"


def karate(weighted: bool) -> localecon.ClusterGraph:
    edges = pd.read_csv(FIXTURES / "karate_edges.csv")
    w = edges.zachary_weight.to_numpy(float) if weighted else np.ones(len(edges))
    return localecon.ClusterGraph(34, edges.u.to_numpy(), edges.v.to_numpy(), w, undirected=True)


def test_karate_reference_values():
    parts = pd.read_csv(FIXTURES / "karate_partitions.csv")
    g = karate(False)
    assert g.modularity(parts.club_faction.tolist()) == pytest.approx(0.3582347140039447, abs=1e-12)
    best = g.cluster(starts=100)
    assert best.value == pytest.approx(0.41978961209730437, abs=1e-9)
    assert best.n_clusters == 4 and best.starts_reaching_best > 50
    w = karate(True).cluster(starts=100)
    assert w.value == pytest.approx(0.44490358126721763, abs=1e-9)
    assert best.to_pandas().index.name == "node"


def test_map_equation_reference_values():
    links = [(0, 1), (0, 2), (0, 3), (1, 0), (1, 2), (2, 1), (2, 0), (3, 0), (3, 4), (3, 5),
             (4, 3), (4, 5), (5, 4), (5, 3)]
    s, t = np.array(links).T
    f = localecon.MapFlows(6, s, t, np.ones(len(links)), teleportation=0.15)
    assert f.codelength([0, 0, 0, 1, 1, 1]) == pytest.approx(2.3207303568337903, abs=1e-9)
    edges = pd.read_csv(FIXTURES / "karate_edges.csv")
    k = localecon.MapFlows(34, edges.u, edges.v, edges.zachary_weight.to_numpy(float), undirected=True)
    c = k.cluster()
    assert c.value == pytest.approx(4.087423158819622, abs=1e-9) and c.n_clusters == 3


def test_pinned_partitions_are_the_same_bits_as_rust():
    golden = json.loads((FIXTURES / "golden.json").read_text())
    c = karate(False).cluster(starts=5, seed=7)
    assert c.membership == golden["karate_seed7_starts5"]["membership"]
    assert c.start_values.tolist() == golden["karate_seed7_starts5"]["start_values"]
    t = localecon.datasets.scotland_2019()
    flows = t.clusters(starts=4, seed=11)
    g = golden["scotland_flows_seed11_starts4"]
    assert flows.clustering.membership == g["membership"]
    assert flows.clustering.start_values.tolist() == g["start_values"]
    assert flows.clusters[0].within_multiplier == g["first_cluster_within_multiplier"]
    m = t.clusters(quality="map_equation", starts=4, seed=11)
    assert m.clustering.membership == golden["scotland_map_equation_seed11_starts4"]["membership"]


def test_table_clusters_are_labelled_and_add_up():
    t = localecon.datasets.scotland_2019()
    c = t.clusters(starts=4)
    part = c.partition
    assert list(part.index) == t.codes and part.name == "cluster"
    frame = c.to_pandas()
    assert frame.output.sum() == pytest.approx(float(np.sum(t.output)), rel=1e-12)
    assert frame.n_sectors.sum() == t.n
    leak = frame.filter(like="leakage_").sum(axis=1)
    positive = frame.output > 0
    np.testing.assert_allclose((leak + frame.retention)[positive], 1.0, atol=1e-12)
    links = c.missing_links()
    assert {"buyer", "product", "cluster_income_gain", "cluster"} <= set(links.columns)
    for _, row in links.iterrows():
        assert part[row["buyer"]] == row["cluster"] and part[row["product"]] == row["cluster"]
    sg = t.clusters(preset="scottish_government")
    assert sg.clustering.value >= 0.13464271047738519
    assert sg.options["basis"] == "leontief_inverse" and sg.options["resolution"] == 1.8


def test_scan_consensus_and_plot():
    g = karate(False)
    scan = g.scan([0.5, 1.0, 2.0], starts=10).to_pandas()
    assert list(scan.resolution) == [0.5, 1.0, 2.0]
    assert scan.n_clusters.is_monotonic_increasing
    cons = g.consensus(starts=20)
    m = cons.matrix()
    np.testing.assert_array_equal(m, m.T)
    assert cons.to_pandas().shape == (34, cons.best.n_clusters)
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    _, ax = localecon.datasets.scotland_2019().clusters(starts=2).plot()
    assert "clusters" in ax.get_title()


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda g, t: g.cluster(resolution=0), localecon.OutOfRangeError, "resolution"),
        (lambda g, t: g.cluster(resolution=-1.0), localecon.OutOfRangeError, "resolution"),
        (lambda g, t: g.cluster(starts=0), localecon.OutOfRangeError, "starts"),
        (lambda g, t: g.cluster(seed=-1), localecon.OutOfRangeError, "seed"),
        (lambda g, t: g.cluster(seed=2**64), localecon.OutOfRangeError, "seed"),
        # the core reads the seed, so a fraction is refused as in Rust and JavaScript
        (lambda g, t: g.cluster(seed=1.5), localecon.OutOfRangeError, "seed"),
        (lambda g, t: t.clusters(seed=-2), localecon.OutOfRangeError, "seed"),
        # an option of another call is an unknown field, as in JavaScript
        (lambda g, t: t.clusters(teleportation=0.15), localecon.InvalidInputError, "unknown field `teleportation`"),
        (lambda g, t: g.scan([1.0], preset="scottish_government"), localecon.InvalidInputError, "unknown field `preset`"),
        (
            lambda g, t: localecon.MapFlows(3, [0, 1], [1, 2], [1.0, 1.0], undirected=True, teleportation=0.15),
            localecon.InvalidInputError,
            "teleportation is for a directed walker",
        ),
        (lambda g, t: g.modularity([0, 1]), localecon.ShapeError, "partition"),
        (lambda g, t: localecon.ClusterGraph(3, [0], [1], [-1.0]), localecon.NegativeValueError, r"flows\[0\]"),
        (lambda g, t: localecon.ClusterGraph(3, [], [], []), localecon.LocaleconError, "no flow"),
        (lambda g, t: localecon.ClusterGraph(1, [0], [0], [1.0], self_loops=True), localecon.LocaleconError, "no flow"),
        (lambda g, t: localecon.ClusterGraph(0, [], [], []), localecon.LocaleconError, "empty"),
        (lambda g, t: t.clusters(preset="glasgow"), localecon.UnknownOptionError, "scottish_government"),
        # a preset that is not a string is the core's typed error naming it, as in JavaScript
        (lambda g, t: t.clusters(preset=1), localecon.InvalidInputError, "^invalid cluster options: preset: "),
        # a wrong option spelling is the typed error listing the spellings, as in Rust and JavaScript
        (lambda g, t: t.clusters(quality="conductance"), localecon.UnknownOptionError, "map_equation"),
        (lambda g, t: t.clusters(rank_links_by="size"), localecon.UnknownOptionError, "per_pound"),
        (lambda g, t: t.clusters(qualty="cpm"), localecon.InvalidInputError, "qualty"),
        (lambda g, t: t.clusters(basis="leontief_inverse", quality="map_equation"), localecon.LocaleconError, "flows"),
    ],
)
def test_bad_inputs_are_typed(call, error, words):
    with pytest.raises(error, match=words):
        call(karate(False), localecon.datasets.scotland_2019())


def test_edge_columns_given_as_series_must_share_their_rows():
    edges = pd.DataFrame({"source": [0, 1, 2, 2], "target": [1, 2, 0, 1], "weight": [3.0, 1.0, 2.0, 5.0]})
    g = localecon.ClusterGraph(3, edges.source, edges.target, edges.weight)
    assert g.n == 3
    # a weight column sorted on its own would pair each flow with another's weight
    with pytest.raises(localecon.InvalidInputError, match="source and weight: Series with different indexes"):
        localecon.ClusterGraph(3, edges.source, edges.target, edges.weight.sort_values())
    with pytest.raises(localecon.InvalidInputError, match="payer and amount"):
        localecon.SparseNetwork(3, edges.source, edges.target, edges.weight.sort_values(), [1.0] * 3, [1.0] * 3)
