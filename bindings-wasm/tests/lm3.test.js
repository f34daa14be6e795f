// LM3 across the JavaScript boundary: a survey's three rounds and the averaging of shares.
import { test } from "node:test";
import assert from "node:assert/strict";
import { lm3, averageShare } from "../index.node.js";
import { expectError } from "./expect-error.js";

test("LM3 from a survey and averaging", () => {
  const r = lm3({ income: 100, spending: [{ label: "staff", amount: 40, localShare: 0.75, respendLocalShare: 0.454 }] });
  assert.equal(r.round2, 30);
  assert.ok(Math.abs(averageShare(new Float64Array([0.4, 0.6]), [3, 1]) - 0.45) < 1e-12);
  // weights left out, undefined or null: the plain average
  for (const none of [[], [undefined], [null]]) assert.ok(Math.abs(averageShare([0.4, 0.6], ...none) - 0.5) < 1e-12);
  expectError(() => averageShare([0.4, 0.6], [3, "one"]), "InvalidInputError", "invalid_input", /^invalid weights: entry 1 is not a number: "one"$/);
});

test("bad surveys are typed", () => {
  expectError(() => lm3({ income: 1, spending: [{ label: "x", amount: 1, localShare: 2, respendLocalShare: 0 }] }), "OutOfRangeError", "out_of_range", /localShare/);
});

test("a wrong value is named by its place, in the words Python's reader and the core's checks give too", () => {
  expectError(() => lm3({ income: "x", spending: [] }), "InvalidInputError", "invalid_input", /^invalid LM3 survey: income: /);
  const good = { label: "a", amount: 1, localShare: 0.5, respendLocalShare: 0.4 };
  expectError(() => lm3({ income: 1, spending: [good, { ...good, amount: "y" }] }),
    "InvalidInputError", "invalid_input", /^invalid LM3 survey: spending\[1\]\.amount: invalid type/);
  // a missing field is named by its object, and a key the object does not have by the message alone
  const { amount, ...noAmount } = good;
  assert.equal(amount, 1);
  expectError(() => lm3({ income: 1, spending: [noAmount] }),
    "InvalidInputError", "invalid_input", /^invalid LM3 survey: spending\[0\]: missing field `amount`/);
  expectError(() => lm3({ income: 1, spending: [{ ...good, amont: 1 }] }),
    "InvalidInputError", "invalid_input", /^invalid LM3 survey: spending\[0\]: unknown field `amont`, expected one of `label`, `amount`, `localShare`, `respendLocalShare`$/);
  expectError(() => lm3({ income: 1, spending: [good, { ...good, localShare: "half" }] }),
    "InvalidInputError", "invalid_input", /^invalid LM3 survey: spending\[1\]\.localShare: invalid type/);
  // a NaN passes the reader and the core's check names the same place
  expectError(() => lm3({ income: 1, spending: [good, { ...good, amount: NaN }] }), "NonFiniteError", "non_finite", /spending\[1\]\.amount/);
});
