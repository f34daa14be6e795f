// Each headline dataset has an entry point of its own (`localecon/data/<name>`): the table
// alone, so that a page needing one table does not download every raw file. Its table is the
// full data entry point's, to the last bit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dataset as fromAll } from "localecon/data";

const NAMES = ["scotland-2019", "scotland-2019-sections", "glasgow-2019", "miller-blair-2sector", "australia-2021"];
const all = statSync(fileURLToPath(new URL("../pkg/data.js", import.meta.url))).size;

for (const name of NAMES) {
  test(`localecon/data/${name} is the same table as dataset("${name}")`, async () => {
    const one = await import(`localecon/data/${name}`);
    assert.equal(one.NAME, name);
    const a = one.dataset();
    const b = fromAll(name);
    try {
      assert.equal(a.toJson(), b.toJson());
      const [ra, rb] = [a.report(), b.report()];
      assert.equal(ra.retention_share, rb.retention_share);
      assert.deepEqual(ra.sectors.map((s) => s.output_multiplier_type_i), rb.sectors.map((s) => s.output_multiplier_type_i));
    } finally {
      a.free();
      b.free();
    }
    const size = statSync(fileURLToPath(new URL(`../pkg/data/${name}.js`, import.meta.url))).size;
    assert.ok(size < all / 2, `${name}: ${size} bytes against ${all} for every raw file`);
  });
}
