// The built book in a real headless Chromium (Debian's, driven by playwright-core), opened
// from the file system as a reader who downloaded it would: every formula is rendered by
// KaTeX, the figures are there with alt text, no request leaves the machine, search finds a
// page, and the Explorer, served with the site, opens and computes.
// Usage: LOCALECON_SITE=path/to/site node --test tests-book/
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../tests-browser/serve.js";

const site = resolve(process.env.LOCALECON_SITE ?? join(process.env.HOME, ".cache/localecon/site"));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";


test("the built book, offline", { timeout: 120_000 }, async () => {
  assert.ok(existsSync(join(site, "councils.html")), `no built book at ${site}: run scripts/build-docs.sh`);
  const profile = await mkdtemp(join(tmpdir(), "localecon-book-"));
  const server = await serve(site);
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
    });
    const page = await context.newPage();
    const errors = [];
    const outside = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.protocol !== "file:" && url.hostname !== "127.0.0.1" && url.protocol !== "data:" && url.protocol !== "blob:") outside.push(r.url());
    });

    // formulas rendered, none in error, on the concept pages that carry them
    for (const name of ["leakage", "multipliers", "circularity", "clusters"]) {
      await page.goto(pathToFileURL(join(site, `${name}.html`)).href);
      await page.waitForSelector(".katex", { timeout: 15_000 });
      const rendered = await page.$$eval(".arithmatex", (els) => els.map((e) => e.querySelector(".katex") !== null));
      assert.ok(rendered.length > 3 && rendered.every(Boolean), `${name}: every formula rendered (${rendered.length})`);
      assert.equal(await page.$$eval(".katex-error", (e) => e.length), 0, `${name}: no KaTeX error`);
      // the examples in three languages, as tabs
      const tabs = await page.$$eval(".tabbed-labels label", (ls) => ls.map((l) => l.textContent.trim()));
      assert.deepEqual(tabs.slice(0, 3), ["Rust", "Python", "JavaScript"], name);
      // rustdoc's hidden lines stay hidden, as on docs.rs
      const hidden = await page.$$eval("pre code", (cs) => cs.filter((c) => /^# Ok::</m.test(c.textContent)).length);
      assert.equal(hidden, 0, `${name}: a hidden line of a Rust example is shown`);
    }

    // no formula is wider than the text column, on any page
    for (const file of readdirSync(site).filter((f) => f.endsWith(".html"))) {
      await page.goto(pathToFileURL(join(site, file)).href);
      const wide = await page.$$eval(".arithmatex", (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 2).map((e) => e.textContent.slice(0, 50)));
      assert.deepEqual(wide, [], `${file}: formulas wider than the column`);
    }

    // the council page: four figures, each an image that loaded, with alt text
    await page.goto(pathToFileURL(join(site, "councils.html")).href);
    const figures = await page.$$eval("article img", (imgs) => imgs.map((i) => ({ src: i.getAttribute("src"), alt: i.alt, width: i.naturalWidth })));
    assert.equal(figures.length, 4);
    // the code behind each number, in three languages
    const councilTabs = await page.$$eval(".tabbed-labels label", (ls) => ls.map((l) => l.textContent.trim()));
    assert.deepEqual(councilTabs, Array(4).fill(["Rust", "Python", "JavaScript"]).flat());
    for (const f of figures) {
      assert.ok(f.src.startsWith("figures/") && f.src.endsWith(".svg"), f.src);
      assert.ok(f.width > 0, `${f.src} loaded`);
      assert.ok(f.alt.length > 80, `${f.src} has alt text saying what it shows`);
    }

    // search works from the file system (the index is inlined by the offline plugin)
    await page.click("input.md-search__input");
    await page.keyboard.type("leakage", { delay: 20 });
    await page.waitForSelector(".md-search-result__item", { timeout: 15_000 });
    const hits = await page.$$eval(".md-search-result__item a", (as) => as.map((a) => a.getAttribute("href")));
    assert.ok(hits.some((h) => h.endsWith("/leakage.html")), hits.join(" "));

    // the Explorer is linked from the book and runs from the built site (over HTTP: WebAssembly
    // and workers are not loaded from file:// URLs)
    const link = await page.getAttribute('article a[href="app/explorer/index.html"]', "href");
    assert.equal(link, "app/explorer/index.html");
    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/app/explorer/index.html`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    assert.match(await page.textContent("#source"), /Scotland/);

    assert.deepEqual(outside, [], "no request leaves the machine");
    assert.deepEqual(errors, [], "no uncaught errors");
  } finally {
    if (context) await context.close();
    server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
