// The embedded datasets, as a separate entry point (`import { dataset } from "localecon/data"`):
// the WebAssembly module itself carries no data, so pages that load their own tables stay small.
import { RegionalTable } from "localecon";
import { CSV, BRES_2019_EMPLOYMENT, SCOTLAND_2019_ATTRIBUTION, BRES_2019_ATTRIBUTION } from "./pkg/data.js";

export { SCOTLAND_2019_ATTRIBUTION, BRES_2019_ATTRIBUTION };

/** The names of the datasets: "scotland-2019", "scotland-2019-sections", "glasgow-2019", "miller-blair-2sector". */
export function datasetNames() {
  return Object.keys(CSV);
}

/** A dataset as a RegionalTable (free it when done). */
export function dataset(name) {
  const csv = CSV[name];
  if (csv === undefined) {
    const e = new Error(`unknown dataset ${JSON.stringify(name)}; expected one of: ${datasetNames().join(", ")}`);
    e.name = "UnknownOptionError";
    e.code = "unknown_option";
    throw e;
  }
  return RegionalTable.fromCsv(csv);
}

/** The report of a dataset, as a plain object (stateless: nothing to free). */
export function datasetReport(name) {
  const t = dataset(name);
  try {
    return t.report();
  } finally {
    t.free();
  }
}

/** BRES 2019 jobs by the 98 industries of the Scotland table: { scotland, glasgow }. */
export function bres2019Employment() {
  return { scotland: BRES_2019_EMPLOYMENT.scotland.slice(), glasgow: BRES_2019_EMPLOYMENT.glasgow.slice() };
}

/** The table text of a dataset in the labelled CSV layout. */
export function datasetCsv(name) {
  if (CSV[name] === undefined) dataset(name).free();
  return CSV[name];
}
