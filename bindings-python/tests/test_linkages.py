"""Linkages across the Python boundary: backward and forward linkages, structural paths,
hypothetical extraction and model LMk."""

import localecon
import numpy as np
import pytest


def test_linkages_paths_extraction_and_model_lm():
    t = localecon.datasets.scotland_2019_sections()
    link = t.linkages()
    assert link.codes == t.codes
    assert abs(link.backward.mean() - 1) < 1e-12
    assert set(link.classes) <= {"key", "backward_oriented", "forward_oriented", "weak"}
    df = link.to_pandas()
    assert list(df.index) == t.codes and list(df.columns) == ["name", "backward", "forward", "forward_ghosh", "classification"]
    sp = t.structural_paths("C", "leakage", cutoff=1e-3, top_k=5)
    assert sp["paths"][0]["codes"] == ["C"]
    assert 0 < sp["coverage"] <= 1 + 1e-12
    assert t.hypothetical_extraction("C", "total") > t.hypothetical_extraction("C", "backward") > 0
    lm3 = t.model_lm(3)
    assert np.all(lm3 > 1) and np.all(t.model_lm(20) >= lm3)


def test_a_path_cutoff_outside_its_range_is_typed():
    with pytest.raises(localecon.OutOfRangeError, match="cutoff"):
        localecon.datasets.miller_blair_2sector().structural_paths("s1", cutoff=2.0)


def test_the_path_search_is_bounded():
    """A dense table's paths grow exponentially with their length: the search stops at its
    work limit with a truncated result that says so."""
    t = localecon.datasets.scotland_2019_sections()
    r = t.structural_paths("C", cutoff=1e-12, max_depth=40, max_steps=1000)
    assert r["steps"] == 1000 and "work limit of 1000 steps" in r["truncated"]
    assert t.structural_paths("C")["truncated"] is None
    # LMk far beyond convergence costs no more than convergence and equals the limit's sum
    far = t.model_lm(10**15)
    assert np.all(np.isfinite(far)) and far[0] > t.model_lm(50)[0] - 1e-9
