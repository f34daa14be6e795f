"""The Leontief model across the Python boundary: solves without forming L."""

import localecon
import numpy as np
import pytest


def test_model_solves_without_forming_l():
    t = localecon.datasets.miller_blair_2sector()
    model = localecon.LeontiefModel(t)
    np.testing.assert_allclose(model.solve([600, 1500]), [1247.524752, 1841.584158], atol=1e-6)
    np.testing.assert_allclose(model.output_multipliers(), model.solve_transpose(np.ones(2)))
    np.testing.assert_allclose(model.leontief_inverse().sum(axis=0), model.output_multipliers())


def test_solve_many_equals_solving_one_by_one():
    t = localecon.datasets.scotland_2019()
    model = localecon.LeontiefModel(t)
    f = np.random.default_rng(1).random((98, 7))
    x = model.solve_many(f)
    for k in range(7):
        np.testing.assert_allclose(x[:, k], model.solve(f[:, k]), rtol=1e-12)
    with pytest.raises(localecon.ShapeError):
        model.solve_many(np.ones((97, 2)))


def test_a_labelled_frame_of_final_demands_is_aligned_by_label():
    """solve_many's DataFrame rows in another order than the sectors are read by label."""
    pd = pytest.importorskip("pandas")
    t = localecon.datasets.scotland_2019_sections()
    model = localecon.LeontiefModel(t)
    f = np.random.default_rng(2).random((20, 3))
    frame = pd.DataFrame(f, index=t.codes).iloc[::-1]
    np.testing.assert_array_equal(model.solve_many(frame), model.solve_many(f))
    with pytest.raises(localecon.UnknownLabelError, match='unknown label "Atlantis"'):
        model.solve_many(pd.DataFrame(f, index=["Atlantis", *t.codes[1:]]))
