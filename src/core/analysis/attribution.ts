/**
 * Who said each quote. For every quotation we look in its own sentence for a
 * speech cue — after it ("…,” X said / said X), before it (X said: “…” /
 * X said that … “…” / according to X, “…”) — and read the speaker next to the
 * cue: a named person, a pronoun (resolved to the nearest fitting person), a
 * role noun (resolved through the dataset to whoever held that office on the
 * article date), or an organisation. Quotes with no cue of their own keep the
 * speaker of the quote they continue. A quote with no recoverable speaker
 * says so.
 */
import { CUE_VERBS, PARTICIPLE_CUES, PHRASAL_CUES, PRONOUN_SOURCES, SOURCE_PREPOSITIONS } from '../lexicon/cues.ts';
import { GIVEN_NAMES } from '../lexicon/given-names.ts';
import {
  ADVERBIALS,
  ARTICLELESS_TITLES,
  COURTESY_TITLES,
  DESCRIPTION_NOUNS,
  INSTITUTION_WORDS,
  NOT_NAME_START,
  OFFICE_WORDS,
  PERSON_DESCRIPTORS,
  PRONOUNS_FEM,
  PRONOUNS_MASC,
  PRONOUNS_PLURAL,
  TITLE_EQUIVALENTS,
  TITLE_MODIFIERS,
} from '../lexicon/words.ts';
import { fold } from '../text/fold.ts';
import { CYRILLIC, dictionaryForms } from '../text/inflect.ts';
import { PhraseIndex } from '../text/phrases.ts';
import { spanText, type Token, tokenAt } from '../text/tokens.ts';
import { type Context, isSentenceEnd } from './context.ts';
import type { Entity, Mention, People } from './people.ts';
import type { RawQuote } from './quotes.ts';
import type { AttributionMethod, Quote, QuoteKind, Speaker } from './types.ts';

export interface OrgMentionAt {
  id: string;
  name: string;
  block: number;
  from: number;
  to: number;
  start: number;
}

const SOURCES = (() => {
  const idx = new PhraseIndex<string>();
  for (const p of SOURCE_PREPOSITIONS) idx.add(p, p);
  return idx;
})();
const PRONOUN_SOURCE_INDEX = (() => {
  const idx = new PhraseIndex<'m' | 'f' | 'plural'>();
  for (const [p, g] of PRONOUN_SOURCES) idx.add(p, g);
  return idx;
})();

/** "по его словам", "jej zdaniem" at token k: the person the pronoun refers to (no one for a plural). */
function pronounSourceAt(ctx: Context, people: People, block: number, tokens: Token[], k: number, from: number): Found | null {
  const m = PRONOUN_SOURCE_INDEX.matchAt(tokens, k);
  if (!m) return null;
  const gender = m.values[0] ?? 'plural';
  const cue = ctx.text.slice(tokens[k]?.start ?? 0, tokens[m.to - 1]?.end ?? 0);
  const speaker = gender === 'plural' ? null : resolvePronoun(ctx, people, block, tokens[k]?.start ?? 0, gender);
  return { speaker, method: 'pronoun', cue, distance: Math.abs(k - from), source: gender === 'plural' ? cue : null };
}

/** French/Spanish/Italian auxiliaries before a participle ("a déclaré", "ha dicho"), and dashes. */
const AUXILIARIES = new Set([
  'a',
  'ha',
  'hat',
  'habe',
  'haben',
  'avait',
  'aurait',
  'has',
  'had',
  'have',
  'would',
  'will',
  'also',
  'later',
  'then',
  'further',
]);
/** French inverted pronoun forms: "a-t-il déclaré", "dit-elle". */
const INVERTED_PRONOUN = /-(?:t-)?(il|elle|ils|elles|on)$/;

/** Nouns that name an unidentified source: "officials said", "a spokesman said", "the statement said". */
const UNNAMED_SOURCES = new Set(
  'official officials source sources spokesman spokeswoman spokesperson statement report reports aide aides diplomat diplomats analyst analysts expert experts observer observers critic critics people witnesses witness residents resident officer officers lawmakers lawmaker document documents letter ministry embassy agency government administration campaign police military'.split(
    ' ',
  ),
);

/** Words introducing a term rather than speech: "the so-called “peace plan”". */
const SCARE_LEADS = new Set(
  [
    'so-called',
    'dubbed',
    'called',
    'termed',
    'named',
    'labelled',
    'labeled',
    'branded',
    'word',
    'term',
    'phrase',
    'slogan',
    'known',
    'sogenannte',
    'sogenannten',
    'dit',
    'dite',
    'llamado',
    'llamada',
    'tzw',
    'так',
    'называемый',
    'называемая',
    'називають',
    'так-званий',
    'words',
    'terms',
  ].map(fold),
);

/**
 * "so-called" and its equivalents: what follows is a term, whoever speaks nearby ("Peskov said the
 * so-called “coalition of the willing” was …"). "dubbed", "called" are weaker: "what X has dubbed
 * “…”", "X called it a “provocation”" give X's own words.
 */
const TERM_LEADS = new Set(
  [
    'so-called',
    'sogenannte',
    'sogenannten',
    'sogenannter',
    'sogenanntes',
    'soi-disant',
    'pretendu',
    'pretendue',
    'llamado',
    'llamada',
    'denominado',
    'denominada',
    'supuesto',
    'supuesta',
    'tzw',
    'rzekomy',
    'rzekoma',
    'называемый',
    'называемая',
    'называемое',
    'называемые',
    'называемой',
    'называемую',
    'называемого',
    'называемых',
    'так-званий',
    'так-звана',
    'так-зване',
    'так-званої',
    'так-званого',
    'званий',
    'звана',
    // Names of operations, campaigns and people's call signs: "Operation “Eastern Sentry”", "the call sign “Orikh”".
    'nicknamed',
    'codenamed',
    'code-named',
    'nickname',
    'codename',
    'moniker',
    'sign',
    'operation',
    'opération',
    'operación',
    'operacja',
    'operację',
    'operacji',
    'akcja',
    'akcję',
    'akcji',
    'операция',
    'операции',
    'операцию',
    'операцией',
    'операція',
    'операції',
    'операцію',
    'позывной',
    'позивний',
  ].map(fold),
);

/** Prepositions and articles before a title-cased name in a sentence ("on “Meet the Example,”", "the “Daily Example”"). */
const NAME_LEADS = new Set(
  "to of for with by at from about against on in into during the a an der die das dem den des im am vom zum zur le la les du au aux l' d' el los las del al w z ze we na do od в во на с со из у з до від"
    .split(' ')
    .map(fold),
);

interface Found {
  speaker: Speaker | null;
  method: AttributionMethod;
  cue: string;
  /** Distance in tokens between the cue and the quote: smaller wins. */
  distance: number;
  source: string | null;
}

/** Token ranges of the quotes in each block's token list (marks included, in text order), so clause reading can skip quoted words. */
const QUOTE_RANGES = new WeakMap<readonly Token[], { from: number; to: number }[]>();

/** Token i lies inside a quotation (or on its marks): binary search over the block's quotes. */
function inQuote(tokens: readonly Token[], i: number): boolean {
  const list = QUOTE_RANGES.get(tokens) ?? [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.from ?? 0) <= i) lo = mid + 1;
    else hi = mid;
  }
  const r = list[lo - 1];
  return r !== undefined && i < r.to;
}

/**
 * Lookups built once per analysis so that every quote costs a bounded amount
 * of work: mentions and organisations by the token they end on, and per-block
 * facts (headline or not).
 */
interface Lookup {
  mentionByEnd: Map<number, Mention>[];
  orgByEnd: Map<number, OrgMentionAt>[];
  orgByFrom: Map<number, OrgMentionAt>[];
  headline: Map<number, 'title' | 'short' | null>;
  /** Last name (folded) → entities with a multi-word name, for headlines that use surnames. */
  surnames: Map<string, Entity[]> | null;
  /** Per block, the people already given a quote there: each is its sentence's subject for a later pronoun. */
  speakers: Set<string>[];
  /** People by key, built on first use. */
  byKey?: Map<string, Entity>;
}
const LOOKUPS = new WeakMap<People, Lookup>();

function lookupOf(people: People): Lookup {
  let l = LOOKUPS.get(people);
  if (!l) {
    l = { mentionByEnd: [], orgByEnd: [], orgByFrom: [], headline: new Map(), surnames: null, speakers: [] };
    LOOKUPS.set(people, l);
  }
  return l;
}

function buildLookup(people: People, orgs: OrgMentionAt[][]): void {
  const l = lookupOf(people);
  l.mentionByEnd = people.byBlock.map((list) => {
    const m = new Map<number, Mention>();
    for (const x of list) if (!m.has(x.to - 1)) m.set(x.to - 1, x);
    return m;
  });
  l.orgByEnd = orgs.map((list) => {
    const m = new Map<number, OrgMentionAt>();
    for (const x of list) if (!m.has(x.to - 1)) m.set(x.to - 1, x);
    return m;
  });
  l.orgByFrom = orgs.map((list) => {
    const m = new Map<number, OrgMentionAt>();
    for (const x of list) if (!m.has(x.from)) m.set(x.from, x);
    return m;
  });
}

/** The organisation mention that starts within [from, to] (a few tokens), nearest first. */
function orgStartingWithin(people: People, block: number, from: number, to: number): OrgMentionAt | undefined {
  const byFrom = lookupOf(people).orgByFrom[block];
  for (let i = from; i <= to; i++) {
    const o = byFrom?.get(i);
    if (o) return o;
  }
  return undefined;
}

/** Registers a person found by attribution and keeps the lookup current. */
function introduce(people: People, block: number, from: number, to: number): Mention | null {
  const m = people.introduce(block, from, to);
  if (m) {
    const byEnd = lookupOf(people).mentionByEnd[block];
    if (byEnd && !byEnd.has(m.to - 1)) byEnd.set(m.to - 1, m);
  }
  return m;
}

/** The last mention inside tokens [from, to) that is not a possessive: the head of a name phrase. */
function lastMentionWithin(people: People, block: number, tokens: Token[], from: number, to: number): Mention | undefined {
  const byEnd = lookupOf(people).mentionByEnd[block];
  for (let j = to - 1; j >= from; j--) {
    const m = byEnd?.get(j);
    if (m && m.from >= from && !isPossessive(tokens[m.to - 1])) return m;
  }
  return undefined;
}

export function attributeQuotes(ctx: Context, people: People, orgs: OrgMentionAt[], raw: RawQuote[]): Quote[] {
  const quotes: Quote[] = [];
  const orgsByBlock = groupOrgs(orgs, ctx.blocks.length);
  buildLookup(people, orgsByBlock);
  /** Token ranges of every quote per block, to stop windows at quotes. */
  const quoteTokens = raw.map((q) => {
    const tokens = ctx.blocks[q.block]?.tokens ?? [];
    const range = { from: tokenAt(tokens, q.open), to: tokenAt(tokens, q.close) };
    const list = QUOTE_RANGES.get(tokens) ?? [];
    list.push(range);
    QUOTE_RANGES.set(tokens, list);
    return range;
  });

  raw.forEach((q, qi) => {
    const bt = ctx.blocks[q.block];
    const tokens = bt?.tokens ?? [];
    const range = quoteTokens[qi] ?? { from: 0, to: 0 };
    const prevInBlock = qi > 0 && raw[qi - 1]?.block === q.block ? quoteTokens[qi - 1] : undefined;
    const nextInBlock = qi + 1 < raw.length && raw[qi + 1]?.block === q.block ? quoteTokens[qi + 1] : undefined;
    const text = ctx.text.slice(q.start, q.end);

    let found: Found | null = null;
    if (bt && !q.fromBlockquote) {
      const after = q.closed ? findAfter(ctx, people, orgsByBlock, q, tokens, range.to, nextInBlock?.from ?? tokens.length, text) : null;
      const before = findBefore(ctx, people, orgsByBlock, q, tokens, range.from, prevInBlock?.to ?? 0);
      found = pick(
        after && endsEmbeddedSentence(tokens, q, range.to, text) ? { ...after, distance: after.distance + LATE } : after,
        before,
      );
      if (!found && bt.block.kind === 'title') found = headlineSpeaker(ctx, people, q, tokens, range.from);
    }
    quotes.push({
      index: qi,
      start: q.start,
      end: q.end,
      text,
      kind: 'speech',
      speaker: found?.speaker ?? null,
      method: found?.speaker ? found.method : null,
      cue: found?.cue ?? null,
      continues: q.continues,
    });
    (quotes[qi] as Quote & { _source?: string | null })._source = found?.source ?? null;
    if (found?.speaker?.type === 'person') {
      const speakers = lookupOf(people).speakers;
      speakers[q.block] = (speakers[q.block] ?? new Set()).add(found.speaker.key);
    }
  });

  // Continuations: pieces of one quotation, later sentences of the same
  // paragraph, and a paragraph that opens with a quote after a quoted paragraph.
  const nextPieceOf = new Map<number, number>();
  raw.forEach((r, i) => {
    if (r.continues !== null) nextPieceOf.set(r.continues, i);
  });
  for (let pass = 0; pass < 2; pass++) {
    for (const [qi, q] of quotes.entries()) {
      if (q.speaker) continue;
      const r = raw[qi];
      if (!r) continue;
      const inherit = (from: Quote | undefined) => {
        if (from?.speaker) {
          q.speaker = from.speaker;
          q.method = 'continuation';
          return true;
        }
        return false;
      };
      // A later piece of one quotation has its first piece's speaker, whatever cue sits between them.
      if (r.continues !== null && inherit(quotes[r.continues])) continue;
      if (q.cue) continue;
      // The next piece of the same quotation names the speaker.
      const nextPiece = nextPieceOf.get(qi);
      if (nextPiece !== undefined && inherit(quotes[nextPiece])) continue;
      // "X said:" closing the previous paragraph introduces this one.
      if (opensBlock(ctx, r)) {
        const intro = colonIntro(ctx, people, orgsByBlock, r.block);
        if (intro) {
          q.speaker = intro.speaker;
          q.method = 'colon';
          q.cue = intro.cue;
          continue;
        }
      }
      const prev = quotes[qi - 1];
      const prevRaw = raw[qi - 1];
      // A later sentence of the same paragraph, unless a later sentence names someone else first.
      if (prev && prevRaw && prevRaw.block === r.block && !subjectBetween(ctx, people, r.block, prevRaw.close, r.open, prev.speaker?.key)) {
        if (inherit(prev)) continue;
      }
      // Same sentence as the next quote, which has a speaker: “A” and “B,” X said.
      const next = quotes[qi + 1];
      const nextRaw = raw[qi + 1];
      if (next && nextRaw && nextRaw.block === r.block && sameSentence(ctx, r.block, r.close, nextRaw.open) && inherit(next)) continue;
      // A paragraph that opens with a quote continues the previous paragraph's speaker.
      if (prev && prevRaw && opensBlock(ctx, r) && prevRaw.block < r.block && previousProseBlock(ctx, r.block) === prevRaw.block) {
        if (inherit(prev)) continue;
      }
    }
  }

  echoHeadlines(ctx, raw, quotes);
  for (const [qi, q] of quotes.entries()) {
    const r = raw[qi];
    q.kind = r ? classify(ctx, people, r, q) : 'speech';
    delete (q as Quote & { _source?: string | null })._source;
  }
  return quotes;
}

/**
 * The quote closes a sentence begun before it ("Peskov said Kyiv had “decided to wait.” Diplomats said …"): a cue
 * in the next sentence is someone else's as often as not, so it only counts when the sentence itself names no one.
 */
function endsEmbeddedSentence(tokens: Token[], q: RawQuote, after: number, text: string): boolean {
  return tokens[tokenAt(tokens, q.open) - 1]?.kind === 'word' && /[.!?…]$/.test(text) && tokens[after]?.upper === true;
}
/** Added to the distance of a cue in the next sentence: any cue in the quote's own sentence is nearer. */
const LATE = 1000;

/**
 * A headline quoting words the body gives someone ("‘We will not be intimidated’: inside …"): the headline's quote
 * is theirs. Only quotes of three words or more, found whole inside body quotes of one speaker.
 */
function echoHeadlines(ctx: Context, raw: RawQuote[], quotes: Quote[]): void {
  const words = (text: string) =>
    fold(text)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  quotes.forEach((q, qi) => {
    const r = raw[qi];
    if (q.speaker || !r || ctx.blocks[r.block]?.block.kind !== 'title') return;
    const mine = words(q.text);
    if (mine.split(' ').length < 3) return;
    // One speaker only: words several people used are a slogan, not someone's quote.
    const sources = quotes.filter((o, oi) => o.speaker && raw[oi]?.block !== r.block && words(o.text).includes(mine));
    const speaker = sources[0]?.speaker;
    if (speaker && sources.every((o) => o.speaker?.key === speaker.key)) {
      q.speaker = speaker;
      q.method = 'headline';
    }
  });
}

/** The nearer of the cues after and before the quote; one that names a speaker beats one that does not. */
function pick(after: Found | null, before: Found | null): Found | null {
  if (!after) return before;
  if (!before) return after;
  const named = (f: Found) => f.speaker !== null || f.source !== null;
  if (named(after) !== named(before)) return named(after) ? after : before;
  if (after.distance <= 3) return after;
  if (before.distance <= 3) return before;
  return after.distance <= before.distance ? after : before;
}

/** Nouns that name a work: a title in quotes after them is not speech ("the book “…”", "the show “…”"). */
const WORK_NOUNS = new Set(
  'book books film films movie movies show shows series program programme podcast song songs album column documentary novel memoir autobiography biography essay play musical episode sitcom broadcast titled entitled ballet opera exhibition festival buch sendung ballett oper livre émission opéra libro película ópera książka balet книга фильм балет опера выставка фільм виставка'
    .split(' ')
    .map(fold),
);
/** "an article titled “…”": whatever follows is a title, in any case. */
const TITLED = new Set(
  [
    'titled',
    'entitled',
    'headlined',
    'betitelt',
    'intitulé',
    'intitulée',
    'titulado',
    'titulada',
    'zatytułowany',
    'названием',
    'озаглавленный',
    'назвою',
  ].map(fold),
);
/** Indefinite articles of the languages that put the subject after the verb. */
const INDEFINITE = new Set(['un', 'une', 'uno', 'una', 'ein', 'eine', 'einer']);

/** Words that may follow a headline's quoted object: "warns ‘…’ at plant", "says ‘…’ as talks stall". */
const HEADLINE_LINKS = new Set('at as in on over after amid for to with while despite before from'.split(' '));

/** Short words a title keeps in lower case ("Tales From the Crypt"). */
const TITLE_SMALL_WORDS = new Set('of the a an and in on for to with at by or from'.split(' '));

/**
 * Speech or scare quote. Speech: a quote with a cue or speaker, a
 * continuation, a blockquote, or a phrase of three words or more in running
 * prose. Scare: a word or two with no cue ("a “buffer zone”"), a term after
 * "so-called"/"dubbed", and the title of a work ("NBC’s “Today”", "the book
 * “Fear”", "“…,” by X").
 */
function classify(ctx: Context, people: People, r: RawQuote, q: Quote): QuoteKind {
  if (r.fromBlockquote) return 'speech';
  const words = q.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const tokens = ctx.blocks[r.block]?.tokens ?? [];
  const k = tokenAt(tokens, r.open) - 1;
  const lead = tokens[k];
  const titleCase =
    words.length <= 8 && words.every((w, i) => /^[\p{Lu}\p{N}'‘’"“]/u.test(w) || (i > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase())));
  const after = tokenAt(tokens, r.close);
  // "the show « C à vous »": after a noun naming a work, any case is a title (French titles are in sentence case).
  const afterWorkNoun = lead?.upper === false && WORK_NOUNS.has(lead.key) && /^\p{Lu}/u.test(q.text) && words.length <= 10;
  if ((titleCase && isWorkTitle(tokens, k)) || afterWorkNoun || bylineAfter(tokens, after) || TITLED.has(lead?.key ?? '')) return 'scare';
  // A headline quotes fragments; only a whole quote given to its speaker ("Mattis: “…”") is speech there.
  const headline = headlineKind(ctx, people, r.block);
  // (A speaker found through a verb of saying makes it a sentence, not a headline: „…“, so Kallas.)
  // So does a verb of saying with no one we can name ("UN nuclear chief warns ‘…’"), and a name right before the
  // quote or the same words in the body ('headline').
  // (Not words that modify a noun after them, "Minister Slams ‘Reckless’ Plan", nor, with no one named, a word or
  // two: "State calls emails ‘top secret’".)
  const next = tokens[isQuoteMark(tokens[after]?.text) ? after + 1 : after];
  const object = next === undefined || next.kind === 'punct' || HEADLINE_LINKS.has(next.key);
  const viaVerb =
    (q.cue !== null && q.cue !== ':' && q.cue !== '' && (q.speaker !== null || (object && words.length >= 3))) || q.method === 'headline';
  if (headline === 'title' && !viaVerb && !(q.speaker && tokens[k]?.text === ':' && onlyPunctuationFrom(tokens, after))) return 'scare';
  if (headline === 'short' && !q.speaker && !q.cue) return 'scare';
  // A full stop inside the closing mark after a title-cased name is the outer sentence's when the
  // quote is embedded in it: "reruns of “Seinfeld.”" (US style puts it inside the mark).
  const embedded = lead?.kind === 'word' && !cueAt(tokens, k);
  const ends = /[!?…]$/.test(q.text) || (/\.$/.test(q.text) && !embedded);
  // A title-cased name no one is given as saying: a show, a slogan, a campaign ("the “Never Example” movement").
  if (titleCase && !q.speaker && words.length <= 8 && !ends) return 'scare';
  // A title-cased name right after a preposition or article is a name, even when someone nearby speaks
  // ("on “Face the Nation,” X said", "X told the “Financial Times”", "mit der „Süddeutschen Zeitung“").
  if (titleCase && words.length <= 6 && !ends && embedded && NAME_LEADS.has(lead.key)) return 'scare';
  // "so-called": a term, whoever speaks in the sentence; so is a naming participle after a comma
  // ("The operation, dubbed “Eastern Shield,” began …, X said").
  const naming = lead && SCARE_LEADS.has(lead.key) && /(ed|wn)$/.test(lead.key) && tokens[k - 1]?.text === ',';
  if (lead && (TERM_LEADS.has(lead.key) || (lead.key === 'called' && tokens[k - 1]?.key === 'so') || naming) && words.length <= 8)
    return 'scare';
  if (q.cue || q.method === 'colon' || q.method === 'headline') return 'speech';
  // "the phrase “…”", "the word “…”": a term, even inside a quoted speaker's paragraph.
  if (lead && SCARE_LEADS.has(lead.key) && words.length <= 8) return 'scare';
  if (q.method === 'continuation') return 'speech';
  if (words.length <= 2 && !/[.!?…]$/.test(q.text)) return 'scare';
  // A title-cased name of a work or slogan with no cue: "Operation “Eastern Sentry”".
  if (titleCase && words.length <= 6 && !ends) return 'scare';
  return 'speech';
}

/** Nothing but punctuation from token i to the end of the block (at most a few tokens are looked at). */
function onlyPunctuationFrom(tokens: Token[], i: number): boolean {
  for (let k = i; k < tokens.length; k++) if (tokens[k]?.kind !== 'punct' || k - i > 4) return false;
  return true;
}

/**
 * Headlines and subheadings: a title block, or a short one-sentence block in
 * Title Case ('title'); any short one-sentence block of at most a dozen words
 * ('short') — plain text does not always mark them.
 */
function headlineKind(ctx: Context, people: People, block: number): 'title' | 'short' | null {
  const cache = lookupOf(people).headline;
  const cached = cache.get(block);
  if (cached !== undefined) return cached;
  const kind = computeHeadlineKind(ctx, block);
  cache.set(block, kind);
  return kind;
}

function computeHeadlineKind(ctx: Context, block: number): 'title' | 'short' | null {
  const bt = ctx.blocks[block];
  if (!bt) return null;
  if (bt.block.kind === 'title' || bt.block.kind === 'heading') return 'title';
  const tokens = bt.tokens;
  let words = 0;
  let long = 0;
  let upper = 0;
  let lastWord = -1;
  for (const [k, t] of tokens.entries()) {
    if (t.kind === 'punct') continue;
    if (++words > 20) return null;
    lastWord = k;
    if (t.text.length >= 3) {
      long++;
      if (t.upper) upper++;
    }
  }
  // One sentence: no sentence end before the last word.
  for (let k = 0; k < lastWord; k++) if (isSentenceEnd(tokens, k)) return null;
  // Title Case with no speech verb in it (German capitalises every noun, so a verb of saying rules it out).
  if (long >= 3 && upper >= 0.6 * long && !tokens.some((_t, k) => cueAt(tokens, k))) return 'title';
  return words <= 12 ? 'short' : null;
}

/** Context that marks a title-cased quote as the name of a work: "NBC’s “Today”", "the show “…”". */
function isWorkTitle(tokens: Token[], lead: number): boolean {
  // In apposition: "in his memoir, “Harbour Days,”".
  if (tokens[lead]?.text === ',' && WORK_NOUNS.has(tokens[lead - 1]?.key ?? '')) return true;
  const t = tokens[lead];
  if (t && t.kind === 'word' && ((t.upper && /['’]s?$/.test(t.text) && t.text.length > 2) || WORK_NOUNS.has(t.key))) return true;
  // A possessive ending split off: "Fox ’s".
  return t !== undefined && /^['’]s?$/.test(t.text) && tokens[lead - 1]?.upper === true;
}

/** “…,” by X: the quote is the title of a piece of writing. */
function bylineAfter(tokens: Token[], after: number): boolean {
  let j = after;
  while (tokens[j]?.kind === 'punct' && j - after < 2) j++;
  return tokens[j]?.key === 'by' && tokens[j + 1]?.upper === true;
}

function groupOrgs(orgs: OrgMentionAt[], n: number): OrgMentionAt[][] {
  const by: OrgMentionAt[][] = Array.from({ length: n }, () => []);
  for (const o of orgs) by[o.block]?.push(o);
  return by;
}

/** Words before a cue word that make it a noun: "his remarks", "the claims", "Obama’s warning". */
const DETERMINERS = new Set('the a an his her their its our my your this these those such whose'.split(' '));
/** English modal and auxiliary verbs: a cue word right before one is a noun ("states can", "claims were"). */
const MODALS_AFTER_NOUN = new Set('can could will would shall should may might must do does did have has had are were is was'.split(' '));
/** Forms of "be" before a participle: a passive ("was announced") names no speaker before it. */
const BE = new Set('was were been being is are be'.split(' '));

/** A verb of saying in the passive: "was said", "is quoted", "were told". */
function passiveCueAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  return (
    t?.kind === 'word' && !t.upper && CUE_VERBS.has(t.key) && /(ed|id|ld|en)$/.test(t.key) && prev?.kind === 'word' && BE.has(prev.key)
  );
}

/**
 * A speech verb at token k: written in lower case ("the United States" has no
 * verb in it), not a noun after a determiner or possessive ("Obama’s remarks")
 * and not a passive ("was announced").
 */
function cueAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t === undefined || t.kind !== 'word' || t.upper) return false;
  if (!CUE_VERBS.has(t.key) && (PHRASAL_CUES.get(t.key) ?? null) !== (tokens[k + 1]?.key ?? '')) return false;
  // A plural noun before a verb is no verb of saying: "that states can pass", "the reports were".
  const next = tokens[k + 1];
  if (next && !next.upper && MODALS_AFTER_NOUN.has(next.key)) return false;
  // "state media", "state television": the adjective; the verb is followed by "that" or punctuation.
  if (t.key === 'state' && next?.kind === 'word' && next.key !== 'that') return false;
  const prev = tokens[k - 1];
  // "Baltic states agree", "member states", "the United States": the noun ("the plan states families must …" is the verb).
  if (t.key === 'states' && next?.kind === 'word' && next.key !== 'that' && (prev?.upper || STATES_NOUN_AFTER.has(prev?.key ?? '')))
    return false;
  if (prev?.kind !== 'word') return true;
  // French/Spanish auxiliaries ("a déclaré", "ha dicho") look like English articles.
  if ((prev.key === 'a' || prev.key === 'ha') && (t.text !== t.key || CUE_VERBS.get(t.key)?.english === false)) return true;
  if (DETERMINERS.has(prev.key) || BE.has(prev.key) || /['’]s$/.test(prev.text)) return false;
  return true;
}

/** Words before "states" that make it the noun: "member states", "other states", "frontline states". */
const STATES_NOUN_AFTER = new Set(
  'member the these those other many some all both several most two three four five island nuclear frontline neighbouring neighboring allied border arab gulf'.split(
    ' ',
  ),
);

/** After the quote: "…,” X said", "…,” said X", "…,” according to X", "…“, so Scholz". */
function findAfter(
  ctx: Context,
  people: People,
  orgs: OrgMentionAt[][],
  q: RawQuote,
  tokens: Token[],
  from: number,
  limit: number,
  quoteText: string,
): Found | null {
  let k = from;
  while (k < limit && /^[,—–\-:;]$/.test(tokens[k]?.text ?? '')) k++;
  const start = k;
  // A quote ending a sentence, followed by a capitalised word: only "X said." directly after counts.
  const endsSentence = /[.!?…]$/.test(quoteText) && tokens[start]?.upper === true && start === from;
  // After a finished sentence only "X said." counts — X may carry an apposition: “…?” Miller, a retired worker, said.
  const maxSpan = endsSentence && tokens[start + 1]?.text !== ',' && tokens[start + 2]?.text !== ',' ? 5 : 28;
  // German "…“, so Scholz".
  if (tokens[start]?.key === 'so' && start > from && tokens[start + 1]?.upper) {
    const s = speakerAfter(ctx, people, orgs, q.block, tokens, start + 1);
    if (s) return { ...s, cue: 'so', distance: 1 };
  }
  for (; k < limit && k - start < maxSpan; k++) {
    const t = tokens[k];
    if (!t) break;
    if (k > start && isSentenceEnd(tokens, k - 1)) break;
    if (t.kind === 'punct' && /[“„«"]/.test(t.text)) break;
    const src = SOURCES.matchAt(tokens, k);
    if (src) {
      const s = speakerAfter(ctx, people, orgs, q.block, tokens, src.to);
      return { ...(s ?? { speaker: null, method: 'cue', source: null }), cue: src.values[0] ?? 'according to', distance: k - from };
    }
    if (!cueAt(tokens, k)) {
      const inv = INVERTED_PRONOUN.exec(t.key);
      if (inv && k === start) {
        const s = resolvePronoun(ctx, people, q.block, t.start, inv[1] === 'elle' || inv[1] === 'elles' ? 'f' : 'm');
        return { speaker: s, method: 'pronoun', cue: t.text, distance: 0, source: null };
      }
      continue;
    }
    const info = CUE_VERBS.get(t.key);
    // “…?” X then writes back, “…”: after a finished sentence, a cue that leads into the next quote is that quote's.
    if (endsSentence && introducesNextQuote(tokens, k)) return null;
    // "…” about the pay, said Jan Example": words that finish the quoted sentence, then an inverted cue
    // after a comma — the speaker follows the verb (the words before it are no subject).
    if (info?.inverts && !endsSentence && continuesQuotedSentence(tokens, start, k)) {
      const s = speakerAfter(ctx, people, orgs, q.block, tokens, k + 1);
      if (s?.speaker) return { ...s, cue: t.text, distance: k - from };
    }
    // Subject before the cue; "…,” but pledged / adding" share the subject of the sentence's main clause.
    const subj =
      k > start && sharesMainSubject(tokens, k, start)
        ? clauseSubject(ctx, people, orgs, q.block, tokens, sentenceStart(tokens, tokenAt(tokens, q.open), 0), k)
        : subjectBefore(ctx, people, orgs, q.block, tokens, k, start);
    if (subj) return { ...subj, cue: t.text, distance: k - from };
    // Inverted: "said Mattis", "a déclaré Emmanuel Macron", "заявил Песков", "dit-il".
    const onlyAux = tokens.slice(start, k).every((x) => AUXILIARIES.has(x.key) || x.kind === 'punct');
    if (info?.inverts && onlyAux) {
      const inv = INVERTED_PRONOUN.exec(t.key);
      if (inv) {
        const s = resolvePronoun(ctx, people, q.block, t.start, inv[1] === 'elle' || inv[1] === 'elles' ? 'f' : 'm');
        return { speaker: s, method: 'pronoun', cue: t.text, distance: k - from, source: null };
      }
      const s = speakerAfter(ctx, people, orgs, q.block, tokens, k + 1);
      if (s) return { ...s, cue: t.text, distance: k - from };
      // Other languages put a short adverbial between the verb and its subject: "– powiedział w Sejmie
      // premier Donald Tusk", "sagte am Montag Kanzler Scholz". The subject then ends the sentence.
      if (!info.english && PHRASE_END.has(tokens[k + 1]?.key ?? '')) {
        for (let j = k + 2; j <= k + 4; j++) {
          const late = speakerAfter(ctx, people, orgs, q.block, tokens, j, true);
          // Right after the first word, a name the dataset does not know is that word's object ("escribió en
          // Twitter"); someone unnamed counts too ("confiait en marge un diplomate").
          const named = late?.speaker ? j > k + 2 || late.speaker.id !== null : late?.source != null;
          if (late && named) return { ...late, cue: t.text, distance: k - from };
        }
      }
      // No subject at all ("«…», aseguró.", "„…” – powiedziała."): languages that drop the pronoun
      // mean the person the text is about, of the gender the verb shows.
      // (The verb may take a phrase or a second verb, or close an incise: "dijo en Kiev.", "afirmó, y pidió …",
      // «… —dijo—. …».)
      const next = tokens[k + 1];
      const noSubject =
        next === undefined ||
        (next.kind === 'punct' && isSentenceEnd(tokens, k + 1)) ||
        PHRASE_END.has(next.key) ||
        next.text === '—' ||
        // a gerund: "dijo refiriéndose a …"
        /[^\s]{3}ndo(se)?$/.test(next.key) ||
        (next.text === ',' && CLAUSE_CONJUNCTIONS.has(tokens[k + 2]?.key ?? ''));
      if (!info.english && noSubject) {
        const gender = verbGender(t.key);
        if (gender !== 'plural') {
          const sp = resolvePronoun(ctx, people, q.block, t.start, gender);
          if (sp) return { speaker: sp, method: 'pronoun', cue: t.text, distance: k - from, source: null };
        }
      }
    }
    // A cue with no readable subject still marks the quote as attributed speech.
    return { speaker: null, method: 'cue', cue: t.text, distance: k - from, source: null };
  }
  return null;
}

/**
 * Tokens [start, k) after a closing mark go on with the quoted sentence and end in a comma before the
 * verb at k (auxiliaries aside): they open with a lower-case word that cannot begin a subject — not an
 * article, pronoun or title ("the minister", "he", "former envoy …").
 */
function continuesQuotedSentence(tokens: Token[], start: number, k: number): boolean {
  let b = k - 1;
  while (b > start && AUXILIARIES.has(tokens[b]?.key ?? '')) b--;
  const lead = tokens[start];
  if (b <= start || tokens[b]?.text !== ',' || lead?.kind !== 'word' || lead.upper) return false;
  const key = lead.key;
  return (
    !DETERMINERS.has(key) &&
    pronounGender(key) === undefined &&
    !TITLE_MODIFIERS.has(key) &&
    !OFFICE_WORDS.has(key) &&
    !PERSON_DESCRIPTORS.has(key) &&
    !UNNAMED_SOURCES.has(key)
  );
}

/** A quote opens within a few tokens after the cue at k, before the sentence ends: "X writes back, “…”". */
function introducesNextQuote(tokens: Token[], k: number): boolean {
  for (let i = k + 1; i < tokens.length && i - k <= 6; i++) {
    const x = tokens[i];
    if (!x || isSentenceEnd(tokens, i)) return false;
    if (x.kind === 'punct' && /^["“„«‘']$/.test(x.text)) return true;
  }
  return false;
}

/** The first token of the sentence that contains token k (not before `limit`). */
function sentenceStart(tokens: Token[], k: number, limit: number): number {
  let s = k;
  while (s > limit && !isSentenceEnd(tokens, s - 1) && k - s < 80) s--;
  return s;
}

/** Before the quote, in its sentence: "X said: “…”", "X said that … “…”", "According to X, “…”". */
function findBefore(
  ctx: Context,
  people: People,
  orgs: OrgMentionAt[][],
  q: RawQuote,
  tokens: Token[],
  quoteFrom: number,
  limit: number,
): Found | null {
  // Sentence start.
  let s = quoteFrom;
  while (s > limit && !isSentenceEnd(tokens, s - 1)) s--;
  // "X fired back: “…”": a quote after a colon belongs to the subject of the clause that ends in the colon.
  if (tokens[quoteFrom - 1]?.text === ':' && quoteFrom - 1 > s) {
    const subj = clauseSubject(ctx, people, orgs, q.block, tokens, s, quoteFrom - 1);
    if (subj?.speaker) return { ...subj, method: subj.method === 'cue' ? 'colon' : subj.method, cue: ':', distance: 1 };
  }
  const owned = speechNounOwner(ctx, people, q.block, tokens, quoteFrom, s);
  if (owned?.speaker) return owned;
  let cueOnly: Found | null = owned;
  for (let k = quoteFrom - 1; k >= s; k--) {
    const t = tokens[k];
    if (!t) break;
    const byPronoun = pronounSourceAt(ctx, people, q.block, tokens, k, quoteFrom);
    if (byPronoun && byPronoun.distance > 0) return byPronoun;
    const src = SOURCES.matchAt(tokens, k);
    if (src && src.to <= quoteFrom) {
      const sp = speakerAfter(ctx, people, orgs, q.block, tokens, src.to);
      if (sp) return { ...sp, cue: src.values[0] ?? 'according to', distance: quoteFrom - k };
      // "According to some on social media, …": attributed, to no one we can name.
      cueOnly ??= { speaker: null, method: 'cue', cue: src.values[0] ?? 'according to', distance: quoteFrom - k, source: null };
    }
    // "X was said to be “furious”": a passive verb of saying attributes the words to no one named.
    if (passiveCueAt(tokens, k)) cueOnly ??= { speaker: null, method: 'cue', cue: t.text, distance: quoteFrom - k - 1, source: null };
    if (!cueAt(tokens, k)) continue;
    const subj = sharesMainSubject(tokens, k, s)
      ? clauseSubject(ctx, people, orgs, q.block, tokens, sentenceStart(tokens, k, 0), k)
      : subjectBefore(ctx, people, orgs, q.block, tokens, k, s);
    if (subj?.speaker || (subj && !cueOnly)) {
      if (subj.speaker) return { ...subj, cue: t.text, distance: quoteFrom - k - 1 };
    }
    const info = CUE_VERBS.get(t.key);
    if (info?.inverts) {
      const sp = speakerAfter(ctx, people, orgs, q.block, tokens, k + 1, true);
      if (sp?.speaker) return { ...sp, cue: t.text, distance: quoteFrom - k - 1 };
    }
    cueOnly ??= { speaker: null, method: 'cue', cue: t.text, distance: quoteFrom - k - 1, source: subj?.source ?? null };
  }
  // "Name: “…”" at the start of a sentence (interview transcripts, headlines).
  if (tokens[quoteFrom - 1]?.text === ':') {
    const m = mentionEndingAt(people, q.block, quoteFrom - 2);
    if (m && m.from <= s + 3) return { speaker: personSpeaker(m.entity), method: 'colon', cue: ':', distance: 1, source: null };
  }
  // "X has branded the plan as a “…”": a characterisation given to the clause's subject.
  if (!cueOnly) {
    let a = quoteFrom - 1;
    if (['a', 'an', 'the'].includes(tokens[a]?.key ?? '')) a--;
    const lead = tokens[a - 1];
    if (tokens[a]?.key === 'as' && lead?.kind === 'word' && !SCARE_LEADS.has(lead.key) && lead.key !== 'such') {
      const subj = clauseSubject(ctx, people, orgs, q.block, tokens, sentenceStart(tokens, a, 0), a);
      if (subj?.speaker) return { ...subj, cue: 'as', distance: quoteFrom - a };
    }
  }
  return cueOnly;
}

/**
 * "Rutte’s call for a “…”", "her warning that “…”": a noun of speech right
 * before the quote, owned by a named person or he/she — the owner speaks.
 */
function speechNounOwner(ctx: Context, people: People, block: number, tokens: Token[], quoteFrom: number, limit: number): Found | null {
  const noun = speechNounBefore(tokens, quoteFrom, limit);
  if (noun === -1) return null;
  // The owner: a possessive a few words before the noun ("Rutte’s clarion call").
  for (let o = noun - 1; o >= limit && noun - o <= 3; o--) {
    const owner = tokens[o];
    if (!owner || owner.kind === 'punct') break;
    const g = pronounGender(owner.key);
    if (
      (g === 'm' || g === 'f') &&
      ['his', 'her', 'ihr', 'sein', 'son', 'sa', 'su', 'jego', 'jej', 'его', 'её', 'його', 'її'].includes(owner.key)
    ) {
      return {
        speaker: resolvePronoun(ctx, people, block, owner.start, g),
        method: 'pronoun',
        cue: tokens[noun]?.text ?? '',
        distance: quoteFrom - noun,
        source: null,
      };
    }
    if (isPossessive(owner)) {
      // Someone's words even when we cannot name them ("the minister’s appeal for “calm”").
      const m = mentionEndingAt(people, block, o);
      return {
        speaker: m ? personSpeaker(m.entity) : null,
        method: 'cue',
        cue: tokens[noun]?.text ?? '',
        distance: quoteFrom - noun,
        source: null,
      };
    }
  }
  return null;
}

/** Nouns of speech that can govern a quotation: "his call for a “…”", "the warning that “…”". */
const SPEECH_NOUNS = new Set(
  'call calls remark remarks comment comments claim claims promise promises pledge pledges warning warnings description suggestion assertion statement words phrase slogan slogans rejection criticism accusation insistence prediction vow demand demands appeal plea mantra refrain catchphrase motto message tweet line aufruf forderung warnung worte appel promesse propos avertissement llamado llamamiento promesa advertencia palabras apel obietnica ostrzezenie slowa призыв обещание предупреждение слова заявление заклик обіцянка попередження заява'
    .split(' ')
    .map(fold),
);

/** A noun of speech at most five tokens before the quote, joined to it by for/of/that/to or an article: its index, or -1. */
function speechNounBefore(tokens: Token[], quoteFrom: number, limit: number): number {
  // The quote is the noun's content ("call for …", "warning that …"), not its complement ("called X's remarks “…”").
  const links = new Set(['for', 'of', 'that', 'to', ':', 'de', 'du', 'des', 'del', 'zu', 'do', 'о', 'на', 'до']);
  const articles = new Set(['a', 'an', 'the', 'it', 'was', 'is', 'be', 'la', 'le', 'el', ',']);
  let linked = false;
  for (let k = quoteFrom - 1; k >= limit && quoteFrom - k <= 5; k--) {
    const t = tokens[k];
    if (!t) break;
    if (SPEECH_NOUNS.has(t.key)) return linked ? k : -1;
    if (links.has(t.key) || links.has(t.text)) linked = true;
    else if (!articles.has(t.key) && !articles.has(t.text)) break;
  }
  return -1;
}

/**
 * The cue shares the subject of its main clause: a participle after a comma
 * ("…, saying", "…, telling reporters") or a verb joined by "and"/"but"
 * ("X criticised the plan and said …").
 */
function sharesMainSubject(tokens: Token[], k: number, limit: number): boolean {
  let j = k - 1;
  while (j >= limit && tokens[j] && isAdverbial(tokens[j] as Token)) j--;
  // “…,” adding: the comma sits inside the closing mark.
  while (j > 0 && isQuoteMark(tokens[j]?.text)) j--;
  const before = tokens[j];
  // "X criticised the plan and said", "X went on to say".
  // (And in the other languages: "назвала план «…» і пообіцяла «…»", "a dénoncé … et promis".)
  if (before?.key === 'and' || before?.key === 'but' || (before?.key === 'to' && !tokens[k]?.key.endsWith('ing'))) return j > 0;
  if (before && !CUE_VERBS.get(tokens[k]?.key ?? '')?.english && CLAUSE_CONJUNCTIONS.has(before.key)) return j > 0;
  const key = tokens[k]?.key ?? '';
  if (!key.endsWith('ing') && !PARTICIPLE_CUES.has(key)) return false;
  return before?.text === ',';
}

/**
 * The subject of the clause that runs from `from` to `to`: the first
 * comma-separated stretch that opens with a person, pronoun, organisation or
 * role ("Hours later, Trump returned …, telling reporters"; "When X
 * suggested …, Rubio fired back:"). Stretches that open with a subordinating
 * word or a preposition are skipped.
 */
function clauseSubject(
  ctx: Context,
  people: People,
  orgs: OrgMentionAt[][],
  block: number,
  tokens: Token[],
  from: number,
  to: number,
): Omit<Found, 'cue' | 'distance'> | null {
  let p = from;
  const first = Math.max(from, to - MAX_SUBJECT_TOKENS);
  for (let i = first; i < to; i++)
    if ((i === first || tokens[i - 1]?.text === ',') && !inQuote(tokens, i)) {
      p = i;
      // "But Obama, …, described": a conjunction opening the sentence is not a subordinate clause.
      while (p < to && CLAUSE_CONJUNCTIONS.has(tokens[p]?.key ?? '')) p++;
      // "…, with Jan Example tweeting … and asking": the subject of an absolute clause.
      if (absoluteWith(tokens, p, to)) p++;
      const t = tokens[p];
      // (German "der"/"die" opens a relative clause after a comma, but a capitalised one is the article.)
      const article = t?.upper === true && (t.key === 'der' || t.key === 'die');
      if (!t || t.kind === 'punct' || (NOT_SUBJECT_START.has(t.key) && !article) || t.key === 'asked') continue;
      const r = subjectAt(ctx, people, orgs, block, tokens, p, to);
      if (r) return r;
    }
  return null;
}

/** "with X saying/tweeting": "with" at p opens an absolute clause — an -ing verb follows within a few words, before `to`. */
function absoluteWith(tokens: Token[], p: number, to: number): boolean {
  if (tokens[p]?.key !== 'with') return false;
  for (let i = p + 2; i < to && i - p <= 6; i++) {
    const x = tokens[i];
    if (!x || x.kind === 'punct') return false;
    if (!x.upper && x.key.endsWith('ing')) return true;
  }
  return false;
}

/** Conjunctions and sentence adverbs that may open a main clause before its subject. */
const CLAUSE_CONJUNCTIONS = new Set(
  [
    ...['but', 'and', 'yet', 'so', 'still', 'then', 'now', 'however', 'also'],
    ...['aber', 'und', 'mais', 'et', 'pero', 'y', 'e', 'ale', 'i', 'oraz', 'но', 'а', 'и', 'але', 'і', 'та'],
  ].map(fold),
);

/** A subject that opens at token p: a (titled) name, he/she, an organisation or a role phrase ("the defense secretary"). */
function subjectAt(
  ctx: Context,
  people: People,
  orgs: OrgMentionAt[][],
  block: number,
  tokens: Token[],
  p: number,
  to: number,
): Omit<Found, 'cue' | 'distance'> | null {
  const t = tokens[p];
  if (!t) return null;
  const g = pronounGender(t.key);
  if (g === 'm' || g === 'f') return { speaker: resolvePronoun(ctx, people, block, t.start, g), method: 'pronoun', source: null };
  const referent = orgReference(ctx, orgs, block, tokens, t.key === 'the' ? p + 1 : p);
  if (referent) return referent;
  const described = germanDescription(ctx, people, block, tokens, p, tokens[to]);
  if (described) return described;
  const lead = t.key === 'the' || t.key === 'former' ? p + 1 : p;
  // The name phrase that opens here: "Clinton Communications Director Jane Example" — its head is the last name in it.
  let e = lead;
  while (e < to && e - lead < 8) {
    const x = tokens[e];
    if (!x) break;
    const titleWord =
      OFFICE_WORDS.has(x.key) ||
      PERSON_DESCRIPTORS.has(x.key) ||
      (TITLE_MODIFIERS.has(x.key) && !PREPOSITIONS.has(x.key) && x.key !== 'the') ||
      // "secretary of state Jane Example"
      (x.key === 'of' && OFFICE_WORDS.has(tokens[e - 1]?.key ?? ''));
    if (!((x.kind !== 'punct' && (x.upper || titleWord)) || (x.text === '.' && tokens[e - 1]?.end === x.start))) break;
    e++;
  }
  const byEnd = lookupOf(people).mentionByEnd[block];
  let m: Mention | undefined;
  for (let j = e - 1; j >= lead && !m; j--) {
    const x = byEnd?.get(j);
    if (x && x.from >= lead) m = x;
  }
  if (m) {
    if (isPossessive(tokens[m.to - 1])) return null;
    return { speaker: personSpeaker(m.entity), method: 'cue', source: null };
  }
  const o = orgStartingWithin(people, block, p, lead);
  if (o) {
    if (isPossessive(tokens[o.to - 1])) return null;
    return byOrganisation(o);
  }
  // A name the article has not introduced: after a description in the same phrase ("Band member Jan
  // Example …"), or two to four capitalised words followed by a lower-case verb ("Jan Example went …").
  if (e - 1 > lead && tokens[e - 1]?.upper) {
    let d = false;
    for (let i = lead; i < e - 1 && !d; i++) d = isLowerDescriptor(tokens[i]);
    const intro = d
      ? introduceName(ctx, people, block, tokens, e - 1, lead)
      : lead === p && tokens[e]?.kind === 'word' && !tokens[e]?.upper
        ? bareNameSegment(ctx, people, block, tokens, lead, e - 1)
        : null;
    if (intro) return intro;
  }
  // "the defense secretary …": a role phrase of up to five words that opens the clause.
  const np = t.key === 'the' || t.key === 'a' || t.key === 'an' || isPossessive(t) || OFFICE_WORDS.has(t.key) || TITLE_MODIFIERS.has(t.key);
  for (let j = Math.min(to - 1, p + 5); np && j > p; j--) {
    const r = roleEndingAt(ctx, people, block, tokens, j, p);
    if (r?.speaker) return r;
  }
  return null;
}

/** Words that open a clause or phrase that is not the subject: "X, who …, said", "X, speaking in Kyiv, said". */
const NOT_SUBJECT_START = new Set(
  [
    'who',
    'whose',
    'whom',
    'which',
    'that',
    'where',
    'when',
    'while',
    'after',
    'before',
    'as',
    'in',
    'on',
    'at',
    'to',
    'for',
    'from',
    'with',
    'without',
    'during',
    'speaking',
    'writing',
    'referring',
    'according',
    'if',
    'because',
    'although',
    'though',
    'but',
    'and',
    'or',
    'der',
    'die',
    'qui',
    'que',
    'quien',
    'który',
    'która',
    'который',
    'которая',
    'який',
    'яка',
  ].map(fold),
);
const MAX_SUBJECT_TOKENS = 48;

/** "also", "on Tuesday" and adverbs in -ly ("jokingly said") may stand between a subject and its verb. */
const isAdverbial = (t: Token) =>
  ADVERBIALS.has(t.key) || (t.kind === 'word' && !t.upper && t.key.length > 4 && (t.key.endsWith('ly') || SLAVIC_ADVERB.test(t.key)));
/** Slavic adverbs of manner: "иронично", "жёстко", "ironicznie", "ostro" (not nouns in -ство, -enie, -anie). */
const SLAVIC_ADVERB = /(?:[нктлрхшчжсд]о|[^еа]nie|stro|wczo)$/u;

/** Index of the "(" matching a ")" at j, within a few tokens, or -1. */
function openParen(tokens: Token[], j: number, limit: number): number {
  for (let i = j - 1; i >= limit && j - i <= 14; i--) {
    const x = tokens[i]?.text;
    if (x === '(') return i;
    if (x === ')' || isQuoteMark(x)) return -1;
  }
  return -1;
}

const isQuoteMark = (x: string | undefined) => x !== undefined && /^["“”„«»‘’‚‹›]$/.test(x);

/**
 * The speaker named right before a cue at token k. The words before the verb
 * are read as comma-separated segments ("Brian Fallon, the campaign’s press
 * secretary, said"; "Merkel’s spokesman, Steffen Seibert, wrote"), skipping
 * adverbials and parentheticals ("Sen. Claire McCaskill (D-Mo.) said"): a
 * segment that opens with a person's name wins; otherwise the nearest segment
 * that can be a subject is read by its last word (pronoun, role, organisation).
 */
function subjectBefore(
  ctx: Context,
  people: People,
  orgs: OrgMentionAt[][],
  block: number,
  tokens: Token[],
  k: number,
  limit: number,
): Omit<Found, 'cue' | 'distance'> | null {
  const skip = (j: number): number => {
    for (;;) {
      const t = tokens[j];
      if (!t || j < limit) return j;
      if (isAdverbial(t) || AUXILIARIES.has(t.key) || t.text === '—' || t.text === '–') j--;
      else if (t.text === '.' && tokens[j - 1]?.kind === 'word' && tokens[j - 1]?.end === t.start && !isSentenceEnd(tokens, j)) {
        // An abbreviation's dot ends the segment: "Sen. Rand Example, R-Ky., said".
        return j - 1;
      } else if (t.text === ')') {
        const o = openParen(tokens, j, limit);
        if (o < 0) return j;
        j = o - 1;
      } else return j;
    }
  };
  // Segments [from, to] (inclusive), nearest first.
  const segments: { from: number; to: number }[] = [];
  let j = skip(k - 1);
  // "X, the consultant, said": the comma closing an apposition.
  if (tokens[j]?.text === ',' && j - 1 >= limit) j = skip(j - 1);
  const floor = Math.max(limit, k - MAX_SUBJECT_TOKENS);
  // Six segments reach the name through an age, a home town and a relative clause:
  // "Jan Example, 52, of Tromsø, Norway, who runs a ferry line, said".
  while (j >= floor && segments.length < 6) {
    const t = tokens[j];
    if (!t || t.kind === 'punct') break;
    let a = j;
    while (a - 1 >= floor) {
      const x = tokens[a - 1];
      if (!x) break;
      if (x.text === ')') {
        const o = openParen(tokens, a - 1, floor);
        if (o < 0) break;
        a = o;
        continue;
      }
      if (x.kind === 'punct' && x.text !== '.' && x.text !== '-' && x.text !== '&') break;
      if (x.text === '.' && isSentenceEnd(tokens, a - 1)) break;
      a--;
    }
    segments.push({ from: a, to: j });
    if (tokens[a - 1]?.text !== ',') break;
    j = skip(a - 2);
  }
  if (segments.length === 0) return null;
  const only = segments.length === 1 ? segments[0] : undefined;
  if (only) {
    // "Trump campaign spokesman Jason Miller added": the phrase's head is its last word.
    const m = headMention(people, block, tokens, only.from, only.to);
    if (m) return { speaker: personSpeaker(m.entity), method: 'cue', source: null };
    return speakerEndingAt(ctx, people, orgs, block, tokens, only.to, only.from);
  }
  // "…, with Jan Example saying": the nearest segment is an absolute clause whose subject speaks.
  const near = segments[0];
  if (near && absoluteWith(tokens, near.from, k + 1)) near.from++;
  // "But Jan Example, speaking in Kyiv, said": a conjunction before the subject is not part of it.
  for (const seg of segments) while (seg.from < seg.to && CLAUSE_CONJUNCTIONS.has(tokens[seg.from]?.key ?? '')) seg.from++;
  // 1. A segment that is a person's name (with its title): "Steffen Seibert", "Douglas Holtz-Eakin".
  for (const seg of segments) {
    if (NOT_SUBJECT_START.has(tokens[seg.from]?.key ?? '')) continue;
    const m = nameSegment(people, block, tokens, seg.from, seg.to);
    if (m) return { speaker: personSpeaker(m.entity), method: 'cue', source: null };
  }
  // 1b. A segment that reads as a name the article has not introduced: "the Vatican spokesman, Jan Example, said".
  for (const seg of segments) {
    const r = bareNameSegment(ctx, people, block, tokens, seg.from, seg.to);
    if (r) return r;
  }
  // 2. The clause's subject: the leftmost segment that can be one ("the defense secretary, speaking in Brussels, said").
  // An age ("52") or a place of origin ("of Tromsø") in apposition is never the subject.
  for (let i = segments.length - 1; i >= 0; i--) {
    const seg = segments[i];
    const first = tokens[seg?.from ?? -1];
    if (
      !seg ||
      !first ||
      NOT_SUBJECT_START.has(first.key) ||
      PREPOSITIONS.has(first.key) ||
      PHRASE_PREPOSITIONS.has(first.key) ||
      /ing$/.test(first.key)
    )
      continue;
    const r = speakerEndingAt(ctx, people, orgs, block, tokens, seg.to, seg.from);
    if (r) return r;
  }
  return null;
}

/** Title words and determiners that may precede a name in its own segment: "former Colorado Rep.", "the Vatican’s". */
const isTitleish = (t: Token) => t.upper || t.kind === 'abbr' || t.text === '.' || ['the', 'former', 'then', 'late', 'and'].includes(t.key);

/** A segment that is a person's name, perhaps with a title before it ("the Vatican spokesman, Federico Lombardi,"). */
function nameSegment(people: People, block: number, tokens: Token[], from: number, to: number): Mention | undefined {
  const m = mentionEndingAt(people, block, to);
  if (!m || m.from < from || isPossessive(tokens[m.to - 1])) return undefined;
  for (let i = from; i < m.from; i++) {
    const t = tokens[i];
    if (!t || !(isTitleish(t) || (m.titleStart !== null && t.start >= m.titleStart))) return undefined;
  }
  return m;
}

/** A segment of two to four capitalised words that is not a place, organisation or title: a new person's name. */
function bareNameSegment(
  ctx: Context,
  people: People,
  block: number,
  tokens: Token[],
  from: number,
  to: number,
): Omit<Found, 'cue' | 'distance'> | null {
  const n = to - from + 1;
  if (n < 2 || n > 5) return null;
  let words = 0;
  for (let i = from; i <= to; i++) {
    const x = tokens[i];
    if (!x) return null;
    if (x.text === '.' && tokens[i - 1]?.kind === 'word' && tokens[i - 1]?.text.length === 1) continue;
    if (
      x.kind === 'punct' ||
      !x.upper ||
      NOT_NAME_START.has(x.key) ||
      OFFICE_WORDS.has(x.key) ||
      TITLE_MODIFIERS.has(x.key) ||
      COURTESY_TITLES.has(x.key)
    )
      return null;
    if (/['’]s$/.test(x.text)) return null;
    words++;
  }
  if (words < 2) return null;
  // A Cyrillic word opening the sentence may be any word ("Накануне Макрон …"): only a known first name starts a name there.
  const first = tokens[from];
  if (first && CYRILLIC.test(first.text) && opensSentenceAfterDateline(tokens, from) && !GIVEN_NAMES.has(first.key)) return null;
  if (ctx.data.countryNames.matchAt(tokens, from) || ctx.data.orgNames.matchAt(tokens, from)) return null;
  for (let i = from; i <= to; i++)
    if (ctx.data.countryNames.matchAt(tokens, i)?.to === to + 1 || ctx.data.orgNames.matchAt(tokens, i)?.to === to + 1) return null;
  const intro = introduce(people, block, from, to + 1);
  return intro ? { speaker: personSpeaker(intro.entity), method: 'cue', source: null } : null;
}

const isPossessive = (t: Token | undefined) => t !== undefined && /['’]s$|s['’]$/.test(t.text);

/** Words after which a name is an object, not a subject: "an adviser to Mr. Obama". */
const PREPOSITIONS = new Set(
  'to of for with by at from under like about against toward towards than between among behind before after alongside beside into onto over via per'.split(
    ' ',
  ),
);

/** Prepositions that open an adverbial phrase, never a subject: "In an interview with X, the minister said". */
const PHRASE_PREPOSITIONS = new Set('in on during amid despite within upon through throughout following'.split(' '));

/** Prepositions that also open a clause: "three days after Jan Example told reporters" — the name is the verb's subject. */
const CLAUSE_OPENERS = new Set(['after', 'before', 'since', 'until']);
/** A word that makes the name after it an object, not the subject of the verb that follows the name. */
const governsName = (t: Token | undefined, name?: Token) =>
  t !== undefined &&
  (PREPOSITIONS.has(t.key) || ((t.key === 'in' || t.key === 'near') && name?.upper === true)) &&
  !CLAUSE_OPENERS.has(t.key);

/**
 * A person mention that heads the phrase [from, to]: it ends the phrase, is
 * not a possessive ("Merkel’s spokesman") and is not the object of a
 * preposition ("an adviser to Mr. Obama").
 */
function headMention(people: People, block: number, tokens: Token[], from: number, to: number): Mention | undefined {
  const m = mentionEndingAt(people, block, to);
  if (!m || m.from < from || isPossessive(tokens[m.to - 1])) return undefined;
  const headStart = m.titleStart !== null ? Math.max(from, tokenAt(tokens, m.titleStart)) : m.from;
  const before = tokens[headStart - 1];
  if (headStart > from && governsName(before, tokens[headStart])) return undefined;
  return m;
}

/** A speaker phrase whose last token is j: a name, pronoun, role noun, organisation or a new name. */
function speakerEndingAt(
  ctx: Context,
  people: People,
  orgs: OrgMentionAt[][],
  block: number,
  tokens: Token[],
  j: number,
  limit: number,
  depth = 0,
): Omit<Found, 'cue' | 'distance'> | null {
  const t = tokens[j];
  if (!t || t.kind === 'punct') return null;
  const m = mentionEndingAt(people, block, j);
  const o = m ? undefined : lookupOf(people).orgByEnd[block]?.get(j);
  // "Holger Example of Berenberg", "an adviser to Pete Hegseth": the name is a complement; the head comes before it.
  const start = m
    ? m.titleStart !== null
      ? Math.max(limit, tokenAt(tokens, m.titleStart))
      : m.from
    : o
      ? o.from
      : phraseStart(tokens, j, limit);
  const lead = tokens[start - 1]?.key === 'the' ? start - 1 : start;
  if (lead - 1 > limit && governsName(tokens[lead - 1], tokens[lead]) && depth < 2) {
    return speakerEndingAt(ctx, people, orgs, block, tokens, lead - 2, limit, depth + 1);
  }
  if (m && !isPossessive(tokens[m.to - 1])) return { speaker: personSpeaker(m.entity), method: 'cue', source: null };
  const referent = orgReference(ctx, orgs, block, tokens, j);
  if (referent) return referent;
  const g = pronounGender(t.key);
  if (g !== undefined) {
    if (g === 'plural') return { speaker: null, method: 'pronoun', source: t.text };
    return { speaker: resolvePronoun(ctx, people, block, t.start, g), method: 'pronoun', source: null };
  }
  if (o) return byOrganisation(o);
  // Role noun phrase: "the defense secretary", "Russia’s foreign minister".
  const role = roleEndingAt(ctx, people, block, tokens, j, limit);
  if (role) return role;
  // A capitalised name the article did not introduce: "…,” said Pat Caddell.
  const intro = introduceName(ctx, people, block, tokens, j, limit);
  if (intro) return intro;
  if (UNNAMED_SOURCES.has(t.key.replace(/'s$/, ''))) return { speaker: null, method: 'cue', source: t.text };
  return null;
}

/** Start of the capitalised or title phrase ending at j ("Democratic pollster Stan Example", "the defense secretary"). */
function phraseStart(tokens: Token[], j: number, limit: number): number {
  let a = j;
  while (a - 1 >= limit && j - a < 6) {
    const x = tokens[a - 1];
    if (!x) break;
    const titleWord =
      OFFICE_WORDS.has(x.key) || (TITLE_MODIFIERS.has(x.key) && !PREPOSITIONS.has(x.key) && x.key !== 'the' && x.key !== 'and');
    if ((x.kind === 'word' && (x.upper || titleWord)) || x.kind === 'abbr' || (x.text === '.' && tokens[a - 2]?.kind === 'word')) a--;
    else break;
  }
  return a;
}

/**
 * A person the article has not introduced, named by the capitalised run that
 * ends at j ("said Democratic pollster Stan Example" → Stan Example): title
 * words are dropped, and places and organisations are not people.
 */
function introduceName(
  ctx: Context,
  people: People,
  block: number,
  tokens: Token[],
  j: number,
  limit: number,
): Omit<Found, 'cue' | 'distance'> | null {
  const t = tokens[j];
  if (t?.kind !== 'word' || !t.upper || NOT_NAME_START.has(t.key) || OFFICE_WORDS.has(t.key) || TITLE_MODIFIERS.has(t.key)) return null;
  // A word in capitals opening the paragraph before punctuation is a dateline's place ("LONDON, Dec 9 (Reuters) -").
  if (j === 0 && t.text.length > 2 && t.text === t.text.toUpperCase() && tokens[1]?.kind === 'punct') return null;
  // "The Washington Post reported", "the Democratic Congressional Campaign Committee said": an institution speaks.
  if (INSTITUTION_WORDS.has(t.key)) return institutionEndingAt(ctx, tokens, j, limit);
  // "Officials said", "Critics have described": a group opening the sentence, not someone's name.
  if (UNNAMED_SOURCES.has(t.key) || (t.key.endsWith('s') && PERSON_DESCRIPTORS.has(t.key.slice(0, -1)))) return null;
  let a = j;
  while (a - 1 >= limit && j - a < 3) {
    const x = tokens[a - 1];
    if (!x?.upper || (x.kind !== 'word' && x.kind !== 'abbr')) break;
    if (OFFICE_WORDS.has(x.key) || TITLE_MODIFIERS.has(x.key) || COURTESY_TITLES.has(x.key) || NOT_NAME_START.has(x.key)) break;
    if (ctx.data.countryAt(tokens, a - 1, ctx.latinInflects)?.to === a) break;
    // An organisation in the genitive is not part of the name after it: "пресс-секретаря Кремля Ивана Example".
    if (ctx.data.declinedOrgAt(tokens, a - 1, ctx.latinInflects)?.to === a) break;
    a--;
  }
  // Places and organisations are not people: "Miami", "Log Cabin Republicans".
  const place = ctx.data.countryNames.matchAt(tokens, a) ?? ctx.data.orgNames.matchAt(tokens, a);
  if (place && place.to >= j + 1) return null;
  // One capitalised word after a lower-case noun is its complement, not a name: "министр обороны России".
  const before = tokens[a - 1];
  // So is a run after "de"/"del" that follows a lower-case noun: "presidente del Gobierno", "ministra de Derechos
  // Sociales" (a particle inside a name follows a given name: "Luis de Guindos").
  const particleAfterNoun = tokens[a - 2]?.kind === 'word' && tokens[a - 2]?.upper === false;
  if (a > limit + 1 && before !== undefined && NAME_PARTICLES.has(before.key) && !before.upper && particleAfterNoun) return null;
  if (a === j && a > limit && before?.kind === 'word' && !before.upper && !isLowerDescriptor(before) && !NAME_PARTICLES.has(before.key))
    return null;
  const intro = introduce(people, block, a, j + 1);
  return intro ? { speaker: personSpeaker(intro.entity), method: 'cue', source: null } : null;
}

/** An institution the dataset does not know, named by up to four capitalised words ending at j: "The Washington Post". */
function institutionEndingAt(ctx: Context, tokens: Token[], j: number, limit: number): Omit<Found, 'cue' | 'distance'> | null {
  let a = j;
  while (a - 1 >= limit && j - a < 4 && tokens[a - 1]?.upper && !NOT_NAME_START.has(tokens[a - 1]?.key ?? '')) a--;
  if (a === j) return null;
  return byInstitution(spanText(ctx.text, tokens[a]?.start ?? 0, tokens[j]?.end ?? 0));
}

/** Lower-case particles inside names: "Michery el Example", "Jan van Example". */
const NAME_PARTICLES = new Set('el al de da di du van von der den ter bin ibn dos das del la le'.split(' '));

/** Words that end the speaker phrase after an inverted cue: "said Mark Rutte in Brussels", "said X, who …". */
const PHRASE_END = new Set(
  [
    'who whose which when while after before as in on at during according adding noting referring speaking told to from about of with because and but',
    // Other languages' prepositions and time words after the subject: "a affirmé le Kremlin lundi",
    // "señaló la OTAN en un comunicado", "teilte die NATO in einer Erklärung mit", "przekazało NATO w komunikacie".
    'en dans lors au durante tras im am mit bei w we podczas po в во на у під після',
    'monday tuesday wednesday thursday friday saturday sunday today yesterday',
    'lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd',
    'lunes martes miercoles jueves viernes sabado domingo ayer hoy',
    'montag dienstag mittwoch donnerstag freitag samstag sonntag gestern heute',
    'poniedzialek wtorek sroda czwartek piatek sobota niedziela wczoraj dzis dzisiaj',
    'понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье вчера сегодня',
    'понеділок вівторок середа середу четвер пʼятниця пятниця субота суботу неділя неділю вчора сьогодні',
  ]
    .join(' ')
    .split(' ')
    .map(fold),
);

/** Prepositions of place before an institution that speaks: "заявили в Кремле", "говорится в заявлении МИД". */
const LOCATIVES = new Set(['в', 'во', 'у', 'w', 'we', 'im', 'in', 'en', 'dans', 'bei']);
/** Statement nouns between that preposition and the institution ("в заявлении МИД России", "w komunikacie MSZ"). */
const STATEMENT_WORDS = new Set(
  [
    'statement',
    'заявлении',
    'сообщении',
    'заяві',
    'повідомленні',
    'komunikacie',
    'oswiadczeniu',
    'erklarung',
    'mitteilung',
    'communique',
    'comunicado',
  ].map(fold),
);

/** The speaker phrase starting at token k (after an inverted cue or "according to"). */
function speakerAfter(
  ctx: Context,
  people: People,
  orgs: OrgMentionAt[][],
  block: number,
  tokens: Token[],
  k: number,
  /** Before the quote, the phrase must end at punctuation: "says X, “…”", not "says the minister is “…”". */
  closed = false,
): Omit<Found, 'cue' | 'distance'> | null {
  const t = tokens[k];
  if (!t) return null;
  // "according to a statement from the Interior Ministry": the statement's author.
  if (
    ['a', 'an', 'the'].includes(t.key) &&
    STATEMENT_WORDS.has(tokens[k + 1]?.key ?? '') &&
    ['from', 'by', 'of'].includes(tokens[k + 2]?.key ?? '')
  ) {
    return speakerAfter(ctx, people, orgs, block, tokens, k + 3, closed);
  }
  // "заявили в Кремле", "— говорится в заявлении МИД России": the institution speaks.
  if (LOCATIVES.has(t.key)) {
    const at = STATEMENT_WORDS.has(tokens[k + 1]?.key ?? '') ? k + 2 : k + 1;
    const o = orgStartingWithin(people, block, at, at);
    if (o) return byOrganisation(o);
    // An institution the dataset does not know, by its acronym: "— наголосили в ДСНС".
    const acronym = tokens[at];
    if (acronym?.kind === 'word' && /^\p{Lu}{2,6}$/u.test(acronym.text) && isSentenceEnd(tokens, at + 1))
      return byInstitution(acronym.text);
  }
  // "stated that X’s …", "said in X": a clause or phrase follows the verb, not its subject.
  if (PHRASE_END.has(t.key) || t.key === 'that') return null;
  const g = pronounGender(t.key);
  if (g !== undefined && g !== 'plural')
    return { speaker: resolvePronoun(ctx, people, block, t.start, g), method: 'pronoun', source: null };
  // "confiait un diplomate", "dijo una fuente", "sagte ein Diplomat": someone unnamed.
  if (INDEFINITE.has(t.key) && tokens[k + 1]?.kind === 'word') return { speaker: null, method: 'cue', source: t.text };
  // "hieß es aus dem Umfeld des Ministers": impersonal, no one's name follows.
  if (t.key === 'es' && tokens[k - 1] !== undefined && CUE_VERBS.has(tokens[k - 1]?.key ?? ''))
    return { speaker: null, method: 'cue', source: null };
  const described = germanDescription(ctx, people, block, tokens, k, tokens[k - 1]);
  if (described) return described;
  // The phrase runs to a comma, a parenthesis, a sentence end or a word that starts a new phrase.
  let end = k;
  while (end < tokens.length && end - k < 10) {
    const x = tokens[end];
    if (!x) break;
    if (x.kind === 'punct' && !(x.text === '.' && !isSentenceEnd(tokens, end)) && x.text !== '-' && x.text !== '&') break;
    if (end > k && PHRASE_END.has(x.key) && !(x.key === 'of' && OFFICE_WORDS.has(tokens[end - 1]?.key ?? ''))) break;
    end++;
  }
  if (end === k || (closed && tokens[end]?.kind !== 'punct')) return null;
  // The phrase's head is a name: "said Defense Secretary Jim Mattis", "said Senate Minority Leader Harry Reid".
  const head = lastMentionWithin(people, block, tokens, k, end);
  if (head) return { speaker: personSpeaker(head.entity), method: 'cue', source: null };
  // An organisation heads the phrase ("said the Kremlin"); as a modifier ("the Kremlin spokesman") it does not.
  const o = orgStartingWithin(people, block, k, k + 1);
  if (o && o.to >= end) return byOrganisation(o);
  // "said another user, Jan Example", "a martelé le président du parti, Jordan Example": a name in apposition
  // to a description or a role — the name says who it is better than the role can.
  const apposed = apposedName(ctx, people, block, tokens, end);
  if (apposed) return apposed;
  // Role phrase after the verb: "said the defense secretary".
  for (let j = end - 1; j >= k; j--) {
    const r = roleEndingAt(ctx, people, block, tokens, j, k);
    if (r) return r;
  }
  const intro = introduceName(ctx, people, block, tokens, end - 1, k);
  if (intro) return intro;
  if (UNNAMED_SOURCES.has(t.key) || UNNAMED_SOURCES.has(tokens[k + 1]?.key ?? '')) return { speaker: null, method: 'cue', source: t.text };
  return null;
}

/** ", Jan Example" after the phrase that ends before token `end`: the person named in apposition. */
function apposedName(ctx: Context, people: People, block: number, tokens: Token[], end: number): Omit<Found, 'cue' | 'distance'> | null {
  if (tokens[end]?.text === ',') {
    let e2 = end + 1;
    while (e2 < tokens.length && e2 - end <= 6 && tokens[e2]?.kind !== 'punct') e2++;
    let f = end + 1;
    while (f < e2 - 2 && isLowerDescriptor(tokens[f])) f++;
    const last = mentionEndingAt(people, block, e2 - 1);
    const named = last && last.from === f && !isPossessive(tokens[last.to - 1]) ? last : undefined;
    if (named) return { speaker: personSpeaker(named.entity), method: 'cue', source: null };
    const bare = bareNameSegment(ctx, people, block, tokens, f, e2 - 1);
    if (bare) return bare;
  }
  return null;
}

/**
 * German refers back to a person with the article and a noun: "sagte der SPD-Politiker", "der Norweger fügte
 * hinzu", "die 65-Jährige". Nouns are capitalised, so the noun would pass for a name; the article gives the
 * gender, and the person is the one a pronoun of that gender would be. Plural verbs ("sagten die Experten") and
 * names the dataset knows are left alone. `verb` is the verb of saying beside the phrase.
 */
function germanDescription(
  ctx: Context,
  people: People,
  block: number,
  tokens: Token[],
  k: number,
  verb: Token | undefined,
): Omit<Found, 'cue' | 'distance'> | null {
  const article = tokens[k]?.key;
  if (article !== 'der' && article !== 'die') return null;
  if (verb && /(en|ten)$/.test(verb.key)) return null;
  let h = k + 1;
  while (h < tokens.length && h - k <= 3 && tokens[h]?.kind === 'word' && !tokens[h]?.upper && !/^\d/.test(tokens[h]?.text ?? '')) h++;
  const noun = tokens[h];
  if (noun?.kind !== 'word' || !(noun.upper || /^\d+-\p{Lu}/u.test(noun.text))) return null;
  // One noun, then the phrase ends: "der Norweger am Freitag", not "der Kremlchef Wladimir Putin".
  const next = tokens[h + 1];
  if (next?.upper && next.kind === 'word') return null;
  const m = lookupOf(people).mentionByEnd[block]?.get(h);
  if (m?.entity.id || orgStartingWithin(people, block, h, h)) return null;
  const speaker = resolvePronoun(ctx, people, block, tokens[k]?.start ?? 0, article === 'der' ? 'm' : 'f');
  return speaker ? { speaker, method: 'role', source: null } : null;
}

/** A lower-case title or description before a name: "actress", "deputy", "former". */
const isLowerDescriptor = (t: Token | undefined) =>
  t !== undefined &&
  t.kind === 'word' &&
  !t.upper &&
  (PERSON_DESCRIPTORS.has(t.key) || OFFICE_WORDS.has(t.key) || TITLE_MODIFIERS.has(t.key));

function mentionEndingAt(people: People, block: number, j: number): Mention | undefined {
  return lookupOf(people).mentionByEnd[block]?.get(j);
}

function personSpeaker(e: Entity): Speaker {
  return { key: e.key, id: e.id, name: e.name, type: 'person' };
}

/** Found: an organisation of the dataset speaks. */
function byOrganisation(o: OrgMentionAt): Omit<Found, 'cue' | 'distance'> {
  return { speaker: { key: `org:${o.id}`, id: o.id, name: o.name, type: 'organisation' }, method: 'organisation', source: null };
}

/** Found: an institution only the text names ("The Washington Post", "ДСНС") speaks. */
function byInstitution(name: string): Omit<Found, 'cue' | 'distance'> {
  return { speaker: { key: `text:${name}`, id: null, name, type: 'organisation' }, method: 'organisation', source: null };
}

function pronounGender(key: string): 'm' | 'f' | 'plural' | undefined {
  if (PRONOUNS_MASC.has(key)) return 'm';
  if (PRONOUNS_FEM.has(key)) return 'f';
  if (PRONOUNS_PLURAL.has(key)) return 'plural';
  return undefined;
}

/**
 * The person a pronoun refers to: the nearest earlier mention of a person of
 * fitting gender, looking back over this paragraph and the three before it;
 * sentence subjects win over other mentions at similar distance.
 */
function resolvePronoun(ctx: Context, people: People, block: number, offset: number, gender: 'm' | 'f' | null): Speaker | null {
  for (let b = block; b >= 0 && block - b <= 3; b--) {
    const list = people.byBlock[b] ?? [];
    const tokens = ctx.blocks[b]?.tokens ?? [];
    const speakers = lookupOf(people).speakers[b];
    // Nearest first: a subject, else anyone of the right gender, else anyone whose gender we do not know.
    let fallback: Mention | null = null;
    let unknownFallback: Mention | null = null;
    let seen = 0;
    for (let i = list.length - 1; i >= 0 && seen < MAX_MENTIONS_BACK; i--) {
      const m = list[i];
      if (!m || m.start >= offset) continue;
      seen++;
      if (gender !== null && m.entity.gender !== null && m.entity.gender !== gender) continue;
      // Someone named inside a quotation is what the speaker talked about, not who a later pronoun means.
      if (inQuote(tokens, m.from)) continue;
      const known = gender === null || m.entity.gender !== null;
      // Subject: first mention of its sentence, or the speaker of a quote there ("“…,” X said of the decree
      // Y signed. “…,” he added": X, not Y, who was named last).
      const subject =
        opensSentenceAfterDateline(tokens, m.titleStart !== null ? tokenAt(tokens, m.titleStart) : m.from) ||
        speakers?.has(m.entity.key) === true;
      if (subject) return personSpeaker(m.entity);
      if (known) fallback ??= m;
      else unknownFallback ??= m;
    }
    // Before anyone merely named: the last speaker given a quote in this paragraph, though the paragraph only
    // described them ("Según el periodista, … «…». … Putin … «…», comentó" is the journalist's).
    const lastSpeaker = lastSpeakerOf(people, speakers, gender);
    if (lastSpeaker) return personSpeaker(lastSpeaker);
    const best = fallback ?? unknownFallback;
    if (best) return personSpeaker(best.entity);
    // No one named in the pronoun's paragraph, which introduced someone unnamed ("A drone operator told
    // reporters … “…,” he said"): the pronoun is that person's, not someone's from paragraphs before.
    if (b === block && introducesUnnamed(tokens, offset)) return null;
  }
  return null;
}

/** The latest of a paragraph's speakers whose gender fits. */
function lastSpeakerOf(people: People, speakers: Set<string> | undefined, gender: 'm' | 'f' | null): Entity | null {
  if (!speakers || speakers.size === 0) return null;
  const l = lookupOf(people);
  if (!l.byKey) l.byKey = new Map(people.entities.map((e) => [e.key, e]));
  let last: Entity | null = null;
  for (const key of speakers) {
    const e = l.byKey.get(key);
    if (e && (gender === null || e.gender === null || e.gender === gender)) last = e;
  }
  return last;
}

/**
 * One of the last sentences before `offset` opens with an indefinite description of a person: "A drone operator
 * …", "An official …". Looks back a bounded number of tokens, so the cost per pronoun stays constant.
 */
function introducesUnnamed(tokens: Token[], offset: number): boolean {
  const end = tokenAt(tokens, offset);
  for (let i = end - 1; i >= 0 && end - i <= UNNAMED_LOOKBACK; i--) {
    const t = tokens[i];
    if (!t || !['a', 'an', 'another'].includes(t.key) || !opensSentenceAfterDateline(tokens, i)) continue;
    if (tokens[i + 1]?.kind === 'word' && !tokens[i + 1]?.upper) return true;
  }
  return false;
}
const UNNAMED_LOOKBACK = 80;

/** The gender a past-tense verb shows in Polish, Russian and Ukrainian ("powiedziała", "сказал", "заявили"). */
function verbGender(key: string): 'm' | 'f' | 'plural' | null {
  if (/(ли|li|ło|lo|ло)$/.test(key)) return /(ли|li)$/.test(key) ? 'plural' : null;
  if (/(la|ла)$/.test(key)) return 'f';
  if (/(l|л|в)$/.test(key)) return 'm';
  return null;
}

/**
 * Token i opens its sentence, perhaps after a dateline ("WASHINGTON — Jan Example said …"). (people.ts has
 * its own opensSentence, which looks past opening quote marks instead and is stricter about datelines.)
 */
function opensSentenceAfterDateline(tokens: Token[], i: number): boolean {
  if (i === 0 || isSentenceEnd(tokens, i - 1)) return true;
  const dash = tokens[i - 1]?.text;
  if (dash !== '—' && dash !== '–' && dash !== '-') return false;
  for (let k = i - 2; k >= 0 && !isSentenceEnd(tokens, k); k--) {
    const t = tokens[k];
    if (!t || (t.kind === 'word' && !t.upper) || i - k > 8) return false;
  }
  return true;
}

/** Words inside a role phrase that say when someone holds it: "the new defence minister", "the current chief". */
const ROLE_TIME_WORDS = new Set([
  'new',
  'current',
  'incoming',
  'outgoing',
  'sitting',
  'newly',
  'appointed',
  'neue',
  'neuen',
  'nouveau',
  'nouvelle',
  'nuevo',
  'nueva',
  'nowy',
  'nowa',
  'новый',
  'новая',
  'новий',
  'нова',
]);

/** Nouns that refer back to an organisation named before: "the ministry said", "the company said". */
const ORG_NOUNS = new Set(
  'ministry company firm agency alliance bloc government organisation organization operator department statement communique'.split(' '),
);

/**
 * "it" or "the ministry" at token j as a speaker (“…,” it said in a statement): the organisation that was the
 * subject of a recent sentence ("The Kremlin said …"). Only a subject: an organisation merely named is no referent.
 */
function orgReference(
  ctx: Context,
  orgs: OrgMentionAt[][],
  block: number,
  tokens: Token[],
  j: number,
): Omit<Found, 'cue' | 'distance'> | null {
  const t = tokens[j];
  if (!t || !(t.key === 'it' || (ORG_NOUNS.has(t.key) && tokens[j - 1]?.key === 'the'))) return null;
  // This paragraph, and the one before only when this one opens with the quote (its own first sentence may
  // have named an organisation we do not know: "The presidential press service said …").
  const opensWithQuote = isQuoteMark(tokens[0]?.text);
  for (let b = block; b >= 0 && block - b <= (opensWithQuote ? 1 : 0); b--) {
    const bt = ctx.blocks[b]?.tokens ?? [];
    const list = orgs[b] ?? [];
    // The latest few before j: bounded work per pronoun, however many organisations a long paragraph names.
    let looked = 0;
    for (let i = list.length - 1; i >= 0 && looked++ < MAX_MENTIONS_BACK * 4; i--) {
      const o = list[i];
      if (!o || (b === block && o.from >= j)) continue;
      const at = bt[o.from - 1]?.key === 'the' ? o.from - 1 : o.from;
      if (opensSentenceAfterDateline(bt, at) && !isPossessive(bt[o.to - 1])) {
        return byOrganisation(o);
      }
    }
  }
  return null;
}

/** "the defense secretary", "Russia’s defense minister", "the senator" ending at token j. */
function roleEndingAt(
  ctx: Context,
  people: People,
  block: number,
  tokens: Token[],
  j: number,
  limit: number,
): Omit<Found, 'cue' | 'distance'> | null {
  // "the president’s policy": a possessive modifies the phrase's head, it is not the head.
  if (isPossessive(tokens[j])) return null;
  const from = Math.max(limit, j - 6);
  // Words that say when, not what, are left out: "the alliance’s new chief" is "the alliance’s chief".
  const slice = tokens.slice(from, j + 1).filter((t, n, all) => n === all.length - 1 || !ROLE_TIME_WORDS.has(t.key));
  const matches = ctx.data.roleNouns.findAll(slice);
  const last = matches[matches.length - 1];
  const offset = tokens[j]?.start ?? 0;
  // "the former defense secretary": not whoever holds the office today.
  const former = slice.slice(0, last?.from ?? slice.length).some((t) => FORMER.has(t.key));
  if (last && last.to === slice.length) {
    // Country named in the phrase ("Russia’s defense minister") or, for the present holder, right after it
    // ("министр обороны России").
    let country: string | null = null;
    for (let i = 0; i < last.from; i++) {
      const c = ctx.data.countryAt(slice, i, ctx.latinInflects);
      if (c) country = c.values[0] ?? null;
    }
    if (country === null && !former) country = ctx.data.countryAt(tokens, j + 1, ctx.latinInflects)?.values[0] ?? null;
    const offices = last.values.filter((id) => country === null || ctx.data.offices.get(id)?.country === country);
    const seen = recentEntities(people, block, offset);
    if (former) {
      // …but someone in the article who held it before: "the former Norwegian prime minister said".
      for (const e of seen) {
        if (e.id && ctx.data.allRoles(e.id).some((r) => offices.includes(r.officeId) && r.end !== null && r.end <= ctx.date))
          return { speaker: personSpeaker(e), method: 'role', source: null };
      }
    } else {
      // Someone already in the article who holds one of these offices.
      for (const e of seen) {
        if (e.id && ctx.data.rolesAt(e.id, ctx.date).some((r) => offices.includes(r.officeId))) {
          return { speaker: personSpeaker(e), method: 'role', source: null };
        }
      }
      if (country !== null || offices.length === 1) {
        const holders = offices.flatMap((o) => ctx.data.holdersAt(o, ctx.date));
        const unique = [...new Set(holders)];
        if (unique.length === 1 && unique[0]) {
          const p = ctx.data.people.get(unique[0]);
          if (p) return { speaker: { key: p.id, id: p.id, name: p.name, type: 'person' }, method: 'role', source: null };
        }
      }
    }
  }
  // A bare title noun ("the senator", "the minister", "the general"), perhaps with modifiers ("the
  // Wisconsin Republican", "the Democratic presidential candidate"): the latest person with that title.
  const head = tokens[j];
  let d = j - 1;
  while (d > limit && j - d <= 4 && tokens[d]?.kind === 'word' && !DEFINITE.has(tokens[d]?.key ?? '')) d--;
  const det = tokens[d];
  // The head noun as the dictionary has it: "по словам министра" is "министр" in the genitive.
  const headKey =
    head === undefined
      ? ''
      : ((dictionaryForms(head.key, ctx.latinInflects) ?? []).find((f) => ARTICLELESS_TITLES.has(f) || DESCRIPTION_NOUNS.has(f)) ??
        head.key);
  const described = head !== undefined && head.kind === 'word' && DESCRIPTION_NOUNS.has(headKey);
  // Polish, Russian and Ukrainian have no articles: "— добавил министр", "— dodał analityk".
  const bareTitle = head !== undefined && !head.upper && (ARTICLELESS_TITLES.has(headKey) || described) && j === limit;
  // (Not after a role of several words that named other offices: "the defence secretary" is not NATO's
  // Secretary General.)
  const specific = last !== undefined && last.to === slice.length && last.to - last.from >= 2;
  if (head && !specific && ((det && DEFINITE.has(det.key)) || bareTitle) && head.kind === 'word' && (!head.upper || described)) {
    const noun = TITLE_EQUIVALENTS.get(headKey) ?? headKey;
    for (const e of recentEntities(people, block, offset)) {
      // This very phrase read as the entity's apposition ("with Jan Example, the minister said") is no evidence.
      if (e.appositive && e.appositive.end >= (head.end ?? 0) && e.appositive.start <= head.start) continue;
      const title = fold(
        `${e.title ?? ''} ${e.appositive?.text ?? ''} ${
          e.id
            ? ctx.data
                .rolesAt(e.id, ctx.date)
                .map((r) => r.title)
                .join(' ')
            : ''
        }`,
      );
      // (At a word's start: "spokes" fits "spokeswoman", but "the person" is no "spokesperson".)
      if (
        ` ${title.replace(/[^\p{L}\p{N}]+/gu, ' ')}`.includes(` ${noun}`) ||
        (noun === 'general' && /\bgen\b/.test(title)) ||
        (noun === 'senator' && /\bsen\b/.test(title))
      ) {
        return { speaker: personSpeaker(e), method: 'role', source: null };
      }
    }
    // A description no title confirms refers back, like a pronoun, to the person the text is about,
    // named before this sentence ("with hosts A and B, the candidate said" is about neither).
    if (described && !former) {
      const s = resolvePronoun(ctx, people, block, tokens[sentenceStart(tokens, j, 0)]?.start ?? offset, null);
      if (s) return { speaker: s, method: 'role', source: null };
    }
  }
  return null;
}

const DEFINITE = new Set(['the', 'der', 'die', 'le', 'la', 'el']);

/** Words that make a role noun refer to a past holder: "the former secretary of state". */
const FORMER = new Set(
  [
    'former',
    'ex',
    'then',
    'onetime',
    'late',
    'ehemalige',
    'ehemaliger',
    'ancien',
    'ancienne',
    'exministro',
    'były',
    'była',
    'бывший',
    'бывшая',
    'колишній',
    'колишня',
  ].map(fold),
);

/** Entities mentioned before `offset`, most recent first, from this block and the ones before it. */
function recentEntities(people: People, block: number, offset: number): Entity[] {
  const out: Entity[] = [];
  const seen = new Set<Entity>();
  let scanned = 0;
  for (let b = block; b >= 0 && scanned < MAX_MENTIONS_BACK * 4; b--) {
    const list = people.byBlock[b] ?? [];
    for (let i = list.length - 1; i >= 0 && scanned < MAX_MENTIONS_BACK * 4; i--) {
      const m = list[i];
      if (!m || m.start >= offset) continue;
      scanned++;
      if (!seen.has(m.entity)) {
        seen.add(m.entity);
        out.push(m.entity);
      }
    }
  }
  return out;
}

/** How far back (in mentions) pronouns and role nouns look for their person: bounded work per quote. */
const MAX_MENTIONS_BACK = 60;

/**
 * Someone other than `except` is named between two quotes of a paragraph, in
 * a sentence after the one that closes the first quote (the first quote's own
 * attribution clause, "…,” said X, an adviser to Y., does not count).
 */
function subjectBetween(ctx: Context, people: People, block: number, from: number, to: number, except?: string): boolean {
  const tokens = ctx.blocks[block]?.tokens ?? [];
  let k = tokenAt(tokens, from);
  while (k < tokens.length && (tokens[k]?.end ?? 0) <= to && !isSentenceEnd(tokens, k)) k++;
  const after = tokens[k]?.end ?? to;
  const byEnd = lookupOf(people).mentionByEnd[block];
  for (let j = k + 1; j < tokens.length && (tokens[j]?.end ?? 0) <= to; j++) {
    const m = byEnd?.get(j);
    if (m && m.start >= after && m.entity.key !== except) return true;
  }
  return false;
}

function sameSentence(ctx: Context, block: number, from: number, to: number): boolean {
  const tokens = ctx.blocks[block]?.tokens ?? [];
  for (let k = tokenAt(tokens, from); k < tokens.length && (tokens[k]?.end ?? 0) <= to; k++) if (isSentenceEnd(tokens, k)) return false;
  return true;
}

function opensBlock(ctx: Context, r: RawQuote): boolean {
  const tokens = ctx.blocks[r.block]?.tokens;
  return tokens !== undefined && tokenAt(tokens, r.open) === 0;
}

function previousProseBlock(ctx: Context, block: number): number {
  for (let b = block - 1; b >= 0; b--) {
    const kind = ctx.blocks[b]?.block.kind;
    if (kind === 'paragraph' || kind === 'blockquote' || kind === 'list-item') return b;
  }
  return -1;
}

/** The previous paragraph ends "X said:" / "X continued:" — it introduces this quote. */
function colonIntro(ctx: Context, people: People, orgs: OrgMentionAt[][], block: number): Found | null {
  const prev = previousProseBlock(ctx, block);
  const tokens = ctx.blocks[prev]?.tokens;
  if (tokens?.[tokens.length - 1]?.text !== ':') return null;
  let s = tokens.length - 1;
  while (s > 0 && !isSentenceEnd(tokens, s - 1)) s--;
  for (let k = tokens.length - 2; k >= s; k--) {
    if (!cueAt(tokens, k)) continue;
    const subj = subjectBefore(ctx, people, orgs, prev, tokens, k, s);
    if (subj?.speaker) return { ...subj, cue: tokens[k]?.text ?? ':', distance: 0 };
    const sp = speakerAfter(ctx, people, orgs, prev, tokens, k + 1);
    if (sp?.speaker) return { ...sp, cue: tokens[k]?.text ?? ':', distance: 0 };
  }
  const m = mentionEndingAt(people, prev, tokens.length - 2);
  return m ? { speaker: personSpeaker(m.entity), method: 'colon', cue: ':', distance: 0, source: null } : null;
}

/**
 * Headlines: "Mattis: Russia must “prove itself”" — the name before the colon
 * speaks. A headline often names by surname someone the body names in full
 * ("Example: …" over "Jan Example said …"), so a surname of anyone in the
 * article counts too.
 */
function headlineSpeaker(ctx: Context, people: People, q: RawQuote, tokens: Token[], quoteFrom: number): Found | null {
  void ctx;
  const colon = tokens.findIndex((t, i) => i < quoteFrom && t.text === ':');
  // "Erdogan ‘not convinced’ as …": a headline puts the speaker's name right before the words (after a
  // colon, the name before the colon speaks: "Carson: Clinton ‘not fit to serve’").
  const byName = colon < 0 ? mentionEndingAt(people, q.block, quoteFrom - 1) : undefined;
  if (byName && !isPossessive(tokens[byName.to - 1]))
    return { speaker: personSpeaker(byName.entity), method: 'headline', cue: '', distance: 0, source: null };
  if (colon < 1) return null;
  const m = mentionEndingAt(people, q.block, colon - 1);
  if (m) return { speaker: personSpeaker(m.entity), method: 'colon', cue: ':', distance: 0, source: null };
  const before = tokens[colon - 1];
  if (before?.kind !== 'word' || !before.upper) return null;
  const l = lookupOf(people);
  if (!l.surnames) {
    l.surnames = new Map();
    for (const e of people.entities) {
      if (!e.name.includes(' ')) continue;
      const key = fold(e.name.split(/\s+/).pop() ?? '');
      l.surnames.set(key, [...(l.surnames.get(key) ?? []), e]);
    }
  }
  const named = l.surnames.get(before.key) ?? [];
  const only = named.length === 1 ? named[0] : undefined;
  return only ? { speaker: personSpeaker(only), method: 'colon', cue: ':', distance: 0, source: null } : null;
}
