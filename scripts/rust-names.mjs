// JavaScript spells the core's field names in camelCase (bindings-wasm/src/case: `typeII` for
// `type_ii`); the cross-language checks compare under Rust's names, so each key is spelt
// back. Keys that are data (sector codes, channel names) are not camelCase and pass
// unchanged, so a key that did not map one-to-one shows as a disagreement.
/** JavaScript's spelling of a Rust name: `type_ii` → `typeII` (the rule of bindings-wasm/src/case). */
export const jsName = (name) =>
  name.split("_").map((w, k) => (k === 0 ? w : w === "ii" ? "II" : w[0].toUpperCase() + w.slice(1))).join("");

/** Rust's spelling of a JavaScript key (the inverse of `jsName` for the keys it makes). */
export const rustName = (k) =>
  /^[a-z][a-zA-Z0-9]*$/.test(k) ? k.replace(/II(?=[A-Z]|$)/g, "_ii").replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : k;

export const rustNames = (v) => {
  if (Array.isArray(v)) return v.map(rustNames);
  if (v === null || typeof v !== "object" || ArrayBuffer.isView(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [rustName(k), rustNames(x)]));
};
