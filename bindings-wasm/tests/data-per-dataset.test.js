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
      assert.equal(ra.retentionShare, rb.retentionShare);
      assert.deepEqual(ra.sectors.map((s) => s.outputMultiplierTypeI), rb.sectors.map((s) => s.outputMultiplierTypeI));
    } finally {
      a.free();
      b.free();
    }
    const size = statSync(fileURLToPath(new URL(`../pkg/data/files/${name}.js`, import.meta.url))).size;
    assert.ok(size < all / 2, `${name}: ${size} bytes against ${all} for every raw file`);
  });
}

test("raw files that are not the sources are refused by name", async () => {
  const { buildDataset } = await import("localecon");
  // the Miller–Blair table is built in code: every file may be empty, but every file must be named
  const complete = { ...Object.fromEntries(["scotland_2019", "scotland_2019_sections", "scotland_2019_imports_by_product", "scotland_2019_fte", "sic2007_to_ioc098", "bres_2019_scotland_subclass", "bres_2019_council_division", "census_2011_council_commuting", "ons_2019_scotland_surplus_by_industry", "ons_scotland_itl3", "australia_2021_22", "australia_2021_lga_employment", "australia_2021_22_115", "uk_2019_ghg_by_ioc098", "uk_2019_ghg_households", "uk_2019_sections", "uk_2019_shared", "ioc098_shared", "scotland_2019_ruk_purchases_by_final_use", "census_2011_council_od", "bres_2019_uk_scotland_division"].map((k) => [k, ""])) };
  const t = buildDataset("miller-blair-2sector", complete);
  assert.equal(t.n, 2);
  t.free();
  assert.throws(() => buildDataset("miller-blair-2sector", { ...complete, scotland_2020: "" }), { name: "InvalidInputError", message: /dataset sources: unknown field `scotland_2020`, expected one of `scotland_2019`, / });
  const { scotland_2019: _, ...missing } = complete;
  assert.throws(() => buildDataset("miller-blair-2sector", missing), { name: "InvalidInputError", message: /^invalid dataset sources: missing field `scotland_2019`/ });
  assert.throws(() => buildDataset("miller-blair-2sector", 5), { name: "InvalidInputError", message: /^invalid dataset sources: expected an object/ });
});
