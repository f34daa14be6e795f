// Scenarios and the local currency across the JavaScript boundary.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RegionalTable } from "../index.node.js";
import { dataset } from "../data.js";
import { expectError } from "./expect-error.js";

test("ranking, rank-one update and scenario agree", () => {
  const t = dataset("glasgow-2019");
  try {
    const [best] = t.leakRanking(0.1, "all", 1);
    const capped = t.leakRanking(0.1, "existing_suppliers", 3);
    assert.ok(capped.every((o) => o.imports_substituted <= o.existing_purchases * (1 + 1e-12)));
    const e = t.importSubstitution(best.buyer, best.supplier, 0.1);
    assert.ok(Math.abs(e.retained_income_change / best.retained_income_gain - 1) < 1e-9);
    const scenario = { name: "plug", changes: [{ type: "import_substitution", buyer: best.buyer, supplier: best.supplier, share: 0.1 }] };
    const after = t.applyScenario(scenario);
    const m = after.multipliers().output.type_i;
    after.free();
    m.forEach((v, k) => assert.ok(Math.abs(v / e.output_multipliers[k] - 1) < 1e-10));
    const r = t.evaluateScenario(scenario);
    assert.ok(r.difference.retained_income > 0);
    const df = new Float64Array(t.n);
    df[t.sectorIndex("56")] = 10;
    const i = t.impact(df);
    assert.equal(i.output.total_direct, 10);
    const b = t.businessFootprint({ name: "bakery", output: 2, value_added: 0.9, jobs: 30, local_purchases: [["10.6", 0.3], ["46", 0.2]], resident_wages: 0.5 });
    assert.ok(b.total_output > b.own_output + 0.5 && b.total_jobs > 30);
    const c = t.localCurrency({ acceptance: [["47", 0.5], ["56", 0.5]], redemption: 1 });
    assert.ok(Math.abs(c.transactions - 1) < 1e-12);
  } finally {
    t.free();
  }
});

test("bad scenarios are typed", () => {
  const t = dataset("scotland-2019-sections");
  try {
    expectError(() => t.applyScenario({ name: "x", changes: [{ type: "import_substitution", buyer: "C", supplier: "A", share: 1.5 }] }), "OutOfRangeError", "out_of_range");
    expectError(() => t.applyScenario({ name: "x", changes: [{ type: "import_substitution", buyer: "C", supplier: "A", amount: 1e12 }] }), "OutOfRangeError", "out_of_range", /imports of C/);
    expectError(() => t.applyScenario({ name: "x", changes: [{ type: "demand", sector: "ZZ", amount: 1 }] }), "UnknownLabelError", "unknown_label");
    expectError(() => t.applyScenario({ name: "x", changes: [{ type: "demand", sector: "A", amout: 1 }] }), "InvalidInputError", "invalid_input", /amout/);
    expectError(() => t.leakRanking(2), "OutOfRangeError", "out_of_range");
    expectError(() => t.localCurrency({ acceptance: [["A", 2]] }), "OutOfRangeError", "out_of_range");
  } finally {
    t.free();
  }
});
