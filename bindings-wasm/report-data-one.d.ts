// Types of the per-dataset entry points of `localecon/report`
// (`import { dataset } from "localecon/report/data/scotland-2019"`): the same tables as
// `localecon/data/<name>`, built by the report's module.
import type { RegionalTable } from "./report.js";
/** The dataset's name, as `localecon/data`'s `dataset(name)` takes it. */
export declare const NAME: string;
/** The raw files the table is built from (a part of `localecon/data`'s sources). */
export declare const FILES: Record<string, string>;
/** The table (a new RegionalTable of the report's module each call: free it when done). */
export declare function dataset(): RegionalTable;
