/**
 * A single linear pass that splits text into word and punctuation tokens with
 * their offsets. Everything that matches names, cues or triggers works on
 * these tokens, so no pattern ever rescans the whole text.
 *
 * Hand-written over char codes (a regex per token was the core's largest
 * cost on long pages); a token's text and folded key are computed only when
 * asked for.
 */
import { fold } from './fold.ts';

export type TokenKind = 'word' | 'abbr' | 'punct';

export class Token {
  private cachedKey: string | undefined;

  constructor(
    private readonly source: string,
    /** 'word' (letters/digits, inner apostrophes and hyphens), 'abbr' (U.S., U.K.), 'punct' (one character). */
    readonly kind: TokenKind,
    readonly start: number,
    readonly end: number,
    /** Starts with an upper-case letter. */
    readonly upper: boolean,
    /** Whitespace before this token contains a line break. */
    readonly lineStart: boolean,
    /** Only ASCII characters: the key is the lower-cased text, no Unicode folding needed. */
    private readonly ascii = false,
  ) {}

  get text(): string {
    return this.source.slice(this.start, this.end);
  }

  /** Folded form for matching (see fold.ts). */
  get key(): string {
    if (this.cachedKey === undefined) {
      const text = this.text;
      this.cachedKey = this.kind === 'punct' ? text : this.ascii ? (text.includes('`') ? fold(text) : text.toLowerCase()) : fold(text);
    }
    return this.cachedKey;
  }
}

// Per-code-unit character classes, filled lazily for non-ASCII code units.
const LETTER = 1;
const UPPER = 2;
const SPACE = 4;
const SEEN = 8;
const classes = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  let v = SEEN;
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) v |= LETTER;
  if (c >= 65 && c <= 90) v |= LETTER | UPPER;
  if (c === 32 || (c >= 9 && c <= 13)) v |= SPACE;
  classes[c] = v;
}
const LETTER_RE = /[\p{L}\p{M}\p{N}]/u;
const UPPER_RE = /\p{Lu}/u;
const SPACE_RE = /\s/u;

function classOf(c: number): number {
  let v = classes[c] ?? 0;
  if (v & SEEN) return v;
  const ch = String.fromCharCode(c);
  v = SEEN;
  // Lone surrogates (emoji, rare scripts) count as punctuation.
  if (c < 0xd800 || c > 0xdfff) {
    if (LETTER_RE.test(ch)) v |= LETTER;
    if (UPPER_RE.test(ch)) v |= UPPER;
    if (SPACE_RE.test(ch) || c === 0x200b || c === 0xfeff) v |= SPACE;
  }
  classes[c] = v;
  return v;
}

/** French and Italian elided words, split from the word they precede so names match: "l’OTAN", "d’Emmanuel". */
const ELISIONS = new Set([
  'l',
  'd',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'dell',
  'all',
  'nell',
  'sull',
  'dall',
]);

/** Apostrophes and hyphens that may sit inside a word: we’re, O'Brien, Kosiniak-Kamysz. */
const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 0x2bc || c === 45 || c === 0x2010 || c === 0x2011;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let lineStart = true;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    const cls = classOf(c);
    if (cls & SPACE) {
      if (c === 10 || c === 13) lineStart = true;
      i++;
      continue;
    }
    const start = i;
    if (cls & LETTER) {
      // Initialisms: two or more "capital + dot" pairs (U.S., U.K.).
      if (
        cls & UPPER &&
        text.charCodeAt(i + 1) === 46 &&
        i + 3 < to + 1 &&
        classOf(text.charCodeAt(i + 2)) & UPPER &&
        text.charCodeAt(i + 3) === 46
      ) {
        let j = i;
        while (j + 1 < to && classOf(text.charCodeAt(j)) & UPPER && text.charCodeAt(j + 1) === 46) j += 2;
        tokens.push(new Token(text, 'abbr', start, j, true, lineStart));
        lineStart = false;
        i = j;
        continue;
      }
      let ascii = c < 128;
      let elided = false;
      i++;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (classOf(d) & LETTER) {
          if (d >= 128) ascii = false;
          i++;
        } else if (isJoiner(d) && i + 1 < to && classOf(text.charCodeAt(i + 1)) & LETTER) {
          // An elided article or preposition is its own token: "l’OTAN" → "l’" "OTAN", "d’Emmanuel".
          if ((d === 39 || d === 0x2019) && i - start <= 6 && ELISIONS.has(text.slice(start, i).toLowerCase())) {
            elided = true;
            break;
          }
          if (d >= 128 || text.charCodeAt(i + 1) >= 128) ascii = false;
          i += 2;
        } else break;
      }
      if (elided) {
        ascii &&= text.charCodeAt(i) < 128;
        i++;
      }
      tokens.push(new Token(text, 'word', start, i, (cls & UPPER) !== 0, lineStart, ascii));
    } else {
      tokens.push(new Token(text, 'punct', start, i + 1, false, lineStart));
      i++;
    }
    lineStart = false;
  }
  return tokens;
}

/**
 * The text from start to end as one line: a name or role read from the page keeps the source's
 * line breaks and indentation ("Jana\n      Example" in pretty-printed HTML), which a reader never sees.
 */
export function spanText(source: string, start: number, end: number): string {
  const text = source.slice(start, end);
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** Drops a possessive ending ("Shoigu’s" → "shoigu", "Mattis’" handled by the caller) from a folded key. */
export function stripPossessive(key: string): string {
  return key.endsWith("'s") ? key.slice(0, -2) : key;
}

/** Index of the first token whose start is ≥ offset (binary search). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
