/**
 * The content script: wires a PageSession to extension storage (per-site
 * highlight choice, style) and to messages from the popup and background.
 * Runs once per page; a second injection (the popup's "Analyze anyway")
 * finds the first and reuses it.
 */
import browser from 'webextension-polyfill';
import { PageSession } from '../page/session.ts';
import { type ContentReplies, err, ok, parseToContent, type Reply, type TabState, type ToContent } from '../shared/messages.ts';
import { highlightsOn, type Settings } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged } from '../shared/storage.ts';
import { datasetFromBackground } from './dataset.ts';

/**
 * Where every injection of this script into the same page finds the first (isolated world, invisible to the page).
 * A symbol, not a global name: in Chromium's isolated world a page's named elements (`<div id="__sourcelight">`,
 * `<iframe name="__sourcelight">`) still show up as window properties of that name, so a string-named global could
 * be shadowed by the page and turn Sourcelight off there (DOM clobbering). Named elements never have symbol keys.
 */
const INSTANCE = Symbol.for('sourcelight.content');
const instances = globalThis as unknown as Record<symbol, Promise<PageSession> | undefined>;

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

function stateOf(session: PageSession): TabState {
  return {
    phase: session.phase,
    highlights: session.highlightsWanted,
    host: host(),
    summary: session.summary,
    ...(session.message ? { message: session.message } : {}),
  };
}

function report(session: PageSession): void {
  if (!alive()) return;
  const quotes = session.analysis?.verdict === 'relevant' && session.highlighted ? (session.summary?.counts.speech ?? 0) : 0;
  browser.runtime.sendMessage({ type: 'reportState', quotes, relevant: session.analysis?.verdict === 'relevant' }).catch(() => undefined);
}

async function handle(msg: ToContent, session: PageSession): Promise<Reply<ContentReplies[ToContent['type']]>> {
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

function applySettings(session: PageSession, s: Settings): void {
  session.configure({ palette: s.palette, quoteStyle: s.quoteStyle }, s.cards, s.sensitivity);
  const on = highlightsOn(s, host());
  if (on !== session.highlightsWanted) void session.setHighlights(on);
}

async function main(): Promise<PageSession> {
  const { settings } = await loadSettings();
  const session = new PageSession({
    doc: document,
    dataset: datasetFromBackground,
    today,
    style: { palette: settings.palette, quoteStyle: settings.quoteStyle },
    cards: settings.cards,
    sensitivity: settings.sensitivity,
    onChange: report,
  });
  session.highlightsWanted = highlightsOn(settings, host());
  const ready = session.start();

  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    // Only our own extension may drive this script.
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = parseToContent(message);
    if (!parsed.ok) return Promise.resolve(err(parsed.error));
    return ready.then(() => handle(parsed.message, session)).catch((e: unknown) => err(e instanceof Error ? e.message : String(e)));
  });
  onSettingsChanged((s) => applySettings(session, s));
  await ready;
  return session;
}

const existing = instances[INSTANCE];
if (!existing) {
  // Registered before the first await, so a second injection arriving meanwhile finds this one.
  const started = main();
  instances[INSTANCE] = started;
  started.catch((e: unknown) => {
    if (alive()) console.warn('[Sourcelight]', e);
  });
} else {
  // Injected again by "Analyze anyway": analyse whatever the first check said.
  void existing.then((session) => session.analyseNow()).catch(() => undefined);
}
