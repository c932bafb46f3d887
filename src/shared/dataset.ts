/**
 * The dataset inside the extension: built, checked and compacted at build
 * time, so pages pay only for indexing it, once, and only when the cheap
 * first check passed.
 */
import { DatasetIndex } from '../core/dataset/index.ts';
import type { Dataset } from '../core/dataset/types.ts';

let dataset: Dataset | null = null;
let index: DatasetIndex | null = null;

function load(): Dataset {
  dataset ??= JSON.parse(__SOURCELIGHT_DATASET__) as Dataset;
  return dataset;
}

export function extensionDataset(): DatasetIndex {
  index ??= new DatasetIndex(load());
  return index;
}

export const datasetInfo = () => {
  const dataset = load();
  return {
    version: dataset.meta.version,
    asOf: dataset.meta.asOf,
    people: dataset.people.length,
    terms: dataset.people.reduce((n, p) => n + p.terms.length, 0),
    organisations: dataset.organisations.length,
    concepts: dataset.concepts.length,
  };
};
