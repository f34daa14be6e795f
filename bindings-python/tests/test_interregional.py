"""Interregional tables from Python: building them from labelled frames (aligned by label),
pymrio in and out, typed results with a (region, sector) index, errors that name the entry."""

import json
import pickle
from pathlib import Path

import localecon
import numpy as np
import pandas as pd
import pytest
from localecon.pymrio import interregional_from_pymrio, to_pymrio

FIXTURES = Path(__file__).parent.parent.parent / "tests" / "fixtures"


def miller_blair():
    fx = json.loads((FIXTURES / "ir_miller_blair_ch3.json").read_text())
    return localecon.InterregionalTable.from_json(json.dumps(fx["interregional"]))


def frames(table):
    index = pd.MultiIndex.from_tuples(table.index, names=["region", "sector"])
    z = pd.DataFrame(table.z, index=index, columns=index)
    y = pd.DataFrame(
        {("r", "households"): table.output - table.z.sum(axis=1)}, index=index
    )
    return z, y


def test_from_arrays_aligns_every_input_by_label():
    t = miller_blair()
    z, y = frames(t)
    shuffled = [4, 1, 3, 0, 2]
    built = localecon.InterregionalTable.from_arrays(
        z.iloc[:, shuffled],  # columns in another order: aligned to the rows by label
        final_demand=y.iloc[shuffled],
        output=pd.Series(t.output, index=z.index).iloc[shuffled],
    )
    assert built.index == t.index
    np.testing.assert_array_equal(built.z, t.z)
    np.testing.assert_array_equal(built.output, t.output)
    # the (region, category) column is bought by its region, labelled "region/category"
    doc = json.loads(built.to_json())
    assert doc["final_demand"][0]["region"] == "r"
    assert doc["final_demand"][0]["label"] == "r/households"
    np.testing.assert_array_equal(built.decomposition().total, t.decomposition().total)


def test_impact_series_is_aligned_by_label_and_matches_the_core():
    t = miller_blair()
    delta = pd.Series([100.0, 0.0, 0.0, 0.0, 50.0], index=pd.MultiIndex.from_tuples(t.index))
    reversed_delta = delta.iloc[::-1]
    a, b = t.impact(delta), t.impact(reversed_delta)
    np.testing.assert_array_equal(a.output, b.output)
    frame = a.to_pandas()
    assert list(frame.index.names) == ["region", "sector"]
    assert frame.loc[("s", "2"), "output"] == a.output[4]
    np.testing.assert_allclose(a.by_region, [a.output[:3].sum(), a.output[3:].sum()], rtol=0, atol=0)
    # L·Δf by the library equals numpy's solve with the same A to rounding
    expected = np.linalg.solve(np.eye(5) - t.coefficients(), delta.to_numpy())
    np.testing.assert_allclose(a.output, expected, rtol=1e-13)


def test_kinds_by_label_or_category_and_a_misspelt_one():
    z, y = frames(miller_blair())
    for kinds in ({"r/households": "households"}, {"households": "households"}):
        built = localecon.InterregionalTable.from_arrays(z, final_demand=y, final_demand_kinds=kinds)
        assert json.loads(built.to_json())["final_demand"][0]["kind"] == "households"
    with pytest.raises(localecon.UnknownLabelError, match='"household" in final_demand_kinds'):
        localecon.InterregionalTable.from_arrays(z, final_demand=y, final_demand_kinds={"household": "households"})


def test_decomposition_identities_and_frame():
    d = miller_blair().decomposition()
    np.testing.assert_allclose(d.intra_regional + d.spillover, d.total, rtol=1e-14)
    np.testing.assert_allclose(
        1.0 + d.round_intra + d.round_spillover + d.round_feedback, d.total, rtol=1e-12
    )
    assert (d.feedback >= 0).all()
    frame = d.to_pandas()
    assert frame.shape == (5, 10)
    assert frame.index.get_level_values("region").tolist() == ["r", "r", "r", "s", "s"]


def test_region_table_returns_interdependence_and_matrices():
    t = miller_blair()
    z, y = frames(t)
    value_added = (t.output - t.z.sum(axis=0))[None, :]
    whole = localecon.InterregionalTable.from_arrays(
        z, final_demand=y, primary_inputs=value_added, primary_input_kinds=["compensation"]
    )
    r = whole.region_table("s")
    assert isinstance(r, localecon.RegionalTable) and r.n == 2
    # what region s buys from r is an import from the rest of the country
    rows = json.loads(r.to_json())["primary_inputs"]
    imports = [row["values"] for row in rows if row["kind"] == "imports_rest_of_country"]
    np.testing.assert_array_equal(imports, [t.z[:3, 3:].sum(axis=0)])
    returns = t.returns()
    assert [x.region for x in returns] == ["r", "s"]
    assert returns.to_pandas().shape[0] == 2
    i = t.interdependence()
    assert i.block_sums.shape == (2, 2)
    np.testing.assert_allclose(i.block_sums.sum(), t.leontief_inverse().sum(), rtol=1e-14)
    m = t.miyazawa("s")
    np.testing.assert_allclose(m.external @ m.internal, m.own_block, rtol=1e-12)
    rm = t.round_matrices()
    np.testing.assert_allclose(rm.m3 @ rm.m2 @ rm.m1, t.leontief_inverse(), rtol=1e-11)
    e = t.extraction("r")
    assert e.total >= max(e.backward, e.forward) > 0


def test_accounts_from_a_frame_and_a_dict_agree():
    fx = json.loads((FIXTURES / "ir_pymrio_small.json").read_text())
    t = localecon.InterregionalTable.from_json(json.dumps(fx["interregional"]))
    index = pd.MultiIndex.from_tuples(t.index)
    values = np.arange(1.0, t.n + 1.0)
    f = pd.DataFrame([values], index=["CO2"], columns=index)
    from_frame = t.accounts(f.iloc[:, ::-1])
    from_dict = t.accounts({"CO2": pd.Series(values, index=index)})
    np.testing.assert_array_equal(from_frame.consumption, from_dict.consumption)
    np.testing.assert_array_equal(from_frame.production, [values])
    frame = from_frame.to_pandas("multipliers")
    assert frame.columns.names == ["region", "sector"]
    with pytest.raises(localecon.UnknownOptionError):
        from_frame.to_pandas("emissions")


def test_pymrio_round_trip_reproduces_pymrio_accounts():
    pymrio = pytest.importorskip("pymrio")
    io = pymrio.load_test()
    io.calc_all()
    t = interregional_from_pymrio(io)
    assert t.regions == list(io.get_regions())
    np.testing.assert_allclose(t.output, io.x.to_numpy().ravel(), rtol=1e-14)
    emissions = io.emissions
    a = t.accounts(emissions.F)
    np.testing.assert_allclose(a.multipliers, emissions.M.to_numpy(), rtol=1e-10, atol=1e-12)
    back = to_pymrio(t)
    np.testing.assert_array_equal(back.Z.to_numpy(), io.Z.to_numpy())
    assert back.Z.index.equals(io.Z.index.set_names(["region", "sector"]))


def test_bad_inputs_name_the_entry():
    t = miller_blair()
    z, y = frames(t)
    z.iloc[3, 1] = np.nan
    with pytest.raises(localecon.NonFiniteError, match=r"Z\[s/1, r/2\]"):
        localecon.InterregionalTable.from_arrays(z, final_demand=y)
    with pytest.raises(localecon.InvalidInputError, match="not contiguous"):
        localecon.InterregionalTable.from_arrays(
            np.eye(3) * 0.1, index=[("a", "1"), ("b", "1"), ("a", "2")], output=[1.0, 1.0, 1.0]
        )
    with pytest.raises(localecon.InvalidInputError, match="MultiIndex"):
        localecon.InterregionalTable.from_arrays(np.eye(2))
    with pytest.raises(localecon.UnknownLabelError):
        t.extraction("nowhere")
    with pytest.raises(localecon.ShapeError):
        t.impact([1.0, 2.0])
    with pytest.raises(localecon.UnknownLabelError):
        t.impact(pd.Series([1.0] * 5, index=pd.MultiIndex.from_tuples(
            [("r", "1"), ("r", "2"), ("r", "9"), ("s", "1"), ("s", "2")])))
    with pytest.raises(localecon.JsonError):
        localecon.InterregionalTable.from_json(b"\xff\xfe{")


def test_json_bytes_pickle_and_equality():
    t = miller_blair()
    assert localecon.InterregionalTable.from_json(t.to_json().encode("utf-8")) == t
    assert pickle.loads(pickle.dumps(t)) == t
    assert "2 regions, 5 entries" in repr(t)
    d = t.decomposition()
    assert pickle.loads(pickle.dumps(d)) == d


def test_scotland_and_the_rest_of_the_uk():
    t = localecon.datasets.scotland_ruk_2019()
    assert t.regions == ["Scotland", "Rest of UK"] and t.n == 40
    assert len(localecon.datasets.SCOTLAND_RUK_ASSUMPTIONS) == 5
    returns = {r.region: r for r in t.returns()}
    # the same numbers as the Rust test (core/tests/scotland_ruk.rs), to the last bit
    core = json.loads(t.to_json())
    assert core["regions"][0]["sectors"][0]["code"] == "A"
    assert abs(returns["Scotland"].returned_per_leak - 0.0246) < 5e-4
    frame = t.decomposition().to_pandas()
    assert frame.loc[("Scotland", "D"), "total"] > frame.loc[("Scotland", "D"), "intra_regional"]
    with pytest.raises(localecon.UnknownOptionError):
        localecon.interregional_dataset("england-2019")


def test_scotlands_councils_as_one_system():
    t = localecon.datasets.scotland_councils_2019()
    assert t.n == 32 * 98 and len(t.regions) == 32
    glasgow = {r.region: r for r in t.returns()}["Glasgow City"]
    # core/tests/scotland_ruk.rs: 9.8p leaks to the other councils, 4.3p of each such pound returns
    assert abs(glasgow.leak_to_other_regions - 0.0984) < 5e-4
    assert abs(glasgow.returned_per_leak - 0.0433) < 5e-4
    assert len(localecon.datasets.COUNCIL_SYSTEM_ASSUMPTIONS) == 5


def test_the_swept_decomposition_of_the_councils_equals_the_factored_route():
    # 3,136 entries: the library sweeps over the regions (block Gauss–Seidel) instead of
    # factoring I − A; numpy's LU of the whole matrix is the independent route
    t = localecon.datasets.scotland_councils_2019()
    d = t.decomposition()
    a, n = t.coefficients(), len(t.index)
    regions = [r for r, _ in t.index]
    names = list(dict.fromkeys(regions))
    indicators = np.array([[float(r == name) for r in regions] for name in names])
    rows = np.linalg.solve((np.eye(n) - a).T, indicators.T).T  # 1_rᵀ·L for every region
    own = np.array([names.index(r) for r in regions])
    np.testing.assert_allclose(d.total, rows.sum(axis=0), rtol=1e-13)
    np.testing.assert_allclose(d.intra_regional, rows[own, np.arange(n)], rtol=1e-13)
    # Round's spill-over rounds: v_k = v_{k−1}·A_o·M1 from v_0 = 1ᵀ·M1, k = 1 … R − 1
    a_o = a.copy()
    m1 = np.zeros_like(a)
    for k in range(len(names)):
        block = np.flatnonzero(own == k)
        a_o[np.ix_(block, block)] = 0.0
        m1[np.ix_(block, block)] = np.linalg.inv(np.eye(len(block)) - a[np.ix_(block, block)])
    v, spill = m1.sum(axis=0), np.zeros(n)
    for _ in range(len(names) - 1):
        v = (v @ a_o) @ m1
        spill += v
    np.testing.assert_allclose(d.round_spillover, spill, rtol=1e-12, atol=1e-15)
    np.testing.assert_array_equal(t.decomposition(round=False).total, d.total)


def test_type_ii_with_commuting():
    t = localecon.datasets.scotland_ruk_2019()
    shares, income = localecon.interregional_households("scotland-ruk-2019", t)
    # the shares as a DataFrame in another order are aligned by region name
    frame = pd.DataFrame(shares, index=t.regions, columns=t.regions).iloc[::-1, ::-1]
    a, b = t.type_ii(shares, income), t.type_ii(frame, pd.Series(income, index=t.regions))
    np.testing.assert_array_equal(a.type_ii, b.type_ii)
    assert abs(a.wages_to_other_regions[0] - 0.0145) < 1e-4
    assert (a.type_ii > a.type_i).all()
    assert a.to_pandas().loc[("Scotland", "A"), "type_ii"] == a.type_ii[0]
    with pytest.raises(localecon.OutOfRangeError, match="Scotland"):
        t.type_ii([[0.9, 0.0], [0.3, 1.0]])
    with pytest.raises(localecon.ShapeError):
        t.type_ii(np.eye(3))


def test_a_council_inside_scotland_inside_the_uk():
    t = localecon.datasets.three_region_2019("Glasgow City")
    assert t.regions == ["Glasgow City", "Rest of Scotland", "Rest of UK"] and t.n == 3 * 94
    dest = t.leak_destinations()
    frame = dest.to_pandas()
    returns = {r.region: r for r in t.returns()}
    # core/tests/council_ruk.rs: of Glasgow's pound 9.4p leaks to the rest of Scotland and
    # 13.6p to the rest of the UK in the first round; each row sums to the region's leak
    assert abs(frame.loc["Glasgow City", "Rest of Scotland"] - 0.0944) < 5e-4
    assert abs(frame.loc["Glasgow City", "Rest of UK"] - 0.1356) < 5e-4
    for region in t.regions:
        assert frame.loc[region, region] == 0.0
        assert abs(frame.loc[region].sum() - returns[region].leak_to_other_regions) < 1e-12
    # the three regions' households: commuting from the census, by name
    shares, income = localecon.interregional_households(
        localecon.datasets.THREE_REGION_PREFIX + "Glasgow City", t
    )
    assert len(shares) == 3 and len(income) == 3
    with pytest.raises(localecon.UnknownLabelError, match="Atlantis"):
        localecon.datasets.three_region_2019("Atlantis")
    assert any("residents in employment" in a for a in localecon.datasets.COUNCILS_RUK_ASSUMPTIONS)


def test_the_councils_and_the_rest_of_the_uk_and_the_shared_groups():
    shared = localecon.datasets.scotland_ruk_2019_shared()
    assert shared.n == 188 and "94 shared groups" in shared.name
    t = localecon.datasets.scotland_councils_ruk_2019()
    assert t.n == 33 * 94 and t.regions[-1] == "Rest of UK"
    leak = t.leak_destinations().to_pandas()
    # Glasgow's leak to the other councils summed is its leak to the rest of Scotland in the
    # three-region table (core/tests/council_ruk.rs checks this to 1e-12)
    to_councils = leak.loc["Glasgow City"].drop(["Glasgow City", "Rest of UK"]).sum()
    assert abs(to_councils - 0.0944) < 5e-4


def test_how_an_embedded_table_was_built():
    t, report = localecon.interregional_build("scotland-ruk-2019")
    assert t == localecon.datasets.scotland_ruk_2019()
    # core/tests/scotland_ruk.rs: 21 cells, GBP 40.5m clipped; rows and columns absorb it
    assert len(report.clipped) == 21 and abs(report.clipped_total - 40.49) < 0.01
    frame = report.to_pandas()
    assert frame["value"].iloc[0] == min(c.value for c in report.clipped) < 0
    assert abs(frame["value"].sum() + report.clipped_total) < 1e-9
    assert report.assumptions == localecon.datasets.SCOTLAND_RUK_ASSUMPTIONS
    _, within = localecon.interregional_build("scotland-councils-2019")
    assert within.clipped_total == 0.0 and within.assumptions == localecon.datasets.COUNCIL_SYSTEM_ASSUMPTIONS
    with pytest.raises(localecon.UnknownOptionError, match="three-region-2019"):
        localecon.interregional_build("england-2019")
