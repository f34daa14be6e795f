// Makes two of wasm-bindgen's argument checks typed localecon errors (issue 14), rewriting
// the generated glue once per build; fails the build when a generated function is not found
// in the shape expected (a new wasm-bindgen).
//
// 1. The class check: the glue throws a plain `Error("expected instance of RegionalTable")`
//    when a call is given something that is not an object of this module's class (a plain
//    object, or a table built by the other entry point: `localecon` and `localecon/report`
//    cannot share objects), and Rust's "null pointer passed to rust" for an object already
//    freed. Rewritten to InvalidInputError with its code, naming the class, what was found,
//    and why another module's object is refused; a freed argument gets the freed-object error
//    of guard.js.
// 2. The string check: the glue copies a string argument into WebAssembly memory without
//    looking at its type, and a number or an object given for it (`importSubstitution("s1",
//    0.1)`) made the module trap with "memory access out of bounds". Rewritten so that a
//    string argument that is not a string is InvalidInputError naming the argument and the
//    value found (`invalid product: expected a string, found 0.1`).
// Usage: node scripts/typed-glue.mjs <path to the generated localecon.js>
import { readFileSync, writeFileSync } from "node:fs";

const path = process.argv[2];
const glue = readFileSync(path, "utf8");
const generated = /function _assertClass\(instance, klass\) \{\n\s*if \(!\(instance instanceof klass\)\) \{\n\s*throw new Error\(`expected instance of \$\{klass\.name\}`\);\n\s*\}\n\}/;
const uses = glue.match(/_assertClass\(/g)?.length ?? 0;
// the replacement, in the glue's own style (plain strings: no template literal to escape)
const typed = [
  "function _assertClass(instance, klass) {",
  "    const typed = (message) => {",
  "        const e = new Error(\"invalid \" + klass.name + \": \" + message);",
  "        e.name = \"InvalidInputError\";",
  "        e.code = \"invalid_input\";",
  "        return e;",
  "    };",
  "    if (!(instance instanceof klass)) {",
  "        const found = instance === null || instance === undefined ? String(instance) : instance.constructor?.name ?? typeof instance;",
  "        throw typed(found === klass.name",
  "            ? \"expected a \" + klass.name + \" of this module, found one of another localecon module (localecon and localecon/report cannot share objects: build it with the module whose call it is given to)\"",
  "            : \"expected a \" + klass.name + \", found \" + found);",
  "    }",
  "    if (instance.__wbg_ptr === 0) {",
  "        throw typed(\"this \" + klass.name + \" was freed (free() was called) before it was given to this call; build a new one\");",
  "    }",
  "}",
].join("\n");
// the string copy, checked first; each call from an argument names it
const copy = "function passStringToWasm0(arg, malloc, realloc) {\n    if (realloc === undefined) {";
const checked = [
  "function passStringToWasm0(arg, malloc, realloc, name) {",
  "    if (typeof arg !== \"string\") {",
  "        let found;",
  "        try { found = JSON.stringify(arg) ?? typeof arg; } catch { found = typeof arg; }",
  "        const e = new Error(\"invalid \" + (name ?? \"argument\") + \": expected a string, found \" + found);",
  "        e.name = \"InvalidInputError\";",
  "        e.code = \"invalid_input\";",
  "        throw e;",
  "    }",
  "    if (realloc === undefined) {",
].join("\n");
const call = /passStringToWasm0\((\w+), wasm\.__wbindgen_malloc, wasm\.__wbindgen_realloc\)/g;

let out = glue;
if (uses > 0 && !out.includes(typed)) {
  if (!generated.test(out)) {
    console.error(`${path}: wasm-bindgen's _assertClass has a new shape; update scripts/typed-glue.mjs`);
    process.exit(1);
  }
  out = out.replace(generated, typed);
  console.log(`${path}: typed class check at ${uses - 1} call sites`);
}
if (out.includes("function passStringToWasm0(") && !out.includes(checked)) {
  if (!out.includes(copy)) {
    console.error(`${path}: wasm-bindgen's passStringToWasm0 has a new shape; update scripts/typed-glue.mjs`);
    process.exit(1);
  }
  let named = 0;
  out = out.replace(copy, checked).replace(call, (all, name) => {
    // `ret` and `arg` are the glue's own strings (results of String(), of an error's message)
    if (name === "ret" || name === "arg") return all;
    named += 1;
    return `passStringToWasm0(${name}, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc, "${name}")`;
  });
  console.log(`${path}: typed string check at ${named} arguments`);
}
if (out !== glue) writeFileSync(path, out);
