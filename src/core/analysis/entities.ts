/**
 * Organisations and concepts named in the text, found in the same token walk
 * as everything else: one trie lookup per token start.
 */
import type { PhraseMatch } from '../text/phrases.ts';
import type { Token } from '../text/tokens.ts';
import type { OrgMentionAt } from './attribution.ts';
import { type Context, NON_PROSE } from './context.ts';
import type { ConceptMention, OrganisationMention, Span } from './types.ts';

/** Short all-caps aliases ("RIA", "SVR") must be written in capitals to count. */
const isAcronym = (s: string) => /^[\p{Lu}\d.-]{2,6}$/u.test(s);

export function findOrganisations(ctx: Context): OrgMentionAt[] {
  const out: OrgMentionAt[] = [];
  for (const { block, index, tokens } of ctx.blocks) {
    if (NON_PROSE.has(block.kind)) continue;
    for (const m of withDeclined(
      ctx,
      tokens,
      ctx.data.orgNames.findAll(tokens, (t: Token) => t.upper),
    )) {
      const first = tokens[m.from];
      const last = tokens[m.to - 1];
      if (!first || !last) continue;
      const surface = ctx.text.slice(first.start, last.end);
      const id = m.values[0];
      const org = id ? ctx.data.organisations.get(id) : undefined;
      if (!org || !id) continue;
      // "Nato" in running text is fine; a one-word alias that is an acronym must look like one.
      const aliasIsAcronym = [org.name, ...org.aliases].some((a) => isAcronym(a) && a.toLowerCase() === surface.toLowerCase());
      if (aliasIsAcronym && m.to - m.from === 1 && surface !== surface.toUpperCase() && surface.length <= 3) continue;
      out.push({ id, name: org.name, block: index, from: m.from, to: m.to, start: first.start });
    }
  }
  return out;
}

/**
 * The exact matches, plus names in another grammatical case where none
 * matched ("в Кремле", "МИД Украины" is exact, "z NATO" needs nothing):
 * Cyrillic, and Latin script in Polish text.
 */
function withDeclined(ctx: Context, tokens: readonly Token[], exact: PhraseMatch<string>[]): PhraseMatch<string>[] {
  const out: PhraseMatch<string>[] = [];
  let next = 0;
  let covered = 0;
  for (let i = 0; i < tokens.length; i++) {
    const e = exact[next];
    if (e && e.from === i) {
      out.push(e);
      covered = e.to;
      next++;
      continue;
    }
    if (i < covered) continue;
    const d = ctx.data.declinedOrgAt(tokens, i, ctx.latinInflects);
    // An exact match that starts inside it wins.
    if (d && !(e && e.from < d.to)) {
      out.push(d);
      covered = d.to;
    }
  }
  return out;
}

export function summariseOrganisations(ctx: Context, found: OrgMentionAt[]): OrganisationMention[] {
  const by = new Map<string, OrganisationMention>();
  for (const f of found) {
    const tokens = ctx.blocks[f.block]?.tokens ?? [];
    const span: Span = { start: tokens[f.from]?.start ?? 0, end: tokens[f.to - 1]?.end ?? 0 };
    const e = by.get(f.id) ?? { id: f.id, name: f.name, mentions: [] };
    e.mentions.push(span);
    by.set(f.id, e);
  }
  return [...by.values()];
}

export function findConcepts(ctx: Context): ConceptMention[] {
  const by = new Map<string, ConceptMention>();
  for (const { block, tokens } of ctx.blocks) {
    if (NON_PROSE.has(block.kind)) continue;
    for (const m of ctx.data.conceptTriggers.findAll(tokens)) {
      const first = tokens[m.from];
      const last = tokens[m.to - 1];
      if (!first || !last) continue;
      // Several concepts may share a trigger ("Istanbul talks"): prefer the one closest to the article date.
      const id = pickByDate(ctx, m.values);
      const c = ctx.data.concepts.get(id);
      if (!c) continue;
      const e = by.get(id) ?? { id, name: c.name, description: c.description, mentions: [] };
      e.mentions.push({ start: first.start, end: last.end });
      by.set(id, e);
    }
  }
  return [...by.values()];
}

function pickByDate(ctx: Context, ids: readonly string[]): string {
  if (ids.length === 1) return ids[0] ?? '';
  const t = Date.parse(ctx.date);
  let best = ids[0] ?? '';
  let bestGap = Number.POSITIVE_INFINITY;
  for (const id of ids) {
    const d = ctx.data.concepts.get(id)?.date;
    if (!d) continue;
    const dt = Date.parse(d);
    // Events after the article date cannot be what it refers to.
    const gap = dt > t ? Number.POSITIVE_INFINITY : t - dt;
    if (gap < bestGap) {
      best = id;
      bestGap = gap;
    }
  }
  return best;
}
