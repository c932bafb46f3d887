/**
 * The content script proper, loaded by its entry (content.iife.ts) once a
 * page passes the cheap first check or the reader opens the popup: wires a
 * PageSession to extension storage (per-site highlight choice, style), to the
 * background (which analyses the page) and to messages from the popup.
 */
import browser from 'webextension-polyfill';
import type { GateResult } from '../page/gate.ts';
import { PageSession } from '../page/session.ts';
import { type ContentReplies, err, ok, parseToContent, type Reply, type TabState, type ToContent } from '../shared/messages.ts';
import { DEFAULT_SETTINGS, highlightsOn, type Settings } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged } from '../shared/storage.ts';
import { backgroundAnalyser } from './analyser.ts';

export interface Controller {
  /** Answers a message from the popup or background (already checked to come from this extension). */
  handle(message: unknown): Promise<Reply<unknown>>;
  /** "Analyze anyway". */
  analyseNow(): Promise<void>;
}

const today = () => new Date().toISOString().slice(0, 10);
const host = () => location.hostname.toLowerCase();

/** The extension was reloaded or updated: this copy can no longer talk to it. */
const alive = () => {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
};

export function start(o: { gate: GateResult; gateMs: number; entryMs: number; idleMs: () => number; woken: number }): Controller {
  /** Main-thread milliseconds of loading and wiring this script (the entry's are reported apart). */
  let wakeMs = 0;
  /** The last quote count shown on the toolbar badge (a skipped page with none need not report). */
  let badged = 0;

  const stateOf = (session: PageSession): TabState => ({
    phase: session.phase,
    highlights: session.highlightsWanted,
    host: host(),
    summary: session.summary,
    ...(session.message ? { message: session.message } : {}),
    timings: { ...session.timings, gate: session.timings.gate || o.gateMs, script: o.entryMs, idle: o.idleMs(), wake: wakeMs },
  });

  const report = (session: PageSession): void => {
    const quotes = session.analysis?.verdict === 'relevant' && session.highlighted ? (session.summary?.counts.speech ?? 0) : 0;
    if (quotes === badged && session.phase === 'skipped') return;
    if (!alive()) return;
    badged = quotes;
    browser.runtime.sendMessage({ type: 'reportState', quotes, relevant: session.analysis?.verdict === 'relevant' }).catch(() => undefined);
  };

  const configure = (s: Settings): void => session.configure({ palette: s.palette, quoteStyle: s.quoteStyle }, s.cards, s.sensitivity);
  const apply = (s: Settings): void => {
    configure(s);
    const on = highlightsOn(s, host());
    if (on !== session.highlightsWanted) void session.setHighlights(on);
  };

  // The reader's settings, read once (before the first analysis, or when the popup first asks), then followed.
  // Before any analysis there is nothing to paint or clear: the highlight choice is only recorded.
  let loaded: Promise<void> | null = null;
  const settings = () =>
    (loaded ??= loadSettings().then(({ settings: s }) => {
      const t0 = performance.now();
      configure(s);
      session.highlightsWanted = highlightsOn(s, host());
      onSettingsChanged(apply);
      wakeMs += performance.now() - t0;
    }));

  const d = DEFAULT_SETTINGS;
  const session: PageSession = new PageSession({
    doc: document,
    analyse: backgroundAnalyser,
    today,
    style: { palette: d.palette, quoteStyle: d.quoteStyle },
    cards: d.cards,
    sensitivity: d.sensitivity,
    onChange: report,
    beforeAnalysis: settings,
  });
  const ready = session.start(o.gate);
  ready.catch((e: unknown) => {
    if (alive()) console.warn('[Sourcelight]', e);
  });

  async function handle(msg: ToContent): Promise<Reply<ContentReplies[ToContent['type']]>> {
    switch (msg.type) {
      case 'getState':
        return ok(stateOf(session));
      case 'setHighlights':
        await session.setHighlights(msg.on);
        return ok(stateOf(session));
      case 'analyzeNow':
        await session.analyseNow();
        return ok(stateOf(session));
      case 'scrollToQuote':
        return ok(session.scrollToQuote(msg.index));
      case 'getAnalysis':
        return ok(session.analysis);
    }
  }

  wakeMs = performance.now() - o.woken;
  return {
    handle: (message) => {
      const parsed = parseToContent(message);
      if (!parsed.ok) return Promise.resolve(err(parsed.error));
      return Promise.all([ready, settings()])
        .then(() => handle(parsed.message))
        .catch((e: unknown) => err(e instanceof Error ? e.message : String(e)));
    },
    analyseNow: () => session.analyseNow(),
  };
}
