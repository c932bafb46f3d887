/**
 * Evaluation against ../shared:
 *  1. topic verdicts on the corpus pages vs MANIFEST.json labels
 *     (every `yes` must be relevant, no `no` may be);
 *  2. quotes and speakers on the PolNeAR development set (real annotated
 *     news): precision, recall, F1 and named-speaker accuracy, scored as the
 *     set's README describes.
 * Usage: npm run eval [-- --verbose] [-- --only corpus|quotes] [-- --misses N]
 * Exits non-zero when a target is missed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyseInput } from '../src/cli/analyze.ts';
import type { Analysis, Quote } from '../src/core/analysis/types.ts';
import { bundledDataset } from '../src/core/dataset/bundled.ts';

const SHARED = resolve(import.meta.dirname, '../../shared');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const missesToShow = args.includes('--misses') ? Number(args[args.indexOf('--misses') + 1]) : 0;
const data = bundledDataset();
let failed = false;

interface ManifestEntry {
  file: string;
  outlet: string;
  is_news_article: boolean;
  about_nato_and_russia: 'yes' | 'partly' | 'no';
}

function corpus(): void {
  const manifest = JSON.parse(readFileSync(`${SHARED}/corpus/MANIFEST.json`, 'utf8')) as ManifestEntry[];
  console.log('\n## Topic verdicts on the corpus pages\n');
  console.log('| page | label | verdict | score | article | ok |');
  console.log('|---|---|---|---|---|---|');
  let wrong = 0;
  for (const m of manifest) {
    const html = readFileSync(`${SHARED}/corpus/${m.file}`, 'utf8');
    const r = analyseInput({ html }, data);
    if ('error' in r) {
      console.log(`| ${m.file} | ${m.about_nato_and_russia} | error: ${r.error} | | | ✗ |`);
      wrong++;
      continue;
    }
    const ok =
      m.about_nato_and_russia === 'yes' ? r.verdict === 'relevant' : m.about_nato_and_russia === 'no' ? r.verdict !== 'relevant' : true;
    if (!ok) wrong++;
    console.log(
      `| ${m.file.replace('pages/', '')} | ${m.about_nato_and_russia} | ${r.verdict} | ${r.topic.score} | ${r.isArticle ? 'yes' : 'no'} | ${ok ? '✓' : '✗'} |`,
    );
    if (verbose && !ok) console.log(`|   | reasons: ${r.topic.reasons.join('; ')} | | | | |`);
  }
  console.log(`\n${manifest.length - wrong}/${manifest.length} pages as labelled (yes → relevant, no → not relevant, partly → either).`);
  if (wrong) failed = true;
}

interface GoldQuote {
  start: number;
  end: number;
  text: string;
  speaker: string | null;
}
interface GoldArticle {
  id: string;
  text: string;
  meta: { publication_date?: string; title?: string };
  quotes: GoldQuote[];
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them', 'his', 'hers', 'their', 'us', 'me']);
const trimPunct = (s: string, start: number, end: number): [number, number] => {
  while (start < end && /[\s"'“”‘’«»„.,;:!?()[\]—–-]/.test(s[start] ?? '')) start++;
  while (end > start && /[\s"'“”‘’«»„.,;:!?()[\]—–-]/.test(s[end - 1] ?? '')) end--;
  return [start, end];
};

/** Code-point offsets (Python) → UTF-16 offsets (JavaScript). */
function cpToUtf16(text: string): (cp: number) => number {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (cp) => map[cp] ?? u;
}

/**
 * The surname in an annotated speaker span: the name before any apposition
 * ("Kenneth Baer, a former official" → baer; "Rep. Jim Clyburn (D-S.C.)" →
 * clyburn; "Representative Charles B. Rangel of New York" → rangel), or the
 * name after a leading description ("the White House press secretary, Josh
 * Earnest," → earnest). A name ends in a capitalised word: null when the span
 * is only a description ("the president", "The Florida senator").
 */
function surnameOf(speaker: string): string | null {
  for (const part of speaker.split(/,|\s[―—–-]\s|\swho\s|\swhose\s/)) {
    const s = surnameOfPart(part);
    if (s !== undefined) return s;
  }
  return null;
}

/** The surname of one comma-separated part; undefined when the part is a description, to try the next part. */
function surnameOfPart(part: string): string | null | undefined {
  const whole = part
    .replace(/\([^)]*\)/g, ' ')
    .replace(/['’]s?$/, '')
    .replace(/,?\s+(Jr|Sr|II|III|IV)\.?$/i, '')
    .trim();
  // "Charles B. Rangel of New York" → "Charles B. Rangel"; "secretary of state Hillary Clinton" keeps its name.
  for (const head of [whole.replace(/\s(of|from|at|for|in)\s.*$/, ''), whole]) {
    const words = head.split(/\s+/).filter((w) => /\p{L}/u.test(w));
    while (words.length && /^(the|a|an|only|some|many|several)$/i.test(words[0] ?? '')) words.shift();
    if (!words.length) continue;
    if (PRONOUNS.has((words[0] ?? '').toLowerCase())) return null;
    const last = words[words.length - 1] ?? '';
    if (/^\p{Lu}/u.test(last)) return last.replace(/[^\p{L}'’-]/gu, '').toLowerCase();
  }
  return undefined;
}

/** Lower case without diacritics. */
const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

function quotes(): void {
  const lines = readFileSync(`${SHARED}/corpus/attribution/polnear-dev.jsonl`, 'utf8').split('\n').filter(Boolean);
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  let named = 0;
  let namedRight = 0;
  const misses: string[] = [];
  const falsePos: string[] = [];
  const wrongSpeaker: string[] = [];
  let totalMs = 0;
  let chars = 0;
  for (const line of lines) {
    const art = JSON.parse(line) as GoldArticle;
    const t0 = performance.now();
    const r = analyseInput({ text: art.text, ...(art.meta.publication_date ? { date: art.meta.publication_date } : {}) }, data);
    totalMs += performance.now() - t0;
    chars += art.text.length;
    if ('error' in r) continue;
    const a: Analysis = r;
    const toU = cpToUtf16(art.text);
    const golds = art.quotes.map((q) => {
      const [s, e] = trimPunct(art.text, toU(q.start), toU(q.end));
      return { ...q, s, e };
    });
    const preds = a.quotes
      .filter((q) => q.kind === 'speech')
      .map((q) => {
        const [s, e] = trimPunct(a.text, q.start, q.end);
        return { q, s, e };
      })
      .filter((p) => p.e > p.s);
    gold += golds.length;
    predicted += preds.length;
    const used = new Set<number>();
    for (const g of golds) {
      let match: { q: Quote; s: number; e: number } | null = null;
      preds.forEach((p, i) => {
        if (match || used.has(i)) return;
        const overlap = Math.min(g.e, p.e) - Math.max(g.s, p.s);
        const longer = Math.max(g.e - g.s, p.e - p.s);
        if (overlap > 0 && overlap >= 0.8 * longer) {
          match = p;
          used.add(i);
        }
      });
      const m = match as { q: Quote; s: number; e: number } | null;
      if (!m) {
        misses.push(`${art.id}: «${g.text.slice(0, 90)}» (${g.speaker})`);
        continue;
      }
      tp++;
      const sp = g.speaker?.trim();
      const surname = sp ? surnameOf(sp) : null;
      if (sp && surname) {
        named++;
        // Compared without diacritics: a dataset name "Erdoğan" is the annotated "Erdogan".
        const got = plain(m.q.speaker?.name ?? '');
        if (got.includes(plain(surname))) namedRight++;
        else
          wrongSpeaker.push(
            `${art.id}: «${g.text.slice(0, 70)}» gold=${sp} got=${m.q.speaker?.name ?? 'null'} (${m.q.method ?? '-'}, cue ${m.q.cue ?? '-'})`,
          );
      }
    }
    preds.forEach((p, i) => {
      if (!used.has(i)) falsePos.push(`${art.id}: «${a.text.slice(p.s, Math.min(p.e, p.s + 90))}» (${p.q.speaker?.name ?? 'null'})`);
    });
  }
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const acc = named ? namedRight / named : 0;
  console.log('\n## Quotes and speakers on PolNeAR (development set)\n');
  console.log(`articles ${lines.length} · gold quotes ${gold} · predicted ${predicted} · matched ${tp}`);
  console.log(`precision ${precision.toFixed(3)} · recall ${recall.toFixed(3)} · F1 ${f1.toFixed(3)} (target ≥ 0.95)`);
  console.log(`named-speaker accuracy ${acc.toFixed(3)} over ${named} matched quotes with a named gold speaker (target ≥ 0.90)`);
  console.log(`analysis time ${totalMs.toFixed(0)} ms for ${(chars / 1024).toFixed(0)} KB of text`);
  if (missesToShow) {
    console.log(`\n### Missed (${misses.length})`);
    for (const x of misses.slice(0, missesToShow)) console.log(`- ${x}`);
    console.log(`\n### False positives (${falsePos.length})`);
    for (const x of falsePos.slice(0, missesToShow)) console.log(`- ${x}`);
    console.log(`\n### Wrong speaker (${wrongSpeaker.length})`);
    for (const x of wrongSpeaker.slice(0, missesToShow)) console.log(`- ${x}`);
  }
  if (f1 < 0.95 || acc < 0.9) failed = true;
}

if (only !== 'quotes') corpus();
if (only !== 'corpus') quotes();
process.exitCode = failed ? 1 : 0;
