"""Time and memory of reading a table from the interchange JSON (Linux: the peak resident set
from /proc/self/status, reset through /proc/self/clear_refs):

    python bindings-python/benches/read_json.py            # a dense table of 2,000 sectors
    python bindings-python/benches/read_json.py --n 4000

Run it beside an older build to compare (`PYTHONPATH=other/build python ...`). The figures
behind `interchange/document.rs` (the header, then the document straight from
the text, without a `serde_json::Value` tree). Prints the machine, the text's size, the best
of five reads and the peak memory of one read above the resident set before it.
"""

import argparse
import time

import localecon
import numpy as np
from compare import machine
from components import status


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    n = parser.parse_args().n
    rng = np.random.default_rng(7)
    z = rng.random((n, n)) * 100.0
    x = np.maximum(z.sum(axis=0), z.sum(axis=1)) * 2.0 + 1.0
    va = x - z.sum(axis=0)
    text = localecon.RegionalTable.from_arrays(
        z,
        final_demand=(x - z.sum(axis=1))[:, None],
        final_demand_kinds=["households"],
        primary_inputs=np.vstack([va / 2, va / 2]),
        primary_input_kinds=["compensation", "imports"],
    ).to_json()
    del z
    print(machine())
    print(f"{len(text) / 1e6:.0f} MB of JSON, {n} sectors")
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    before = status("VmRSS")
    table = localecon.RegionalTable.from_json(text)
    peak = status("VmHWM") - before
    del table
    times = []
    for _ in range(5):
        start = time.perf_counter()
        localecon.RegionalTable.from_json(text)
        times.append(time.perf_counter() - start)
    print(f"from_json: best {min(times):.3f} s of five, peak {peak:.0f} MB above the resident set")


if __name__ == "__main__":
    main()
