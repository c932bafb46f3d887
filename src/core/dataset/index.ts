/**
 * Lookup structures over a checked dataset: names and aliases, surnames, role
 * nouns, organisations, countries and concept triggers as token tries, and
 * terms by person and office for "who held what on this date".
 */
import { fold } from '../text/fold.ts';
import { dictionaryForms, MIN_NAME_WORD, mayDecline } from '../text/inflect.ts';
import { PatternIndex, patternParts, type Word } from '../text/patterns.ts';
import { PhraseIndex, type PhraseMatch, phraseKeys } from '../text/phrases.ts';
import { type Token, tokenize } from '../text/tokens.ts';
import type { Concept, Country, Dataset, IsoDate, Office, OfficeKind, Organisation, Person, Term } from './types.ts';

/** A person's office on a date, with everything the UI shows. */
export interface Role {
  officeId: string;
  title: string;
  kind: OfficeKind;
  orgId: string;
  org: string;
  country: string | null;
  countryName: string | null;
  start: IsoDate;
  end: IsoDate | null;
  acting: boolean;
}

/** Which office to show first when someone holds several at once. */
const KIND_RANK: Record<OfficeKind, number> = {
  'head-of-state': 0,
  'head-of-government': 1,
  'alliance-official': 2,
  'eu-official': 3,
  'deputy-head-of-state': 4,
  'foreign-minister': 5,
  'defence-minister': 6,
  'security-adviser': 7,
  'chief-of-defence': 8,
  'military-commander': 9,
  'intelligence-chief': 10,
  ambassador: 11,
  spokesperson: 12,
  minister: 13,
  legislator: 14,
  official: 15,
};

/** Name particles that belong to a surname ("von der Leyen", "de Villepin"). */
const PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'al',
  'bin',
  'ten',
  'ter',
  'zu',
]);

/** Every phrase the lookups know, as folded token keys: what the extension ships precompiled. */
export interface CompiledIndex {
  /** First words of people's names and aliases (folded) with the pronoun news uses: "sergei m". */
  givenNames: [string, 'm' | 'f'][];
  names: [string[], string][];
  surnames: [string[], string][];
  roleNouns: [string[], string][];
  orgNames: [string[], string][];
  countryNames: [string[], string][];
  concepts: [Word[][], string][];
}

/** British and American spellings of role nouns both match ("defence minister" / "defense minister"). */
function spellings(noun: string): string[] {
  const out = [noun];
  if (noun.includes('defence')) out.push(noun.replace(/defence/g, 'defense'));
  else if (noun.includes('defense')) out.push(noun.replace(/defense/g, 'defence'));
  return out;
}

/**
 * A compiled index as the extension ships it: each phrase list packed into
 * one string, a line per phrase ("key key<TAB>value"); token keys never
 * contain spaces, tabs or line breaks. Smaller than nested JSON arrays and
 * quicker to read.
 */
export interface PackedList {
  /** First key → that key's phrases, a line each: "key key<TAB>value value". */
  groups: Record<string, string>;
  /** The most keys in one phrase. */
  longest: number;
}

export interface PackedIndex {
  /** "key<TAB>m|f" per line. */
  givenNames: string;
  names: PackedList;
  surnames: PackedList;
  roleNouns: PackedList;
  orgNames: PackedList;
  countryNames: PackedList;
  /** "annex* … crimea*<TAB>crimea-annexation" per line: parts separated by " … ", a trailing * marks a prefix. */
  concepts: string;
}

const PHRASE_LISTS = ['names', 'surnames', 'roleNouns', 'orgNames', 'countryNames'] as const;

export function packIndex(c: CompiledIndex): PackedIndex {
  // One line per phrase with every value it names ("prime minister<TAB>de.chancellor gb.prime-minister …"), grouped by first key.
  const pack = (entries: [string[], string][]): PackedList => {
    const by = new Map<string, Set<string>>();
    let longest = 0;
    for (const [keys, v] of entries) {
      const k = keys.join(' ');
      by.set(k, (by.get(k) ?? new Set()).add(v));
      longest = Math.max(longest, keys.length);
    }
    const groups: Record<string, string> = {};
    for (const [k, vs] of by) {
      const first = k.split(' ')[0] ?? '';
      const line = `${k}\t${[...vs].join(' ')}`;
      groups[first] = Object.hasOwn(groups, first) ? `${groups[first]}\n${line}` : line;
    }
    return { groups, longest };
  };
  const concepts = c.concepts.map(
    ([parts, v]) => `${parts.map((ws) => ws.map((w) => `${w.key}${w.prefix ? '*' : ''}`).join(' ')).join(' … ')}\t${v}`,
  );
  return {
    givenNames: c.givenNames.map(([k, g]) => `${k}\t${g}`).join('\n'),
    ...(Object.fromEntries(PHRASE_LISTS.map((k) => [k, pack(c[k])])) as Record<(typeof PHRASE_LISTS)[number], PackedList>),
    concepts: [...new Set(concepts)].join('\n'),
  };
}

/** Concept triggers from their packed lines ("annex* … crimea*<TAB>id"). */
export function unpackConcepts(packed: string): [Word[][], string][] {
  const out: [Word[][], string][] = [];
  if (!packed) return out;
  for (const line of packed.split('\n')) {
    const tab = line.indexOf('\t');
    const parts: Word[][] = [[]];
    for (const w of line.slice(0, tab).split(' ')) {
      if (w === '…') parts.push([]);
      else
        parts[parts.length - 1]?.push(w.endsWith('*') && w.length > 1 ? { key: w.slice(0, -1), prefix: true } : { key: w, prefix: false });
    }
    for (const v of line.slice(tab + 1).split(' ')) out.push([parts, v]);
  }
  return out;
}

export function unpackIndex(p: PackedIndex): CompiledIndex {
  const unpack = (list: PackedList): [string[], string][] => {
    const out: [string[], string][] = [];
    for (const lines of Object.values(list.groups)) {
      for (const line of lines.split('\n')) {
        const tab = line.indexOf('\t');
        const keys = line.slice(0, tab).split(' ');
        for (const v of line.slice(tab + 1).split(' ')) out.push([keys, v]);
      }
    }
    return out;
  };
  const concepts = unpackConcepts(p.concepts);
  return {
    givenNames: p.givenNames
      ? p.givenNames.split('\n').map((l): [string, 'm' | 'f'] => [l.slice(0, l.indexOf('\t')), l.endsWith('f') ? 'f' : 'm'])
      : [],
    names: unpack(p.names),
    surnames: unpack(p.surnames),
    roleNouns: unpack(p.roleNouns),
    orgNames: unpack(p.orgNames),
    countryNames: unpack(p.countryNames),
    concepts,
  };
}

function emptyCompiled(): CompiledIndex {
  return { givenNames: [], names: [], surnames: [], roleNouns: [], orgNames: [], countryNames: [], concepts: [] };
}

/** Given names from the dataset: the first word of every name and alias, with the person's pronoun (first person wins). */
function givenNamesOf(d: Dataset): [string, 'm' | 'f'][] {
  const m = new Map<string, 'm' | 'f'>();
  for (const p of d.people) {
    if (p.pronoun === 'they') continue;
    for (const n of [p.name, ...p.aliases]) {
      const first = n.split(/\s+/)[0];
      if (!first || first.length < 2) continue;
      const key = first
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}+/gu, '');
      if (!m.has(key)) m.set(key, p.pronoun === 'she' ? 'f' : 'm');
    }
  }
  return [...m];
}

/**
 * An organisation's names, plus each one that opens with its country's adjective also with the country's
 * name: "Russian Defence Ministry" gives "Russia Defence Ministry", which the matcher reads through a
 * possessive ("Russia’s defence ministry").
 */
function withCountryName(d: Dataset, o: Dataset['organisations'][number]): string[] {
  const names = [o.name, ...o.aliases];
  const country = o.country ? d.countries.find((c) => c.code === o.country) : undefined;
  if (!country) return names;
  const out = [...names];
  for (const n of names) {
    const adjective = country.adjectives.find((a) => n.startsWith(`${a} `));
    if (adjective) out.push(`${country.name}${n.slice(adjective.length)}`);
  }
  return out;
}

export function compileIndex(d: Dataset): CompiledIndex {
  const entries = (pairs: Iterable<[string, string]>): [string[], string][] => {
    const out: [string[], string][] = [];
    for (const [phrase, v] of pairs) {
      const keys = phraseKeys(phrase);
      if (keys.length) out.push([keys, v]);
    }
    return out;
  };
  return {
    givenNames: givenNamesOf(d),
    countryNames: entries(d.countries.flatMap((c) => [c.name, ...c.aliases, ...c.adjectives].map((n): [string, string] => [n, c.code]))),
    orgNames: entries(d.organisations.flatMap((o) => withCountryName(d, o).map((n): [string, string] => [n, o.id]))),
    roleNouns: entries(
      d.offices.flatMap((o) => [...o.roleNouns, o.title.toLowerCase()].flatMap(spellings).map((n): [string, string] => [n, o.id])),
    ),
    names: entries(d.people.flatMap((p) => [p.name, ...p.aliases].map((n): [string, string] => [n, p.id]))),
    surnames: entries(
      d.people.flatMap((p) =>
        [p.name, ...p.aliases].flatMap((n): [string, string][] => {
          const s = surnameOf(n);
          return s ? [[s, p.id]] : [];
        }),
      ),
    ),
    concepts: d.concepts
      .flatMap((c) => [c.name, ...c.triggers].map((t): [Word[][], string] => [patternParts(t), c.id]))
      .filter(([parts]) => parts.length > 0),
  };
}

export class DatasetIndex {
  readonly people = new Map<string, Person>();
  readonly offices = new Map<string, Office>();
  readonly organisations = new Map<string, Organisation>();
  readonly countries = new Map<string, Country>();
  readonly concepts = new Map<string, Concept>();
  /** Given names of dataset people (first words of names and aliases, folded) → the pronoun news uses. */
  readonly givenNames = new Map<string, 'm' | 'f'>();
  /** Full names and aliases → person ids. */
  readonly names = new PhraseIndex<string>();
  /** Surnames (last token, or particle + surname) → person ids. */
  readonly surnames = new PhraseIndex<string>();
  /** Role nouns ("defense secretary") → office ids. */
  readonly roleNouns = new PhraseIndex<string>();
  /** Organisation names and aliases → organisation ids. */
  readonly orgNames = new PhraseIndex<string>();
  /** Country names, aliases and adjectives → country codes. */
  readonly countryNames = new PhraseIndex<string>();
  /** Concept triggers (with `*` prefixes and `…` gaps) → concept ids. */
  readonly conceptTriggers = new PatternIndex<string>();
  private readonly termsByOffice = new Map<string, { person: string; term: Term }[]>();

  /**
   * Indexes a dataset. `compiled` (from compileIndex, made at build time) gives
   * every phrase's token keys ready-made, so a page does not tokenize thousands
   * of names before it can start.
   */
  constructor(
    readonly dataset: Dataset,
    compiled?: CompiledIndex | PackedIndex,
  ) {
    for (const c of dataset.countries) this.countries.set(c.code, c);
    for (const o of dataset.organisations) this.organisations.set(o.id, o);
    for (const o of dataset.offices) this.offices.set(o.id, o);
    for (const c of dataset.concepts) this.concepts.set(c.id, c);
    const packed = compiled && !Array.isArray(compiled.names) ? (compiled as PackedIndex) : null;
    if (packed) {
      // Shipped packed: branches of the phrase tries are built lazily, on first lookup.
      const id = (v: string) => v;
      this.names.loadPacked(packed.names.groups, packed.names.longest, id);
      this.surnames.loadPacked(packed.surnames.groups, packed.surnames.longest, id);
      this.roleNouns.loadPacked(packed.roleNouns.groups, packed.roleNouns.longest, id);
      this.orgNames.loadPacked(packed.orgNames.groups, packed.orgNames.longest, id);
      this.countryNames.loadPacked(packed.countryNames.groups, packed.countryNames.longest, id);
    }
    const phrases = packed
      ? { ...emptyCompiled(), concepts: unpackConcepts(packed.concepts) }
      : ((compiled as CompiledIndex | undefined) ?? compileIndex(dataset));
    for (const [keys, v] of phrases.names) this.names.addKeys(keys, v);
    for (const [keys, v] of phrases.surnames) this.surnames.addKeys(keys, v);
    for (const [keys, v] of phrases.roleNouns) this.roleNouns.addKeys(keys, v);
    for (const [keys, v] of phrases.orgNames) this.orgNames.addKeys(keys, v);
    for (const [keys, v] of phrases.countryNames) this.countryNames.addKeys(keys, v);
    for (const [parts, v] of phrases.concepts) this.conceptTriggers.addParts(parts, v);
    for (const p of dataset.people) {
      this.people.set(p.id, p);
      for (const t of p.terms) {
        const list = this.termsByOffice.get(t.office) ?? [];
        list.push({ person: p.id, term: t });
        this.termsByOffice.set(t.office, list);
      }
    }
  }

  /**
   * A dataset name or alias starting at token i, as the dataset writes it or
   * inflected ("Дмитрия Пескова", "Dmitrija Pieskowa"). `latin`: Latin-script
   * words inflect here (Polish text); elsewhere they must match exactly.
   */
  nameAt(tokens: readonly Token[], i: number, latin: boolean): PhraseMatch<string> | null {
    return this.names.matchAt(tokens, i) ?? matchInflected(this.names, tokens, i, latin);
  }

  /** A dataset surname starting at token i, as the dataset writes it or inflected ("Пескову", "Putinem"); see nameAt. */
  surnameAt(tokens: readonly Token[], i: number, latin: boolean): PhraseMatch<string> | null {
    return this.surnames.matchAt(tokens, i) ?? matchInflected(this.surnames, tokens, i, latin);
  }

  /**
   * An organisation's name starting at token i, in any case ("Кремля"), in
   * Cyrillic or in Polish text only: English names never match here (see nameAt).
   */
  declinedOrgAt(tokens: readonly Token[], i: number, latin: boolean): PhraseMatch<string> | null {
    return matchInflected(this.orgNames, tokens, i, latin);
  }

  /** A country's name starting at token i, as written or in any case ("России", "Rosji"); see declinedOrgAt. */
  countryAt(tokens: readonly Token[], i: number, latin: boolean): PhraseMatch<string> | null {
    return this.countryNames.matchAt(tokens, i) ?? matchInflected(this.countryNames, tokens, i, latin);
  }

  /** The person's offices on `date`, most prominent first. */
  rolesAt(personId: string, date: IsoDate): Role[] {
    const p = this.people.get(personId);
    if (!p) return [];
    return p.terms
      .filter((t) => t.start <= date && (t.end === null || date < t.end))
      .map((t) => this.role(t))
      .filter((r): r is Role => r !== null)
      .sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || (a.start < b.start ? 1 : -1));
  }

  roleAt(personId: string, date: IsoDate): Role | null {
    return this.rolesAt(personId, date)[0] ?? null;
  }

  /** Every term of the person, oldest first. */
  allRoles(personId: string): Role[] {
    const p = this.people.get(personId);
    if (!p) return [];
    return p.terms
      .map((t) => this.role(t))
      .filter((r): r is Role => r !== null)
      .sort((a, b) => (a.start < b.start ? -1 : 1));
  }

  /** Who held the office on `date`. */
  holdersAt(officeId: string, date: IsoDate): string[] {
    return (this.termsByOffice.get(officeId) ?? [])
      .filter(({ term }) => term.start <= date && (term.end === null || date < term.end))
      .map(({ person }) => person);
  }

  /** The holder just before and just after the term that covers `date`. */
  neighbours(officeId: string, personId: string, date: IsoDate): { predecessor: string | null; successor: string | null } {
    const list = [...(this.termsByOffice.get(officeId) ?? [])]
      .filter(({ term }) => !term.acting)
      .sort((a, b) => (a.term.start < b.term.start ? -1 : 1));
    const i = list.findIndex(({ person, term }) => person === personId && term.start <= date && (term.end === null || date < term.end));
    if (i < 0) return { predecessor: null, successor: null };
    let pred: string | null = null;
    for (let j = i - 1; j >= 0 && pred === null; j--) if (list[j]?.person !== personId) pred = list[j]?.person ?? null;
    let succ: string | null = null;
    for (let j = i + 1; j < list.length && succ === null; j++) if (list[j]?.person !== personId) succ = list[j]?.person ?? null;
    return { predecessor: pred, successor: succ };
  }

  private role(t: Term): Role | null {
    const office = this.offices.get(t.office);
    if (!office) return null;
    const org = this.organisations.get(office.org);
    return {
      officeId: office.id,
      title: office.title,
      kind: office.kind,
      orgId: office.org,
      org: org?.name ?? office.org,
      country: office.country,
      countryName: office.country ? (this.countries.get(office.country)?.name ?? office.country) : null,
      start: t.start,
      end: t.end,
      acting: t.acting ?? false,
    };
  }
}

/**
 * A name in inflected words: each capitalised word stands for the dictionary
 * forms it may be a case of (particles and punctuation only for themselves:
 * "Урсулы фон дер Ляйен"), and one of the words so found must be long enough
 * to say something on its own ("Каи Каллас" through "каллас"; "Мира" alone
 * would be "мир", the word for peace, and needs its exact form).
 */
function matchInflected(index: PhraseIndex<string>, tokens: readonly Token[], i: number, latin: boolean): PhraseMatch<string> | null {
  const first = tokens[i];
  // Most capitalised words of an English text end here, before any walk.
  if (first?.kind !== 'word' || !first.upper || !mayDecline(first.key, latin)) return null;
  return index.matchAnyAt(
    tokens,
    i,
    (t) => (t.kind === 'word' && t.upper ? dictionaryForms(t.key, latin) : [t.key]),
    (keys) => keys.some((k) => k.length >= MIN_NAME_WORD),
  );
}

const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv|xvi)$/;

/**
 * surnameOf on a name already split into folded keys (the shipped index
 * carries names only; surnames are derived from them when it loads).
 */
export function surnameKeys(keys: readonly string[]): string[] | null {
  if (keys.includes(',') || keys.includes('of')) return null;
  const wordAt: number[] = [];
  keys.forEach((k, i) => {
    if (/[\p{L}\p{N}]/u.test(k)) wordAt.push(i);
  });
  if (wordAt.length < 2) return null;
  const lastKey = keys[wordAt[wordAt.length - 1] ?? 0] ?? '';
  if (ROMAN.test(lastKey)) return null;
  if ((lastKey === 'jr' || lastKey === 'sr') && wordAt.length > 2) {
    let cut = wordAt[wordAt.length - 1] ?? 0;
    while (cut > 0 && /^[\s,]$/.test(keys[cut - 1] ?? '')) cut--;
    return surnameKeys(keys.slice(0, cut));
  }
  let i = wordAt.length - 1;
  while (i > 1 && PARTICLES.has(keys[wordAt[i - 1] ?? 0] ?? '')) i--;
  return keys.slice(wordAt[i]);
}

/** "Ursula von der Leyen" → "von der Leyen"; "James Mattis" → "Mattis"; single names have none. */
export function surnameOf(fullName: string): string | null {
  // Regnal and territorial names have no surname: "Charles III", "Willem-Alexander of the Netherlands", "Guillaume, Grand Duke of Luxembourg".
  if (/,|\sof\s|\s(?:[IVX]+)\.?$/.test(fullName)) return null;
  const words = tokenize(fullName).filter((t) => t.kind !== 'punct');
  if (words.length < 2) return null;
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has(fold(words[i - 1]?.text ?? ''))) i--;
  // Drop generational suffixes: "Joseph Dunford Jr." → "Dunford".
  const last = words[words.length - 1];
  if (last && /^(jr|sr|ii|iii|iv)$/i.test(last.text) && words.length > 2) {
    return surnameOf(fullName.slice(0, last.start).replace(/[\s,]+$/, ''));
  }
  const first = words[i];
  return first ? fullName.slice(first.start) : null;
}
