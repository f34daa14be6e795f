// The JavaScript boundary: tables from typed arrays, JSON and CSV; plain-object results;
// errors as Error objects with name and code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RegionalTable } from "../index.node.js";
import { SCOTLAND_2019_ATTRIBUTION, dataset, datasetNames } from "../data.js";
import { expectError } from "./expect-error.js";

const Z = new Float64Array([150, 500, 200, 100]);
const OPTIONS = {
  finalDemand: [{ label: "f", kind: "other", values: [350, 1700] }],
  primaryInputs: [{ label: "va", kind: "compensation", values: [650, 1400] }],
};

test("fromArrays reproduces Miller & Blair", () => {
  const t = RegionalTable.fromArrays(Z, ["s1", "s2"], OPTIONS);
  try {
    assert.deepEqual(Array.from(t.output), [1000, 2000]);
    const m = t.multipliers();
    assert.ok(Math.abs(m.output.typeI[0] - 1.518151815) < 1e-9);
    assert.equal(m.output.typeII, null, "no household column, no Type II");
    const x = t.solve(new Float64Array([600, 1500]));
    assert.ok(Math.abs(x[0] - 1247.524752) < 1e-6 && Math.abs(x[1] - 1841.584158) < 1e-6);
  } finally {
    t.free();
  }
});

test("plain arrays work as well as typed arrays", () => {
  const t = RegionalTable.fromArrays([150, 500, 200, 100], ["s1", "s2"], OPTIONS);
  assert.equal(t.n, 2);
  t.free();
});

test("the Scotland table is embedded, with its attribution", () => {
  assert.ok(datasetNames().includes("scotland-2019"));
  const t = dataset("scotland-2019");
  try {
    assert.equal(t.n, 98);
    assert.match(t.source, /Open Government Licence v3\.0/);
    const m = t.multipliers();
    // published 1.5008121748 and 1.6294261185 (relative 1e-6, as in the fixtures)
    assert.ok(Math.abs(m.output.typeI[0] / 1.5008121748157823 - 1) < 1e-6);
    assert.ok(Math.abs(m.output.typeII[0] / 1.629426118460709 - 1) < 1e-6);
    const l = t.leakage();
    for (let j = 0; j < 98; j++) {
      if (t.output[j] > 0) assert.ok(Math.abs(l.leakage[j] + l.retention[j] - 1) < 1e-12);
    }
    const audit = t.audit();
    assert.deepEqual(audit.zeroOutputSectors, ["12"]);
    assert.match(t.reportText(), /Scotland 2019/);
  } finally {
    t.free();
  }
  assert.match(SCOTLAND_2019_ATTRIBUTION, /Open Government Licence/);
});

test("JSON and CSV round trips", () => {
  const t = dataset("scotland-2019-sections");
  const a = RegionalTable.fromJson(t.toJson());
  const b = RegionalTable.fromCsv(t.toCsv());
  assert.equal(a.toJson(), t.toJson());
  assert.equal(b.toJson(), t.toJson());
  [t, a, b].forEach((x) => x.free());
});

test("a file's bytes: UTF-8, UTF-16 with a byte-order mark, a semicolon export; Windows-1252 refused", () => {
  const t = dataset("miller-blair-2sector");
  const csv = t.toCsv();
  const utf8 = RegionalTable.fromCsv(new TextEncoder().encode(csv));
  const units = Array.from(csv, (c) => c.charCodeAt(0));
  const le = new Uint8Array(2 + 2 * units.length);
  le.set([0xff, 0xfe]);
  units.forEach((u, i) => le.set([u & 0xff, u >> 8], 2 + 2 * i));
  const utf16 = RegionalTable.fromCsv(le);
  const json = RegionalTable.fromJson(new TextEncoder().encode(t.toJson()));
  const semicolon = RegionalTable.fromCsv(csv.split("\n").map((l) => (l.startsWith("#") ? l : l.replace(/,/g, ";"))).join("\n"));
  for (const x of [utf8, utf16, json, semicolon]) {
    assert.equal(x.toJson(), t.toJson());
    x.free();
  }
  const latin1 = new TextEncoder().encode(csv.replace("sector,s1,", "sector,s1,Caf\u00e9 "));
  const at = latin1.findIndex((b, i) => b === 0xc3 && latin1[i + 1] === 0xa9);
  const bad = new Uint8Array([...latin1.slice(0, at), 0xe9, ...latin1.slice(at + 2)]);
  expectError(() => RegionalTable.fromCsv(bad), "CsvError", "csv", /byte 0xE9 .* is not UTF-8/);
  expectError(() => RegionalTable.fromCsv(42), "InvalidInputError", "invalid_input", /found number/);
  t.free();
});

test("bad input: wrong length of a JavaScript array", () => {
  expectError(() => RegionalTable.fromArrays(new Float64Array([1, 2, 3]), ["a", "b"], OPTIONS), "ShapeError", "shape", /expected 4, found 3/);
});

test("bad input: NaN names its cell", () => {
  expectError(() => RegionalTable.fromArrays(new Float64Array([150, NaN, 200, 100]), ["s1", "s2"], OPTIONS), "NonFiniteError", "non_finite", /Z\[0, 1\]/);
});

test("bad input: negative flow", () => {
  expectError(() => RegionalTable.fromArrays(new Float64Array([150, -500, 200, 100]), ["s1", "s2"], OPTIONS), "NegativeValueError", "negative", /-500/);
});

test("bad input: duplicate and unknown labels", () => {
  expectError(() => RegionalTable.fromArrays(Z, ["s1", "s1"], OPTIONS), "InvalidLabelError", "invalid_label", /duplicate/);
  expectError(() => dataset("atlantis"), "UnknownOptionError", "unknown_option", /scotland-2019/);
  const t = dataset("scotland-2019");
  assert.equal(t.sectorIndex("10.7"), 12);
  expectError(() => t.sectorIndex("99.9"), "UnknownLabelError", "unknown_label", /"99\.9"/);
  t.free();
});

test("bad input: unknown kind and misspelt option", () => {
  expectError(() => RegionalTable.fromArrays(Z, ["s1", "s2"], { ...OPTIONS, finalDemand: [{ label: "f", kind: "tourists", values: [350, 1700] }] }), "UnknownOptionError", "unknown_option", /exports_visitors/);
  expectError(() => RegionalTable.fromArrays(Z, ["s1", "s2"], { ...OPTIONS, finalDemnd: [] }), "InvalidInputError", "invalid_input", /finalDemnd/);
});

test("bad input: unbalanced table", () => {
  const opts = { ...OPTIONS, finalDemand: [{ label: "f", kind: "other", values: [450, 1700] }] };
  expectError(() => RegionalTable.fromArrays(Z, ["s1", "s2"], opts), "UnbalancedError", "unbalanced", /s1/);
  RegionalTable.fromArrays(Z, ["s1", "s2"], { ...opts, balanceTolerance: 0.2 }).free();
});

test("bad input: non-productive table", () => {
  const t = RegionalTable.fromArrays(new Float64Array([1050, 500, 200, 100]), ["s1", "s2"], {
    finalDemand: [{ label: "f", kind: "other", values: [-550, 1700] }],
    primaryInputs: [{ label: "va", kind: "compensation", values: [0, 1400] }, { label: "sub", kind: "taxes_on_products", values: [-250, 0] }],
  });
  expectError(() => t.multipliers(), "NonProductiveError", "non_productive", /spectral radius/);
  t.free();
});

test("bad input: malformed JSON, wrong version, malformed CSV", () => {
  expectError(() => RegionalTable.fromJson("{oops"), "JsonError", "json", /line 1/);
  const t = dataset("miller-blair-2sector");
  const doc = JSON.parse(t.toJson());
  const csv = t.toCsv();
  t.free();
  doc.version = 9;
  expectError(() => RegionalTable.fromJson(JSON.stringify(doc)), "UnsupportedVersionError", "unsupported_version", /version 9/);
  expectError(() => RegionalTable.fromCsv(csv.replace("150", "1x0")), "CsvError", "csv", /not a number/);
});

test("bad input: Type II without a household column", () => {
  const t = dataset("miller-blair-2sector");
  expectError(() => t.closedLeakage(), "MissingDataError", "missing_data");
  t.free();
});

test("a table shows what it is made of: unit, Z row-major, final-demand columns and primary-input rows", () => {
  const t = RegionalTable.fromArrays(Z, ["s1", "s2"], OPTIONS);
  try {
    assert.equal(typeof t.unit, "string");
    assert.deepEqual(Array.from(t.z), Array.from(Z));
    assert.deepEqual(t.finalDemandColumns, [["f", "other"]]);
    assert.deepEqual(t.primaryInputRows, [["va", "compensation"]]);
  } finally {
    t.free();
  }
});
