// `localecon/report`: the module for a table's report alone, built from the same crate without
// the other bindings (a third of `localecon`'s download). Its calls are `localecon`'s, with
// the same names, and give the same results to the last bit; its tables are its own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import * as full from "localecon";
import * as report from "localecon/report";
import { expectError } from "./expect-error.js";

const NAMES = ["scotland-2019", "scotland-2019-sections", "glasgow-2019", "miller-blair-2sector", "australia-2021"];
const members = (cls) => Object.getOwnPropertyNames(cls.prototype).concat(Object.getOwnPropertyNames(cls)).sort();

test("its exports are a part of localecon's, with the same kinds and members", () => {
  const names = Object.keys(report).filter((k) => k !== "default");
  assert.ok(names.includes("RegionalTable") && names.includes("buildDataset") && names.includes("reportFromCsv"));
  for (const name of names) {
    assert.ok(name in full, `${name} is not in localecon`);
    assert.equal(typeof report[name], typeof full[name], name);
    if (typeof report[name] === "function" && report[name].prototype?.free) {
      const missing = members(report[name]).filter((m) => !members(full[name]).includes(m));
      assert.deepEqual(missing, [], `${name}: members localecon lacks`);
    }
  }
  // what it leaves out
  for (const name of ["Satellite", "InterregionalTable", "ClusterGraph", "SparseNetwork", "lm3"]) assert.ok(!(name in report), name);
  assert.ok(!("clusters" in report.RegionalTable.prototype) && !("leakRanking" in report.RegionalTable.prototype));
});

for (const name of NAMES) {
  test(`localecon/report/data/${name}: the table, report, multipliers, leakage and audit of localecon/data/${name}, to the bit`, async () => {
    const [a, b] = [(await import(`localecon/report/data/${name}`)).dataset(), (await import(`localecon/data/${name}`)).dataset()];
    try {
      assert.ok(a instanceof report.RegionalTable && !(a instanceof full.RegionalTable));
      assert.equal(a.toJson(), b.toJson());
      assert.deepStrictEqual(a.report(), b.report());
      assert.deepStrictEqual(a.multipliers(), b.multipliers());
      assert.deepStrictEqual(a.leakage(), b.leakage());
      assert.deepStrictEqual(a.audit(), b.audit());
      assert.equal(a.reportText(), b.reportText());
    } finally {
      a.free();
      b.free();
    }
  });
}

test("the stateless readers and the errors are localecon's", () => {
  const t = full.RegionalTable.fromArrays(new Float64Array([150, 500, 200, 100]), ["s1", "s2"], {
    finalDemand: [{ label: "f", kind: "other", values: [350, 1700] }],
    primaryInputs: [{ label: "va", kind: "compensation", values: [650, 1400] }],
  });
  const csv = t.toCsv();
  t.free();
  assert.deepStrictEqual(report.reportFromCsv(csv), full.reportFromCsv(csv));
  for (const m of [report, full]) {
    expectError(() => m.RegionalTable.fromArrays(new Float64Array([1, 2, 3]), ["a", "b"], {}), "ShapeError", "shape", /expected 4, found 3/);
    expectError(() => m.reportFromCsv("not a table"), "CsvError", "csv", /malformed CSV at line 2/);
  }
  assert.deepEqual(report.errorKinds(), full.errorKinds());
  // a freed table is the same typed error
  const r = report.RegionalTable.fromCsv(csv);
  r.free();
  expectError(() => r.report(), "InvalidInputError", "invalid_input", /was freed/);
});

test("a table of one module is refused by the other's calls with a typed error, not read", async () => {
  const { dataset } = await import("localecon/report/data/miller-blair-2sector");
  const t = dataset();
  try {
    expectError(() => full.Satellite.employment(t), "InvalidInputError", "invalid_input", /expected a RegionalTable of this module, found one of another localecon module \(localecon and localecon\/report cannot share objects/);
  } finally {
    t.free();
  }
});

test("its module is smaller than localecon's (printed, with both sizes)", () => {
  const size = (path) => {
    const bytes = readFileSync(new URL(path, import.meta.url));
    return { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const [r, f] = [size("../pkg/report/localecon_bg.wasm"), size("../pkg/localecon_bg.wasm")];
  console.log(`localecon/report: ${r.bytes} bytes, ${r.gzip} gzip -9; localecon: ${f.bytes} bytes, ${f.gzip} gzip -9`);
  assert.ok(r.gzip < f.gzip / 2, `${r.gzip} against ${f.gzip}`);
});
