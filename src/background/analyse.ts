/**
 * Analysis for the content scripts, in the background: off the reader's main
 * thread, with the dataset parsed and indexed once for every tab (and the
 * core's code already compiled after the first page). The page sends its
 * extracted text; it gets back one JSON string, which it parses itself so it
 * can time that work as its own.
 */

import { analyzeAll } from '../core/analysis/progressive.ts';
import type { Sensitivity } from '../core/analysis/topic.ts';
import type { AnalysisInput } from '../core/analysis/types.ts';
import { summarise } from '../core/summary.ts';
import { extensionDataset } from '../shared/dataset.ts';
import type { AnalysisReply } from '../shared/messages.ts';

export function analyseForPage(input: AnalysisInput, sensitivity: Sensitivity): string {
  const t0 = performance.now();
  const data = extensionDataset();
  const analysis = analyzeAll(input, data, { sensitivity });
  const summary = summarise(analysis, data, input.meta.url ?? null);
  // The text goes back empty: the page has it, and it is most of the analysis's size.
  const reply: AnalysisReply = { analysis: { ...analysis, text: '' }, summary, ms: 0 };
  reply.ms = Math.round((performance.now() - t0) * 100) / 100;
  return JSON.stringify(reply);
}
