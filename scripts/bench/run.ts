/**
 * npm run bench — Sourcelight's cost in the page, against the floor and
 * against the obvious alternative, measured with the built extension loaded
 * in headless Chromium and Firefox, on the same page in the same run.
 *
 *   pipeline     the content script's main-thread work on the page: its start-up
 *                and first check, extraction, sending the text to the background,
 *                parsing the answer, highlighting (as it reports it itself)
 *   analysis     the part of that before any DOM change
 *   background   the analysis itself, off the page's thread, in the background
 *   to marks     wall-clock time from the start of the run to the last mark
 *   in-page      the reference for that design: extraction + analysis run cold
 *                on the page's own thread, as a content script without a
 *                background analysis would have to
 *   floor        one TreeWalker pass reading every text node
 *   naive        mark.js mark() given 300 of the dataset's names
 *   readability  Mozilla Readability's parse() on a clone of the page
 *
 * Each run loads the page fresh in a new tab, under a news host the content
 * script is declared for, so the content script runs exactly as for a reader;
 * the reference measurements follow on the same page once Sourcelight's marks
 * are turned off again. Figures are medians over runs; ratios are taken pair
 * by pair within a run. Writes bench/results.json.
 * Usage: npm run bench [-- --quick] [-- --no-firefox | --no-chromium] [-- --runs N] [-- --verbose] [-- --only NAME]
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'puppeteer';
import { build as viteBuild } from 'vite';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';
import { shippedDatasetJson } from '../../src/data/shipped.ts';
import type { RunTimings, TabState } from '../../src/shared/messages.ts';
import { ensureBuilt } from '../../tests/e2e/support/build.ts';
import { type LaunchedBrowser, launchBrowser, sendToTab } from '../../tests/e2e/support/launch.ts';
import { waitUntil } from '../../tests/e2e/support/pages.ts';
import { type FixtureServer, startServer } from '../../tests/e2e/support/server.ts';
import { largeNonNewsHtml, longArticleHtml } from './articles.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const withFirefox = !args.includes('--no-firefox');
const withChromium = !args.includes('--no-chromium');
const verbose = args.includes('--verbose');
/** `--only seed`: just the pages whose name starts so (for quick iterations; budgets then read partly –). */
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '') : '';
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : quick ? 3 : 5;
/**
 * Hosts the content script is declared for, so the page is handled as a reader's would be; each run takes the
 * next, so every run is a new site in a new renderer process and pays the content script's compilation cold,
 * as the first article a reader opens on a site does.
 */
const NEWS_HOSTS: string[] = (
  JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { content_scripts: { matches: string[] }[] }
).content_scripts
  .flatMap((c) => c.matches)
  .map((m) => /^\*:\/\/\*\.([^/]+)\/\*$/.exec(m)?.[1])
  .filter((h): h is string => Boolean(h))
  .map((d) => `www.${d}`);
let hostTurn = 0;
const nextNewsHost = () => NEWS_HOSTS[hostTurn++ % NEWS_HOSTS.length] ?? 'www.reuters.com';
/** A host it is not declared for: the same page without Sourcelight, for the heap baseline. */
const OTHER_HOST = 'bench.sourcelight.test';

interface PageSpec {
  name: string;
  path: string;
  html: string;
  runs: number;
  naive: boolean;
  kind: 'article' | 'non-news' | 'corpus';
}

interface RunResult {
  phase: TabState['phase'];
  timings: RunTimings;
  longTasks: number[];
  marks: number;
  textBytes: number;
  floorMs: number;
  inPageMs: number;
  naiveMs: number | null;
  readabilityMs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2) : Number.NaN;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function harnessCode(): Promise<string> {
  const out = await viteBuild({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    define: { __SOURCELIGHT_DATASET__: JSON.stringify(shippedDatasetJson()) },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: resolve(import.meta.dirname, 'harness.ts'), formats: ['iife'], name: 'SourcelightBench', fileName: () => 'harness.js' },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs) {
    if ('output' in o) for (const chunk of o.output) if (chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('harness build produced no code');
}

function pages(): PageSpec[] {
  const list: PageSpec[] = [
    {
      name: 'seed',
      path: '/bench/seed.html',
      html: readFileSync(`${SHARED}/seed/000_4853b4182f2867f2.html`, 'utf8'),
      // Small pages are cheap to repeat, and their few milliseconds are the noisiest figures: three times the runs.
      runs: RUNS * 3,
      naive: true,
      kind: 'article',
    },
    {
      name: 'long-100k',
      path: '/bench/long-100k.html',
      html: longArticleHtml(100_000, 'NATO allies and Moscow trade warnings'),
      runs: RUNS,
      naive: true,
      kind: 'article',
    },
    {
      name: 'long-1m',
      path: '/bench/long-1m.html',
      html: longArticleHtml(1_000_000, 'A very long day of NATO–Russia diplomacy'),
      runs: Math.max(3, RUNS - 2),
      naive: true,
      kind: 'article',
    },
    { name: 'non-news-large', path: '/bench/non-news.html', html: largeNonNewsHtml(), runs: RUNS * 3, naive: false, kind: 'non-news' },
  ];
  if (!quick) {
    const dir = `${SHARED}/corpus/pages`;
    for (const f of readdirSync(dir).sort()) {
      list.push({
        name: `corpus/${f.replace(/\.html$/, '')}`,
        path: `/bench/corpus/${f}`,
        html: readFileSync(join(dir, f), 'utf8'),
        runs: 3,
        naive: true,
        kind: 'corpus',
      });
    }
  }
  return list;
}

/** 300 of the dataset's names, spread over the whole list. */
function naiveKeywords(): string[] {
  const names = [...bundledDataset().people.values()].map((p) => p.name).sort();
  const step = names.length / 300;
  return Array.from({ length: 300 }, (_, i) => names[Math.floor(i * step)] ?? '').filter(Boolean);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens the page in a new tab; Chromium records long tasks from the start, for the run's longest task. */
async function open(b: LaunchedBrowser, server: FixtureServer, host: string, path: string): Promise<Page> {
  const page = await b.browser.newPage();
  if (b.kind === 'chromium') {
    await page.evaluateOnNewDocument(() => {
      const w = window as Window & { __longTasks?: { startTime: number; duration: number }[] };
      w.__longTasks = [];
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks?.push({ startTime: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        // no long-task timing
      }
    });
  }
  await page.goto(server.url(host, path), { waitUntil: 'load', timeout: 120_000 });
  return page;
}

/** Waits for the content script's first run on the page to finish, and returns its state. */
function finishedRun(b: LaunchedBrowser, page: Page): Promise<TabState> {
  return waitUntil(
    "the content script's first run",
    async () => {
      const st = (await sendToTab<{ value?: TabState }>(b, page, { type: 'getState' })).value;
      return st && (st.phase === 'skipped' || st.phase === 'error' || (st.phase === 'ready' && (st.timings?.total ?? -1) >= 0)) ? st : null;
    },
    120_000,
  );
}

async function inject(page: Page, code: string): Promise<void> {
  await page.addScriptTag({ content: code });
}

async function measure(b: LaunchedBrowser, server: FixtureServer, spec: PageSpec, code: string, keywords: string[]): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (let run = 0; run < spec.runs; run++) {
    const page = await open(b, server, nextNewsHost(), spec.path);
    try {
      const state = await finishedRun(b, page);
      if (state.phase === 'error') throw new Error(`${spec.name}: ${state.message ?? 'analysis failed'}`);
      const timings = state.timings;
      if (!timings) throw new Error(`${spec.name}: the content script reported no timings`);
      await sleep(50);
      const marks = await page.evaluate(() => document.querySelectorAll('mark[data-sourcelight]').length);
      // The references run on the page as it was: Sourcelight's marks off (the DOM restored exactly).
      if (marks) await sendToTab(b, page, { type: 'setHighlights', on: false });
      await inject(page, code);
      // Tasks during the run (a page that was skipped had none: its start-up is in timings.script).
      const longTasks =
        state.phase === 'skipped' ? [] : await page.evaluate((since) => window.__bench.longTasksSince(since), timings.started);
      const inPageMs = await page.evaluate(() => window.__bench.inPage());
      const floorMs = await page.evaluate(() => window.__bench.floor());
      const textBytes = await page.evaluate(() => window.__bench.textBytes());
      const readabilityMs = await page.evaluate(() => window.__bench.readability());
      const naiveMs = spec.naive ? await page.evaluate((k) => window.__bench.naive(k), keywords) : null;
      results.push({ phase: state.phase, timings, longTasks, marks, textBytes, floorMs, inPageMs, readabilityMs, naiveMs });
      if (verbose) process.stderr.write(`\n  ${JSON.stringify({ timings, longTasks, inPageMs, floorMs })}`);
    } finally {
      await page.close();
    }
  }
  return results;
}

/**
 * JS heap Sourcelight adds to a page (Chromium): the same page under a host
 * the content script is not declared for, against the page it ran on; then
 * what 50 off/on toggles add.
 */
async function memory(b: LaunchedBrowser, server: FixtureServer, spec: PageSpec, code: string) {
  const heapOf = (page: Page) => page.evaluate(() => window.__bench.heap());
  const plain = await open(b, server, OTHER_HOST, spec.path);
  let without: number | null;
  try {
    await inject(plain, code);
    without = await heapOf(plain);
  } finally {
    await plain.close();
  }
  const page = await open(b, server, nextNewsHost(), spec.path);
  try {
    await finishedRun(b, page);
    await inject(page, code);
    const withRun = await heapOf(page);
    for (let i = 0; i < 50; i++) {
      await sendToTab(b, page, { type: 'setHighlights', on: false });
      await sendToTab(b, page, { type: 'setHighlights', on: true });
    }
    const afterToggles = await heapOf(page);
    return {
      pipelineBytes: without !== null && withRun !== null ? withRun - without : null,
      togglesBytes: withRun !== null && afterToggles !== null ? afterToggles - withRun : null,
    };
  } finally {
    await page.close();
  }
}

interface PageSummary {
  name: string;
  browser: string;
  textBytes: number;
  pipelineMs: number;
  analysisMs: number;
  highlightMs: number;
  backgroundMs: number;
  toMarksMs: number;
  inPageMs: number;
  firstCheckMs: number;
  /** A skipped page's work deferred to idle time (its listener and watch). */
  idleMs: number;
  floorMs: number;
  naiveMs: number | null;
  readabilityMs: number;
  longestTaskMs: number;
  heapDeltaBytes: number | null;
  analysisOverFloor: number;
  naiveOverPipeline: number | null;
  inPageOverPipeline: number;
  marks: number;
}

/**
 * The content script's main-thread work: its entry (first check), then — on a page that passed — loading the
 * rest of the script and the run's own slices. (A skipped page's rest is loaded only when asked, here by the
 * benchmark itself, so it is not counted.)
 */
const pipelineOf = (t: RunTimings, skipped: boolean) => t.script + (skipped ? 0 : t.wake + t.analysis + t.highlight);

function summarise(name: string, browser: string, rs: RunResult[], heapDelta: number | null): PageSummary {
  const m = (f: (r: RunResult) => number) => round(median(rs.map(f)));
  const naive = rs.every((r) => r.naiveMs !== null) ? m((r) => r.naiveMs ?? 0) : null;
  const pipe = (r: RunResult) => pipelineOf(r.timings, r.phase === 'skipped');
  const before = (r: RunResult) => r.timings.script + (r.phase === 'skipped' ? 0 : r.timings.wake + r.timings.beforeFirstChange);
  return {
    name,
    browser,
    textBytes: rs[0]?.textBytes ?? 0,
    pipelineMs: m(pipe),
    analysisMs: m(before),
    highlightMs: m((r) => r.timings.highlight),
    backgroundMs: m((r) => r.timings.remote),
    toMarksMs: m((r) => Math.max(0, r.timings.total)),
    inPageMs: m((r) => r.inPageMs),
    firstCheckMs: round(median(rs.map((r) => r.timings.script)), 3),
    idleMs: round(median(rs.map((r) => r.timings.idle)), 3),
    floorMs: m((r) => r.floorMs),
    naiveMs: naive,
    readabilityMs: m((r) => r.readabilityMs),
    // The longest task: ours as we measure it, or a longer one the browser saw during the run (Chromium).
    longestTaskMs: m((r) =>
      Math.max(r.timings.longestSlice, r.timings.script + (r.phase === 'skipped' ? 0 : r.timings.wake), ...r.longTasks),
    ),
    heapDeltaBytes: heapDelta,
    // Ratios pair by pair within each run, then the median.
    analysisOverFloor: m((r) => before(r) / Math.max(r.floorMs, 0.01)),
    naiveOverPipeline: naive === null ? null : m((r) => (r.naiveMs ?? 0) / Math.max(pipe(r), 0.01)),
    inPageOverPipeline: m((r) => r.inPageMs / Math.max(pipe(r), 0.01)),
    marks: rs[0]?.marks ?? 0,
  };
}

function sizes() {
  const cs = readFileSync(join(ROOT, 'dist/chrome/src/content/content.iife.js'));
  spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/package.ts')], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
  const zip = (t: string) => {
    try {
      return statSync(join(ROOT, `dist/sourcelight-${t}-${version}.zip`)).size;
    } catch {
      return null;
    }
  };
  return {
    contentScriptBytes: cs.length,
    contentScriptGzipBytes: gzipSync(cs, { level: 9 }).length,
    chromeZipBytes: zip('chrome'),
    firefoxZipBytes: zip('firefox'),
  };
}

function table(rows: PageSummary[]): string {
  const head =
    '| page | browser | text KB | pipeline ms | analysis ms | background ms | to marks ms | in-page ms | floor ms | naive ms | readability ms | longest task ms | heap Δ KB | analysis/floor | naive/pipeline |';
  const sep = '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|';
  const fmt = (x: number | null, d = 1) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(d));
  return [
    head,
    sep,
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.browser} | ${(r.textBytes / 1024).toFixed(0)} | ${fmt(r.pipelineMs)} | ${fmt(r.analysisMs)} | ${fmt(r.backgroundMs)} | ${fmt(r.toMarksMs)} | ${fmt(r.inPageMs)} | ${fmt(r.floorMs, 2)} | ${fmt(r.naiveMs, 0)} | ${fmt(r.readabilityMs)} | ${fmt(r.longestTaskMs)} | ${r.heapDeltaBytes === null ? '–' : (r.heapDeltaBytes / 1024).toFixed(0)} | ${fmt(r.analysisOverFloor)} | ${fmt(r.naiveOverPipeline)} |`,
    ),
  ].join('\n');
}

async function main(): Promise<void> {
  ensureBuilt({ log: (l) => console.log(l) });
  const code = await harnessCode();
  const specs = pages().filter((p) => p.name.startsWith(only));
  const routes = Object.fromEntries(specs.map((s) => [s.path, { body: s.html, headers: { 'content-type': 'text/html; charset=utf-8' } }]));
  const server = await startServer({ routes });
  const keywords = naiveKeywords();
  const rows: PageSummary[] = [];
  const extra: Record<string, unknown> = {};
  try {
    const kinds = (['chromium', 'firefox'] as const).filter((k) => (k === 'chromium' ? withChromium : withFirefox));
    for (const kind of kinds) {
      const b = await launchBrowser(kind, {
        server,
        chromiumArgs: ['--enable-precise-memory-info', '--js-flags=--expose-gc'],
        // mark.js searching 300 names on the 1 MB page takes tens of seconds: that is the point.
        protocolTimeout: 1_800_000,
        timeout: 60_000,
      });
      try {
        const list = kind === 'chromium' ? specs : specs.filter((s) => s.kind !== 'corpus');
        for (const spec of list) {
          process.stderr.write(`${kind} ${spec.name} … `);
          const rs = await measure(b, server, spec, code, keywords);
          // The browser's first analysis: the background indexes the dataset and compiles the core then.
          if (extra[`${kind}.firstBackgroundMs`] === undefined) {
            const first = rs.find((r) => r.phase === 'ready');
            if (first) extra[`${kind}.firstBackgroundMs`] = round(first.timings.remote);
          }
          const mem = kind === 'chromium' && spec.kind !== 'corpus' ? await memory(b, server, spec, code) : null;
          rows.push(summarise(spec.name, kind, rs, mem?.pipelineBytes ?? null));
          if (mem) extra[`${spec.name}.togglesHeapDeltaBytes`] = mem.togglesBytes;
          process.stderr.write('done\n');
        }
      } finally {
        await b.close();
      }
    }
  } finally {
    await server.close();
  }
  const s = sizes();
  const main = rows.filter((r) => !r.name.startsWith('corpus/'));
  const corpus = rows.filter((r) => r.name.startsWith('corpus/'));
  console.log('\n## Sourcelight in the page (medians)\n');
  console.log(table(main));
  if (corpus.length) {
    const med = (f: (r: PageSummary) => number) => median(corpus.map(f));
    console.log(
      `\nCorpus (${corpus.length} pages, Chromium, medians over pages): pipeline ${med((r) => r.pipelineMs).toFixed(1)} ms · analysis/floor ${med((r) => r.analysisOverFloor).toFixed(1)} · naive/pipeline ${med((r) => r.naiveOverPipeline ?? 0).toFixed(1)} · longest task max ${Math.max(...corpus.map((r) => r.longestTaskMs)).toFixed(1)} ms`,
    );
  }
  console.log(
    `\ncontent script ${(s.contentScriptBytes / 1024).toFixed(0)} KB, ${(s.contentScriptGzipBytes / 1024).toFixed(0)} KB gzipped · zips: chrome ${s.chromeZipBytes === null ? '–' : `${(s.chromeZipBytes / 1024).toFixed(0)} KB`}, firefox ${s.firefoxZipBytes === null ? '–' : `${(s.firefoxZipBytes / 1024).toFixed(0)} KB`}`,
  );
  for (const [k, v] of Object.entries(extra)) {
    console.log(`${k}: ${v === null ? '–' : k.endsWith('Bytes') ? `${((v as number) / 1024).toFixed(0)} KB` : `${v} ms`}`);
  }

  const get = (name: string, browser = 'chromium') => rows.find((r) => r.name === name && r.browser === browser);
  const big = get('long-1m');
  const mid = get('long-100k');
  const seed = get('seed');
  const non = get('non-news-large');
  const budgets = [
    ['1 MB: naive/pipeline ≥ 20', big?.naiveOverPipeline ?? 0, (v: number) => v >= 20],
    ['1 MB: analysis/floor ≤ 40', big?.analysisOverFloor ?? Number.POSITIVE_INFINITY, (v: number) => v <= 40],
    ['1 MB: longest task ≤ 50 ms', big?.longestTaskMs ?? Number.POSITIVE_INFINITY, (v: number) => v <= 50],
    ['seed: pipeline ≤ 10 ms', seed?.pipelineMs ?? Number.POSITIVE_INFINITY, (v: number) => v <= 10],
    ['non-news: content script ≤ 1 ms', non?.firstCheckMs ?? Number.POSITIVE_INFINITY, (v: number) => v <= 1],
    [
      'growth: 1 MB ≤ 12 × 100 KB (pipeline)',
      big && mid ? big.pipelineMs / mid.pipelineMs : Number.POSITIVE_INFINITY,
      (v: number) => v <= 12,
    ],
    ['content script ≤ 150 KB gzipped', s.contentScriptGzipBytes / 1024, (v: number) => v <= 150],
    [
      '50 toggles add ≤ 1 MB of heap',
      ((extra['long-100k.togglesHeapDeltaBytes'] as number | null) ?? 0) / 1024 / 1024,
      (v: number) => v <= 1,
    ],
  ] as const;
  for (const r of main.filter((x) => x.name === 'non-news-large')) {
    console.log(`${r.browser} non-news: first check ${r.firstCheckMs} ms on loading, then ${r.idleMs} ms when the browser was idle`);
  }
  console.log('\n## Budgets\n');
  for (const [label, value, ok] of budgets) console.log(`- ${ok(value) ? '✓' : '✗'} ${label}: ${round(value)}`);
  if (big && mid) {
    const work = (r: PageSummary) => r.pipelineMs + r.backgroundMs;
    console.log(`  (all work, page and background: 1 MB = ${round(work(big) / work(mid))} × 100 KB)`);
  }

  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench/results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, pages: rows, ...s, extra, budgets: budgets.map(([label, value, ok]) => ({ label, value: round(value), ok: ok(value) })) }, null, 2)}\n`,
  );
  console.log('\nWrote bench/results.json');
}

await main();
