// Errors across the JavaScript boundary: every core kind has a name and a code, a freed
// object answers with a typed error, and so does a call given something else than the object
// of this module it takes (scripts/typed-glue.mjs rewrites wasm-bindgen's plain check).
import { test } from "node:test";
import assert from "node:assert/strict";
import { ClusterGraph, errorKinds, fleggLambda, ras, RegionalTable, Satellite, SparseNetwork } from "../index.node.js";
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

test("a vector argument holding something else than numbers is refused naming the entry and its value", () => {
  const t = dataset("miller-blair-2sector");
  // wasm-bindgen's own conversion of a number slice would read null as 0, "x" as NaN and an
  // object without a length as no numbers at all
  expectError(() => t.impact([1, null]), "InvalidInputError", "invalid_input", /^invalid finalDemand: entry 1 is not a number: null$/);
  expectError(() => t.impact([1, "x"]), "InvalidInputError", "invalid_input", /^invalid finalDemand: entry 1 is not a number: "x"$/);
  expectError(() => t.impact({ s1: 1, s2: 0 }), "InvalidInputError", "invalid_input", /^invalid finalDemand: expected a Float64Array or an array of numbers$/);
  expectError(() => t.solve([true, 0]), "InvalidInputError", "invalid_input", /^invalid f: entry 0 is not a number: true$/);
  const a = t.impact([1, 0]);
  const b = t.impact(new Float64Array([1, 0]));
  assert.deepEqual(a.output, b.output);
  t.free();
});

test("a count that is not a whole number, and codes that are not strings, are typed errors naming the argument", () => {
  // wasm-bindgen's own conversions wrap −2 to 4,294,967,294, truncate 2.5 and throw an
  // untyped error for a number among strings
  expectError(() => ras([1, 1, 1, 1], -2, 2, [2, 2], [2, 2]), "OutOfRangeError", "out_of_range", /^value -2 out of range at rows: expected a whole number ≥ 0$/);
  expectError(() => ras([1, 1, 1, 1], 2.5, 2, [2, 2], [2, 2]), "OutOfRangeError", "out_of_range", /at rows/);
  expectError(() => ras([1, 1, 1, 1], "2", 2, [2, 2], [2, 2]), "InvalidInputError", "invalid_input", /^invalid rows: expected a number, found "2"$/);
  expectError(() => ras([1, 1, 1, 1], 2, 2, [2, 2], [2, 2], 1e-10, 0.5), "OutOfRangeError", "out_of_range", /at maxIterations/);
  expectError(() => RegionalTable.fromArrays([1, 0, 0, 1], ["a", 2]), "InvalidInputError", "invalid_input", /^invalid codes: entry 1 is not a string: 2$/);
  expectError(() => RegionalTable.fromArrays([1, 0, 0, 1]), "InvalidInputError", "invalid_input", /^invalid codes: expected an array of strings, found undefined$/);
  expectError(() => new SparseNetwork(-1, [], [], [], [], []), "OutOfRangeError", "out_of_range", /at n:/);
  const t = dataset("miller-blair-2sector");
  expectError(() => t.modelLm(1.5), "OutOfRangeError", "out_of_range", /at k:/);
  expectError(() => t.structuralPaths("s1", "value_added", 1e-4, -1), "OutOfRangeError", "out_of_range", /at maxDepth:/);
  // a whole number given as a number still works, as do left-out optional ones
  assert.equal(ras([1, 1, 1, 1], 2, 2, [2, 2], [2, 2]).converged, true);
  assert.ok(t.structuralPaths("s1", "value_added", 1e-4, 8, 5).paths.length > 0);
  t.free();
});

test("a string or number argument given something else is a typed error naming it, never a trap or a silent 0", () => {
  const t = dataset("miller-blair-2sector");
  // a number for a string made the module trap ("memory access out of bounds") before
  // scripts/typed-glue.mjs checked the string copy
  expectError(() => t.importSubstitution("s1", 0.1), "InvalidInputError", "invalid_input", /^invalid product: expected a string, found 0\.1$/);
  expectError(() => t.spending(1, 0.5, { a: 1 }), "InvalidInputError", "invalid_input", /^invalid pattern: expected a string, found \{"a":1\}$/);
  expectError(() => t.sectorIndex(undefined), "InvalidInputError", "invalid_input", /^invalid code: expected a string, found undefined$/);
  // null, false and [] were read as 0 for a number
  expectError(() => t.spending(null, 0.5, "f"), "InvalidInputError", "invalid_input", /^invalid amount: expected a number, found null$/);
  expectError(() => t.importSubstitution("s1", "s2", []), "InvalidInputError", "invalid_input", /^invalid share: expected a number, found \[\]$/);
  expectError(() => fleggLambda(80, 100, false), "InvalidInputError", "invalid_input", /^invalid delta: expected a number, found false$/);
  // optional ones too: "false" was true by its truthiness, "5" was 5
  expectError(() => new ClusterGraph(3, [0, 1], [1, 2], [1, 1], "false"), "InvalidInputError", "invalid_input", /^invalid undirected: expected true or false, found "false"$/);
  expectError(() => t.impact([1, 0], "5"), "InvalidInputError", "invalid_input", /^invalid householdIncome: expected a number, found "5"$/);
  expectError(() => t.ena(5), "InvalidInputError", "invalid_input", /^invalid closure: expected a string, found 5$/);
  // a progress callback that is no function threw an untyped TypeError once the report had run
  expectError(() => t.report(5), "InvalidInputError", "invalid_input", /^invalid progress: expected a function, found number$/);
  // the module still answers after each refusal
  assert.equal(t.sectorIndex("s2"), 1);
  assert.ok(Math.abs(fleggLambda(50, 100, 0.5) - Math.sqrt(Math.log2(1.5))) < 1e-15);
  t.free();
});
