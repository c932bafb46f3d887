/**
 * The analysis core's input and output. Input: the article's text as blocks
 * plus page metadata. Output: one plain, JSON-serialisable `Analysis` whose
 * offsets are JavaScript string indices into `Analysis.text`.
 */

export type BlockKind = 'title' | 'heading' | 'paragraph' | 'caption' | 'blockquote' | 'list-item' | 'credit' | 'byline' | 'dateline';

export interface Block {
  kind: BlockKind;
  /** [start, end) into the input text. */
  start: number;
  end: number;
}

export interface PageMeta {
  url?: string;
  /** `<title>` or `og:title`. */
  title?: string;
  lang?: string;
  /** `og:type`. */
  ogType?: string;
  /** `@type` values found in JSON-LD. */
  jsonLdTypes?: string[];
  /** Dates offered by the page, strongest first is not required; each with where it came from. */
  dates?: { value: string; source: DateSource }[];
  /** The page has an `<article>` element (or `[itemprop=articleBody]`). */
  hasArticleElement?: boolean;
  /** Share of the page's text that is link text (0–1), measured by the page layer. */
  linkDensity?: number;
  /** Total visible text length of the page, to judge how much of it the article is. */
  pageTextLength?: number;
}

export interface AnalysisInput {
  text: string;
  blocks: Block[];
  meta: PageMeta;
  /** The article date to use instead of the detected one (`--date`). */
  date?: string;
  /** Used when the page has no date (tests pin it; the extension passes today). */
  today: string;
}

export type DateSource = 'meta' | 'json-ld' | 'time' | 'url' | 'dateline' | 'caption' | 'text' | 'given' | 'today';

export type Verdict = 'relevant' | 'passing' | 'unrelated';

export interface Span {
  start: number;
  end: number;
}

export interface Official {
  /** Stable key within this analysis: the dataset id, or `text:<name>` for people found only in the text. */
  key: string;
  /** Dataset id, or null when the person is not in the dataset. */
  id: string | null;
  name: string;
  /** Role at the article date: from the dataset, or as the article gives it. */
  role: string | null;
  roleSource: 'dataset' | 'text' | null;
  org: string | null;
  country: string | null;
  /** Office kind (dataset) used for counterparts. */
  kind: string | null;
  mentions: Span[];
  /** Quotes attributed to this person. */
  quoteCount: number;
  /** True for people introduced as holders of an office (always true for dataset people with a term at the date). */
  isOfficial: boolean;
}

export type QuoteKind = 'speech' | 'scare';

export interface Speaker {
  /** Official key (see Official.key), or `org:<id>` / `text:<name>` for organisations and unnamed sources. */
  key: string;
  id: string | null;
  name: string;
  type: 'person' | 'organisation';
}

export interface Quote {
  index: number;
  /** Offsets exclude the quote marks. */
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  speaker: Speaker | null;
  /** How the speaker was found: 'cue' (X said), 'pronoun', 'role' (the defense secretary), 'continuation', 'blockquote', or null. */
  method: AttributionMethod | null;
  /** The cue word that introduced it ("said", "according to"). */
  cue: string | null;
  /** Index of the quote this one continues (a quotation over several paragraphs or sentences). */
  continues: number | null;
}

/** How the speaker was found; 'headline': a headline's name right before its quote, or the words a body quote gives someone. */
export type AttributionMethod = 'cue' | 'pronoun' | 'role' | 'organisation' | 'continuation' | 'colon' | 'headline';

export interface OrganisationMention {
  id: string;
  name: string;
  mentions: Span[];
}

export interface ConceptMention {
  id: string;
  name: string;
  description: string;
  mentions: Span[];
}

export interface CrossRef {
  /** Official key. */
  official: string;
  organisation: { id: string; name: string; description: string } | null;
  /** Officials in this article holding the same kind of office for another country or body. */
  counterparts: string[];
  /** Officials in this article from the same government or body. */
  colleagues: string[];
  predecessor: { id: string; name: string } | null;
  successor: { id: string; name: string } | null;
  /** Concepts the article triggers, relevant to this official's office. */
  concepts: string[];
}

export interface DescriptionCheck {
  subject: { type: 'person' | 'organisation'; id: string; name: string };
  /** The article's words. */
  claimed: string;
  start: number;
  end: number;
  /** What the dataset says at the article date. */
  expected: string;
  message: string;
}

export interface Analysis {
  version: 1;
  verdict: Verdict;
  isArticle: boolean;
  article: { score: number; reasons: string[] };
  topic: { score: number; reasons: string[] };
  title: string | null;
  lang: string | null;
  /** YYYY-MM-DD used for roles. */
  date: string;
  dateSource: DateSource;
  text: string;
  officials: Official[];
  quotes: Quote[];
  organisations: OrganisationMention[];
  concepts: ConceptMention[];
  crossRefs: CrossRef[];
  descriptionChecks: DescriptionCheck[];
  dataset: { version: string; asOf: string };
  /** Milliseconds spent in the core. */
  timeMs?: number;
}
