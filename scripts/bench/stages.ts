/**
 * Time per analysis stage on the 1 MB benchmark article, after warm-up: where the core's time goes.
 * Usage: npx tsx scripts/bench/stages.ts
 */
import { analyze } from '../../src/core/analysis/analyze.ts';
import { attributeQuotes } from '../../src/core/analysis/attribution.ts';
import { createContext } from '../../src/core/analysis/context.ts';
import { findConcepts, findOrganisations } from '../../src/core/analysis/entities.ts';
import { findPeople } from '../../src/core/analysis/people.ts';
import { findQuotes } from '../../src/core/analysis/quotes.ts';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';
import { tokenize } from '../../src/core/text/tokens.ts';
import { longArticleInput } from './articles.ts';

const { text, blocks } = longArticleInput(1_000_000);
const data = bundledDataset();
for (let i = 0; i < 3; i++) analyze({ text, blocks, meta: {}, date: '2025-06-25', today: '2026-11-26' }, data);
const T = (name: string, f: () => unknown) => {
  const t0 = performance.now();
  const r = f();
  console.log(name.padEnd(14), (performance.now() - t0).toFixed(1), 'ms');
  return r;
};
T('tokenize all', () => tokenize(text));
const ctx = T('context', () => createContext(text, blocks, data, '2025-06-25')) as ReturnType<typeof createContext>;
const raw = T('quotes', () => findQuotes(text, blocks)) as ReturnType<typeof findQuotes>;
const people = T('people', () => findPeople(ctx)) as ReturnType<typeof findPeople>;
const orgs = T('orgs', () => findOrganisations(ctx)) as ReturnType<typeof findOrganisations>;
T('concepts', () => findConcepts(ctx));
T('attribution', () => attributeQuotes(ctx, people, orgs, raw));
T('analyze', () => analyze({ text, blocks, meta: {}, date: '2025-06-25', today: '2026-11-26' }, data));
