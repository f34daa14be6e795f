"""The Python boundary: arrays in (any dtype, layout, lists, pandas), arrays and labelled
DataFrames out, pickling, the embedded data."""

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


def test_a_kind_given_for_a_label_the_table_lacks_is_an_error():
    fd = pd.DataFrame({"HH": [100.0, 1000.0]}, index=["agri", "manu"])
    with pytest.raises(localecon.UnknownLabelError, match='"Hh" in final_demand_kinds'):
        localecon.RegionalTable.from_arrays(Z, final_demand=fd, final_demand_kinds={"Hh": "households"})
    pi = pd.DataFrame([[600.0, 1300.0]], index=["CoE"], columns=["agri", "manu"])
    with pytest.raises(localecon.UnknownLabelError, match='"COE" in primary_input_kinds'):
        localecon.RegionalTable.from_arrays(Z, primary_inputs=pi, primary_input_kinds={"COE": "compensation"})


def test_kinds_given_as_a_labelled_series_are_aligned_by_label():
    z = pd.DataFrame(Z, index=["agri", "manu"], columns=["agri", "manu"])
    fd = pd.DataFrame({"HH": [100.0, 1000.0], "EXP": [250.0, 700.0]}, index=z.index)
    pi = pd.DataFrame([[600.0, 1300.0], [50.0, 100.0]], index=["CoE", "IMP"], columns=z.index)
    kinds = pd.Series({"EXP": "exports_rest_of_world", "HH": "households"})
    t = localecon.RegionalTable.from_arrays(z, final_demand=fd, final_demand_kinds=kinds, primary_inputs=pi)
    assert t.final_demand_columns == [("HH", "households"), ("EXP", "exports_rest_of_world")]
    # pandas' default index is positions, not labels: a list
    positional = pd.Series(["households", "exports_rest_of_world"])
    t = localecon.RegionalTable.from_arrays(z, final_demand=fd, final_demand_kinds=positional, primary_inputs=pi)
    assert t.final_demand_columns == [("HH", "households"), ("EXP", "exports_rest_of_world")]


def test_embedded_data_and_attribution():
    assert set(localecon.DATASETS) >= {"scotland-2019", "scotland-2019-sections"}
    t = localecon.datasets.scotland_2019()
    assert "Open Government Licence v3.0" in t.source
    assert "Open Government Licence v3.0" in localecon.SCOTLAND_2019_ATTRIBUTION
    assert t.n == 98 and len(t) == 98


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
