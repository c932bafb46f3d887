/**
 * The content script's dataset: asked of the background (which has it
 * inlined) the first time a page passes the cheap first check, so the
 * content script itself stays small and pages that are not articles never
 * load the dataset at all.
 */
import browser from 'webextension-polyfill';
import { DatasetIndex, type PackedIndex } from '../core/dataset/index.ts';
import type { Dataset } from '../core/dataset/types.ts';
import type { Reply } from '../shared/messages.ts';

let pending: Promise<string> | null = null;
let index: DatasetIndex | null = null;

/**
 * Fetches the dataset's JSON from the background; resolves to a function
 * that parses and indexes it (once), so the caller can time that work as
 * part of its own slice on the main thread.
 */
export async function datasetFromBackground(): Promise<() => DatasetIndex> {
  if (index) {
    const ready = index;
    return () => ready;
  }
  pending ??= browser.runtime.sendMessage({ type: 'getDataset' }).then((reply: unknown) => {
    const r = reply as Reply<string> | undefined;
    if (!r?.ok || typeof r.value !== 'string') throw new Error(`the dataset could not be loaded: ${r && !r.ok ? r.error : 'no answer'}`);
    return r.value;
  });
  let json: string;
  try {
    json = await pending;
  } catch (e) {
    // A failed load (the extension reloading) may be retried on the next analysis.
    pending = null;
    throw e;
  }
  return () => {
    if (!index) {
      const shipped = JSON.parse(json) as { dataset: Dataset; index: PackedIndex };
      index = new DatasetIndex(shipped.dataset, shipped.index);
    }
    return index;
  };
}
