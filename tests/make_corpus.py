"""Writes a corpus of random balanced tables, each with a scenario, a regionalisation and a
random sparse firm network, for
the three-language agreement check (scripts/check_corpus.py): every language runs the same
cases and the results must be equal to the last bit.

Usage: python tests/make_corpus.py OUT.json [COUNT] [SEED]   (defaults: 200 cases, seed 2026)

Tables have 1 to 30 sectors, some zero flows, every final-demand and primary-input kind the
leakage split knows, employment, random retention shares and household closures (some that
cannot be formed, so that Type II is marked unavailable). Plain Python (no numpy), so that the
corpus is the same on every machine.
"""

import json
import random
import sys

FINAL = [
    ("HH", "households"),
    ("GOV", "local_government"),
    ("INV", "investment"),
    ("EXP_RUK", "exports_rest_of_country"),
    ("EXP_ROW", "exports_rest_of_world"),
]
PRIMARY = [
    ("IMP_RUK", "imports_rest_of_country"),
    ("IMP_ROW", "imports_rest_of_world"),
    ("TAX", "taxes_on_products"),
    ("COE", "compensation"),
    ("GOS", "operating_surplus"),
]


def table(rng: random.Random, k: int) -> dict:
    n = rng.randint(1, 30)
    codes = [f"S{i}" for i in range(n)]
    # coefficients: each column sums to at most 0.8, a third of them zero
    a = [[0.0] * n for _ in range(n)]
    for j in range(n):
        weights = [0.0 if rng.random() < 0.33 else rng.random() for _ in range(n)]
        total = sum(weights)
        scale = rng.uniform(0.0, 0.8)
        for i in range(n):
            a[i][j] = weights[i] / total * scale if total > 0 else 0.0
    fd = [
        [rng.uniform(0.0, 100.0) if rng.random() < 0.9 else 0.0 for _ in range(n)]
        for _ in FINAL
    ]
    f = [sum(col[i] for col in fd) for i in range(n)]
    x = f[:]
    for _ in range(
        300
    ):  # x = A x + f by Neumann iteration (converges: column sums < 1)
        x = [f[i] + sum(a[i][j] * x[j] for j in range(n)) for i in range(n)]
    z = [[a[i][j] * x[j] for j in range(n)] for i in range(n)]
    # primary inputs fill each column to x; the final demand is adjusted so rows match exactly
    rows = [[0.0] * n for _ in PRIMARY]
    for j in range(n):
        rest = x[j] - sum(z[i][j] for i in range(n))
        w = [rng.uniform(0.01, 1.0) for _ in PRIMARY]
        for r in range(len(PRIMARY)):
            rows[r][j] = rest * w[r] / sum(w)
    for i in range(n):
        gap = x[i] - sum(z[i]) - sum(col[i] for col in fd)
        fd[-1][i] += gap  # rounding of the iteration goes to exports
        fd[-1][i] = max(fd[-1][i], 0.0)
    hh = sum(fd[0])
    comp = sum(rows[3])
    closure = rng.choice([None, comp * rng.uniform(0.5, 1.5), max(hh * 0.5, 1e-6)])
    doc = {
        "format": "localecon-table",
        "version": 1,
        "name": f"random {k}",
        "unit": "money units",
        "sectors": [{"code": c, "name": f"sector {c}"} for c in codes],
        "z": z,
        "final_demand": [
            {"label": label, "kind": kind, "values": fd[c]}
            for c, (label, kind) in enumerate(FINAL)
        ],
        "primary_inputs": [
            {"label": label, "kind": kind, "values": rows[r]}
            for r, (label, kind) in enumerate(PRIMARY)
        ],
        "employment": {
            "unit": "jobs",
            "values": [rng.uniform(0.0, 50.0) for _ in range(n)],
        },
        "retention": {"compensation": rng.random(), "operating_surplus": rng.random()},
        "balance_tolerance": 1e-6,
    }
    if closure is not None:
        doc["household_closure"] = {"household_income": closure}
    return doc


def network(rng: random.Random) -> dict:
    """A random firm network: 2-60 accounts, about 4 flows each, 20-60 % of each outlay leaked."""
    n = rng.randint(2, 60)
    payer, payee, amount = [], [], []
    for _ in range(4 * n):
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            payer.append(a)
            payee.append(b)
            amount.append(rng.uniform(0.1, 10.0))
    leaked = [rng.uniform(1.0, 10.0) for _ in range(n)]
    retained = [rng.uniform(0.0, 5.0) for _ in range(n)]
    return {"n": n, "payer": payer, "payee": payee, "amount": amount, "leaked": leaked, "retained": retained}


def case(rng: random.Random, k: int) -> dict:
    t = table(rng, k)
    n = len(t["sectors"])
    buyer, product = rng.randrange(n), rng.randrange(n)
    scenario = {
        "name": f"scenario {k}",
        "changes": [
            {
                "type": "demand",
                "sector": f"S{rng.randrange(n)}",
                "amount": rng.uniform(-5.0, 20.0),
            },
            {"type": "retention", "input": "operating_surplus", "share": rng.random()},
        ],
    }
    if t["primary_inputs"][1]["values"][buyer] > 0 and rng.random() < 0.5:
        scenario["changes"].append(
            {
                "type": "import_substitution",
                "buyer": f"S{buyer}",
                "product": f"S{product}",
                "share": rng.uniform(0.0, 0.3),
            }
        )
    national = [rng.uniform(1.0, 1000.0) for _ in range(n)]
    regional = [v * rng.uniform(0.0, 0.2) for v in national]
    return {
        "table": json.dumps(t),
        "scenario": scenario,
        "national": national,
        "regional": regional,
        "delta": rng.choice([0.1, 0.2, 0.3]),
        "network": network(rng),
    }


def main(out: str, count: int = 200, seed: int = 2026) -> None:
    rng = random.Random(seed)
    cases = [case(rng, k) for k in range(count)]
    with open(out, "w") as f:
        json.dump({"seed": seed, "cases": cases}, f)
    print(f"{count} random cases written to {out} (seed {seed})")


if __name__ == "__main__":
    main(sys.argv[1], *(int(v) for v in sys.argv[2:4]))
