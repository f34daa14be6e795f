"""The leak ranking across the Python boundary: a labelled table of the leaks worth plugging."""

import localecon
import pytest


def test_leak_ranking_is_a_labelled_table():
    t = localecon.datasets.scotland_2019()
    r = t.leak_ranking(top_k=10, max_output_increase=0.05)
    df = r.to_pandas()
    assert len(df) == 10 and list(df.index) == list(range(1, 11))
    for column in ["buyer", "buyer_name", "product", "product_name", "imports", "imports_substituted",
                   "imports_substituted_RUKImp", "imports_substituted_RoWImp", "capacity_share", "capped",
                   "retained_income_gain", "output_gain", "gva_gain", "jobs_gain", "gain_per_unit"]:
        assert column in df.columns, column
    assert (df["capacity_share"] <= 0.05 * (1 + 1e-12)).all()
    assert (df["imports_substituted_RUKImp"] + df["imports_substituted_RoWImp"]).to_numpy() == pytest.approx(
        df["imports_substituted"].to_numpy(), rel=1e-12)
    assert not set(df["product"]) & {"68.2IMP", "97", "12"}
    assert {e["code"] for e in r.excluded_suppliers} == {"12", "68.2IMP", "97"}
    assert "Leak ranking" in str(r) and "<table" in r._repr_html_()
    products = t.imported_products("10.7")
    assert products[0]["imports"] >= products[-1]["imports"] > 0
    m = t.import_use("RUKImp")
    assert m.shape == (98, 98)
    # a real import-use table replaces the estimate: here all of the bakery's imports are flour
    blocks = {origin: t.import_use(origin) for origin in ("RUKImp", "RoWImp")}
    j, i = t.sector_index("10.7"), t.sector_index("10.6")
    for b in blocks.values():
        total = b[:, j].sum()
        b[:, j] = 0.0
        b[i, j] = total
    supplied = t.with_import_use(blocks)
    assert supplied.import_basis == "supplied"
    flour = supplied.imported_products("10.7")
    assert [p["product"] for p in flour] == ["10.6"]
    blocks["RUKImp"][i, j] += 10.0  # more than the table tolerance, 0.1 % of the output
    with pytest.raises(localecon.InconsistentError, match="10.7"):
        t.with_import_use(blocks)
