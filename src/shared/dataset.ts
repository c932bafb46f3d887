/**
 * The dataset inside the extension: built, checked and compacted at build
 * time (src/data/shipped.ts) and inlined here as one JSON string. The
 * background (which analyses pages for the content scripts) and the options
 * page hold it; pages never load it.
 */
import { DatasetIndex, type PackedIndex } from '../core/dataset/index.ts';
import type { Dataset } from '../core/dataset/types.ts';

interface ShippedDataset {
  dataset: Dataset;
  index: PackedIndex;
}

let parsed: ShippedDataset | null = null;
let index: DatasetIndex | null = null;

function shipped(): ShippedDataset {
  parsed ??= JSON.parse(__SOURCELIGHT_DATASET__) as ShippedDataset;
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
