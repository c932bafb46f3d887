/**
 * A token trie: phrases (names, aliases, role nouns, triggers) are stored as
 * sequences of folded token keys, so finding every phrase in a text costs one
 * walk per token start, bounded by the longest phrase — linear in the text.
 */
import { stripPossessive, type Token, tokenize } from './tokens.ts';

interface Node<T> {
  next: Map<string, Node<T>>;
  values: T[];
}

export interface PhraseMatch<T> {
  /** Token index range [from, to). */
  from: number;
  to: number;
  values: readonly T[];
  /** The last token carried a possessive ending ("Shoigu’s"). */
  possessive: boolean;
  /** The keys matchAnyAt found the phrase under: "песков" for the text's "Пескова". */
  keys?: readonly string[];
}

const LEADING_ARTICLES = new Set(['the']);

/** The folded token keys a phrase is stored under: "the Kremlin" → ["kremlin"]. */
export function phraseKeys(phrase: string): string[] {
  const keys = tokenize(phrase).map((t) => t.key);
  while (keys.length > 1 && LEADING_ARTICLES.has(keys[0] ?? '')) keys.shift();
  return keys;
}

export class PhraseIndex<T> {
  private readonly root: Node<T> = { next: new Map(), values: [] };
  private longest = 0;
  /** Packed phrases not yet in the trie, grouped by their first key (see loadPacked). */
  private pending: Readonly<Record<string, string>> | null = null;
  private parseValue: ((s: string) => T) | null = null;

  /**
   * Loads packed phrases: `groups` maps a first key to its lines, one per
   * phrase ("key key<TAB>value value"), `longest` is the most keys in any
   * phrase. Nothing is parsed now: a branch is built the first time a text
   * token asks for its first key, so a page pays for the few names it
   * contains, not for the thousands it does not.
   */
  loadPacked(groups: Readonly<Record<string, string>>, longest: number, parseValue: (s: string) => T): void {
    this.pending = groups;
    this.parseValue = parseValue;
    this.longest = Math.max(this.longest, longest);
  }

  /** The root's child for a first key, building its branch from packed lines on first use. */
  private rootChild(key: string): Node<T> | undefined {
    const built = this.root.next.get(key);
    if (built || !this.pending || !this.parseValue || !Object.hasOwn(this.pending, key)) return built;
    const lines = this.pending[key] ?? '';
    for (const line of lines.split('\n')) {
      const tab = line.indexOf('\t');
      const keys = line.slice(0, tab).split(' ');
      for (const v of line.slice(tab + 1).split(' ')) this.addKeys(keys, this.parseValue(v));
    }
    return this.root.next.get(key);
  }

  /** Adds a phrase. Leading "the" is dropped so "the Kremlin" and "Kremlin" both match. */
  add(phrase: string, value: T): void {
    this.addKeys(phraseKeys(phrase), value);
  }

  /** Adds a phrase already split into folded token keys (see phraseKeys), e.g. precompiled at build time. */
  addKeys(keys: readonly string[], value: T): void {
    if (keys.length === 0) return;
    let node = this.root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) {
        child = { next: new Map(), values: [] };
        node.next.set(k, child);
      }
      node = child;
    }
    if (!node.values.includes(value)) node.values.push(value);
    this.longest = Math.max(this.longest, keys.length);
  }

  /** The longest phrase starting at token `i`, or null. */
  matchAt(tokens: readonly Token[], i: number): PhraseMatch<T> | null {
    let node: Node<T> | undefined = this.root;
    let best: PhraseMatch<T> | null = null;
    for (let j = i; j < tokens.length && j - i < this.longest; j++) {
      const tok = tokens[j];
      if (!tok || !node) break;
      const poss = stripPossessive(tok.key);
      const atRoot = j === i;
      if (poss !== tok.key) {
        const end = atRoot ? this.rootChild(poss) : node.next.get(poss);
        if (end && end.values.length > 0) best = { from: i, to: j + 1, values: end.values, possessive: true };
      }
      // A phrase may also run on through a possessive: "the alliance’s chief" is "alliance chief", "the
      // Kremlin’s spokesman" "Kremlin spokesman".
      const next: Node<T> | undefined = atRoot ? this.rootChild(tok.key) : node.next.get(tok.key);
      node = next ?? (poss !== tok.key ? (atRoot ? this.rootChild(poss) : node.next.get(poss)) : undefined);
      if (!node) break;
      // (Ending on the possessive itself was recorded above.)
      if (next && node.values.length > 0) best = { from: i, to: j + 1, values: node.values, possessive: false };
    }
    return best;
  }

  /**
   * The longest phrase starting at token `i` when a token may stand for
   * several keys (the dictionary forms an inflected word may be a case of):
   * `keysOf` gives a token's keys, or null where no phrase may go on;
   * `accept` vets the keys a phrase was found under. A token has a few keys
   * and a phrase a few tokens, so the walk stays bounded, as matchAt's does.
   */
  matchAnyAt(
    tokens: readonly Token[],
    i: number,
    keysOf: (t: Token) => readonly string[] | null,
    accept: (keys: readonly string[]) => boolean,
  ): PhraseMatch<T> | null {
    let paths: { node: Node<T>; keys: string[] }[] = [{ node: this.root, keys: [] }];
    let best: PhraseMatch<T> | null = null;
    for (let j = i; j < tokens.length && j - i < this.longest && paths.length > 0; j++) {
      const tok = tokens[j];
      const keys = tok ? keysOf(tok) : null;
      if (!keys) break;
      const next: { node: Node<T>; keys: string[] }[] = [];
      for (const path of paths) {
        for (const k of keys) {
          const child = j === i ? this.rootChild(k) : path.node.next.get(k);
          if (child) next.push({ node: child, keys: [...path.keys, k] });
        }
      }
      paths = next;
      const values: T[] = [];
      let found: readonly string[] = [];
      for (const path of paths) {
        if (path.node.values.length === 0 || !accept(path.keys)) continue;
        if (values.length === 0) found = path.keys;
        for (const v of path.node.values) if (!values.includes(v)) values.push(v);
      }
      if (values.length > 0) best = { from: i, to: j + 1, values, possessive: false, keys: found };
    }
    return best;
  }

  /** Every non-overlapping longest match, scanning left to right. `startOk` filters where a match may begin. */
  findAll(tokens: readonly Token[], startOk: (t: Token) => boolean = () => true): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i];
      const m = t && startOk(t) ? this.matchAt(tokens, i) : null;
      if (m) {
        out.push(m);
        i = m.to;
      } else i++;
    }
    return out;
  }
}
