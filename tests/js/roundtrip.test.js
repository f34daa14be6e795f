// Round trips as property tests (seeded random tables): JSON, CSV and structured clone of
// every result are identities.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RegionalTable } from "../../bindings-wasm/index.node.js";

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function randomTable(seed) {
  const r = rng(seed);
  const n = 1 + Math.floor(r() * 5);
  const a = Array.from({ length: n * n }, () => (r() > 0.3 ? r() : 0));
  for (let j = 0; j < n; j++) {
    const s = Array.from({ length: n }, (_, i) => a[i * n + j]).reduce((p, q) => p + q, 0) || 1;
    const scale = 0.8 * r();
    for (let i = 0; i < n; i++) a[i * n + j] *= scale / s;
  }
  const hh = Array.from({ length: n }, () => 100 * r());
  const ex = Array.from({ length: n }, () => 0.1 + 100 * r());
  let x = hh.map((h, i) => h + ex[i]);
  for (let k = 0; k < 400; k++) x = x.map((_, i) => hh[i] + ex[i] + a.slice(i * n, (i + 1) * n).reduce((p, v, j) => p + v * x[j], 0));
  const z = a.map((v, k) => v * x[k % n]);
  const rest = x.map((xj, j) => xj - Array.from({ length: n }, (_, i) => z[i * n + j]).reduce((p, q) => p + q, 0));
  const split = rest.map(() => { const w = [r() + 0.1, r() + 0.1, r() + 0.1]; const s = w[0] + w[1] + w[2]; return w.map((v) => v / s); });
  const row = (k) => rest.map((v, j) => v * split[j][k]);
  const comp = row(1).reduce((p, q) => p + q, 0);
  return RegionalTable.fromArrays(new Float64Array(z), Array.from({ length: n }, (_, i) => `s${i}`), {
    finalDemand: [{ label: "HH", kind: "households", values: hh }, { label: "EXP", kind: "exports_rest_of_world", values: ex }],
    primaryInputs: [{ label: "IMP", kind: "imports", values: row(0) }, { label: "CoE", kind: "compensation", values: row(1) }, { label: "GOS", kind: "operating_surplus", values: row(2) }],
    householdIncome: Math.max(comp, 1.5 * hh.reduce((p, q) => p + q, 0)) + 1e-9,
    balanceTolerance: 1e-6,
  });
}

test("JSON, CSV and structured clone round trips on 40 random tables", () => {
  for (let seed = 1; seed <= 40; seed++) {
    const t = randomTable(seed);
    try {
      const viaJson = RegionalTable.fromJson(t.toJson());
      const viaCsv = RegionalTable.fromCsv(t.toCsv());
      assert.equal(viaJson.toJson(), t.toJson(), `seed ${seed}`);
      assert.equal(viaCsv.toJson(), t.toJson(), `seed ${seed}`);
      viaJson.free();
      viaCsv.free();
      for (const result of [t.multipliers(), t.leakage(), t.closedLeakage(), t.report(), t.audit(), t.linkages(), t.ena("households")]) {
        assert.deepEqual(structuredClone(result), result, `seed ${seed}`);
      }
    } finally {
      t.free();
    }
  }
});
