/**
 * Long pages are analysed in chunks: the result must match a single pass
 * (quotes, speakers, officials) up to the rare speaker lost at a chunk edge.
 */
import { describe, expect, it } from 'vitest';
import { longArticleInput } from '../../scripts/bench/articles.ts';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { analyzeAll, analyzeProgressively } from '../../src/core/analysis/progressive.ts';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';

const input = longArticleInput;

describe('progressive analysis', () => {
  const data = bundledDataset();

  it('takes one step, identical to analyze, for an ordinary article', () => {
    const inp = input(8_000);
    const steps = [...analyzeProgressively(inp, data)];
    expect(steps).toHaveLength(1);
    expect(steps[0]?.analysis).toEqual(analyze(inp, data));
  });

  it('splits a long article into steps that cover every block once', () => {
    const inp = input(200_000);
    const steps = [...analyzeProgressively(inp, data, { chunkChars: 20_000 })];
    expect(steps.length).toBeGreaterThan(5);
    expect(steps[0]?.from).toBe(0);
    for (let i = 1; i < steps.length; i++) expect(steps[i]?.from).toBe(steps[i - 1]?.to);
    expect(steps.at(-1)?.to).toBe(inp.blocks.length);
    expect(steps.at(-1)?.done).toBe(true);
  });

  it('finds the same quotes and nearly the same speakers as one pass', () => {
    const inp = input(200_000);
    const whole = analyze(inp, data);
    const chunked = analyzeAll(inp, data, { chunkChars: 20_000 });
    expect(chunked.quotes.map((q) => [q.start, q.end])).toEqual(whole.quotes.map((q) => [q.start, q.end]));
    const same = chunked.quotes.filter((q, i) => q.speaker?.key === whole.quotes[i]?.speaker?.key).length;
    expect(same / whole.quotes.length).toBeGreaterThan(0.98);
    expect(new Set(chunked.officials.map((o) => o.key))).toEqual(new Set(whole.officials.map((o) => o.key)));
    expect(chunked.quotes.every((q, i) => q.index === i)).toBe(true);
  });
});
