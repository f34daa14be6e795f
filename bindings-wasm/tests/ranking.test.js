// The leak ranking across the JavaScript boundary: the leaks worth plugging, capped by capacity,
// with the suppliers it leaves out and why.
import { test } from "node:test";
import assert from "node:assert/strict";
import { dataset } from "../data.js";
import { expectError } from "./expect-error.js";

test("the ranking names its import basis, the suppliers it leaves out, and keeps to a cap", () => {
  const t = dataset("glasgow-2019");
  try {
    assert.equal(t.importBasis, "regionalised");
    const ranking = t.leakRanking({ topK: 5 });
    assert.equal(ranking.importBasis, "regionalised");
    assert.ok(ranking.excludedSuppliers.some((e) => e.code === "68.2IMP" && e.reason === "not_sold_to_businesses"));
    const [best] = ranking.opportunities;
    assert.ok(best.imports > 0 && best.importsSubstitutedByOrigin.length === 3);
    const capped = t.leakRanking({ topK: 20, maxOutputIncrease: 0.01 });
    for (const o of capped.opportunities) {
      assert.ok(o.capacityShare <= 0.01 * (1 + 1e-12));
    }
    const products = t.importedProducts(best.buyer);
    assert.ok(products.some((p) => p.product === best.product));
    assert.ok(products.every((p, k) => k === 0 || products[k - 1].imports >= p.imports));
  } finally {
    t.free();
  }
});

test("bad rankings are typed", () => {
  const t = dataset("scotland-2019-sections");
  try {
    expectError(() => t.leakRanking({ share: 2 }), "OutOfRangeError", "out_of_range");
    expectError(() => t.leakRanking({ topK: 3, capp: 1 }), "InvalidInputError", "invalid_input", /capp/);
    expectError(() => t.leakRanking({ exclude: ["ZZ"] }), "UnknownLabelError", "unknown_label");
  } finally {
    t.free();
  }
});
