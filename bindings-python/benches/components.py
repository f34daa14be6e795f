"""Time and memory of a flow system's strongly connected components and λ₁ on a dense system
(Linux: the peak resident set from /proc/self/status, reset through /proc/self/clear_refs):

    python bindings-python/benches/components.py            # 4,500 accounts, half the links
    python bindings-python/benches/components.py --n 2000

The figures behind `circularity/cycles.rs` (`Payments`: Tarjan's algorithm on the flows,
without an edge list). Prints the machine, the time of each call and its peak memory above
the resident set before it.
"""

import argparse
import platform
import time

import localecon
import numpy as np


def status(key):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) / 1024 for line in f if line.startswith(key))


def balanced_table(z):
    """A balanced table around the flows `z`: output twice the larger of each sector's row and
    column sums (plus 1), households buying the rest of each row, value added split between
    wages and imports."""
    x = np.maximum(z.sum(axis=0), z.sum(axis=1)) * 2.0 + 1.0
    va = x - z.sum(axis=0)
    return localecon.RegionalTable.from_arrays(
        z,
        final_demand=(x - z.sum(axis=1))[:, None],
        final_demand_kinds=["households"],
        primary_inputs=np.vstack([va / 2, va / 2]),
        primary_input_kinds=["compensation", "imports"],
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=4500)
    n = parser.parse_args().n
    rng = np.random.default_rng(7)
    z = rng.random((n, n))
    z[z < 0.5] = 0.0
    table = balanced_table(z)
    system = localecon.FlowSystem.from_table(table)
    del z
    print(f"{platform.processor() or platform.machine()}; {localecon.kernel_path()}")
    for call in ("strongly_connected_components", "structure"):
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        before = status("VmRSS")
        start = time.perf_counter()
        getattr(system, call)()
        took = time.perf_counter() - start
        print(f"{call}, {n} accounts: {took:.3f} s, peak {status('VmHWM') - before:.0f} MB above the resident set")


if __name__ == "__main__":
    main()
