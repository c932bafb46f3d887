/**
 * Long pages in slices. The article's blocks are analysed a chunk at a time
 * (each chunk with a few blocks before it as context, so speakers carry over),
 * and each step returns everything found so far, merged. The page highlights
 * each chunk as it comes and yields in between, so no task blocks the reader.
 * Articles shorter than one chunk — nearly all — take one step and get exactly
 * what `analyze` returns. The `analyze` command runs the same steps.
 */
import type { DatasetIndex } from '../dataset/index.ts';
import { type AnalyzeOptions, analyze } from './analyze.ts';
import type { Context } from './context.ts';
import { crossReferences } from './crossrefs.ts';
import { detectDate } from './date.ts';
import type { Analysis, AnalysisInput, Block, Official, Quote } from './types.ts';

/** Characters of text per step: small enough that a step (analysis plus highlighting) stays well under 50 ms. */
export const CHUNK_CHARS = 32_000;
/** Blocks re-read before each chunk as context (speakers introduced just before it). */
export const CONTEXT_BLOCKS = 4;

export interface Step {
  analysis: Analysis;
  /** Blocks [from, to) of the input that this step added. */
  from: number;
  to: number;
  done: boolean;
}

export function* analyzeProgressively(
  input: AnalysisInput,
  data: DatasetIndex,
  options: AnalyzeOptions & { chunkChars?: number } = {},
): Generator<Step, void, void> {
  const { blocks } = input;
  const chunkChars = options.chunkChars ?? CHUNK_CHARS;
  const total = blocks.reduce((n, b) => n + (b.end - b.start), 0);
  if (total <= chunkChars) {
    yield { analysis: analyze(input, data, options), from: 0, to: blocks.length, done: true };
    return;
  }
  // One date for the whole article: the chunks after the first have no dateline or caption.
  const { date, source: dateSource } = detectDate(input.text, blocks, input.meta, input.date, input.today);
  let merged: Analysis | null = null;
  let from = 0;
  while (from < blocks.length) {
    let to = from;
    let size = 0;
    while (to < blocks.length && (to === from || size + ((blocks[to]?.end ?? 0) - (blocks[to]?.start ?? 0)) <= chunkChars)) {
      size += (blocks[to]?.end ?? 0) - (blocks[to]?.start ?? 0);
      to++;
    }
    const contextFrom = Math.max(0, from - CONTEXT_BLOCKS);
    const part = analyze({ ...input, blocks: blocks.slice(contextFrom, to), date }, data, options);
    const ownStart = blocks[from]?.start ?? 0;
    merged = merged ? mergeInto(merged, part, ownStart) : { ...part, dateSource };
    const done = to >= blocks.length;
    if (done) merged.crossRefs = crossReferences(lightContext(input, blocks, data, date), merged.officials, merged.concepts);
    yield { analysis: merged, from, to, done };
    from = to;
  }
}

/** Runs every step: what the page ends up with. */
export function analyzeAll(input: AnalysisInput, data: DatasetIndex, options: AnalyzeOptions & { chunkChars?: number } = {}): Analysis {
  let last: Analysis | null = null;
  for (const step of analyzeProgressively(input, data, options)) last = step.analysis;
  if (!last) throw new Error('no analysis');
  return last;
}

/** Adds a later chunk's findings (those at or after `ownStart`; the context blocks were counted before). */
function mergeInto(a: Analysis, part: Analysis, ownStart: number): Analysis {
  const renumber = new Map<number, number>();
  const quotes: Quote[] = [...a.quotes];
  for (const q of part.quotes) {
    if (q.start < ownStart) continue;
    const index = quotes.length;
    renumber.set(q.index, index);
    quotes.push({ ...q, index, continues: q.continues !== null ? (renumber.get(q.continues) ?? null) : null });
  }
  const officials = new Map<string, Official>(a.officials.map((o) => [o.key, { ...o, mentions: [...o.mentions] }]));
  for (const o of part.officials) {
    const mentions = o.mentions.filter((m) => m.start >= ownStart);
    const prev = officials.get(o.key);
    if (prev) prev.mentions.push(...mentions);
    else if (mentions.length || quotes.some((q) => q.speaker?.key === o.key)) officials.set(o.key, { ...o, mentions });
  }
  for (const o of officials.values()) o.quoteCount = quotes.filter((q) => q.kind === 'speech' && q.speaker?.key === o.key).length;
  const mergeSpans = <T extends { id: string; mentions: { start: number; end: number }[] }>(xs: T[], ys: T[]): T[] => {
    const by = new Map(xs.map((x) => [x.id, { ...x, mentions: [...x.mentions] }]));
    for (const y of ys) {
      const mentions = y.mentions.filter((m) => m.start >= ownStart);
      if (!mentions.length) continue;
      const prev = by.get(y.id);
      if (prev) prev.mentions.push(...mentions);
      else by.set(y.id, { ...y, mentions });
    }
    return [...by.values()];
  };
  const checks = [...a.descriptionChecks];
  for (const d of part.descriptionChecks) if (d.start >= ownStart && !checks.some((c) => c.subject.id === d.subject.id)) checks.push(d);
  return {
    ...a,
    quotes,
    officials: [...officials.values()],
    organisations: mergeSpans(a.organisations, part.organisations),
    concepts: mergeSpans(a.concepts, part.concepts),
    descriptionChecks: checks,
  };
}

/** What cross-referencing needs of a context: blocks (for "same paragraph"), the dataset and the date — no tokens, so no names to inflect. */
function lightContext(input: AnalysisInput, blocks: readonly Block[], data: DatasetIndex, date: string): Context {
  return { text: input.text, data, date, blocks: blocks.map((block, index) => ({ block, index, tokens: [] })), latinInflects: false };
}
