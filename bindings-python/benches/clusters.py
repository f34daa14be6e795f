"""Clusters of a large network of firms: localecon's Leiden against leidenalg (GPL, installed
for this benchmark only, never a dependency), on the same directed flows, in one run.

    python bindings-python/benches/clusters.py            # 10^5 accounts, 10^6 flows
    python bindings-python/benches/clusters.py --full     # 10^6 accounts, 10^7 flows

The network is a `SparseNetwork` of firms (its `cluster_graph()` is what is clustered) with
planted groups of 100 accounts (80 % of each account's flows stay in its
group; weights uniform on [1, 100)); both sides optimise the same directed modularity
(Leicht & Newman) at γ = 1, one start each, and the quality of both partitions is measured by
the same function (localecon's `ClusterGraph.modularity`, which equals igraph's directed
`Graph.modularity`: the script checks it; leidenalg's own `.modularity` of a directed
partition is another number). leidenalg runs with its default `n_iterations=2` and, except
with `--full`, until stable (`n_iterations=-1`, as localecon does). Prints the machine, the times (median of `--repeat` runs), the ratio and both
qualities. Both run on one thread (leidenalg has no threads; localecon's one start is serial).
"""

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import localecon
import numpy as np
from compare import machine


def network(n, flows, group=100, inside=0.8, seed=2019):
    rng = np.random.default_rng(seed)
    source = rng.integers(0, n, flows, dtype=np.uint32)
    local = rng.random(flows) < inside
    base = (source // group) * group
    target = np.where(local, base + rng.integers(0, group, flows), rng.integers(0, n, flows)).astype(np.uint32)
    target = np.minimum(target, n - 1).astype(np.uint32)
    keep = source != target
    weight = rng.uniform(1.0, 100.0, flows)
    return source[keep], target[keep], weight[keep]


def timed(fn, repeat):
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    n, f = (10**6, 10**7) if args.full else (10**5, 10**6)
    print(f"machine: {machine()}")
    s, t, w = network(n, f)
    print(f"network: {n:,} accounts, {len(s):,} flows (planted groups of 100, 80 % inside)")
    # a network of firms as the library holds it (payments between accounts, each account's
    # payments out of the region and local incomes), then its flows as a graph
    rng = np.random.default_rng(7)
    leaked = rng.uniform(0.0, 50.0, n) * np.bincount(s, minlength=n) + 1.0
    retained = rng.uniform(0.0, 50.0, n) * np.bincount(s, minlength=n) + 1.0
    t_net, net = timed(lambda: localecon.SparseNetwork(n, s, t, w, leaked, retained), 1)
    print(f"SparseNetwork: {net.memory_bytes / 1e6:,.0f} MB, built in {t_net:.2f} s")
    t_build, g = timed(lambda: net.cluster_graph(), 1)
    t_ours, ours = timed(lambda: g.cluster(starts=1, seed=1), args.repeat)
    q_ours = g.modularity(ours.membership)
    print(f"localecon: build {t_build:.2f} s, Leiden {t_ours:.2f} s, Q = {q_ours:.6f}, {ours.n_clusters:,} clusters")
    try:
        import igraph
        import leidenalg
    except ImportError:
        print("leidenalg not installed (pip install leidenalg): nothing to compare with")
        return
    t0 = time.perf_counter()
    ig = igraph.Graph(n=n, edges=np.column_stack([s, t]), directed=True)
    ig.es["weight"] = w
    t_ig = time.perf_counter() - t0

    check = ig.modularity(ours.membership, weights="weight", directed=True)
    assert abs(check - q_ours) < 1e-9, (check, q_ours)
    print(f"igraph's directed modularity of localecon's partition: {check:.6f} (the same function)")
    print(f"igraph build {t_ig:.2f} s")
    for iterations in ([2] if args.full else [2, -1]):
        def run(iterations=iterations):
            return leidenalg.find_partition(ig, leidenalg.ModularityVertexPartition, weights="weight",
                                            seed=1, n_iterations=iterations)

        t_theirs, part = timed(run, args.repeat)
        q_theirs = g.modularity(list(part.membership))
        print(f"leidenalg {leidenalg.version} n_iterations={iterations}: {t_theirs:.2f} s, Q = {q_theirs:.6f}, "
              f"{len(set(part.membership)):,} clusters; ratio leidenalg / localecon {t_theirs / t_ours:.1f}x, "
              f"quality localecon − leidenalg {q_ours - q_theirs:+.2e}")

if __name__ == "__main__":
    main()
