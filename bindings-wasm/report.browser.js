// Browser entry point of `localecon/report`: the module for a table's report alone (a table,
// its report, multipliers, leakage and audit; under half the download of `localecon`),
// fetched and instantiated once. Its objects belong to it: a table built here cannot be
// passed to the full module's calls.
import init, * as pkg from "./pkg/report/localecon.js";
import { guardFreed } from "./guard.js";

await init({ module_or_path: new URL("./pkg/report/localecon_bg.wasm", import.meta.url) });
guardFreed(pkg);

export * from "./pkg/report/localecon.js";
