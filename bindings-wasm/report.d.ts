// Types of `localecon/report`: what its WebAssembly module exports (a subset of `localecon`'s,
// the same names and types).
export * from "./pkg/report/localecon.js";
