// A freed object (after free()) answers every further call with a typed error, like every other
// localecon error: name "InvalidInputError", code "invalid_input", naming the class and the call.
// Freeing twice is harmless. Applied once by the entry points to every class of the module.

function freedError(cls, key) {
  const e = new Error(`invalid ${cls}: this ${cls} was freed (free() was called) before ${key}; build a new one`);
  e.name = "InvalidInputError";
  e.code = "invalid_input";
  return e;
}

export function guardFreed(module) {
  for (const cls of Object.values(module)) {
    const proto = typeof cls === "function" ? cls.prototype : undefined;
    if (!proto || typeof proto.__destroy_into_raw !== "function") continue;
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === "constructor" || key.startsWith("__")) continue;
      const d = Object.getOwnPropertyDescriptor(proto, key);
      if (key === "free") {
        const free = d.value;
        d.value = function () {
          if (this.__wbg_ptr !== 0) free.call(this);
        };
      } else if (typeof d.value === "function") {
        const f = d.value;
        d.value = function (...args) {
          if (this.__wbg_ptr === 0) throw freedError(cls.name, `${key}()`);
          return f.apply(this, args);
        };
      } else if (d.get) {
        const get = d.get;
        d.get = function () {
          if (this.__wbg_ptr === 0) throw freedError(cls.name, key);
          return get.call(this);
        };
      } else {
        continue;
      }
      Object.defineProperty(proto, key, d);
    }
  }
}
