"""Sparse networks of accounts across the Python boundary."""

import localecon
import numpy as np
import pytest


def test_sparse_network_agrees_with_its_dense_counterpart():
    payer = np.array([0, 1, 1, 2])
    payee = np.array([1, 0, 2, 0])
    amount = np.array([30.0, 20.0, 10.0, 25.0])
    leaked = np.array([40.0, 30.0, 50.0])
    retained = np.array([30.0, 40.0, 25.0])
    net = localecon.SparseNetwork(3, payer, payee, amount, leaked, retained)
    r = net.analyse(1e-12)
    x = np.bincount(payer, weights=amount, minlength=3) + leaked + retained
    a = np.zeros((3, 3))
    a[payee, payer] = amount / x[payer]
    L = np.linalg.inv(np.eye(3) - a)
    np.testing.assert_allclose(r["output_multipliers"], L.sum(axis=0), rtol=1e-10)
    np.testing.assert_allclose(r["leakage"], (leaked / x) @ L, rtol=1e-10)
    assert r["multipliers_convergence"]["relative_residual"] <= 1e-12
    # the reported residual is the true one, recomputed in float64
    recomputed = net.relative_residual(r["leakage"], leaked / x)
    assert recomputed <= 1e-12
    assert recomputed == pytest.approx(r["leakage_convergence"]["relative_residual"], abs=1e-15)
    with pytest.raises(localecon.ShapeError, match="w"):
        net.relative_residual(r["leakage"], [1.0])
    with pytest.raises(localecon.NonFiniteError, match=r"y\[1\]"):
        net.relative_residual([1.0, float("nan"), 1.0], leaked / x)
    with pytest.raises(localecon.OutOfRangeError, match="payer"):
        localecon.SparseNetwork(3, [0.5], [1], [1.0], leaked, retained)
    with pytest.raises(localecon.OutOfRangeError, match="max_iterations"):
        net.analyse(1e-10, 0)
    with pytest.raises(localecon.SingularError, match="BiCGSTAB"):
        localecon.SparseNetwork(2, [0, 1], [1, 0], [1.0, 1.0], [0.0, 0.0], [0.0, 0.0]).analyse(1e-10, 30)


def test_a_sparse_network_of_firms_clusters_like_its_flows():
    # two groups of three firms trading mostly inside, one flow across
    payer = np.array([0, 1, 2, 0, 3, 4, 5, 3, 2])
    payee = np.array([1, 2, 0, 2, 4, 5, 3, 5, 3])
    amount = np.array([5.0, 4.0, 6.0, 2.0, 5.0, 3.0, 4.0, 2.0, 0.5])
    net = localecon.SparseNetwork(6, payer, payee, amount, np.ones(6), np.ones(6))
    g = net.cluster_graph()
    direct = localecon.ClusterGraph(6, payer, payee, amount)
    part = [0, 0, 0, 1, 1, 1]
    assert g.modularity(part) == pytest.approx(direct.modularity(part), rel=1e-15)
    best = g.cluster(starts=10, seed=1)
    assert best.membership == part
    assert g.total_weight == pytest.approx(amount.sum(), rel=1e-15)
