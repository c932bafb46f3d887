/**
 * Runs the same page layer and core as the extension, in Node.
 *   npm run -s analyze -- <file.html | file.txt | -> [--date YYYY-MM-DD] [--url URL] [--pretty]
 *   npm run -s analyze -- --batch <file.jsonl>   (lines: {"id", "text" or "html", "date"?, "url"?})
 * Prints one JSON analysis per input. Bad input gives {"error": …}; a batch
 * never stops at a bad line; the exit code is non-zero only when nothing
 * could be analysed.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { textToBlocks } from '../core/analysis/plaintext.ts';
import { analyzeAll } from '../core/analysis/progressive.ts';
import type { Analysis } from '../core/analysis/types.ts';
import { bundledDataset, DatasetError } from '../core/dataset/bundled.ts';
import type { DatasetIndex } from '../core/dataset/index.ts';
import { isIsoDate } from '../core/validate.ts';
import { extractArticle } from '../page/extract.ts';
import { emit, flag, parseArgs } from './args.ts';
import { decodeBytes } from './decode.ts';
import { parseHtml } from './dom.ts';

export interface Input {
  text?: string;
  html?: string;
  date?: string;
  url?: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Looks like HTML: a tag near the start, or a document structure. */
export function looksLikeHtml(s: string): boolean {
  const head = s.slice(0, 2000).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(p|div|article|body|head|h1)[\s>]/.test(head);
}

export function analyseInput(input: Input, data: DatasetIndex): Analysis | { error: string } {
  if (input.date !== undefined && !isIsoDate(input.date))
    return { error: `invalid date ${JSON.stringify(input.date)}: expected YYYY-MM-DD` };
  const base = { today: today(), ...(input.date ? { date: input.date } : {}) };
  if (typeof input.html === 'string') {
    if (!input.html.trim()) return { error: 'empty page: no HTML to analyse' };
    const doc = parseHtml(input.html, input.url ?? 'https://localhost/');
    const x = extractArticle(doc, input.url ? { url: input.url } : {});
    if (!doc.body?.textContent?.trim()) return { error: 'the page has no text' };
    // A page with text but no article in it is a result, not an error: unrelated, not an article.
    return analyzeAll({ text: x.text, blocks: x.blocks, meta: x.meta, ...base }, data);
  }
  if (typeof input.text === 'string') {
    if (!input.text.trim()) return { error: 'empty text: nothing to analyse' };
    return analyzeAll({ text: input.text, blocks: textToBlocks(input.text), meta: input.url ? { url: input.url } : {}, ...base }, data);
  }
  return { error: 'expected "text" or "html"' };
}

/** What the command says when the analysis throws, for one file or one batch line alike. */
const analysisFailed = (e: unknown) => `analysis failed: ${e instanceof Error ? e.message : String(e)}`;

/** A JSONL batch: UTF-8, as JSON is. */
function readInput(path: string): string {
  return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
}

/** A page or a text: decoded as a browser would (byte order mark, then a page's <meta> charset; see decode.ts). */
function readDocument(path: string): { content: string; isHtml: boolean } {
  const bytes = readFileSync(path === '-' ? 0 : path);
  const named = /\.x?html?$/i.test(path) ? true : /\.txt$/i.test(path) ? false : null;
  // Whether it is HTML decides whether a <meta> may name the charset: from the name, else from the bytes as ASCII.
  const isHtml = named ?? looksLikeHtml(new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096)));
  return { content: decodeBytes(bytes, isHtml).text, isHtml };
}

function main(): number {
  const args = parseArgs(process.argv.slice(2), ['date', 'url', 'batch']);
  const pretty = args.flags.has('pretty');
  let data: DatasetIndex;
  try {
    data = bundledDataset();
  } catch (e) {
    emit({ error: e instanceof DatasetError ? e.message : String(e) });
    return 2;
  }
  const batch = flag(args, 'batch');
  if (batch) {
    let text: string;
    try {
      text = readInput(batch);
    } catch (e) {
      emit({ error: `cannot read ${batch}: ${e instanceof Error ? e.message : String(e)}` });
      return 2;
    }
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let item: unknown;
      try {
        item = JSON.parse(line);
      } catch {
        emit({ id: null, line: i + 1, error: 'not valid JSON' });
        return;
      }
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        emit({ id: null, line: i + 1, error: 'expected an object {"id", "text" or "html", "date"?, "url"?}' });
        return;
      }
      const o = item as Record<string, unknown>;
      const id = typeof o.id === 'string' || typeof o.id === 'number' ? o.id : null;
      const bad = (['text', 'html', 'date', 'url'] as const).find((k) => o[k] !== undefined && typeof o[k] !== 'string');
      if (bad) {
        emit({ id, line: i + 1, error: `"${bad}" must be a string` });
        return;
      }
      try {
        const r = analyseInput(o as Input, data);
        emit({ id, ...r });
      } catch (e) {
        emit({ id, line: i + 1, error: analysisFailed(e) });
      }
    });
    return 0;
  }
  const path = args.positional[0];
  if (!path) {
    process.stderr.write(
      'usage: npm run -s analyze -- <file.html | file.txt | -> [--date YYYY-MM-DD] [--url URL] | --batch <file.jsonl>\n',
    );
    return 2;
  }
  let doc: { content: string; isHtml: boolean };
  try {
    doc = readDocument(path);
  } catch (e) {
    emit({ error: `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}` });
    return 2;
  }
  const { content, isHtml } = doc;
  const date = flag(args, 'date');
  const url = flag(args, 'url');
  const input: Input = { ...(isHtml ? { html: content } : { text: content }), ...(date ? { date } : {}), ...(url ? { url } : {}) };
  let r: ReturnType<typeof analyseInput>;
  try {
    r = analyseInput(input, data);
  } catch (e) {
    // Whatever a page does to the parser or the reader (a stack overflow, say), the answer is JSON.
    r = { error: analysisFailed(e) };
  }
  emit(r, pretty);
  return 'error' in r ? 1 : 0;
}

// Run only as a command, not when imported by tests or the evaluation.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
