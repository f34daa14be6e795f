// Circularity across the JavaScript boundary: ecological network analysis of flow systems.
import { test } from "node:test";
import assert from "node:assert/strict";
import { enaAnalysis } from "../index.node.js";
import { dataset } from "../data.js";
import { expectError } from "./expect-error.js";

test("Scotland: the graph and Leontief routes of FCI agree, open and closed", () => {
  const t = dataset("scotland-2019");
  try {
    const open = t.ena("open");
    assert.ok(Math.abs(open.flow.fci - t.fci("open")) < 1e-8);
    assert.ok(Math.abs(open.flow.fci - 0.0619) < 1e-4);
    const closed = t.ena("households", { topCycles: 3, maxCycleLength: 3 });
    assert.equal(closed.labels.at(-1), "households");
    assert.ok(Math.abs(closed.flow.fci - t.fci("households")) < 1e-8);
    assert.equal(closed.cycles.length, 3);
    assert.ok(closed.information.robustness > 0 && closed.information.robustness <= 1 / Math.E);
  } finally {
    t.free();
  }
});

test("bad input: flow systems and options", () => {
  const base = { labels: ["a", "b"], flows: [0, 0, 0, 0], inputs: [1, 0], exports: [1, 0], dissipation: [0, 0] };
  expectError(() => enaAnalysis(base), "DisconnectedError", "disconnected", /\(b\)/);
  expectError(() => enaAnalysis({ ...base, flows: [0, -1, 0, 0], inputs: [1, 1], exports: [1, 1] }), "NegativeValueError", "negative", /a → b/);
  expectError(() => enaAnalysis({ ...base, flows: [0, 1, 1, 0], inputs: [0, 0], exports: [0, 0] }), "DisconnectedError", "disconnected", /no boundary input/);
  const unbalanced = { ...base, flows: [0, 1, 0, 0], inputs: [2, 0], exports: [0, 1] };
  expectError(() => enaAnalysis(unbalanced), "UnbalancedError", "unbalanced");
  assert.ok(enaAnalysis(unbalanced, { allowUnbalanced: true }).flow.tst > 0);
  expectError(() => enaAnalysis({ ...base, flow: [] }), "InvalidInputError", "invalid_input", /flow/);
  expectError(() => enaAnalysis(base, { topCycle: 3 }), "InvalidInputError", "invalid_input", /topCycle/);
  const t = dataset("miller-blair-2sector");
  expectError(() => t.ena("closed"), "UnknownOptionError", "unknown_option", /households/);
  t.free();
});

test("searches whose work explodes are bounded", () => {
  const n = 12;
  // flows in (1, 2) that differ, so that pruning by the best bottleneck does not end the search early
  const flows = Array.from({ length: n * n }, (_, k) => (Math.floor(k / n) === k % n ? 0 : 1 + ((7 * Math.floor(k / n) + 13 * (k % n)) % 17) / 17));
  const inflow = Array.from({ length: n }, (_, j) => flows.reduce((s, f, k) => s + (k % n === j ? f : 0), 0));
  const outflow = Array.from({ length: n }, (_, i) => flows.slice(i * n, (i + 1) * n).reduce((a, b) => a + b, 0));
  const inputs = outflow.map((o, k) => Math.max(o - inflow[k], 0) + 1);
  const exports = inflow.map((v, k) => Math.max(v - outflow[k], 0) + 1);
  const system = { labels: Array.from({ length: n }, (_, i) => `a${i}`), flows, inputs, exports, dissipation: Array(n).fill(0) };
  expectError(() => enaAnalysis(system, { maxCycleLength: 12, maxCycleSteps: 100 }), "TooLargeError", "too_large", /up to 12 links/);
  assert.equal(enaAnalysis(system, { maxCycleLength: 2, topCycles: 3 }).cycles.length, 3);
});
