// Node entry point of `localecon/report`: the module for a table's report alone (a table,
// its report, multipliers, leakage and audit), loaded synchronously. Its objects belong to
// it: a table built here cannot be passed to the full module's calls (`localecon`).
import { readFileSync } from "node:fs";
import * as pkg from "./pkg/report/localecon.js";
import { guardFreed } from "./guard.js";

pkg.initSync({ module: readFileSync(new URL("./pkg/report/localecon_bg.wasm", import.meta.url)) });
guardFreed(pkg);

export * from "./pkg/report/localecon.js";
