"""Multipliers across the Python boundary: numpy arrays with labels, effects, Type II and why
it may be missing."""

import localecon
import numpy as np


def test_results_are_numpy_arrays_with_labels_available():
    t = localecon.datasets.scotland_2019_sections()
    m = t.multipliers()
    assert isinstance(m.output_type_i, np.ndarray) and m.output_type_i.dtype == np.float64
    assert m.output_type_i.shape == (20,)
    assert m.codes == t.codes
    eff = m.effects("income")
    np.testing.assert_allclose(eff["direct"] + eff["indirect"] + eff["induced"], eff["type_ii"], atol=1e-14)


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
