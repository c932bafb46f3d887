/**
 * Trigger patterns for concepts: a phrase whose words may end in `*` (a
 * prefix: "Crimea*" matches Crimean, Крым* matches Крыма) and whose parts
 * may be separated by `…` (up to GAP other words in between: "annexation …
 * Crimea*" matches "annexation of Ukraine’s Crimean Peninsula"). Patterns are
 * indexed by their first word, so a text costs one lookup per token.
 */
import { type Token, tokenize } from './tokens.ts';

const GAP = 4;
const PREFIX_HEAD = 4;

export interface Word {
  key: string;
  prefix: boolean;
}

/** Splits a trigger into parts (separated by …) of words (a trailing * makes a prefix). */
export function patternParts(trigger: string): Word[][] {
  return trigger
    .split(/\s*(?:…|\.\.\.)\s*/)
    .map((part) =>
      tokenize(part.replace(/\*/g, '\u2217')).flatMap((t, i, all): Word[] => {
        if (t.text === '\u2217') return [];
        return [{ key: t.key, prefix: all[i + 1]?.text === '\u2217' && all[i + 1]?.start === t.end }];
      }),
    )
    .filter((p) => p.length > 0);
}
interface Pattern<T> {
  parts: Word[][];
  value: T;
}
export interface PatternMatch<T> {
  from: number;
  to: number;
  values: T[];
}

const wordMatches = (w: Word, key: string) => (w.prefix ? key.startsWith(w.key) : key === w.key || key === `${w.key}'s`);

export class PatternIndex<T> {
  private readonly exact = new Map<string, Pattern<T>[]>();
  private readonly byPrefix = new Map<string, Pattern<T>[]>();

  add(trigger: string, value: T): void {
    this.addParts(patternParts(trigger), value);
  }

  /** Adds a trigger already compiled by patternParts (e.g. at build time). */
  addParts(parts: Word[][], value: T): void {
    const first = parts[0]?.[0];
    if (!first) return;
    const pattern = { parts, value };
    if (first.prefix) {
      const head = first.key.slice(0, PREFIX_HEAD);
      this.byPrefix.set(head, [...(this.byPrefix.get(head) ?? []), pattern]);
    } else this.exact.set(first.key, [...(this.exact.get(first.key) ?? []), pattern]);
  }

  /** Non-overlapping matches, longest first at each position. */
  findAll(tokens: readonly Token[]): PatternMatch<T>[] {
    const out: PatternMatch<T>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i];
      if (!t || t.kind === 'punct') {
        i++;
        continue;
      }
      // Three lookups, no allocation for the common token that starts no pattern.
      const key = t.key;
      const exact = this.exact.get(key);
      const possessive = key.endsWith("'s") ? this.exact.get(key.slice(0, -2)) : undefined;
      const prefix = key.length >= PREFIX_HEAD ? this.byPrefix.get(key.slice(0, PREFIX_HEAD)) : undefined;
      if (!exact && !possessive && !prefix) {
        i++;
        continue;
      }
      let best: PatternMatch<T> | null = null;
      for (const list of [exact, possessive, prefix]) {
        if (!list) continue;
        for (const p of list) {
          const end = matchPattern(tokens, i, p.parts);
          if (end === -1) continue;
          if (!best || end > best.to) best = { from: i, to: end, values: [p.value] };
          else if (end === best.to && !best.values.includes(p.value)) best.values.push(p.value);
        }
      }
      if (best) {
        out.push(best);
        i = best.to;
      } else i++;
    }
    return out;
  }
}

/** End token index of the pattern matched at i, or -1. */
function matchPattern(tokens: readonly Token[], i: number, parts: Word[][]): number {
  let pos = i;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p] ?? [];
    let found = -1;
    // The first part starts at i; later parts may start after up to GAP words (never across a sentence end).
    const maxStart = p === 0 ? pos : pos + GAP;
    for (let s = pos; s <= maxStart && s < tokens.length; s++) {
      if (p > 0 && s > pos && /[.!?;]/.test(tokens[s - 1]?.text ?? '')) break;
      if (matchWords(tokens, s, part)) {
        found = s;
        break;
      }
    }
    if (found === -1) return -1;
    pos = found + part.length;
  }
  return pos;
}

function matchWords(tokens: readonly Token[], s: number, words: Word[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const t = tokens[s + k];
    const w = words[k];
    if (!t || !w || !wordMatches(w, t.key)) return false;
  }
  return true;
}
