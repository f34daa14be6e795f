// The catalogue of bad inputs, from JavaScript: every case throws an Error with its code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { RegionalTable, InterregionalTable, Satellite, ClusterGraph, MapFlows, calibrate, ras, enaAnalysis, lm3 } from "../../bindings-wasm/index.node.js";
import { dataset, interregionalDataset, councilUncertainty } from "../../bindings-wasm/data.js";

const { cases } = JSON.parse(readFileSync(new URL("../fixtures/catalogue/bad_inputs.json", import.meta.url), "utf8"));
const special = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };
const numbers = (v) => new Float64Array(v.map((x) => (typeof x === "string" ? special[x] : x)));
// every key in JavaScript's spelling, unknown keys included (a misspelt option must reach the reader)
const camelKeys = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/_([a-z])/g, (_, x) => x.toUpperCase()), v]));
const camel = (s) => camelKeys({ ...s, spending: Array.isArray(s.spending) ? s.spending.map(camelKeys) : camelKeys(s.spending) });

function then(t, op) {
  const scenario = (change) => t.applyScenario({ name: "bad", changes: [change] }).free();
  const ops = {
    multipliers: () => t.multipliers(),
    closed_leakage: () => t.closedLeakage(),
    currency_acceptance_2: () => t.localCurrency({ acceptance: [["s1", 2]] }),
    currency_unknown_account: () => t.localCurrency({ acceptance: [["zz", 0.5]] }),
    regionalize_too_many_jobs: () => t.regionalize(new Float64Array([10, 10]), new Float64Array([20, 5])).free(),
    regionalize_delta: () => t.regionalize(new Float64Array([10, 10]), new Float64Array([5, 5]), { delta: 1.5 }).free(),
    regionalize_zero_national: () => t.regionalize(new Float64Array([0, 0]), new Float64Array([0, 0])).free(),
    regionalize_resident_share: () => t.regionalize(new Float64Array([10, 10]), new Float64Array([5, 5]), { residentCompensationShare: 1.5 }).free(),
    regionalize_surplus_length: () => t.regionalize(new Float64Array([10, 10]), new Float64Array([5, 5]), { localSurplusShare: [0.5, 0.5, 0.5] }).free(),
    regionalize_surplus_negative: () => t.regionalize(new Float64Array([10, 10]), new Float64Array([5, 5]), { localSurplusShare: [0.5, -0.5] }).free(),
    regionalize_sector_without_jobs: () => {
      const r = t.regionalize(new Float64Array([10, 0]), new Float64Array([5, 0]));
      try {
        assert.match(r.source, /ASSUMPTION: no national employment in s2:/);
      } finally {
        r.free();
      }
    },
    scenario_unknown_sector: () => scenario({ type: "demand", sector: "zz", amount: 1 }),
    scenario_too_much: () => scenario({ type: "import_substitution", buyer: "s1", product: "s2", amount: 1e6 }),
    scenario_share: () => scenario({ type: "import_substitution", buyer: "s1", product: "s2", share: 1.5 }),
    ranking_share_0: () => t.leakRanking({ share: 0 }),
    ranking_cap_negative: () => t.leakRanking({ maxOutputIncrease: -0.1 }),
    ranking_exclude_unknown: () => t.leakRanking({ exclude: ["zz"] }),
    ranking_default: () => t.leakRanking().opportunities,
    substitution_not_imported: () => t.importSubstitution("s1", "s2", 0.1),
    scenario_zero_output: () => scenario({ type: "demand", sector: "s3", amount: 1 }),
    impact_zero_output: () => t.impact(new Float64Array([0, 0, 1])),
    substitution_zero_output: () => t.importSubstitution("s2", "s3", 0.1),
    paths_cutoff: () => t.structuralPaths("s1", "value_added", 0),
    extract_unknown: () => t.hypotheticalExtraction("zz"),
    fci_closure_typo: () => t.fci("household"),
  };
  return ops[op]();
}

// the catalogue's satellite on `t`, characterised if asked, with its accounts and footprint
function satellite(t, spec) {
  const sat = new Satellite(t, {
    stressors: spec.stressors.map((s) => ({ ...s, values: Array.from(numbers(s.values)) })),
    importFactors: spec.import_factors.map((f) => ({ ...f, values: Array.from(numbers(f.values)) })),
  });
  let characterised;
  try {
    characterised = spec.characterise ? sat.characterise("GHG", "kt CO2e", spec.characterise) : undefined;
    const s = characterised ?? sat;
    assert.ok(s.accounts(t).stressors.every((a) => Number.isFinite(a.consumption)));
    return s.footprint(t);
  } finally {
    characterised?.free();
    sat.free();
  }
}

function run(input) {
  if (input.calibrate) {
    const c = input.calibrate;
    return calibrate(new Float64Array(c.intensities), new Float64Array(c.output), c.groups, c.totals);
  }
  if (input.ras) {
    const r = input.ras;
    return ras(new Float64Array(r.u0), r.rows, r.cols, new Float64Array(r.row_targets), new Float64Array(r.col_targets));
  }
  if (input.flow_system) return enaAnalysis(input.flow_system);
  if (input.lm3) return lm3(camel(input.lm3));
  if (input.dataset) return dataset(input.dataset).free();
  if (input.interregional_dataset) return interregionalDataset(input.interregional_dataset).free();
  if (input.clusters) {
    const c = input.clusters;
    if (c.then === "map_equation" || c.then === "codelength") {
      const f = new MapFlows(c.n, c.source, c.target, c.weight, c.walker);
      try {
        return c.then === "codelength" ? f.codelength(c.membership) : f.cluster(c.options);
      } finally {
        f.free();
      }
    }
    const g = new ClusterGraph(c.n, c.source, c.target, c.weight);
    try {
      return c.then === "modularity" ? g.modularity(c.membership) : g.cluster(c.options);
    } finally {
      g.free();
    }
  }
  if (input.uncertainty) return councilUncertainty(input.uncertainty.council, input.uncertainty.spec);
  if (input.interregional) {
    const ir = input.interregional;
    const t = InterregionalTable.fromJson(ir.json);
    try {
      if (ir.then === "extraction_unknown") return t.extraction("nowhere");
      if (ir.then === "impact_short") return t.impact([1]);
      const shares = { type_ii_commuting: [[0.9, 0.1], [0.1, 0.9]], type_ii_over: [[0.9, 0], [0.3, 1]], type_ii_shape: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] }[ir.then];
      if (shares) {
        const ii = t.typeII({ shares });
        assert.ok(ii.typeII.every(Number.isFinite));
        return ii;
      }
      const d = t.decomposition();
      assert.ok(d.total.concat(d.returnedPerLeak).every(Number.isFinite));
      return d;
    } finally {
      t.free();
    }
  }
  let t;
  if (input.json !== undefined) t = RegionalTable.fromJson(input.json);
  else if (input.csv !== undefined) t = RegionalTable.fromCsv(input.csv);
  else if (input.csv_bytes !== undefined) t = RegionalTable.fromCsv(new Uint8Array(input.csv_bytes));
  else {
    const a = input.arrays;
    t = RegionalTable.fromArrays(numbers(a.z), a.codes, {
      finalDemand: a.final_demand.map((c) => ({ ...c, values: Array.from(numbers(c.values)) })),
      primaryInputs: a.primary_inputs.map((r) => ({ ...r, values: Array.from(numbers(r.values)) })),
    });
  }
  try {
    if (input.satellite) return satellite(t, input.satellite);
    if (input.scenario) return t.applyScenario({ ...input.scenario, changes: input.scenario.changes.map(camelKeys) }).free();
    if (input.then) return then(t, input.then);
    const report = t.report();
    const text = JSON.stringify(report);
    assert.ok(!text.includes("NaN"), "a report with NaN");
    for (const s of report.sectors) assert.ok(Number.isFinite(s.outputMultiplierTypeI) && Number.isFinite(s.leakageShare));
    return report;
  } finally {
    t.free();
  }
}

test("the catalogue has at least 40 bad inputs", () => {
  assert.ok(cases.filter((c) => c.code !== null).length >= 40);
});

for (const c of cases) {
  test(`bad input ${c.id}`, () => {
    if (c.code === null) {
      run(c.input);
      return;
    }
    assert.throws(() => run(c.input), (e) => {
      assert.ok(e instanceof Error, `${c.id}: not an Error object: ${e}`);
      assert.equal(e.code, c.code, `${c.id}: ${e.message}`);
      // the place of the value refused, named alike in the three languages: in JavaScript's
      // spelling, except in a file's text, whose keys are the file's
      const place = c.code === "json" ? c.place : c.place?.replace(/_([a-z])/g, (_, x) => x.toUpperCase());
      assert.ok(e.message.includes(place ?? ""), `${c.id}: ${e.message}`);
      // and what it says of the value, in the same words
      assert.ok(e.message.includes(c.words ?? ""), `${c.id}: ${e.message}`);
      assert.ok(e.name.endsWith("Error") && e.name.length > 5);
      return true;
    });
  });
}

test("JavaScript-specific: wrong lengths, wrong types, memory", () => {
  const t = dataset("miller-blair-2sector");
  try {
    assert.throws(() => t.solve(new Float64Array(3)), (e) => e.code === "shape");
    assert.throws(() => t.impact(new Float64Array(1)), (e) => e.code === "shape");
  } finally {
    t.free();
  }
  // a table too large for WebAssembly memory (4 GiB): refused before anything is copied in
  const huge = { length: 10000 * 10000 };
  assert.throws(() => RegionalTable.fromArrays(huge, ["a"], {}), (e) => e.code === "too_large" && e.name === "TooLargeError" && /100000000/.test(e.message));
  assert.throws(() => RegionalTable.fromArrays("not an array", ["a"], {}), (e) => e.code === "invalid_input");
  assert.throws(() => RegionalTable.fromArrays([1, "x", 3, 4], ["a", "b"], {}), (e) => e.code === "invalid_input" && /entry 1/.test(e.message));
  // the module still works after all of that
  const ok = dataset("miller-blair-2sector");
  assert.equal(ok.n, 2);
  ok.free();
});

test("every JavaScript input type: holes, BigInts, strings and objects in number arrays are typed errors", () => {
  const fd = (values) => ({ finalDemand: [{ label: "f", kind: "other", values }] });
  // eslint-disable-next-line no-sparse-arrays
  const holes = [150, , 200, 100];
  for (const [z, what] of [
    [holes, "a hole"],
    [[150n, 500n, 200n, 100n], "BigInts"],
    [["150", 500, 200, 100], "a string"],
    [[{}, 500, 200, 100], "an object"],
  ]) {
    assert.throws(() => RegionalTable.fromArrays(z, ["a", "b"], fd([1, 1])), (e) => e.code === "invalid_input" && /entry 0|entry 1/.test(e.message), what);
  }
  // numbers beyond f64 in JSON are refused, not read as infinity
  const text = JSON.stringify({ format: "localecon-table", version: 1, name: "x", sectors: [{ code: "a", name: "a" }], z: [[1]], final_demand: [], primary_inputs: [] }).replace("[[1]]", "[[1e400]]");
  assert.throws(() => RegionalTable.fromJson(text), (e) => ["json", "non_finite"].includes(e.code));
});
