// The Leontief model across the JavaScript boundary: solves, the inverse and model LMk.
import { test } from "node:test";
import assert from "node:assert/strict";
import { dataset } from "../data.js";
import { expectError } from "./expect-error.js";

test("the solve gives Miller & Blair's output, and the inverse's column sums are the multipliers", () => {
  const t = dataset("miller-blair-2sector");
  try {
    const x = t.solve(new Float64Array([600, 1500]));
    assert.ok(Math.abs(x[0] - 1247.524752) < 1e-6 && Math.abs(x[1] - 1841.584158) < 1e-6);
    const l = t.leontiefInverse();
    const typeI = t.multipliers().output.typeI;
    for (let j = 0; j < 2; j++) assert.ok(Math.abs(l[j] + l[2 + j] - typeI[j]) < 1e-12);
    expectError(() => t.solve(new Float64Array([1])), "ShapeError", "shape");
  } finally {
    t.free();
  }
});

test("model LMk starts at 1 and grows with the rounds", () => {
  const t = dataset("scotland-2019-sections");
  try {
    assert.ok(t.modelLm(1).every((v) => v === 1));
    const three = t.modelLm(3);
    const many = t.modelLm(200);
    three.forEach((v, k) => assert.ok(v > 1 && many[k] >= v));
  } finally {
    t.free();
  }
});
