// Types of the per-dataset entry points (`import { dataset } from "localecon/data/glasgow-2019"`):
// "scotland-2019", "scotland-2019-sections", "glasgow-2019", "miller-blair-2sector" and
// "australia-2021", each the table alone, without the raw files of every other dataset.
import type { RegionalTable } from "./index.js";
/** The dataset's name, as `localecon/data`'s `dataset(name)` takes it. */
export declare const NAME: string;
/** The raw files the table is built from (a part of `localecon/data`'s sources). */
export declare const FILES: Record<string, string>;
/** The table (a new RegionalTable each call: free it when done). The same table, to the last
 * bit, as `dataset(NAME)` from `localecon/data`. */
export declare function dataset(): RegionalTable;
