/**
 * fast-check arbitraries shared by the property tests: article-like text
 * built from real officials' names (the bundled dataset), cue verbs, quote
 * marks of every kind, Cyrillic and RTL words, and characters that trip up
 * offsets, word boundaries and bidi handling.
 *
 * FC_SEED=<n> replays a run; FC_RUNS=<x> scales every property's run count.
 */
import fc from 'fast-check';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';

const SCALE = Number(process.env.FC_RUNS ?? 1) || 1;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

/** fast-check parameters: `numRuns` scaled by FC_RUNS, the seed from FC_SEED. */
export const params = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns: Math.max(1, Math.round(numRuns * SCALE)),
  ...(SEED !== undefined ? { seed: SEED } : {}),
});

/** Real officials' names as the dataset knows them: canonical names, nicknames, transliterations, native scripts. */
export const NAMES: readonly string[] = [...bundledDataset().people.values()]
  .flatMap((p) => [p.name, ...p.aliases])
  .filter((n) => n.length > 0);
export const SURNAMES: readonly string[] = [...new Set(NAMES.map((n) => n.split(/\s+/).pop() ?? n))];
export const ROLES = [
  'NATO Secretary General',
  'defence minister',
  'the foreign minister',
  'Russian President',
  'a Kremlin spokesman',
  'U.S. Secretary of State',
];
export const CUES = ['said', 'told reporters', 'added', 'warned', 'said on Tuesday', 'insisted', 'wrote', 'заявил', 'сказал', 'قال', 'אמר'];
export const WORDS = [
  ...['NATO', 'Russia', 'Ukraine', 'Kremlin', 'alliance', 'the', 'of', 'and', 'will', 'not', 'we', 'our', 'allies', 'troops', 'Brussels'],
  ...['Moscow', 'Kyiv', 'Mr.', 'Ms.', 'Dr.', 'U.S.', 'E.U.', "it's", "don't", "Russia's", 'rock ’n’ roll', '1990s', '’90s', 'Article 5'],
  ...['Россия', 'НАТО', 'министр', 'обороны', 'Украина', 'альянс', 'Кремль', 'президент'],
  ...['الناتو', 'روسيا', 'وزير', 'الدفاع', 'נאט״ו', 'רוסיה', 'שר', 'הביטחון'],
];
export const OPEN = ['“', '"', '‘', "'", '«', '„', '‚', '‹', '「', '“‘', '""', "''"];
/** Closing marks, including wrong, doubled and missing ones (unbalanced quotes). */
export const CLOSE = ['”', '"', '’', "'", '»', '“', '‘', '›', '」', '’”', '', "'''"];
/** Characters that trip up offset arithmetic, word boundaries and bidi handling (lone surrogates included). */
export const ODD = [
  ...['\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\u00AD', '\u00A0', '\u202F', '\u3000', '\t', '\n', '\r\n'],
  ...['\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202E', '\u2066', '\u2067', '\u2069', 'e\u0301', 'и\u0306'],
  ...['😀', '𝔸𝔹ℂ', '👩‍👩‍👧', '🇺🇦', '&', '<', '>', '<b>', '&amp;', '\\', '—', '–', '…', '•', '\uD800', '\uDFFF'],
];

export const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

export const phrase: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: pick(WORDS) }, { weight: 1, arbitrary: pick(ODD) }), { minLength: 1, maxLength: 9 })
  .map((w) => w.join(' '));

export const name: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: pick(NAMES) }, { weight: 1, arbitrary: pick(SURNAMES) });

/** One sentence: mostly quotes with an attribution (so there is something to find), sometimes broken or plain prose. */
export const sentence: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick(OPEN), phrase, pick(CLOSE), name, pick(CUES)).map(([o, p, c, n, cue]) => `${o}${p},${c} ${n} ${cue}.`),
  fc.tuple(name, pick(CUES), pick(OPEN), phrase, pick(CLOSE)).map(([n, cue, o, p, c]) => `${n} ${cue}: ${o}${p}.${c}`),
  fc.tuple(name, pick(ROLES), pick(CUES), pick(OPEN), phrase, pick(CLOSE)).map(([n, r, cue, o, p, c]) => `${n}, ${r}, ${cue} ${o}${p}${c}`),
  fc.tuple(pick(ROLES), name, phrase).map(([r, n, p]) => `${r} ${n} met ${p}.`),
  fc.tuple(pick(OPEN), phrase).map(([o, p]) => `${o}${p}`),
  phrase.map((p) => `${p}.`),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Any UTF-16 string, lone surrogates included. */
export const utf16 = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength });

/** Text an article could be: sentences in paragraphs separated by newlines, with the odd line of noise. */
export const articleText: fc.Arbitrary<string> = fc
  .array(
    fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join(' ')),
    { minLength: 1, maxLength: 8 },
  )
  .map((ps) => ps.join('\n'));
