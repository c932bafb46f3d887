/**
 * The in-page side of the benchmark: the content script's own modules (page
 * session, extraction, core, dataset) plus the alternatives we compare with,
 * exposed on window.__bench. Built into one IIFE by scripts/bench/run.ts and
 * injected into each benchmark page.
 */
import { Readability } from '@mozilla/readability';
import Mark from 'mark.js';
import { analyzeAll } from '../../src/core/analysis/progressive.ts';
import { extractArticle } from '../../src/page/extract.ts';
import { PageSession, quickGate } from '../../src/page/session.ts';
import { extensionDataset } from '../../src/shared/dataset.ts';
import { DEFAULT_PALETTE } from '../../src/shared/settings.ts';

declare global {
  interface Window {
    __bench: typeof bench;
    gc?: () => void;
  }
}

/** What one pipeline run reports (the runner adds the reference measurements to it). */
export interface PipelineResult {
  pipelineMs: number;
  analysisMs: number;
  analysisTotalMs: number;
  highlightMs: number;
  longestSliceMs: number;
  longTasks: number[];
  marks: number;
}

const today = () => '2026-11-26';
const heap = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;

function newSession(): PageSession {
  return new PageSession({
    doc: document,
    dataset: async () => extensionDataset,
    today,
    style: { palette: DEFAULT_PALETTE, quoteStyle: 'background' },
    cards: 'hover',
    sensitivity: 'normal',
  });
}

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

  /** The content script's first check on every page. */
  gate(): { ms: number; pass: boolean } {
    const t0 = performance.now();
    const r = quickGate(document);
    return { ms: performance.now() - t0, pass: r.pass };
  },

  /** Dataset parse + index, as the first analysed page pays it (cold only on the first call). */
  dataset(): number {
    const t0 = performance.now();
    extensionDataset();
    return performance.now() - t0;
  },

  /** Dataset JSON.parse alone (no index). */
  parseOnly(): number {
    const t0 = performance.now();
    JSON.parse(__SOURCELIGHT_DATASET__);
    return performance.now() - t0;
  },

  /** Extraction alone. */
  extraction(): number {
    const t0 = performance.now();
    extractArticle(document);
    return performance.now() - t0;
  },

  /** Extraction + analysis, before any DOM change. */
  analysis(): number {
    const t0 = performance.now();
    const x = extractArticle(document);
    analyzeAll({ text: x.text, blocks: x.blocks, meta: x.meta, today: today() }, extensionDataset());
    return performance.now() - t0;
  },

  /** The full in-page work as the content script does it: gate, extraction, analysis, highlighting (in slices). */
  async pipeline(): Promise<PipelineResult> {
    const longTasks: number[] = [];
    let observer: PerformanceObserver | null = null;
    try {
      observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longTasks.push(e.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
    } catch {
      observer = null; // Firefox has no long-task timing.
    }
    const s = newSession();
    // Exactly what the content script does on load: the first check, then (if it passes) analysis, and
    // highlighting when the page is a relevant article. The first check is timed here; start() repeats it.
    const t0 = performance.now();
    const gate = quickGate(document);
    const gateMs = performance.now() - t0;
    if (gate.pass) await s.start();
    const marks = document.querySelectorAll('mark[data-sourcelight]').length;
    await new Promise((r) => setTimeout(r, 50));
    observer?.disconnect();
    s.destroy();
    const t = s.timings;
    return {
      pipelineMs: gateMs + t.analysis + t.highlight,
      // Before any DOM change (first check, extraction, dataset, first chunk): the "analysis".
      analysisMs: gateMs + t.beforeFirstChange,
      analysisTotalMs: gateMs + t.analysis,
      highlightMs: t.highlight,
      longestSliceMs: Math.max(t.longestSlice, gateMs),
      longTasks,
      marks,
    };
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

  /** JS heap added by analysing and highlighting, and by 50 on/off toggles afterwards. */
  async memory(): Promise<{ pipelineBytes: number | null; togglesBytes: number | null }> {
    const before = bench.heap();
    const s = newSession();
    await s.analyseNow();
    const afterPipeline = bench.heap();
    for (let i = 0; i < 50; i++) {
      await s.setHighlights(false);
      await s.setHighlights(true);
    }
    const afterToggles = bench.heap();
    s.destroy();
    return {
      pipelineBytes: before !== null && afterPipeline !== null ? afterPipeline - before : null,
      togglesBytes: afterPipeline !== null && afterToggles !== null ? afterToggles - afterPipeline : null,
    };
  },
};

window.__bench = bench;
