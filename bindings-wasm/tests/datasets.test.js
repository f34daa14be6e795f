// Scotland's 32 council areas with commuting and ownership, and the atlas of them all, across
// the JavaScript boundary: the same names, tables and numbers as in Rust and Python.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  scotlandCouncilAtlas,
  councilCommuting,
  councilNames,
  councils,
  dataset,
  datasetNames,
  datasetReport,
  australiaLgaAtlas,
  australiaLgaNames,
  commutingCrossCheck,
  gvaValidation,
  localSurplusShares,
} from "../data.js";
import { expectError } from "./expect-error.js";

test("every council is a dataset with its commuting", () => {
  const names = councilNames();
  assert.equal(names.length, 32);
  assert.deepEqual(names, [...names].sort());
  const all = new Set(datasetNames());
  names.forEach((n) => assert.ok(all.has(n), n));
  const c = councilCommuting("Glasgow City");
  assert.equal(c.code, "S12000049");
  assert.equal(c.dataset, "scotland-council-2019:glasgow-city");
  assert.equal(c.liveAndWork + c.inFromScotland + c.inFromRestOfUk, c.fixedWorkplaceJobs);
  assert.equal(c.residentShare, 157278 / 323198);
  // all of them at once (Python's datasets.councils()), alphabetical by council
  const every = councils();
  assert.equal(every.length, 32);
  assert.deepEqual(every.map((x) => x.council), every.map((x) => x.council).sort());
  assert.deepEqual(new Set(every.map((x) => x.dataset)), new Set(names));
  assert.deepEqual(every.find((x) => x.council === "Glasgow City"), c);
  // the same council by its dataset name
  assert.deepEqual(councilCommuting("scotland-council-2019:glasgow-city"), c);
  const g = dataset("scotland-council-2019:glasgow-city");
  const embedded = dataset("glasgow-2019");
  try {
    assert.deepEqual(g.z, embedded.z);
    assert.match(g.source, /ASSUMPTIONS: commuting/);
  } finally {
    g.free();
    embedded.free();
  }
});

test("ownership: the locally owned share of each industry's surplus", () => {
  const shares = localSurplusShares();
  assert.equal(shares.length, 98);
  shares.forEach((s) => assert.ok(s >= 0 && s <= 1, String(s)));
  localSurplusShares(0).forEach((s) => assert.equal(s, 1));
  expectError(() => localSurplusShares(1.2), "OutOfRangeError", "out_of_range", /outside-owned profit share/);
});

test("an unknown council lists the close names", () => {
  expectError(() => councilCommuting("Edinburgh"), "UnknownOptionError", "unknown_option", /city-of-edinburgh/);
  expectError(() => dataset("scotland-council-2019:glasgow"), "UnknownOptionError", "unknown_option", /glasgow-city/);
});

test("the atlas is the single reports, to the last bit", () => {
  const atlas = scotlandCouncilAtlas();
  assert.equal(atlas.rows.length, 32);
  assert.deepEqual(
    atlas.rows.map((r) => r.dataset),
    councilNames(),
  );
  const row = atlas.rows.find((r) => r.dataset === "scotland-council-2019:city-of-edinburgh");
  const single = datasetReport("scotland-council-2019:city-of-edinburgh");
  assert.equal(row.region, "City of Edinburgh 2019");
  assert.equal(row.leakageShare, single.leakageShare);
  assert.equal(row.retentionShare, single.retentionShare);
  assert.equal(row.outputMultiplierTypeI, single.outputMultiplierTypeI);
  for (const r of atlas.rows) {
    const sum = r.leakageByChannel.reduce((s, c) => s + c.share, 0);
    assert.ok(Math.abs(sum - r.leakageShare) < 1e-12, r.region);
    assert.ok(r.employment > 0, r.region);
  }
  const glasgow = atlas.rows.find((r) => r.dataset === "scotland-council-2019:glasgow-city");
  assert.ok(Math.abs(glasgow.retentionShare - 0.387) < 5e-4);
  assert.ok(atlas.channels.includes("non_resident_compensation"));
});

test("the council tables against the regional accounts", () => {
  const v = gvaValidation();
  assert.equal(v.areas.length, 19);
  assert.equal(v.method, "flq");
  const glasgow = v.areas.find((a) => a.itl3 === "TLM82");
  assert.ok(Math.abs(glasgow.ratio - 1.088) < 5e-4);
  // output per job is national under every method: the same GVA to the last bit
  const slq = gvaValidation("slq", 0);
  slq.areas.forEach((a, i) => assert.equal(a.regionalisedGva, v.areas[i].regionalisedGva));
  expectError(() => gvaValidation("lq"), "UnknownOptionError", "unknown_option", /location-quotient method/);
  expectError(() => gvaValidation("flq", 1.5), "OutOfRangeError", "out_of_range");
  const checks = commutingCrossCheck();
  const g = checks.find((c) => c.itl3 === "TLM82");
  assert.equal(g.coeRatio, 0.704);
  assert.equal(g.censusNetRatio, councilCommuting("Glasgow City").netRatio);
  assert.equal(checks.filter((c) => c.coeRatio === null).length, 1);
});

test("Australia's LGAs: a table for each, and the atlas of all", () => {
  const names = australiaLgaNames();
  assert.equal(names.length, 547);
  assert.ok(names.includes("australia-2021:Alice Springs"));
  const alice = dataset("australia-2021:Alice Springs");
  try {
    assert.equal(alice.name, "Alice Springs 2021-22");
    assert.match(alice.source, /ownership: not modelled/);
  } finally {
    alice.free();
  }
  expectError(() => dataset("australia-2021:Alice Spring"), "UnknownOptionError", "unknown_option", /australia-2021:Alice Springs/);
  const atlas = australiaLgaAtlas();
  assert.equal(atlas.rows.length, 547);
  const row = atlas.rows.find((r) => r.dataset === "australia-2021:Hobart");
  assert.equal(row.retentionShare, datasetReport("australia-2021:Hobart").retentionShare);
  const detailed = dataset("australia-2021-115:Hobart");
  try {
    assert.equal(detailed.n, 115);
    assert.match(detailed.source, /ASSUMPTION: 115 industries/);
  } finally {
    detailed.free();
  }
});
