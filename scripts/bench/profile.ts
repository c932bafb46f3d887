/**
 * Where the content script's main-thread time goes on one page: a V8 CPU
 * profile (Chromium, 50 µs sampling) of a fresh page load with the built
 * extension, summarised as self time per function of the content script.
 * Usage: npx tsx scripts/bench/profile.ts [seed|non-news|long-1m] [--top N]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Protocol } from 'puppeteer';
import { ensureBuilt } from '../../tests/e2e/support/build.ts';
import { launchBrowser, sendToTab } from '../../tests/e2e/support/launch.ts';
import { waitUntil } from '../../tests/e2e/support/pages.ts';
import { startServer } from '../../tests/e2e/support/server.ts';
import { largeNonNewsHtml, longArticleHtml } from './articles.ts';

const which = process.argv[2] ?? 'seed';
const top = process.argv.includes('--top') ? Number(process.argv[process.argv.indexOf('--top') + 1]) : 25;
const html =
  which === 'seed'
    ? readFileSync(resolve(import.meta.dirname, '../../../shared/seed/000_4853b4182f2867f2.html'), 'utf8')
    : which === 'non-news'
      ? largeNonNewsHtml()
      : longArticleHtml(1_000_000, 'A very long day of NATO–Russia diplomacy');

ensureBuilt({ log: (l) => console.log(l) });
const server = await startServer({ routes: { '/p.html': { body: html, headers: { 'content-type': 'text/html; charset=utf-8' } } } });
const b = await launchBrowser('chromium', { server });
try {
  const page = await b.browser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(server.url('www.bbc.co.uk', '/p.html'), { waitUntil: 'load' });
  const timings = await waitUntil('the content script to finish', async () => {
    const v = (await sendToTab<{ value?: { phase: string; timings?: { total: number } } }>(b, page, { type: 'getState' })).value;
    return v && (v.phase === 'skipped' || (v.phase === 'ready' && (v.timings?.total ?? -1) >= 0)) ? v.timings : null;
  });
  console.log(JSON.stringify(timings));
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Protocol.Profiler.Profile };
  const dt = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  for (const [i, id] of (profile.samples ?? []).entries()) dt.set(id, (dt.get(id) ?? 0) + (deltas[i] ?? 0) / 1000);
  const self = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const ms = dt.get(n.id) ?? 0;
    const f = n.callFrame;
    if (!f.url.includes('content')) continue;
    total += ms;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + ms);
  }
  console.log(`content script self time sampled: ${total.toFixed(1)} ms`);
  for (const [k, v] of [...self].sort((a, z) => z[1] - a[1]).slice(0, top)) console.log(`${v.toFixed(2).padStart(7)} ms  ${k}`);
  // Non-JS work attributed to (program)/(garbage collector) while our code ran is not separable here.
} finally {
  await b.close();
  await server.close();
}
