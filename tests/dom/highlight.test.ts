/**
 * The page layer in a DOM: extraction reads the article (not the furniture),
 * highlighting wraps exactly the analysed spans with the documented hooks,
 * never changes the page's text, never double-wraps, and turning off
 * restores the DOM exactly.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';
import { extractArticle } from '../../src/page/extract.ts';
import { Highlighter, planRanges } from '../../src/page/highlight.ts';
import { DEFAULT_PALETTE } from '../../src/shared/settings.ts';

const SEED = readFileSync(resolve(__dirname, '../../../shared/seed/000_4853b4182f2867f2.html'), 'utf8');

function load(html: string): void {
  document.open();
  document.write(html);
  document.close();
}

function run() {
  const x = extractArticle(document, { url: 'https://www.example-news.com/2017/article' });
  const a = analyze({ text: x.text, blocks: x.blocks, meta: x.meta, today: '2026-11-26' }, bundledDataset());
  const h = new Highlighter({ palette: DEFAULT_PALETTE, quoteStyle: 'background' });
  for (const p of planRanges(a, x.blocks)) h.markBlock(p);
  return { x, a, h };
}

describe('on the seed page', () => {
  beforeEach(() => load(SEED));

  it('reads the article, its caption and credit, and skips navigation and asides', () => {
    const x = extractArticle(document);
    const kinds = x.blocks.map((b) => b.kind);
    expect(kinds).toContain('caption');
    expect(kinds).toContain('credit');
    expect(x.text).not.toMatch(/Trending|Sports\s*Opinion/);
    expect(x.text).toContain('prove itself first');
  });

  it('wraps every quote and official with the documented hooks', () => {
    const { a } = run();
    const quotes = document.querySelectorAll('mark[data-sourcelight="quote"]');
    const indexes = new Set([...quotes].map((m) => m.getAttribute('data-quote-index')));
    expect(indexes.size).toBe(a.quotes.length);
    for (const m of quotes) {
      const q = a.quotes[Number(m.getAttribute('data-quote-index'))];
      expect(m.getAttribute('data-speaker-id')).toBe(q?.speaker?.id ?? '');
    }
    const officials = [...document.querySelectorAll('mark[data-sourcelight="official"]')].map((m) => m.getAttribute('data-official-id'));
    for (const id of [
      'james-mattis',
      'vladimir-putin',
      'sergei-shoigu',
      'margus-tsahkna',
      'joseph-dunford',
      'valery-gerasimov',
      'donald-trump',
    ]) {
      expect(officials).toContain(id);
    }
    const mattisQuote = [...quotes].find((m) => m.textContent?.startsWith('We are not in a position'));
    expect(mattisQuote?.getAttribute('data-speaker-id')).toBe('james-mattis');
  });

  it('leaves the page text unchanged, never double-wraps, and restores the DOM exactly', () => {
    const before = document.body.innerHTML;
    const text = document.body.textContent;
    const first = run();
    expect(document.body.textContent).toBe(text);
    const count = document.querySelectorAll('mark[data-sourcelight]').length;
    expect(count).toBeGreaterThan(20);
    // Running again over the same page never nests marks in marks of the same kind.
    for (const p of planRanges(first.a, first.x.blocks)) first.h.markBlock(p);
    expect(document.querySelectorAll('mark[data-sourcelight]').length).toBe(count);
    expect(document.querySelectorAll('mark[data-sourcelight="quote"] mark[data-sourcelight="quote"]').length).toBe(0);
    first.h.clear();
    expect(document.body.innerHTML).toBe(before);
  });
});

describe('highlight style', () => {
  it('marks speech with the chosen palette and, for "underline only", a style hook', () => {
    load(SEED);
    const x = extractArticle(document);
    const a = analyze({ text: x.text, blocks: x.blocks, meta: x.meta, today: '2026-11-26' }, bundledDataset());
    const h = new Highlighter({ palette: ['#112233', '#445566'], quoteStyle: 'underline' });
    for (const p of planRanges(a, x.blocks)) h.markBlock(p);
    const speech = [...document.querySelectorAll<HTMLElement>('mark[data-sourcelight="quote"][data-speaker-colour]')];
    expect(speech.length).toBeGreaterThan(10);
    expect(speech.every((m) => m.getAttribute('data-sl-style') === 'underline')).toBe(true);
    expect(new Set(speech.map((m) => m.style.getPropertyValue('--sl-colour').toLowerCase()))).toEqual(new Set(['#112233', '#445566']));
    expect(new Set(speech.map((m) => h.colourOf(m)))).toEqual(new Set(['#112233', '#445566']));
    h.clear();
  });

  it('paints the default palette from the style sheet, by slot, with no inline style on any mark', () => {
    load(SEED);
    const x = extractArticle(document);
    const a = analyze({ text: x.text, blocks: x.blocks, meta: x.meta, today: '2026-11-26' }, bundledDataset());
    const h = new Highlighter({ palette: DEFAULT_PALETTE, quoteStyle: 'background' });
    for (const p of planRanges(a, x.blocks)) h.markBlock(p);
    const speech = [...document.querySelectorAll<HTMLElement>('mark[data-sourcelight="quote"][data-speaker-colour]')];
    expect(speech.length).toBeGreaterThan(10);
    expect(speech.every((m) => !m.hasAttribute('style'))).toBe(true);
    // Four speakers in the seed: four slots, each the palette's colour for its card.
    expect(new Set(speech.map((m) => m.getAttribute('data-speaker-colour')))).toEqual(new Set(['0', '1', '2', '3']));
    expect(speech.map((m) => h.colourOf(m)).every((c) => c !== null && DEFAULT_PALETTE.includes(c))).toBe(true);
    h.clear();
  });

  it('has the default palette in the style sheet, slot for slot', () => {
    const css = readFileSync(resolve(import.meta.dirname, '../../src/content/highlight.css'), 'utf8');
    const slots = [...css.matchAll(/\[data-speaker-colour="(\d+)"\]\s*\{\s*--sl-colour:\s*(#[0-9a-f]{6});/gi)].map((m) => [
      Number(m[1]),
      m[2]?.toLowerCase(),
    ]);
    expect(slots).toEqual(DEFAULT_PALETTE.map((c, i) => [i, c.toLowerCase()]));
  });
});

describe('awkward markup', () => {
  it('highlights a quote split across inline elements and restores it', () => {
    load(`<html><head><title>t</title></head><body><article><h1>NATO and Russia</h1>
      <p>Mark Rutte spoke in Brussels about Russia and NATO on Tuesday, answering questions from the press.</p>
      <p>“We will <em>defend</em> every <a href="#">inch</a> of allied territory,” Mark Rutte said about Russia.</p>
      <p>The meeting of NATO ministers continued into the evening with talks about Russia.</p>
      <p><code>“not a quote”</code> appears in a code sample, and <textarea>“nor this”</textarea> in a form.</p>
      </article></body></html>`);
    const before = document.body.innerHTML;
    const { h } = run();
    const marks = [...document.querySelectorAll('mark[data-sourcelight="quote"]')];
    expect(marks.map((m) => m.textContent).join('')).toBe('We will defend every inch of allied territory,');
    expect(new Set(marks.map((m) => m.getAttribute('data-quote-index'))).size).toBe(1);
    expect(document.querySelector('code mark, textarea mark')).toBeNull();
    h.clear();
    expect(document.body.innerHTML).toBe(before);
  });
});
