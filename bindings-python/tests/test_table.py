"""The Python boundary: arrays in (any dtype, layout, lists, pandas), arrays and labelled
DataFrames out, pickling, the embedded data."""

import json
import pickle
import threading

import localecon
import numpy as np
import pandas as pd
import pytest

Z = [[150.0, 500.0], [200.0, 100.0]]
F = [[350.0], [1700.0]]
VA = [[650.0, 1400.0]]


def two_sector(**kw):
    args = {
        "sectors": ["s1", "s2"],
        "final_demand": F,
        "final_demand_kinds": ["other"],
        "primary_inputs": VA,
        "primary_input_kinds": ["compensation"],
    }
    args.update(kw)
    return localecon.RegionalTable.from_arrays(kw.pop("z", Z), **{k: v for k, v in args.items() if k != "z"})


def test_from_nested_lists_gives_miller_blair_output():
    t = two_sector()
    np.testing.assert_array_equal(t.output, [1000.0, 2000.0])
    assert t.codes == ["s1", "s2"]


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.int64, np.int32])
def test_any_numeric_dtype(dtype):
    t = two_sector(z=np.array(Z).astype(dtype))
    np.testing.assert_allclose(t.multipliers().output_type_i, [1.518151815, 1.452145215], atol=1e-9)


def test_fortran_order_and_non_contiguous_views():
    big = np.zeros((4, 4))
    big[::2, ::2] = Z
    view = big[::2, ::2]
    assert not view.flags.c_contiguous
    t1 = two_sector(z=view)
    t2 = two_sector(z=np.asfortranarray(np.array(Z)))
    np.testing.assert_array_equal(t1.z, np.array(Z))
    np.testing.assert_array_equal(t2.z, np.array(Z))


def test_pandas_labels_come_from_index_and_columns():
    z = pd.DataFrame(Z, index=["agri", "manu"], columns=["agri", "manu"])
    fd = pd.DataFrame({"HH": [100.0, 1000.0], "EXP": [250.0, 700.0]}, index=z.index)
    pi = pd.DataFrame([[600.0, 1300.0], [50.0, 100.0]], index=["CoE", "IMP"], columns=z.index)
    t = localecon.RegionalTable.from_arrays(
        z, final_demand=fd, final_demand_kinds={"HH": "households", "EXP": "exports_rest_of_world"},
        primary_inputs=pi, primary_input_kinds={"CoE": "compensation", "IMP": "imports"},
    )
    assert t.codes == ["agri", "manu"]
    assert t.final_demand_columns == [("HH", "households"), ("EXP", "exports_rest_of_world")]
    assert t.primary_input_rows == [("CoE", "compensation"), ("IMP", "imports")]
    df = t.multipliers().to_pandas()
    assert list(df.index) == ["agri", "manu"]
    assert df.index.name == "code"
    assert "income_effect_type_ii" in df.columns
    leak = t.leakage().to_pandas()
    np.testing.assert_allclose(leak["leakage"] + leak["retention"], 1.0, atol=1e-12)


def test_results_are_numpy_arrays_with_labels_available():
    t = localecon.datasets.scotland_2019_sections()
    m = t.multipliers()
    assert isinstance(m.output_type_i, np.ndarray) and m.output_type_i.dtype == np.float64
    assert m.output_type_i.shape == (20,)
    assert m.codes == t.codes
    eff = m.effects("income")
    np.testing.assert_allclose(eff["direct"] + eff["indirect"] + eff["induced"], eff["type_ii"], atol=1e-14)
    leak = t.leakage()
    assert leak.by_channel.shape == (len(leak.channels), 20)
    closed = t.closed_leakage()
    assert "households" in closed.channels
    np.testing.assert_allclose(closed.total, 1.0, atol=1e-12)


def test_report_as_text_dict_and_dataframe():
    r = localecon.datasets.scotland_2019().report()
    text = str(r)
    assert "Scotland 2019" in text and "Open Government Licence" in text
    d = r.to_dict()
    assert d["format"] == "localecon-report" and len(d["sectors"]) == 98
    for key in ["code", "name", "output_multiplier_type_i", "output_multiplier_type_ii", "income_effect_type_i",
                "gva_effect_type_i", "leakage_share", "retention_share"]:
        assert key in d["sectors"][0]
    assert d["sectors"][0]["code"] == "01"
    df = r.to_pandas()
    assert df.shape[0] == 98 and "leak_imports_rest_of_world" in df.columns
    assert 0.0 < r.leakage_share < 1.0
    assert json.loads(r.to_json()) == d


def test_embedded_data_and_attribution():
    assert set(localecon.DATASETS) >= {"scotland-2019", "scotland-2019-sections"}
    t = localecon.datasets.scotland_2019()
    assert "Open Government Licence v3.0" in t.source
    assert "Open Government Licence v3.0" in localecon.SCOTLAND_2019_ATTRIBUTION
    assert t.n == 98 and len(t) == 98


def test_json_and_csv_round_trips():
    t = localecon.datasets.scotland_2019_sections()
    assert localecon.RegionalTable.from_json(t.to_json()) == t
    assert localecon.RegionalTable.from_csv(t.to_csv()) == t


def test_pickle_round_trip():
    t = localecon.datasets.scotland_2019_sections()
    assert pickle.loads(pickle.dumps(t)) == t


def test_model_solves_without_forming_l():
    t = localecon.datasets.miller_blair_2sector()
    model = localecon.LeontiefModel(t)
    np.testing.assert_allclose(model.solve([600, 1500]), [1247.524752, 1841.584158], atol=1e-6)
    np.testing.assert_allclose(model.output_multipliers(), model.solve_transpose(np.ones(2)))
    np.testing.assert_allclose(model.leontief_inverse().sum(axis=0), model.output_multipliers())


def test_audit_as_table():
    a = localecon.datasets.scotland_2019().audit()
    assert a.status == "WARN"
    assert a.zero_output_sectors == ["12"]
    df = a.to_pandas()
    assert list(df.columns) == ["check", "status", "detail"]
    assert "productive" in set(df["check"])


def test_calls_release_the_gil():
    t = localecon.datasets.scotland_2019()
    errors = []

    def work():
        try:
            for _ in range(3):
                t.report()
        except localecon.LocaleconError as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors


def test_labelled_inputs_are_aligned_by_label_not_position():
    import pandas as pd

    codes = ["s1", "s2", "s3"]
    z = pd.DataFrame([[10.0, 5.0, 0.0], [20.0, 0.0, 8.0], [0.0, 12.0, 4.0]], index=codes, columns=codes)
    fd = pd.DataFrame({"HH": [60.0, 40.0, 30.0], "EXP": [15.0, 32.0, 26.0]}, index=codes)
    x = z.sum(axis=0)
    pi = pd.DataFrame([[20.0, 13.0, 12.0], x.to_numpy() - z.sum(axis=0).to_numpy() - [20.0, 13.0, 12.0]],
                      index=["IMP", "VA"], columns=codes)
    rows = z.sum(axis=1) + fd.sum(axis=1)
    pi.loc["VA"] = rows.to_numpy() - z.sum(axis=0).to_numpy() - pi.loc["IMP"].to_numpy()
    emp = pd.Series([5.0, 7.0, 9.0], index=codes)
    kinds = {"fd": {"HH": "households", "EXP": "exports_rest_of_world"}, "pi": {"IMP": "imports", "VA": "compensation"}}

    def build(z, fd, pi, emp):
        return localecon.RegionalTable.from_arrays(
            z, final_demand=fd, final_demand_kinds=kinds["fd"], primary_inputs=pi,
            primary_input_kinds=kinds["pi"], employment=emp)

    in_order = build(z, fd, pi, emp)
    shuffled = ["s3", "s1", "s2"]
    other = build(z.loc[:, shuffled], fd.loc[shuffled], pi.loc[:, shuffled], emp.loc[shuffled])
    assert other == in_order
    np.testing.assert_array_equal(other.multipliers().employment_effect_type_i,
                                  in_order.multipliers().employment_effect_type_i)
    with pytest.raises(localecon.UnknownLabelError, match="s9"):
        build(z, fd, pi, pd.Series([5.0, 7.0, 9.0], index=["s1", "s2", "s9"]))
    with pytest.raises(localecon.InvalidLabelError, match="duplicate"):
        build(z, fd.set_axis(["s1", "s1", "s2"]), pi, emp)
    # pandas' default RangeIndex carries positions, not labels: read in order
    assert build(z, fd.reset_index(drop=True), pi, emp.reset_index(drop=True)) == in_order


def test_labelled_vectors_given_to_a_table_are_aligned_by_label():
    import pandas as pd

    t = localecon.datasets.scotland_2019_sections()
    codes = t.codes
    rng = np.random.default_rng(7)
    f = pd.Series(rng.uniform(0.0, 10.0, t.n), index=codes)
    shuffled = f.sample(frac=1.0, random_state=3)
    assert list(shuffled.index) != codes
    # impact, solve and solve_transpose read a Series by its labels
    np.testing.assert_array_equal(t.impact(shuffled)["output"]["direct"],
                                  t.impact(f.to_numpy())["output"]["direct"])
    model = localecon.LeontiefModel(t)
    np.testing.assert_array_equal(model.solve(shuffled), model.solve(f.to_numpy()))
    np.testing.assert_array_equal(model.solve_transpose(shuffled), model.solve_transpose(f.to_numpy()))
    # positions are taken as they are: the shuffled values in table order give another answer
    assert not np.array_equal(model.solve(shuffled.to_numpy()), model.solve(f.to_numpy()))
    with pytest.raises(localecon.UnknownLabelError, match="Z9"):
        model.solve(f.rename(index={codes[0]: "Z9"}))
    with pytest.raises(localecon.MissingDataError, match=codes[-1]):
        t.impact(f.drop(codes[-1]))
    # regionalisation reads both employment Series by the national table's codes
    national = pd.Series(rng.uniform(100.0, 1000.0, t.n), index=codes)
    regional = national * rng.uniform(0.05, 0.2, t.n)
    in_order = localecon.regionalize(t, national.to_numpy(), regional.to_numpy())
    by_label = localecon.regionalize(t, national.iloc[::-1], regional.sample(frac=1.0, random_state=1))
    assert by_label == in_order
    # import-use blocks given as DataFrames are aligned on both axes
    origins = [label for label, kind in t.primary_input_rows if kind.startswith("imports")]
    blocks = {o: pd.DataFrame(t.import_use(o), index=codes, columns=codes) for o in origins}
    rows, cols = list(reversed(codes)), codes[1:] + codes[:1]
    supplied = t.with_import_use({o: b.to_numpy() for o, b in blocks.items()})
    assert t.with_import_use({o: b.loc[rows, cols] for o, b in blocks.items()}) == supplied
    with pytest.raises(localecon.LocaleconError):
        t.with_import_use({o: b.loc[rows, cols].to_numpy() for o, b in blocks.items()})


def test_a_household_closure_that_cannot_be_formed_leaves_type_i():
    t = localecon.RegionalTable.from_json(localecon.datasets.miller_blair_2sector().to_json()
                                          .replace('"kind": "other"', '"kind": "households"', 1)
                                          .replace('"household_income": null', '"household_income": 200.0'))
    m = t.multipliers()
    assert m.output_type_ii is None and "out_of_range" in m.type_ii_unavailable
    assert m.type_ii_unavailable in m.warnings
    np.testing.assert_array_equal(m.output_type_i, localecon.datasets.miller_blair_2sector().multipliers().output_type_i)
    r = t.report()
    assert r.type_ii_unavailable == m.type_ii_unavailable and "Type II unavailable" in str(r)


def test_primary_inputs_without_kinds_are_flagged():
    z = np.array([[10.0, 40.0], [5.0, 10.0]])
    t = localecon.RegionalTable.from_arrays(z, final_demand=[[50.0], [135.0]],
                                            primary_inputs=[[85.0, 100.0]])  # kind defaults to "other"
    assert t.leakage().leakage == pytest.approx([1.0, 1.0])
    assert any(w.startswith("primary_input_kinds") and "artefact" in w for w in t.report().warnings)


def test_the_report_exposes_everything_it_holds():
    r = localecon.datasets.scotland_2019().report()
    d = r.to_dict()
    for key in ["region", "unit", "employment_unit", "source", "n_sectors", "totals", "circulation",
                "leakage_by_channel", "sectors", "household_income", "warnings", "type_ii_unavailable",
                "leakage_share", "retention_share", "output_multiplier_type_i", "output_multiplier_type_ii"]:
        assert getattr(r, key) == d[key], key
    assert r.region == "Scotland 2019" and r.n_sectors == 98 and r.sectors[0]["code"] == "01"
    assert r.totals["output"] == pytest.approx(268_340, abs=1)
    assert 0 < r.circulation["fci"] < 1
