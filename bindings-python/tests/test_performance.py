"""The performance-related boundary: the GIL released while two threads compute at once,
inputs copied once, the kernel path (behaviour, not timings)."""

import threading

import localecon
import numpy as np
import pytest


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
