// Scenarios and the local currency across the JavaScript boundary.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RegionalTable } from "../index.node.js";
import { dataset } from "../data.js";
import { expectError } from "./expect-error.js";

test("the best leak's rank-one update and its scenario agree", () => {
  const t = dataset("glasgow-2019");
  try {
    const [best] = t.leakRanking({ topK: 5 }).opportunities;
    // a real import-use table replaces the estimate: all of the buyer's imports are of one product
    const n = t.n;
    const j = t.sectorIndex(best.buyer);
    const p = t.sectorIndex(best.product);
    const blocks = {};
    for (const origin of best.importsSubstitutedByOrigin.map((o) => o.origin)) {
      const m = t.importUse(origin);
      let total = 0;
      for (let k = 0; k < n; k++) {
        total += m[k * n + j];
        m[k * n + j] = 0;
      }
      m[p * n + j] = total;
      blocks[origin] = m;
    }
    const supplied = t.withImportUse(blocks);
    try {
      assert.equal(supplied.importBasis, "supplied");
      assert.deepEqual(supplied.importedProducts(best.buyer).map((p) => p.product), [best.product]);
    } finally {
      supplied.free();
    }
    blocks[best.importsSubstitutedByOrigin[0].origin][p * n + j] += 1e3;
    expectError(() => t.withImportUse(blocks), "InconsistentError", "inconsistent");
    expectError(() => t.withImportUse({ nowhere: new Float64Array(n * n) }), "UnknownLabelError", "unknown_label");
    expectError(() => t.importUse("nowhere"), "UnknownLabelError", "unknown_label");
    const e = t.importSubstitution(best.buyer, best.product, 0.1);
    assert.ok(Math.abs(e.retainedIncomeChange / best.retainedIncomeGain - 1) < 1e-9);
    const scenario = { name: "plug", changes: [{ type: "import_substitution", buyer: best.buyer, product: best.product, share: 0.1 }] };
    const after = t.applyScenario(scenario);
    const m = after.multipliers().output.typeI;
    after.free();
    m.forEach((v, k) => assert.ok(Math.abs(v / e.outputMultipliers[k] - 1) < 1e-10));
    const r = t.evaluateScenario(scenario);
    assert.ok(r.difference.retainedIncome > 0);
    const df = new Float64Array(t.n);
    df[t.sectorIndex("56")] = 10;
    const i = t.impact(df);
    assert.equal(i.output.totalDirect, 10);
    const b = t.businessFootprint({ name: "bakery", output: 2, valueAdded: 0.9, jobs: 30, localPurchases: [["10.6", 0.3], ["46", 0.2]], residentWages: 0.5 });
    assert.ok(b.totalOutput > b.ownOutput + 0.5 && b.totalJobs > 30);
    const c = t.localCurrency({ acceptance: [["47", 0.5], ["56", 0.5]], redemption: 1 });
    assert.ok(Math.abs(c.transactions - 1) < 1e-12);
  } finally {
    t.free();
  }
});

test("bad scenarios are typed", () => {
  const t = dataset("scotland-2019-sections");
  try {
    expectError(() => t.applyScenario({ name: "x", changes: [{ type: "import_substitution", buyer: "C", product: "A", share: 1.5 }] }), "OutOfRangeError", "out_of_range");
    expectError(() => t.applyScenario({ name: "x", changes: [{ type: "import_substitution", buyer: "C", product: "A", amount: 1e12 }] }), "OutOfRangeError", "out_of_range", /imports of A by C/);
    expectError(() => t.applyScenario({ name: "x", changes: [{ type: "demand", sector: "ZZ", amount: 1 }] }), "UnknownLabelError", "unknown_label");
    expectError(() => t.applyScenario({ name: "x", changes: [{ type: "demand", sector: "A", amout: 1 }] }), "InvalidInputError", "invalid_input", /amout/);
    // a field of another kind is refused with the kind's own fields (camelCase), a key no kind has with all
    const refused = (change) => {
      try {
        t.applyScenario({ name: "x", changes: [change] });
      } catch (e) {
        return e.message;
      }
      assert.fail("accepted");
    };
    assert.equal(refused({ type: "demand", sector: "A", amount: 1, localShare: 0.5 }), "invalid scenario: changes[0]: unknown field `localShare`, expected `sector` or `amount`");
    assert.match(refused({ type: "demand", sector: "A", amout: 1 }), /^invalid scenario: changes\[0\]: unknown field `amout`, expected one of `type`, `sector`, `amount`, `label`, `localShare`, /);
    assert.equal(refused({ label: "c", amount: 1, localShare: 0.5, pattern: "x", type: "spending", buyer: "A" }), "invalid scenario: changes[0]: unknown field `buyer`, expected one of `label`, `amount`, `localShare`, `pattern`");
    // the place of a value inside a change, its type given last
    assert.match(refused({ label: "c", amount: "ten", localShare: 0.5, pattern: "x", type: "spending" }), /^invalid scenario: changes\[0\]\.amount: invalid type: string "ten", expected f64$/);
    // the two-sector example has no import rows: there is nothing to substitute
    const mb = dataset("miller-blair-2sector");
    try {
      expectError(() => mb.importSubstitution("s1", "s2", 0.1), "OutOfRangeError", "out_of_range", /imports of s2 by s1/);
    } finally {
      mb.free();
    }
    expectError(() => t.localCurrency({ acceptance: [["A", 2]] }), "OutOfRangeError", "out_of_range");
  } finally {
    t.free();
  }
});

test("spending spread like a final-demand column adds up to the local part of the amount", () => {
  const t = dataset("scotland-2019-sections");
  try {
    const [label] = t.finalDemandColumns.find(([, kind]) => kind === "households");
    const f = t.spending(10, 0.4, label);
    assert.equal(f.length, 20);
    assert.ok(f.every((v) => v >= 0));
    assert.ok(Math.abs(f.reduce((a, b) => a + b, 0) - 4) < 1e-12);
    expectError(() => t.spending(10, 0.4, "nowhere"), "UnknownLabelError", "unknown_label", /nowhere/);
    expectError(() => t.spending(10, 1.4, label), "OutOfRangeError", "out_of_range", /localShare|local_share/);
  } finally {
    t.free();
  }
});
