"""How sure are a council's numbers: the Monte Carlo from Python (issue 21)."""

import pickle

import localecon
import numpy as np
import pytest

SPEC = {
    "assumptions": {"delta": [0.2, 0.3], "resident_share": [0.6, 0.8], "tax_retention": [0.0, 0.2]},
    "draws": 200,
    "seed": 2026,
}


def test_glasgows_band_the_same_draws_as_rust():
    m = localecon.council_uncertainty("Glasgow City", SPEC)
    frame = m.to_pandas()
    assert list(frame.index) == localecon.datasets.COUNCIL_UNCERTAIN_INDICATORS
    assert list(frame.columns) == ["published", "median", "mean", "q0.05", "q0.25", "q0.75", "q0.95", "min", "max"]
    # core/tests/uncertainty.rs prints these: the same seed, the same draws, to the last bit
    assert frame.loc["output_multiplier_type_i", "median"] == m.summary[0].median
    assert m.summary[0].median == 1.1817140563524577  # to the last bit, as in Rust and JS
    # numpy's quantiles of the draws are the reported ones
    draws = m.draws()
    q = np.quantile(draws["output_multiplier_type_i"], [0.05, 0.25, 0.75, 0.95])
    np.testing.assert_allclose(frame.loc["output_multiplier_type_i", ["q0.05", "q0.25", "q0.75", "q0.95"]], q, rtol=1e-14)
    assert list(draws.columns[:3]) == ["delta", "resident_share", "tax_retention"]
    sens = m.sensitivity()
    assert sens.loc["output_multiplier_type_i"].idxmax() == "delta"
    assert sens.loc["retention_share"].idxmax() == "resident_share"
    assert m == localecon.council_uncertainty("Glasgow City", SPEC)
    assert pickle.loads(pickle.dumps(m)) == m
    # the spec as a JSON string, the assumptions as a list of pairs: the same run
    import json

    pairs = dict(SPEC, assumptions=[[k, v] for k, v in SPEC["assumptions"].items()])
    assert localecon.council_uncertainty("Glasgow City", json.dumps(pairs)) == m


def test_bad_specs_are_typed_errors():
    def run(assumptions, **kw):
        return localecon.council_uncertainty("Glasgow City", dict({"assumptions": assumptions, "draws": 5}, **kw))

    with pytest.raises(localecon.UnknownOptionError, match="delta"):
        run({"beta": [0.1, 0.2]})
    with pytest.raises(localecon.OutOfRangeError, match="delta.high"):
        run({"delta": [0.2, 1.0]})
    with pytest.raises(localecon.InvalidInputError, match="low"):
        run({"delta": [0.3, 0.2]})
    with pytest.raises(localecon.OutOfRangeError, match="draws"):
        run({"delta": [0.2, 0.3]}, draws=0)
    with pytest.raises(localecon.OutOfRangeError, match="quantiles"):
        run({"delta": [0.2, 0.3]}, quantiles=[0.5, 1.0])
    with pytest.raises(localecon.InvalidInputError, match="4 values"):
        run({"delta": [0.1, 0.2, 0.25, 0.3]})
    with pytest.raises(localecon.TooLargeError):
        localecon.council_uncertainty("Glasgow City", {"assumptions": {"delta": [0.2, 0.3]}, "draws": 11}, max_draws=10)
    with pytest.raises(localecon.UnknownOptionError, match="Atlantis"):
        localecon.council_uncertainty("Atlantis", SPEC)


def test_chunks_on_a_dask_cluster_equal_the_serial_run():
    """Regions x draws on a real LocalCluster of two worker processes: the same numbers,
    digit for digit, as the run in one piece here."""
    from dask.distributed import Client, LocalCluster

    spec = {"assumptions": {"delta": [0.2, 0.3], "outside_owned_profit_share": [0.4, 0.7]}, "draws": 24, "seed": 7}
    councils = ["Glasgow City", "Orkney Islands"]
    serial = {c: localecon.council_uncertainty(c, spec) for c in councils}
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        spread = localecon.uncertainty.map_councils(councils, spec, executor=client, chunk_draws=5)
    assert spread == serial
    for c in councils:
        np.testing.assert_array_equal(spread[c].outputs, serial[c].outputs)


def test_chunks_on_a_thread_pool_and_bad_chunks():
    from concurrent.futures import ThreadPoolExecutor

    spec = dict(SPEC, draws=12)
    with ThreadPoolExecutor(2) as pool:
        runs = localecon.uncertainty.map_councils(["Fife"], spec, executor=pool, chunk_draws=5)
    assert runs["Fife"] == localecon.council_uncertainty("Fife", spec)
    with pytest.raises(ValueError, match="chunk_draws"):
        localecon.uncertainty.map_councils(["Fife"], spec, chunk_draws=0)
    a = localecon.council_uncertainty("Fife", dict(spec, draws=5))
    with pytest.raises(localecon.InconsistentError, match="starts at draw"):
        localecon.uncertainty.combine_monte_carlo([a, a])


def test_the_default_spec_states_its_ranges():
    spec = localecon.uncertainty.council_default_uncertainty("Glasgow City", draws=10, seed=3)
    assert [name for name, _ in spec["assumptions"]] == ["delta", "resident_share", "outside_owned_profit_share", "tax_retention"]
    assert spec["assumptions"][0][1] == {"kind": "uniform", "low": 0.2, "high": 0.3}
    assert len(localecon.uncertainty.COUNCIL_DEFAULT_RANGES) == 4
    m = localecon.council_uncertainty("Glasgow City", spec)
    assert len(m.outputs) == 10 and m.seed == 3


def test_the_band_picture_shows_the_quantiles():
    import matplotlib

    matplotlib.use("Agg")
    from localecon import plot

    m = localecon.council_uncertainty("Glasgow City", SPEC)
    _fig, ax = plot.bands(m)
    bars = ax.containers
    assert len(bars) == len(m.summary)
    first = bars[0][0]
    s = m.summary[0]
    assert first.get_x() == pytest.approx(s.quantiles[0] / s.published)
    assert first.get_x() + first.get_width() == pytest.approx(s.quantiles[-1] / s.published)
    assert "200 draws" in ax.get_title()
    _fig, ax = plot.bands(m, low=0.25, high=0.75)
    assert ax.containers[0][0].get_x() == pytest.approx(s.quantiles[1] / s.published)


def test_any_tables_assumptions():
    t = localecon.datasets.scotland_2019()
    m = t.uncertainty({"assumptions": {"tax_retention": [0.0, 0.5], "local_surplus_share": [0.3, 0.9]}, "draws": 50, "seed": 11})
    frame = m.to_pandas()
    # retention does not enter A: the Type I multiplier is the same in every draw
    assert frame.loc["output_multiplier_type_i", "min"] == frame.loc["output_multiplier_type_i", "max"]
    assert m.sensitivity().loc["retention_share"].idxmax() == "local_surplus_share"
    assert [name for name, _ in localecon.uncertainty.TABLE_UNCERTAIN_ASSUMPTIONS] == [
        "resident_share", "local_surplus_share", "tax_retention", "flow_noise"]
    with pytest.raises(localecon.UnknownOptionError, match="flow_noise"):
        t.uncertainty({"assumptions": {"delta": 0.3}, "draws": 5})


def test_a_regionalisation_of_ones_own_over_delta():
    scotland = localecon.datasets.scotland_2019()
    national, glasgow = localecon.datasets.bres_2019_employment()
    spec = {"assumptions": {"delta": [0.1, 0.3], "tax_retention": [0.0, 0.2]}, "draws": 60, "seed": 3}
    m = localecon.uncertainty.regionalize_uncertainty(scotland, national, glasgow, spec, name="Glasgow")
    assert m.notes[0].startswith("Glasgow: δ or the flows drawn")
    # the Type I multiplier falls as δ rises, and δ = 0.3 (the default) gives the smallest
    assert m.rank_correlation[0][0] < -0.999
    assert m.summary[0].min >= m.summary[0].published - 1e-12
    with pytest.raises(localecon.UnknownOptionError, match="delta"):
        localecon.uncertainty.regionalize_uncertainty(scotland, national, glasgow, {"assumptions": {"gamma": 1}, "draws": 2})


def test_australian_lgas_on_an_executor():
    from concurrent.futures import ThreadPoolExecutor

    spec = {"assumptions": {"delta": [0.2, 0.3], "local_surplus_share": [0.5, 1.0]}, "draws": 10, "seed": 4}
    lgas = ["Alice Springs", "Darwin"]
    with ThreadPoolExecutor(2) as pool:
        runs = localecon.uncertainty.map_regions(localecon.uncertainty.lga_uncertainty, lgas, spec, executor=pool, chunk_draws=3)
    for lga in lgas:
        assert runs[lga] == localecon.uncertainty.lga_uncertainty(lga, spec)
    # the LGA tables close the model with households: all five headline figures, Type II
    # above Type I in every draw
    assert runs["Darwin"].indicators == localecon.datasets.COUNCIL_UNCERTAIN_INDICATORS
    outputs = runs["Darwin"].outputs
    assert (outputs[:, 1] > outputs[:, 0]).all()
    assert runs["Darwin"].notes[0].startswith("Darwin 2021-22: δ or the flows drawn")
