// Linkages across the JavaScript boundary: backward and forward linkages, structural paths,
// hypothetical extraction and model LMk.
import { test } from "node:test";
import assert from "node:assert/strict";
import { dataset } from "../data.js";
import { expectError } from "./expect-error.js";

test("linkages, paths, extraction and model LM", () => {
  const t = dataset("scotland-2019-sections");
  try {
    const l = t.linkages();
    assert.equal(l.backward.length, 20);
    assert.ok(l.class.every((c) => ["key", "backward_oriented", "forward_oriented", "weak"].includes(c)));
    const sp = t.structuralPaths("C", "leakage", 1e-3, 8, 5);
    assert.deepEqual(sp.paths[0].codes, ["C"]);
    assert.ok(t.hypotheticalExtraction("C", "total") > t.hypotheticalExtraction("C", "backward"));
    const lm3s = t.modelLm(3);
    assert.ok(lm3s.every((v) => v > 1));
  } finally {
    t.free();
  }
});

test("bad input: a path cutoff outside its range, an unknown sector", () => {
  const t = dataset("miller-blair-2sector");
  expectError(() => t.structuralPaths("s1", "value_added", 2), "OutOfRangeError", "out_of_range", /cutoff/);
  expectError(() => t.hypotheticalExtraction("zz"), "UnknownLabelError", "unknown_label");
  t.free();
});

test("the path search is bounded: a dense table's paths stop at the work limit, saying so", () => {
  const t = dataset("scotland-2019-sections");
  try {
    const r = t.structuralPaths("C", "value_added", 1e-12, 40, 20, 1000);
    assert.equal(r.steps, 1000);
    assert.match(r.truncated, /work limit of 1000 steps/);
    assert.equal(t.structuralPaths("C").truncated, null);
    expectError(() => t.structuralPaths("C", "value_added", 1e-4, 8, 20, 0.5), "OutOfRangeError", "out_of_range", /maxSteps/);
  } finally {
    t.free();
  }
});
