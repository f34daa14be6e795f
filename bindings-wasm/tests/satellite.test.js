// Satellite accounts across the JavaScript boundary: employment and greenhouse gases per
// pound, the accounts identity, scenarios and bad input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Satellite, calibrate } from "../index.node.js";
import { dataset, datasetReport, satellite } from "../data.js";
import { expectError } from "./expect-error.js";

test("Scotland's FTE reproduces the published employment effects", () => {
  const t = dataset("scotland-2019");
  const s = Satellite.employment(t);
  try {
    const m = s.multipliers(t);
    assert.equal(m.stressors.length, 1);
    assert.equal(m.stressors[0].name, "employment");
    assert.match(m.stressors[0].unit, /^FTE/);
    // Agriculture, published Type I employment effect (FTE per £1m)
    assert.ok(Math.abs(m.effects[0].typeI[0] / 12.481377547380141 - 1) < 1e-6);
    const e = t.multipliers().employment;
    m.effects[0].typeI.forEach((v, j) => assert.ok(Math.abs(v - e.typeI[j]) <= 1e-12 * Math.max(1, Math.abs(e.typeI[j]))));
  } finally {
    s.free();
    t.free();
  }
});

test("the greenhouse-gas estimate: footprint inside and outside, accounts identity", () => {
  const t = dataset("scotland-2019");
  const s = satellite("scotland-2019");
  try {
    assert.deepEqual(s.names.slice(-1), ["GHG"]);
    assert.equal(typeof s.source, "string");
    assert.ok(s.assumptions.some((a) => a.includes("ESTIMATE")));
    const f = s.footprint(t);
    const k = f.stressors.findIndex((x) => x.name === "GHG");
    assert.deepEqual(f.byOrigin.map(([o]) => o), ["RUKImp", "RoWImp"]);
    let outsideSectors = 0;
    for (let j = 0; j < t.n; j++) {
      const outside = f.byOrigin.reduce((a, [, rows]) => a + rows[k][j], 0);
      assert.ok(outside >= 0 && f.local[k][j] >= 0);
      if (outside > 0) outsideSectors += 1;
    }
    // all but the industry with no output (tobacco) and households as employers (no purchases)
    assert.equal(outsideSectors, t.n - 2);
    const acc = s.accounts(t);
    for (const a of acc.stressors) {
      const eei = a.embodiedInImports.reduce((x, o) => x + o.amount, 0);
      const gap = a.consumption - a.production - (eei - a.embodiedInExports);
      assert.ok(Math.abs(gap - a.identityGap) <= 1e-9 * Math.max(1, Math.abs(a.production)), a.name);
    }
    // the report carries the figures in every sector, as the main command's JSON does
    const r = datasetReport("scotland-2019");
    assert.deepEqual(r.sectors[0].footprint.map((x) => x.stressor), s.names);
    assert.equal(r.satellite.accounts.at(-1).name, "GHG");
    assert.equal(datasetReport("scotland-2019-sections").satellite, undefined);
    assert.equal(satellite("miller-blair-2sector"), undefined);
  } finally {
    s.free();
    t.free();
  }
});

test("a scenario reports the change in jobs and emissions", () => {
  const t = dataset("scotland-2019");
  const s = satellite("scotland-2019");
  try {
    const r = t.evaluateScenarioWithSatellite(
      { name: "local food", changes: [{ type: "import_substitution", buyer: "56", product: "10.7", share: 0.2 }] },
      s,
    );
    const ghg = r.stressors.find((c) => c.name === "GHG");
    assert.ok(ghg.production > 0 && ghg.embodiedInImports < 0);
    assert.ok(r.stressors.find((c) => c.name === "employment").production > 0);
  } finally {
    s.free();
    t.free();
  }
});

test("user stressors, GWP characterisation, combinations and calibration", () => {
  const t = dataset("miller-blair-2sector");
  try {
    const s = new Satellite(t, {
      stressors: [
        { name: "CO2", unit: "t", gas: "co2", values: [50, 20], household: 30 },
        { name: "CH4", unit: "t", gas: "ch4", values: [2, 0] },
      ],
    });
    const g = s.characterise("GHG", "t CO2e", "ar4");
    assert.deepEqual(Array.from(g.intensities()).slice(4), [(50 + 25 * 2) / 1000, 20 / 2000]);
    const c = s.combine("twice", "t", { CO2: 2 });
    assert.equal(c.accounts(t).stressors.at(-1).production, 2 * (70 + 30));
    const caused = s.causedBy(t, [600, 1500]);
    assert.equal(caused.length, 4);
    for (const x of [s, g, c]) x.free();
    const cal = calibrate([1, 3, 2], [10, 10, 5], ["a", "a", "b"], { a: 80, b: 5 });
    assert.deepEqual(cal.intensities, [2, 6, 1]);
  } finally {
    t.free();
  }
});

test("bad stressors are typed errors naming the place", () => {
  const t = dataset("miller-blair-2sector");
  try {
    expectError(() => new Satellite(t, { stressors: [{ name: "CO2", unit: "t", values: [1] }] }), "ShapeError", "shape", /CO2/);
    expectError(() => new Satellite(t, { stressors: [{ name: "CO2", unit: "t", values: [1, -2] }] }), "NegativeValueError", "negative", /sector 1/);
    expectError(() => new Satellite(t, { stressors: [{ name: "CO2", unit: "t", values: [1, 2] }], importFactors: [{ origin: "Mars", stressor: "CO2", values: [1] }] }), "UnknownLabelError", "unknown_label", /Mars/);
    expectError(() => new Satellite(t, { stressors: [{ name: "X", unit: "t", gas: "smoke", values: [1, 2] }] }), "UnknownOptionError", "unknown_option", /smoke/);
    expectError(() => new Satellite(t, { stressors: [{ name: "X", unit: "t", valeus: [1, 2] }] }), "InvalidInputError", "invalid_input", /valeus/);
    const hfc = new Satellite(t, { stressors: [{ name: "HFC", unit: "t", gas: "hfc", values: [1, 2] }] });
    expectError(() => hfc.characterise("GHG", "t CO2e", "ar5"), "InconsistentError", "inconsistent", /family/);
    expectError(() => hfc.characterise("GHG", "t CO2e", "ar9"), "UnknownOptionError", "unknown_option", /ar5/);
    hfc.free();
    expectError(() => calibrate([1, 2], [1, 1], ["a", "b"], { a: 1 }), "MissingDataError", "missing_data", /cover/);
  } finally {
    t.free();
  }
  const scot = dataset("scotland-2019");
  try {
    // an amount in a sector with no output has no intensity
    const values = Array.from(scot.output, (x) => (x === 0 ? 5 : 0));
    expectError(() => new Satellite(scot, { stressors: [{ name: "CO2", unit: "t", values }] }), "InconsistentError", "inconsistent", /output is 0/);
  } finally {
    scot.free();
  }
});
