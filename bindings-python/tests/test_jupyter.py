"""The Jupyter experience: pymrio in, numpy/pandas/HTML/pictures out, pickling."""

import pickle

import localecon
import matplotlib
import numpy as np
import pytest
from localecon import plot

matplotlib.use("Agg")


def test_pymrio_system_and_folder_convert_and_agree_with_pymrio(tmp_path):
    pymrio = pytest.importorskip("pymrio")
    from localecon.pymrio import from_pymrio, from_pymrio_folder

    io = pymrio.load_test()
    t = from_pymrio(io, "reg2", primary_input_kinds={"Value Added": "compensation"})
    assert t.n == 8 and t.audit().status in ("PASS", "WARN")
    io.calc_all()
    a = io.A.loc["reg2", "reg2"].to_numpy()
    expected = np.linalg.inv(np.eye(8) - a).sum(axis=0)
    np.testing.assert_allclose(t.multipliers().output_type_i, expected, rtol=1e-10)
    io.save_all(tmp_path / "mrio")
    again = from_pymrio_folder(tmp_path / "mrio", "reg2", primary_input_kinds={"Value Added": "compensation"})
    np.testing.assert_allclose(again.multipliers().output_type_i, expected, rtol=1e-6)
    with pytest.raises(localecon.UnknownLabelError, match="reg9"):
        from_pymrio(io, "reg9")


def test_results_speak_numpy_and_html_and_pickle():
    t = localecon.datasets.scotland_2019_sections()
    m = t.multipliers()
    arr = np.asarray(m)
    assert arr.shape == (20, len(m.to_dict()))
    np.testing.assert_array_equal(arr[:, 0], m.output_type_i)
    assert np.asarray(t.leakage()).shape == (5, 20)
    assert np.asarray(t, dtype=np.float32).dtype == np.float32
    html = t.report()._repr_html_()
    assert "Scotland 2019" in html and "stays as local income" in html and "<table" in html
    assert "Agriculture" in m._repr_html_()
    assert "<table" in t.audit()._repr_html_() and "<table" in t._repr_html_()
    for obj in (m, t.leakage(), t.closed_leakage(), t.report(), t.audit(), t.linkages(), t.leak_ranking(top_k=3)):
        back = pickle.loads(pickle.dumps(obj))
        assert type(back) is type(obj)
        assert repr(back) == repr(obj)


def test_where_a_pound_goes_shows_the_numbers():
    t = localecon.datasets.scotland_2019()
    _fig, ax = plot.where_a_pound_goes(t, "10.7")
    bars = ax.containers[0]
    heights = sorted(b.get_width() for b in bars)
    j = t.sector_index("10.7")
    expected = sorted(np.asarray(t.closed_leakage().by_channel)[:, j])
    np.testing.assert_allclose(heights, expected, atol=1e-12)
    assert sum(heights) == pytest.approx(1.0)
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    assert "households" in labels
    _fig, ax = plot.where_a_pound_goes(t, "10.7", closed=False)
    assert sum(b.get_width() for b in ax.containers[0]) == pytest.approx(1.0)


def test_multiplier_flow_and_regionalisation_pictures():
    t = localecon.datasets.scotland_2019()
    _fig, ax = plot.multipliers(t, top=10)
    type_i = [b.get_height() for b in ax.containers[0]]
    assert type_i == sorted(type_i, reverse=True) and len(type_i) == 10
    assert type_i[0] == pytest.approx(max(t.multipliers().output_type_i))
    system = localecon.FlowSystem.from_table(t, "households")
    _fig, ax = plot.flows(system, top=5)
    assert len(ax.containers[0]) == 5 and "cycles" in ax.get_title()
    g = localecon.datasets.glasgow_2019()
    _fig, ax = plot.regionalisation(t, g)
    points = ax.collections[0].get_offsets()
    assert len(points) == 98 and np.all(points[:, 1] <= points[:, 0] + 1e-12)


def test_cycle_and_currency_pictures_show_the_numbers():
    t = localecon.datasets.scotland_2019()
    system = localecon.FlowSystem.from_table(t, "households")
    _fig, ax = plot.cycles(system, max_length=3, top=6)
    cycles = list(system.strongest_cycles(max_length=3, top_k=6))
    widths = [b.get_width() for b in ax.containers[0]][::-1]
    assert widths == [c.bottleneck for c in cycles] and len(widths) == 6
    assert widths == sorted(widths, reverse=True)
    first = ax.get_yticklabels()[-1].get_text().split(" → ")
    assert first == [*cycles[0].labels, cycles[0].labels[0]]
    design = {"acceptance": [("10.7", 0.3), ("47", 0.3)], "redemption": 0.35, "fee": 0.03, "holding_days": 10, "substitution": 0.1}
    c = t.local_currency(design)
    _fig, ax = plot.currency(c, top=5)
    widths = [b.get_width() for b in ax.containers[0]]
    assert widths == [v for v in sorted(np.asarray(c.visits))[::-1][:5] if v > 0][::-1]
    assert all(w > 0 for w in widths)
    assert f"{c.multiplier_after:.4f}" in ax.get_title() and f"{c.transactions:.2f}" in ax.get_title()


def test_lm_rounds_picture_shows_the_model_lm():
    t = localecon.datasets.scotland_2019()
    _fig, ax = plot.lm_rounds(t, ["10.7", "47"], rounds=6)
    lines = ax.get_lines()
    bakery = lines[0].get_ydata()
    j = t.sector_index("10.7")
    assert list(bakery) == [t.model_lm(k)[j] for k in range(1, 7)]
    assert bakery[0] == 1.0 and all(a < b for a, b in zip(bakery, bakery[1:]))
    assert len([line for line in lines if line.get_label().startswith("47")]) == 1


def test_flow_matrix_and_linkage_pictures():
    t = localecon.datasets.scotland_2019()
    _fig, ax = plot.flow_matrix(t)
    shown = ax.images[0].get_array()
    z = np.asarray(t.z)
    assert shown.shape == (98, 98)
    assert np.array_equal(np.ma.filled(shown, 0.0), np.where(z > 0, z, 0.0))
    i, j = t.sector_index("41-43"), t.sector_index("68.1-2")
    assert shown[i, j] == z[i, j]  # row: the seller (construction), column: the buyer
    _fig, ax = plot.linkages(t)
    links = t.linkages()
    points = np.concatenate([c.get_offsets() for c in ax.collections])
    assert len(points) == 98
    expected = sorted(zip(links.backward, links.forward_ghosh))
    assert sorted(map(tuple, points)) == expected
    assert f"key sectors ({links.classification.count('key')})" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_footprint_picture_splits_inside_and_outside():
    g = localecon.datasets.glasgow_2019()
    fp = localecon.datasets.satellite("glasgow-2019").footprint(g)
    _fig, ax = plot.footprint(fp, "GHG", sectors=["56", "10.7", "35.1"])
    frame = fp.to_pandas("GHG")
    totals = np.zeros(3)
    for container in ax.containers:
        totals += [b.get_width() for b in container]
    # bars from the bottom up: the sectors in reverse order
    np.testing.assert_allclose(totals[::-1], frame.loc[["56", "10.7", "35.1"], "total"], rtol=1e-12)
    inside = [b.get_width() for b in ax.containers[0]][::-1]
    assert inside == frame.loc[["56", "10.7", "35.1"], "inside"].tolist()


def test_returns_picture_ranks_what_comes_back():
    system = localecon.datasets.scotland_ruk_2019()
    rows = system.returns()
    _fig, (left, right) = plot.returns(rows)
    back = [b.get_width() for b in right.containers[0]]
    assert back == sorted(r.returned_per_leak for r in rows)
    leak = {t.get_text(): b.get_width() for t, b in zip(left.get_yticklabels(), left.containers[0])}
    assert leak == {r.region: r.leak_to_other_regions for r in rows}


def test_atlas_and_gva_validation_pictures():
    a = localecon.datasets.scotland_council_atlas()
    _fig, ax = plot.atlas(a, label=4)
    points = ax.collections[0].get_offsets()
    frame = a.to_pandas()
    assert len(points) == 32
    assert sorted(map(tuple, points)) == sorted(zip(frame["output"], frame["retention_share"]))
    named = {t.get_text() for t in ax.texts}
    assert "Highland" in named and "Renfrewshire" in named  # most and least retained
    v = localecon.datasets.gva_validation()
    _fig, ax = plot.gva_validation(v)
    points = ax.collections[0].get_offsets()
    assert len(points) == len(v.to_pandas()) == 19
    assert f"{v.mean_absolute_error:.3f}" in ax.get_title()


def test_regionalisation_errors_picture():
    frame = localecon.datasets.regionalisation_validation()
    assert len(frame) == 17 and frame.loc["FLQ δ=0.3", "worst_section"] == "B"
    assert round(float(frame.loc["FLQ δ=0.25", "mean_absolute_error"]), 3) == 0.078
    _fig, ax = plot.regionalisation_errors(frame)
    flq = ax.get_lines()[0]
    assert list(flq.get_xdata()) == [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4]
    assert list(flq.get_ydata()) == frame[frame["method"] == "flq"]["mean_absolute_error"].tolist()
    levels = {line.get_label(): line.get_ydata()[0] for line in ax.get_lines()[2:]}
    assert levels["SLQ"] == frame.loc["SLQ", "mean_absolute_error"]


def test_report_progress_reaches_done():
    seen = []
    r = localecon.datasets.scotland_2019().report(progress=lambda stage, done: seen.append((stage, done)))
    assert seen[0] == ("factorising I − A", 0.0) and seen[-1] == ("done", 1.0)
    assert [d for _, d in seen] == sorted(d for _, d in seen)
    assert r.leakage_share > 0

    def broken(stage, done):
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        localecon.datasets.scotland_2019().report(progress=broken)
