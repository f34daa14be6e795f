"""What a user's type checker sees: checked by mypy (scripts/test.sh), not run by pytest.

Each call's result is its named class, and a misspelt option is an error the checker reports
before the code runs (`--warn-unused-ignores` fails the check if an expected error goes
missing).
"""

import localecon
from localecon import (
    Clustering,
    EnaAnalysis,
    Leakage,
    Multipliers,
    Records,
    RegionReport,
    ScanRow,
    TableClusters,
)
from typing_extensions import assert_type


def usage() -> None:
    """Never run: importing this module (pytest's doctest collection) does nothing."""
    t = localecon.datasets.scotland_2019()
    assert_type(t.report(), RegionReport)
    assert_type(t.multipliers(), Multipliers)
    assert_type(t.leakage(), Leakage)

    # clusters: the options are keywords the checker knows, with their spellings
    assert_type(t.clusters(starts=2, seed=1, basis="leontief_inverse"), TableClusters)
    assert_type(t.clusters(preset="scottish_government", missing_links=2), TableClusters)
    t.clusters(startz=2)  # type: ignore[call-arg]
    t.clusters(quality="conductance")  # type: ignore[arg-type]
    g = t.cluster_graph()
    assert_type(g.cluster(quality="cpm", resolution=0.05), Clustering)
    assert_type(g.scan([0.5, 1.0], starts=3), Records[ScanRow])
    g.cluster(basis="flows")  # type: ignore[call-arg]

    system = localecon.FlowSystem.from_table(t, "households")
    assert_type(system.analyse(max_cycle_length=3), EnaAnalysis)
