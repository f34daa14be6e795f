// Shared by the test files: asserts that `fn` throws a localecon error (an Error object) of
// the given class name and code, and (optionally) that its message matches `pattern`.
import assert from "node:assert/strict";

export function expectError(fn, name, code, pattern) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof Error, "an Error object");
    assert.equal(e.name, name);
    assert.equal(e.code, code);
    if (pattern) assert.match(e.message, pattern);
    return true;
  });
}
