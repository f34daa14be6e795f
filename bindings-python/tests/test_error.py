"""Every core error kind arrives as its own exception class under LocaleconError."""

import json

import localecon
import numpy as np
import pytest

Z = [[150.0, 500.0], [200.0, 100.0]]


def build(z=Z, fd=((350.0,), (1700.0,)), pi=((650.0, 1400.0),), **kw):
    return localecon.RegionalTable.from_arrays(
        z, final_demand=fd, primary_inputs=pi, primary_input_kinds=["compensation"], **kw
    )


def test_hierarchy_and_codes():
    assert issubclass(localecon.LocaleconError, ValueError)
    for cls, code in [
        (localecon.ShapeError, "shape"),
        (localecon.EmptyTableError, "empty"),
        (localecon.InvalidLabelError, "invalid_label"),
        (localecon.UnknownLabelError, "unknown_label"),
        (localecon.NonFiniteError, "non_finite"),
        (localecon.NegativeValueError, "negative"),
        (localecon.OutOfRangeError, "out_of_range"),
        (localecon.UnbalancedError, "unbalanced"),
        (localecon.NonProductiveError, "non_productive"),
        (localecon.SingularError, "singular"),
        (localecon.JsonError, "json"),
        (localecon.UnsupportedVersionError, "unsupported_version"),
        (localecon.CsvError, "csv"),
        (localecon.UnknownOptionError, "unknown_option"),
        (localecon.MissingDataError, "missing_data"),
        (localecon.InvalidInputError, "invalid_input"),
    ]:
        assert issubclass(cls, localecon.LocaleconError)
        assert cls.code == code


def test_every_core_error_kind_has_its_class():
    from localecon import _localecon

    assert len(_localecon.ERROR_KINDS) >= 16
    for code, name in _localecon.ERROR_KINDS:
        cls = getattr(localecon, name)
        assert issubclass(cls, localecon.LocaleconError) and cls.code == code


def test_wrong_shape():
    with pytest.raises(localecon.ShapeError, match="Z columns") as e:
        build(z=[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    assert e.value.code == "shape"
    with pytest.raises(localecon.ShapeError):
        build(z=np.ones(4))
    with pytest.raises(localecon.ShapeError, match="final_demand rows"):
        build(fd=[[1.0]])


def test_empty_table():
    with pytest.raises(localecon.EmptyTableError):
        localecon.RegionalTable.from_arrays(np.zeros((0, 0)))


def test_duplicate_label():
    with pytest.raises(localecon.InvalidLabelError, match='"a".*duplicate'):
        build(sectors=["a", "a"])


def test_unknown_label():
    with pytest.raises(localecon.UnknownLabelError, match='"zz"'):
        localecon.datasets.scotland_2019().sector_index("zz")


def test_nan_and_inf_name_their_cell():
    with pytest.raises(localecon.NonFiniteError, match=r"NaN at Z\[1, 0\]"):
        build(z=[[150.0, 500.0], [np.nan, 100.0]])
    with pytest.raises(localecon.NonFiniteError, match="inf"):
        build(pi=[[np.inf, 1400.0]])


def test_negative_flow():
    with pytest.raises(localecon.NegativeValueError, match=r"-3 at Z\[0, 0\]"):
        build(z=[[-3.0, 500.0], [200.0, 100.0]])


def test_unbalanced():
    with pytest.raises(localecon.UnbalancedError, match="s1|S1"):
        build(fd=[[450.0], [1700.0]])
    build(fd=[[450.0], [1700.0]], balance_tolerance=0.2)


def test_unknown_kind():
    with pytest.raises(localecon.UnknownOptionError, match="households"):
        localecon.RegionalTable.from_arrays(
            Z, final_demand=[[350.0], [1700.0]], final_demand_kinds=["household"]
        )


def test_non_productive():
    t = localecon.RegionalTable.from_arrays(
        [[1050.0, 500.0], [200.0, 100.0]],
        final_demand=[[-550.0], [1700.0]],
        primary_inputs=[[0.0, 1400.0], [-250.0, 0.0]],
        primary_input_kinds=["compensation", "taxes_on_products"],
    )
    with pytest.raises(localecon.NonProductiveError, match="spectral radius"):
        t.multipliers()
    assert t.audit().productive is False


def test_missing_data():
    t = localecon.datasets.miller_blair_2sector()
    with pytest.raises(localecon.MissingDataError):
        t.closed_leakage()
    with pytest.raises(localecon.MissingDataError):
        t.multipliers().effects("employment")


def test_malformed_json_and_version():
    with pytest.raises(localecon.JsonError, match="line 1"):
        localecon.RegionalTable.from_json("{not json")
    doc = json.loads(localecon.datasets.miller_blair_2sector().to_json())
    doc["version"] = 7
    with pytest.raises(localecon.UnsupportedVersionError, match="version 7"):
        localecon.RegionalTable.from_json(json.dumps(doc))


def test_malformed_csv():
    text = localecon.datasets.miller_blair_2sector().to_csv().replace("150", "1x0")
    with pytest.raises(localecon.CsvError, match="line .*field 4"):
        localecon.RegionalTable.from_csv(text)


def test_retention_out_of_range_via_json():
    doc = json.loads(localecon.datasets.miller_blair_2sector().to_json())
    doc["retention"]["compensation"] = 1.2
    with pytest.raises(localecon.OutOfRangeError, match="retention.compensation"):
        localecon.RegionalTable.from_json(json.dumps(doc))


def test_wrong_dtype_is_a_type_error_not_a_crash():
    with pytest.raises((TypeError, ValueError)):
        build(z=[["a", "b"], ["c", "d"]])


def test_every_exception_class_says_what_it_is():
    base = localecon.LocaleconError.__doc__
    assert base and "code" in base
    for code, name in localecon._localecon.ERROR_KINDS:
        cls = getattr(localecon, name)
        assert cls.code == code
        assert cls.__doc__ and cls.__doc__ != base, name


def test_signatures_show_real_defaults():
    import inspect

    assert (
        localecon._localecon.DEFAULT_DELTA == 0.3
        and localecon._localecon.DEFAULT_BALANCE_TOLERANCE == 0.001
    )
    for f, name, default in [
        (localecon.location_quotients, "delta", localecon._localecon.DEFAULT_DELTA),
        (localecon.regionalize, "delta", localecon._localecon.DEFAULT_DELTA),
        (localecon.datasets.gva_validation, "delta", localecon._localecon.DEFAULT_DELTA),
        (
            localecon.RegionalTable.from_arrays,
            "balance_tolerance",
            localecon._localecon.DEFAULT_BALANCE_TOLERANCE,
        ),
        (localecon.FlowSystem, "balance_tolerance", localecon._localecon.DEFAULT_BALANCE_TOLERANCE),
        (
            localecon.datasets.local_surplus_shares,
            "outside_owned_profit_share",
            localecon.datasets.OUTSIDE_OWNED_PROFIT_SHARE,
        ),
    ]:
        assert inspect.signature(f).parameters[name].default == default, f


def public_parameters():
    """(name, parameter) of every public function, class, method and static method."""
    import inspect

    def members():
        for module in (localecon, localecon._localecon, localecon.datasets):
            for name, obj in vars(module).items():
                if name.startswith("_") or not callable(obj):
                    continue
                yield name, obj
                for attr, member in vars(obj).items() if inspect.isclass(obj) else ():
                    if isinstance(member, (staticmethod, classmethod)):
                        member = member.__func__
                    if callable(member) and not (attr.startswith("__") and attr != "__init__"):
                        yield f"{name}.{attr}", member

    for name, obj in members():
        try:
            signature = inspect.signature(obj)
        except (TypeError, ValueError):
            continue
        for p in signature.parameters.values():
            yield name, p


def test_no_signature_shows_ellipsis():
    """pyo3 writes `...` for a default that is not a literal (a Rust constant): the sweep
    found `InterregionalTable.from_arrays(balance_tolerance=Ellipsis)`."""
    found = list(public_parameters())
    assert len({name for name, _ in found}) > 150
    assert [f"{name}({p.name})" for name, p in found if p.default is Ellipsis] == []
    tolerances = {name: p.default for name, p in found if p.name == "balance_tolerance"}
    assert "InterregionalTable.from_arrays" in tolerances
    assert set(tolerances.values()) == {localecon._localecon.DEFAULT_BALANCE_TOLERANCE}, tolerances


def test_plot_comes_with_the_package_without_matplotlib():
    import subprocess
    import sys

    code = "import sys, localecon; assert callable(localecon.plot.multipliers); assert 'matplotlib' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("values", "match"),
    [
        (np.array([["1", "2"], ["3", "4"]]), "text is not a number"),
        (np.array([[b"1", b"2"], [b"3", b"4"]]), "text is not a number"),
        (np.array([[1 + 1j, 2], [3, 4]]), "complex"),
        (np.array([["2019-01-01", "2019-01-02"]] * 2, dtype="datetime64[D]"), "dates"),
        (np.array([[1, 2], [3, 4]], dtype="timedelta64[s]"), "dates and durations"),
        (np.array([[object(), 2.0], [3.0, 4.0]], dtype=object), "cannot convert"),
        ([[1.0, 2.0], [3.0]], "cannot read it as an array"),
        ({"s1": [1.0, 2.0], "s2": [3.0, 4.0]}, "a dict is not an array: pass a pandas Series"),
        (None, "expected an array of numbers, found None"),
        ([[150.0, None], [200.0, 100.0]], r"None at \[0, 1\] is not a number"),
    ],
    ids=["strings", "bytes", "complex", "datetime", "timedelta", "object", "ragged", "dict", "none", "none-inside"],
)
def test_every_input_type_gets_a_typed_error(values, match):
    with pytest.raises(localecon.InvalidInputError, match=match):
        localecon.RegionalTable.from_arrays(values)


def test_a_dict_for_a_labelled_vector_points_to_a_series():
    t = localecon.datasets.miller_blair_2sector()
    with pytest.raises(localecon.InvalidInputError, match="pass a pandas Series"):
        t.impact({"s2": 1.0})


def test_numbers_held_as_objects_and_booleans_convert():
    z = np.array([[150, 500], [200, 100]], dtype=object)
    t = localecon.RegionalTable.from_arrays(
        z, final_demand=[[350.0], [1700.0]], primary_inputs=[[650.0, 1400.0]]
    )
    assert t.n == 2


def test_pandas_duplicate_and_misaligned_labels_are_typed():
    pd = pytest.importorskip("pandas")
    dup = pd.DataFrame(Z, index=["a", "a"], columns=["a", "b"])
    with pytest.raises(localecon.LocaleconError):
        localecon.RegionalTable.from_arrays(dup)
    t = localecon.datasets.miller_blair_2sector()
    with pytest.raises(localecon.UnknownLabelError, match="zz"):
        localecon.Satellite(t, pd.DataFrame([[1.0, 2.0]], index=["CO2"], columns=["s1", "zz"]))


def test_inputs_given_as_data_take_numpy_values_and_refuse_what_is_not_data():
    """Options, surveys and designs given as Python data may hold numpy scalars and arrays
    (a loop over np.arange gives np.int64), read as their numbers; a pandas object (whose
    labels would be dropped) is an InvalidInputError naming the input, and a NaN the core's
    NonFiniteError naming the field, as in JavaScript."""
    plain = {"income": 100.0, "spending": [{"label": "staff", "amount": 40.0, "local_share": 0.75, "respend_local_share": 0.454}]}
    numpy = {
        "income": np.float32(100.0),
        "spending": [{"label": "staff", "amount": np.int64(40), "local_share": np.float64(0.75), "respend_local_share": 0.454}],
    }
    assert localecon.lm3(numpy).to_dict() == localecon.lm3(plain).to_dict()
    g = localecon.datasets.scotland_2019_sections().cluster_graph()
    a, b = g.cluster(seed=np.int64(3), starts=np.int32(2)), g.cluster(seed=3, starts=2)
    assert a.membership == b.membership and a.value == b.value
    np.testing.assert_array_equal(
        localecon.ras(np.ones((2, 2)), [1.0, 3.0], np.array([2.0, 2.0])).matrix,
        localecon.ras(np.ones((2, 2)), [1.0, 3.0], [2.0, 2.0]).matrix,
    )
    pd = pytest.importorskip("pandas")
    with pytest.raises(localecon.InvalidInputError, match=r"LM3 survey.*pandas.*Series is not data.*to_dict"):
        localecon.lm3({"income": 1.0, "spending": pd.Series([1.0])})
    with pytest.raises(localecon.NonFiniteError, match="non-finite value NaN at income"):
        localecon.lm3({"income": float("nan"), "spending": []})
    with pytest.raises(localecon.NonFiniteError, match=r"^non-finite value inf at spending\[0\]\.amount$"):
        localecon.lm3({"income": 1.0, "spending": [{"label": "a", "amount": np.inf, "local_share": 0.5, "respend_local_share": 0.4}]})
    with pytest.raises(localecon.InvalidInputError, match="object is not data"):
        g.cluster(seed=object())
    # a dict's keys are strings, as JSON has them; the message names no position in a text
    # the caller never wrote
    with pytest.raises(localecon.InvalidInputError) as e:
        g.cluster(teleportation=1)
    assert "unknown field `teleportation`" in str(e.value) and "line" not in str(e.value)
    looped: dict = {"income": 1.0}
    looped["spending"] = [looped]
    with pytest.raises(localecon.InvalidInputError, match="Circular reference") as e:
        localecon.lm3(looped)
    assert "NaN" not in str(e.value)


def test_a_wrong_value_given_as_data_is_named_by_its_place_as_in_javascript():
    """The reader names the place of the value it refuses as the core's own checks name it
    ("spending[1].amount"), the words JavaScript's reader gives for the same mistake
    (bindings-wasm/tests/lm3.test.js)."""
    with pytest.raises(localecon.InvalidInputError, match=r"^invalid LM3 survey: income: "):
        localecon.lm3({"income": "x", "spending": []})
    good = {"label": "a", "amount": 1.0, "local_share": 0.5, "respend_local_share": 0.4}
    with pytest.raises(localecon.InvalidInputError, match=r"^invalid LM3 survey: spending\[1\]\.amount: "):
        localecon.lm3({"income": 1.0, "spending": [good, dict(good, amount="y")]})
    # a missing field is named by its object, and a key the object does not have by the message
    # alone, in serde's words as in JavaScript (there with the keys in camelCase)
    with pytest.raises(localecon.InvalidInputError, match=r"^invalid LM3 survey: spending\[0\]: missing field `amount`"):
        localecon.lm3({"income": 1.0, "spending": [{k: v for k, v in good.items() if k != "amount"}]})
    with pytest.raises(localecon.InvalidInputError, match=r"^invalid LM3 survey: spending\[0\]: unknown field `amont`, expected one of `label`, `amount`, `local_share`, `respend_local_share`$"):
        localecon.lm3({"income": 1.0, "spending": [dict(good, amont=1.0)]})
    # a NaN passes the reader and the core's check names the same place
    with pytest.raises(localecon.NonFiniteError, match=r"spending\[1\]\.amount"):
        localecon.lm3({"income": 1.0, "spending": [good, dict(good, amount=float("nan"))]})
    g = localecon.datasets.scotland_2019_sections().cluster_graph()
    with pytest.raises(localecon.InvalidInputError, match=r": starts: "):
        g.cluster(starts="2")


def test_the_stub_spells_each_option_as_the_core_does():
    """The Literal spellings a type checker offers (the stub's aliases and the cluster options'
    TypedDicts) are the core's own: each is compared with the list the core's
    UnknownOptionError gives for a wrong spelling."""
    import ast
    import re
    from pathlib import Path

    stub = ast.parse((Path(localecon.__file__).parent / "_localecon.pyi").read_text())

    def literal(node):
        return {e.value for e in node.slice.elts} if isinstance(node.slice, ast.Tuple) else {node.slice.value}

    spelled = {}
    for node in stub.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Subscript):
            spelled[node.target.id] = literal(node.value)
        if isinstance(node, ast.ClassDef) and node.name in ("_ClusterOptions", "_TableClusterOptions"):
            for field in node.body:
                if isinstance(field, ast.AnnAssign) and isinstance(field.annotation, ast.Subscript):
                    spelled[field.target.id] = literal(field.annotation)
    t = localecon.datasets.miller_blair_2sector()
    g = localecon.datasets.scotland_2019_sections().cluster_graph()
    wrong = {
        "_Closure": lambda: t.fci("x"),
        "_Extraction": lambda: t.hypothetical_extraction("s1", "x"),
        "_LqMethod": lambda: localecon.location_quotients([1.0, 2.0], [2.0, 3.0], method="x"),
        "_Gwp": lambda: localecon.datasets.satellite("scotland-2019").characterise(gwp="x"),
        "_PathTarget": lambda: t.structural_paths("s1", "x"),
        "quality": lambda: g.cluster(quality="x"),
        "basis": lambda: t.cluster_graph(basis="x"),
        "rank_links_by": lambda: t.clusters(rank_links_by="x"),
    }
    assert set(wrong) <= set(spelled), sorted(set(wrong) - set(spelled))
    for name, call in wrong.items():
        with pytest.raises(localecon.UnknownOptionError) as e:
            call()
        core = set(re.search(r"expected one of: (.*)$", str(e.value)).group(1).split(", "))
        assert spelled[name] == core, name
