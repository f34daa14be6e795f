// Every formula of the built book parses in KaTeX: arithmatex wraps inline math as
// <span class="arithmatex">\( … \)</span> and display math as <div class="arithmatex">\[ … \]</div>;
// each is rendered here with throwOnError, so that a typo fails the build instead of showing
// red on the page. Usage: node scripts/check-math.mjs SITE_DIR
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(new URL("../bindings-wasm/package.json", import.meta.url));
const katex = require("katex");
const site = resolve(process.argv[2] ?? "site");

function* pages(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "app" && name !== "assets") yield* pages(path);
    } else if (name.endsWith(".html")) yield path;
  }
}

const entities = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const decode = (s) => s.replace(/&(amp|lt|gt|quot|#39);/g, (m) => entities[m]);
let count = 0;
const failures = [];
const perPage = {};
for (const page of pages(site)) {
  const html = readFileSync(page, "utf8");
  for (const m of html.matchAll(/<(span|div) class="arithmatex">([\s\S]*?)<\/\1>/g)) {
    const text = decode(m[2]).trim();
    const inner = text.match(/^\\\(([\s\S]*)\\\)$/) ?? text.match(/^\\\[([\s\S]*)\\\]$/);
    if (!inner) {
      failures.push(`${page}: not delimited: ${text.slice(0, 60)}`);
      continue;
    }
    try {
      katex.renderToString(inner[1], { throwOnError: true, displayMode: m[1] === "div" });
    } catch (e) {
      failures.push(`${page}: ${e.message}`);
    }
    count += 1;
    perPage[page] = (perPage[page] ?? 0) + 1;
  }
}
if (failures.length) {
  console.error(failures.join("\n"));
  process.exit(1);
}
if (count === 0) throw new Error(`no formulas found in ${site}`);
console.log(`${count} formulas on ${Object.keys(perPage).length} pages parse in KaTeX`);
