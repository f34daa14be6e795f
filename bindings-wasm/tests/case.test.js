// One naming convention across the JavaScript boundary (src/case): every key of every result
// in camelCase, camelCase keys read back into the core's fields at any depth, unknown keys
// refused by name; values (codes, channel names, change types) and the JSON files unchanged.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RegionalTable, InterregionalTable, calibrate, lm3, reportFromJson } from "../index.node.js";
import { dataset } from "../data.js";
import { expectError } from "./expect-error.js";

const CAMEL = /^[a-z][a-zA-Z0-9]*$/;
// fields whose values are maps keyed by data (channel names, sector codes), not by fields
const DATA_MAPS = new Set(["leakageByChannel", "closedLeakageByChannel"]);

/** Every key of every plain object under `v` that is not camelCase, with its path. */
function notCamel(v, path = "result", out = []) {
  if (Array.isArray(v)) v.forEach((x, k) => notCamel(x, `${path}[${k}]`, out));
  else if (v !== null && typeof v === "object" && !ArrayBuffer.isView(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (!CAMEL.test(k)) out.push(`${path}.${k}`);
      if (!DATA_MAPS.has(k)) notCamel(x, `${path}.${k}`, out);
    }
  }
  return out;
}

test("every key of every result is camelCase, at any depth", () => {
  const t = dataset("glasgow-2019");
  try {
    const results = {
      report: t.report(),
      multipliers: t.multipliers(),
      leakage: t.leakage(),
      audit: t.audit(),
      ranking: t.leakRanking({ topK: 3 }),
      scenario: t.evaluateScenario({ name: "s", changes: [{ type: "demand", sector: "47", amount: 1 }] }),
      currency: t.localCurrency({ acceptance: [["47", 0.5]], holdingDays: 10 }),
      ena: t.ena("open", { topCycles: 2 }),
      linkages: t.linkages(),
      lm3: lm3({ income: 100, spending: [{ label: "a", amount: 50, localShare: 0.5, respendLocalShare: 0.4 }] }),
    };
    for (const [name, r] of Object.entries(results)) assert.deepEqual(notCamel(r, name), [], name);
    // the words are the Rust and Python names: Type II keeps its numeral
    const s = results.report.sectors[0];
    assert.ok("outputMultiplierTypeII" in s && "leakageByChannel" in s && "retentionShare" in s);
    assert.ok(results.multipliers.output.typeII.length === t.n);
    // values are not renamed: channel names and change types are the same strings everywhere
    assert.ok(Object.keys(s.leakageByChannel).includes("imports_rest_of_world"));
    assert.equal(results.scenario.scenario.changes[0].type, "demand");
  } finally {
    t.free();
  }
});

test("the JSON text is the file every language reads: snake_case, unchanged", () => {
  const t = dataset("miller-blair-2sector");
  try {
    const doc = JSON.parse(t.toJson());
    assert.ok("final_demand" in doc && "primary_inputs" in doc && !("finalDemand" in doc));
    // and that text reads back into the same table
    const back = RegionalTable.fromJson(t.toJson());
    try {
      assert.deepEqual(back.report(), t.report());
    } finally {
      back.free();
    }
  } finally {
    t.free();
  }
});

test("camelCase keys are read into the core's fields at any depth; snake_case is refused", () => {
  const t = dataset("glasgow-2019");
  try {
    const change = { type: "spending", label: "procurement", amount: 10, localShare: 1, pattern: "FD_LOCGOV" };
    const r = t.evaluateScenario({ name: "s", changes: [change] });
    assert.ok(r.difference.retainedIncome > 0, "a nested camelCase key (localShare) was read");
    // the same key in Rust's spelling is not a JavaScript key
    expectError(() => t.localCurrency({ acceptance: [["47", 0.5]], holding_days: 10 }), "InvalidInputError", "invalid_input",
      /unknown field `holding_days`, expected one of .*`holdingDays`/);
    // an unknown key is refused at any depth, not only at the top, and its place is named
    expectError(() => t.leakRanking({ topK: 3, exclude: ["47"], extra: 1 }), "InvalidInputError", "invalid_input", /unknown field `extra`/);
    expectError(() => lm3({ income: 100, spending: [{ label: "a", amount: 1, localShare: 0.5, respendLocalShare: 0.4, typo: 1 }] }),
      "InvalidInputError", "invalid_input", /spending\[0\]: unknown field `typo`/);
    expectError(() => t.localCurrency({ acceptance: [["47", 0.5]], holdingDays: "ten" }), "InvalidInputError", "invalid_input", /holdingDays: invalid type/);
    expectError(() => t.localCurrency("fast"), "InvalidInputError", "invalid_input", /expected an object/);
    // a label's value is named by the label, as a field's by the field
    const totals = { energy: 5, other: "one" };
    expectError(() => calibrate(new Float64Array([1, 2]), new Float64Array([1, 1]), ["energy", "other"], totals),
      "InvalidInputError", "invalid_input", /^invalid totals: other: invalid type/);
  } finally {
    t.free();
  }
});

test("an error names the field as JavaScript spells it", () => {
  const t = dataset("glasgow-2019");
  try {
    expectError(() => t.leakRanking({ maxOutputIncrease: -0.1 }), "OutOfRangeError", "out_of_range", /at maxOutputIncrease: expected/);
    expectError(() => t.leakRanking({ topK: 0 }), "OutOfRangeError", "out_of_range", /at topK: expected at least 1/);
    expectError(() => t.localCurrency({ acceptance: [["47", 0.5]], holdingDays: -1 }), "OutOfRangeError", "out_of_range", /at holdingDays:/);
    // a path keeps its labels and indices; only identifiers are respelt
    expectError(() => lm3({ income: 1, spending: [{ label: "x", amount: 1, localShare: 2, respendLocalShare: 0 }] }), "OutOfRangeError", "out_of_range", /localShare/);
    // a file's text keeps the file's spelling: the place is where the reader looks in the file
    const doc = JSON.parse(t.toJson());
    doc.retention = { operating_surplus: 1.5 };
    const text = JSON.stringify(doc);
    expectError(() => RegionalTable.fromJson(text), "OutOfRangeError", "out_of_range", /at retention\.operating_surplus: expected/);
    expectError(() => reportFromJson(text), "OutOfRangeError", "out_of_range", /at retention\.operating_surplus: expected/);
  } finally {
    t.free();
  }
});

test("a key given as undefined is absent, at any depth, as TypeScript's optional properties have it", () => {
  const t = dataset("glasgow-2019");
  try {
    assert.deepEqual(t.leakRanking({ topK: undefined, share: undefined }), t.leakRanking());
    const design = { acceptance: [["47", 0.5]], fee: undefined, holdingDays: 10 };
    assert.deepEqual(t.localCurrency(design), t.localCurrency({ acceptance: [["47", 0.5]], holdingDays: 10 }));
    assert.ok("fee" in design, "the caller's object is not changed");
    const change = { type: "demand", sector: "47", amount: 1, note: undefined };
    assert.deepEqual(t.evaluateScenario({ name: "s", changes: [change] }).difference,
      t.evaluateScenario({ name: "s", changes: [{ type: "demand", sector: "47", amount: 1 }] }).difference);
    // null is a value, not an absence: refused where a number is required
    expectError(() => t.leakRanking({ topK: null }), "InvalidInputError", "invalid_input", /topK: invalid type/);
  } finally {
    t.free();
  }
});

test("an interregional table's parts: camelCase, z read once, unknown keys named", () => {
  const parts = {
    regions: [{ name: "A", sectors: ["s1"] }, { name: "B", sectors: ["s1"] }],
    z: new Float64Array([10, 5, 5, 10]),
    output: [100, 100],
    allowPurchasesAboveOutput: false,
  };
  const t = new InterregionalTable(parts);
  t.free();
  expectError(() => new InterregionalTable({ ...parts, allow_purchases_above_output: false }), "InvalidInputError", "invalid_input",
    /unknown field `allow_purchases_above_output`, expected one of `regions`, `z`, `finalDemand`/);
  expectError(() => new InterregionalTable({ regions: parts.regions, output: parts.output }), "InvalidInputError", "invalid_input", /missing field `z`/);
});
