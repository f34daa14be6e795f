// The published definitions match the runtime: for real results of every kind, each key the
// object has is declared in its TypeScript interface (in pkg/localecon.d.ts, as npm ships it),
// and each key the interface requires is there, at every depth the interface describes.
// `tsc` checks that code using the types compiles (types.test.ts); this checks the objects.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import ts from "typescript";
import { RegionalTable, InterregionalTable, enaAnalysis, lm3, ras, Satellite, SparseNetwork } from "../index.node.js";
import { dataset, datasetReport, scotlandCouncilAtlas, councilCommuting, gvaValidation, interregionalDataset, interregionalHouseholds, interregionalBuild } from "../data.js";
import { ClusterGraph } from "../index.node.js";

const dts = new URL("../pkg/localecon.d.ts", import.meta.url);
const source = ts.createSourceFile("localecon.d.ts", readFileSync(dts, "utf8"), ts.ScriptTarget.Latest, true);
const declared = new Map();
source.forEachChild((node) => {
  if (ts.isInterfaceDeclaration(node)) declared.set(node.name.text, node.members);
  if (ts.isTypeAliasDeclaration(node)) declared.set(node.name.text, node.type);
});

/** The problems of `value` against a type node, with their paths. */
function check(type, value, path, out) {
  if (value === null || value === undefined) return out;
  if (ts.isParenthesizedTypeNode(type)) return check(type.type, value, path, out);
  if (ts.isUnionTypeNode(type)) {
    // the member that describes an object, if any (`Effects | null`, `number | number[]`)
    const shaped = type.types.filter((t) => !ts.isLiteralTypeNode(t) && t.kind !== ts.SyntaxKind.NumberKeyword && t.kind !== ts.SyntaxKind.StringKeyword);
    if (shaped.length === 1) check(shaped[0], value, path, out);
    return out;
  }
  if (ts.isArrayTypeNode(type)) {
    if (Array.isArray(value)) value.slice(0, 3).forEach((v, k) => check(type.elementType, v, `${path}[${k}]`, out));
    return out;
  }
  if (ts.isTypeReferenceNode(type)) {
    const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.getText(source);
    const target = declared.get(name);
    if (target === undefined) return out; // Record<…>, Float64Array …: not ours
    return Array.isArray(target) ? members(target, value, `${path}<${name}>`, out) : check(target, value, path, out);
  }
  if (ts.isTypeLiteralNode(type)) return members(type.members, value, path, out);
  return out;
}

function members(list, value, path, out) {
  if (typeof value !== "object" || Array.isArray(value) || ArrayBuffer.isView(value)) return out;
  const props = new Map();
  for (const m of list) if (ts.isPropertySignature(m)) props.set(m.name.getText(source), m);
  if (props.size === 0) return out; // an index signature (Record<…>): keys are data
  for (const key of Object.keys(value)) {
    if (!props.has(key)) out.push(`${path}.${key}: not declared`);
  }
  for (const [key, m] of props) {
    if (!(key in value)) {
      if (!m.questionToken) out.push(`${path}.${key}: declared, missing`);
    } else if (m.type) check(m.type, value[key], `${path}.${key}`, out);
  }
  return out;
}

// every problem of a test is collected, then asserted at its end (all of them in one message)
let found = [];
function matches(interfaceName, value) {
  assert.ok(declared.has(interfaceName), `no interface ${interfaceName}`);
  found.push(...check(ts.factory.createTypeReferenceNode(interfaceName), value, interfaceName, []));
}
function noneFound() {
  const all = found;
  found = [];
  assert.deepEqual(all, []);
}

test("the interfaces are found in the shipped definitions", () => {
  for (const name of ["RegionReport", "Multipliers", "Leakage", "Audit", "LeakRanking", "ScenarioResult", "EnaAnalysis"]) {
    assert.ok(declared.has(name), name);
  }
});

test("single-region results match their interfaces at every depth", () => {
  const t = dataset("glasgow-2019");
  try {
    matches("RegionReport", t.report());
    matches("RegionReport", datasetReport("scotland-2019"));
    matches("Multipliers", t.multipliers());
    matches("Leakage", t.leakage());
    matches("Audit", t.audit());
    matches("LeakRanking", t.leakRanking({ topK: 3 }));
    matches("ScenarioResult", t.evaluateScenario({ name: "s", changes: [{ type: "spending", label: "p", amount: 10, localShare: 1, pattern: "FD_LOCGOV" }] }));
    matches("Impact", t.impact(new Float64Array(t.n).map((_, j) => (t.output[j] > 0 ? 1 : 0))));
    matches("CurrencyResult", t.localCurrency({ acceptance: [["47", 0.5]], holdingDays: 10 }));
    matches("EnaAnalysis", t.ena("open", { topCycles: 2 }));
    matches("Linkages", t.linkages());
    matches("SubstitutionEffect", t.importSubstitution(t.leakRanking({ topK: 1 }).opportunities[0].buyer, t.leakRanking({ topK: 1 }).opportunities[0].product, 0.1));
    matches("TableClusters", t.clusters({ preset: "scottish_government", missingLinks: 2 }));
    matches("ClosedLeakage", t.closedLeakage());
    matches("StructuralPaths", t.structuralPaths("47", "leakage", 1e-3, 6, 5));
    matches("BusinessFootprint", t.businessFootprint({ name: "bakery", output: 2, valueAdded: 0.9, jobs: 30, localPurchases: [["10.6", 0.3]], residentWages: 0.5 }));
    for (const p of t.importedProducts("47")) matches("ImportedProduct", p);
    matches("MonteCarlo", t.uncertainty({ assumptions: { tax_retention: [0, 0.5] }, draws: 20, seed: 1 }));
  } finally {
    t.free();
  }
  matches("Lm3Result", lm3({ income: 100, spending: [{ label: "a", amount: 50, localShare: 0.5, respendLocalShare: 0.4 }] }));
  matches("EnaAnalysis", enaAnalysis({ labels: ["a", "b"], flows: [0, 1, 1, 0], inputs: [1, 1], exports: [1, 1], dissipation: [0, 0] }));
  matches("RasResult", ras(new Float64Array([1, 2, 3, 4]), 2, 2, new Float64Array([3, 7]), new Float64Array([4, 6])));
  noneFound();
});

test("datasets, satellites, interregional systems and sparse networks match their interfaces", () => {
  matches("Atlas", scotlandCouncilAtlas());
  matches("CouncilCommuting", councilCommuting("Fife"));
  matches("GvaValidation", gvaValidation("flq", 0.3));
  const t = dataset("scotland-2019");
  const s = Satellite.employment(t);
  try {
    matches("StressorMultipliers", s.multipliers(t));
    matches("Footprint", s.footprint(t));
  } finally {
    s.free();
    t.free();
  }
  const u = interregionalDataset("scotland-ruk-2019");
  try {
    for (const r of u.returns()) matches("RegionReturn", r);
    matches("Extraction", u.extraction("Scotland"));
    matches("Miyazawa", u.miyazawa("Scotland"));
    matches("TypeII", u.typeII(interregionalHouseholds("scotland-ruk-2019", u)));
    matches("LeakDestinations", u.leakDestinations());
    matches("InterregionalImpact", u.impact(new Float64Array(u.n).fill(1)));
  } finally {
    u.free();
  }
  const build = interregionalBuild("scotland-ruk-2019");
  build.table.free();
  matches("InterregionalBuild", { ...build, table: undefined });
  const g = new ClusterGraph(4, [0, 1, 2, 3], [1, 0, 3, 2], [1, 1, 1, 1]);
  try {
    matches("Clustering", g.cluster({ starts: 2, seed: 1 }));
    for (const row of g.scan([0.5, 1], { starts: 2, seed: 1 })) matches("ScanRow", row);
    matches("Consensus", g.consensus({ starts: 3, seed: 1 }));
  } finally {
    g.free();
  }
  const ir = new InterregionalTable({ regions: [{ name: "A", sectors: ["s1"] }, { name: "B", sectors: ["s1"] }], z: [10, 5, 5, 10], output: [100, 100] });
  try {
    matches("InterregionalDecomposition", ir.decomposition());
    matches("Interdependence", ir.interdependence());
  } finally {
    ir.free();
  }
  const net = new SparseNetwork(2, new Uint32Array([0, 1]), [1, 0], [60, 60], new Float64Array([30, 30]), [10, 10]);
  try {
    matches("SparseResult", net.analyse());
  } finally {
    net.free();
  }
  noneFound();
});

test("the check itself finds an undeclared key, a missing key and a wrong nested key", () => {
  const r = datasetReport("miller-blair-2sector");
  const problems = (v) => check(ts.factory.createTypeReferenceNode("RegionReport"), v, "RegionReport", []);
  assert.deepEqual(problems(r), []);
  assert.deepEqual(problems({ ...r, retention_share: r.retentionShare }), ["RegionReport<RegionReport>.retention_share: not declared"]);
  const { leakageShare, ...without } = r;
  assert.ok(leakageShare >= 0);
  assert.deepEqual(problems(without), ["RegionReport<RegionReport>.leakageShare: declared, missing"]);
  const sectors = r.sectors.map((s, k) => (k === 0 ? { ...s, output_multiplier_type_i: 1 } : s));
  assert.deepEqual(problems({ ...r, sectors }), ["RegionReport<RegionReport>.sectors[0]<SectorReport>.output_multiplier_type_i: not declared"]);
  const totals = { ...r.totals, final_demand: 1 };
  assert.deepEqual(problems({ ...r, totals }), ["RegionReport<RegionReport>.totals.final_demand: not declared"]);
});

test("every parameter name in the definitions is camelCase (as IDEs show them)", () => {
  const snake = [];
  let seen = 0;
  const visit = (node) => {
    if (ts.isParameter(node) && ts.isIdentifier(node.name)) {
      const name = node.name.text;
      seen += 1;
      // module_or_path: the parameter of wasm-bindgen's own init functions, not ours
      if (name.includes("_") && name !== "module_or_path") snake.push(`${node.parent.name?.getText(source) ?? "?"}(${name})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  assert.ok(seen > 100, `${seen} parameters seen`);
  assert.deepEqual(snake, []);
});
