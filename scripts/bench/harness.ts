/**
 * The in-page side of the benchmark: the reference measurements (the floor,
 * naive mark.js, Readability, the core run on the page's own thread) and the
 * page's JS heap, exposed on window.__bench. Built into one IIFE by
 * scripts/bench/run.ts and injected into each benchmark page after the
 * extension's own run (whose figures the content script reports itself).
 */
import { Readability } from '@mozilla/readability';
import Mark from 'mark.js';
import { analyzeAll } from '../../src/core/analysis/progressive.ts';
import { summarise } from '../../src/core/summary.ts';
import { extractArticle } from '../../src/page/extract.ts';
import { extensionDataset } from '../../src/shared/dataset.ts';

declare global {
  interface Window {
    __bench: typeof bench;
    __longTasks?: { startTime: number; duration: number }[];
    gc?: () => void;
  }
}

const today = () => '2026-11-26';
const heap = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;

const bench = {
  textBytes(): number {
    return new TextEncoder().encode(extractArticle(document).text).length;
  },

  /** The least any text-processing extension can do: read every text node once. */
  floor(): number {
    const t0 = performance.now();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let t = w.nextNode(); t; t = w.nextNode()) n += (t.nodeValue ?? '').length;
    const ms = performance.now() - t0;
    if (n < 0) throw new Error('unreachable');
    return ms;
  },

  /**
   * The reference for the design choice: the core run on the page's own main
   * thread, cold (dataset parsed and indexed, code compiled on first use), as
   * a content script without a background analysis would have to.
   */
  inPage(): number {
    const t0 = performance.now();
    const x = extractArticle(document);
    const data = extensionDataset();
    const analysis = analyzeAll({ text: x.text, blocks: x.blocks, meta: x.meta, today: today() }, data);
    summarise(analysis, data, location.href);
    return performance.now() - t0;
  },

  /** What a simple keyword highlighter does: mark.js searching for many names. */
  naive(keywords: string[]): number {
    const t0 = performance.now();
    const m = new Mark(document.body);
    m.mark(keywords, { separateWordSearch: false, diacritics: false, className: 'bench-naive' });
    const ms = performance.now() - t0;
    m.unmark({ className: 'bench-naive' });
    return ms;
  },

  readability(): number {
    const t0 = performance.now();
    new Readability(document.cloneNode(true) as Document).parse();
    return performance.now() - t0;
  },

  heap(): number | null {
    window.gc?.();
    window.gc?.();
    return heap();
  },

  /** Long tasks the browser saw after `since` (Chromium only; the observer is installed before the page loads). */
  longTasksSince(since: number): number[] {
    return (window.__longTasks ?? []).filter((t) => t.startTime >= since).map((t) => t.duration);
  },
};

window.__bench = bench;
