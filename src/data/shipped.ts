/**
 * The dataset as the extension ships it: checked, compacted and with its
 * phrase index precompiled, as one JSON string. The build inlines it into the
 * background and the options page (`__SOURCELIGHT_DATASET__`, read by
 * src/shared/dataset.ts); the benchmark and the tests use the same string.
 */
import { compactDataset } from '../core/dataset/compact.ts';
import { compileIndex, packIndex } from '../core/dataset/index.ts';
import { buildDataset } from '../core/dataset/schema.ts';
import { DATASET_META, DATASET_SOURCES } from './index.ts';

export function shippedDatasetJson(): string {
  const r = buildDataset(DATASET_META, DATASET_SOURCES);
  if (!r.ok) throw new Error(`The dataset is invalid (${r.errors.length} problems):\n  ${r.errors.join('\n  ')}`);
  return JSON.stringify({ dataset: compactDataset(r.dataset), index: packIndex(compileIndex(r.dataset)) });
}
