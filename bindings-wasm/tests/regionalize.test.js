// Regionalisation and balancing across the JavaScript boundary.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RegionalTable, locationQuotients, slq, fleggLambda, ras, residentShare, mapConcordance } from "../index.node.js";
import { bres2019Employment, councilCommuting, dataset, localSurplusShares } from "../data.js";
import { expectError } from "./expect-error.js";

test("Glasgow is reproducible from its inputs", () => {
  const scotland = dataset("scotland-2019");
  const { scotland: ne, glasgow: re } = bres2019Employment();
  const options = { name: "Glasgow City 2019", method: "flq", delta: 0.3, employmentUnit: "jobs (BRES 2019 employment)" };
  const rebuilt = scotland.regionalize(new Float64Array(ne), new Float64Array(re), options);
  const embedded = dataset("glasgow-2019");
  // with the council's commuting and ownership, the same table to the last bit
  const withLeaks = scotland.regionalize(new Float64Array(ne), new Float64Array(re), {
    ...options,
    residentCompensationShare: councilCommuting("Glasgow City").residentShare,
    localSurplusShare: Array.from(localSurplusShares()),
  });
  try {
    // commuting and ownership change only what stays, not the flows
    assert.deepEqual(rebuilt.z, embedded.z);
    assert.deepEqual(withLeaks.multipliers(), embedded.multipliers());
    assert.deepEqual(withLeaks.leakage(), embedded.leakage());
    assert.ok(rebuilt.report().retentionShare > embedded.report().retentionShare);
    const m = rebuilt.multipliers();
    assert.ok(m.output.typeI.every((v, j) => v <= scotland.multipliers().output.typeI[j] + 1e-12));
  } finally {
    [scotland, rebuilt, embedded, withLeaks].forEach((t) => t.free());
  }
});

test("quotients, lambda, RAS, resident share", () => {
  const q = locationQuotients(new Float64Array([80, 300, 250]), new Float64Array([1096, 8381, 3236]), "cilq");
  const s = slq(new Float64Array([80, 300, 250]), new Float64Array([1096, 8381, 3236]));
  [0, 1, 2].forEach((i) => assert.ok(Math.abs(q[i * 3 + i] - s[i]) < 1e-15));
  assert.ok(Math.abs(fleggLambda(2130, 36428, 0.3) - 0.4721894059) < 1e-10);
  const r = ras(new Float64Array([5, 0.5, 4, 3]), 2, 2, new Float64Array([10, 2]), new Float64Array([7, 5]));
  assert.ok(r.converged && Math.abs(r.matrix[0] - 6.590207719) < 1e-9);
  assert.equal(residentShare(600, 1000), 0.6);
  // the same concordance as Python's test: unweighted and weighted links
  const out = mapConcordance({ "01110": 10, "47110": 4 }, [["01110", "A"], ["47110", "G", 1], ["47110", "H", 3]], ["A", "G", "H"]);
  assert.deepEqual(Array.from(out), [10, 1, 3]);
});

test("bad input: regionalisation and RAS", () => {
  const t = dataset("scotland-2019-sections");
  const ne = new Float64Array(20).fill(1000);
  expectError(() => t.regionalize(ne, new Float64Array(20).fill(2000)), "OutOfRangeError", "out_of_range", /regional employment of A/);
  expectError(() => t.regionalize(new Float64Array(20), new Float64Array(20)), "OutOfRangeError", "out_of_range", /national employment/);
  expectError(() => t.regionalize(ne, new Float64Array(19).fill(10)), "ShapeError", "shape");
  expectError(() => t.regionalize(ne, new Float64Array(20).fill(10), { delta: 1.5 }), "OutOfRangeError", "out_of_range", /δ/);
  expectError(() => t.regionalize(ne, new Float64Array(20).fill(10), { method: "lq" }), "UnknownOptionError", "unknown_option", /flq/);
  expectError(() => t.regionalize(ne, new Float64Array(20).fill(10), { metod: "flq" }), "InvalidInputError", "invalid_input", /metod/);
  t.free();
  expectError(() => mapConcordance({ "99999": 1 }, [["01110", "A"]], ["A"]), "UnknownLabelError", "unknown_label", /99999/);
  expectError(() => mapConcordance({ "01110": 1 }, [["01110"]], ["A"]), "InvalidInputError", "invalid_input", /concordance lookup/);
  expectError(() => ras(new Float64Array([1, 1, 1, 1]), 2, 2, new Float64Array([10, 2]), new Float64Array([7, 6])), "InconsistentError", "inconsistent");
  expectError(() => ras(new Float64Array([1, 1, 0, 0]), 2, 2, new Float64Array([10, 2]), new Float64Array([7, 5])), "InfeasibleError", "infeasible", /row 1/);
});
