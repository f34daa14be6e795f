"""Satellite accounts from Python: pymrio's extension values on its test system, Scotland's
published employment effects, DataFrames by label, pickling and bad input."""

import json
import pickle
from pathlib import Path

import localecon
import numpy as np
import pandas as pd
import pytest

DATA = Path(__file__).parent / "data"
ANCHORS = json.loads((DATA / "pymrio_extension_anchors.json").read_text())
BY_SECTOR = json.loads((DATA / "pymrio_extension_anchors_by_sector.json").read_text())


@pytest.fixture(scope="module")
def mrio():
    """pymrio's test system (6 regions × 8 sectors) as one localecon table of 48 sectors,
    with pymrio's own results (the oracle) beside it."""
    pymrio = pytest.importorskip("pymrio")
    io = pymrio.load_test()
    io.calc_all()
    codes = [f"{r}/{s}" for r, s in io.Z.index]
    z = io.Z.to_numpy()
    x = io.x.to_numpy().ravel()
    regions = list(io.get_regions())
    y = np.column_stack([io.Y[r].to_numpy().sum(axis=1) for r in regions])
    # what pays for the rest of each column: value added that balances Z + V = x
    v = (x - z.sum(axis=0))[None, :]
    table = localecon.RegionalTable.from_arrays(
        z, sectors=codes, final_demand=y, final_demand_labels=regions,
        primary_inputs=v, primary_input_labels=["VA"], output=x, name="pymrio test MRIO",
    )
    em = io.emissions
    names = ["emission_type1", "emission_type2"]
    frame = pd.DataFrame(em.F.to_numpy(), index=names, columns=codes)
    sat = localecon.Satellite(table, frame, units={"emission_type1": "kg", "emission_type2": "kg"})
    f_y = {r: em.F_Y[r].to_numpy().sum(axis=1) for r in regions}  # by stressor
    return io, table, sat, regions, codes, f_y


def test_pymrio_multipliers_to_the_last_digits(mrio):
    io, table, sat, _, codes, _ = mrio
    m = sat.multipliers(table)
    food = codes.index("reg1/food")
    assert m.direct[0, food] == pytest.approx(ANCHORS["S_type1_reg1_food"], rel=1e-13)
    assert m.type_i[0, food] == pytest.approx(ANCHORS["M_type1_reg1_food"], rel=1e-12)
    assert m.type_i[1, food] == pytest.approx(ANCHORS["M_type2_reg1_food"], rel=1e-12)
    for sector, value in BY_SECTOR["M_type1_reg1"].items():
        assert m.type_i[0, codes.index(f"reg1/{sector}")] == pytest.approx(value, rel=1e-12)
    # and every entry against pymrio live
    np.testing.assert_allclose(m.type_i, io.emissions.M.to_numpy(), rtol=1e-11, atol=0)
    df = m.to_pandas("type_i")
    assert df.loc["emission_type1", "reg1/food"] == m.type_i[0, food]
    assert m.type_ii is None  # no household closure in an MRIO of final-demand regions


def test_pymrio_regional_accounts(mrio):
    _, table, sat, regions, codes, f_y = mrio
    region_of = np.array([c.split("/")[0] for c in codes])
    caused = {r: sat.caused_by(table, table_final_demand(table, r)) for r in regions}
    for r in regions:
        inside = region_of == r
        cba = caused[r][0].sum() + f_y[r][0]
        pba = sat_amounts(sat, table)[0, inside].sum() + f_y[r][0]
        imp = caused[r][0, ~inside].sum()
        exp = sum(caused[o][0, inside].sum() for o in regions if o != r)
        assert cba == pytest.approx(ANCHORS["D_cba_reg_type1"][r], rel=1e-11)
        assert pba == pytest.approx(ANCHORS["D_pba_reg_type1"][r], rel=1e-12)
        assert imp == pytest.approx(ANCHORS["D_imp_reg_type1"][r], rel=1e-11)
        assert exp == pytest.approx(ANCHORS["D_exp_reg_type1"][r], rel=1e-11)
        # the accounts identity, as pymrio states it
        assert (cba - pba) == pytest.approx(imp - exp, rel=1e-9, abs=1e-3)
    # pymrio's D_cba by sector: what reg1's final demand for each product (from any region)
    # causes, i.e. the multiplier times the demand for it
    m = sat.multipliers(table).type_i[0]
    y = table_final_demand(table, "reg1")
    for sector, value in BY_SECTOR["D_cba_type1_reg1_by_sector_excl_FY"].items():
        mask = np.array([c.endswith(f"/{sector}") for c in codes])
        assert (m[mask] * y[mask]).sum() == pytest.approx(value, rel=1e-11)


def table_final_demand(table, column):
    """One final-demand column of a table, read back from its interchange JSON."""
    doc = json.loads(table.to_json())
    return np.asarray(next(c["values"] for c in doc["final_demand"] if c["label"] == column))


def sat_amounts(sat, table):
    return sat.intensities * table.output[None, :]


def test_pymrio_characterisation(mrio):
    _, table, sat, regions, codes, f_y = mrio
    impact = sat.combine("air water impact", "t", {"emission_type1": 2e-3, "emission_type2": 1e-3})
    m = impact.multipliers(table)
    k = impact.names.index("air water impact")
    assert m.type_i[k, codes.index("reg1/food")] == pytest.approx(ANCHORS["M_air_water_impact_reg1_food"], rel=1e-12)
    for r in regions:
        cba = impact.caused_by(table, table_final_demand(table, r))[k].sum() + 2e-3 * f_y[r][0] + 1e-3 * f_y[r][1]
        assert cba == pytest.approx(ANCHORS["D_cba_reg_air_water_impact"][r], rel=1e-11)
    assert "air water impact = 0.002·emission_type1 + 0.001·emission_type2" in impact.assumptions


def test_scotland_employment_equals_the_published_effects():
    t = localecon.datasets.by_name("scotland-2019")
    sat = localecon.Satellite.employment(t)
    m = sat.multipliers(t)
    mult = t.multipliers()
    np.testing.assert_allclose(m.type_i[0], mult.employment_effect_type_i, rtol=1e-12)
    np.testing.assert_allclose(m.type_ii[0], mult.employment_effect_type_ii, rtol=1e-12)
    open_only = sat.multipliers(t, type_ii=False)
    assert open_only.type_ii is None and "Type I only" in open_only.type_ii_unavailable
    np.testing.assert_array_equal(open_only.type_i, m.type_i)
    # Agriculture, published Type I employment effect (FTE per £1m)
    assert m.type_i[0, 0] == pytest.approx(12.481377547380141, rel=1e-6)


def test_embedded_greenhouse_gas_estimate_reports_and_states_its_assumptions():
    t = localecon.datasets.by_name("scotland-2019")
    sat = localecon.datasets.satellite("scotland-2019")
    assert sat.names[:2] == ["employment", "CO2"] and sat.names[-1] == "GHG"
    acc = sat.accounts(t).to_pandas()
    ghg = acc.loc["GHG"]
    gap = (ghg.consumption - ghg.production) - (
        ghg.embodied_in_imports_RUKImp + ghg.embodied_in_imports_RoWImp - ghg.embodied_in_exports
    )
    assert gap == pytest.approx(ghg.identity_gap, abs=1e-6)
    assert any("ESTIMATE" in a for a in sat.accounts(t).assumptions)
    report = t.report(satellite=sat)
    d = report.to_dict()
    first = d["sectors"][0]["footprint"]
    assert [f["stressor"] for f in first] == sat.names
    assert d["satellite"]["accounts"][-1]["name"] == "GHG"
    fp = sat.footprint(t).to_pandas("GHG")
    assert list(fp.columns) == ["name", "inside", "RUKImp", "RoWImp", "total", "inside_share"]
    np.testing.assert_allclose(fp["inside"] + fp["RUKImp"] + fp["RoWImp"], fp["total"], rtol=1e-14)


def test_scenario_reports_the_change_in_jobs_and_emissions():
    t = localecon.datasets.by_name("scotland-2019")
    sat = localecon.datasets.satellite("scotland-2019")
    scenario = {"name": "local food", "changes": [
        {"type": "import_substitution", "buyer": "56", "product": "10.7", "share": 0.2}]}
    r = t.evaluate_scenario(scenario, satellite=sat)
    changes = {c["name"]: c for c in r["stressors"]}
    assert changes["employment"]["production"] > 0
    assert changes["GHG"]["embodied_in_imports"] < 0
    assert "stressors" not in t.evaluate_scenario(scenario)


def test_stressors_are_aligned_by_label_and_pickle():
    t = localecon.datasets.by_name("scotland-2019-sections")
    codes = t.codes
    rng = np.random.default_rng(7)
    values = rng.uniform(0, 10, size=(2, len(codes)))
    ordered = pd.DataFrame(values, index=["a", "b"], columns=codes)
    shuffled = ordered[list(reversed(codes))]
    s1 = localecon.Satellite(t, ordered)
    s2 = localecon.Satellite(t, shuffled)
    np.testing.assert_array_equal(s1.intensities, s2.intensities)
    again = pickle.loads(pickle.dumps(s1))
    np.testing.assert_array_equal(again.intensities, s1.intensities)
    m = s1.multipliers(t)
    np.testing.assert_array_equal(pickle.loads(pickle.dumps(m)).type_i, m.type_i)
    assert s1.to_pandas().loc["a", codes[3]] == s1.intensities[0, 3]


def test_bad_stressors_are_typed_errors():
    t = localecon.datasets.by_name("miller-blair-2sector")
    with pytest.raises(localecon.ShapeError, match="stressor"):
        localecon.Satellite(t, [[1.0, 2.0, 3.0]], names=["CO2"])
    with pytest.raises(localecon.NegativeValueError, match="sector 1"):
        localecon.Satellite(t, [[1.0, -2.0]], names=["CO2"])
    assert localecon.Satellite(t, [[1.0, -2.0]], names=["CO2"], removals=["CO2"]).names == ["CO2"]
    with pytest.raises(localecon.UnknownOptionError, match="greenhouse gas"):
        localecon.Satellite(t, [[1.0, 2.0]], names=["X"], gases={"X": "smoke"})
    with pytest.raises(localecon.UnknownLabelError, match="Mars"):
        localecon.Satellite(t, [[1.0, 2.0]], names=["CO2"], import_factors={"Mars": {"CO2": 1.0}})
    for option in ("units", "gases", "household", "removals"):
        value = ["CH4"] if option == "removals" else {"CH4": 1.0 if option == "household" else "t"}
        with pytest.raises(localecon.UnknownLabelError, match=f'"CH4" in {option} \\(not a stressor\\)'):
            localecon.Satellite(t, [[1.0, 2.0]], names=["CO2"], **{option: value})
    with pytest.raises(localecon.ShapeError, match="stressor names"):
        localecon.Satellite(t, [[1.0, 2.0]], names=["CO2", "CH4"])
    with pytest.raises(localecon.NonFiniteError):
        localecon.Satellite(t, [[np.nan, 2.0]], names=["CO2"])
    mass = localecon.Satellite(t, [[1.0, 2.0]], names=["HFC"], gases={"HFC": "hfc"}, units={"HFC": "t"})
    with pytest.raises(localecon.InconsistentError, match="family"):
        mass.characterise()
    with pytest.raises(localecon.MissingDataError):
        localecon.datasets.satellite("miller-blair-2sector")
    with pytest.raises(localecon.MissingDataError, match="groups must cover"):
        localecon.calibrate([1.0, 2.0], [1.0, 1.0], ["a", "b"], {"a": 1.0})


def test_calibration_meets_the_group_totals():
    s, factors = localecon.calibrate([1.0, 3.0, 2.0], [10.0, 10.0, 5.0], ["a", "a", "b"], {"a": 80.0, "b": 5.0})
    np.testing.assert_array_equal(s, [2.0, 6.0, 1.0])
    assert factors == {"a": 2.0, "b": 0.5}
    # a labelled output is aligned to the intensities' labels, never by position
    pd = pytest.importorskip("pandas")
    intensities = pd.Series([1.0, 3.0, 2.0], index=["x", "y", "z"])
    output = pd.Series([5.0, 10.0, 10.0], index=["z", "x", "y"])
    s2, f2 = localecon.calibrate(intensities, output, ["a", "a", "b"], {"a": 80.0, "b": 5.0})
    np.testing.assert_array_equal(s2, s)
    assert f2 == factors


def test_import_factors_per_product_are_aligned_by_label():
    """An import factor per product given as a pandas Series in another order than the sectors
    is read by its labels, never by position."""
    pd = pytest.importorskip("pandas")
    t = localecon.datasets.scotland_2019_sections()
    codes = t.codes
    origin = next(label for label, kind in t.primary_input_rows if kind.startswith("imports"))
    direct = [np.linspace(1.0, 20.0, len(codes))]
    per_product = np.linspace(0.1, 2.0, len(codes))
    plain = localecon.Satellite(t, direct, names=["CO2"], import_factors={origin: {"CO2": per_product}})
    labelled = localecon.Satellite(
        t, direct, names=["CO2"], import_factors={origin: {"CO2": pd.Series(per_product, index=codes)[::-1]}}
    )
    a, b = plain.accounts(t).to_pandas(), labelled.accounts(t).to_pandas()
    pd.testing.assert_frame_equal(a, b)
    assert a.filter(like="embodied_in_imports").to_numpy().sum() > 0
