"""Every call returns a named result: fields by attribute and by key, arrays as numpy,
to_dict() giving the core's JSON form back, to_pandas() labelled, pickling and Jupyter."""

import json
import pickle

import localecon
import numpy as np
import pandas as pd
import pytest
from localecon import _results


@pytest.fixture(scope="module")
def table():
    return localecon.datasets.scotland_2019_sections()


def calls(t):
    system = localecon.FlowSystem.from_table(t)
    scenario = {"name": "more food", "changes": [{"type": "demand", "sector": "C", "amount": 1.0}]}
    business = {
        "name": "bakery",
        "output": 1.0,
        "value_added": 0.4,
        "local_purchases": [["A", 0.1], ["C", 0.2]],
        "resident_wages": 0.2,
    }
    survey = {
        "income": 100.0,
        "spending": [
            {"label": "a", "amount": 60.0, "local_share": 0.5, "respend_local_share": 0.4}
        ],
    }
    network = localecon.SparseNetwork(
        3, [0, 1, 2], [1, 2, 0], [1.0, 1.0, 1.0], [0.5, 0.5, 0.5], [0.0, 0.0, 0.0]
    )
    return {
        "Impact": lambda: t.impact(np.ones(t.n)),
        "StructuralPaths": lambda: t.structural_paths("C"),
        "ScenarioResult": lambda: t.evaluate_scenario(scenario),
        "SubstitutionEffect": lambda: t.import_substitution("C", "A", 0.1),
        "BusinessFootprint": lambda: t.business_footprint(business),
        "CurrencyResult": lambda: t.local_currency({"redemption": 0.1}),
        "FlowIndicators": system.flow_indicators,
        "InformationIndices": system.information_indices,
        "Structure": system.structure,
        "EnaAnalysis": lambda: system.analyse(top_cycles=3),
        "Lm3": lambda: localecon.lm3(survey),
        "RasResult": lambda: localecon.ras(np.ones((2, 2)), [1.0, 3.0], [2.0, 2.0]),
        "SparseResult": network.analyse,
    }


def test_every_call_returns_its_named_class(table):
    for name, call in calls(table).items():
        result = call()
        assert type(result).__name__ == name
        assert isinstance(result, _results.Result)
        assert getattr(localecon, name) is type(result)
        # the same fields by attribute and by key, in the core's order
        for key in result:
            assert result[key] is getattr(result, key)
        # the JSON form round-trips
        plain = result.to_dict()
        assert json.loads(json.dumps(plain)) == plain
        assert type(result)(plain) == result
        # pickles, and shows itself in Jupyter
        assert pickle.loads(pickle.dumps(result)) == result
        assert name in result._repr_html_()
        assert name in repr(result)
        assert isinstance(result.to_pandas(), pd.DataFrame)


def test_fields_are_converted_by_their_annotations(table):
    impact = table.impact(np.ones(table.n))
    assert isinstance(impact.output, localecon.Split)
    assert impact.output.direct.dtype == np.float64 and impact.output.direct.shape == (table.n,)
    assert impact.output.total == pytest.approx(
        impact.output.direct.sum() + impact.output.indirect.sum() + impact.output.induced.sum()
    )
    frame = impact.to_pandas()
    assert list(frame.index) == table.codes
    np.testing.assert_array_equal(frame[("output", "indirect")], impact.output.indirect)
    assert impact.sectors[0].code == table.codes[0]
    ras = localecon.ras(np.ones((2, 3)), [3.0, 6.0], [3.0, 3.0, 3.0])
    assert ras.matrix.shape == (2, 3) and ras.converged
    evaluated = table.evaluate_scenario(
        {"name": "x", "changes": [{"type": "demand", "sector": "C", "amount": 1.0}]}
    )
    # the report after a scenario is a real report
    assert isinstance(evaluated.report_after, localecon.RegionReport)
    assert (
        evaluated.report_after.sectors
        == table.apply_scenario(
            {"name": "x", "changes": [{"type": "demand", "sector": "C", "amount": 1.0}]}
        )
        .report()
        .sectors
    )
    headlines = evaluated.to_pandas()
    assert list(headlines.columns) == ["before", "after", "difference"]
    assert headlines.loc["output", "difference"] == pytest.approx(
        evaluated.after.output - evaluated.before.output
    )


def test_lists_of_records_give_one_row_per_record(table):
    system = localecon.FlowSystem.from_table(table)
    cycles = system.strongest_cycles(max_length=3, top_k=4)
    frame = cycles.to_pandas()
    assert len(frame) == len(cycles) == 4
    assert list(frame["bottleneck"]) == [c.bottleneck for c in cycles]
    assert frame["labels"][0] == " → ".join(cycles[0].labels)
    components = system.strongly_connected_components()
    assert len(components.to_pandas()) == len(components)
    assert all(isinstance(c, localecon.Component) for c in components)
    paths = table.structural_paths("C", top_k=5)
    rows = paths.to_pandas()
    assert len(rows) == len(paths.paths) == 5
    assert rows["share_of_total"].iloc[0] == pytest.approx(paths.paths[0].value / paths.total)
    products = table.imported_products("C")
    assert isinstance(products, localecon.Records)
    assert len(products.to_pandas()) == len(products)
    assert isinstance(products[0].by_origin[0], localecon._results.OriginAmount)
    empty = localecon.Records(localecon.Cycle, [])
    assert list(empty.to_pandas().columns) == ["nodes", "labels", "bottleneck"]


def test_an_unknown_key_is_a_key_error(table):
    impact = table.impact(np.ones(table.n))
    with pytest.raises(KeyError, match="nothing"):
        impact["nothing"]


def test_attribute_names_equal_the_dataframe_columns(table):
    for result in (table.multipliers(), table.linkages(), table.leakage(), table.closed_leakage()):
        frame = result.to_pandas()
        for column in frame.columns:
            if column == "name":
                continue
            # leakage tables: one column per channel (read by `channel`), then the totals
            value = getattr(result, column) if hasattr(result, column) else result.channel(column)
            if value is None:
                assert frame[column].isna().all(), column
            else:
                assert list(frame[column]) == list(value), column


def test_the_report_and_the_audit_expose_every_field_they_hold():
    """Each key of the report's and the audit's JSON is a property of the same name, with the
    same value: nothing the result holds is reachable only through to_dict()."""
    scotland = localecon.datasets.scotland_2019()
    report = scotland.report(satellite=localecon.datasets.satellite("scotland-2019"))
    data = report.to_dict()
    assert data["satellite"] is not None
    for key, value in data.items():
        assert hasattr(report, key), key
        if not isinstance(value, (dict, list)) or key in {"totals", "circulation", "retention_assumptions", "household_closure", "audit"}:
            assert getattr(report, key) == value, key
    audit = scotland.audit()
    fields = audit.to_dict()
    for key, value in fields.items():
        assert hasattr(audit, key), key
        got = getattr(audit, key)
        assert (list(got) if isinstance(got, np.ndarray) else got) == value, key
    assert audit.condition is not None and audit.condition > 1


def test_the_classes_built_from_core_results_pickle_show_and_give_their_json():
    """The results the binding hands to `localecon._results` as the core's form (multipliers,
    leakage, audit, linkages, ranking, satellite, council data and atlases) are those classes,
    pickle to equal objects, show a table in Jupyter, and give the core's JSON form back."""
    scotland = localecon.datasets.scotland_2019()
    sat = localecon.datasets.satellite("scotland-2019")
    results = {
        "Multipliers": scotland.multipliers(),
        "Leakage": scotland.leakage(),
        "ClosedLeakage": scotland.closed_leakage(),
        "Audit": scotland.audit(),
        "Linkages": scotland.linkages(),
        "LeakRanking": scotland.leak_ranking(top_k=3),
        "StressorMultipliers": sat.multipliers(scotland),
        "Footprint": sat.footprint(scotland),
        "SatelliteAccounts": sat.accounts(scotland),
        "CouncilCommuting": localecon.datasets.council_commuting("Glasgow City"),
        "Atlas": localecon.datasets.scotland_council_atlas(),
        "GvaValidation": localecon.datasets.gva_validation(),
    }
    for name, result in results.items():
        assert type(result) is getattr(_results, name) is getattr(localecon, name, type(result)), name
        back = pickle.loads(pickle.dumps(result))
        assert type(back) is type(result) and repr(back) == repr(result), name
        if hasattr(result, "_repr_html_"):
            assert "<table" in result._repr_html_(), name
    # the JSON forms are the core's: the same keys as the JSON the command line writes
    assert set(results["Audit"].to_dict()) == {
        "checks", "row_gaps", "column_gaps", "balance_tolerance", "zero_output_sectors",
        "max_column_sum", "spectral_radius", "productive", "condition",
    }
    assert set(results["LeakRanking"].to_dict()) == {
        "opportunities", "import_basis", "assumption", "excluded_suppliers", "pairs_ranked", "options",
    }
    assert json.loads(results["Atlas"].to_json())["rows"][31]["region"] == "West Lothian 2019"
    m = results["StressorMultipliers"].to_dict()
    np.testing.assert_array_equal(results["StressorMultipliers"].type_i[0], m["effects"][0]["type_i"])
    # derived parts are the core's: the footprint's total is inside plus every origin
    fp = results["Footprint"]
    np.testing.assert_allclose(fp.total, fp.local + sum(fp.by_origin.values()), rtol=1e-15, atol=0)
    ghg = results["SatelliteAccounts"].get("GHG")
    assert ghg.production == pytest.approx(ghg.industries + ghg.households, rel=1e-12)
    with pytest.raises(localecon.UnknownLabelError, match="CO2e"):
        results["SatelliteAccounts"].get("CO2e")
    with pytest.raises(localecon.UnknownOptionError, match="type_i"):
        results["StressorMultipliers"].to_pandas("typei")


def test_the_sector_results_give_the_core_json_form():
    """Leakage, ClosedLeakage, Linkages and GvaValidation give their core JSON form back: the
    keys the Rust and JavaScript results have, the values of the attributes."""
    t = localecon.datasets.scotland_2019_sections()
    leak = t.leakage().to_dict()
    assert list(leak) == ["sectors", "channels", "by_channel", "leakage", "retention"]
    assert leak["sectors"][2] == {"code": t.codes[2], "name": t.names[2]}
    assert leak["by_channel"] == t.leakage().by_channel.tolist()
    assert list(t.closed_leakage().to_dict())[-1] == "total"
    links = t.linkages()
    d = links.to_dict()
    assert d["class"] == links.classification and d["forward_ghosh"] == links.forward_ghosh.tolist()
    v = localecon.datasets.gva_validation().to_dict()
    assert (v["method"], v["delta"], len(v["areas"])) == ("flq", 0.3, 19)
    json.dumps(v)  # plain JSON values


def test_the_whole_ena_is_its_parts():
    """FlowSystem.analyse (JavaScript's enaAnalysis) gives what the separate calls give."""
    system = localecon.FlowSystem.from_table(localecon.datasets.scotland_2019_sections(), "households")
    whole = system.analyse(max_cycle_length=3, top_cycles=3)
    assert whole.labels == system.labels
    np.testing.assert_array_equal(whole.throughflow, system.throughflow)
    assert whole.flow == system.flow_indicators()
    assert whole.information == system.information_indices()
    assert whole.structure == system.structure()
    assert whole.components.to_dict() == system.strongly_connected_components().to_dict()
    assert whole.cycles.to_dict() == system.strongest_cycles(max_length=3, top_k=3).to_dict()
    assert len(whole.cycles) == 3
    with pytest.raises(localecon.TooLargeError):
        system.analyse(max_cycle_length=8, max_cycle_steps=10)


def test_every_result_class_is_importable_from_the_package():
    """A user can name any result for annotations and isinstance: `from localecon import Clustering`."""
    import inspect

    from localecon import _results

    public = {
        name
        for name, c in vars(_results).items()
        if inspect.isclass(c) and c.__module__ == _results.__name__ and not name.startswith("_")
    }
    assert len(public) > 60
    assert public - set(localecon.__all__) == set()
    for name in public:
        assert getattr(localecon, name) is getattr(_results, name)
