/** Test helpers: analyse our own sentences with the bundled dataset. */
import { analyze } from '../../src/core/analysis/analyze.ts';
import { textToBlocks } from '../../src/core/analysis/plaintext.ts';
import type { Analysis, Block } from '../../src/core/analysis/types.ts';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';

export const TODAY = '2026-11-26';

/** Paragraphs separated by blank lines become paragraph blocks. */
export function paragraphs(text: string): Block[] {
  return textToBlocks(text).map((b) => ({ ...b, kind: 'paragraph' as const }));
}

export function analyseText(text: string, date = '2025-06-25'): Analysis {
  return analyze({ text, blocks: paragraphs(text), meta: {}, date, today: TODAY }, bundledDataset());
}

/** Each quote's text and speaker name (null when unattributed), for compact assertions. */
export function speakers(a: Analysis): [string, string | null][] {
  return a.quotes.filter((q) => q.kind === 'speech').map((q) => [q.text, q.speaker?.name ?? null]);
}
