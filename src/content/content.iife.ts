/**
 * The content script's entry, written for the page that is not an article
 * about NATO and Russia (most pages it runs on): it runs the cheap first
 * check and, when the page fails it, loads nothing more — no extension API
 * wrapper, no storage read, no session — unless the page changes into an
 * article or the reader opens the popup. Everything else (src/content/content.ts)
 * sits behind one dynamic import, which the IIFE build inlines, so it is
 * parsed but never evaluated on such pages.
 */
import { type GateResult, quickGate } from '../page/gate.ts';
import { watchPage } from '../page/watch.ts';
import type { Controller } from './content.ts';

const started = performance.now();

/**
 * Where every injection of this script into the same page finds the first (isolated world, invisible to the page).
 * A symbol, not a global name: in Chromium's isolated world a page's named elements (`<div id="__sourcelight">`,
 * `<iframe name="__sourcelight">`) still show up as window properties of that name, so a string-named global could
 * be shadowed by the page and turn Sourcelight off there (DOM clobbering). Named elements never have symbol keys.
 */
const INSTANCE = Symbol.for('sourcelight.content');
const instances = globalThis as unknown as Record<symbol, { wake: () => Promise<Controller> } | undefined>;

/** A skipped page's deferred work runs within this long. */
const IDLE_TIMEOUT_MS = 1000;
/** Main-thread milliseconds of a skipped page's deferred work (its listener and watch). */
let idleMs = 0;

function main(): void {
  const existing = instances[INSTANCE];
  if (existing) {
    // Injected again by "Analyze anyway": analyse whatever the first check said.
    void existing
      .wake()
      .then((c) => c.analyseNow())
      .catch(() => undefined);
    return;
  }
  let gate: GateResult = quickGate(document);
  const gateMs = performance.now() - started;
  let entryMs = 0;
  let loading: Promise<Controller> | null = null;
  let stopWatching = () => {};
  const wake = () => {
    stopWatching();
    const woken = performance.now();
    loading ??= import('./content.ts').then((m) => m.start({ gate, gateMs, entryMs, idleMs: () => idleMs, woken }));
    return loading;
  };
  instances[INSTANCE] = { wake };
  if (gate.pass) {
    listen(wake);
    void wake();
  } else {
    // Not an article about NATO and Russia: what is left (the popup's listener, the watch for the page turning
    // into one) waits until the browser is idle. The extension API's first use costs 0.5 ms in Chromium and
    // 5–9 ms in Firefox, which creates it on first access.
    whenIdle(() => {
      const t0 = performance.now();
      listen(wake);
      // Content a script put in after the first look (a page rendered in the browser) is judged once more now.
      const again = loading ? null : quickGate(document);
      if (again?.pass) {
        gate = again;
        void wake();
      } else if (again) {
        const watch = watchPage(document, () => {
          gate = quickGate(document);
          if (gate.pass) void wake();
        });
        if (watch) stopWatching = () => watch.stop();
      }
      idleMs = performance.now() - t0;
    });
  }
  entryMs = performance.now() - started;
}

/** Runs `fn` when the browser has nothing else to do (within a second). */
function whenIdle(fn: () => void): void {
  const view = globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number };
  if (view.requestIdleCallback) view.requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(fn, 1);
}

/**
 * The one message listener, on the browser's own API (the promise wrapper
 * loads with the rest): a message from the popup wakes the full script.
 */
function listen(wake: () => Promise<Controller>): void {
  const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
  api.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only our own extension may drive this script.
    if (sender.id !== api.runtime.id) return undefined;
    wake()
      .then((c) => c.handle(message))
      .then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }));
    return true;
  });
}

main();
