/**
 * Page → analysis input. Finds the article's main content, splits it into
 * leaf blocks (paragraphs, headings, captions, quotes, list items) and reads
 * their text exactly as mark.js will see it (same text nodes, same
 * exclusions), so the core's offsets map straight back onto text nodes.
 * Reads only: never changes the page.
 */
import type { Block, BlockKind, DateSource, PageMeta } from '../core/analysis/types.ts';

/**
 * Subtrees whose text is never ours to read or mark. Selector pairs (X, X *) because mark.js checks a text node's parent only.
 * Includes everything mark.js always skips (script, style, title, head, html): text it skips but we read would shift every
 * offset after it (a <title> inside a <p> is valid HTML).
 */
const EXCLUDED = [
  'script',
  'style',
  'title',
  'head',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'video',
  'audio',
  '[contenteditable]:not([contenteditable="false"])',
  '[hidden]',
  '[aria-hidden="true"]',
  '[style*="display:none"]',
  '[style*="display: none"]',
  '[data-sourcelight-ui]',
];
const EXCLUDE_SELECTORS: string[] = EXCLUDED.flatMap((s) => [s, `${s} *`]);
/** The same as one selector list: one native matches() call instead of one per selector. */
export const EXCLUDE_ONE = EXCLUDE_SELECTORS.join(',');
/** The excluded elements themselves (without their descendants): does a block hold any at all? */
export const EXCLUDED_ELEMENTS = EXCLUDED.join(',');

/** Elements whose whole subtree is page furniture, not the article. */
const SKIP_TAGS = new Set([
  'NAV',
  'ASIDE',
  'FOOTER',
  'FORM',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'SVG',
  'MATH',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'OBJECT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'CODE',
  'PRE',
  'DIALOG',
  'MENU',
]);
const SKIP_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'menu',
  'menubar',
  'toolbar',
  'alert',
  'marquee',
]);
/** Class/id words of furniture: related lists, comments, ads, sharing, newsletters. */
const SKIP_CLASS =
  /(^|[\s_-])(related|recommend\w*|comments?|comment-\w+|disqus|ads?|advert\w*|sponsor\w*|promo\w*|share|sharing|social|newsletter|subscribe|subscription|paywall|cookie\w*|consent|sidebar|widget|outbrain|taboola|most-?read|most-?popular|trending|popular|more-stories|read-more-links|breadcrumbs?|pagination|tags|topics-list|author-bio|bio-box|footer|masthead|site-header|nav\w*|menu)($|[\s_-])/i;

const BLOCK_TAGS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'DD',
  'DT',
  'TD',
  'TH',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FIGURE',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'TR',
  'TBODY',
  'THEAD',
  'CAPTION',
  'ADDRESS',
  'SUMMARY',
  'DETAILS',
]);

const CONTENT_SELECTORS = [
  '[itemprop="articleBody"]',
  'article [class*="article-body"]',
  'article [class*="story-body"]',
  '[class*="article-body"]',
  '[class*="articleBody"]',
  '[class*="story-body"]',
  '[class*="entry-content"]',
  '[class*="post-content"]',
  '#article-body',
  'article',
  '[role="main"]',
  'main',
];
const CONTENT_ANY = CONTENT_SELECTORS.join(',');

export interface ExtractedBlock extends Block {
  element: Element;
}

export interface Extraction {
  text: string;
  blocks: ExtractedBlock[];
  meta: PageMeta;
  /** The element taken as the article's content. */
  root: Element;
}

/** The text mark.js sees in an element: its text nodes, minus excluded subtrees. */
export function markableText(el: Element): string {
  if (el.matches(EXCLUDE_ONE)) return '';
  // Most paragraphs are plain text: no per-node checks needed.
  if (el.childElementCount === 0) return el.textContent ?? '';
  let out = '';
  const excluded = new Map<Element, boolean>();
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent && parent !== el) {
      let ex = excluded.get(parent);
      if (ex === undefined) {
        ex = parent.matches(EXCLUDE_ONE);
        excluded.set(parent, ex);
      }
      if (ex) continue;
    }
    out += n.nodeValue ?? '';
  }
  return out;
}

function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  // Attribute reads, not a selector match: this runs for every element of the article.
  const editable = el.getAttribute('contenteditable');
  if ((editable !== null && editable !== 'false') || el.hasAttribute('data-sourcelight-ui')) return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  // Site header and footer (the article's own <header> holds its headline and stays).
  if (el.tagName === 'HEADER' && !el.closest('article, main, [itemprop="articleBody"]')) return true;
  const cls = `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;
  return cls.trim() !== '' && SKIP_CLASS.test(cls) && !/(article|story|entry|post)[-_]?(body|content|text)/i.test(cls);
}

/** Picks the element holding the article: a known content container, else the element with the most paragraph text. */
export function findContentRoot(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  // One walk of the page for every kind of container, then the kinds in order of preference.
  const all = [...doc.querySelectorAll(CONTENT_ANY)].filter((e) => !e.closest('nav, aside, footer'));
  for (const sel of CONTENT_SELECTORS) {
    const cands = all.filter((e) => e.matches(sel));
    if (cands.length === 0) continue;
    // Several <article>s: the one with the most paragraph text (a list page has many small ones).
    let best: Element | null = null;
    let bestLen = 0;
    for (const c of cands) {
      let len = 0;
      for (const p of c.querySelectorAll('p')) len += p.textContent?.length ?? 0;
      if (len > bestLen) {
        best = c;
        bestLen = len;
      }
    }
    if (best && bestLen >= 200) return best;
  }
  // Readability-lite: credit each paragraph's text to its parent and grandparent.
  const score = new Map<Element, number>();
  for (const p of doc.querySelectorAll('p')) {
    const len = p.textContent?.trim().length ?? 0;
    if (len < 40) continue;
    const parent = p.parentElement;
    if (parent) score.set(parent, (score.get(parent) ?? 0) + len);
    const grand = parent?.parentElement;
    if (grand) score.set(grand, (score.get(grand) ?? 0) + len / 2);
  }
  let best: Element = body;
  let bestScore = 0;
  for (const [el, s] of score) {
    if (s > bestScore && !el.closest('nav, aside, footer')) {
      best = el;
      bestScore = s;
    }
  }
  return best;
}

function kindOf(el: Element, inQuote: boolean): BlockKind {
  const tag = el.tagName.toUpperCase();
  const cls = `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;
  if (tag === 'FIGCAPTION' || /caption/i.test(cls)) return 'caption';
  if (/(credit|copyright|photographer|photo-source)/i.test(cls)) return 'credit';
  if (/(byline|author)/i.test(cls)) return 'byline';
  if (/(^|[\s_-])(dateline|timestamp|published|pubdate|date|dates|time)($|[\s_-])/i.test(cls)) return 'dateline';
  if (tag === 'H1') return 'title';
  if (/^H[2-6]$/.test(tag)) return 'heading';
  if (inQuote || tag === 'BLOCKQUOTE') return 'blockquote';
  if (tag === 'LI' || tag === 'DD' || tag === 'DT') return 'list-item';
  return 'paragraph';
}

/** Leaf blocks under root in document order: block elements with no block element inside. */
function collectBlocks(root: Element): { element: Element; kind: BlockKind }[] {
  const out: { element: Element; kind: BlockKind }[] = [];
  const visit = (el: Element, inQuote: boolean): boolean => {
    // The root was chosen as the article: its own class names ("share", "promo") do not disqualify it.
    if (el !== root && isSkipped(el)) return false;
    const quote = inQuote || el.tagName === 'BLOCKQUOTE';
    let hasBlockChild = false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (visit(c, quote)) hasBlockChild = true;
    }
    const isBlock = BLOCK_TAGS.has(el.tagName.toUpperCase());
    if (isBlock && !hasBlockChild) out.push({ element: el, kind: kindOf(el, quote) });
    return isBlock || hasBlockChild;
  };
  visit(root, root.closest('blockquote') !== null);
  return out;
}

/**
 * Reads the article from a document. `budget` caps the text read (characters);
 * the rest of a giant page is left out rather than slowing the reader down.
 */
export function extractArticle(doc: Document, opts: ExtractOptions = {}): Extraction {
  const steps = extractArticleInSteps(doc, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface ExtractOptions {
  url?: string;
  budget?: number;
}

/** Blocks read between two points where the caller may yield to the page. */
const BLOCKS_PER_STEP = 200;

/**
 * The same reading in steps: pauses after each whole-page walk and every few
 * hundred blocks, so the page session can yield to the page in between on a
 * giant page (reading a 1 MB article took one 40–90 ms task).
 */
export function* extractArticleInSteps(doc: Document, opts: ExtractOptions = {}): Generator<void, Extraction, void> {
  const root = findContentRoot(doc);
  yield;
  const found = collectBlocks(root);
  // The headline often sits outside the content container.
  const h1 = doc.querySelector('h1');
  if (h1 && !root.contains(h1) && !h1.closest('nav, footer, aside') && !isSkippedChain(h1)) found.unshift({ element: h1, kind: 'title' });
  yield;
  const blocks: ExtractedBlock[] = [];
  let text = '';
  const budget = opts.budget ?? Number.POSITIVE_INFINITY;
  for (const [i, { element, kind }] of found.entries()) {
    if (i > 0 && i % BLOCKS_PER_STEP === 0) yield;
    const t = markableText(element);
    if (!t.trim()) continue;
    if (text.length + t.length > budget) break;
    if (text) text += '\n\n';
    const start = text.length;
    text += t;
    blocks.push({ kind, start, end: text.length, element });
  }
  yield;
  return { text, blocks, meta: readMeta(doc, root, opts.url), root };
}

function isSkippedChain(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isSkipped(e)) return true;
  return false;
}

const META_DATE_NAMES = [
  'article:published_time',
  'og:published_time',
  'datePublished',
  'date',
  'pubdate',
  'publishdate',
  'dc.date.issued',
  'dc.date',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
  'publication_date',
];

/** Page metadata the core uses: title, language, og:type, JSON-LD types and dates, link density. */
export function readMeta(doc: Document, root: Element, url?: string): PageMeta {
  // Every <meta> once, first in document order wins (a query per key walked the whole page on each miss).
  const metas = new Map<string, string>();
  for (const m of doc.getElementsByTagName('meta')) {
    const content = m.getAttribute('content');
    if (content === null) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = m.getAttribute(attr);
      if (key && !metas.has(key)) metas.set(key, content);
    }
  }
  const metaContent = (key: string) => metas.get(key);
  const dates: { value: string; source: DateSource }[] = [];
  for (const name of META_DATE_NAMES) {
    const v = metaContent(name) ?? metaContent(name.toLowerCase());
    if (v) dates.push({ value: v, source: 'meta' });
  }
  const jsonLdTypes: string[] = [];
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      walkJsonLd(JSON.parse(s.textContent ?? ''), jsonLdTypes, dates, 0);
    } catch {
      // A page's broken JSON-LD is its own business.
    }
  }
  const time =
    root.querySelector('time[datetime]') ??
    doc.querySelector('article time[datetime], time[datetime][itemprop="datePublished"], time[pubdate]');
  const dt = time?.getAttribute('datetime');
  if (dt) dates.push({ value: dt, source: 'time' });
  const itemDate = doc.querySelector('[itemprop="datePublished"]');
  const idv = itemDate?.getAttribute('content') ?? itemDate?.getAttribute('datetime');
  if (idv) dates.push({ value: idv, source: 'meta' });

  const body = doc.body;
  const pageText = body?.textContent?.length ?? 0;
  let linkText = 0;
  for (const a of root.querySelectorAll('a')) linkText += a.textContent?.length ?? 0;
  const rootText = root.textContent?.length ?? 0;
  const ogTitle = metaContent('og:title');
  const ogType = metaContent('og:type');
  const lang = doc.documentElement.getAttribute('lang') ?? metaContent('og:locale');
  const title = ogTitle ?? (doc.title || undefined);
  const href = url ?? metaContent('og:url') ?? doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  return {
    ...(href ? { url: href } : {}),
    ...(title ? { title: title.trim() } : {}),
    ...(lang ? { lang } : {}),
    ...(ogType ? { ogType } : {}),
    jsonLdTypes,
    dates,
    hasArticleElement: doc.querySelector('article, [itemprop="articleBody"]') !== null,
    linkDensity: rootText ? linkText / rootText : 0,
    pageTextLength: pageText,
  };
}

function walkJsonLd(v: unknown, types: string[], dates: { value: string; source: DateSource }[], depth: number): void {
  if (depth > 6 || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v.slice(0, 50)) walkJsonLd(x, types, dates, depth + 1);
    return;
  }
  const o = v as Record<string, unknown>;
  const t = o['@type'];
  if (typeof t === 'string') types.push(t);
  else if (Array.isArray(t)) for (const x of t) if (typeof x === 'string') types.push(x);
  const dp = o.datePublished ?? o.dateCreated;
  if (typeof dp === 'string') dates.push({ value: dp, source: 'json-ld' });
  if (o['@graph']) walkJsonLd(o['@graph'], types, dates, depth + 1);
  if (o.mainEntity) walkJsonLd(o.mainEntity, types, dates, depth + 1);
}
