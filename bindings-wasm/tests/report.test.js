// The region report across the JavaScript boundary: plain objects, and the stages by progress.
import { test } from "node:test";
import assert from "node:assert/strict";
import { reportFromJson, warmUp } from "../index.node.js";
import { dataset, datasetReport } from "../data.js";

test("stateless report functions return plain objects", () => {
  const r = datasetReport("scotland-2019");
  assert.equal(r.format, "localecon-report");
  assert.equal(r.sectors.length, 98);
  for (const key of ["code", "name", "outputMultiplierTypeI", "outputMultiplierTypeII",
    "incomeEffectTypeI", "gvaEffectTypeI", "leakageShare", "retentionShare"]) {
    assert.ok(key in r.sectors[0], key);
  }
  assert.equal(JSON.parse(JSON.stringify(r)).region, "Scotland 2019", "structured-clone/JSON safe");
  const t = dataset("miller-blair-2sector");
  const r2 = reportFromJson(t.toJson());
  t.free();
  assert.equal(r2.nSectors, 2);
});

test("report(progress) names each stage and gives the report without it", () => {
  const t = dataset("scotland-2019");
  try {
    const seen = [];
    const r = t.report((stage, done) => seen.push([stage, done]));
    assert.deepEqual(
      seen.map(([s]) => s),
      ["factorising I − A", "closing the model with households", "multipliers", "leakage",
        "circulation", "audit", "done"],
    );
    assert.deepEqual(seen.map(([, d]) => d), [0, 0.2, 0.4, 0.55, 0.7, 0.9, 1]);
    assert.deepEqual(r, t.report());
    // an exception in the callback comes back to the caller
    assert.throws(() => t.report(() => { throw new RangeError("stop"); }), RangeError);
    assert.equal(t.report().nSectors, 98, "the table still answers");
  } finally {
    t.free();
  }
});

test("warmUp() runs a small table through the report path and changes no result", () => {
  const before = datasetReport("glasgow-2019");
  assert.equal(warmUp(), undefined);
  assert.equal(warmUp(), undefined, "it can run again: nothing is kept");
  assert.deepStrictEqual(datasetReport("glasgow-2019"), before);
});
