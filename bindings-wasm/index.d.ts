// Types of the package entry points: everything the WebAssembly module exports, ready to use.
export * from "./pkg/localecon.js";
