// SparseNetwork (firm-level networks, CSR + BiCGSTAB) across the JavaScript boundary.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SparseNetwork } from "../index.node.js";
import { expectError } from "./expect-error.js";

test("two firms paying each other 60 %: multipliers 1/(1 − 0.6), leakage 0.3/(1 − 0.6)", () => {
  // the same network from plain arrays and from typed arrays
  for (const net of [
    new SparseNetwork(2, [0, 1], [1, 0], [60, 60], [30, 30], [10, 10]),
    new SparseNetwork(2, new Uint32Array([0, 1]), new Uint32Array([1, 0]), new Float64Array([60, 60]),
      new Float64Array([30, 30]), new Float64Array([10, 10])),
  ]) {
    try {
      assert.equal(net.n, 2);
      assert.equal(net.flows, 2);
      assert.ok(net.memoryBytes > 0);
      const r = net.analyse({ tolerance: 1e-12 });
      for (const j of [0, 1]) {
        assert.ok(Math.abs(r.outputMultipliers[j] - 2.5) < 1e-10, `${r.outputMultipliers[j]}`);
        assert.ok(Math.abs(r.leakage[j] - 0.75) < 1e-10, `${r.leakage[j]}`);
      }
      assert.ok(r.multipliersConvergence.iterations >= 1);
      assert.ok(r.multipliersConvergence.relativeResidual <= 1e-12);
    } finally {
      net.free();
    }
  }
});

test("a ring of 2,000 firms: (I − A)ᵀ m = 1 holds account by account", () => {
  const n = 2000;
  const payer = [], payee = [], amount = [];
  for (let j = 0; j < n; j++) {
    for (let k = 1; k <= 5; k++) {
      payer.push(j);
      payee.push((j + 13 * k) % n);
      amount.push(1 + ((j + k) % 7));
    }
  }
  const leaked = Array.from({ length: n }, (_, j) => 10 + (j % 11));
  const retained = Array.from({ length: n }, () => 4);
  const net = new SparseNetwork(n, payer, payee, amount, leaked, retained);
  try {
    const r = net.analyse();
    assert.ok(r.multipliersConvergence.relativeResidual <= 1e-10);
    assert.ok(r.leakageConvergence.relativeResidual <= 1e-10);
    for (let j = 0; j < n; j += 97) {
      const row = [0, 1, 2, 3, 4].map((k) => 5 * j + k);
      const x = row.reduce((s, f) => s + amount[f], 0) + leaked[j] + retained[j];
      const bought = row.reduce((s, f) => s + (amount[f] / x) * r.outputMultipliers[payee[f]], 0);
      assert.ok(Math.abs(r.outputMultipliers[j] - bought - 1) < 1e-8, `account ${j}`);
      // leakage and retention multipliers sum to 1 (DESIGN §7): leakage < 1, > own share
      assert.ok(r.leakage[j] < 1 && r.leakage[j] > leaked[j] / x);
    }
    // the reported residual is the true one, recomputed in float64 over every account
    const ones = new Float64Array(n).fill(1);
    const recomputed = net.relativeResidual(r.outputMultipliers, ones);
    assert.ok(recomputed <= 1e-10, `${recomputed}`);
    assert.ok(Math.abs(recomputed - r.multipliersConvergence.relativeResidual) <= 1e-15);
    expectError(() => net.relativeResidual([1, 2], ones), "ShapeError", "shape", /y/);
    expectError(() => net.relativeResidual(ones, new Float64Array(n)), "OutOfRangeError", "out_of_range", /w/);
  } finally {
    net.free();
  }
});

test("bad input is a typed error naming the place and the value", () => {
  expectError(() => new SparseNetwork(2, [0, 5], [1, 0], [1, 1], [1, 1], [0, 0]),
    "OutOfRangeError", "out_of_range", /flow 1/);
  expectError(() => new SparseNetwork(2, [0, 1.5], [1, 0], [1, 1], [1, 1], [0, 0]),
    "OutOfRangeError", "out_of_range", /payer\[1\]/);
  expectError(() => new SparseNetwork(2, [0, -1], [1, 0], [1, 1], [1, 1], [0, 0]),
    "OutOfRangeError", "out_of_range", /payer\[1\]/);
  expectError(() => new SparseNetwork(2, [0, 1], [1, 0], [1, -3], [1, 1], [0, 0]),
    "NegativeValueError", "negative", /amount\[1\]/);
  expectError(() => new SparseNetwork(2, [0, 1], [1, 0], [1, NaN], [1, 1], [0, 0]),
    "NonFiniteError", "non_finite", /amount\[1\]/);
  expectError(() => new SparseNetwork(2, [0, 1], [1, 0], [1], [1, 1], [0, 0]),
    "ShapeError", "shape");
  expectError(() => new SparseNetwork(2, [0, 1], [1, 0], [1, 1], [1], [0, 0]),
    "ShapeError", "shape", /leaked/);
  expectError(() => new SparseNetwork(2, [0], [1], [1], [1, 0], [0, 0]),
    "DisconnectedError", "disconnected", /account 1/);
  expectError(() => new SparseNetwork(2, "0,1", [1, 0], [1, 1], [1, 1], [0, 0]),
    "InvalidInputError", "invalid_input", /payer/);
  expectError(() => new SparseNetwork(2, [0, "a"], [1, 0], [1, 1], [1, 1], [0, 0]),
    "InvalidInputError", "invalid_input", /entry 1/);
  const net = new SparseNetwork(2, [0, 1], [1, 0], [60, 60], [30, 30], [10, 10]);
  try {
    expectError(() => net.analyse({ tolerence: 1e-8 }), "InvalidInputError", "invalid_input", /tolerence/);
    expectError(() => net.analyse({ tolerance: 0 }), "OutOfRangeError", "out_of_range", /tolerance/);
    expectError(() => net.analyse({ tolerance: "tight" }), "InvalidInputError", "invalid_input", /tolerance/);
    expectError(() => net.analyse({ maxIterations: 0 }), "OutOfRangeError", "out_of_range", /maxIterations/);
  } finally {
    net.free();
  }
});

test("a solve that cannot converge in the iterations allowed says so", () => {
  const n = 300;
  const payer = [], payee = [], amount = [];
  for (let j = 0; j < n; j++) {
    for (let k = 1; k <= 3; k++) {
      payer.push(j);
      payee.push((j * 7 + k * 31) % n);
      amount.push(1 + ((j * k) % 5));
    }
  }
  const net = new SparseNetwork(n, payer, payee, amount, Array(n).fill(0.5), Array(n).fill(0.5));
  try {
    expectError(() => net.analyse({ tolerance: 1e-14, maxIterations: 1 }), "SingularError", "singular", /BiCGSTAB/);
  } finally {
    net.free();
  }
});
