// Every conformance fixture, from JavaScript: the same checks the Rust and Python suites run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { RegionalTable } from "../../bindings-wasm/index.node.js";

const dir = new URL("../fixtures/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

const ratio = (e, d) => e.map((v, j) => (d[j] === 0 ? 0 : v / d[j]));

function quantity(fx, t, name) {
  const m = () => t.multipliers();
  const n = t.n;
  switch (name) {
    case "output": return t.output;
    case "leontief_inverse": return t.leontiefInverse();
    case "leontief_diagonal":
    case "leontief_diagonal_published": {
      const l = t.leontiefInverse();
      return Array.from({ length: n }, (_, i) => l[i * n + i]);
    }
    case "impact": return t.solve(new Float64Array(fx.impact_final_demand));
    case "leakage_imports": {
      const l = t.leakage();
      const total = new Array(n).fill(0);
      l.channels.forEach((c, k) => {
        if (c.startsWith("imports")) l.by_channel[k].forEach((v, j) => { total[j] += v; });
      });
      return total;
    }
    default: {
      const match = name.match(/^(output|income|gva|employment)_(multiplier|effect)_(type_i|type_ii)$/);
      assert.ok(match, `unknown quantity ${name}`);
      const [, measure, what, type] = match;
      const key = measure === "gva" ? "value_added" : measure;
      const e = m()[key];
      const effect = e[type];
      assert.ok(effect, `${name} not available`);
      return what === "multiplier" && measure !== "output" ? ratio(effect, e.direct) : effect;
    }
  }
}

test("all fixtures are found", () => {
  for (const f of ["miller_blair_2sector.json", "eurostat_de1995.json", "spicosa_nl2000.json", "scotland_2019.json"]) {
    assert.ok(files.includes(f), f);
  }
});

for (const file of files) {
  test(`fixture ${file}`, () => {
    const fx = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
    const t = fx.table ? RegionalTable.fromJson(JSON.stringify(fx.table)) : RegionalTable.dataset(fx.dataset);
    try {
      assert.ok(fx.checks.length > 0);
      for (const check of fx.checks) {
        const got = quantity(fx, t, check.quantity);
        check.expected.forEach((e, k) => {
          const tol = check.atol + check.rtol * Math.abs(e);
          assert.ok(Math.abs(got[k] - e) <= tol, `${fx.name} ${check.quantity}[${k}]: expected ${e}, got ${got[k]}`);
        });
      }
    } finally {
      t.free();
    }
  });
}
