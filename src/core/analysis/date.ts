/**
 * The article's date, which every role is resolved at: page metadata first
 * (published time, JSON-LD, <time>), then the URL, then a date written in the
 * dateline, a caption or the text. Without any, today — and the analysis says so.
 */

import { fold } from '../text/fold.ts';
import { isIsoDate } from '../validate.ts';
import type { Block, DateSource, PageMeta } from './types.ts';

const MONTHS: Record<string, number> = {};
const addMonths = (names: string) => {
  names
    .trim()
    .split(/\s+/)
    .forEach((group, i) => {
      for (const n of group.split('|')) MONTHS[fold(n)] = i + 1;
    });
};
// English, German, French, Spanish, Polish (nominative and genitive), Russian and Ukrainian (genitive), with short forms.
addMonths(
  'january|jan|januar|janvier|enero|styczen|stycznia|января|січня february|feb|februar|fevrier|febrero|luty|lutego|февраля|лютого march|mar|marz|mars|marzo|marzec|marca|марта|березня april|apr|avril|abril|kwiecien|kwietnia|апреля|квітня may|mai|mayo|maj|maja|мая|травня june|jun|juni|juin|junio|czerwiec|czerwca|июня|червня july|jul|juli|juillet|julio|lipiec|lipca|июля|липня august|aug|aout|agosto|sierpien|sierpnia|августа|серпня september|sep|sept|septembre|septiembre|wrzesien|wrzesnia|сентября|вересня october|oct|oktober|octobre|octubre|pazdziernik|pazdziernika|октября|жовтня november|nov|novembre|noviembre|listopad|listopada|ноября|листопада december|dec|dezember|decembre|diciembre|grudzien|grudnia|декабря|грудня',
);

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string | null => {
  const s = `${y}-${pad(m)}-${pad(d)}`;
  return y >= 1990 && y <= 2100 && isIsoDate(s) ? s : null;
};

/** A date from a machine-readable value: ISO 8601 with or without time, or an RFC 2822 style string. */
export function parseMachineDate(value: string): string | null {
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(value.trim());
  if (compact) return iso(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return findDateInText(value);
}

/** A date in a URL path: /2017/02/16/, /2017-02-16/, /20170216/. */
export function dateFromUrl(url: string): string | null {
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(url) ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})\//.exec(url);
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const WORD = '[\\p{L}]+\\.?';
const TEXT_DATES: { re: RegExp; order: 'mdy' | 'dmy' | 'ymd' | 'dmy-num' }[] = [
  { re: new RegExp(`\\b(${WORD})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b`, 'u'), order: 'mdy' },
  { re: new RegExp(`\\b(\\d{1,2})\\.?\\s+(?:de\\s+)?(${WORD})\\s+(?:de\\s+)?((?:19|20)\\d{2})\\b`, 'u'), order: 'dmy' },
  { re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/, order: 'ymd' },
  { re: /\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b/, order: 'dmy-num' },
];

/** The first written date in a piece of text ("February 16, 2017", "16. Februar 2017", "16 февраля 2017"). */
export function findDateInText(text: string): string | null {
  let best: { index: number; value: string } | null = null;
  for (const { re, order } of TEXT_DATES) {
    const m = re.exec(text);
    if (!m) continue;
    let value: string | null = null;
    if (order === 'mdy') {
      const month = MONTHS[fold(m[1] ?? '').replace(/\.$/, '')];
      value = month ? iso(Number(m[3]), month, Number(m[2])) : null;
    } else if (order === 'dmy') {
      const month = MONTHS[fold(m[2] ?? '').replace(/\.$/, '')];
      value = month ? iso(Number(m[3]), month, Number(m[1])) : null;
    } else if (order === 'ymd') value = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    else value = iso(Number(m[3]), Number(m[2]), Number(m[1]));
    if (value && (!best || m.index < best.index)) best = { index: m.index, value };
  }
  return best?.value ?? null;
}

const META_ORDER: DateSource[] = ['meta', 'json-ld', 'time', 'url'];

export function detectDate(
  text: string,
  blocks: readonly Block[],
  meta: PageMeta,
  given: string | undefined,
  today: string,
): { date: string; source: DateSource } {
  if (given && isIsoDate(given)) return { date: given, source: 'given' };
  for (const source of META_ORDER) {
    for (const d of meta.dates ?? []) {
      if (d.source !== source) continue;
      const v = parseMachineDate(d.value);
      if (v) return { date: v, source };
    }
  }
  if (meta.url) {
    const v = dateFromUrl(meta.url);
    if (v) return { date: v, source: 'url' };
  }
  for (const kind of ['dateline', 'caption'] as const) {
    for (const b of blocks) {
      if (b.kind !== kind && !(kind === 'dateline' && b.kind === 'byline')) continue;
      const v = findDateInText(text.slice(b.start, b.end));
      if (v) return { date: v, source: kind };
    }
  }
  // The opening of the text ("WASHINGTON, Feb. 16, 2017 —", or a caption in plain text).
  for (const b of blocks.slice(0, 6)) {
    const v = findDateInText(text.slice(b.start, Math.min(b.end, b.start + 300)));
    if (v) return { date: v, source: 'text' };
  }
  return { date: today, source: 'today' };
}
