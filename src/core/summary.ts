/**
 * The popup's view of an analysis: who is quoted (with role at the article
 * date, quotes shortened), who is only mentioned, cross-references and
 * description checks — small enough to pass in one message, and with no
 * page HTML in it (every string is plain text, rendered as text).
 */

import type { Analysis, Official } from './analysis/types.ts';
import type { DatasetIndex } from './dataset/index.ts';

export interface PersonSummary {
  key: string;
  id: string | null;
  name: string;
  role: string | null;
  roleSource: 'dataset' | 'text' | null;
  org: string | null;
  countryName: string | null;
  inDataset: boolean;
  /** Index into the speaker palette; stable within a page. */
  colour: number;
  quoteCount: number;
  quotes: { index: number; text: string }[];
}

export interface CrossRefSummary {
  key: string;
  organisation: { name: string; description: string } | null;
  counterparts: string[];
  colleagues: string[];
  predecessor: string | null;
  successor: string | null;
  concepts: { name: string; description: string }[];
}

export interface Summary {
  verdict: Analysis['verdict'];
  isArticle: boolean;
  topicScore: number;
  reasons: string[];
  title: string | null;
  url: string | null;
  date: string;
  dateSource: Analysis['dateSource'];
  speakers: PersonSummary[];
  /** Organisations quoted ("the Kremlin said"). */
  organisations: { key: string; name: string; quoteCount: number; quotes: { index: number; text: string }[] }[];
  mentioned: PersonSummary[];
  unattributed: { index: number; text: string }[];
  crossRefs: CrossRefSummary[];
  concepts: { id: string; name: string; description: string }[];
  descriptionChecks: { message: string; claimed: string; expected: string }[];
  counts: { quotes: number; speech: number; scare: number; officials: number };
  dataset: { version: string; asOf: string };
}

export const MAX_QUOTE_CHARS = 140;

export function shorten(s: string, max = MAX_QUOTE_CHARS): string {
  const clean = s.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, '')}…`;
}

export function summarise(a: Analysis, data: DatasetIndex, url: string | null = null): Summary {
  const speech = a.quotes.filter((q) => q.kind === 'speech');
  const colourOf = new Map<string, number>();
  for (const q of speech) if (q.speaker && !colourOf.has(q.speaker.key)) colourOf.set(q.speaker.key, colourOf.size);
  const countryName = (code: string | null) => (code ? (data.countries.get(code)?.name ?? code) : null);
  const person = (o: Official): PersonSummary => {
    const quotes = speech.filter((q) => q.speaker?.key === o.key).map((q) => ({ index: q.index, text: shorten(q.text) }));
    return {
      key: o.key,
      id: o.id,
      name: o.name,
      role: o.role,
      roleSource: o.roleSource,
      org: o.org,
      countryName: countryName(o.country),
      inDataset: o.id !== null,
      colour: colourOf.get(o.key) ?? -1,
      quoteCount: quotes.length,
      quotes,
    };
  };
  const byKey = new Map(a.officials.map((o) => [o.key, o]));
  const speakers: PersonSummary[] = [];
  const organisations: Summary['organisations'] = [];
  for (const key of colourOf.keys()) {
    const o = byKey.get(key);
    if (o) {
      speakers.push(person(o));
      continue;
    }
    const q = speech.find((x) => x.speaker?.key === key);
    if (!q?.speaker) continue;
    const quotes = speech.filter((x) => x.speaker?.key === key).map((x) => ({ index: x.index, text: shorten(x.text) }));
    if (q.speaker.type === 'organisation') organisations.push({ key, name: q.speaker.name, quoteCount: quotes.length, quotes });
    else {
      // A named person who is not an official (a pollster, a witness): shown as a speaker, marked as not in the dataset.
      speakers.push({
        key,
        id: null,
        name: q.speaker.name,
        role: null,
        roleSource: null,
        org: null,
        countryName: null,
        inDataset: false,
        colour: colourOf.get(key) ?? -1,
        quoteCount: quotes.length,
        quotes,
      });
    }
  }
  const mentioned = a.officials.filter((o) => !colourOf.has(o.key)).map(person);
  const name = (key: string) => byKey.get(key)?.name ?? key;
  const conceptById = new Map(a.concepts.map((c) => [c.id, c]));
  return {
    verdict: a.verdict,
    isArticle: a.isArticle,
    topicScore: a.topic.score,
    reasons: a.topic.reasons,
    title: a.title,
    url,
    date: a.date,
    dateSource: a.dateSource,
    speakers,
    organisations,
    mentioned,
    unattributed: speech.filter((q) => !q.speaker).map((q) => ({ index: q.index, text: shorten(q.text) })),
    crossRefs: a.crossRefs.map((c) => ({
      key: c.official,
      organisation: c.organisation ? { name: c.organisation.name, description: c.organisation.description } : null,
      counterparts: c.counterparts.map(name),
      colleagues: c.colleagues.map(name),
      predecessor: c.predecessor?.name ?? null,
      successor: c.successor?.name ?? null,
      concepts: c.concepts.flatMap((id) => {
        const k = conceptById.get(id);
        return k ? [{ name: k.name, description: k.description }] : [];
      }),
    })),
    concepts: a.concepts.map((c) => ({ id: c.id, name: c.name, description: c.description })),
    descriptionChecks: a.descriptionChecks.map((d) => ({ message: d.message, claimed: d.claimed, expected: d.expected })),
    counts: { quotes: a.quotes.length, speech: speech.length, scare: a.quotes.length - speech.length, officials: a.officials.length },
    dataset: a.dataset,
  };
}

/**
 * The "Copy summary" Markdown: headline, URL, date, then each speaker with
 * role and quotes (in full when the analysis is given), then officials only
 * mentioned and the description checks.
 */
export function toMarkdown(s: Summary, a?: Analysis): string {
  const esc = (x: string) => x.replace(/([\\`*_[\]#<>|])/g, '\\$1');
  const full = (i: number, short: string) => a?.quotes[i]?.text.replace(/\s+/g, ' ').trim() ?? short;
  const lines: string[] = [];
  lines.push(`# ${esc(s.title ?? 'Untitled article')}`, '');
  if (s.url) lines.push(`- URL: <${s.url}>`);
  lines.push(`- Date: ${s.date}${s.dateSource === 'today' ? ' (no date found; today used)' : ''}`);
  lines.push(`- Verdict: ${s.verdict}`, '');
  if (s.speakers.length || s.organisations.length) {
    lines.push('## Speakers', '');
    for (const p of s.speakers) {
      const role = [p.role, p.org, p.countryName].filter(Boolean).join(', ');
      lines.push(`### ${esc(p.name)}${role ? ` — ${esc(role)}` : ''}${p.inDataset ? '' : ' (not in dataset)'}`, '');
      for (const q of p.quotes) lines.push(`- “${esc(full(q.index, q.text))}”`);
      lines.push('');
    }
    for (const o of s.organisations) {
      lines.push(`### ${esc(o.name)} (organisation)`, '');
      for (const q of o.quotes) lines.push(`- “${esc(full(q.index, q.text))}”`);
      lines.push('');
    }
  }
  if (s.mentioned.length) {
    lines.push('## Mentioned, not quoted', '');
    for (const p of s.mentioned) lines.push(`- ${esc(p.name)}${p.role ? ` — ${esc(p.role)}` : ''}`);
    lines.push('');
  }
  if (s.unattributed.length) {
    lines.push('## Quotes without a speaker', '');
    for (const q of s.unattributed) lines.push(`- “${esc(full(q.index, q.text))}”`);
    lines.push('');
  }
  if (s.descriptionChecks.length) {
    lines.push('## Description checks', '');
    for (const d of s.descriptionChecks) lines.push(`- ${esc(d.message)}`);
    lines.push('');
  }
  lines.push(`_Roles as of ${s.date}, from the Sourcelight dataset ${s.dataset.version} (checked to ${s.dataset.asOf})._`);
  return `${lines.join('\n')}\n`;
}
