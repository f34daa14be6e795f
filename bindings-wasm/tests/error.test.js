// Errors across the JavaScript boundary: every core kind has a name and a code, a freed
// object answers with a typed error, and so does a call given something else than the object
// of this module it takes (scripts/typed-class-check.mjs rewrites wasm-bindgen's plain check).
import { test } from "node:test";
import assert from "node:assert/strict";
import { errorKinds, Satellite } from "../index.node.js";
import { dataset } from "../data.js";
import { expectError } from "./expect-error.js";

test("every core error kind has a name and code", () => {
  const kinds = errorKinds();
  assert.ok(kinds.length >= 16);
  assert.ok(kinds.some(([code, name]) => code === "shape" && name === "ShapeError"));
});

test("a freed object answers with a typed error, and freeing twice is harmless", () => {
  const t = dataset("miller-blair-2sector");
  t.free();
  expectError(() => t.multipliers(), "InvalidInputError", "invalid_input", /RegionalTable was freed .* before multipliers\(\)/);
  expectError(() => t.n, "InvalidInputError", "invalid_input", /freed/);
  t.free();
});

test("a call given something else than the object it takes: a typed error naming both", () => {
  expectError(() => Satellite.employment({ n: 2 }), "InvalidInputError", "invalid_input", /^invalid RegionalTable: expected a RegionalTable, found Object$/);
  expectError(() => Satellite.employment(null), "InvalidInputError", "invalid_input", /found null$/);
  const t = dataset("miller-blair-2sector");
  t.free();
  expectError(() => Satellite.employment(t), "InvalidInputError", "invalid_input", /this RegionalTable was freed \(free\(\) was called\) before it was given to this call/);
});
