/**
 * The page session with the extension's real split of work (happy-dom): the
 * page layer extracts, the request crosses a simulated message boundary (a
 * JSON round trip, as Chromium's runtime messaging does), the background's
 * validator and analysis answer, and the page parses the reply and
 * highlights. Checks that what the page sends is what the background accepts,
 * that the reply gives the same analysis as the core run directly, and that
 * stale or failed analyses never touch the page.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
// Before the background's modules: they read the inlined dataset when loaded.
import '../helpers/shipped-dataset.ts';
import { analyseForPage } from '../../src/background/analyse.ts';
import type { Sensitivity } from '../../src/core/analysis/topic.ts';
import type { AnalysisInput } from '../../src/core/analysis/types.ts';
import { type Analyser, PageSession } from '../../src/page/session.ts';
import { parseToBackground, readAnalysisReply } from '../../src/shared/messages.ts';
import { DEFAULT_PALETTE } from '../../src/shared/settings.ts';

const FIXTURE = readFileSync(resolve(import.meta.dirname, '../fixtures/pages/nato-article.html'), 'utf8');

/** What the content script's analyser does, with the message boundary simulated in-process. */
function messagingAnalyser(log: unknown[] = []): Analyser {
  return async (input, sensitivity) => {
    const sent = JSON.parse(JSON.stringify({ type: 'analyse', input, sensitivity }));
    log.push(sent);
    const parsed = parseToBackground(sent);
    if (!parsed.ok) throw new Error(parsed.error);
    if (parsed.message.type !== 'analyse') throw new Error('wrong message');
    const json = JSON.parse(JSON.stringify(analyseForPage(parsed.message.input, parsed.message.sensitivity))) as string;
    return () => readAnalysisReply(json, input.text);
  };
}

function session(analyse: Analyser): PageSession {
  return new PageSession({
    doc: document,
    analyse,
    today: () => '2026-11-26',
    style: { palette: DEFAULT_PALETTE, quoteStyle: 'background' },
    cards: 'off',
    sensitivity: 'normal',
  });
}

const marks = (kind: string) => [...document.querySelectorAll(`mark[data-sourcelight="${kind}"]`)].map((m) => m.textContent);

describe('PageSession with the analysis in the background', () => {
  beforeEach(() => {
    document.open();
    document.write(FIXTURE);
    document.close();
  });

  it('sends plain, valid data and highlights what the background found', async () => {
    const log: unknown[] = [];
    const original = document.body.innerHTML;
    const s = session(messagingAnalyser(log));
    await s.start();
    expect(s.phase).toBe('ready');
    expect(s.analysis?.verdict).toBe('relevant');
    // The request was plain data (no elements) that the background's validator accepted unchanged.
    const sent = log[0] as { input: AnalysisInput };
    expect(sent.input.blocks.every((b) => Object.keys(b).sort().join() === 'end,kind,start')).toBe(true);
    expect(s.analysis?.text).toBe(sent.input.text);
    expect(marks('quote')).toContain('The alliance keeps pouring weapons into Ukraine and then acts surprised that the conflict goes on,');
    const rutte = s.summary?.speakers.find((p) => p.name === 'Mark Rutte');
    expect(rutte?.quoteCount).toBe(1);
    expect(rutte?.role).toMatch(/Secretary General/);
    expect(s.timings.total).toBeGreaterThanOrEqual(s.timings.analysis);
    expect(s.timings.remote).toBeGreaterThan(0);
    s.destroy();
    expect(document.body.innerHTML).toBe(original);
  });

  it('gets exactly the analysis the core gives when run in the page', async () => {
    const s = session(messagingAnalyser());
    await s.start();
    const { analyzeAll } = await import('../../src/core/analysis/progressive.ts');
    const { bundledDataset } = await import('../../src/core/dataset/bundled.ts');
    const x = s.extraction;
    if (!x) throw new Error('no extraction');
    const direct = analyzeAll({ text: x.text, blocks: x.blocks, meta: x.meta, today: '2026-11-26' }, bundledDataset());
    const { timeMs: _a, ...remote } = s.analysis ?? { timeMs: 0 };
    const { timeMs: _b, ...local } = direct;
    expect(remote).toEqual(JSON.parse(JSON.stringify(local)));
    s.destroy();
  });

  it('leaves the page alone when the background fails, and says why', async () => {
    const original = document.body.innerHTML;
    const s = session(async () => {
      throw new Error('the background could not analyse the page: no answer');
    });
    await s.start();
    expect(s.phase).toBe('error');
    expect(s.message).toMatch(/could not analyse/);
    expect(document.body.innerHTML).toBe(original);
    s.destroy();
  });

  it('drops a reply that arrives after a newer run started', async () => {
    let release: (() => void) | null = null;
    const real = messagingAnalyser();
    const finished: number[] = [];
    let calls = 0;
    const slowFirst: Analyser = async (input: AnalysisInput, sensitivity: Sensitivity) => {
      const call = ++calls;
      if (call === 1) await new Promise<void>((r) => (release = r));
      const finish = await real(input, sensitivity);
      return () => {
        finished.push(call);
        return finish();
      };
    };
    const s = session(slowFirst);
    const first = s.start();
    await Promise.resolve();
    // The reader asks again before the first answer: the second run paints, the first is never applied.
    await s.analyseNow();
    const count = document.querySelectorAll('mark[data-sourcelight]').length;
    expect(count).toBeGreaterThan(0);
    (release as (() => void) | null)?.();
    await first;
    expect(finished).toEqual([2]);
    expect(document.querySelectorAll('mark[data-sourcelight]').length).toBe(count);
    s.destroy();
  });
});
