// Browser entry point: fetches and instantiates the WebAssembly module once (top-level
// await), so that every export is ready on import.
import init, * as pkg from "./pkg/localecon.js";
import { guardFreed } from "./guard.js";

await init({ module_or_path: new URL("./pkg/localecon_bg.wasm", import.meta.url) });
guardFreed(pkg);

export * from "./pkg/localecon.js";
