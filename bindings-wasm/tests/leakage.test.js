// Leakage across the JavaScript boundary: by channel, retention, and closed with households.
import { test } from "node:test";
import assert from "node:assert/strict";
import { dataset } from "../data.js";
import { expectError } from "./expect-error.js";

test("each sector's leakage is the sum of its channels, and leakage plus retention is one", () => {
  const t = dataset("scotland-2019-sections");
  try {
    const l = t.leakage();
    assert.equal(l.byChannel.length, l.channels.length);
    assert.ok(l.channels.includes("imports_rest_of_world"));
    for (let j = 0; j < 20; j++) {
      const sum = l.byChannel.reduce((s, row) => s + row[j], 0);
      assert.ok(Math.abs(sum - l.leakage[j]) < 1e-12, `sector ${j}`);
      assert.ok(Math.abs(l.leakage[j] + l.retention[j] - 1) < 1e-12, `sector ${j}`);
    }
    const c = t.closedLeakage();
    assert.ok(c.channels.includes("households"));
    c.total.forEach((v) => assert.ok(Math.abs(v - 1) < 1e-12));
  } finally {
    t.free();
  }
});

test("closed leakage needs a household column", () => {
  const t = dataset("miller-blair-2sector");
  expectError(() => t.closedLeakage(), "MissingDataError", "missing_data");
  t.free();
});

test("local purchase coefficients are shares of intermediate purchases", () => {
  const t = dataset("scotland-2019-sections");
  try {
    const c = t.localPurchaseCoefficients();
    assert.equal(c.length, 20);
    assert.ok(c.every((v) => v >= 0 && v <= 1));
  } finally {
    t.free();
  }
});
