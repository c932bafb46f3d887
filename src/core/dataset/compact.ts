/**
 * The dataset as the extension ships it: checked at build time, then
 * stripped of what only maintainers need (sources, Wikidata ids), so the
 * content script carries less and the page never re-validates it.
 */
import type { Dataset } from './types.ts';

export function compactDataset(d: Dataset): Dataset {
  return {
    meta: d.meta,
    countries: d.countries,
    organisations: d.organisations.map(({ wikidata: _w, ...o }) => o),
    offices: d.offices,
    people: d.people.map(({ wikidata: _w, terms, ...p }) => ({
      ...p,
      terms: terms.map(({ source: _s, ...t }) => ({ ...t, source: '' })),
    })),
    concepts: d.concepts,
  };
}
