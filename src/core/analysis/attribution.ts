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
import { CUE_VERBS, SOURCE_PREPOSITIONS } from '../lexicon/cues.ts';
import { ADVERBIALS, NOT_NAME_START, PRONOUNS_FEM, PRONOUNS_MASC, PRONOUNS_PLURAL } from '../lexicon/words.ts';
import { fold } from '../text/fold.ts';
import { PhraseIndex } from '../text/phrases.ts';
import { type Token, tokenAt } from '../text/tokens.ts';
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
const SCARE_LEADS = new Set([
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
]);

interface Found {
  speaker: Speaker | null;
  method: AttributionMethod;
  cue: string;
  /** Distance in tokens between the cue and the quote: smaller wins. */
  distance: number;
  source: string | null;
}

export function attributeQuotes(ctx: Context, people: People, orgs: OrgMentionAt[], raw: RawQuote[]): Quote[] {
  const quotes: Quote[] = [];
  const orgsByBlock = groupOrgs(orgs, ctx.blocks.length);
  /** Token ranges of every quote per block, to stop windows at quotes. */
  const quoteTokens = raw.map((q) => {
    const tokens = ctx.blocks[q.block]?.tokens ?? [];
    return { from: tokenAt(tokens, q.open), to: tokenAt(tokens, q.close) };
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
      found = pick(after, before);
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
  });

  // Continuations: pieces of one quotation, later sentences of the same
  // paragraph, and a paragraph that opens with a quote after a quoted paragraph.
  for (let pass = 0; pass < 2; pass++) {
    for (const [qi, q] of quotes.entries()) {
      if (q.speaker || q.cue) continue;
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
      if (r.continues !== null && inherit(quotes[r.continues])) continue;
      // The next piece of the same quotation names the speaker.
      const nextPiece = quotes.find((_x, xi) => raw[xi]?.continues === qi);
      if (nextPiece && inherit(nextPiece)) continue;
      const prev = quotes[qi - 1];
      const prevRaw = raw[qi - 1];
      if (prev && prevRaw && prevRaw.block === r.block && !personBetween(people, r.block, prevRaw.close, r.open, prev.speaker?.key)) {
        if (inherit(prev)) continue;
      }
      // Same sentence as the next quote, which has a speaker: “A” and “B,” X said.
      const next = quotes[qi + 1];
      const nextRaw = raw[qi + 1];
      if (next && nextRaw && nextRaw.block === r.block && sameSentence(ctx, r.block, r.close, nextRaw.open) && inherit(next)) continue;
      // A paragraph that opens with a quote continues the previous paragraph's speaker.
      if (
        (prev && prevRaw && prevRaw.block === r.block - 1) ||
        (prevRaw && opensBlock(ctx, r) && prevRaw.block < r.block && previousProseBlock(ctx, r.block) === prevRaw.block)
      ) {
        if (opensBlock(ctx, r) && inherit(prev)) continue;
      }
      // "X said:" closing the previous paragraph introduces this one.
      if (opensBlock(ctx, r)) {
        const intro = colonIntro(ctx, people, orgsByBlock, r.block);
        if (intro) {
          q.speaker = intro.speaker;
          q.method = 'colon';
          q.cue = intro.cue;
        }
      }
    }
  }

  for (const [qi, q] of quotes.entries()) {
    const r = raw[qi];
    q.kind = r ? classify(ctx, r, q) : 'speech';
    delete (q as Quote & { _source?: string | null })._source;
  }
  return quotes;
}

function pick(after: Found | null, before: Found | null): Found | null {
  if (!after) return before;
  if (!before) return after;
  if (after.distance <= 3) return after;
  if (before.distance <= 3) return before;
  return after.distance <= before.distance ? after : before;
}

/** Speech or scare quote. */
function classify(ctx: Context, r: RawQuote, q: Quote): QuoteKind {
  if (r.fromBlockquote || q.cue || q.method === 'continuation' || q.method === 'colon') return 'speech';
  const words = q.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const tokens = ctx.blocks[r.block]?.tokens ?? [];
  const k = tokenAt(tokens, r.open) - 1;
  const lead = tokens[k];
  if (lead && SCARE_LEADS.has(lead.key) && words.length <= 8) return 'scare';
  if (words.length <= 3 && !/[.!?…]$/.test(q.text)) return 'scare';
  // A title-cased name of a work or slogan with no cue: "Operation “Eastern Sentry”".
  if (words.length <= 6 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w)) && !/[.!?,]$/.test(q.text)) return 'scare';
  return q.speaker ? 'speech' : words.length >= 6 ? 'speech' : 'scare';
}

function groupOrgs(orgs: OrgMentionAt[], n: number): OrgMentionAt[][] {
  const by: OrgMentionAt[][] = Array.from({ length: n }, () => []);
  for (const o of orgs) by[o.block]?.push(o);
  return by;
}

/** Speech verbs are written in lower case; "the United States" has no verb in it. */
const cueAt = (t: Token | undefined) => t !== undefined && t.kind === 'word' && !t.upper && CUE_VERBS.has(t.key);

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
  const maxSpan = endsSentence ? 5 : 28;
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
      if (s) return { ...s, cue: src.values[0] ?? 'according to', distance: k - from };
      continue;
    }
    if (!cueAt(t)) {
      const inv = INVERTED_PRONOUN.exec(t.key);
      if (inv && k === start) {
        const s = resolvePronoun(ctx, people, q.block, t.start, inv[1] === 'elle' || inv[1] === 'elles' ? 'f' : 'm');
        return { speaker: s, method: 'pronoun', cue: t.text, distance: 0, source: null };
      }
      continue;
    }
    const info = CUE_VERBS.get(t.key);
    // Subject before the cue.
    const subj = subjectBefore(ctx, people, orgs, q.block, tokens, k, start);
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
    }
    // A cue with no readable subject still marks the quote as attributed speech.
    return { speaker: null, method: 'cue', cue: t.text, distance: k - from, source: null };
  }
  return null;
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
  for (let k = quoteFrom - 1; k >= s; k--) {
    const t = tokens[k];
    if (!t) break;
    const src = SOURCES.matchAt(tokens, k);
    if (src && src.to <= quoteFrom) {
      const sp = speakerAfter(ctx, people, orgs, q.block, tokens, src.to);
      if (sp) return { ...sp, cue: src.values[0] ?? 'according to', distance: quoteFrom - k };
    }
    if (!cueAt(t)) continue;
    const subj = subjectBefore(ctx, people, orgs, q.block, tokens, k, s);
    if (subj) return { ...subj, cue: t.text, distance: quoteFrom - k - 1 };
    const info = CUE_VERBS.get(t.key);
    if (info?.inverts) {
      const sp = speakerAfter(ctx, people, orgs, q.block, tokens, k + 1);
      if (sp?.speaker) return { ...sp, cue: t.text, distance: quoteFrom - k - 1 };
    }
  }
  // "Name: “…”" at the start of a sentence (interview transcripts, headlines).
  if (tokens[quoteFrom - 1]?.text === ':') {
    const m = mentionEndingAt(people, q.block, quoteFrom - 2);
    if (m && m.from <= s + 3) return { speaker: personSpeaker(m.entity), method: 'colon', cue: ':', distance: 1, source: null };
  }
  return null;
}

/** The speaker named right before a cue at token k (skipping adverbials and a parenthetical). */
function subjectBefore(
  ctx: Context,
  people: People,
  orgs: OrgMentionAt[][],
  block: number,
  tokens: Token[],
  k: number,
  limit: number,
): Omit<Found, 'cue' | 'distance'> | null {
  let j = k - 1;
  // "on Thursday", "in a statement" before the verb are rare; skip simple adverbials.
  while (j >= limit && tokens[j] && (ADVERBIALS.has(tokens[j]?.key ?? '') || tokens[j]?.text === '—')) j--;
  // "X, who …, said": jump over the parenthetical to the name before it.
  if (tokens[j]?.text === ',') {
    let c = j - 1;
    while (c >= limit && tokens[c]?.text !== ',' && !isSentenceEnd(tokens, c)) c--;
    if (c >= limit && tokens[c]?.text === ',') {
      const r = speakerEndingAt(ctx, people, orgs, block, tokens, c - 1, limit);
      if (r) return r;
    }
    return null;
  }
  if (j < limit) return null;
  return speakerEndingAt(ctx, people, orgs, block, tokens, j, limit);
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
): Omit<Found, 'cue' | 'distance'> | null {
  const t = tokens[j];
  if (!t || t.kind === 'punct') return null;
  const m = mentionEndingAt(people, block, j);
  if (m) return { speaker: personSpeaker(m.entity), method: 'cue', source: null };
  const g = pronounGender(t.key);
  if (g !== undefined) {
    if (g === 'plural') return { speaker: null, method: 'pronoun', source: t.text };
    return { speaker: resolvePronoun(ctx, people, block, t.start, g), method: 'pronoun', source: null };
  }
  const o = orgs[block]?.find((x) => x.to - 1 === j);
  if (o) return { speaker: { key: `org:${o.id}`, id: o.id, name: o.name, type: 'organisation' }, method: 'organisation', source: null };
  // Role noun phrase: "the defense secretary", "Russia’s foreign minister".
  const role = roleEndingAt(ctx, people, block, tokens, j, limit);
  if (role) return role;
  // A capitalised name the article did not introduce: "…,” said Pat Caddell.
  if (t.upper && t.kind === 'word') {
    let a = j;
    while (a - 1 >= limit && tokens[a - 1]?.upper && tokens[a - 1]?.kind === 'word' && j - a < 3) a--;
    while (a < j && NOT_NAME_START.has(tokens[a]?.key ?? '')) a++;
    if (!NOT_NAME_START.has(t.key)) {
      const intro = people.introduce(block, a, j + 1);
      if (intro) return { speaker: personSpeaker(intro.entity), method: 'cue', source: null };
    }
  }
  if (UNNAMED_SOURCES.has(t.key.replace(/'s$/, ''))) return { speaker: null, method: 'cue', source: t.text };
  return null;
}

/** The speaker phrase starting at token k (after an inverted cue or "according to"). */
function speakerAfter(
  ctx: Context,
  people: People,
  orgs: OrgMentionAt[][],
  block: number,
  tokens: Token[],
  k: number,
): Omit<Found, 'cue' | 'distance'> | null {
  const t = tokens[k];
  if (!t) return null;
  const g = pronounGender(t.key);
  if (g !== undefined && g !== 'plural')
    return { speaker: resolvePronoun(ctx, people, block, t.start, g), method: 'pronoun', source: null };
  // A mention within the next few tokens (after a title: "said Defense Secretary Jim Mattis").
  const m = (people.byBlock[block] ?? []).find(
    (x) => x.from >= k && x.from <= k + 6 && (x.titleStart === null || x.titleStart <= (tokens[k + 1]?.start ?? 0) || x.from === k),
  );
  if (m && (m.from === k || (m.titleStart !== null && m.titleStart <= (tokens[k]?.start ?? 0) + 1) || onlyTitleWords(tokens, k, m.from))) {
    return { speaker: personSpeaker(m.entity), method: 'cue', source: null };
  }
  const o = orgs[block]?.find((x) => x.from >= k && x.from <= k + 1);
  if (o) return { speaker: { key: `org:${o.id}`, id: o.id, name: o.name, type: 'organisation' }, method: 'organisation', source: null };
  // Role phrase after the verb: "said the defense secretary".
  let end = k;
  while (end < tokens.length && end - k < 8 && tokens[end]?.kind !== 'punct') end++;
  for (let j = end - 1; j >= k; j--) {
    const r = roleEndingAt(ctx, people, block, tokens, j, k);
    if (r) return r;
  }
  if (t.upper && t.kind === 'word' && !NOT_NAME_START.has(t.key)) {
    let b = k + 1;
    while (b < tokens.length && b - k < 3 && tokens[b]?.upper && tokens[b]?.kind === 'word') b++;
    const intro = people.introduce(block, k, b);
    if (intro) return { speaker: personSpeaker(intro.entity), method: 'cue', source: null };
  }
  if (UNNAMED_SOURCES.has(t.key) || UNNAMED_SOURCES.has(tokens[k + 1]?.key ?? '')) return { speaker: null, method: 'cue', source: t.text };
  return null;
}

function onlyTitleWords(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t || t.kind === 'punct' ? t?.text !== '.' : !t.upper && !['the', 'of', 'for'].includes(t.key)) return false;
  }
  return true;
}

function mentionEndingAt(people: People, block: number, j: number): Mention | undefined {
  return (people.byBlock[block] ?? []).find((m) => m.to - 1 === j);
}

function personSpeaker(e: Entity): Speaker {
  return { key: e.key, id: e.id, name: e.name, type: 'person' };
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
function resolvePronoun(ctx: Context, people: People, block: number, offset: number, gender: 'm' | 'f'): Speaker | null {
  for (let b = block; b >= 0 && block - b <= 3; b--) {
    const list = people.byBlock[b] ?? [];
    const tokens = ctx.blocks[b]?.tokens ?? [];
    let fallback: Mention | null = null;
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i];
      if (!m || m.start >= offset) continue;
      if (m.entity.gender !== null && m.entity.gender !== gender) continue;
      // Subject: first mention of its sentence.
      const subject = m.from === 0 || isSentenceEnd(tokens, (m.titleStart !== null ? tokenAt(tokens, m.titleStart) : m.from) - 1);
      if (subject) return personSpeaker(m.entity);
      fallback ??= m;
    }
    if (fallback) return personSpeaker(fallback.entity);
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
  const from = Math.max(limit, j - 6);
  const slice = tokens.slice(from, j + 1);
  const matches = ctx.data.roleNouns.findAll(slice);
  const last = matches[matches.length - 1];
  const offset = tokens[j]?.start ?? 0;
  if (last && last.to === slice.length) {
    // Country named in the phrase ("Russia’s defense minister").
    let country: string | null = null;
    for (let i = 0; i < last.from; i++) {
      const c = ctx.data.countryNames.matchAt(slice, i);
      if (c) country = c.values[0] ?? null;
    }
    const offices = last.values.filter((id) => country === null || ctx.data.offices.get(id)?.country === country);
    // Someone already in the article who holds one of these offices.
    const seen = recentEntities(people, block, offset);
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
  // A bare title noun ("the senator", "the minister", "the general"): the latest person with that title.
  const head = tokens[j];
  const det = tokens[j - 1];
  if (
    head &&
    det &&
    (det.key === 'the' || det.key === 'der' || det.key === 'le' || det.key === 'el') &&
    head.kind === 'word' &&
    !head.upper
  ) {
    const noun = head.key;
    for (const e of recentEntities(people, block, offset)) {
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
      if (title.includes(noun) || (noun === 'general' && /\bgen\b/.test(title)) || (noun === 'senator' && /\bsen\b/.test(title))) {
        return { speaker: personSpeaker(e), method: 'role', source: null };
      }
    }
  }
  return null;
}

/** Entities mentioned before `offset`, most recent first, from this block and the ones before it. */
function recentEntities(people: People, block: number, offset: number): Entity[] {
  const out: Entity[] = [];
  for (let b = block; b >= 0; b--) {
    const list = people.byBlock[b] ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i];
      if (m && m.start < offset && !out.includes(m.entity)) out.push(m.entity);
    }
  }
  return out;
}

/** Someone other than `except` is named between two offsets of a block. */
function personBetween(people: People, block: number, from: number, to: number, except?: string): boolean {
  return (people.byBlock[block] ?? []).some((m) => m.start >= from && m.end <= to && m.entity.key !== except);
}

function sameSentence(ctx: Context, block: number, from: number, to: number): boolean {
  const tokens = ctx.blocks[block]?.tokens ?? [];
  for (let k = tokenAt(tokens, from); k < tokens.length && (tokens[k]?.end ?? 0) <= to; k++) if (isSentenceEnd(tokens, k)) return false;
  return true;
}

function opensBlock(ctx: Context, r: RawQuote): boolean {
  const b = ctx.blocks[r.block]?.block;
  if (!b) return false;
  return ctx.text.slice(b.start, r.open).trim() === '';
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
    if (!cueAt(tokens[k])) continue;
    const subj = subjectBefore(ctx, people, orgs, prev, tokens, k, s);
    if (subj?.speaker) return { ...subj, cue: tokens[k]?.text ?? ':', distance: 0 };
    const sp = speakerAfter(ctx, people, orgs, prev, tokens, k + 1);
    if (sp?.speaker) return { ...sp, cue: tokens[k]?.text ?? ':', distance: 0 };
  }
  const m = mentionEndingAt(people, prev, tokens.length - 2);
  return m ? { speaker: personSpeaker(m.entity), method: 'colon', cue: ':', distance: 0, source: null } : null;
}

/** Headlines: "Mattis: Russia must “prove itself”" — the name before the colon speaks. */
function headlineSpeaker(ctx: Context, people: People, q: RawQuote, tokens: Token[], quoteFrom: number): Found | null {
  void ctx;
  const colon = tokens.findIndex((t, i) => i < quoteFrom && t.text === ':');
  if (colon < 1) return null;
  const m = mentionEndingAt(people, q.block, colon - 1);
  return m ? { speaker: personSpeaker(m.entity), method: 'colon', cue: ':', distance: 0, source: null } : null;
}
