"""The three languages give the same numbers: the report of every dataset with a satellite
(multipliers, leakage, jobs and greenhouse gas per pound, the accounts) as the Rust main
command writes it, as Python computes it and as JavaScript computes it.

All three must agree to the last bit: the dense kernels up to `linalg::PORTABLE_MAX_N` give
the same bits on every platform (core/src/linalg/portable.rs), and every other computation is
plain, ordered IEEE arithmetic.

Usage: python scripts/check_same_numbers.py RUST_DIR JS_DIR  (files <dataset>.json in each)
"""

import json
import sys
from pathlib import Path

import localecon


def same(a, b, path="report", rtol=0.0, differ=None):
    """Equality of two parsed JSON values; numbers within `rtol` (0: bit for bit), counting in
    `differ` the numbers that are not bit for bit equal."""
    if isinstance(a, dict) and isinstance(b, dict):
        assert a.keys() == b.keys(), f"{path}: keys {sorted(a.keys() ^ b.keys())}"
        for k in a:
            same(a[k], b[k], f"{path}.{k}", rtol, differ)
    elif isinstance(a, list) and isinstance(b, list):
        assert len(a) == len(b), f"{path}: length {len(a)} vs {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{path}[{i}]", rtol, differ)
    elif (
        isinstance(a, (int, float))
        and isinstance(b, (int, float))
        and not isinstance(a, bool)
    ):
        x, y = float(a), float(b)
        assert abs(x - y) <= rtol * max(abs(x), abs(y)), f"{path}: {a!r} != {b!r}"
        if differ is not None and x != y:
            differ.append(path)
    else:
        assert a == b, f"{path}: {a!r} != {b!r}"


def main(rust_dir: str, js_dir: str) -> None:
    for name in ["scotland-2019", "glasgow-2019"]:
        rust = json.loads((Path(rust_dir) / f"{name}.json").read_text())
        js = json.loads((Path(js_dir) / f"{name}.json").read_text())
        table = localecon.datasets.by_name(name)
        python = table.report(satellite=localecon.datasets.satellite(name)).to_dict()
        python = json.loads(json.dumps(python))
        assert rust["satellite"]["accounts"], name
        same(rust, python, f"{name} (Rust vs Python)")
        same(rust, js, f"{name} (Rust vs JavaScript)")
        print(f"{name}: the Rust, Python and JavaScript reports agree to the last bit")


if __name__ == "__main__":
    main(*sys.argv[1:3])
