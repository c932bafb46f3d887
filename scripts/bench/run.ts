/**
 * npm run bench — Sourcelight's cost in the page, against the floor and
 * against the obvious alternative, measured in headless Chromium (and
 * Firefox where the measurement is possible) on the same page in the same run.
 *
 *   pipeline     the content script's full work: first check, extraction, analysis, highlighting
 *   analysis     the part before any DOM change (extraction + analysis, dataset indexing included)
 *   floor        one TreeWalker pass reading every text node
 *   naive        mark.js mark() given 300 of the dataset's names
 *   readability  Mozilla Readability's parse() on a clone of the page
 *
 * Each page is loaded fresh for every run (so the dataset is indexed cold,
 * as on a real page load); figures are medians over runs, and ratios are
 * taken pair by pair within a run. Writes bench/results.json.
 * Usage: npm run bench [-- --quick] [-- --no-firefox] [-- --runs N]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { build as viteBuild } from 'vite';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';
import { findBrowser } from '../../tests/e2e/support/browsers.ts';
import { ensureBuilt } from '../../tests/e2e/support/build.ts';
import { CHROMIUM_ARGS } from '../../tests/e2e/support/launch.ts';
import { type FixtureServer, startServer } from '../../tests/e2e/support/server.ts';
import { datasetJson } from '../../vite.config.ts';
import { largeNonNewsHtml, longArticleHtml } from './articles.ts';
import type { PipelineResult } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const withFirefox = !args.includes('--no-firefox');
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : quick ? 3 : 5;
const HOST = 'bench.sourcelight.test';

interface PageSpec {
  name: string;
  path: string;
  html: string;
  runs: number;
  naive: boolean;
  kind: 'article' | 'non-news' | 'corpus';
}

interface RunResult extends PipelineResult {
  textBytes: number;
  floorMs: number;
  gateMs: number;
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
    define: { __SOURCELIGHT_DATASET__: JSON.stringify(datasetJson()) },
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
      runs: RUNS,
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
    { name: 'non-news-large', path: '/bench/non-news.html', html: largeNonNewsHtml(), runs: RUNS, naive: false, kind: 'non-news' },
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

async function openWithHarness(browser: Browser, server: FixtureServer, spec: PageSpec, code: string, bypassCsp: boolean): Promise<Page> {
  const page = await browser.newPage();
  if (bypassCsp) await page.setBypassCSP(true);
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(server.url(HOST, spec.path), { waitUntil: 'load', timeout: 60_000 });
  await page.addScriptTag({ content: code });
  return page;
}

async function measure(
  browser: Browser,
  server: FixtureServer,
  spec: PageSpec,
  code: string,
  keywords: string[],
  kind: 'chromium' | 'firefox',
): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (let run = 0; run < spec.runs; run++) {
    const page = await openWithHarness(browser, server, spec, code, kind === 'chromium');
    try {
      // The pipeline first, on a fresh page: the dataset is indexed cold, as on a real page load.
      const gate = await page.evaluate(() => window.__bench.gate());
      const p = await page.evaluate(() => window.__bench.pipeline());
      const floorMs = await page.evaluate(() => window.__bench.floor());
      const textBytes = await page.evaluate(() => window.__bench.textBytes());
      const readabilityMs = await page.evaluate(() => window.__bench.readability());
      const naiveMs = spec.naive ? await page.evaluate((k) => window.__bench.naive(k), keywords) : null;
      results.push({ ...p, floorMs, gateMs: gate.ms, textBytes, readabilityMs, naiveMs });
    } finally {
      await page.close();
    }
  }
  return results;
}

async function memory(browser: Browser, server: FixtureServer, spec: PageSpec, code: string) {
  const page = await openWithHarness(browser, server, spec, code, true);
  try {
    return await page.evaluate(() => window.__bench.memory());
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
  analysisTotalMs: number;
  highlightMs: number;
  floorMs: number;
  gateMs: number;
  naiveMs: number | null;
  readabilityMs: number;
  longestTaskMs: number;
  heapDeltaBytes: number | null;
  analysisOverFloor: number;
  naiveOverPipeline: number | null;
  marks: number;
}

function summarise(name: string, browser: string, rs: RunResult[], heapDelta: number | null): PageSummary {
  const m = (f: (r: RunResult) => number) => round(median(rs.map(f)));
  const naive = rs.every((r) => r.naiveMs !== null) ? m((r) => r.naiveMs ?? 0) : null;
  return {
    name,
    browser,
    textBytes: rs[0]?.textBytes ?? 0,
    pipelineMs: m((r) => r.pipelineMs),
    analysisMs: m((r) => r.analysisMs),
    analysisTotalMs: m((r) => r.analysisTotalMs),
    highlightMs: m((r) => r.highlightMs),
    floorMs: m((r) => r.floorMs),
    gateMs: round(median(rs.map((r) => r.gateMs)), 3),
    naiveMs: naive,
    readabilityMs: m((r) => r.readabilityMs),
    // The longest task: the long-task observer where the browser has one, else our own longest slice.
    longestTaskMs: m((r) => Math.max(r.longestSliceMs, ...r.longTasks)),
    heapDeltaBytes: heapDelta,
    // Ratios pair by pair within each run, then the median.
    analysisOverFloor: m((r) => r.analysisMs / Math.max(r.floorMs, 0.01)),
    naiveOverPipeline: naive === null ? null : m((r) => (r.naiveMs ?? 0) / Math.max(r.pipelineMs, 0.01)),
    marks: rs[0]?.marks ?? 0,
  };
}

async function launch(kind: 'chromium' | 'firefox', server: FixtureServer): Promise<Browser> {
  const found = await findBrowser(kind);
  if (kind === 'chromium') {
    return puppeteer.launch({
      executablePath: found.executablePath,
      headless: true,
      pipe: true,
      // mark.js searching 300 names on the 1 MB page takes tens of seconds: that is the point.
      protocolTimeout: 1_800_000,
      args: [
        ...CHROMIUM_ARGS,
        `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`,
        '--enable-precise-memory-info',
        '--js-flags=--expose-gc',
        `--user-data-dir=${mkdtemp()}`,
      ],
    });
  }
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: found.executablePath,
    headless: true,
    protocolTimeout: 1_800_000,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': server.port,
      'network.proxy.allow_hijacking_localhost': true,
      'network.stricttransportsecurity.preloadlist': false,
    },
  });
}

function mkdtemp(): string {
  const dir = resolve(ROOT, 'node_modules', '.bench-profile', String(Date.now()));
  mkdirSync(dir, { recursive: true });
  return dir;
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
    '| page | browser | text KB | pipeline ms | analysis ms | floor ms | naive ms | readability ms | longest task ms | heap Δ KB | analysis/floor | naive/pipeline |';
  const sep = '|---|---|---|---|---|---|---|---|---|---|---|---|';
  const fmt = (x: number | null, d = 1) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(d));
  return [
    head,
    sep,
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.browser} | ${(r.textBytes / 1024).toFixed(0)} | ${fmt(r.pipelineMs)} | ${fmt(r.analysisMs)} (${fmt(r.analysisTotalMs)}) | ${fmt(r.floorMs, 2)} | ${fmt(r.naiveMs, 0)} | ${fmt(r.readabilityMs)} | ${fmt(r.longestTaskMs)} | ${r.heapDeltaBytes === null ? '–' : (r.heapDeltaBytes / 1024).toFixed(0)} | ${fmt(r.analysisOverFloor)} | ${fmt(r.naiveOverPipeline)} |`,
    ),
  ].join('\n');
}

async function main(): Promise<void> {
  ensureBuilt({ log: (l) => console.log(l) });
  const code = await harnessCode();
  const specs = pages();
  const routes = Object.fromEntries(specs.map((s) => [s.path, { body: s.html, headers: { 'content-type': 'text/html; charset=utf-8' } }]));
  const server = await startServer({ routes });
  const keywords = naiveKeywords();
  const rows: PageSummary[] = [];
  const extra: Record<string, unknown> = {};
  try {
    for (const kind of withFirefox ? (['chromium', 'firefox'] as const) : (['chromium'] as const)) {
      const browser = await launch(kind, server);
      try {
        const list = kind === 'chromium' ? specs : specs.filter((s) => s.kind !== 'corpus');
        for (const spec of list) {
          process.stderr.write(`${kind} ${spec.name} … `);
          const rs = await measure(browser, server, spec, code, keywords, kind);
          const mem = kind === 'chromium' && spec.kind !== 'corpus' ? await memory(browser, server, spec, code) : null;
          rows.push(summarise(spec.name, kind, rs, mem?.pipelineBytes ?? null));
          if (mem) extra[`${spec.name}.togglesHeapDeltaBytes`] = mem.togglesBytes;
          process.stderr.write('done\n');
        }
      } finally {
        await browser.close();
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
  for (const [k, v] of Object.entries(extra)) console.log(`${k}: ${v === null ? '–' : `${((v as number) / 1024).toFixed(0)} KB`}`);

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
    ['non-news: first check ≤ 1 ms', non?.gateMs ?? Number.POSITIVE_INFINITY, (v: number) => v <= 1],
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
  console.log('\n## Budgets\n');
  for (const [label, value, ok] of budgets) console.log(`- ${ok(value) ? '✓' : '✗'} ${label}: ${round(value)}`);

  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench/results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, pages: rows, ...s, extra, budgets: budgets.map(([label, value, ok]) => ({ label, value: round(value), ok: ok(value) })) }, null, 2)}\n`,
  );
  console.log('\nWrote bench/results.json');
}

await main();
