"""Scotland's 32 council areas with commuting and ownership, and the atlas of them all."""

import json

import localecon
import numpy as np
import pytest
from localecon import datasets


def test_every_council_is_a_dataset_with_its_commuting():
    names = datasets.council_names()
    assert len(names) == 32 and names == sorted(names)
    assert set(names) <= set(datasets.dataset_names())
    c = datasets.council_commuting("Glasgow City")
    assert (c.code, c.dataset) == ("S12000049", "scotland-council-2019:glasgow-city")
    assert c.live_and_work + c.in_from_scotland + c.in_from_rest_of_uk == c.fixed_workplace_jobs
    assert c.resident_share == pytest.approx(157278 / 323198, rel=1e-15)
    glasgow = datasets.council("Glasgow City")
    assert (
        glasgow == datasets.glasgow_2019() == datasets.by_name("scotland-council-2019:glasgow-city")
    )
    assert "ASSUMPTIONS: commuting" in glasgow.source
    # all of them at once (JavaScript's councils()), alphabetical by council, each the one by name
    every = datasets.councils()
    assert [x.council for x in every] == sorted(x.council for x in every) and len(every) == 32
    assert {x.dataset for x in every} == set(names)
    assert next(x for x in every if x.council == "Glasgow City").to_dict() == c.to_dict()


def test_glasgow_reproduced_step_by_step():
    """The embedded Glasgow table is the documented regionalisation, with commuting and ownership."""
    scotland = datasets.scotland_2019()
    ne, re = datasets.bres_2019_employment()
    c = datasets.council_commuting("Glasgow City")
    glasgow = localecon.regionalize(
        scotland,
        ne,
        re,
        method="flq",
        delta=0.3,
        name="Glasgow City 2019",
        resident_compensation_share=c.resident_share,
        local_surplus_share=datasets.local_surplus_shares(),
        employment_unit="jobs (BRES 2019 employment)",
    )
    embedded = datasets.glasgow_2019()
    assert np.array_equal(glasgow.z, embedded.z)
    assert np.array_equal(
        glasgow.multipliers().output_type_ii, embedded.multipliers().output_type_ii
    )
    assert glasgow.report().leakage_share == embedded.report().leakage_share


def test_surplus_shares_and_their_assumption():
    shares = datasets.local_surplus_shares()
    assert shares.shape == (98,) and ((shares >= 0) & (shares <= 1)).all()
    assert (datasets.local_surplus_shares(0.0) == 1.0).all()
    with pytest.raises(localecon.OutOfRangeError, match="outside-owned profit share"):
        datasets.local_surplus_shares(1.2)
    assert "55.1 %" in datasets.COUNCIL_ASSUMPTIONS


def test_an_unknown_council_lists_close_names():
    with pytest.raises(
        localecon.UnknownOptionError, match="scotland-council-2019:city-of-edinburgh"
    ):
        datasets.council("Edinburgh")
    with pytest.raises(localecon.UnknownOptionError, match="glasgow-city"):
        datasets.by_name("scotland-council-2019:glasgow")


def test_the_atlas_is_the_single_reports():
    atlas = datasets.scotland_council_atlas()
    assert len(atlas) == 32
    df = atlas.to_pandas()
    assert list(df.index) == datasets.council_names()
    edinburgh = datasets.council("City of Edinburgh").report()
    row = df.loc["scotland-council-2019:city-of-edinburgh"]
    assert row["leakage_share"] == edinburgh.leakage_share
    assert row["output_multiplier_type_i"] == edinburgh.output_multiplier_type_i
    channels = [c for c in df.columns if c.startswith("leakage_") and c != "leakage_share"]
    assert np.allclose(df[channels].sum(axis=1), df["leakage_share"], rtol=0, atol=1e-12)
    assert json.loads(atlas.to_json())["rows"][0]["region"] == "Aberdeen City 2019"
    assert "Glasgow City 2019" in repr(atlas)


def test_validation_against_the_regional_accounts():
    v = datasets.gva_validation()
    assert len(v) == 19 and (v.method, v.delta) == ("flq", 0.3)
    df = v.to_pandas()
    assert df.loc["TLM82", "ratio"] == pytest.approx(1.088, abs=5e-4)
    assert df["ons_share"].sum() == pytest.approx(1.0, abs=1e-12)
    # every method and delta gives the same GVA (output per job is national in all of them)
    slq = datasets.gva_validation("slq").to_pandas()
    assert (slq["regionalised_gva"] == df["regionalised_gva"]).all()
    sections = v.sections_to_pandas()
    assert sections.shape == (19 * 18, 2)
    assert sections.loc[("TLM75", "K"), "ons"] == pytest.approx(0.5509, abs=5e-4)
    assert "| Glasgow City (TLM82) |" in v.markdown()
    with pytest.raises(localecon.UnknownOptionError, match="location-quotient method"):
        datasets.gva_validation("lq")
    with pytest.raises(localecon.OutOfRangeError):
        datasets.gva_validation("flq", 1.5)
    checks = datasets.commuting_cross_check()
    assert checks.loc["TLM82", "coe_ratio"] == 0.704
    assert round(checks.loc["TLM82", "census_net_ratio"], 3) == 0.690
    c = datasets.council_commuting("Glasgow City")
    assert c.net_ratio == pytest.approx(checks.loc["TLM82", "census_net_ratio"], rel=1e-15)
    assert c.resident_share_of_workplace_population > c.resident_share


def test_australia_lgas_and_their_atlas():
    names = datasets.australia_lga_names()
    assert len(names) == 547 and "australia-2021:Alice Springs" in names
    alice = datasets.dataset("australia-2021:Alice Springs")
    assert alice.name == "Alice Springs 2021-22" and alice.n == 19
    assert "ownership: not modelled" in alice.source
    with pytest.raises(localecon.UnknownOptionError, match="australia-2021:Alice Springs"):
        datasets.dataset("australia-2021:Alice Spring")
    atlas = datasets.australia_lga_atlas()
    df = atlas.to_pandas()
    assert len(df) == 547
    assert (
        df.loc["australia-2021:Alice Springs", "retention_share"] == alice.report().retention_share
    )
    assert "ownership: not modelled" in datasets.LGA_ASSUMPTIONS
    detailed = datasets.dataset("australia-2021-115:Alice Springs")
    assert detailed.n == 115 and detailed.codes[6] == "A07"
    assert abs(detailed.output.sum() - alice.output.sum()) < 1e-9 * alice.output.sum()
