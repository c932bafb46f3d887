/**
 * The article Sourcelight was conceived from: every part must get it right.
 * Read from ../shared (never copied into the project).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseInput } from '../../src/cli/analyze.ts';
import type { Analysis } from '../../src/core/analysis/types.ts';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';

const SEED = new URL('../../../shared/seed/000_4853b4182f2867f2.html', import.meta.url);

describe('the seed article', () => {
  const r = analyseInput({ html: readFileSync(SEED, 'utf8') }, bundledDataset());
  if ('error' in r) throw new Error(r.error);
  const a: Analysis = r;
  const byName = (name: string) => a.officials.find((o) => o.name === name);
  const speech = a.quotes.filter((q) => q.kind === 'speech');
  const quoteOf = (fragment: string) => a.quotes.find((q) => q.text.includes(fragment));

  it('is a relevant article dated 2017-02-16 from the caption', () => {
    expect(a.verdict).toBe('relevant');
    expect(a.isArticle).toBe(true);
    expect(a.date).toBe('2017-02-16');
    expect(a.dateSource).toBe('caption');
  });

  it('names the seven officials with their roles on that date, not the photographer', () => {
    expect(a.officials.map((o) => o.name).sort()).toEqual(
      ['Donald Trump', 'James Mattis', 'Joseph Dunford', 'Margus Tsahkna', 'Sergei Shoigu', 'Valery Gerasimov', 'Vladimir Putin'].sort(),
    );
    expect(byName('James Mattis')?.role).toBe('Secretary of Defense');
    expect(byName('Sergei Shoigu')?.role).toBe('Minister of Defence');
    expect(byName('Joseph Dunford')?.role).toBe('Chairman of the Joint Chiefs of Staff');
    expect(byName('Margus Tsahkna')?.country).toBe('EE');
    expect(a.officials.some((o) => /Mayo/.test(o.name))).toBe(false);
  });

  it('finds every quote and attributes it', () => {
    expect(speech).toHaveLength(17);
    expect(speech.every((q) => q.speaker !== null)).toBe(true);
    const counts = Object.fromEntries(a.officials.map((o) => [o.name, o.quoteCount]));
    expect(counts).toMatchObject({ 'James Mattis': 12, 'Vladimir Putin': 2, 'Sergei Shoigu': 1, 'Margus Tsahkna': 2, 'Donald Trump': 0 });
  });

  it('resolves the two quotes introduced by "the defense secretary said"', () => {
    for (const f of ['One of the reasons', 'is to lay this out']) {
      expect(quoteOf(f)?.speaker?.name).toBe('James Mattis');
      expect(quoteOf(f)?.method).toBe('role');
    }
  });

  it('links the quotation that runs over two paragraphs', () => {
    const first = quoteOf('not something that will over');
    const next = quoteOf('One of the reasons');
    expect(next?.continues).toBe(first?.index);
  });

  it('keeps the nested quote inside the outer one', () => {
    const outer = quoteOf('By putting it out there');
    expect(outer?.text).toContain('‘This is a burden we all have to carry equally,’');
    expect(a.quotes.some((q) => q.text.startsWith('This is a burden'))).toBe(false);
  });

  it('finds the partial quotes', () => {
    for (const f of ['prove itself first', 'very little doubt', 'fruitless,', 'America cannot care more'])
      expect(quoteOf(f)?.kind).toBe('speech');
    expect(quoteOf('fruitless,')?.speaker?.name).toBe('Sergei Shoigu');
  });

  it('offsets index the text and exclude the quote marks', () => {
    for (const q of a.quotes) {
      expect(a.text.slice(q.start, q.end)).toBe(q.text);
      expect(/^[“”"«»„]/.test(q.text)).toBe(false);
    }
  });

  it('cross-references counterparts and reports the FSB description', () => {
    const mattis = a.crossRefs.find((c) => c.official === 'james-mattis');
    expect(mattis?.counterparts).toContain('sergei-shoigu');
    expect(a.crossRefs.find((c) => c.official === 'joseph-dunford')?.counterparts).toContain('valery-gerasimov');
    const fsb = a.descriptionChecks.find((d) => d.subject.id === 'ru-fsb');
    expect(fsb?.claimed).toBe('Russia’s foreign intelligence agency');
    expect(fsb?.message).toMatch(/domestic security service/);
  });
});
