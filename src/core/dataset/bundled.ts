/**
 * The dataset shipped with the extension, checked and indexed once on first
 * use. A file that fails the checks is reported with every problem, never
 * used half-valid.
 */
import { DATASET_META, DATASET_SOURCES } from '../../data/index.ts';
import { DatasetIndex } from './index.ts';
import { buildDataset } from './schema.ts';

let cached: DatasetIndex | null = null;

export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(`The bundled dataset is invalid (${problems.length} problem(s)): ${problems.slice(0, 3).join('; ')}`);
  }
}

export function bundledDataset(): DatasetIndex {
  if (cached) return cached;
  const r = buildDataset(DATASET_META, DATASET_SOURCES);
  if (!r.ok) throw new DatasetError(r.errors);
  cached = new DatasetIndex(r.dataset);
  return cached;
}
