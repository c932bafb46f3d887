/**
 * Finds direct quotations: “…”, "…", ‘…’ (never apostrophes), «…», »…«, „…“,
 * „…”, ‚…‘, ''…'' and whole `<blockquote>` blocks. One left-to-right pass per
 * block with a stack of open marks; quotes nested in a quote stay inside the
 * outer one. A quotation that runs over paragraphs (a paragraph opens a quote,
 * never closes it, and the next one opens again) is linked piece to piece.
 */
import { CUE_VERBS } from '../lexicon/cues.ts';
import { fold } from '../text/fold.ts';
import type { Block } from './types.ts';

export interface RawQuote {
  /** Offsets exclude the marks. */
  start: number;
  end: number;
  /** Offset of the opening mark (or the block start for blockquotes). */
  open: number;
  /** Offset just after the closing mark, or the block end when unclosed. */
  close: number;
  block: number;
  closed: boolean;
  /** Index (in the returned list) of the piece this one continues, or null. */
  continues: number | null;
  fromBlockquote: boolean;
}

interface Open {
  pos: number;
  /** Characters that may close it. */
  closers: string;
  /** Length of the opening mark (2 for ''). */
  len: number;
  /** A straight ' at the top level may be an apostrophe: it is a quote only once it closes. */
  tentative?: boolean;
}

const MAX_DEPTH = 8;

/**
 * ’ after an "s" and before a word ("the allies’ position") with another ’ later in the sentence that
 * can close the quote: the first one is a possessive. Looks a bounded distance ahead.
 */
function pluralPossessive(text: string, i: number, end: number): boolean {
  if (text[i - 1] !== 's' || !isSpace(text[i + 1]) || !isLetterOrDigit(text[i + 2])) return false;
  for (let j = i + 2; j < end && j - i < 300; j++) {
    const c = text[j];
    if (c === '‘' || c === '\n') return false;
    if (c === '’' && !isSpace(text[j - 1]) && !isLetterOrDigit(text[j + 1])) return true;
  }
  return false;
}

/** Words that start with an apostrophe: not an opening quote mark. */
const ELISION = /^(em|n|til|cause|bout|tis|twas|round|s)\b/i;

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isLetterOrDigit = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
/** Another straight double mark follows within a sentence or two. */
const closesLater = (text: string, i: number, end: number) => {
  for (let j = i + 1; j < end && j - i < 300; j++) if (text[j] === '"') return true;
  return false;
};
/** Characters after which an opening mark is plausible. */
const OPEN_CONTEXT = /[\s([{—–\-/:;,"“„«»‘‚'‹]/;
/** Characters before which a closing mark is plausible. */
const CLOSE_FOLLOW = /[\s)\]}.,;:!?—–\-"”“»«’'›…]/;

const canOpenAt = (text: string, i: number, from: number) => i === from || OPEN_CONTEXT.test(text[i - 1] ?? ' ');
const canCloseAt = (text: string, i: number, len: number, to: number) => i + len >= to || CLOSE_FOLLOW.test(text[i + len] ?? ' ');

export function findQuotes(text: string, blocks: readonly Block[]): RawQuote[] {
  const out: RawQuote[] = [];
  let pendingContinuation: number | null = null;
  blocks.forEach((b, bi) => {
    if (b.kind === 'credit' || b.kind === 'byline' || b.kind === 'dateline') {
      pendingContinuation = null;
      return;
    }
    const before = out.length;
    scanBlock(text, b, bi, out);
    splitIncises(text, out, before);
    const first = out[before];
    // A piece that opens this block continues an unclosed quote from the previous block.
    if (pendingContinuation !== null && first && first.open <= firstNonSpace(text, b.start, b.end)) {
      first.continues = pendingContinuation;
    }
    const last = out[out.length - 1];
    pendingContinuation = last && out.length > before && !last.closed ? out.length - 1 : null;
    if (b.kind === 'blockquote' && out.length === before) {
      const s = firstNonSpace(text, b.start, b.end);
      const e = lastNonSpace(text, b.start, b.end);
      if (e > s)
        out.push({ start: s, end: e, open: b.start, close: b.end, block: bi, closed: true, continues: null, fromBlockquote: true });
    }
  });
  return out;
}

/**
 * The attribution set inside the marks, as French, Spanish, Polish, Russian and Ukrainian write it:
 * « La paix, a affirmé X, ne peut… », «La paz —dijo X— no puede…», «Мы не хотим, — сказал X, — но…».
 * Each such quote becomes two pieces, the second continuing the first, so the incise is not quoted
 * text and the first piece finds its speaker right after it.
 */
function splitIncises(text: string, out: RawQuote[], from: number): void {
  const pieces = out.splice(from);
  for (const q of pieces) {
    const cut = q.closed && !q.fromBlockquote ? incise(text, q.start, q.end) : null;
    if (!cut) {
      out.push(q);
      continue;
    }
    const first = out.length;
    const end1 = lastNonSpace(text, q.start, cut.from);
    const start2 = firstNonSpace(text, cut.to, q.end);
    out.push({ ...q, end: end1, close: cut.from });
    out.push({ ...q, start: start2, open: cut.to - 1, continues: first });
  }
}

/** A comma or a dash: what opens and closes an incise. */
const isInciseSeparator = (c: number) => c === 44 || c === 0x2014 || c === 0x2013;
const INCISE_PRONOUNS = new Set('il elle he she er sie on ona он она він вона el ella'.split(' '));
const INCISE_WORD = /^[\p{L}][\p{L}'’.-]*/u;

/**
 * An incise in the quote [start, end): a separator, an inverted verb of saying (perhaps after an
 * auxiliary, "a affirmé", "a-t-elle ajouté"), up to six words of speaker, a separator, more quote.
 * Returns the incise's span (from its first separator to just after its last), or null.
 */
function incise(text: string, start: number, end: number): { from: number; to: number } | null {
  for (let i = start; i < end; i++) {
    if (!isInciseSeparator(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < end && (isSpace(text[j]) || /[—–-]/.test(text[j] ?? ''))) j++;
    const w1 = INCISE_WORD.exec(text.slice(j, j + 40))?.[0];
    if (!w1) continue;
    let verb = w1;
    let k = j + w1.length;
    // French and Spanish auxiliaries: "a affirmé", "a-t-elle ajouté", "ha dicho".
    if (/^(a|ha)(-t-(il|elle))?$/i.test(w1)) {
      while (k < end && isSpace(text[k])) k++;
      verb = INCISE_WORD.exec(text.slice(k, k + 40))?.[0] ?? '';
      k += verb.length;
    }
    const bare = fold(verb).replace(/-(t-)?(il|elle|ils|elles)$/, '');
    const info = CUE_VERBS.get(bare);
    if (!info?.inverts) continue;
    const pronounInVerb = bare !== fold(verb) || /-t-/.test(w1);
    // The speaker: words up to the closing separator.
    let e = k;
    let words = 0;
    while (e < end && !isInciseSeparator(text.charCodeAt(e)) && !/[.!?;:«»“”„"]/.test(text[e] ?? '') && words <= 6) {
      if (!isSpace(text[e]) && isSpace(text[e - 1])) words++;
      e++;
    }
    if (e >= end || !isInciseSeparator(text.charCodeAt(e)) || words > 6) continue;
    const speaker = text.slice(k, e).trim();
    // A verb alone between dashes is the Spanish incise of a dropped subject: «… —dijo—. …».
    const bareVerbIncise = !speaker && !info.english && text[i] === '—' && text[e] === '—';
    if (!speaker && !pronounInVerb && !bareVerbIncise) continue;
    const head = speaker.split(/\s+/)[0] ?? '';
    if (info.english && speaker && !/^\p{Lu}/u.test(head) && !INCISE_PRONOUNS.has(fold(head)) && fold(head) !== 'the') continue;
    let to = e + 1;
    // (The quoted sentence's own punctuation may follow the incise: «… —dijo—. Era …», «… —insistió—, y …».)
    while (to < end && (isSpace(text[to]) || /[—–\-.,;]/.test(text[to] ?? ''))) to++;
    // More quoted words must follow.
    if (to >= end || !/\p{L}/u.test(text.slice(to, end))) continue;
    return { from: i, to };
  }
  return null;
}

/** ", said Name" / ", Name said" inside an unclosed quote: the offset of that comma, or -1. Scans only [from, to). */
const ATTRIBUTION = /,\s+(\p{L}+)\s+(\p{L}+)/gu;
function embeddedAttribution(text: string, from: number, to: number): number {
  const span = text.slice(from, to);
  ATTRIBUTION.lastIndex = 0;
  for (let m = ATTRIBUTION.exec(span); m !== null; m = ATTRIBUTION.exec(span)) {
    const [, a = '', b = ''] = m;
    const inverted = CUE_VERBS.get(fold(a))?.inverts === true && /^\p{Lu}/u.test(b);
    const named = /^\p{Lu}/u.test(a) && (fold(b) === 'said' || fold(b) === 'says');
    if (inverted || named) return from + m.index;
    // Go on from just after this comma.
    ATTRIBUTION.lastIndex = m.index + 1;
  }
  return -1;
}

/** "<cue>, " or "<cue>: " before an unopened quote, in [from, to): where the quote starts, or -1. */
const CUE_THEN_QUOTE = /(\p{L}+)[,:]\s+(?=\p{Lu})/gu;
function unopenedStart(text: string, from: number, to: number): number {
  const span = text.slice(from, to);
  let start = -1;
  CUE_THEN_QUOTE.lastIndex = 0;
  for (let m = CUE_THEN_QUOTE.exec(span); m !== null; m = CUE_THEN_QUOTE.exec(span)) {
    if (CUE_VERBS.has(fold(m[1] ?? ''))) start = from + m.index + m[0].length;
  }
  return start;
}

function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text[i])) i++;
  return i;
}
function lastNonSpace(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpace(text[i - 1])) i--;
  return i;
}

function scanBlock(text: string, b: Block, bi: number, out: RawQuote[]): void {
  const stack: Open[] = [];
  let lastEmitted = b.start;
  const emit = (o: Open, closeAt: number, closeLen: number) => {
    if (stack.length !== 0) return; // nested: stays inside the outer quote
    lastEmitted = closeAt + closeLen;
    const start = firstNonSpace(text, o.pos + o.len, closeAt);
    const end = lastNonSpace(text, start, closeAt);
    if (end > start)
      out.push({ start, end, open: o.pos, close: closeAt + closeLen, block: bi, closed: true, continues: null, fromBlockquote: false });
  };
  // A closing mark must match the whole opener: one ' never closes ''…''.
  const topCloses = (c: string) => {
    const top = stack[stack.length - 1];
    return top !== undefined && (top.closers === "''" ? c === "''" : top.closers.includes(c));
  };
  // Quotes nest a level or two; a run of opening marks deeper than this is not quotation (and must not grow the stack).
  const open = (i: number, closers: string, len = 1, tentative = false) => {
    if (stack.length < MAX_DEPTH) stack.push({ pos: i, closers, len, tentative });
  };
  const close = (i: number, len = 1) => {
    const o = stack.pop();
    if (o) emit(o, i, len);
  };

  for (let i = b.start; i < b.end; i++) {
    const c = text[i] ?? '';
    switch (c) {
      case '“':
        // Closes German „…“; otherwise opens English “…”.
        if (topCloses('“') && !isSpace(text[i - 1]) && canCloseAt(text, i, 1, b.end)) close(i);
        else if (topCloses('”') && !isSpace(text[i - 1]) && canCloseAt(text, i, 1, b.end) && !isLetterOrDigit(text[i + 1])) close(i);
        else open(i, '”“');
        break;
      case '”':
        // Closes “…” and, in texts that mix mark styles, a straight "…”.
        if (topCloses('”') || (topCloses('"') && !isSpace(text[i - 1]))) close(i);
        else if (stack.length === 0 && canOpenAt(text, i, b.start) && isLetterOrDigit(text[i + 1]))
          open(i, '”'); // Swedish/Finnish ”…”
        else if (stack.length === 0 && /[\p{L}\p{N}.!?,]/u.test(text[i - 1] ?? '') && !isLetterOrDigit(text[i + 1])) {
          // A closing mark whose opening mark was forgotten: "…, she added, We will stay.”" starts after the cue.
          // (Each stretch of text is searched once: the next search starts after this mark.)
          const start = unopenedStart(text, Math.max(b.start, lastEmitted, i - 400), i);
          lastEmitted = i + 1;
          if (start !== -1) {
            const end = lastNonSpace(text, start, i);
            if (end > start)
              out.push({ start, end, open: start, close: i + 1, block: bi, closed: true, continues: null, fromBlockquote: false });
          }
        }
        break;
      case '„':
        open(i, '“”');
        break;
      case '«':
        if (topCloses('«')) close(i);
        else open(i, '»');
        break;
      case '»':
        if (topCloses('»')) close(i);
        else if (canOpenAt(text, i, b.start) && !isSpace(text[i + 1])) open(i, '«'); // German »…«
        break;
      case '‹':
        if (topCloses('‹')) close(i);
        else open(i, '›');
        break;
      case '›':
        if (topCloses('›')) close(i);
        else if (canOpenAt(text, i, b.start) && !isSpace(text[i + 1])) open(i, '‹');
        break;
      case '‚':
        open(i, '‘’');
        break;
      case '‘':
        if (topCloses('‘') && !isSpace(text[i - 1])) close(i);
        else if (canOpenAt(text, i, b.start) && !isSpace(text[i + 1])) open(i, '’');
        break;
      case '’':
        // Only a closing single quote when one is open and it is not inside a word (we’re, Mattis’s),
        // nor a plural possessive with a closer still to come (‘The allies’ position is clear,’).
        if (topCloses('’') && !isSpace(text[i - 1]) && !isLetterOrDigit(text[i + 1]) && !pluralPossessive(text, i, b.end)) close(i);
        break;
      case "'":
        if (
          topCloses('’') &&
          stack[stack.length - 1]?.closers === '’' &&
          !isSpace(text[i - 1]) &&
          !isLetterOrDigit(text[i + 1]) &&
          !(text[i - 1] === 's' && isSpace(text[i + 1]) && isLetterOrDigit(text[i + 2]))
        ) {
          // Mixed styles: ‘…' closes with a straight mark (not a plural possessive: ‘the members' votes’).
          close(i);
        } else if (text[i + 1] === "'" && text[i + 2] === "'" && topCloses("'") && !isSpace(text[i - 1])) {
          // ''' closing a nested 'quote' and the ''…'' around it: close the single mark first.
          close(i);
        } else if (text[i + 1] === "'" && text[i + 2] === "'" && stack.length === 0 && canOpenAt(text, i, b.start)) {
          // ''' opening ''…'' with a nested 'quote' at its start.
          open(i, "''", 2);
          open(i + 2, "'");
          i += 2;
        } else if (text[i + 1] === "'") {
          // NYT-style ''…'' pairs; a closing pair may follow a stray space ("…coalitions, '' said").
          if (topCloses("''") && (!isSpace(text[i - 1]) || isSpace(text[i + 2]))) close(i, 2);
          else if (canOpenAt(text, i, b.start) && !isSpace(text[i + 2])) open(i, "''", 2);
          i++;
        } else if (topCloses("'") && !isSpace(text[i - 1]) && !isLetterOrDigit(text[i + 1])) close(i);
        else if (canOpenAt(text, i, b.start) && /\p{L}/u.test(text[i + 1] ?? '') && !ELISION.test(text.slice(i + 1, i + 7))) {
          // A nested 'quote', or a top-level one ('We stay,' she said) that counts only if it closes.
          open(i, "'", 1, stack.length === 0);
        }
        break;
      case '"':
        // A doubled opening mark from a pasted excerpt ("“…”): the curly mark after it opens the quote alone.
        if (!topCloses('"') && (text[i + 1] === '“' || text[i + 1] === '„') && canOpenAt(text, i, b.start)) break;
        // Inches after a number ("10" frames"): inside curly quotes, or inside straight ones that close later.
        if (
          isDigit(text[i - 1]) &&
          (topCloses('”') || (topCloses('"') && isSpace(text[i + 1]) && /\p{Ll}/u.test(text[i + 2] ?? '') && closesLater(text, i, b.end)))
        )
          break;
        if (topCloses('"') && !isSpace(text[i - 1]) && canCloseAt(text, i, 1, b.end)) close(i);
        // Mixed styles: “…" closes with a straight mark.
        else if (
          topCloses('”') &&
          stack[stack.length - 1]?.len === 1 &&
          !isSpace(text[i - 1]) &&
          canCloseAt(text, i, 1, b.end) &&
          !isLetterOrDigit(text[i + 1])
        )
          close(i);
        else if (canOpenAt(text, i, b.start) && !isSpace(text[i + 1])) open(i, '"');
        else if (topCloses('"')) close(i);
        break;
      case '`':
        if (text[i + 1] === '`') {
          open(i, "''", 2);
          i++;
        }
        break;
      default:
        break;
    }
  }
  // Unclosed at the end of the block: the outermost open quote runs to the block end.
  const outer = stack[0];
  if (outer && !outer.tentative) {
    const start = firstNonSpace(text, outer.pos + outer.len, b.end);
    // A forgotten closing mark: "…what papers to keep, said Jan Example, whose …" ends the quote at the attribution.
    const cut = embeddedAttribution(text, start, b.end);
    if (cut !== -1) {
      const end = lastNonSpace(text, start, cut + 1);
      if (end > start)
        out.push({ start, end, open: outer.pos, close: cut + 1, block: bi, closed: true, continues: null, fromBlockquote: false });
      return;
    }
    const end = lastNonSpace(text, start, b.end);
    if (end > start)
      out.push({ start, end, open: outer.pos, close: b.end, block: bi, closed: false, continues: null, fromBlockquote: false });
  }
}
