/**
 * The dataset inside the extension: built, checked and compacted at build
 * time (see vite.config.ts) and inlined here as one JSON string. The
 * background and the options page hold it; the content script asks the
 * background for it (src/content/dataset.ts) only once a page passed the
 * cheap first check, so pages that are not articles never load it.
 */
import { DatasetIndex, type PackedIndex } from '../core/dataset/index.ts';
import type { Dataset } from '../core/dataset/types.ts';

export interface ShippedDataset {
  dataset: Dataset;
  index: PackedIndex;
}

/** The shipped dataset as the JSON string the build inlined. */
export const DATASET_JSON: string = __SOURCELIGHT_DATASET__;

let parsed: ShippedDataset | null = null;
let index: DatasetIndex | null = null;

function shipped(): ShippedDataset {
  parsed ??= JSON.parse(DATASET_JSON) as ShippedDataset;
  return parsed;
}

export function extensionDataset(): DatasetIndex {
  const s = shipped();
  index ??= new DatasetIndex(s.dataset, s.index);
  return index;
}

export const datasetInfo = () => {
  const { dataset } = shipped();
  return {
    version: dataset.meta.version,
    asOf: dataset.meta.asOf,
    people: dataset.people.length,
    terms: dataset.people.reduce((n, p) => n + p.terms.length, 0),
    organisations: dataset.organisations.length,
    concepts: dataset.concepts.length,
  };
};
