// Makes wasm-bindgen's class check of an argument a typed localecon error (issue 14): the
// generated glue throws a plain `Error("expected instance of RegionalTable")` when a call is
// given something that is not an object of this module's class (a plain object, or a table
// built by the other entry point: `localecon` and `localecon/report` cannot share objects),
// and Rust's "null pointer passed to rust" for an object already freed. Rewritten here, once
// per build, to InvalidInputError with its code, naming the class, what was found, and why
// another module's object is refused; a freed argument gets the freed-object error of
// guard.js. Fails the build when the generated function is not found (a new wasm-bindgen
// shape).
// Usage: node scripts/typed-class-check.mjs <path to the generated localecon.js>
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
if (uses === 0) {
  process.exit(0); // this module takes no class as an argument (localecon/report)
}
if (glue.includes(typed)) {
  process.exit(0); // already rewritten
}
if (!generated.test(glue)) {
  console.error(`${path}: wasm-bindgen's _assertClass has a new shape; update scripts/typed-class-check.mjs`);
  process.exit(1);
}
writeFileSync(path, glue.replace(generated, typed));
console.log(`${path}: typed class check at ${uses - 1} call sites`);
