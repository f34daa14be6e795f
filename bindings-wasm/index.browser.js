// Browser entry point: fetches and instantiates the WebAssembly module once (top-level
// await), so that every export is ready on import.
import init from "./pkg/localecon.js";

await init({ module_or_path: new URL("./pkg/localecon_bg.wasm", import.meta.url) });

export * from "./pkg/localecon.js";
