// Node entry point: loads the WebAssembly module synchronously, so that every export is
// ready on import (no init call needed).
import { readFileSync } from "node:fs";
import { initSync } from "./pkg/localecon.js";

initSync({ module: readFileSync(new URL("./pkg/localecon_bg.wasm", import.meta.url)) });

export * from "./pkg/localecon.js";
