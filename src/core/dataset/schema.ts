/**
 * Runtime checks for the dataset: the shape of each source file, then the
 * whole: references resolve, terms are ordered and do not overlap, and names
 * do not collide between people unless declared as homonyms.
 */
import { nameKey } from '../text/fold.ts';
import { arrayOf, bool, type Check, isoDate, nullable, obj, oneOf, str, validate } from '../validate.ts';
import {
  type Concept,
  type Country,
  type Dataset,
  type DatasetFile,
  type DatasetMeta,
  INTELLIGENCE_SCOPES,
  OFFICE_KINDS,
  type Office,
  ORGANISATION_KINDS,
  type Organisation,
  type Person,
  PRONOUNS,
  type Term,
} from './types.ts';

const slug = str({ pattern: /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/ });
const text = str({ min: 1, max: 300 });
const line = str({ min: 8, max: 220 });
const countryCode = str({ pattern: /^[A-Z]{2}$/ });
const wikidata = str({ pattern: /^Q[1-9]\d*$/ });
const source = str({ pattern: /^(Q[1-9]\d*|https:\/\/\S+)$/ });
const names = arrayOf(str({ min: 1, max: 120 }));

const country: Check<Country> = obj(
  { code: countryCode, name: text, aliases: names, adjectives: names, natoSince: isoDate, euSince: isoDate },
  { optional: ['natoSince', 'euSince'] },
);

const organisation: Check<Organisation> = obj(
  {
    id: slug,
    name: text,
    aliases: names,
    kind: oneOf(ORGANISATION_KINDS),
    country: nullable(countryCode),
    parent: slug,
    description: line,
    scope: oneOf(INTELLIGENCE_SCOPES),
    wikidata,
  },
  { optional: ['parent', 'scope', 'wikidata'] },
);

const office: Check<Office> = obj(
  {
    id: slug,
    title: text,
    org: slug,
    country: nullable(countryCode),
    kind: oneOf(OFFICE_KINDS),
    roleNouns: arrayOf(str({ min: 2, max: 80, pattern: /^[^A-Z]+$/ })),
    to: str({ min: 2 }),
    concurrent: bool,
  },
  { optional: ['to', 'concurrent'] },
);

const term: Check<Term> = obj({ office: slug, start: isoDate, end: nullable(isoDate), acting: bool, source }, { optional: ['acting'] });

const person: Check<Person> = obj(
  { id: slug, name: text, aliases: names, pronoun: oneOf(PRONOUNS), wikidata, terms: arrayOf(term) },
  { optional: ['wikidata'] },
);

const concept: Check<Concept> = obj(
  { id: slug, name: text, triggers: arrayOf(str({ min: 2, max: 120 })), description: line, date: isoDate, related: arrayOf(slug) },
  { optional: ['date', 'related'] },
);

export const datasetFileCheck: Check<DatasetFile> = obj(
  {
    countries: arrayOf(country),
    organisations: arrayOf(organisation),
    offices: arrayOf(office),
    people: arrayOf(person),
    concepts: arrayOf(concept),
  },
  { optional: ['countries', 'organisations', 'offices', 'people', 'concepts'] },
);

export const metaCheck: Check<DatasetMeta> = obj({ version: str({ min: 1 }), asOf: isoDate });

export interface NamedSource {
  name: string;
  value: unknown;
}

export type DatasetResult = { ok: true; dataset: Dataset; warnings: string[] } | { ok: false; errors: string[] };

/**
 * Checks every source file, merges them, and checks the whole. Errors name the
 * file and the path inside it so a contributor can find the entry at once.
 */
export function buildDataset(meta: unknown, files: NamedSource[]): DatasetResult {
  const errors: string[] = [];
  const m = validate(metaCheck, meta);
  if (!m.ok) errors.push(...m.errors.map((e) => `meta: ${e}`));
  const merged: Required<DatasetFile> = { countries: [], organisations: [], offices: [], people: [], concepts: [] };
  const peopleById = new Map<string, { person: Person; file: string }>();
  for (const f of files) {
    const r = validate(datasetFileCheck, f.value);
    if (!r.ok) {
      errors.push(...r.errors.map((e) => `${f.name}: ${e}`));
      continue;
    }
    for (const key of Object.keys(merged) as (keyof DatasetFile)[]) {
      if (key === 'people') continue;
      const items = r.value[key];
      if (items) (merged[key] as unknown[]).push(...items);
    }
    for (const p of r.value.people ?? []) mergePerson(merged.people, peopleById, p, f.name, errors);
  }
  if (errors.length > 0 || !m.ok) return { ok: false, errors };
  const dataset: Dataset = { ...merged, meta: m.value };
  const cross = checkDataset(dataset);
  if (cross.errors.length > 0) return { ok: false, errors: cross.errors };
  return { ok: true, dataset, warnings: cross.warnings };
}

/**
 * A person who held offices covered by different files (a national minister
 * who became NATO Secretary General) may appear in each file under the same
 * id; the entries merge. Name, pronoun and Wikidata id must agree.
 */
function mergePerson(
  people: Person[],
  byId: Map<string, { person: Person; file: string }>,
  p: Person,
  file: string,
  errors: string[],
): void {
  const prev = byId.get(p.id);
  if (!prev) {
    const copy: Person = { ...p, aliases: [...p.aliases], terms: [...p.terms] };
    people.push(copy);
    byId.set(p.id, { person: copy, file });
    return;
  }
  const a = prev.person;
  const where = `person ${p.id} (${prev.file} and ${file})`;
  if (a.name !== p.name) errors.push(`${where}: names differ ("${a.name}" / "${p.name}")`);
  if (a.pronoun !== p.pronoun) errors.push(`${where}: pronouns differ`);
  if (a.wikidata && p.wikidata && a.wikidata !== p.wikidata) errors.push(`${where}: Wikidata ids differ`);
  a.wikidata ??= p.wikidata;
  for (const alias of p.aliases) if (!a.aliases.includes(alias)) a.aliases.push(alias);
  a.terms.push(...p.terms);
}

/** Whole-dataset checks: unique ids, references, term order and overlaps, name collisions. */
export function checkDataset(d: Dataset): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const unique = <T extends { id?: string; code?: string }>(items: T[], what: string): Map<string, T> => {
    const map = new Map<string, T>();
    for (const it of items) {
      const id = it.id ?? it.code ?? '';
      if (map.has(id)) errors.push(`${what} "${id}" is defined twice`);
      map.set(id, it);
    }
    return map;
  };
  const countries = unique(d.countries, 'country');
  const orgs = unique(d.organisations, 'organisation');
  const offices = unique(d.offices, 'office');
  unique(d.people, 'person');
  const concepts = unique(d.concepts, 'concept');

  const knownCountry = (c: string | null, where: string) => {
    if (c !== null && !countries.has(c)) errors.push(`${where}: unknown country "${c}"`);
  };
  for (const o of d.organisations) {
    knownCountry(o.country, `organisation ${o.id}`);
    if (o.parent !== undefined && !orgs.has(o.parent)) errors.push(`organisation ${o.id}: unknown parent "${o.parent}"`);
  }
  for (const o of d.offices) {
    knownCountry(o.country, `office ${o.id}`);
    if (!orgs.has(o.org)) errors.push(`office ${o.id}: unknown organisation "${o.org}"`);
    if (o.to !== undefined && !countries.has(o.to) && !orgs.has(o.to))
      errors.push(`office ${o.id}: "to" is neither a country nor an organisation: "${o.to}"`);
  }
  for (const c of d.concepts) {
    for (const r of c.related ?? []) {
      if (!orgs.has(r) && !concepts.has(r)) errors.push(`concept ${c.id}: unknown related id "${r}"`);
    }
  }

  // Terms: valid references, start ≤ end, no overlap per person and office,
  // and one holder at a time for single-holder offices.
  const byOffice = new Map<string, { person: string; term: Term }[]>();
  for (const p of d.people) {
    if (p.terms.length === 0) errors.push(`person ${p.id}: has no terms`);
    for (const t of p.terms) {
      if (!offices.has(t.office)) errors.push(`person ${p.id}: unknown office "${t.office}"`);
      if (t.end !== null && t.end < t.start)
        errors.push(`person ${p.id}: term in ${t.office} ends (${t.end}) before it starts (${t.start})`);
      const list = byOffice.get(t.office) ?? [];
      list.push({ person: p.id, term: t });
      byOffice.set(t.office, list);
    }
  }
  const overlaps = (a: Term, b: Term) => a.start < (b.end ?? '9999-12-31') && b.start < (a.end ?? '9999-12-31');
  for (const [officeId, list] of byOffice) {
    const single = !(offices.get(officeId)?.concurrent ?? false);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (!a || !b || !overlaps(a.term, b.term)) continue;
        if (a.person === b.person)
          errors.push(`person ${a.person}: overlapping terms in ${officeId} (${a.term.start} and ${b.term.start})`);
        else if (single) {
          errors.push(
            `office ${officeId}: ${a.person} (${a.term.start}–${a.term.end ?? 'open'}) and ${b.person} (${b.term.start}–${b.term.end ?? 'open'}) overlap`,
          );
        }
      }
    }
  }

  // Names: a full name or alias must point at one person.
  const owners = new Map<string, string>();
  for (const p of d.people) {
    for (const n of [p.name, ...p.aliases]) {
      const key = nameKey(n);
      if (key.split(' ').length < 2 && !/[^\p{Script=Latin}\s]/u.test(n)) {
        warnings.push(`person ${p.id}: alias "${n}" is a single word; surnames are matched from the full name already`);
      }
      const prev = owners.get(key);
      if (prev !== undefined && prev !== p.id) errors.push(`name "${n}" belongs to both ${prev} and ${p.id}`);
      owners.set(key, p.id);
    }
  }
  return { errors, warnings };
}
