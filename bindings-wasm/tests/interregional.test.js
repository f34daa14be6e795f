// Interregional tables across the JavaScript boundary: parts in, plain results out, errors
// naming the region and sector, and the same numbers whichever way the system is built.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { InterregionalTable, RegionalTable } from "../index.node.js";
import { expectError } from "./expect-error.js";

const fixture = (name) => JSON.parse(readFileSync(new URL(`../../tests/fixtures/${name}.json`, import.meta.url), "utf8"));
const doc = fixture("ir_miller_blair_ch3").interregional;

function parts() {
  // Miller & Blair's system with final demand (bought by r) and value added, as parts
  const n = 5;
  const z = new Float64Array(doc.z.flat());
  const rowSums = doc.z.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: n }, (_, j) => doc.z.reduce((a, row) => a + row[j], 0));
  return {
    name: "two regions",
    regions: [{ name: "r", sectors: ["1", "2", "3"] }, { name: "s", sectors: [{ code: "1", name: "one" }, "2"] }],
    z,
    finalDemand: [{ label: "households r", region: "r", kind: "households", values: doc.output.map((x, i) => x - rowSums[i]) }],
    primaryInputs: [{ label: "wages", kind: "compensation", values: doc.output.map((x, j) => x - colSums[j]) }],
  };
}

test("the constructor and fromJson give the same system to the last bit", () => {
  const a = new InterregionalTable(parts());
  const b = InterregionalTable.fromJson(JSON.stringify(doc));
  const c = InterregionalTable.fromJson(new TextEncoder().encode(a.toJson()));
  try {
    assert.deepEqual(a.index, [["r", "1"], ["r", "2"], ["r", "3"], ["s", "1"], ["s", "2"]]);
    assert.deepEqual(a.regions, ["r", "s"]);
    assert.equal(a.n, 5);
    assert.deepEqual([a.name, c.name, a.unit, c.unit], ["two regions", "two regions", "money units", "money units"]);
    assert.deepEqual(Array.from(a.z), Array.from(c.z));
    assert.deepEqual(Array.from(a.z), Array.from(parts().z));
    assert.deepEqual(a.output, b.output);
    assert.deepEqual(a.decomposition(), b.decomposition());
    assert.deepEqual(c.decomposition(), a.decomposition());
    // without Round's terms: the same numbers to the last bit, the Round fields empty
    const quick = a.decomposition(false);
    const full = a.decomposition();
    assert.deepEqual(quick.roundSpillover, []);
    for (const k of ["total", "intra_regional", "single_region", "feedback", "returned_per_leak"]) assert.deepEqual(quick[k], full[k]);
    assert.deepEqual(a.leontiefInverse(), b.leontiefInverse());
  } finally {
    a.free();
    b.free();
    c.free();
  }
});

test("results hold the decomposition identities and the region table is a RegionalTable", () => {
  const t = new InterregionalTable(parts());
  try {
    const d = t.decomposition();
    d.total.forEach((x, j) => {
      assert.ok(Math.abs(d.intraRegional[j] + d.spillover[j] - x) <= 1e-14 * x);
      assert.ok(d.feedback[j] >= 0);
    });
    const i = t.impact([100, 0, 0, 0, 50]);
    assert.equal(i.byRegion.length, 2);
    assert.ok(Math.abs(i.byRegion[0] + i.byRegion[1] - i.output.reduce((a, b) => a + b, 0)) < 1e-9);
    const r = t.regionTable("s");
    try {
      assert.ok(r instanceof RegionalTable);
      assert.deepEqual(r.codes, ["1", "2"]);
    } finally {
      r.free();
    }
    const m = t.miyazawa("s");
    assert.equal(m.internal.length, 2);
    const e = t.extraction("r");
    assert.ok(e.total >= Math.max(e.backward, e.forward) && e.forward > 0);
    assert.equal(t.returns().length, 2);
    assert.equal(t.roundMatrices().m1.length, 5);
    assert.equal(t.spilloverMatrix().length, 25);
  } finally {
    t.free();
  }
});

test("bad input is a typed error naming the region and sector", () => {
  const p = parts();
  p.z[3 * 5 + 1] = NaN;
  expectError(() => new InterregionalTable(p), "NonFiniteError", "non_finite", /Z\[s\/1, r\/2\]/);
  expectError(() => new InterregionalTable({ ...parts(), zz: 1 }), "InvalidInputError", "invalid_input", /unknown field `zz`/);
  const dup = parts();
  dup.regions[1].name = "r";
  expectError(() => new InterregionalTable(dup), "InvalidLabelError", "invalid_label", /duplicate/);
  const t = new InterregionalTable(parts());
  try {
    expectError(() => t.extraction("nowhere"), "UnknownLabelError", "unknown_label", /nowhere/);
    expectError(() => t.impact([1, 2]), "ShapeError", "shape");
    expectError(() => t.accounts([{ label: "CO2", values: [1, 2, 3, 4, 5] }]), "InvalidInputError", "invalid_input", /same sectors/);
  } finally {
    t.free();
  }
  expectError(() => InterregionalTable.fromJson(new Uint8Array([0xff, 0xfe, 0x7b])), "JsonError", "json");
});

test("Scotland and the rest of the UK: the same table as in Rust and Python", async () => {
  const { interregionalDataset } = await import("../data.js");
  const t = interregionalDataset("scotland-ruk-2019");
  try {
    assert.deepEqual(t.regions, ["Scotland", "Rest of UK"]);
    assert.equal(t.n, 40);
    const [scotland] = t.returns();
    // core/tests/scotland_ruk.rs: 15.6p of each pound leaks to the rest of the UK, 2.5p of it returns
    assert.ok(Math.abs(scotland.leakToOtherRegions - 0.156) < 5e-4);
    assert.ok(Math.abs(scotland.returnedPerLeak - 0.0246) < 5e-4);
    assert.match(JSON.parse(t.toJson()).source, /ESTIMATE/);
  } finally {
    t.free();
  }
  expectError(() => interregionalDataset("england-2019"), "UnknownOptionError", "unknown_option", /scotland-ruk-2019/);
  // Type II with census commuting: the same numbers whichever language (Python's test asserts them too)
  const { interregionalHouseholds } = await import("../data.js");
  const u = interregionalDataset("scotland-ruk-2019");
  try {
    const h = interregionalHouseholds("scotland-ruk-2019", u);
    const ii = u.typeII(h);
    assert.ok(Math.abs(ii.wagesToOtherRegions[0] - 0.0145) < 1e-4);
    assert.ok(ii.typeII.every((v, j) => v > ii.typeI[j]));
    expectError(() => u.typeII({ shares: [[0.9, 0], [0.3, 1]] }), "OutOfRangeError", "out_of_range", /Scotland/);
    expectError(() => u.typeII({ shares: [[1, 0], [0, 1]], wages: 1 }), "InvalidInputError", "invalid_input", /wages/);
  } finally {
    u.free();
  }
});

test("a council inside Scotland inside the UK: the leak split by where it goes", async () => {
  const { interregionalDataset, interregionalHouseholds } = await import("../data.js");
  const t = interregionalDataset("three-region-2019:Glasgow City");
  try {
    assert.deepEqual(t.regions, ["Glasgow City", "Rest of Scotland", "Rest of UK"]);
    assert.equal(t.n, 3 * 94);
    const dest = t.leakDestinations();
    const returns = t.returns();
    // core/tests/council_ruk.rs: 9.4p to the rest of Scotland, 13.6p to the rest of the UK
    assert.ok(Math.abs(dest.leak[0][1] - 0.0944) < 5e-4);
    assert.ok(Math.abs(dest.leak[0][2] - 0.1356) < 5e-4);
    dest.leak.forEach((row, r) => {
      assert.equal(row[r], 0);
      assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - returns[r].leakToOtherRegions) < 1e-12);
    });
    const h = interregionalHouseholds("three-region-2019:Glasgow City", t);
    assert.equal(h.shares.length, 3);
    assert.ok(t.typeII(h).wagesToOtherRegions[0] > 0);
  } finally {
    t.free();
  }
  expectError(() => interregionalDataset("three-region-2019:Atlantis"), "UnknownLabelError", "unknown_label", /Atlantis/);
});

test("how an embedded table was built: clipped cells and assumptions, as in Python", async () => {
  const { interregionalBuild } = await import("../data.js");
  const b = interregionalBuild("scotland-ruk-2019");
  try {
    assert.deepEqual(b.table.regions, ["Scotland", "Rest of UK"]);
    // core/tests/scotland_ruk.rs: 21 cells, £40.5m
    assert.equal(b.clipped.length, 21);
    assert.ok(Math.abs(b.clippedTotal - 40.49) < 0.01);
    assert.ok(b.clipped.every((c) => c.value < 0 && c.part.length > 0));
    assert.ok(b.assumptions.some((a) => a.startsWith("ESTIMATE")));
  } finally {
    b.table.free();
  }
  expectError(() => interregionalBuild("england-2019"), "UnknownOptionError", "unknown_option", /three-region-2019/);
});
