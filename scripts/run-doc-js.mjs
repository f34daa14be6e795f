// Runs every ```js block of the book's Markdown pages against the built package, each as its
// own ES module inside bindings-wasm (so that `import ... from "localecon"` resolves to the
// package itself). Usage: node scripts/run-doc-js.mjs docs/src
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { execFileSync } from "node:child_process";

const dir = resolve(process.argv[2] ?? "docs/src");
const work = resolve(new URL("../bindings-wasm/.doc-tests", import.meta.url).pathname);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
let count = 0;
try {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".md")).sort()) {
    const text = readFileSync(join(dir, file), "utf8");
    const blocks = [...text.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
    blocks.forEach((code, k) => {
      const path = join(work, `${file.replace(/\.md$/, "")}-${k}.mjs`);
      writeFileSync(path, code);
      execFileSync(process.execPath, [path], { stdio: "inherit", timeout: 60_000 });
      count += 1;
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (count === 0) throw new Error(`no js examples found in ${dir}`);
console.log(`${count} JavaScript examples from the book ran`);
