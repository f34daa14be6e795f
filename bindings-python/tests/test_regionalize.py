"""Regionalisation and balancing across the Python boundary."""

import localecon
import numpy as np
import pandas as pd
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


def test_labelled_shares_and_employment_are_aligned_by_label():
    """A per-sector share or employment given as a pandas Series in another order than the
    sectors is read by its labels, never by position; an unknown label is a typed error."""
    pd = pytest.importorskip("pandas")
    scotland = localecon.datasets.scotland_2019_sections()
    codes = scotland.codes
    ne = np.linspace(1000.0, 2900.0, 20)
    re = np.linspace(50.0, 240.0, 20)
    surplus = np.linspace(0.2, 0.8, 20)
    in_order = localecon.regionalize(scotland, ne, re, local_surplus_share=surplus, resident_compensation_share=surplus[::-1].copy())
    reversed_ = localecon.regionalize(
        scotland,
        pd.Series(ne, index=codes)[::-1],
        pd.Series(re, index=codes)[::-1],
        local_surplus_share=pd.Series(surplus, index=codes)[::-1],
        resident_compensation_share=pd.Series(surplus[::-1], index=codes).sample(frac=1.0, random_state=1),
    )
    assert reversed_ == in_order
    with pytest.raises(localecon.UnknownLabelError, match='unknown label "Atlantis" in local_surplus_share'):
        localecon.regionalize(scotland, ne, re, local_surplus_share=pd.Series(surplus, index=["Atlantis", *codes[1:]]))
    # the module functions: the national employment is aligned to the regional's labels
    regional = pd.Series([80.0, 300.0, 250.0], index=["a", "b", "c"])
    national = pd.Series([3236.0, 1096.0, 8381.0], index=["c", "a", "b"])
    np.testing.assert_array_equal(
        localecon.location_quotients(regional, national, "cilq"),
        localecon.location_quotients([80, 300, 250], [1096, 8381, 3236], "cilq"),
    )
    np.testing.assert_array_equal(localecon.slq(regional, national), localecon.slq([80, 300, 250], [1096, 8381, 3236]))
    with pytest.raises(localecon.UnknownLabelError, match='unknown label "d" in national'):
        localecon.slq(regional, pd.Series([1.0, 2.0, 3.0], index=["a", "b", "d"]))


def test_ras_aligns_labelled_targets_to_a_frames_index_and_columns():
    frame = pd.DataFrame([[5, 0.5], [4, 3]], index=["farm", "mill"], columns=["food", "fuel"])
    ordered = localecon.ras(frame, [10, 2], [7, 5])
    shuffled = localecon.ras(
        frame, pd.Series([2, 10], index=["mill", "farm"]), pd.Series([5, 7], index=["fuel", "food"])
    )
    np.testing.assert_array_equal(shuffled.matrix, ordered.matrix)
    with pytest.raises(localecon.UnknownLabelError, match="wool"):
        localecon.ras(frame, pd.Series([2, 10], index=["wool", "farm"]), [7, 5])

