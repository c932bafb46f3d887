/**
 * Every page of ../shared/corpus/pages (real saved pages, read at test time,
 * never copied) under a listed news host, in one tab per browser:
 *
 * 1. loaded with the site's highlights off, so the body is captured exactly
 *    as the page built it, before any mark;
 * 2. highlights on and "Analyze anyway" (`analyzeNow`, as the popup sends it),
 *    so pages the first check skips are highlighted too: the body's text must
 *    read exactly as before (marks add elements, never text; the card host
 *    lives outside <body>), with no mark inside a mark of its kind;
 * 3. highlights off: the body's HTML must be exactly the captured one;
 * 4. no error attributable to the extension: no uncaught exception or console
 *    error from its content script, and no "error" phase.
 *
 * The pages' own scripts are blocked by a `script-src 'none'` policy header
 * (content scripts are exempt), so nothing but the extension changes the DOM
 * and any page error left is ours. External resources all get the fixture
 * server's 404.
 */
import { readdirSync } from 'node:fs';
import type { ConsoleMessage, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionProbe, knownTabId, type LaunchedBrowser, launchBrowser, sendToTab } from './support/launch.ts';
import { MarkedArticle, waitUntil } from './support/pages.ts';
import { type FixtureServer, startServer } from './support/server.ts';

const CORPUS_DIR = new URL('../../../shared/corpus/pages/', import.meta.url);
const PAGES = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.html'))
  .sort();
const HOST = 'www.nytimes.com';
/** Well under two minutes per browser for the whole sweep. */
const SWEEP_BUDGET_MS = 110_000;

interface StateReply {
  ok: boolean;
  error?: string;
  value?: { phase: string; message?: string; summary: { verdict: string; counts: { quotes: number; officials: number } } | null };
}

interface PageResult {
  file: string;
  ms: number;
  phaseBefore: string;
  phaseAfter: string;
  verdict: string;
  quotes: number;
  officials: number;
  problems: string[];
}

let server: FixtureServer;

beforeAll(async () => {
  server = await startServer({
    root: decodeURIComponent(CORPUS_DIR.pathname),
    routes: Object.fromEntries(
      PAGES.map((f) => [`/${f}`, { headers: { 'content-security-policy': "script-src 'none'; object-src 'none'; frame-src 'none'" } }]),
    ),
  });
});

afterAll(async () => {
  await server?.close();
});

describe.each(['chromium', 'firefox'] as const)('%s', (kind) => {
  let b: LaunchedBrowser;

  beforeAll(async () => {
    b = await launchBrowser(kind, { server, timeout: 30_000 });
    await extensionProbe(b);
    // Pages load untouched; each is then turned on in its tab only.
    expect(await b.sendToBackground({ type: 'setSiteHighlights', host: HOST, on: false })).toEqual({ ok: true, value: true });
  });

  afterAll(async () => {
    await b?.close();
  });

  it(`sweeps all ${PAGES.length} corpus pages: text unchanged with highlights, DOM restored exactly, no extension error`, async () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(40);
    const tab = new MarkedArticle(await b.openPage('about:blank'));
    const page: Page = tab.page;
    const base = b.extensionBaseUrl;
    let current = '';
    const errors: string[] = [];
    const ours = (text: string, where: string) => text.includes(base) || where.includes(base) || /sourcelight/i.test(text);
    let othersErrors = 0;
    page.on('pageerror', (e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      const stack = err.stack ?? '';
      // Ours when thrown from the content script (its URL in the stack) or naming us. Firefox also reports
      // what the browser refused the page (blocked scripts, cross-origin fonts) as page errors: not ours.
      if (ours(err.message, stack)) errors.push(`${current}: uncaught ${err.message} ${stack.split('\n').slice(0, 3).join(' | ')}`);
      else othersErrors++;
    });
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() !== 'error' && m.type() !== 'warn') return;
      const where = [m.location().url ?? '', ...m.stackTrace().map((s) => s.url ?? '')].join(' ');
      if (ours(m.text(), where)) errors.push(`${current}: console.${m.type()} ${m.text()}`);
    });

    const state = async () => {
      const r = await sendToTab<StateReply>(b, page, { type: 'getState' });
      if (!r.ok || !r.value) throw new Error(r.error ?? 'no state');
      return r.value;
    };

    const results: PageResult[] = [];
    const t0 = Date.now();
    for (const file of PAGES) {
      const started = Date.now();
      current = file;
      const problems: string[] = [];
      await page.goto(server.url(HOST, `/${file}`), { waitUntil: 'load', timeout: 30_000 });
      if (results.length === 0) await knownTabId(b, page);
      const before = await waitUntil(
        `the content script on ${file}`,
        async () => {
          const s = await state();
          return s.phase === 'idle' || s.phase === 'analysing' ? null : s;
        },
        30_000,
      );
      const html0 = await tab.bodyHtml();
      const text0 = await tab.bodyText();
      if ((await tab.marks()).total !== 0) problems.push('marked while the site was off');

      // On, and analysed whatever the first check said.
      await sendToTab(b, page, { type: 'setHighlights', on: true });
      const forced = await sendToTab<StateReply>(b, page, { type: 'analyzeNow' });
      const after = forced.value;
      if (!forced.ok || !after) problems.push(`analyzeNow failed: ${forced.error ?? 'no reply'}`);
      if (after?.phase === 'error') problems.push(`error phase: ${after.message ?? ''}`);
      const marks = await tab.marks();
      if ((await tab.bodyText()) !== text0) problems.push('body text changed with highlights on');
      if ((await tab.doubleWrapped()) !== 0) problems.push('a mark inside a mark of its kind');
      const expectedMarks = (after?.summary?.counts.quotes ?? 0) + (after?.summary?.counts.officials ?? 0);
      if (expectedMarks > 0 && marks.total === 0)
        problems.push(`no marks although the analysis found ${expectedMarks} quotes and officials`);

      // Off: exactly the page as it was.
      await sendToTab(b, page, { type: 'setHighlights', on: false });
      if ((await tab.bodyHtml()) !== html0) problems.push('body HTML differs after highlights off');

      results.push({
        file,
        ms: Date.now() - started,
        phaseBefore: before.phase,
        phaseAfter: after?.phase ?? '?',
        verdict: after?.summary?.verdict ?? '?',
        quotes: marks.quotes,
        officials: marks.officials,
        problems,
      });
    }
    const total = Date.now() - t0;
    await page.close();

    const slowest = [...results].sort((x, y) => y.ms - x.ms).slice(0, 3);
    const highlighted = results.filter((r) => r.quotes + r.officials > 0);
    console.log(
      `[corpus ${kind}] ${results.length} pages in ${(total / 1000).toFixed(1)} s; ${highlighted.length} highlighted ` +
        `(${results.reduce((n, r) => n + r.quotes, 0)} quote marks, ${results.reduce((n, r) => n + r.officials, 0)} official marks); ` +
        `first check skipped ${results.filter((r) => r.phaseBefore === 'skipped').length}; ${othersErrors} page errors not ours; ` +
        `slowest ${slowest.map((r) => `${r.file} ${r.ms} ms`).join(', ')}`,
    );

    expect(results.filter((r) => r.problems.length > 0).map((r) => `${r.file}: ${r.problems.join('; ')}`)).toEqual([]);
    expect(errors).toEqual([]);
    // analyzeNow really highlighted: most pages carry quotes or officials.
    expect(highlighted.length).toBeGreaterThanOrEqual(Math.floor(PAGES.length * 0.6));
    expect(total).toBeLessThan(SWEEP_BUDGET_MS);
  }, 240_000);
});
