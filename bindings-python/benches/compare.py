"""localecon, numpy/scipy and pymrio side by side on the same inputs, in one run.

    python bindings-python/benches/compare.py            # n up to 2000, sparse 10^5
    python bindings-python/benches/compare.py --full     # n up to 4000, sparse 10^6

Prints medians of repeated runs and ratios (other / localecon). Work compared:

* "Type I+II + leakage": localecon's multipliers (open and household-closed) and leakage split;
  numpy "inv-based": inv(I − A), column sums, the closed (n+1) inverse, leakage rows @ L;
  pymrio: calc_all on a one-region IOSystem (it computes A, L, x and the extensions);
* "one solve": numpy.linalg.solve((I − A)ᵀ, 1) — one LAPACK LU, the floor;
* "FCI": localecon's Finn cycling index (needs diag L) against numpy.linalg.inv;
* interregional: Scotland's 32 councils as one system (3,136 entries), every region's
  decomposition, against numpy's inverse of I − A and of each region's block, and one LU;
* "1000 shocks": x = L·f for 1,000 final-demand vectors from one factorisation (n = 400);
* sparse: localecon's BiCGSTAB against scipy.sparse.linalg.bicgstab on the same system
  (scipy's sparse product is single-threaded whatever the setting: run ``--threads 2`` to
  let localecon use the machine's two cores, as the benchmarks page does).

Both sides get the same number of threads (``--threads``, default 1): BLAS through
OPENBLAS/OMP/MKL_NUM_THREADS, localecon through RAYON_NUM_THREADS (it runs serially below
n = 1000 whatever the setting). Run ``--threads 2`` for the machine's two cores on both sides.
"""

import argparse
import os
import sys

_threads = "1"
if "--threads" in sys.argv:
    _threads = sys.argv[sys.argv.index("--threads") + 1]
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS"):
    os.environ[_var] = _threads

import statistics
import time

import localecon
import numpy as np


def median_time(fn, repeat, inner=1):
    """Median over `repeat` samples of the time of one call; each sample times `inner`
    calls in a row (for calls of microseconds, where one call is below the timer's noise)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - t0) / inner)
    return statistics.median(times)


def machine():
    """CPU model and SIMD level of this machine (/proc/cpuinfo): a ratio measured here is not a
    claim for another machine."""
    model, flags = "unknown CPU", set()
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                key, _, value = line.partition(":")
                if key.strip() == "model name":
                    model = value.strip()
                elif key.strip() == "flags":
                    flags = set(value.split())
    except OSError:
        pass
    simd = [f for f in ("sse4_2", "avx", "avx2", "fma", "avx512f") if f in flags]
    return (
        f"{model}, {os.cpu_count()} logical CPUs, SIMD: {' '.join(simd) or 'unknown'}\n"
        f"localecon's dense kernels: {localecon.kernel_path()}\n"
        f"numpy's BLAS: {blas_core()}"
    )


def blas_core():
    """The kernel OpenBLAS chose (``OPENBLAS_CORETYPE=Haswell`` forces its AVX2 kernels on an
    AVX-512 machine), through threadpoolctl when it is installed."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "unknown (install threadpoolctl to see it)"
    infos = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    return ", ".join(f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')}" for i in infos) or "unknown"


def interregional(repeat):
    """Scotland's 32 councils as one system (3,136 entries): every region's decomposition.
    localecon: build the table from the arrays and decompose (total, intraregional,
    spill-over, single-region, feedback, Round's terms, leak and what returns): the councils'
    own blocks factored, the region rows 1_rᵀ·L swept (block SOR), I - A never factored. numpy, the
    straightforward route: inv(I - A) and the 32 block inverses (I - A_rr)^-1, then the same
    column sums and Round's spill-over rounds. The floor: one LAPACK LU of I - A."""
    import scipy.linalg

    system = localecon.datasets.scotland_councils_2019()
    z, x = system.z, system.output
    index = system.index
    fd = (x - z.sum(axis=1))[:, None]
    n = len(x)
    regions = system.regions
    blocks = [[k for k, (r, _) in enumerate(index) if r == name] for name in regions]
    starts = [b[0] for b in blocks] + [n]

    def ours():
        t = localecon.InterregionalTable.from_arrays(
            z, index=index, final_demand=fd, final_demand_regions=[None], output=x
        )
        return t.decomposition()

    def ours_without_round():
        t = localecon.InterregionalTable.from_arrays(
            z, index=index, final_demand=fd, final_demand_regions=[None], output=x
        )
        return t.decomposition(round=False)

    def numpy_without_round():
        a = z / np.where(x > 0, x, 1.0)
        leontief = np.linalg.inv(np.eye(n) - a)
        total = leontief.sum(axis=0)
        intra = np.empty(n)
        single = np.empty(n)
        for s0, s1 in zip(starts[:-1], starts[1:]):
            intra[s0:s1] = leontief[s0:s1, s0:s1].sum(axis=0)
            single[s0:s1] = np.linalg.inv(np.eye(s1 - s0) - a[s0:s1, s0:s1]).sum(axis=0)
        return total, intra, single, intra - single

    def numpy_route():
        a = z / np.where(x > 0, x, 1.0)
        eye = np.eye(n)
        leontief = np.linalg.inv(eye - a)
        total = leontief.sum(axis=0)
        intra = np.empty(n)
        single = np.empty(n)
        m1 = np.zeros((n, n))
        a_off = a.copy()
        for s0, s1 in zip(starts[:-1], starts[1:]):
            b = np.linalg.inv(np.eye(s1 - s0) - a[s0:s1, s0:s1])
            m1[s0:s1, s0:s1] = b
            a_off[s0:s1, s0:s1] = 0.0
            intra[s0:s1] = leontief[s0:s1, s0:s1].sum(axis=0)
            single[s0:s1] = b.sum(axis=0)
        v = single.copy()
        spill = np.zeros(n)
        for _ in range(len(regions) - 1):
            v = (v @ a_off) @ m1
            spill += v
        return total, intra, single, intra - single, spill

    def floor():
        return scipy.linalg.lu_factor(np.eye(n) - z / np.where(x > 0, x, 1.0))

    d = ours()
    total, intra, single, _, spill = numpy_route()
    for ours_v, numpy_v in ((d.total, total), (d.intra_regional, intra), (d.single_region, single)):
        assert np.allclose(ours_v, numpy_v, rtol=1e-9)
    assert np.allclose(d.round_spillover, spill, rtol=1e-8, atol=1e-12)
    quick = ours_without_round()
    assert np.array_equal(quick.feedback, d.feedback) and len(quick.round_spillover) == 0
    r = max(1, min(repeat, 3))
    t_lu = median_time(floor, r)
    print(f"\n32 council areas as one system (N = {n}, R = {len(regions)}): every region's decomposition")
    print("| what | localecon (ms) | numpy inverses (ms) | one LAPACK LU (ms) | numpy / localecon | localecon / LU |")
    print("|---|---|---|---|---|---|")
    for label, a, b in (
        ("with Round's terms", ours, numpy_route),
        ("without Round's terms", ours_without_round, numpy_without_round),
    ):
        t_ours, t_np = median_time(a, r), median_time(b, r)
        print(f"| {label} | {1e3 * t_ours:.0f} | {1e3 * t_np:.0f} | {1e3 * t_lu:.0f} | {t_np / t_ours:.2f} | {t_ours / t_lu:.2f} |")


def uncertainty(repeat):
    """1,000 draws of Glasgow's headline report over δ, the resident share and tax retention.
    localecon: council_uncertainty (the council table rebuilt per draw, its full headline
    report: Type I and II multipliers, leakage, retention, FCI), on --threads threads.
    numpy, the same loop written naively in Python: per draw the FLQ table (Flegg's formula
    over the national coefficients) and inv(I - A) for the Type I multipliers only — less
    work than localecon's report, so the ratio understates localecon's lead."""
    spec = {
        "assumptions": {"delta": [0.2, 0.3], "resident_share": [0.6, 0.8], "tax_retention": [0.0, 0.2]},
        "draws": 1000,
        "seed": 2019,
    }
    scotland = localecon.datasets.scotland_2019()
    e_nat, e_reg = (np.asarray(v, dtype=float) for v in localecon.datasets.bres_2019_employment())
    z, x = scotland.z, scotland.output
    a_nat = z / np.where(x > 0, x, 1.0)
    n = len(x)

    def ours():
        return localecon.council_uncertainty("Glasgow City", spec)

    def naive():
        rng = np.random.default_rng(2019)
        out = []
        for _ in range(spec["draws"]):
            delta = rng.uniform(0.2, 0.3)
            rng.uniform(0.6, 0.8)  # the resident share: Type I does not depend on it
            rng.uniform(0.0, 0.2)  # nor tax retention
            with np.errstate(divide="ignore", invalid="ignore"):
                slq = (e_reg / e_reg.sum()) / (e_nat / e_nat.sum())
                slq = np.nan_to_num(slq, nan=1.0, posinf=1.0)
                cilq = slq[:, None] / slq[None, :]
                cilq = np.nan_to_num(cilq, nan=1.0, posinf=1.0)
            np.fill_diagonal(cilq, slq)
            lam = np.log2(1.0 + e_reg.sum() / e_nat.sum()) ** delta
            a = a_nat * np.minimum(cilq * lam, 1.0)
            out.append(np.linalg.inv(np.eye(n) - a).sum(axis=0))
        return out

    retention_only = dict(spec, assumptions={k: v for k, v in spec["assumptions"].items() if k != "delta"})

    def ours_fixed_a():
        return localecon.council_uncertainty("Glasgow City", retention_only)

    r = max(1, min(repeat, 3))
    t_ours, t_np = median_time(ours, r), median_time(naive, r)
    t_fixed = median_time(ours_fixed_a, r)
    print(f"\nretention-only draws (resident share, tax retention: A fixed, one factorisation): {1e3 * t_fixed:.0f} ms, "
          f"{t_ours / t_fixed:.2f}x faster than with δ drawn ({1e3 * t_ours:.0f} ms)")
    print("\nGlasgow, 1,000 Monte Carlo draws (δ, resident share, tax retention)")
    print("| what | localecon (ms) | naive numpy loop (ms) | numpy / localecon |")
    print("|---|---|---|---|")
    print(f"| full headline report per draw (localecon) vs FLQ + inv for Type I only (numpy) | {1e3 * t_ours:.0f} | {1e3 * t_np:.0f} | {t_np / t_ours:.2f} |")


def synthetic(n, seed=1):
    rng = np.random.default_rng(seed)
    a = rng.random((n, n)) * (rng.random((n, n)) < 0.3)
    a *= rng.uniform(0.2, 0.6, n) / np.maximum(a.sum(axis=0), 1e-12)
    hh = rng.uniform(10, 100, n)
    ex = rng.uniform(10, 100, n)
    x = np.linalg.solve(np.eye(n) - a, hh + ex)
    z = a * x
    rest = x - z.sum(axis=0)
    pi = np.vstack([0.4 * rest, 0.4 * rest, 0.2 * rest])
    table = localecon.RegionalTable.from_arrays(
        z, final_demand=np.column_stack([hh, ex]), final_demand_kinds=["households", "exports_rest_of_world"],
        primary_inputs=pi, primary_input_kinds=["imports", "compensation", "operating_surplus"],
        household_income=2.0 * pi[1].sum(), balance_tolerance=1e-6,
    )
    return table, z, x, np.column_stack([hh, ex]), pi


def numpy_inv_based(z, x, y, pi, h_income):
    n = len(x)
    a = z / x
    L = np.linalg.inv(np.eye(n) - a)
    out1 = L.sum(axis=0)
    leak = (pi[0] / x) @ L
    closed = np.zeros((n + 1, n + 1))
    closed[:n, :n] = a
    closed[:n, n] = y[:, 0] / h_income
    closed[n, :n] = pi[1] / x
    Lbar = np.linalg.inv(np.eye(n + 1) - closed)
    out2 = Lbar[:n].sum(axis=0)
    return out1, out2, leak


def pymrio_system(z, x, y, pi):
    import pandas as pd
    import pymrio

    n = len(x)
    idx = pd.MultiIndex.from_product([["r"], [f"s{i}" for i in range(n)]], names=["region", "sector"])
    ycols = pd.MultiIndex.from_product([["r"], ["households", "exports"]], names=["region", "category"])
    io = pymrio.IOSystem(Z=pd.DataFrame(z, index=idx, columns=idx), Y=pd.DataFrame(y, index=idx, columns=ycols))
    io.factor_inputs = pymrio.Extension(name="factor_inputs", F=pd.DataFrame(pi, index=["imports", "wages", "profits"], columns=idx))
    return io


def dense(sizes, repeat):
    print("\n| n | localecon Type I+II + leakage (ms) | numpy inv-based | pymrio calc_all | one numpy solve | ratio inv/localecon | ratio pymrio/localecon | ratio localecon/solve | FCI localecon / numpy inv |")
    print("|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        _table, z, x, y, pi = synthetic(n)
        h = 2.0 * pi[1].sum()
        r = max(1, repeat if n <= 1000 else 3)
        kinds = {
            "final_demand_kinds": ["households", "exports_rest_of_world"],
            "primary_input_kinds": ["imports", "compensation", "operating_surplus"],
            "household_income": h,
            "balance_tolerance": 1e-6,
        }

        def fresh():
            # a new table each time: the table caches its factorisation, which would hide the LU
            return localecon.RegionalTable.from_arrays(z, final_demand=y, primary_inputs=pi, **kinds)

        def whole_call():
            t = fresh()
            return t.multipliers(), t.leakage()

        k = 200 if n <= 100 else 1  # calls per timed sample
        ours = median_time(whole_call, r, k)
        inv = median_time(lambda: numpy_inv_based(z, x, y, pi, h), r, k)
        one = median_time(lambda: np.linalg.solve((np.eye(n) - z / x).T, np.ones(n)), r, k)
        try:
            pymrio_system(z, x, y, pi)
            pym = median_time(lambda: (pymrio_system(z, x, y, pi).calc_all()), max(1, r // 2))
        except Exception as e:  # noqa: BLE001 - report and go on
            print(f"pymrio failed at n={n}: {e}")
            pym = float("nan")
        fci = median_time(lambda: fresh().fci(), r, k)
        fci_np = median_time(lambda: np.diag(np.linalg.inv(np.eye(n) - z / x)), r, k)
        ms = [f"{1e3 * v:.4g}" for v in (ours, inv, pym, one)]
        print(f"| {n} | {' | '.join(ms)} | {inv / ours:.2f} | {pym / ours:.2f} | {ours / one:.2f} | {fci / fci_np:.2f} |")


def shocks(repeat):
    table, z, x, _y, _pi = synthetic(400)
    model = localecon.LeontiefModel(table)
    f = np.random.default_rng(2).random((400, 1000))
    ours = median_time(lambda: model.solve_many(f), repeat)
    naive = median_time(lambda: [np.linalg.solve(np.eye(400) - z / x, f[:, k]) for k in range(0, 1000, 10)], 1) * 10
    lu = median_time(lambda: np.linalg.solve(np.eye(400) - z / x, f), repeat)
    print(f"\n1,000 demand shocks on n = 400: localecon {ours:.4f} s (one factorisation); numpy one solve with 1,000 right-hand sides {lu:.4f} s; numpy factorising per shock ≈ {naive:.3f} s ({naive / ours:.0f}× slower than reusing the factor)")


def sparse(accounts, repeat):
    import scipy.sparse as sp
    import scipy.sparse.linalg as spla

    rng = np.random.default_rng(3)
    m = accounts * 10
    payer = rng.integers(0, accounts, m, dtype=np.int64)
    payee = rng.integers(0, accounts, m, dtype=np.int64)
    amount = rng.uniform(1, 10, m)
    local = np.bincount(payer, weights=amount, minlength=accounts)
    # 20–60 % of each account's outlays leave the region, 0–20 % are local incomes (wages,
    # profits), the rest are the local purchases drawn above
    leak_share = rng.uniform(0.2, 0.6, accounts)
    retained_share = rng.uniform(0.0, 0.2, accounts)
    outlays = np.maximum(local, 1.0) / (1 - leak_share - retained_share)  # accounts that buy nothing locally still pay out
    leaked = leak_share * outlays
    retained = outlays - local - leaked
    net = localecon.SparseNetwork(accounts, payer, payee, amount, leaked, retained)
    a = sp.csr_matrix((amount / outlays[payer], (payee, payer)), shape=(accounts, accounts))
    m_t = (sp.identity(accounts, format="csr") - a).T.tocsr()

    def scipy_solves():
        y1, _ = spla.bicgstab(m_t, np.ones(accounts), rtol=1e-10, atol=0)
        y2, _ = spla.bicgstab(m_t, leaked / outlays, rtol=1e-10, atol=0)
        return y1, y2

    # the two sides alternate, and each pair gives one ratio: on a shared machine the load
    # drifts over seconds, and a ratio of two medians taken minutes apart measures the drift.
    # Each timed call follows an untimed one of the same side, so that neither is timed
    # with its matrix evicted from the cache (and its threads parked) by the other's run.
    result, (y1, _) = net.analyse(1e-10), scipy_solves()
    ours, theirs = [], []
    for _ in range(repeat):
        net.analyse(1e-10)
        ours.append(median_time(lambda: net.analyse(1e-10), 1))
        scipy_solves()
        theirs.append(median_time(scipy_solves, 1))
    ratios = sorted(t / o for o, t in zip(ours, theirs))
    agree = np.max(np.abs(y1 - result["output_multipliers"]) / y1)
    print(
        f"\nsparse {accounts:,} accounts / {m:,} flows: localecon {statistics.median(ours):.3f} s "
        f"({result['multipliers_convergence']['iterations']} + {result['leakage_convergence']['iterations']} iterations, "
        f"residual {result['multipliers_convergence']['relative_residual']:.1e}); scipy bicgstab {statistics.median(theirs):.3f} s; "
        f"ratio scipy/localecon, {repeat} alternating pairs: median {statistics.median(ratios):.2f} "
        f"(range {ratios[0]:.2f}–{ratios[-1]:.2f}); memory {net.memory_bytes / m:.1f} bytes per flow; agreement {agree:.1e}"
    )


def overhead(repeat):
    table, *_ = synthetic(20)
    calls = 2000
    t = median_time(lambda: [table.multipliers() for _ in range(calls)], repeat) / calls
    t2 = median_time(lambda: [table.output for _ in range(calls)], repeat) / calls
    print(f"\nper-call time, 20-sector table: multipliers {1e6 * t:.1f} µs (Type I and II, including the work); a getter {1e6 * t2:.2f} µs")
    # a call that can be stopped by Ctrl-C runs on a worker thread: what that costs
    t3 = median_time(lambda: [table.structural_paths(table.codes[0], top_k=3) for _ in range(200)], repeat) / 200
    print(f"structural paths (an interruptible call: one worker thread) {1e6 * t3:.1f} µs per call")


def real(repeat):
    scotland = localecon.datasets.scotland_2019()
    t = median_time(lambda: scotland.report(), repeat)
    print(f"\nScotland 2019 (98 industries): full report {1e3 * t:.2f} ms")
    # the split by stage, from the report's progress callback (medians of 500 reports)
    stages = {}
    for _ in range(500):
        marks = []
        scotland.report(progress=lambda stage, done: marks.append((stage, time.perf_counter())))
        for (stage, start), (_, end) in zip(marks, marks[1:]):
            stages.setdefault(stage, []).append(end - start)
    print("  by stage: " + ", ".join(f"{s} {1e3 * statistics.median(v):.3f} ms" for s, v in stages.items()))
    try:
        import pymrio

        io = pymrio.load_test()
        pym = median_time(lambda: pymrio.load_test().calc_all(), 3)
        from localecon.pymrio import from_pymrio

        region = from_pymrio(io, "reg1")
        ours = median_time(lambda: region.report(), repeat)
        print(f"pymrio test system: pymrio calc_all {1e3 * pym:.1f} ms (6 regions × 8 sectors); localecon report of one region {1e3 * ours:.2f} ms")
    except ImportError:
        print("pymrio not installed")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--full", action="store_true")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--threads", type=int, default=1, help="threads for BLAS and for localecon alike")
    p.add_argument("--only", choices=["dense", "sparse", "interregional", "uncertainty"], help="run one part")
    args = p.parse_args()
    sizes = [20, 100, 400, 1000, 2000, 4000] if args.full else [20, 100, 400, 1000, 2000]
    print(f"localecon {localecon.__version__}, numpy {np.__version__}, threads {args.threads} (BLAS and localecon)")
    print(f"machine: {machine()}")
    if args.only == "interregional":
        interregional(args.repeat)
        sys.exit(0)
    if args.only == "uncertainty":
        uncertainty(args.repeat)
        sys.exit(0)
    if args.only != "sparse":
        real(args.repeat)
        overhead(args.repeat)
        dense(sizes, args.repeat)
        shocks(args.repeat)
        interregional(args.repeat)
        uncertainty(args.repeat)
    if args.only != "dense":
        sparse(1_000_000 if args.full else 100_000, args.repeat)
