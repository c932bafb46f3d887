/**
 * The one message contract between the extension's parts. Every message is a
 * `{ type, ...payload }` object; each receiver validates what arrives (shape
 * and sender) before acting, and always answers with a `Reply`, never throws.
 *
 * - `ToBackground`: sent by the content script, popup or options page.
 * - `ToContent`: sent by the popup or background to a tab's content script.
 */

import type { Sensitivity } from '../core/analysis/topic.ts';
import type { Analysis, AnalysisInput, BlockKind, DateSource } from '../core/analysis/types.ts';
import { MAX_TEXT_CHARS } from '../core/limits.ts';
import type { Summary } from '../core/summary.ts';
import type { SessionTimings } from '../core/timings.ts';
import { arrayOf, bool, type Check, isoDate, num, obj, oneOf, str, validate } from '../core/validate.ts';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Reply<T> => ({ ok: true, value });
export const err = (error: string): Reply<never> => ({ ok: false, error });

/** What a tab's content script reports about its page. */
export interface TabState {
  /** analysing, or the analysis is ready, or the page was judged not worth analysing. */
  phase: 'idle' | 'analysing' | 'ready' | 'skipped' | 'error';
  highlights: boolean;
  /** The page's host name, for the per-site choice. */
  host: string;
  summary: Summary | null;
  /** Why the page was skipped or failed, in plain words. */
  message?: string;
  /** Milliseconds: the content script's own start-up, then the last run's (see src/core/timings.ts). */
  timings?: RunTimings;
}

export interface RunTimings extends SessionTimings {
  /** The entry: the first check, and on a page that passed it the message listener. */
  script: number;
  /** A skipped page's deferred work, done when the browser was idle: the message listener and the watch for changes. */
  idle: number;
  /** Loading and wiring the rest of the content script, when a page passed or the popup asked. */
  wake: number;
}

// ---- to the content script -------------------------------------------------

export type ToContent =
  | { type: 'getState' }
  | { type: 'setHighlights'; on: boolean }
  | { type: 'analyzeNow' }
  | { type: 'scrollToQuote'; index: number }
  | { type: 'getAnalysis' };

export interface ContentReplies {
  getState: TabState;
  setHighlights: TabState;
  analyzeNow: TabState;
  scrollToQuote: boolean;
  getAnalysis: unknown;
}

const toContentChecks: { [K in ToContent['type']]: Check<Extract<ToContent, { type: K }>> } = {
  getState: obj({ type: oneOf(['getState'] as const) }),
  setHighlights: obj({ type: oneOf(['setHighlights'] as const), on: bool }),
  analyzeNow: obj({ type: oneOf(['analyzeNow'] as const) }),
  scrollToQuote: obj({ type: oneOf(['scrollToQuote'] as const), index: num({ min: 0, integer: true, max: 1e6 }) }),
  getAnalysis: obj({ type: oneOf(['getAnalysis'] as const) }),
};

// ---- to the background -----------------------------------------------------

export type ToBackground =
  | { type: 'ping' }
  | { type: 'reportState'; quotes: number; relevant: boolean }
  | { type: 'getSiteHighlights'; host: string }
  | { type: 'setSiteHighlights'; host: string; on: boolean }
  | { type: 'injectInto'; tabId: number }
  | { type: 'listSites' }
  /**
   * Analyses a page's extracted text in the background, off the page's main thread (the dataset lives there,
   * indexed once for every tab). The reply is the JSON of an `AnalysisReply`, parsed by the content script.
   */
  | { type: 'analyse'; input: AnalysisInput; sensitivity: Sensitivity }
  /** Runs a keyboard command's handler, exactly as pressing the shortcut does (the e2e tests drive it this way). */
  | { type: 'runCommand'; command: 'toggle-highlights' };

export interface BackgroundReplies {
  ping: { version: string };
  reportState: true;
  getSiteHighlights: boolean;
  setSiteHighlights: true;
  injectInto: true;
  listSites: { host: string; on: boolean }[];
  runCommand: boolean | null;
  analyse: string;
}

/** What `analyse` answers (as JSON): the analysis without its text (the page has it), the popup's summary, and the time taken. */
export interface AnalysisReply {
  analysis: Omit<Analysis, 'text'> & { text: '' };
  summary: Summary;
  /** Milliseconds the background spent (dataset indexing on first use included). */
  ms: number;
}

/** Reads an `analyse` answer back into a full analysis, with the page's own text (which the answer leaves out). */
export function readAnalysisReply(json: string, text: string): { analysis: Analysis; summary: Summary; remoteMs: number } {
  const r = JSON.parse(json) as AnalysisReply;
  return { analysis: { ...r.analysis, text }, summary: r.summary, remoteMs: r.ms };
}

const MAX_BLOCKS = 200_000;

const BLOCK_KINDS: readonly BlockKind[] = [
  'title',
  'heading',
  'paragraph',
  'caption',
  'blockquote',
  'list-item',
  'credit',
  'byline',
  'dateline',
];
const DATE_SOURCES: readonly DateSource[] = ['meta', 'json-ld', 'time', 'url', 'dateline', 'caption', 'text', 'given', 'today'];
const offset = num({ min: 0, max: MAX_TEXT_CHARS, integer: true });
const text = (max: number) => str({ max });

const analysisInput: Check<AnalysisInput> = (v, path, issues) => {
  const r = obj(
    {
      text: text(MAX_TEXT_CHARS),
      blocks: arrayOf(obj({ kind: oneOf(BLOCK_KINDS), start: offset, end: offset }), { max: MAX_BLOCKS }),
      meta: obj(
        {
          url: text(4096),
          title: text(2000),
          lang: text(40),
          ogType: text(100),
          jsonLdTypes: arrayOf(text(100), { max: 50 }),
          dates: arrayOf(obj({ value: text(100), source: oneOf(DATE_SOURCES) }), { max: 50 }),
          hasArticleElement: bool,
          linkDensity: num({ min: 0, max: 1 }),
          pageTextLength: num({ min: 0, integer: true }),
        },
        { optional: ['url', 'title', 'lang', 'ogType', 'jsonLdTypes', 'dates', 'hasArticleElement', 'linkDensity', 'pageTextLength'] },
      ),
      date: isoDate,
      today: isoDate,
    },
    { optional: ['date'] },
  )(v, path, issues);
  if (!r) return undefined;
  // Offsets must lie inside the text, in order: the core indexes the text with them.
  let last = 0;
  for (const [i, b] of r.blocks.entries()) {
    if (b.start > b.end || b.end > r.text.length || b.start < last) {
      issues.list.push(`${path}.blocks[${i}]: offsets ${b.start}–${b.end} are out of order or outside the text`);
      return undefined;
    }
    last = b.end;
  }
  return r;
};

const host = str({ min: 1, max: 253, pattern: /^[a-z0-9.-]+(?::\d+)?$/i });
const toBackgroundChecks: { [K in ToBackground['type']]: Check<Extract<ToBackground, { type: K }>> } = {
  ping: obj({ type: oneOf(['ping'] as const) }),
  reportState: obj({ type: oneOf(['reportState'] as const), quotes: num({ min: 0, integer: true }), relevant: bool }),
  getSiteHighlights: obj({ type: oneOf(['getSiteHighlights'] as const), host }),
  setSiteHighlights: obj({ type: oneOf(['setSiteHighlights'] as const), host, on: bool }),
  injectInto: obj({ type: oneOf(['injectInto'] as const), tabId: num({ min: 0, integer: true }) }),
  listSites: obj({ type: oneOf(['listSites'] as const) }),
  analyse: obj({
    type: oneOf(['analyse'] as const),
    input: analysisInput,
    sensitivity: oneOf(['low', 'normal', 'high'] as const),
  }),
  runCommand: obj({ type: oneOf(['runCommand'] as const), command: oneOf(['toggle-highlights'] as const) }),
};

function parseWith<M extends { type: string }>(
  checks: Record<string, Check<unknown>>,
  value: unknown,
): { ok: true; message: M } | { ok: false; error: string } {
  if (typeof value !== 'object' || value === null) return { ok: false, error: 'message must be an object' };
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(checks, type)) {
    // Never JSON.stringify what arrived: a BigInt (structured clone lets one through in Firefox) would throw.
    const shown = typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : typeof type;
    return { ok: false, error: `unknown message type ${shown}` };
  }
  const r = validate(checks[type] as Check<unknown>, value);
  if (r.ok) return { ok: true, message: r.value as M };
  // A short reply however much was wrong (a message with thousands of unknown keys).
  const more = r.errors.length > 3 ? `; and ${r.errors.length - 3} more` : '';
  return { ok: false, error: `malformed ${type}: ${r.errors.slice(0, 3).join('; ')}${more}`.slice(0, 300) };
}

export const parseToContent = (v: unknown) => parseWith<ToContent>(toContentChecks, v);
export const parseToBackground = (v: unknown) => parseWith<ToBackground>(toBackgroundChecks, v);

export const TO_BACKGROUND_TYPES = Object.keys(toBackgroundChecks) as ToBackground['type'][];
export const TO_CONTENT_TYPES = Object.keys(toContentChecks) as ToContent['type'][];
