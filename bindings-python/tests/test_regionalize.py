"""Regionalisation and balancing across the Python boundary."""

import localecon
import numpy as np
import pytest


def test_glasgow_is_reproducible_from_its_inputs():
    scotland = localecon.datasets.scotland_2019()
    national, glasgow = localecon.datasets.bres_2019_employment()
    assert national.sum() == pytest.approx(2_601_890) and glasgow.sum() == pytest.approx(420_680)
    rebuilt = localecon.regionalize(
        scotland,
        national,
        glasgow,
        method="flq",
        delta=0.3,
        name="Glasgow City 2019",
        employment_unit="jobs (BRES 2019 employment)",
    )
    embedded = localecon.datasets.glasgow_2019()
    # the flows are the regionalisation's; commuting and ownership change only what stays
    # (test_datasets.py rebuilds the embedded table with them, to the last bit)
    assert np.array_equal(rebuilt.z, embedded.z)
    assert rebuilt != embedded
    assert rebuilt.report().retention_share > embedded.report().retention_share
    m = rebuilt.multipliers()
    assert np.all(m.output_type_i <= scotland.multipliers().output_type_i + 1e-12)


def test_commuting_and_ownership_feed_retention():
    scotland = localecon.datasets.scotland_2019_sections()
    ne = np.full(20, 1000.0)
    re = np.full(20, 100.0)
    share = localecon.resident_share(600, 1000)
    assert share == 0.6
    t = localecon.regionalize(
        scotland, ne, re, resident_compensation_share=share, local_surplus_share=0.5
    )
    leak = t.leakage()
    for channel in ("non_resident_compensation", "external_surplus"):
        shares = leak.channel(channel)
        assert np.all(shares >= 0) and shares.sum() > 0
    closed = t.closed_leakage()
    np.testing.assert_allclose(closed.total[t.output > 0], 1.0, atol=1e-12)


def test_quotients_lambda_ras_and_concordance():
    q = localecon.location_quotients([80, 300, 250], [1096, 8381, 3236], "cilq")
    assert q.shape == (3, 3)
    np.testing.assert_allclose(np.diag(q), localecon.slq([80, 300, 250], [1096, 8381, 3236]))
    assert localecon.flegg_lambda(2130, 36428, 0.3) == pytest.approx(0.4721894059, abs=1e-10)
    r = localecon.ras([[5, 0.5], [4, 3]], [10, 2], [7, 5])
    assert r["converged"] and r["matrix"][0, 0] == pytest.approx(6.590207719, abs=1e-9)
    out = localecon.map_concordance(
        {"01110": 10.0, "47110": 4.0},
        [("01110", "A"), ("47110", "G", 1.0), ("47110", "H", 3.0)],
        ["A", "G", "H"],
    )
    np.testing.assert_allclose(out, [10.0, 1.0, 3.0])


def test_bad_inputs_are_typed():
    scotland = localecon.datasets.scotland_2019_sections()
    ne = np.full(20, 1000.0)
    with pytest.raises(localecon.OutOfRangeError, match="regional employment of A"):
        localecon.regionalize(scotland, ne, np.full(20, 2000.0))
    with pytest.raises(localecon.OutOfRangeError, match="national employment"):
        localecon.regionalize(scotland, np.zeros(20), np.zeros(20))
    with pytest.raises(localecon.ShapeError, match="regional employment"):
        localecon.regionalize(scotland, ne, np.full(19, 10.0))
    with pytest.raises(localecon.OutOfRangeError, match="δ"):
        localecon.regionalize(scotland, ne, np.full(20, 10.0), delta=1.5)
    with pytest.raises(localecon.NegativeValueError):
        localecon.regionalize(scotland, ne, np.full(20, -1.0))
    with pytest.raises(localecon.UnknownOptionError, match="flq"):
        localecon.regionalize(scotland, ne, np.full(20, 10.0), method="lq")
    with pytest.raises(localecon.InconsistentError, match="sum to 12"):
        localecon.ras([[1, 1], [1, 1]], [10, 2], [7, 6])
    with pytest.raises(localecon.InfeasibleError, match="row 1"):
        localecon.ras([[1, 1], [0, 0]], [10, 2], [7, 5])
    with pytest.raises(localecon.UnknownLabelError, match="99999"):
        localecon.map_concordance({"99999": 1.0}, [("01110", "A")], ["A"])
    with pytest.raises(localecon.InvalidInputError, match="concordance lookup"):
        localecon.map_concordance({"01110": 1.0}, [("01110",)], ["A"])
    with pytest.raises(localecon.OutOfRangeError):
        localecon.resident_share(1200, 1000)
