/**
 * Malformed messages, in Chromium and Firefox: sent from one of our extension pages (the options page)
 * to the background and to a tab's content script, each gets an `{ ok: false, error }` reply; neither
 * receiver throws (Chromium: the service worker's exceptions through CDP; both: the article tab's
 * errors, where a content script's uncaught errors show), and both go on answering well-formed messages.
 * The validators themselves: tests/unit/messages.test.ts.
 */
import type { CDPSession } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMarks, openWatched, realProblems, sleep, type WatchedPage, waitForMarks } from './hardening.helpers.ts';
import { extensionProbe, knownTabId, type LaunchedBrowser, launchBrowser } from './support/launch.ts';
import { closeQuietly } from './support/pages.ts';
import { type FixtureServer, startServer } from './support/server.ts';

const HOST = 'www.theguardian.com';

/** JSON-shaped garbage both browsers can carry (Chromium's runtime messaging is JSON; Firefox's is structured clone). */
const MALFORMED: unknown[] = [
  'ping',
  42,
  true,
  [],
  [{ type: 'ping' }],
  {},
  { type: 42 },
  { type: null },
  { type: ['ping'] },
  { type: { type: 'ping' } },
  { type: 'stealData' },
  { type: 'constructor' },
  { type: 'toString' },
  { type: 'hasOwnProperty' },
  { type: 'x'.repeat(50_000) },
  { type: 'ping', extra: '<img src=x onerror=alert(1)>' },
  { type: 'getState', html: '<script>alert(1)</script>' },
  { type: 'setHighlights', on: 'off' },
  { type: 'setHighlights' },
  { type: 'scrollToQuote', index: -1 },
  { type: 'scrollToQuote', index: 1e12 },
  { type: 'scrollToQuote', index: '0' },
  { type: 'setSiteHighlights', host: 'javascript:alert(1)', on: false },
  { type: 'setSiteHighlights', host: HOST, on: 'no' },
  { type: 'getSiteHighlights', host: 'a'.repeat(400) },
  { type: 'injectInto', tabId: -1 },
  { type: 'injectInto', tabId: 1.5 },
  { type: 'injectInto', tabId: '1' },
  { type: 'reportState', quotes: -5, relevant: true },
  { type: 'reportState' },
  { type: 'runCommand', command: 'uninstall-everything' },
  Object.fromEntries([['type', 'getState'], ...Array.from({ length: 2000 }, (_, i) => [`k${i}`, i])]),
];

let server: FixtureServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

interface Outcome {
  /** The reply, as JSON, or 'undefined'. */
  reply?: string;
  /** What sendMessage threw, if it did. */
  thrown?: string;
}

describe.each(['chromium', 'firefox'] as const)('%s', (kind) => {
  let b: LaunchedBrowser;
  let article: WatchedPage;
  let worker: CDPSession | undefined;
  /** Uncaught exceptions and console errors in the background (Chromium's service worker). */
  const backgroundProblems: string[] = [];

  beforeAll(async () => {
    b = await launchBrowser(kind, { server });
    if (kind === 'chromium') {
      const sw = b.browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(b.extensionBaseUrl));
      worker = await sw?.createCDPSession();
      worker?.on('Runtime.exceptionThrown', (e) =>
        backgroundProblems.push(`exception: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`),
      );
      worker?.on('Runtime.consoleAPICalled', (e) => {
        if (e.type === 'error' || e.type === 'warning')
          backgroundProblems.push(`console.${e.type}: ${JSON.stringify(e.args.map((a) => a.value ?? a.description))}`);
      });
      await worker?.send('Runtime.enable');
    }
    article = await openWatched(b, server.url(HOST, '/nato-article.html'));
    await waitForMarks(article.page, (c) => c.quotes > 0 && c.officials > 0);
  });

  afterAll(async () => {
    await worker?.detach().catch(() => undefined);
    if (article) await closeQuietly(article.page);
    await b?.close();
  });

  /** Sends each message from the options page, to the background (tabId null) or to a tab's content script. */
  async function send(tabId: number | null, messages: unknown[], withBigInts: boolean): Promise<Outcome[]> {
    const probe = await extensionProbe(b);
    return probe.evaluate(
      async (id, msgs, bigints) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        // BigInts cannot come from Node; Firefox's structured-clone messaging carries them.
        const all: unknown[] = bigints
          ? [...msgs, { type: BigInt(1) }, { type: 'injectInto', tabId: BigInt(7) }, { type: 'scrollToQuote', index: BigInt(0) }]
          : msgs;
        const out: { reply?: string; thrown?: string }[] = [];
        for (const m of all) {
          try {
            const reply = id === null ? await api.runtime.sendMessage(m) : await api.tabs.sendMessage(id, m);
            out.push({ reply: reply === undefined ? 'undefined' : JSON.stringify(reply) });
          } catch (e) {
            out.push({ thrown: String(e) });
          }
        }
        return out;
      },
      tabId,
      messages as object[],
      withBigInts,
    );
  }

  function expectErrorReplies(outcomes: Outcome[], count: number): void {
    expect(outcomes).toHaveLength(count);
    for (const [i, o] of outcomes.entries()) {
      expect(o.thrown, `message ${i} made sendMessage throw`).toBeUndefined();
      const reply = JSON.parse(o.reply ?? 'null') as { ok?: unknown; error?: unknown } | null;
      expect(reply, `message ${i}`).toMatchObject({ ok: false });
      expect(typeof reply?.error).toBe('string');
      expect(String(reply?.error).length).toBeLessThanOrEqual(300);
    }
  }

  it('the background answers every malformed message with {ok:false, error} and keeps working', async () => {
    const outcomes = await send(null, MALFORMED, kind === 'firefox');
    expectErrorReplies(outcomes, MALFORMED.length + (kind === 'firefox' ? 3 : 0));
    // Nothing was done on a malformed message's behalf: no site setting was written.
    const probe = await extensionProbe(b);
    const sites = await probe.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return ((await api.storage.local.get('settings')).settings as { sites?: Record<string, boolean> } | undefined)?.sites ?? {};
    });
    expect(sites).toEqual({});
    expect(await b.sendToBackground({ type: 'ping' })).toMatchObject({ ok: true, value: { version: b.manifest.version } });
    await sleep(200);
    expect(backgroundProblems).toEqual([]);
  });

  it("a tab's content script answers every malformed message with {ok:false, error} and keeps working", async () => {
    const before = await countMarks(article.page);
    const tabId = await knownTabId(b, article.page);
    const outcomes = await send(tabId, MALFORMED, kind === 'firefox');
    expectErrorReplies(outcomes, MALFORMED.length + (kind === 'firefox' ? 3 : 0));
    // Still answering, still highlighting (the malformed setHighlights did nothing).
    const [state] = await send(tabId, [{ type: 'getState' }], false);
    expect(JSON.parse(state?.reply ?? 'null')).toMatchObject({ ok: true, value: { phase: 'ready', highlights: true } });
    expect(await countMarks(article.page)).toEqual(before);
    await sleep(200);
    expect(realProblems(article)).toEqual([]);
    expect(backgroundProblems).toEqual([]);
  });
});
