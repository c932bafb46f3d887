/**
 * Shared per-analysis state: the text's tokens by block, sentence ends, and
 * the dataset index. Built once, read by every step.
 */
import type { DatasetIndex } from '../dataset/index.ts';
import { POLISH_MARKED_WORDS, POLISH_WORDS } from '../lexicon/words.ts';
import { fold } from '../text/fold.ts';
import { type Token, tokenize } from '../text/tokens.ts';
import type { Block } from './types.ts';

export interface BlockTokens {
  block: Block;
  index: number;
  tokens: Token[];
}

export interface Context {
  text: string;
  blocks: BlockTokens[];
  data: DatasetIndex;
  /** YYYY-MM-DD roles are resolved at. */
  date: string;
  /** Latin-script names inflect in this text (it is Polish: "Putinem", "Zełenskiego"); Cyrillic ones always may. */
  latinInflects: boolean;
}

/** Blocks whose words are not article prose: nothing in them is an official or a quote. */
export const NON_PROSE: ReadonlySet<Block['kind']> = new Set(['credit', 'byline', 'dateline']);

export function createContext(text: string, blocks: readonly Block[], data: DatasetIndex, date: string): Context {
  const tokenized = blocks.map((block, index) => ({ block, index, tokens: tokenize(text, block.start, block.end) }));
  return { text, data, date, blocks: tokenized, latinInflects: POLISH_LETTER.test(text) && isPolish(tokenized) };
}

const MARKED_KEYS = new Set([...POLISH_MARKED_WORDS].map(fold));
/** Polish prose never goes long without one of these; a text with none (most English ones) needs no word-by-word look. */
const POLISH_LETTER = /[ąęłńśźżĄĘŁŃŚŹŻ]/;

/**
 * Polish text, where Latin-script names inflect and are matched through
 * their dictionary forms: its own small words make up at least one word in
 * two hundred. English text has none of them, so its names match exactly, as
 * they always did; one Polish phrase quoted in it does not tip it.
 */
function isPolish(blocks: readonly BlockTokens[]): boolean {
  let words = 0;
  let polish = 0;
  for (const { tokens } of blocks) {
    for (const t of tokens) {
      if (t.kind !== 'word') continue;
      words++;
      if (t.upper || t.end - t.start > 9) continue;
      const key = t.key;
      if (POLISH_WORDS.has(key) || (MARKED_KEYS.has(key) && POLISH_MARKED_WORDS.has(t.text))) polish++;
    }
  }
  return polish > 0 && polish * 200 >= words;
}

const ABBREVIATIONS = new Set(
  'gen lt col sen rep gov mr mrs ms dr st no jr sr adm maj capt brig sgt prof inc corp co vs etc jan feb mar apr jun jul aug sep sept oct nov dec ft mt ave dept est approx fig vol pp cmdr gens lieut'
    .split(' ')
    .map(fold),
);

/** True when token k ends a sentence: . ! ? … not after an abbreviation or initial, followed by a capital, a quote mark or nothing. */
export function isSentenceEnd(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t?.kind !== 'punct' || !/[.!?…]/.test(t.text)) return false;
  if (t.text === '.') {
    const prev = tokens[k - 1];
    if (prev && prev.end === t.start) {
      if (ABBREVIATIONS.has(prev.key)) return false;
      if (prev.kind === 'word' && prev.text.length === 1 && prev.upper) return false; // initial: "Joseph F. Dunford"
      if (prev.kind === 'word' && /-\p{Lu}$/u.test(prev.text)) return false; // party-state tag: "(D-N.C.)"
    }
    const after = tokens[k + 1];
    // An abbreviation goes on: "N. H.", "(D-N.H.)".
    if (after && after.start === t.end && after.kind === 'word' && after.text.length === 1 && after.upper && tokens[k + 2]?.text === '.')
      return false;
  }
  const next = tokens[k + 1];
  if (!next) return true;
  if (next.kind === 'punct') return /["“”„«»‘’'([]/.test(next.text) || /[.!?]/.test(next.text);
  return next.upper || /^\d/.test(next.text);
}
