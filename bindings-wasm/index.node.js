// Node entry point: loads the WebAssembly module synchronously, so that every export is
// ready on import (no init call needed).
import { readFileSync } from "node:fs";
import * as pkg from "./pkg/localecon.js";
import { guardFreed } from "./guard.js";

pkg.initSync({ module: readFileSync(new URL("./pkg/localecon_bg.wasm", import.meta.url)) });
guardFreed(pkg);

export * from "./pkg/localecon.js";
