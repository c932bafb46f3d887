/**
 * The dataset as the extension ships it: checked at build time, then
 * stripped of what only maintainers need (sources, Wikidata ids) and of the
 * phrase lists the precompiled index already holds (role nouns, concept
 * triggers, country names; of people's aliases only the distinct first
 * words remain, which is all the page reads them for: given names), so the
 * content script carries and parses less.
 */
import type { Dataset } from './types.ts';

export function compactDataset(d: Dataset): Dataset {
  return {
    meta: d.meta,
    countries: d.countries.map((c) => ({ ...c, aliases: [], adjectives: [] })),
    // Of organisations' aliases only acronyms are read in the page (to tell "NATO" from a word).
    organisations: d.organisations.map(({ wikidata: _w, aliases, ...o }) => ({
      ...o,
      aliases: aliases.filter((a) => /^[\p{Lu}\d.-]{2,6}$/u.test(a)),
    })),
    offices: d.offices.map((o) => ({ ...o, roleNouns: [] })),
    people: d.people.map(({ wikidata: _w, terms, aliases, ...p }) => ({
      ...p,
      aliases: [...new Set(aliases.map((a) => a.split(/\s+/)[0] ?? '').filter((w) => w && w !== p.name.split(/\s+/)[0]))],
      terms: terms.map(({ source: _s, ...t }) => ({ ...t, source: '' })),
    })),
    concepts: d.concepts.map((c) => ({ ...c, triggers: [] })),
  };
}
