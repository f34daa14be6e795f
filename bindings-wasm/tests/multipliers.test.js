// Multipliers across the JavaScript boundary: each measure's Type I and Type II per sector,
// labelled, and why Type II is missing when it cannot be formed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RegionalTable } from "../index.node.js";
import { dataset } from "../data.js";

test("each measure's effects are per sector, Type II above Type I above the direct effect", () => {
  const t = dataset("scotland-2019-sections");
  try {
    const m = t.multipliers();
    assert.deepEqual(m.sectors.map((s) => s.code), t.codes);
    for (const e of [m.output, m.income, m.valueAdded]) {
      assert.equal(e.typeI.length, 20);
      e.typeI.forEach((v, k) => assert.ok(e.direct[k] <= v && v < e.typeII[k], `sector ${k}`));
    }
    assert.ok(m.output.direct.every((d) => d === 1), "a unit of final demand is a unit of output");
    assert.ok(m.condition >= 1);
    assert.equal(m.typeIIUnavailable, null);
  } finally {
    t.free();
  }
});

test("a household closure that cannot be formed leaves Type I and says why", () => {
  // Miller & Blair's table with its value added read as household income it cannot pay
  const plain = dataset("miller-blair-2sector");
  const text = plain.toJson()
    .replace('"kind": "other"', '"kind": "households"')
    .replace('"household_income": null', '"household_income": 200.0');
  const t = RegionalTable.fromJson(text);
  try {
    const m = t.multipliers();
    assert.equal(m.output.typeII, null);
    assert.match(m.typeIIUnavailable, /out_of_range/);
    assert.ok(m.warnings.includes(m.typeIIUnavailable));
    assert.deepEqual(m.output.typeI, plain.multipliers().output.typeI);
    assert.equal(t.report().typeIIUnavailable, m.typeIIUnavailable);
  } finally {
    t.free();
    plain.free();
  }
});
