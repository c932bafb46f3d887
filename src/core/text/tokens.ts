/**
 * A single linear pass that splits text into word and punctuation tokens with
 * their offsets. Everything that matches names, cues or triggers works on
 * these tokens, so no pattern ever rescans the whole text.
 */
import { fold } from './fold.ts';

export interface Token {
  /** 'word' (letters/digits, inner apostrophes and hyphens), 'abbr' (U.S., U.K.), 'punct' (one character). */
  kind: 'word' | 'abbr' | 'punct';
  start: number;
  end: number;
  text: string;
  /** Folded form for matching (see fold.ts). */
  key: string;
  /** Starts with an upper-case letter. */
  upper: boolean;
  /** Whitespace before this token contains a line break. */
  lineStart: boolean;
}

// Initialisms first (U.S., U.N.), then words with inner apostrophes/hyphens, then any single non-space character.
const TOKEN_RE = /((?:\p{Lu}\.){2,})|([\p{L}\p{M}\p{N}]+(?:['’ʼ\-‐‑][\p{L}\p{M}\p{N}]+)*)|(\s+)|([^\s])/uy;
const UPPER_RE = /^\p{Lu}/u;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = from;
  let lineStart = true;
  while (TOKEN_RE.lastIndex < to) {
    const start = TOKEN_RE.lastIndex;
    const m = TOKEN_RE.exec(text);
    if (!m) break;
    const s = m[0];
    if (m[3] !== undefined) {
      if (s.includes('\n')) lineStart = true;
      continue;
    }
    const end = Math.min(start + s.length, to);
    const t = end === start + s.length ? s : s.slice(0, end - start);
    const kind = m[1] !== undefined ? 'abbr' : m[2] !== undefined ? 'word' : 'punct';
    tokens.push({ kind, start, end, text: t, key: kind === 'punct' ? t : fold(t), upper: UPPER_RE.test(t), lineStart });
    lineStart = false;
  }
  return tokens;
}

/** Drops a possessive ending ("Shoigu’s" → "shoigu", "Mattis’" handled by the caller) from a folded key. */
export function stripPossessive(key: string): string {
  return key.endsWith("'s") ? key.slice(0, -2) : key;
}

/** Index of the first token whose start is ≥ offset (binary search). */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
