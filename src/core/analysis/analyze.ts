/**
 * The analysis core's entry point: text blocks and page metadata in, one
 * `Analysis` out. Pure: no DOM, no browser APIs, no clock (today is passed in).
 */
import type { DatasetIndex } from '../dataset/index.ts';
import { attributeQuotes } from './attribution.ts';
import { createContext } from './context.ts';
import { crossReferences, descriptionChecks } from './crossrefs.ts';
import { detectDate } from './date.ts';
import { findConcepts, findOrganisations, summariseOrganisations } from './entities.ts';
import { type Entity, findPeople } from './people.ts';
import { findQuotes } from './quotes.ts';
import { articleVerdict, type Sensitivity, topicVerdict } from './topic.ts';
import type { Analysis, AnalysisInput, Official, Quote } from './types.ts';

export interface AnalyzeOptions {
  sensitivity?: Sensitivity;
}

export function analyze(input: AnalysisInput, data: DatasetIndex, options: AnalyzeOptions = {}): Analysis {
  const { text, blocks, meta } = input;
  const { date, source: dateSource } = detectDate(text, blocks, meta, input.date, input.today);
  const ctx = createContext(text, blocks, data, date);

  const rawQuotes = findQuotes(text, blocks);
  const people = findPeople(ctx);
  const orgMentions = findOrganisations(ctx);
  const quotes = attributeQuotes(ctx, people, orgMentions, rawQuotes);
  const concepts = findConcepts(ctx);
  const organisations = summariseOrganisations(ctx, orgMentions);

  const officials = buildOfficials(ctx.data, date, people.entities, quotes);
  const topic = topicVerdict({
    ctx,
    entities: people.entities,
    orgIds: new Map(organisations.map((o) => [o.id, o.mentions.length])),
    conceptIds: new Map(concepts.map((c) => [c.id, c.mentions.length])),
    ...(meta.title ? { title: meta.title } : {}),
    ...(options.sensitivity ? { sensitivity: options.sensitivity } : {}),
  });
  const article = articleVerdict(blocks, meta);
  let verdict = topic.verdict;
  const topicReasons = [...topic.reasons];
  if (!article.isArticle && verdict === 'relevant') {
    verdict = 'passing';
    topicReasons.unshift('not a single article');
  }
  const titleBlock = blocks.find((b) => b.kind === 'title') ?? blocks.find((b) => b.kind === 'heading');

  return {
    version: 1,
    verdict,
    isArticle: article.isArticle,
    article: { score: article.score, reasons: article.reasons },
    topic: { score: topic.score, reasons: topicReasons },
    title: meta.title ?? (titleBlock ? text.slice(titleBlock.start, titleBlock.end).trim() : null),
    lang: meta.lang ?? null,
    date,
    dateSource,
    text,
    officials,
    quotes,
    organisations,
    concepts,
    crossRefs: crossReferences(ctx, officials, concepts),
    descriptionChecks: descriptionChecks(ctx, people.entities, orgMentions),
    dataset: { version: data.dataset.meta.version, asOf: data.dataset.meta.asOf },
  };
}

/**
 * Officials: dataset people (with their role at the date) and people the
 * article introduces with an office title. Other named people appear only as
 * speakers. Speakers found through a role noun without being named are added.
 */
function buildOfficials(data: DatasetIndex, date: string, entities: Entity[], quotes: Quote[]): Official[] {
  const count = new Map<string, number>();
  for (const q of quotes) if (q.speaker && q.kind === 'speech') count.set(q.speaker.key, (count.get(q.speaker.key) ?? 0) + 1);
  const out: Official[] = [];
  const seen = new Set<string>();
  const push = (o: Official) => {
    seen.add(o.key);
    out.push(o);
  };
  for (const e of entities) {
    const mentions = e.mentions.map((m) => ({ start: m.start, end: m.end })).sort((a, b) => a.start - b.start);
    if (e.id) {
      const role = data.roleAt(e.id, date);
      push({
        key: e.key,
        id: e.id,
        name: e.name,
        role: role ? `${role.acting ? 'Acting ' : ''}${role.title}` : formerRole(data, e.id, date),
        roleSource: 'dataset',
        org: role?.org ?? null,
        country: role?.country ?? null,
        kind: role?.kind ?? null,
        mentions,
        quoteCount: count.get(e.key) ?? 0,
        isOfficial: role !== null,
      });
    } else if (
      e.titleIsOffice ||
      (e.appositive &&
        /\b(minister|secretary|president|ambassador|spokes\w*|general|admiral|commander|chief|director|official|envoy|adviser|advisor|senator|governor|chairman|chair|deputy)\b/i.test(
          e.appositive.text,
        ))
    ) {
      push({
        key: e.key,
        id: null,
        name: e.name,
        role: e.title && e.titleIsOffice ? e.title : (e.appositive?.text ?? null),
        roleSource: 'text',
        org: null,
        country: e.titleCountry,
        kind: null,
        mentions,
        quoteCount: count.get(e.key) ?? 0,
        isOfficial: true,
      });
    }
  }
  // Dataset people who speak only through a role noun ("Russia’s defense minister said").
  for (const q of quotes) {
    const id = q.speaker?.id;
    if (q.speaker?.type !== 'person' || !id || seen.has(q.speaker.key)) continue;
    const role = data.roleAt(id, date);
    push({
      key: q.speaker.key,
      id,
      name: q.speaker.name,
      role: role?.title ?? null,
      roleSource: 'dataset',
      org: role?.org ?? null,
      country: role?.country ?? null,
      kind: role?.kind ?? null,
      mentions: [],
      quoteCount: count.get(q.speaker.key) ?? 0,
      isOfficial: role !== null,
    });
  }
  return out;
}

function formerRole(data: DatasetIndex, id: string, date: string): string | null {
  const past = data.allRoles(id).filter((r) => r.end !== null && r.end <= date);
  const last = past[past.length - 1];
  if (last) return `Former ${last.title}${last.countryName ? ` (${last.countryName})` : ''}`;
  const next = data.allRoles(id).find((r) => r.start > date);
  return next ? `Later ${next.title}${next.countryName ? ` (${next.countryName})` : ''}` : null;
}
