/**
 * Lookup structures over a checked dataset: names and aliases, surnames, role
 * nouns, organisations, countries and concept triggers as token tries, and
 * terms by person and office for "who held what on this date".
 */
import { fold } from '../text/fold.ts';
import { PatternIndex } from '../text/patterns.ts';
import { PhraseIndex } from '../text/phrases.ts';
import { tokenize } from '../text/tokens.ts';
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

export interface OfficeRef {
  office: Office;
}

export class DatasetIndex {
  readonly people = new Map<string, Person>();
  readonly offices = new Map<string, Office>();
  readonly organisations = new Map<string, Organisation>();
  readonly countries = new Map<string, Country>();
  readonly concepts = new Map<string, Concept>();
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

  constructor(readonly dataset: Dataset) {
    for (const c of dataset.countries) {
      this.countries.set(c.code, c);
      for (const n of [c.name, ...c.aliases, ...c.adjectives]) this.countryNames.add(n, c.code);
    }
    for (const o of dataset.organisations) {
      this.organisations.set(o.id, o);
      for (const n of [o.name, ...o.aliases]) this.orgNames.add(n, o.id);
    }
    for (const o of dataset.offices) {
      this.offices.set(o.id, o);
      for (const n of o.roleNouns) this.roleNouns.add(n, o.id);
      this.roleNouns.add(o.title.toLowerCase(), o.id);
    }
    for (const c of dataset.concepts) {
      this.concepts.set(c.id, c);
      for (const t of [c.name, ...c.triggers]) this.conceptTriggers.add(t, c.id);
    }
    for (const p of dataset.people) {
      this.people.set(p.id, p);
      for (const n of [p.name, ...p.aliases]) {
        this.names.add(n, p.id);
        const s = surnameOf(n);
        if (s) this.surnames.add(s, p.id);
      }
      for (const t of p.terms) {
        const list = this.termsByOffice.get(t.office) ?? [];
        list.push({ person: p.id, term: t });
        this.termsByOffice.set(t.office, list);
      }
    }
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

/** "Ursula von der Leyen" → "von der Leyen"; "James Mattis" → "Mattis"; single names have none. */
export function surnameOf(fullName: string): string | null {
  // Regnal and territorial names have no surname: "Charles III", "Willem-Alexander of the Netherlands", "Guillaume, Grand Duke of Luxembourg".
  if (/,|\sof\s|\s(?:[IVX]+)$/.test(fullName)) return null;
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
