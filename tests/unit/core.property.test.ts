/**
 * Property-based tests of the analysis core: it never throws on any string
 * (UTF-16 with lone surrogates, full Unicode, graphemes, article-like text),
 * on any block layout the page layer can produce, or on any page metadata;
 * its output stays inside the text it was given and survives JSON; and it
 * takes linear time on adversarial input (long runs of quote marks, capitals,
 * "said", apostrophes, "Mr. "…), measured as a ratio of times, never against
 * a wall-clock threshold.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { dateFromUrl, findDateInText, parseMachineDate } from '../../src/core/analysis/date.ts';
import { textToBlocks } from '../../src/core/analysis/plaintext.ts';
import { findQuotes } from '../../src/core/analysis/quotes.ts';
import type { Analysis, AnalysisInput, Block, BlockKind, PageMeta } from '../../src/core/analysis/types.ts';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';
import { summarise, toMarkdown } from '../../src/core/summary.ts';
import { fold, nameKey } from '../../src/core/text/fold.ts';
import { tokenize } from '../../src/core/text/tokens.ts';
import { articleText, params, pick, utf16 } from '../helpers/arbitraries.ts';

const DATA = bundledDataset();
const TODAY = '2026-11-26';
const KINDS: BlockKind[] = ['title', 'heading', 'paragraph', 'caption', 'blockquote', 'list-item', 'credit', 'byline', 'dateline'];

/** Any string: UTF-16 code units (lone surrogates too), full Unicode, graphemes, or article-like text. */
const anyText = fc.oneof(
  utf16(300),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  articleText,
);

/**
 * Any layout the page layer can produce over a text: sorted, non-overlapping
 * blocks inside it, of any kind, empty ones included, with gaps between them
 * and text outside every block.
 */
const layout = (text: string): fc.Arbitrary<Block[]> =>
  fc
    .record({ cuts: fc.array(fc.nat(text.length), { maxLength: 24 }), kinds: fc.array(pick(KINDS), { minLength: 1, maxLength: 12 }) })
    .map(({ cuts, kinds }) => {
      // Duplicates kept: sorted pairs never overlap, and equal points make empty blocks.
      const points = [...cuts].sort((x, y) => x - y);
      const blocks: Block[] = [];
      for (let i = 0; i + 1 < points.length; i += 2) {
        blocks.push({ kind: kinds[(i / 2) % kinds.length] ?? 'paragraph', start: points[i] ?? 0, end: points[i + 1] ?? 0 });
      }
      return blocks;
    });

const textWithLayout = anyText.chain((text) => fc.tuple(fc.constant(text), fc.oneof(layout(text), fc.constant(textToBlocks(text)))));

/** Page metadata as a hostile or broken page could give it. */
const meta: fc.Arbitrary<PageMeta> = fc.record(
  {
    url: fc.oneof(fc.webUrl(), utf16(80)),
    title: anyText,
    lang: fc.oneof(pick(['en', 'ru', 'uk', 'de', 'ar', 'he', 'zz', '']), utf16(12)),
    ogType: fc.oneof(fc.constant('article'), utf16(20)),
    jsonLdTypes: fc.array(fc.oneof(pick(['NewsArticle', 'Article', 'WebPage']), utf16(20)), { maxLength: 4 }),
    dates: fc.array(
      fc.record({
        value: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          pick(['2025-02-30', '0000-00-00', '9999-99-99T99:99', '2017-06-29', '']),
          utf16(30),
        ),
        source: pick(['meta', 'json-ld', 'time', 'url', 'dateline', 'caption', 'text'] as const),
      }),
      { maxLength: 4 },
    ),
    hasArticleElement: fc.boolean(),
    linkDensity: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1)),
    pageTextLength: fc.oneof(fc.nat(), fc.constantFrom(Number.NaN, -5)),
  },
  { requiredKeys: [] },
);

/** The analysis is well formed: every span lies inside the text, quotes are numbered in order, and it survives JSON. */
function checkAnalysis(a: Analysis, text: string): void {
  expect(a.text).toBe(text);
  expect(a.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  a.quotes.forEach((q, i) => {
    expect(q.index).toBe(i);
    expect(0 <= q.start && q.start <= q.end && q.end <= text.length, `quote ${i} at ${q.start}–${q.end}`).toBe(true);
    if (q.continues !== null) expect(q.continues).toBeLessThan(i);
  });
  for (const o of a.officials) {
    for (const m of o.mentions)
      expect(0 <= m.start && m.start < m.end && m.end <= text.length, `${o.key} at ${m.start}–${m.end}`).toBe(true);
  }
  for (const c of [...a.organisations, ...a.concepts]) for (const m of c.mentions) expect(m.end).toBeLessThanOrEqual(text.length);
  expect(JSON.parse(JSON.stringify(a))).toEqual(JSON.parse(JSON.stringify(a)));
  // What the popup and the commands make of it.
  const s = summarise(a, DATA, 'https://www.example-news.com/a');
  expect(typeof toMarkdown(s, a)).toBe('string');
}

describe('the core never throws', () => {
  it('analyze: any string, as plain-text blocks', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        checkAnalysis(analyze({ text, blocks: textToBlocks(text), meta: {}, today: TODAY }, DATA), text);
      }),
      params(700),
    );
  });

  it('analyze: any block layout and any page metadata', () => {
    fc.assert(
      fc.property(textWithLayout, meta, ([text, blocks], m) => {
        checkAnalysis(analyze({ text, blocks, meta: m, today: TODAY }, DATA), text);
      }),
      params(700),
    );
  });

  it('the text functions: tokenize, fold, nameKey, findQuotes, textToBlocks, the date readers', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const t of tokenize(text)) expect(0 <= t.start && t.start <= t.end && t.end <= text.length).toBe(true);
        expect(typeof fold(text)).toBe('string');
        expect(typeof nameKey(text)).toBe('string');
        const blocks = textToBlocks(text);
        for (const b of blocks) expect(0 <= b.start && b.start < b.end && b.end <= text.length).toBe(true);
        for (const q of findQuotes(text, blocks)) expect(0 <= q.start && q.start <= q.end && q.end <= text.length).toBe(true);
        parseMachineDate(text);
        dateFromUrl(text);
        findDateInText(text);
      }),
      params(1000),
    );
  });
});

// ---- linear time ------------------------------------------------------------------

/**
 * A full garbage collection before each timed run, so that a run is not
 * charged for the garbage of the one before it (without this, the heap's
 * growth alone makes a linear pass over 120k characters look 2–3× too slow).
 */
const gc: () => void = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return () => undefined;
  }
})();

function inputOf(text: string, paragraphs: boolean): AnalysisInput {
  const blocks: Block[] = paragraphs
    ? Array.from({ length: Math.ceil(text.length / 400) }, (_, i) => ({
        kind: 'paragraph' as const,
        start: i * 400,
        end: Math.min(text.length, i * 400 + 399),
      }))
    : [{ kind: 'paragraph', start: 0, end: text.length }];
  return { text, blocks, meta: {}, today: TODAY };
}

function timeOnce(input: AnalysisInput): number {
  gc();
  const t0 = performance.now();
  analyze(input, DATA);
  return performance.now() - t0;
}

const repeat = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Inputs that make naive scanners backtrack or rescan: long runs of what the core looks at twice. */
const ADVERSARIAL: Record<string, string> = {
  'straight double quotes': '"',
  'curly opening quotes': '“',
  'curly closing quotes': '”',
  'mixed quote marks': '“"”\'‘’«»„',
  'nested opening quotes': '“‘',
  apostrophes: "'",
  capitals: 'NATO ',
  'capitalised names': 'Rutte Putin Shoigu ',
  said: 'said ',
  'said and a quote mark': 'said "',
  'Mr. ': 'Mr. ',
  'Mr. and a name': 'Mr. Mark ',
  'abbreviations with dots': 'U.S. ',
  'quote, cue, name': '"We will," said Mark Rutte. ',
  'a quote, a name and a role': 'NATO Secretary General Mark Rutte said Russia’s “war will not end,” Rutte said. ',
  'an opening quote per word': '“We ',
  'inflected Cyrillic names': 'Дмитрия Пескова Сергеем Лавровым Зеленскому Каи ',
  'inflected Polish names': 'się Dmitrija Pieskowa Kosiniaka-Kamysza Zełenskiego ',
};

describe('the core takes linear time on adversarial input', () => {
  /** 10× the input must cost well under 30× the time (linear measures 6–15× here, quadratic 80× and more). */
  const N = 12_000;
  const LIMIT = 30;

  /** The ratio of the shortest runs at 10·N and at N, interleaved after a warm-up on both; the best of up to three attempts. */
  function ratioFor(unit: string, paragraphs: boolean): number {
    const small = inputOf(repeat(unit, N), paragraphs);
    const large = inputOf(repeat(unit, 10 * N), paragraphs);
    timeOnce(large);
    timeOnce(small);
    let best = Number.POSITIVE_INFINITY;
    // Noise only ever makes a run slower: retry a ratio over the limit before believing it.
    for (let attempt = 0; attempt < 3 && best >= LIMIT; attempt++) {
      let s = Number.POSITIVE_INFINITY;
      let l = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        s = Math.min(s, timeOnce(small), timeOnce(small));
        l = Math.min(l, timeOnce(large));
      }
      best = Math.min(best, l / Math.max(s, 0.05));
    }
    return best;
  }

  it.each(Object.entries(ADVERSARIAL))(
    'a long run of %s',
    (_name, unit) => {
      const ratios = [ratioFor(unit, false), ratioFor(unit, true)];
      expect(
        Math.max(...ratios),
        `10× the input took ${ratios.map((r) => `${r.toFixed(1)}×`).join(' (one block) and ')} (paragraphs) the time`,
      ).toBeLessThan(LIMIT);
    },
    120_000,
  );
});
