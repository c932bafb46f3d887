/**
 * The extension ships the dataset compacted with a precompiled phrase index;
 * it must find exactly what the full dataset finds.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';
import { compactDataset } from '../../src/core/dataset/compact.ts';
import { compileIndex, DatasetIndex, packIndex, unpackIndex } from '../../src/core/dataset/index.ts';
import { paragraphs, TODAY } from '../helpers/analyse.ts';

describe('compacted dataset with a compiled index', () => {
  const full = bundledDataset();
  // Through JSON, as the build ships it.
  const shipped = JSON.parse(JSON.stringify({ dataset: compactDataset(full.dataset), index: packIndex(compileIndex(full.dataset)) }));
  const compact = new DatasetIndex(shipped.dataset, shipped.index);
  const unpacked = new DatasetIndex(shipped.dataset, unpackIndex(shipped.index));

  it('gives the same analysis as the full dataset', () => {
    const text = [
      'Russia’s defence minister Andrei Belousov met Gen. Valery Gerasimov as NATO Secretary General Mark Rutte arrived in Vilnius.',
      '“The eastern flank is secure,” the NATO chief said, recalling the Article 5 promise and the annexation of Crimea.',
      '«Мы не отступим», — заявил Сергей Шойгу. The Kremlin said in a statement that the drills were “routine”.',
    ].join('\n\n');
    const input = { text, blocks: paragraphs(text), meta: {}, date: '2025-06-25', today: TODAY };
    expect(analyze(input, compact)).toEqual(analyze(input, full));
    expect(analyze(input, unpacked)).toEqual(analyze(input, full));
  });
});

describe('surnames derived from shipped name keys', () => {
  it('equal those derived from the full names', async () => {
    const { surnameOf, surnameKeys } = await import('../../src/core/dataset/index.ts');
    const { phraseKeys } = await import('../../src/core/text/phrases.ts');
    for (const p of bundledDataset().dataset.people) {
      for (const n of [p.name, ...p.aliases]) {
        const s = surnameOf(n);
        expect(surnameKeys(phraseKeys(n)), n).toEqual(s ? phraseKeys(s) : null);
      }
    }
  });
});
