/**
 * One page's Sourcelight session, DOM-side: decide cheaply whether the page
 * is worth analysing, extract and analyse it, highlight, show cards, follow
 * the page as it changes (lazy paragraphs, "read more", single-page-app
 * navigation) with one debounced observer, and undo everything on request.
 * No browser extension APIs here: the content script wires those in.
 */

import type { Sensitivity } from '../core/analysis/topic.ts';
import type { Analysis, AnalysisInput } from '../core/analysis/types.ts';
import { MAX_TEXT_CHARS } from '../core/limits.ts';
import type { Summary } from '../core/summary.ts';
import { newTimings, type SessionTimings } from '../core/timings.ts';
import { type CardContent, type CardMode, Cards } from './cards.ts';
import { type Extraction, extractArticle, extractArticleInSteps } from './extract.ts';
import { type GateResult, quickGate } from './gate.ts';
import { Highlighter, type HighlightStyle, MARK_CLASS, planRanges } from './highlight.ts';
import { type PageWatch, watchPage } from './watch.ts';

export type Phase = 'idle' | 'analysing' | 'ready' | 'skipped' | 'error';

export interface AnalysisResult {
  analysis: Analysis;
  summary: Summary;
  /** Milliseconds the analysis took off the page's main thread (0 when it ran in the page). */
  remoteMs: number;
}

/**
 * Analyses a page's extracted text. Resolves to a function that finishes the
 * job on the page's main thread (parsing a reply, or the whole analysis when
 * it runs in the page): the session times that call as its own work.
 */
export type Analyser = (input: AnalysisInput, sensitivity: Sensitivity) => Promise<() => AnalysisResult>;

export interface SessionOptions {
  doc: Document;
  /** Where the analysis runs (the extension: in the background; the benchmark's reference: in the page). */
  analyse: Analyser;
  today: () => string;
  style: HighlightStyle;
  cards: CardMode;
  sensitivity: Sensitivity;
  /** Called whenever the state the popup shows changes. */
  onChange?: (s: PageSession) => void;
  /**
   * Awaited before each analysis: the content script loads the reader's
   * settings here, so a page skipped by the first check never touches storage.
   */
  beforeAnalysis?: () => Promise<void>;
}

/** Blocks marked per slice before yielding to the page. */
const SLICE_MS = 12;
/** Text beyond which extraction, sending and parsing the answer each get a slice of their own. */
const BIG_PAGE_CHARS = 100_000;

export class PageSession {
  phase: Phase = 'idle';
  message: string | null = null;
  analysis: Analysis | null = null;
  summary: Summary | null = null;
  extraction: Extraction | null = null;
  highlightsWanted = true;
  /** Milliseconds of the last run (see SessionTimings). */
  timings: SessionTimings = newTimings(0, 0);

  private readonly highlighter: Highlighter;
  /** Created on the first highlighting: a page that is never highlighted gets no listeners from us. */
  private cardsInstance: Cards | null = null;
  private cardMode: CardMode;
  /** Follows the page's changes once the first run is over. */
  private watcher: PageWatch | null = null;
  private url: string;
  /** Bumped when a new analysis starts (or the page goes away): older runs stop. */
  private runToken = 0;
  /** The reader asked for this page ("Analyze anyway"): highlight it whatever the verdict, until it navigates. */
  private forced = false;
  private style: HighlightStyle;
  private sensitivity: Sensitivity;
  /** The current analysis is one to highlight (a relevant article, or forced): "on" paints only such a page. */
  private paintable = false;
  /** Bumped when highlighting must stop or restart: older marking loops stop. */
  private paintToken = 0;

  constructor(private readonly opts: SessionOptions) {
    this.style = opts.style;
    this.sensitivity = opts.sensitivity;
    this.highlighter = new Highlighter(opts.style);
    this.cardMode = opts.cards;
    this.url = opts.doc.location?.href ?? '';
  }

  get highlighted(): boolean {
    return this.highlighter.active;
  }

  /** Runs the first check (unless the caller just did), then the analysis; highlights relevant articles when wanted. */
  async start(checked?: GateResult): Promise<void> {
    const t0 = performance.now();
    const gate = checked ?? quickGate(this.opts.doc);
    if (!checked) this.timings.gate = performance.now() - t0;
    if (!gate.pass) {
      this.phase = 'skipped';
      this.message = gate.reason;
      this.opts.onChange?.(this);
      this.observe();
      return;
    }
    await this.run();
    this.observe();
  }

  /** Analyses now, whatever the first check said ("Analyze anyway"); highlights if wanted. */
  async analyseNow(): Promise<void> {
    this.forced = true;
    await this.run();
    this.observe();
  }

  private async run(): Promise<void> {
    this.phase = 'analysing';
    const runId = ++this.runToken;
    // Settings that cannot be read leave the current ones (the defaults) in place.
    await this.opts.beforeAnalysis?.().catch(() => undefined);
    if (runId !== this.runToken) return;
    const started = performance.now();
    this.timings = newTimings(this.timings.gate, started);
    try {
      const doc = this.opts.doc;
      let sliceStart = started;
      // Read in steps: a giant page's reading is spread over slices.
      const steps = extractArticleInSteps(doc, { url: doc.location?.href ?? '', budget: MAX_TEXT_CHARS });
      let step = steps.next();
      while (!step.done) {
        if (performance.now() - sliceStart > SLICE_MS) {
          sliceStart = await this.endSlice(sliceStart, 'analysis');
          if (runId !== this.runToken) return;
        }
        step = steps.next();
      }
      const extraction = step.value;
      // A long page: sending its text (serialising it) gets a slice of its own.
      if (extraction.text.length > BIG_PAGE_CHARS) {
        sliceStart = await this.endSlice(sliceStart, 'analysis');
        if (runId !== this.runToken) return;
      }
      // Only plain data leaves the page layer: the blocks without their elements.
      const input: AnalysisInput = {
        text: extraction.text,
        blocks: extraction.blocks.map(({ kind, start, end }) => ({ kind, start, end })),
        meta: extraction.meta,
        today: this.opts.today(),
      };
      const pending = this.opts.analyse(input, this.sensitivity);
      sliceStart = await this.endSlice(sliceStart, 'analysis', false);
      const finish = await pending;
      if (runId !== this.runToken) return;
      sliceStart = performance.now();
      const { analysis, summary, remoteMs } = finish();
      this.timings.remote = remoteMs;
      this.withoutObserver(() => this.highlighter.clear());
      this.extraction = extraction;
      this.analysis = analysis;
      this.summary = summary;
      this.phase = 'ready';
      this.message = null;
      const paint = this.forced || (analysis.verdict === 'relevant' && analysis.isArticle);
      this.paintable = paint;
      const analysed = performance.now();
      this.timings.analysis += analysed - sliceStart;
      // A long reply to parse gets a slice of its own before the marking starts.
      sliceStart = analysed - sliceStart > SLICE_MS ? await this.endSlice(sliceStart, null) : sliceStart;
      if (paint && this.highlightsWanted) {
        const t = performance.now();
        const plans = planRanges(analysis, extraction.blocks);
        this.timings.highlight += performance.now() - t;
        sliceStart = await this.markPlans(plans, this.paintToken, sliceStart);
        if (runId !== this.runToken) return;
      }
      this.noteSlice(performance.now() - sliceStart);
      if (this.timings.beforeFirstChange < 0) this.timings.beforeFirstChange = this.timings.analysis;
      this.timings.total = performance.now() - started;
    } catch (e) {
      this.phase = 'error';
      this.message = `Analysis failed: ${e instanceof Error ? e.message : String(e)}`;
    }
    this.opts.onChange?.(this);
  }

  /** Marks blocks in order, yielding to the page whenever a slice has run SLICE_MS. Returns the new slice start. */
  private async markPlans(plans: ReturnType<typeof planRanges>, token: number, sliceStart: number): Promise<number> {
    this.cardsInstance ??= new Cards(this.opts.doc, (m) => this.cardFor(m), this.cardMode);
    let start = sliceStart;
    let t = performance.now();
    for (const p of plans) {
      if (token !== this.paintToken || !this.highlightsWanted) return start;
      if (this.timings.beforeFirstChange < 0) this.timings.beforeFirstChange = this.timings.analysis;
      this.withoutObserver(() => this.highlighter.markBlock(p));
      const now = performance.now();
      this.timings.highlight += now - t;
      t = now;
      if (now - start > SLICE_MS) {
        start = await this.endSlice(start, null);
        t = start;
      }
    }
    return start;
  }

  /** Ends a slice of main-thread work: records its length, lets the page run, returns when we may continue. */
  private async endSlice(sliceStart: number, counted: 'analysis' | null, yieldNow = true): Promise<number> {
    const now = performance.now();
    if (counted) this.timings[counted] += now - sliceStart;
    this.noteSlice(now - sliceStart);
    if (yieldNow) await new Promise((r) => setTimeout(r, 0));
    return performance.now();
  }

  private noteSlice(ms: number): void {
    if (ms > this.timings.longestSlice) this.timings.longestSlice = ms;
  }

  /** Highlights the whole analysis again (after "off" then "on"), in slices. */
  private async paint(): Promise<void> {
    const { analysis, extraction } = this;
    if (!analysis || !extraction) return;
    const token = ++this.paintToken;
    const start = await this.markPlans(planRanges(analysis, extraction.blocks), token, performance.now());
    this.noteSlice(performance.now() - start);
  }

  /** Turns highlights on or off at once; off restores the page's DOM exactly. */
  async setHighlights(on: boolean): Promise<void> {
    this.highlightsWanted = on;
    if (!on) {
      this.paintToken++;
      this.cardsInstance?.hide();
      this.withoutObserver(() => this.highlighter.clear());
    } else if (this.analysis && this.paintable && !this.highlighter.active) {
      await this.paint();
    }
    this.opts.onChange?.(this);
  }

  /**
   * New settings from the options page: cards switch at once, a new palette or
   * quote style repaints the marks, a new sensitivity judges the page again.
   */
  configure(style: HighlightStyle, cards: CardMode, sensitivity: Sensitivity): void {
    this.cardMode = cards;
    this.cardsInstance?.setMode(cards);
    const restyled = JSON.stringify(style) !== JSON.stringify(this.style);
    this.style = style;
    this.highlighter.setStyle(style);
    if (sensitivity !== this.sensitivity) {
      this.sensitivity = sensitivity;
      if (this.phase === 'ready') void this.run();
      return;
    }
    if (restyled && this.highlighter.active) {
      this.withoutObserver(() => this.highlighter.clear());
      void this.paint();
    }
  }

  /** Scrolls the page to a quote and flashes it. */
  scrollToQuote(index: number): boolean {
    const doc = this.opts.doc;
    const mark = doc.querySelector(`mark.${MARK_CLASS}[data-sourcelight="quote"][data-quote-index="${index}"]`);
    const reduced = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    if (mark) {
      mark.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
      this.withoutObserver(() => {
        for (const m of doc.querySelectorAll(`mark.${MARK_CLASS}[data-quote-index="${index}"]`)) m.setAttribute('data-sl-flash', '');
      });
      setTimeout(
        () =>
          this.withoutObserver(() => {
            for (const m of doc.querySelectorAll(`mark.${MARK_CLASS}[data-sl-flash]`)) m.removeAttribute('data-sl-flash');
          }),
        1700,
      );
      return true;
    }
    // Highlights off: scroll to the block holding the quote.
    const q = this.analysis?.quotes[index];
    const block = q && this.extraction?.blocks.find((b) => b.start <= q.start && q.start < b.end);
    if (block?.element.isConnected) {
      block.element.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
      return true;
    }
    return false;
  }

  destroy(): void {
    this.watcher?.stop();
    this.watcher = null;
    this.runToken++;
    this.paintToken++;
    this.withoutObserver(() => this.highlighter.clear());
    this.cardsInstance?.destroy();
    this.cardsInstance = null;
  }

  // ---- following page changes ------------------------------------------

  private observe(): void {
    this.watcher ??= watchPage(this.opts.doc, () => this.onPageChanged(), isOurs);
  }

  /** Runs fn with the observer paused, so our own DOM changes never trigger a rescan. */
  private withoutObserver<T>(fn: () => T): T {
    return this.watcher ? this.watcher.quiet(fn) : fn();
  }

  private onPageChanged(): void {
    const href = this.opts.doc.location?.href ?? '';
    const navigated = href !== this.url;
    this.url = href;
    if (!navigated && this.extraction && sameText(this.extraction, this.opts.doc)) return;
    // New article after navigation (old marks go at once), or new paragraphs (old marks stay until the new
    // analysis arrives, and stay if it cannot: a copy left behind by an extension update has no background).
    this.runToken++;
    this.paintToken++;
    if (navigated) {
      this.withoutObserver(() => this.highlighter.clear());
      this.forced = false;
      this.paintable = false;
      this.analysis = null;
      this.summary = null;
      this.extraction = null;
      void this.start();
    } else if (this.phase === 'skipped') {
      void this.start();
    } else void this.run();
  }

  // ---- cards ---------------------------------------------------------------

  private cardFor(mark: Element): CardContent | null {
    const a = this.analysis;
    const s = this.summary;
    if (!a || !s) return null;
    if (mark.getAttribute('data-sourcelight') === 'official') {
      const key = mark.getAttribute('data-official-key');
      const o = a.officials.find((x) => x.key === key);
      if (!o) return null;
      const person = [...s.speakers, ...s.mentioned].find((p) => p.key === key);
      const x = s.crossRefs.find((c) => c.key === key);
      const lines: CardContent['lines'] = [];
      if (o.org) lines.push({ label: 'Organisation', text: o.org });
      if (x?.counterparts.length) lines.push({ label: 'Counterparts here', text: x.counterparts.join(', ') });
      if (x?.predecessor) lines.push({ label: 'Predecessor', text: x.predecessor });
      if (x?.successor) lines.push({ label: 'Successor', text: x.successor });
      if (person?.quoteCount) lines.push({ label: 'Quoted', text: `${person.quoteCount} time${person.quoteCount > 1 ? 's' : ''}` });
      const concept = x?.concepts[0];
      if (concept) lines.push({ label: concept.name, text: concept.description });
      return {
        title: o.name,
        subtitle: [o.role, person?.countryName].filter(Boolean).join(' · ') + (o.role ? ` (on ${a.date})` : ''),
        colour: null,
        lines,
        note: o.id ? null : 'Not in the Sourcelight dataset: role as the article gives it.',
      };
    }
    const index = Number(mark.getAttribute('data-quote-index'));
    const q = a.quotes[index];
    if (!q) return null;
    if (q.kind === 'scare') return { title: 'Quoted term', subtitle: 'Scare quotes or a title, not speech.', lines: [] };
    if (!q.speaker) return { title: 'Unattributed quote', subtitle: 'No speaker could be found for this quote.', lines: [] };
    const o = a.officials.find((x) => x.key === q.speaker?.key);
    const colour = this.highlighter.colourOf(mark);
    return {
      title: q.speaker.name,
      subtitle: o?.role ? `${o.role}${o.org ? `, ${o.org}` : ''}` : q.speaker.type === 'organisation' ? 'Organisation' : null,
      colour,
      lines: q.cue ? [{ label: 'Attributed by', text: `“${q.cue}”` }] : [],
    };
  }
}

/** Mutations that only touch our marks or our UI. */
function isOurs(r: MutationRecord): boolean {
  const t = r.target;
  const el = t.nodeType === 1 ? (t as Element) : t.parentElement;
  if (el?.closest(`mark.${MARK_CLASS}, [data-sourcelight-ui]`)) return true;
  const nodes = [...r.addedNodes, ...r.removedNodes];
  return nodes.length > 0 && nodes.every((n) => n.nodeType === 1 && (n as Element).matches(`mark.${MARK_CLASS}, [data-sourcelight-ui]`));
}

/** The article's text is what we analysed last time. */
function sameText(x: Extraction, doc: Document): boolean {
  const fresh = extractArticle(doc, { budget: MAX_TEXT_CHARS });
  return fresh.text === x.text;
}
