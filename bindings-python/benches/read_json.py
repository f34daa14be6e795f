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
from components import balanced_table, status


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    n = parser.parse_args().n
    rng = np.random.default_rng(7)
    text = balanced_table(rng.random((n, n)) * 100.0).to_json()
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
