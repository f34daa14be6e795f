"""Three languages agree, provably: runs the random corpus (tests/make_corpus.py: tables,
scenarios, leak rankings, regionalisations and sparse networks) in Python and
compares every result with Rust's and JavaScript's (core/examples/corpus.rs,
scripts/corpus.mjs), demanding equality to the last bit. A failure prints the smallest case
that differs (its table, scenario and regionalisation inputs) and where.

Usage: python scripts/check_corpus.py CORPUS.json RUST.json JS.json
"""

import json
import sys
from pathlib import Path

import localecon
from check_same_numbers import same


def result(f):
    try:
        return json.loads(json.dumps(f()))
    except localecon.LocaleconError as e:
        return {"error": e.code}


def network(w):
    net = localecon.SparseNetwork(w["n"], w["payer"], w["payee"], w["amount"], w["leaked"], w["retained"])
    return net.analyse(tolerance=1e-10, max_iterations=1000).to_dict()


def run(case):
    net = result(lambda: network(case["network"]))
    try:
        t = localecon.RegionalTable.from_json(case["table"])
    except localecon.LocaleconError as e:
        return {"error": e.code, "network": net}

    def regional():
        r = localecon.regionalize(
            t, case["national"], case["regional"], delta=case["delta"]
        )
        return r.report().to_dict()

    return {
        "report": result(lambda: t.report().to_dict()),
        "ranking": result(lambda: t.leak_ranking(top_k=3).to_dict()),
        "scenario": result(lambda: t.evaluate_scenario(case["scenario"]).to_dict()),
        "regional": result(regional),
        "satellite": result(lambda: localecon.Satellite.employment(t).multipliers(t).to_dict()),
        "network": net,
    }


def main(corpus_path, rust_path, js_path):
    cases = json.loads(Path(corpus_path).read_text())["cases"]
    rust = json.loads(Path(rust_path).read_text())
    js = json.loads(Path(js_path).read_text())
    failures = []
    for k, case in enumerate(cases):
        python = run(case)
        for name, other in (("Rust", rust[k]), ("JavaScript", js[k])):
            try:
                same(python, other, f"case {k} (Python vs {name})")
            except AssertionError as e:
                failures.append((len(json.loads(case["table"])["sectors"]), k, str(e)))
    if failures:
        n, k, what = min(failures)
        print(
            f"{len(failures)} disagreements; the smallest case ({n} sectors):\n{what}\n{json.dumps(cases[k])}"
        )
        sys.exit(1)
    errors = sum(
        1
        for r in rust
        for v in (r.values() if "error" not in r else [r])
        if "error" in v
    )
    print(
        f"{len(cases)} random cases: Rust, Python and JavaScript agree to the last bit ({errors} typed errors among the results, equal too)"
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
