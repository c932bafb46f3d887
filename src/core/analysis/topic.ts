/**
 * Topic and article verdicts. Topic: is the article substantially about NATO
 * and/or Russia in security and foreign-policy terms (`relevant`), does it
 * mention them in passing (`passing`), or not at all (`unrelated`)? The score
 * combines how often NATO/Russia and the war against Ukraine come up (the
 * headline counts most), how much security vocabulary surrounds them, and
 * which dataset officials, organisations and concepts appear. Reasons are
 * written for people.
 */
import { NATO_WORDS, OTHER_DOMAIN_STEMS, RUSSIA_WORDS, SECURITY_STEMS, UKRAINE_WAR_WORDS } from '../lexicon/topic.ts';
import { stripPossessive, tokenize } from '../text/tokens.ts';
import type { Context } from './context.ts';
import type { Entity } from './people.ts';
import type { Block, PageMeta, Verdict } from './types.ts';

/** Words of body text read for the topic: enough to judge, bounded so huge pages cost no more. */
const TOPIC_WORD_BUDGET = 6000;

export interface TopicInput {
  ctx: Context;
  entities: Entity[];
  orgIds: Map<string, number>;
  conceptIds: Map<string, number>;
  /** The page's title (`<title>`/og:title): counts as a headline when the text has no headline block. */
  title?: string;
  /** Sensitivity: lower thresholds flag more pages relevant. 'normal' by default. */
  sensitivity?: Sensitivity;
}

export type Sensitivity = 'low' | 'normal' | 'high';
const THRESHOLDS: Record<Sensitivity, { relevant: number; passing: number }> = {
  low: { relevant: 60, passing: 12 },
  normal: { relevant: 45, passing: 8 },
  high: { relevant: 32, passing: 5 },
};

const stemMatcher = (stems: string[]) => {
  const byHead = new Map<string, string[]>();
  for (const s of stems) {
    const head = s.slice(0, 3);
    byHead.set(head, [...(byHead.get(head) ?? []), s]);
  }
  return (key: string) => {
    const cands = byHead.get(key.slice(0, 3));
    return cands?.some((s) => key.startsWith(s));
  };
};
const isSecurity = stemMatcher(SECURITY_STEMS);
const isOtherDomain = stemMatcher(OTHER_DOMAIN_STEMS);

/** Russian/NATO/Ukrainian institutions whose presence marks security news. */
const SECURITY_ORG_KINDS = new Set(['alliance', 'ministry', 'armed-forces', 'intelligence', 'security-council', 'head-of-state-office']);

/**
 * The word a token counts as: without a possessive, and for a compound the part that names NATO, Russia or
 * Ukraine ("NATO-Ostflanke", "Russland-Sanktionen", "Ukraine-Krieg", "anti-NATO").
 */
function topicKey(key: string): string {
  const k = stripPossessive(key);
  if (!k.includes('-') || NATO_WORDS.has(k) || RUSSIA_WORDS.has(k) || UKRAINE_WAR_WORDS.has(k)) return k;
  for (const part of k.split('-')) if (NATO_WORDS.has(part) || RUSSIA_WORDS.has(part) || UKRAINE_WAR_WORDS.has(part)) return part;
  return k;
}

export function topicVerdict(input: TopicInput): { verdict: Verdict; score: number; reasons: string[] } {
  const { ctx } = input;
  const counts = { nato: 0, russia: 0, ukraine: 0, security: 0, other: 0, words: 0 };
  const head = { nato: 0, russia: 0, ukraine: 0, security: 0 };
  for (const bt of ctx.blocks) {
    const isHead = bt.block.kind === 'title' || bt.block.kind === 'heading';
    if (!isHead && counts.words >= TOPIC_WORD_BUDGET) continue;
    if (bt.block.kind === 'credit' || bt.block.kind === 'byline') continue;
    for (const t of bt.tokens) {
      if (t.kind === 'punct') continue;
      const k = topicKey(t.key);
      if (!isHead) counts.words++;
      const target = isHead ? head : counts;
      if (NATO_WORDS.has(k)) target.nato++;
      else if (RUSSIA_WORDS.has(k)) target.russia++;
      else if (UKRAINE_WAR_WORDS.has(k)) target.ukraine++;
      if (isSecurity(k)) target.security++;
      else if (!isHead && isOtherDomain(k)) counts.other++;
    }
  }
  if (input.title && !ctx.blocks.some((b) => b.block.kind === 'title')) {
    for (const t of tokenize(input.title)) {
      if (t.kind === 'punct') continue;
      const k = topicKey(t.key);
      if (NATO_WORDS.has(k)) head.nato++;
      else if (RUSSIA_WORDS.has(k)) head.russia++;
      else if (UKRAINE_WAR_WORDS.has(k)) head.ukraine++;
      if (isSecurity(k)) head.security++;
    }
  }
  // Country names from the dataset in other languages ("Rosja", "Россия") are in RUSSIA_WORDS; officials and organisations add evidence.
  let ruOfficials = 0;
  let natoOfficials = 0;
  let securityOfficials = 0;
  // Each mention of a Russian or NATO official is half a mention of Russia or NATO ("Peskov said" is the Kremlin
  // speaking); one in the headline counts as the headline naming them.
  let officialMentions = 0;
  let headOfficials = 0;
  for (const e of input.entities) {
    if (!e.id) continue;
    const roles = ctx.data.rolesAt(e.id, ctx.date);
    const all = roles.length ? roles : ctx.data.allRoles(e.id);
    const ru = all.some((r) => r.country === 'RU' || r.country === 'BY');
    const nato = all.some((r) => r.orgId.startsWith('nato'));
    if (ru) ruOfficials++;
    if (nato) natoOfficials++;
    if (ru || nato) {
      for (const m of e.mentions) {
        const kind = ctx.blocks[m.block]?.block.kind;
        if (kind === 'title' || kind === 'heading') headOfficials++;
        else officialMentions++;
      }
    }
    if (
      all.some((r) =>
        [
          'defence-minister',
          'foreign-minister',
          'chief-of-defence',
          'intelligence-chief',
          'security-adviser',
          'military-commander',
          'alliance-official',
        ].includes(r.kind),
      )
    )
      securityOfficials++;
  }
  let securityOrgs = 0;
  for (const [id, n] of input.orgIds) {
    const o = ctx.data.organisations.get(id);
    if (o && SECURITY_ORG_KINDS.has(o.kind) && (o.country === 'RU' || o.country === 'UA' || o.id.startsWith('nato'))) securityOrgs += n;
  }
  const concepts = [...input.conceptIds.values()].reduce((a, b) => a + b, 0);

  const words = Math.max(counts.words, 1);
  const per1000 = (n: number) => (n * 1000) / words;
  const core = counts.nato + counts.russia + 0.6 * counts.ukraine + 0.5 * officialMentions;
  const coreDensity = per1000(core);
  const securityDensity = per1000(counts.security);
  const otherDensity = per1000(counts.other);

  // Evidence that NATO/Russia is a subject of the article.
  let subject = Math.min(40, coreDensity * 2.2) + Math.min(15, core * 0.8);
  subject += Math.min(24, (head.nato + head.russia + 0.6 * head.ukraine + Math.min(1, headOfficials)) * 12);
  subject += Math.min(12, (ruOfficials + natoOfficials) * 4) + Math.min(8, concepts * 2) + Math.min(8, securityOrgs);
  // Evidence that it is security / foreign policy.
  // Russian and NATO officials and institutions are themselves foreign-policy context.
  const security = Math.min(
    1,
    (securityDensity +
      head.security * 8 +
      securityOfficials * 4 +
      (ruOfficials + natoOfficials) * 3 +
      concepts * 3 +
      Math.min(securityOrgs, 4) * 2) /
      24,
  );
  const otherPenalty = Math.max(0.35, 1 - Math.max(0, otherDensity - securityDensity * 0.5) / 25);
  const score = Math.round(Math.min(100, subject * (0.35 + 0.65 * security) * otherPenalty));

  const th = THRESHOLDS[input.sensitivity ?? 'normal'];
  // Ukraine alone is a mention of the war only in a security context: a travel piece about Lviv's coffee is unrelated.
  const ukraineAtWar = counts.ukraine + head.ukraine > 0 && security > 0;
  const mentioned = counts.nato + counts.russia + head.nato + head.russia + ruOfficials + natoOfficials > 0 || ukraineAtWar;
  const verdict: Verdict =
    score >= th.relevant && core >= 2 ? 'relevant' : mentioned && score >= th.passing ? 'passing' : mentioned ? 'passing' : 'unrelated';

  const reasons: string[] = [];
  const headParts = [head.nato && 'NATO', head.russia && 'Russia', head.ukraine && 'Ukraine'].filter(Boolean);
  if (headParts.length) reasons.push(`${headParts.join(', ')} in the headline`);
  if (counts.nato) reasons.push(`NATO ×${counts.nato} in the text`);
  if (counts.russia) reasons.push(`Russia ×${counts.russia} in the text`);
  if (counts.ukraine) reasons.push(`Ukraine ×${counts.ukraine} in the text`);
  if (ruOfficials + natoOfficials) reasons.push(`${ruOfficials + natoOfficials} Russian or NATO official(s) from the dataset`);
  if (securityOfficials) reasons.push(`${securityOfficials} security or foreign-policy official(s)`);
  if (concepts) reasons.push(`${input.conceptIds.size} NATO/Russia concept(s) referred to`);
  reasons.push(`security vocabulary: ${securityDensity.toFixed(1)} per 1,000 words`);
  if (otherDensity > securityDensity && counts.other > 3)
    reasons.push(`mostly about other matters (sport, space, business or culture: ${counts.other} words)`);
  if (!mentioned) reasons.unshift('no mention of NATO or Russia');
  return { verdict, score, reasons };
}

/** Is this page a single article (not a home page, section front, search or video page)? */
export function articleVerdict(blocks: readonly Block[], meta: PageMeta): { isArticle: boolean; score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  const og = meta.ogType?.toLowerCase() ?? '';
  if (og === 'article' || og.startsWith('article')) {
    score += 2;
    reasons.push('og:type is article');
  } else if (og === 'video' || og.startsWith('video')) {
    score -= 2;
    reasons.push('og:type is video');
  } else if (og === 'website') {
    score -= 1;
    reasons.push('og:type is website');
  }
  const types = (meta.jsonLdTypes ?? []).map((t) => t.toLowerCase());
  if (
    types.some((t) =>
      /(newsarticle|^article$|blogposting|reportage|analysisnewsarticle|opinionnewsarticle|scholarlyarticle|report$)/.test(t),
    )
  ) {
    score += 2;
    reasons.push('structured data says it is an article');
  } else if (types.some((t) => /(collectionpage|searchresultspage|itemlist)/.test(t))) {
    score -= 2;
    reasons.push('structured data says it is a listing');
  }
  if (meta.hasArticleElement) {
    score += 1;
    reasons.push('has an <article> element');
  }
  const paragraphs = blocks.filter((b) => (b.kind === 'paragraph' || b.kind === 'blockquote') && b.end - b.start >= 80);
  const prose = paragraphs.reduce((n, b) => n + (b.end - b.start), 0);
  if (paragraphs.length >= 3) score += 1;
  if (paragraphs.length >= 6) score += 1;
  if (prose >= 1200) score += 1;
  reasons.push(`${paragraphs.length} paragraphs of prose (${prose} characters)`);
  if ((meta.dates ?? []).length > 0) {
    score += 1;
    reasons.push('has a publication date');
  }
  // Plain text (no page around it): a headline over paragraphs of prose is the text of one article.
  const plainText = meta.pageTextLength === undefined && meta.ogType === undefined && meta.hasArticleElement === undefined;
  if (plainText && blocks[0]?.kind === 'title' && paragraphs.length >= 3) {
    score += 2;
    reasons.push('a headline over paragraphs of plain text');
  }
  // One byline or dateline, as a single article carries (a front page carries many).
  const signed = blocks.filter((b) => b.kind === 'byline' || b.kind === 'dateline').length;
  if (signed >= 1 && signed <= 2 && paragraphs.length >= 3) {
    score += 1;
    reasons.push('has a byline or dateline');
  }
  if (meta.linkDensity !== undefined && meta.linkDensity > 0.5) {
    score -= 2;
    reasons.push(`mostly links (${Math.round(meta.linkDensity * 100)}%)`);
  }
  if (meta.pageTextLength && prose < meta.pageTextLength * 0.15 && paragraphs.length < 4) {
    score -= 1;
    reasons.push('the article is a small part of the page');
  }
  if (meta.url) {
    // No URL class in the core (it runs without web APIs): the path and query are enough.
    const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)(\?[^#]*)?/i.exec(meta.url);
    const path = m?.[1] || '/';
    const query = m?.[2] ?? '';
    if (path === '/') {
      // A front page's address; but some sites give an article its home address as canonical URL.
      const long = prose >= 2000 && paragraphs.length >= 6;
      score -= long ? 1 : 3;
      reasons.push(long ? 'home-page address, but article-length prose' : 'home page');
    }
    if (/\/(search|suche|recherche|buscar)(\/|$)/.test(path) || /[?&]q=/.test(query)) {
      score -= 3;
      reasons.push('search page');
    }
    if (/\/(tag|tags|topic|topics|section|category|author)\/[^/]+\/?$/.test(path)) {
      score -= 1;
      reasons.push('section or tag page');
    }
  }
  return { isArticle: score >= 3, score, reasons };
}
