/**
 * Node micro-benchmark of the analysis core alone (no DOM): analysis time on
 * our long articles from 10 KB to 1 MB, and how it grows.
 * Usage: npx tsx scripts/bench/core.ts
 */
import { Bench } from 'tinybench';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';
import { DatasetIndex } from '../../src/core/dataset/index.ts';
import { longArticleInput } from './articles.ts';

const input = longArticleInput;

const data = bundledDataset();
const sizes = [10_000, 100_000, 1_000_000];
const inputs = sizes.map(input);
const bench = new Bench({ time: 1500, warmupTime: 300 });
bench.add('index dataset', () => {
  new DatasetIndex(data.dataset);
});
for (const [i, inp] of inputs.entries()) bench.add(`analyze ${(sizes[i] ?? 0) / 1000} KB`, () => void analyze(inp, data));
await bench.run();

const ms = (name: string) => (bench.getTask(name)?.result as { latency?: { p50?: number } } | undefined)?.latency?.p50 ?? Number.NaN;
console.log('\n| task | median ms | quotes |');
console.log('|---|---|---|');
console.log(`| index dataset | ${ms('index dataset').toFixed(2)} | |`);
for (const [i, inp] of inputs.entries()) {
  const name = `analyze ${(sizes[i] ?? 0) / 1000} KB`;
  console.log(`| ${name} (${(inp.text.length / 1024).toFixed(0)} KiB) | ${ms(name).toFixed(2)} | ${analyze(inp, data).quotes.length} |`);
}
const g1 = ms('analyze 100 KB') / ms('analyze 10 KB');
const g2 = ms('analyze 1000 KB') / ms('analyze 100 KB');
console.log(`\ngrowth: 100 KB / 10 KB = ${g1.toFixed(1)}× · 1 MB / 100 KB = ${g2.toFixed(1)}× (linear ≈ 10×)`);
