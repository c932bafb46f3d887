/**
 * The one message contract between the extension's parts. Every message is a
 * `{ type, ...payload }` object; each receiver validates what arrives (shape
 * and sender) before acting, and always answers with a `Reply`, never throws.
 *
 * - `ToBackground`: sent by the content script, popup or options page.
 * - `ToContent`: sent by the popup or background to a tab's content script.
 */
import type { Summary } from '../core/summary.ts';
import { bool, type Check, num, obj, oneOf, str, validate } from '../core/validate.ts';

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
  /** The shipped dataset as JSON, for a content script whose page passed the first check. */
  | { type: 'getDataset' }
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
  getDataset: string;
}

const host = str({ min: 1, max: 253, pattern: /^[a-z0-9.-]+(?::\d+)?$/i });
const toBackgroundChecks: { [K in ToBackground['type']]: Check<Extract<ToBackground, { type: K }>> } = {
  ping: obj({ type: oneOf(['ping'] as const) }),
  reportState: obj({ type: oneOf(['reportState'] as const), quotes: num({ min: 0, integer: true }), relevant: bool }),
  getSiteHighlights: obj({ type: oneOf(['getSiteHighlights'] as const), host }),
  setSiteHighlights: obj({ type: oneOf(['setSiteHighlights'] as const), host, on: bool }),
  injectInto: obj({ type: oneOf(['injectInto'] as const), tabId: num({ min: 0, integer: true }) }),
  listSites: obj({ type: oneOf(['listSites'] as const) }),
  getDataset: obj({ type: oneOf(['getDataset'] as const) }),
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
