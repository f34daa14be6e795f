// A local currency across the JavaScript boundary: what it does per unit issued.
import { test } from "node:test";
import assert from "node:assert/strict";
import { dataset } from "../data.js";
import { expectError } from "./expect-error.js";

test("a currency redeemed at once changes hands once; one kept in circulation more often", () => {
  const t = dataset("glasgow-2019");
  try {
    const r = t.localCurrency({ acceptance: [["47", 0.5], ["56", 0.5], ["55", 0.5]], redemption: 0.3, fee: 0.03, holdingDays: 12, substitution: 0.1 });
    assert.ok(r.transactions >= 1);
    assert.ok(r.multiplierAfter > r.multiplierBefore);
    assert.equal(r.accounts.length, r.visits.length);
    const once = t.localCurrency({ acceptance: [["47", 0.5]], redemption: 1 });
    assert.ok(Math.abs(once.transactions - 1) < 1e-12);
  } finally {
    t.free();
  }
});

test("bad designs are typed errors naming the place", () => {
  const t = dataset("scotland-2019-sections");
  try {
    expectError(() => t.localCurrency({ redemption: 1.5 }), "OutOfRangeError", "out_of_range", /redemption/);
    expectError(() => t.localCurrency({ acceptance: [["ZZ", 1]] }), "UnknownLabelError", "unknown_label", /ZZ/);
    expectError(() => t.localCurrency({ holding_days: 3 }), "InvalidInputError", "invalid_input", /holding_days/);
  } finally {
    t.free();
  }
});
