// Errors across the JavaScript boundary: every core kind has a name and a code, and a freed
// object answers with a typed error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { errorKinds } from "../index.node.js";
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
