// LM3 across the JavaScript boundary: a survey's three rounds and the averaging of shares.
import { test } from "node:test";
import assert from "node:assert/strict";
import { lm3, averageShare } from "../index.node.js";
import { expectError } from "./expect-error.js";

test("LM3 from a survey and averaging", () => {
  const r = lm3({ income: 100, spending: [{ label: "staff", amount: 40, localShare: 0.75, respendLocalShare: 0.454 }] });
  assert.equal(r.round2, 30);
  assert.ok(Math.abs(averageShare(new Float64Array([0.4, 0.6]), [3, 1]) - 0.45) < 1e-12);
});

test("bad surveys are typed", () => {
  expectError(() => lm3({ income: 1, spending: [{ label: "x", amount: 1, localShare: 2, respendLocalShare: 0 }] }), "OutOfRangeError", "out_of_range", /localShare/);
});

test("a wrong value is named by its keys, in the words Python's reader gives too", () => {
  expectError(() => lm3({ income: "x", spending: [] }), "InvalidInputError", "invalid_input", /^invalid LM3 survey: income: /);
  expectError(() => lm3({ income: 1, spending: [{ label: "a", amount: "y", localShare: 0.5, respendLocalShare: 0.4 }] }),
    "InvalidInputError", "invalid_input", /^invalid LM3 survey: spending: amount: /);
});
