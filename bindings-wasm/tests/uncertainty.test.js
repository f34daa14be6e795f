// How sure are a council's numbers, from JavaScript: the same draws as in Rust and Python.
import { test } from "node:test";
import assert from "node:assert/strict";
import { expectError } from "./expect-error.js";

const SPEC = {
  assumptions: { delta: [0.2, 0.3], residentShare: [0.6, 0.8], taxRetention: [0.0, 0.2] },
  draws: 200,
  seed: 2026,
};

test("Glasgow's band: the same numbers as Rust and Python", async () => {
  const { councilUncertainty, councilDefaultUncertainty } = await import("../data.js");
  const m = councilUncertainty("Glasgow City", SPEC);
  assert.deepEqual(m.assumptions, ["delta", "resident_share", "tax_retention"]);
  assert.equal(m.outputs.length, 200);
  // core/tests/uncertainty.rs and bindings-python/tests/test_uncertainty.py: median 1.18171
  const typeI = m.summary[0];
  assert.equal(typeI.indicator, "output_multiplier_type_i");
  assert.equal(typeI.median, 1.1817140563524577, "to the last bit, as in Rust and Python");
  assert.ok(typeI.quantiles[0] < typeI.median && typeI.median < typeI.quantiles[3]);
  // δ moves the Type I multiplier most
  assert.ok(m.varianceShare[0][0] > 0.9);
  assert.deepEqual(councilUncertainty("Glasgow City", SPEC), m);
  const spec = councilDefaultUncertainty("Fife", 20, 1);
  assert.deepEqual(spec.assumptions.map(([name]) => name), ["delta", "resident_share", "outside_owned_profit_share", "tax_retention"]);
  assert.equal(councilUncertainty("Fife", spec).outputs.length, 20);
  // a seed is a number or a bigint, the same seed either way; −1 and 1.5 are refused by name
  // (−1 was wrapped to 2⁶⁴ − 1 as a bigint, 1.5 threw BigInt's untyped RangeError)
  assert.deepEqual(councilDefaultUncertainty("Fife", 20, 1n), spec);
  expectError(() => councilDefaultUncertainty("Fife", 20, -1), "OutOfRangeError", "out_of_range", /at seed: expected a whole number from 0 to 2⁵³ − 1$/);
  expectError(() => councilDefaultUncertainty("Fife", 20, 1.5), "OutOfRangeError", "out_of_range", /at seed/);
  expectError(() => councilDefaultUncertainty("Fife", 20, -1n), "InvalidInputError", "invalid_input", /^invalid seed: -1 is not a whole number from 0 to 2⁶⁴ − 1$/);
});

test("bad specs are typed errors, and WebAssembly takes at most 10,000 draws", async () => {
  const { councilUncertainty } = await import("../data.js");
  const run = (assumptions, extra = {}) => councilUncertainty("Glasgow City", { assumptions, draws: 5, ...extra });
  expectError(() => run({ beta: [0.1, 0.2] }), "UnknownOptionError", "unknown_option", /delta/);
  expectError(() => run({ delta: [0.2, 1.0] }), "OutOfRangeError", "out_of_range", /delta\.high/);
  expectError(() => run({ delta: [0.3, 0.2] }), "InvalidInputError", "invalid_input", /low/);
  expectError(() => run({ delta: [0.2, 0.3] }, { draws: 0 }), "OutOfRangeError", "out_of_range", /draws/);
  expectError(() => run({ delta: [0.2, 0.3] }, { quantiles: [1.2] }), "OutOfRangeError", "out_of_range", /quantiles/);
  expectError(() => run({ delta: [0.2, 0.3] }, { draws: 10001 }), "TooLargeError", "too_large", /10000/);
});

test("any table's assumptions, from a RegionalTable", async () => {
  const { dataset } = await import("../data.js");
  const t = dataset("scotland-2019");
  try {
    const m = t.uncertainty({ assumptions: { tax_retention: [0, 0.5], local_surplus_share: [0.3, 0.9] }, draws: 50, seed: 11 });
    assert.equal(m.summary[0].min, m.summary[0].max, "retention does not change the Type I multiplier");
    assert.ok(m.varianceShare[2][1] > m.varianceShare[2][0]);
    expectError(() => t.uncertainty({ assumptions: { delta: 0.3 }, draws: 5 }), "UnknownOptionError", "unknown_option", /flow_noise/);
  } finally {
    t.free();
  }
});

test("a regionalisation of one's own, drawn over δ", async () => {
  const { dataset, bres2019Employment } = await import("../data.js");
  const t = dataset("scotland-2019");
  const jobs = bres2019Employment();
  try {
    const m = t.regionalizeUncertainty(jobs.scotland, jobs.glasgow, { name: "Glasgow" }, { assumptions: { delta: [0.1, 0.3] }, draws: 30, seed: 3 });
    assert.ok(m.rankCorrelation[0][0] < -0.999, "the Type I multiplier falls as δ rises");
    assert.ok(m.summary[0].min >= m.summary[0].published - 1e-12);
  } finally {
    t.free();
  }
});

test("an Australian LGA's band, the same as Python's", async () => {
  const { lgaUncertainty } = await import("../data.js");
  const m = lgaUncertainty("Darwin", { assumptions: { delta: [0.2, 0.3] }, draws: 10, seed: 4 });
  assert.equal(m.outputs.length, 10);
  assert.match(m.notes[0], /^Darwin 2021-22: δ or the flows drawn/);
  assert.ok(m.outputs.every((o) => o[1] > o[0]), "Type II above Type I in every draw");
  expectError(() => lgaUncertainty("Atlantis", { assumptions: {}, draws: 1 }), "UnknownOptionError", "unknown_option", /Atlantis/);
});
