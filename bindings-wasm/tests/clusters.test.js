// Value-based clusters from JavaScript: the reference values, the pinned partitions (the same
// bits as Rust and Python), the table's accounts and the typed errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ClusterGraph, MapFlows, SparseNetwork } from "localecon";
import { dataset } from "localecon/data";
import { expectError } from "./expect-error.js";

const fixtures = new URL("../../tests/fixtures/clusters/", import.meta.url);
const golden = JSON.parse(readFileSync(new URL("golden.json", fixtures), "utf8"));
const rows = readFileSync(new URL("karate_edges.csv", fixtures), "utf8").trim().split("\n").slice(1)
  .map((l) => l.split(",").map(Number));

function karate(weighted) {
  return new ClusterGraph(34, rows.map((r) => r[0]), rows.map((r) => r[1]),
    rows.map((r) => (weighted ? r[2] : 1)), true);
}

test("the karate club's exact optima", () => {
  const best = karate(false).cluster({ starts: 100 });
  assert.ok(Math.abs(best.value - 0.41978961209730437) <= 1e-9);
  assert.equal(best.nClusters, 4);
  assert.ok(best.startsReachingBest > 50);
  const w = karate(true).cluster({ starts: 100 });
  assert.ok(Math.abs(w.value - 0.44490358126721763) <= 1e-9);
});

test("the map equation matches Infomap", () => {
  const links = [[0, 1], [0, 2], [0, 3], [1, 0], [1, 2], [2, 1], [2, 0], [3, 0], [3, 4], [3, 5], [4, 3], [4, 5], [5, 4], [5, 3]];
  const f = new MapFlows(6, links.map((l) => l[0]), links.map((l) => l[1]), links.map(() => 1), { teleportation: 0.15 });
  assert.ok(Math.abs(f.codelength([0, 0, 0, 1, 1, 1]) - 2.3207303568337903) <= 1e-9);
  const k = new MapFlows(34, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), { undirected: true });
  const c = k.cluster();
  assert.ok(Math.abs(c.value - 4.087423158819622) <= 1e-9);
  assert.equal(c.nClusters, 3);
});

test("one seed gives the pinned partitions to the last bit", () => {
  const c = karate(false).cluster({ starts: 5, seed: 7 });
  assert.deepEqual(c.membership, golden.karate_seed7_starts5.membership);
  assert.deepEqual(c.startValues, golden.karate_seed7_starts5.start_values);
  const t = dataset("scotland-2019");
  const flows = t.clusters({ starts: 4, seed: 11 });
  const g = golden.scotland_flows_seed11_starts4;
  assert.deepEqual(flows.clustering.membership, g.membership);
  assert.deepEqual(flows.clustering.startValues, g.start_values);
  assert.equal(flows.clusters[0].withinMultiplier, g.first_cluster_within_multiplier);
  const m = t.clusters({ quality: "map_equation", starts: 4, seed: 11 });
  assert.deepEqual(m.clustering.membership, golden.scotland_map_equation_seed11_starts4.membership);
});

test("the Scottish Government preset reaches their modularity", () => {
  const sg = dataset("scotland-2019").clusters({ preset: "scottish_government", starts: 20 });
  assert.ok(sg.clustering.value >= 0.13464271047738519, String(sg.clustering.value));
  assert.equal(sg.options.basis, "leontief_inverse");
  // the options given beside a preset override its own; one given as undefined keeps it
  const two = dataset("scotland-2019").clusters({ preset: "scottish_government", starts: 2, seed: undefined, missingLinks: 1 });
  assert.deepEqual([two.options.basis, two.options.resolution, two.options.starts, two.options.missingLinks], ["leontief_inverse", 1.8, 2, 1]);
});

test("bad inputs are typed errors naming the place", () => {
  const g = karate(false);
  expectError(() => g.cluster({ resolution: 0 }), "OutOfRangeError", "out_of_range", /resolution/);
  expectError(() => g.cluster({ starts: 0 }), "OutOfRangeError", "out_of_range", /starts/);
  expectError(() => g.cluster({ seed: -1 }), "OutOfRangeError", "out_of_range", /seed/);
  expectError(() => g.cluster({ seed: 1.5 }), "OutOfRangeError", "out_of_range", /seed/);
  expectError(() => g.cluster({ resolutoin: 1 }), "InvalidInputError", "invalid_input", /resolutoin/);
  expectError(() => g.modularity([0, 1]), "ShapeError", "shape", /partition/);
  // a community of −1 or 0.5 was wrapped or truncated by wasm-bindgen's Uint32 conversion
  const n = g.n;
  expectError(() => g.modularity([-1, ...Array(n - 1).fill(0)]), "OutOfRangeError", "out_of_range", /^value -1 out of range at membership\[0\]/);
  expectError(() => g.cpm([0.5, ...Array(n - 1).fill(0)]), "OutOfRangeError", "out_of_range", /at membership\[0\]/);
  expectError(() => new ClusterGraph(3, [0, null], [1, 2], [1, 1]), "InvalidInputError", "invalid_input", /^invalid source: entry 1 is not a number: null$/);
  expectError(() => new ClusterGraph(3, [0], [1], [-1]), "NegativeValueError", "negative", /flows\[0\]/);
  expectError(() => new ClusterGraph(3, [], [], []), "InvalidInputError", "invalid_input", /no flow/);
  expectError(() => new ClusterGraph(1, [0], [0], [1], false, true), "InvalidInputError", "invalid_input", /no flow/);
  expectError(() => dataset("scotland-2019").clusters({ preset: "glasgow" }), "UnknownOptionError", "unknown_option", /scottish_government/);
  // an option of another call is refused by name, never ignored: an unknown field of the
  // call's options, as for every other call and as in Python
  const unknown = (call, name) => new RegExp(`${call} options: unknown field \`${name}\`, expected (one of )?\``);
  expectError(() => dataset("scotland-2019").clusters({ teleportation: 0.15 }), "InvalidInputError", "invalid_input", unknown("RegionalTable\\.clusters", "teleportation"));
  expectError(() => dataset("scotland-2019").clusters({ preset: "scottish_government", undirected: true }), "InvalidInputError", "invalid_input", unknown("RegionalTable\\.clusters", "undirected"));
  expectError(() => g.cluster({ basis: "flows" }), "InvalidInputError", "invalid_input", unknown("ClusterGraph\\.cluster", "basis"));
  expectError(() => g.scan([1], { preset: "scottish_government" }), "InvalidInputError", "invalid_input", unknown("ClusterGraph\\.scan", "preset"));
  expectError(() => new MapFlows(3, [0, 1], [1, 2], [1, 1], { starts: 3 }), "InvalidInputError", "invalid_input", unknown("new MapFlows", "starts"));
  expectError(() => new MapFlows(3, [0, 1], [1, 2], [1, 1], { undirected: true, teleportation: 0.15 }), "InvalidInputError", "invalid_input", /teleportation is for a directed walker/);
  expectError(() => dataset("scotland-2019").clusters({ preset: 1 }), "InvalidInputError", "invalid_input", /preset: invalid type: floating point `1\.0`, expected a string/);
});

test("a graph's total weight, a walker's visit rates, and a sparse network's graph", () => {
  const g = new ClusterGraph(3, [0, 1, 2], [1, 2, 0], [1, 2, 3]);
  const f = new MapFlows(3, [0, 1, 2], [1, 2, 0], [1, 1, 1]);
  const network = new SparseNetwork(3, [0, 1, 2], [1, 2, 0], [1, 1, 1], [0.5, 0.5, 0.5], [0, 0, 0]);
  const h = network.clusterGraph();
  try {
    assert.equal(g.totalWeight, 6);
    assert.equal(f.nodeFlow.length, 3);
    assert.ok(Math.abs(f.nodeFlow.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.equal(h.n, 3);
    assert.ok(Math.abs(h.totalWeight - 3) < 1e-12, "the amounts, up to one rounding");
  } finally {
    g.free();
    f.free();
    network.free();
    h.free();
  }
});
