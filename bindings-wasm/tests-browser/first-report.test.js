// The first report after page load in a real headless Chromium (issue 16): a page that imports
// localecon and the Scotland 2019 dataset's module and shows one report. Each of five fresh
// browser contexts loads the page once (nothing cached between them); the page times each
// step with performance.now(), for `localecon` and for `localecon/report` (the report's module
// alone). Printed and written to artifacts/browser-first-report.json, not
// asserted (speed claims live in benchmarks); what is asserted is that the page's report is
// Node's to the last bit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, writeFile, stat } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.js";
import { dataset } from "../pkg/data/scotland-2019.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const artifacts = process.env.LOCALECON_ARTIFACTS ?? join(root, "..", "artifacts");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const LOADS = 5;

test("the first report after page load, in headless Chromium", { timeout: 240_000 }, async () => {
  const table = dataset();
  const node = table.report();
  table.free();
  const server = await serve(root);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  // the two entry points, their loads interleaved so that both see the same moments of the machine
  const entries = [
    { name: "localecon", query: "", wasm: join(root, "pkg", "localecon_bg.wasm"), loads: [] },
    { name: "localecon/report", query: "?entry=report", wasm: join(root, "pkg", "report", "localecon_bg.wasm"), loads: [] },
    // the same page asking for its first table a second after the modules are ready (a first
    // click): the engine's work that follows a module's load is over by then
    { name: "localecon, first report asked 1 s after load", query: "?after=1000", wasm: join(root, "pkg", "localecon_bg.wasm"), loads: [] },
    // the page calls warmUp() when the modules are ready (a three-sector table through the
    // report path), then asks at once, or a second later
    { name: "localecon, warmUp() at load, first report asked at once", query: "?warm=1", wasm: join(root, "pkg", "localecon_bg.wasm"), loads: [] },
    { name: "localecon, warmUp() at load, first report asked 1 s after load", query: "?warm=1&after=1000", wasm: join(root, "pkg", "localecon_bg.wasm"), loads: [] },
  ];
  try {
    for (let i = 0; i < LOADS; i++) {
      for (const entry of entries) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const errors = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(`http://127.0.0.1:${server.address().port}/tests-browser/first-report.html${entry.query}`, { timeout: 30_000 });
        await page.waitForSelector("body[data-timings]", { state: "attached", timeout: 60_000 });
        assert.deepEqual(errors, []);
        const shown = JSON.parse(await page.getAttribute("body", "data-report"));
        assert.equal(shown.retention, node.retentionShare, entry.name);
        assert.equal(shown.fci, node.circulation.fci, entry.name);
        assert.deepEqual(shown.sectors, node.sectors.map((s) => s.leakageShare), entry.name);
        entry.loads.push(JSON.parse(await page.getAttribute("body", "data-timings")));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const out = {};
  for (const { name, wasm, loads } of entries) {
    const size = { bytes: (await stat(wasm)).size, gzip: gzipSync(readFileSync(wasm), { level: 9 }).length };
    const median = (key) => loads.map((l) => l[key]).sort((a, b) => a - b)[LOADS >> 1];
    const summary = Object.fromEntries(Object.keys(loads[0]).filter((k) => k !== "stages").map((k) => [k, Number(median(k).toFixed(2))]));
    const stages = Object.keys(loads[0].stages).map((s) => `${s} ${loads.map((l) => l.stages[s]).sort((a, b) => a - b)[LOADS >> 1].toFixed(1)}`);
    console.log(`first report in Chromium with ${name}, median of ${LOADS} fresh loads (ms): module ready ${summary.ready} after navigation; ` +
      (summary.warmUp ? `warmUp() ${summary.warmUp}; ` : "") +
      `then table ${summary.build} + first report ${summary.report} = ${summary.firstAfterLoad}; ` +
      `the first report ${summary.firstAfterNavigation} after navigation; ` +
      `the report again ${summary.again}, once optimised ${summary.warm}; a fresh table and its report ${summary.fresh}; ` +
      `module ${size.bytes} bytes, ${size.gzip} gzip -9 (zlib); the first report by stage: ${stages.join(", ")}`);
    out[name] = { summary, loads, size };
  }
  await mkdir(artifacts, { recursive: true });
  await writeFile(join(artifacts, "browser-first-report.json"), JSON.stringify(out, null, 1));
});
