/**
 * The bundled dataset's model. Source files live in `src/data/` as JSON; every
 * file is checked against this model by `validateDataset` (schema.ts) before
 * the extension or a command uses it.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** ISO 3166-1 alpha-2 code, upper case ("US", "RU", "GB"). */
export type CountryCode = string;

/**
 * What an office is, independent of the country. Two offices of the same kind
 * in different countries (or bodies) are counterparts.
 */
export const OFFICE_KINDS = [
  'head-of-state',
  'deputy-head-of-state',
  'head-of-government',
  'foreign-minister',
  'defence-minister',
  'chief-of-defence',
  'security-adviser',
  'intelligence-chief',
  'spokesperson',
  'ambassador',
  'alliance-official',
  'military-commander',
  'eu-official',
  'minister',
  'legislator',
  'official',
] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

export const ORGANISATION_KINDS = [
  'alliance',
  'international',
  'eu-institution',
  'government',
  'head-of-state-office',
  'ministry',
  'armed-forces',
  'intelligence',
  'security-council',
  'legislature',
  'state-media',
  'media',
  'company',
  'party',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const PRONOUNS = ['he', 'she', 'they'] as const;
export type Pronoun = (typeof PRONOUNS)[number];

export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: CountryCode;
  /** Short English name: "United States", "Russia". */
  name: string;
  /** Other names in English and the major languages we read ("U.S.", "America", "Russland", "Россия"). */
  aliases: string[];
  /** Adjectives/demonyms used before a title ("American", "U.S.", "Russian", "russischer"). */
  adjectives: string[];
  /** Date of NATO accession, when a member. */
  natoSince?: IsoDate;
  /** Date of EU accession, when a member. */
  euSince?: IsoDate;
}

export interface Organisation {
  /** Stable id, lower-case slug: "nato", "ru-fsb", "us-dod". */
  id: string;
  name: string;
  /** Other names, abbreviations, translations and metonyms ("the Kremlin", "the Pentagon"). */
  aliases: string[];
  kind: OrganisationKind;
  /** Country, or null for international bodies. */
  country: CountryCode | null;
  /** Parent organisation id ("nato-mc" → "nato"). */
  parent?: string;
  /** One line, written by us. */
  description: string;
  /** For intelligence and security services: what they are for. Lets us check "X, Russia's foreign intelligence agency". */
  scope?: IntelligenceScope;
  wikidata?: string;
}

export const INTELLIGENCE_SCOPES = ['domestic', 'foreign', 'military', 'signals'] as const;
export type IntelligenceScope = (typeof INTELLIGENCE_SCOPES)[number];

export interface Office {
  /** Stable id: "<cc>.<slug>" for national offices ("us.secretary-of-defense"), "<org>.<slug>" otherwise ("nato.secretary-general"). */
  id: string;
  /** English title as news writes it without the country: "Secretary of Defense", "Minister of Defence". */
  title: string;
  /** Organisation the office belongs to. */
  org: string;
  country: CountryCode | null;
  kind: OfficeKind;
  /**
   * Lower-case nouns that refer to the holder in running text, without country
   * ("defense secretary", "pentagon chief"). Used to resolve "the defense secretary said".
   */
  roleNouns: string[];
  /** For ambassadors and envoys: where they are accredited (a country code or an organisation id). */
  to?: string;
  /** True when several people hold the office at once (e.g. NATO deputy posts with several holders). Default: one holder at a time. */
  concurrent?: boolean;
}

export interface Term {
  office: string;
  start: IsoDate;
  /** null while in office or when the end is not known. */
  end: IsoDate | null;
  acting?: boolean;
  /** A Wikidata id ("Q123") or a public URL the dates were checked against. */
  source: string;
}

export interface Person {
  /** Stable id, lower-case slug of the canonical name: "james-mattis". */
  id: string;
  /** Canonical English name. */
  name: string;
  /**
   * Other forms of the full name: nicknames ("Jim Mattis"), transliterations
   * ("Sergey Shoygu"), diacritic variants, native-script spellings ("Сергей Шойгу").
   */
  aliases: string[];
  pronoun: Pronoun;
  wikidata?: string;
  terms: Term[];
}

export interface Concept {
  id: string;
  name: string;
  /** Phrases that mention it, any language, matched case-insensitively on word boundaries. */
  triggers: string[];
  /** One line, written by us. */
  description: string;
  date?: IsoDate;
  /** Related organisation or concept ids. */
  related?: string[];
}

/** One source file of `src/data/`. Every list is optional so files can hold one part of the data. */
export interface DatasetFile {
  countries?: Country[];
  organisations?: Organisation[];
  offices?: Office[];
  people?: Person[];
  concepts?: Concept[];
}

export interface DatasetMeta {
  version: string;
  /** The date up to which terms were checked. */
  asOf: IsoDate;
}

export interface Dataset extends Required<DatasetFile> {
  meta: DatasetMeta;
}
