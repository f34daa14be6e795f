"""The performance-related boundary: many shocks from one factor, sparse networks, and the
GIL released while two threads compute at once (behaviour, not timings)."""

import threading

import localecon
import numpy as np
import pytest


def test_solve_many_equals_solving_one_by_one():
    t = localecon.datasets.scotland_2019()
    model = localecon.LeontiefModel(t)
    f = np.random.default_rng(1).random((98, 7))
    x = model.solve_many(f)
    for k in range(7):
        np.testing.assert_allclose(x[:, k], model.solve(f[:, k]), rtol=1e-12)
    with pytest.raises(localecon.ShapeError):
        model.solve_many(np.ones((97, 2)))


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


def test_two_threads_compute_at_once():
    """While one thread is inside a long localecon call, a pure-Python thread keeps
    counting: the call has released the GIL. (Were the GIL held, the counter could not move
    during the call.)"""
    n = 500
    rng = np.random.default_rng(5)
    a = rng.random((n, n)) * 0.5 / n
    x = np.linalg.solve(np.eye(n) - a, np.full(n, 100.0))
    z = a * x
    rest = x - z.sum(axis=0)
    t = localecon.RegionalTable.from_arrays(
        z, final_demand=np.full((n, 1), 100.0), final_demand_kinds=["exports_rest_of_world"],
        primary_inputs=rest[None, :], primary_input_kinds=["imports"], balance_tolerance=1e-6,
    )
    counter = [0]
    stop = threading.Event()

    def count():
        while not stop.is_set():
            counter[0] += 1

    counting = threading.Thread(target=count)
    counting.start()
    try:
        before = counter[0]
        t.leak_ranking(0.1, top_k=5)  # one LU, one inverse and n² pairs: ~0.1 s of Rust
        during = counter[0] - before
    finally:
        stop.set()
        counting.join()
    assert during > 1000, f"the counting thread only advanced {during} times during the call"


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.int64, np.int32])
@pytest.mark.parametrize("order", ["C", "F"])
def test_input_arrays_are_copied_once_and_not_converted_by_numpy_first(dtype, order):
    """numpy's allocations are traced by tracemalloc and the core's are not: had Z gone
    through numpy.asarray(dtype=float64) on its way in (a second copy for float32, integer
    or Fortran-ordered input), the traced peak would include an n × n float64 array."""
    import tracemalloc

    n = 800
    z = np.asarray((np.arange(n * n).reshape(n, n) % 7).astype(dtype), order=order)
    x = np.full(n, 10_000.0)
    final_demand = (x - z.sum(axis=1, dtype=np.float64))[:, None]
    primary = (x - z.sum(axis=0, dtype=np.float64))[None, :]
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        t = localecon.RegionalTable.from_arrays(z, final_demand=final_demand, primary_inputs=primary)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < n * n * 8 // 8, f"numpy allocated {peak} bytes while reading Z"
    np.testing.assert_array_equal(t.z, z.astype(np.float64))


def stopped_by_ctrl_c(work, after):
    """Runs `work`, pressing Ctrl-C `after` seconds in; asserts it raised KeyboardInterrupt
    within a second of the press."""
    import _thread
    import time

    pressed = []

    def press():
        pressed.append(time.perf_counter())
        _thread.interrupt_main()

    timer = threading.Timer(after, press)
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        work()
    stopped = time.perf_counter()
    timer.join()
    assert pressed, "the call ended before Ctrl-C: make it longer"
    assert stopped - pressed[0] < 1.0, f"stopped {stopped - pressed[0]:.2f} s after Ctrl-C"


@pytest.mark.parametrize("call", ["structural_paths", "strongest_cycles"])
def test_ctrl_c_stops_a_long_call_within_a_second(call):
    t = localecon.datasets.scotland_2019()
    before = t.report()
    if call == "structural_paths":
        # a search of ~10^12 steps: hours without Ctrl-C
        def work():
            return t.structural_paths("10.7", cutoff=1e-15, max_depth=40, max_steps=10**12)
    else:
        system = localecon.FlowSystem.from_table(t)

        def work():
            return system.strongest_cycles(max_length=14, top_k=10, max_steps=10**12)

    stopped_by_ctrl_c(work, after=0.3)
    # nothing was left half-changed: the table gives the same report, and runs calls again
    assert t.report().to_dict() == before.to_dict()
    assert len(t.structural_paths("10.7", top_k=3).paths) == 3


def test_ctrl_c_stops_the_sweeps_of_a_large_interregional_system():
    system = localecon.datasets.scotland_councils_2019()  # 3,136 entries: about 0.3 s of sweeps
    stopped_by_ctrl_c(system.decomposition, after=0.1)
    # the system still answers, the same as a fresh one
    again = system.decomposition(round=False)
    fresh = localecon.datasets.scotland_councils_2019().decomposition(round=False)
    np.testing.assert_array_equal(again.total, fresh.total)


def test_kernel_path_names_what_this_cpu_has():
    # the benchmarks print it next to their ratios: it must follow the CPU's own flags (read
    # here from /proc/cpuinfo, independently of the run-time tests the core repeats)
    path = localecon.kernel_path()
    assert path.startswith("n ≤ 256: portable kernels")
    try:
        with open("/proc/cpuinfo") as info:
            flags = next(line for line in info if line.startswith("flags")).split()
    except (OSError, StopIteration):
        pytest.skip("no /proc/cpuinfo flags")
    if "avx512f" in flags:
        assert "faer LU with AVX-512 matrix products and AVX2+FMA panels" in path
    elif "avx2" in flags and "fma" in flags:
        assert "faer LU with AVX2+FMA matrix products and AVX2+FMA panels" in path
    else:
        assert "AVX" not in path
