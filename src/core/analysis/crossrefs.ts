/**
 * Cross-references for each official (organisation, counterparts and
 * colleagues in the article, predecessor and successor, concepts) and the
 * description check: where the article's own words about an official or an
 * organisation contradict the dataset at the article date.
 */
import type { Role } from '../dataset/index.ts';
import { fold } from '../text/fold.ts';
import { spanText, tokenize } from '../text/tokens.ts';
import type { OrgMentionAt } from './attribution.ts';
import type { Context } from './context.ts';
import type { Entity } from './people.ts';
import type { ConceptMention, CrossRef, DescriptionCheck, Official } from './types.ts';

export function crossReferences(ctx: Context, officials: Official[], concepts: ConceptMention[]): CrossRef[] {
  // Paragraphs each concept is named in, for "concepts near this person" (a set lookup per mention).
  const blockOf = blockFinder(ctx);
  const conceptBlocks = new Map(concepts.map((c) => [c.id, new Set(c.mentions.map((m) => blockOf(m.start)))]));
  const roles = new Map<string, Role | null>();
  for (const o of officials) roles.set(o.key, o.id ? ctx.data.roleAt(o.id, ctx.date) : null);
  return officials.map((o) => {
    const role = roles.get(o.key) ?? null;
    const counterparts: string[] = [];
    const colleagues: string[] = [];
    for (const other of officials) {
      if (other.key === o.key) continue;
      const r = roles.get(other.key) ?? null;
      const kind = role?.kind ?? o.kind;
      const otherKind = r?.kind ?? other.kind;
      const country = role?.country ?? o.country;
      const otherCountry = r?.country ?? other.country;
      if (kind && otherKind && kind === otherKind && (country !== otherCountry || (role && r && role.orgId !== r.orgId)))
        counterparts.push(other.key);
      else if (country && otherCountry && country === otherCountry) colleagues.push(other.key);
    }
    let predecessor: CrossRef['predecessor'] = null;
    let successor: CrossRef['successor'] = null;
    if (o.id && role) {
      const n = ctx.data.neighbours(role.officeId, o.id, ctx.date);
      const p = n.predecessor ? ctx.data.people.get(n.predecessor) : undefined;
      const s = n.successor ? ctx.data.people.get(n.successor) : undefined;
      predecessor = p ? { id: p.id, name: p.name } : null;
      successor = s ? { id: s.id, name: s.name } : null;
    }
    const org = role ? ctx.data.organisations.get(role.orgId) : undefined;
    // Concepts mentioned in the same paragraphs as the person.
    const near = concepts.filter((c) => o.mentions.some((m) => conceptBlocks.get(c.id)?.has(blockOf(m.start)))).map((c) => c.id);
    return {
      official: o.key,
      organisation: org ? { id: org.id, name: org.name, description: org.description } : null,
      counterparts,
      colleagues,
      predecessor,
      successor,
      concepts: near.length ? near : concepts.map((c) => c.id),
    };
  });
}

/** The index of the block holding an offset (binary search: blocks are in text order), or -1. */
function blockFinder(ctx: Context): (offset: number) => number {
  const blocks = ctx.blocks;
  return (offset) => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = blocks[mid]?.block;
      if (!b) return -1;
      if (offset < b.start) hi = mid - 1;
      else if (offset >= b.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
}

/** What an intelligence service is for, from the words describing it. */
const SCOPE_WORDS: { re: RegExp; scope: 'domestic' | 'foreign' | 'military' | 'signals' }[] = [
  {
    re: /\b(foreign intelligence|external intelligence|auslandsgeheimdienst|auslandsnachrichtendienst|renseignement exterieur|inteligencia exterior|wywiad zagraniczny|внешней разведки|зовнішньої розвідки)\b/,
    scope: 'foreign',
  },
  {
    re: /\b(military intelligence|militargeheimdienst|renseignement militaire|inteligencia militar|wywiad wojskowy|военной разведки|воєнної розвідки)\b/,
    scope: 'military',
  },
  {
    re: /\b(domestic (security|intelligence)|internal security|security service|counter-?intelligence|inlandsgeheimdienst|renseignement interieur|contraespionaje|kontrwywiad|федеральной службы безопасности|служби безпеки)\b/,
    scope: 'domestic',
  },
  { re: /\b(signals intelligence|eavesdropping)\b/, scope: 'signals' },
];

const SCOPE_LABEL = {
  domestic: 'domestic security service',
  foreign: 'foreign intelligence service',
  military: 'military intelligence service',
  signals: 'signals intelligence agency',
} as const;

export function descriptionChecks(ctx: Context, entities: Entity[], orgs: OrgMentionAt[]): DescriptionCheck[] {
  const out: DescriptionCheck[] = [];
  // Organisations described in apposition: "the FSB, Russia’s foreign intelligence agency".
  const seen = new Set<string>();
  for (const o of orgs) {
    const org = ctx.data.organisations.get(o.id);
    if (!org?.scope || seen.has(`${o.id}`)) continue;
    const tokens = ctx.blocks[o.block]?.tokens ?? [];
    if (tokens[o.to]?.text !== ',') continue;
    const startTok = tokens[o.to + 1];
    if (!startTok) continue;
    let k = o.to + 1;
    while (k < tokens.length && k - o.to < 12 && !/^[,.;:()—–]$/.test(tokens[k]?.text ?? '')) k++;
    const endTok = tokens[k - 1];
    if (!endTok) continue;
    const claimed = spanText(ctx.text, startTok.start, endTok.end);
    const folded = fold(claimed);
    const hit = SCOPE_WORDS.find((s) => s.re.test(folded));
    if (!hit || hit.scope === org.scope) continue;
    seen.add(o.id);
    const right = [...ctx.data.organisations.values()].find(
      (x) => x.country === org.country && x.scope === hit.scope && x.kind === 'intelligence',
    );
    const country = org.country ? (ctx.data.countries.get(org.country)?.name ?? org.country) : '';
    out.push({
      subject: { type: 'organisation', id: org.id, name: org.name },
      claimed,
      start: startTok.start,
      end: endTok.end,
      expected: `${country ? `${country}'s ` : ''}${SCOPE_LABEL[org.scope]}`,
      message:
        `The article calls the ${shortName(org)} “${claimed}”; the dataset has it as ${country ? `${country}'s ` : 'a '}${SCOPE_LABEL[org.scope]}` +
        (right ? ` (${hit.scope === 'foreign' ? 'foreign intelligence' : SCOPE_LABEL[hit.scope]} is the ${shortName(right)}).` : '.'),
    });
  }
  // People: the title or apposition names an office they did not hold on the article date.
  for (const e of entities) {
    if (!e.id) continue;
    const held = ctx.data.allRoles(e.id);
    const now = ctx.data.rolesAt(e.id, ctx.date);
    for (const claim of [
      e.title && e.mentions[0]?.titleStart !== null ? { text: e.title, start: e.mentions[0]?.titleStart ?? 0 } : null,
      e.appositive,
    ]) {
      if (!claim) continue;
      const lower = fold(claim.text);
      if (/\b(former|ex|then|late|onetime|ehemalige|ancien|antiguo|byly|бывший|колишній)\b/.test(lower)) continue;
      const claimedOffices = officesNamed(ctx, claim.text);
      if (claimedOffices.length === 0) continue;
      const matches = (r: Role) => claimedOffices.some((id) => id === r.officeId || sameKindAndCountry(ctx, id, r));
      if (now.some(matches)) continue;
      // Tolerate handovers within a month of the date (reporting lag).
      if (held.some((r) => matches(r) && withinDays(r, ctx.date, 31))) continue;
      const expected = now[0] ? `${now[0].title}${now[0].countryName ? ` (${now[0].countryName})` : ''}` : 'no office on that date';
      out.push({
        subject: { type: 'person', id: e.id, name: e.name },
        claimed: claim.text,
        start: claim.start,
        end: claim.start + claim.text.length,
        expected,
        message: `The article describes ${e.name} as “${claim.text}”; on ${ctx.date} the dataset has: ${expected}.`,
      });
      break;
    }
  }
  return out;
}

function shortName(org: { name: string; aliases: string[] }): string {
  return org.aliases.find((a) => /^[\p{Lu}]{2,6}$/u.test(a)) ?? org.name;
}

/** Dataset offices a role phrase names ("Russia’s defense minister" → ru.defence-minister). */
function officesNamed(ctx: Context, phrase: string): string[] {
  const tokens = tokenize(phrase);
  const found = ctx.data.roleNouns.findAll(tokens);
  if (found.length === 0) return [];
  let country: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const c = ctx.data.countryNames.matchAt(tokens, i);
    if (c) {
      country = c.values[0] ?? null;
      break;
    }
  }
  const ids = found.flatMap((m) => [...m.values]);
  // Generic role nouns ("president") name many offices; only judge when the phrase pins a country or names few offices.
  const filtered = country ? ids.filter((id) => ctx.data.offices.get(id)?.country === country) : ids;
  if (!country && filtered.length > 3) return [];
  return filtered;
}

function sameKindAndCountry(ctx: Context, officeId: string, r: Role): boolean {
  const o = ctx.data.offices.get(officeId);
  return o !== undefined && o.kind === r.kind && o.country === r.country;
}

function withinDays(r: Role, date: string, days: number): boolean {
  const d = Date.parse(date);
  const ms = days * 86_400_000;
  const start = Date.parse(r.start);
  const end = r.end ? Date.parse(r.end) : Number.POSITIVE_INFINITY;
  return d >= start - ms && d <= end + ms;
}
