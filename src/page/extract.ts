/**
 * Page → analysis input. Finds the article's main content, splits it into
 * leaf blocks (paragraphs, headings, captions, quotes, list items) and reads
 * their text exactly as mark.js will see it (same text nodes, same
 * exclusions), so the core's offsets map straight back onto text nodes.
 * Reads only: never changes the page.
 */
import { findDateInText } from '../core/analysis/date.ts';
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
  /** The element whose text the block is; with `part`, the element whose child nodes hold the block's text. */
  element: Element;
  /** Set for a block cut from loose text (see BlockPart); absent when the block is the whole element. */
  part?: BlockPart;
}

/**
 * A block that is not a whole element: text written straight into a container
 * between its block children ("<div>Loose text<figure>…</figure>More text<p>…</p></div>"),
 * or a paragraph of an element split at double line breaks ("a<br><br>b").
 * Its nodes are the element's child nodes strictly between `after` and
 * `before` (null: from the first child, to the last). Both are elements that
 * highlighting never splits or removes, so they still delimit the run after
 * marks were added and removed. The block's text starts `offset` characters
 * into the markable text of those nodes (partText).
 */
export interface BlockPart {
  after: Element | null;
  before: Element | null;
  offset: number;
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
  // An empty element needs no selector match (costly where ancestors are many: a page of thousands of empty boxes).
  if (!el.firstChild || el.matches(EXCLUDE_ONE)) return '';
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

/** The child nodes of a part: those of `el` strictly between its `after` and `before`. */
export function partNodes(el: Element, part: Pick<BlockPart, 'after' | 'before'>): Node[] {
  const nodes: Node[] = [];
  for (let n = part.after ? part.after.nextSibling : el.firstChild; n && n !== part.before; n = n.nextSibling) nodes.push(n);
  return nodes;
}

/** A part's boundaries are still where extraction found them (the page may have moved them since). */
export function partIsIntact(el: Element, part: Pick<BlockPart, 'after' | 'before'>): boolean {
  const { after, before } = part;
  if ((after && after.parentNode !== el) || (before && before.parentNode !== el)) return false;
  return !after || !before || (after.compareDocumentPosition(before) & 4) /* FOLLOWING */ !== 0;
}

/**
 * The text mark.js sees in a part's nodes (each read as markableText reads an
 * element); the part's text nodes are the element's own, excluded with it.
 */
export function partText(el: Element, part: Pick<BlockPart, 'after' | 'before'>): string {
  if (el.matches(EXCLUDE_ONE)) return '';
  let out = '';
  for (let n = part.after ? part.after.nextSibling : el.firstChild; n && n !== part.before; n = n.nextSibling) {
    if (n.nodeType === 3) out += n.nodeValue ?? '';
    else if (n.nodeType === 1) out += markableText(n as Element);
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
      // Paragraphs written without <p> count too: looked for only where those with it fall short.
      if (len < 200) for (const n of looseText(c).values()) len += n;
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
  // Paragraphs written without <p> (old pages split them with <br><br>, some leave text between figures): a
  // container's own text counts as its paragraphs, credited to it and, half, to its parent.
  for (const [container, len] of looseText(body)) {
    score.set(container, (score.get(container) ?? 0) + len);
    const parent = container.parentElement;
    if (parent) score.set(parent, (score.get(parent) ?? 0) + len / 2);
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

/** Containers whose own text (outside any <p>) may be the article's paragraphs. */
const LOOSE_TEXT_CONTAINERS = new Set(['DIV', 'TD', 'SECTION', 'ARTICLE', 'MAIN', 'BODY']);

/**
 * The container a text node is loose text of (through inline elements only), or null: in a <p>, a heading,
 * a list, furniture, or a link (a menu of links in a <div> is no paragraph).
 */
function looseTextContainer(n: Node): Element | null {
  for (let e = n.parentElement; e; e = e.parentElement) {
    const tag = e.tagName.toUpperCase();
    if (tag === 'A' || SKIP_TAGS.has(tag)) return null;
    if (BLOCK_TAGS.has(tag) || tag === 'BODY') return LOOSE_TEXT_CONTAINERS.has(tag) ? e : null;
  }
  return null;
}

/**
 * The containers under root holding text of their own (outside <p>, through inline elements), with its
 * length in non-blank characters, for those with at least 40 (a line of links in a bar is not a paragraph).
 * Counting characters, not text nodes, gives the same whether a page's script or our marks split the text.
 */
function looseText(root: Element): Map<Element, number> {
  const chars = new Map<Element, number>();
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const container = looseTextContainer(n);
    if (!container) continue;
    const v = n.nodeValue ?? '';
    let count = 0;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c > 32 && c !== 160) count++;
    }
    if (count > 0) chars.set(container, (chars.get(container) ?? 0) + count);
  }
  for (const [el, n] of chars) if (n < 40) chars.delete(el);
  return chars;
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

/** A block found by the walk: a whole element, or a run of loose text in one. */
interface Found {
  element: Element;
  kind: BlockKind;
  part?: { after: Element | null; before: Element | null };
  /** Also split the part's text at blank lines (plain text put straight into <body>). */
  lines?: boolean;
}

/** Has a character other than ASCII whitespace and no-break space (cheap: most text has one at the start). */
function hasText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 160) return true;
  }
  return false;
}

/** Kinds of block an element's tag or class names make it, wherever it is: dates, bylines, captions and credits. */
const LEAD_KINDS = new Set<BlockKind>(['caption', 'credit', 'byline', 'dateline']);

/** The kind of block a date, byline, caption or credit element is by its tag or class names, or null. */
function markedKind(el: Element): BlockKind | null {
  if (el.tagName.toUpperCase() === 'TIME') return 'dateline';
  const kind = kindOf(el, false);
  return LEAD_KINDS.has(kind) ? kind : null;
}

/**
 * Records a run of loose text. A run that is one element and whitespace ("<time>…</time>" beside a teaser's
 * paragraph) is the kind its tag or class names say; any other, its container's kind.
 */
function pushRun(
  out: Found[],
  at: number,
  el: Element,
  quote: boolean,
  after: Element | null,
  before: Element | null,
  only: Element | null,
): void {
  const f: Found = { element: el, kind: (only && markedKind(only)) ?? kindOf(el, quote), part: { after, before } };
  if (el.tagName.toUpperCase() === 'BODY') f.lines = true;
  if (at === out.length) out.push(f);
  else out.splice(at, 0, f);
}

/**
 * Leaf blocks under root in document order, in one walk: block elements with
 * no block element inside, and runs of loose text. A run is a container's
 * child nodes (text and inline elements) between two of its block children,
 * furniture or double line breaks: text written straight into the article's
 * container beside figures and paragraphs, or paragraphs separated by
 * <br><br>. A block element with neither is read whole, as before.
 */
function collectBlocks(root: Element): Found[] {
  const out: Found[] = [];
  // Whether el is block-like: a block element (the root counts as one), or holding one.
  const visit = (el: Element, inQuote: boolean): boolean => {
    const tag = el.tagName.toUpperCase();
    const quote = inQuote || tag === 'BLOCKQUOTE';
    const isBlock = el === root || BLOCK_TAGS.has(tag);
    const start = out.length;
    let hasBlockChild = false;
    // A double line break was seen: a block element is read as the runs between them.
    let split = false;
    // The current run starts after `after` (null: at the first child); `open` once it holds text or an inline element.
    let after: Element | null = null;
    let open = false;
    // The first <br> of a possible double break: the run's last element so far, perhaps followed by whitespace.
    let br: Element | null = null;
    // The run's only element so far, while it has no text of its own.
    let only: Element | null = null;
    // The run has text outside links: a run of links alone ("Next", "View all") is navigation, not a paragraph.
    let prose = false;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        if (hasText(c.nodeValue ?? '')) {
          open = true;
          prose = true;
          br = null;
          only = null;
        }
        continue;
      }
      if (c.nodeType !== 1) continue;
      const child = c as Element;
      const childTag = child.tagName.toUpperCase();
      if (childTag === 'BR') {
        if (br) {
          // A paragraph break: the run ends before the first <br>, the next one starts after the last.
          if (open && prose) pushRun(out, out.length, el, quote, after, br, only);
          open = false;
          prose = false;
          after = child;
          split = true;
        }
        br = child;
        continue;
      }
      // Furniture (the root was chosen as the article: its own class names never disqualify it) ends a run, unread.
      if (isSkipped(child)) {
        if (open && prose) pushRun(out, out.length, el, quote, after, child, only);
        open = false;
        prose = false;
        after = child;
        br = null;
        continue;
      }
      if (BLOCK_TAGS.has(childTag)) {
        if (open && prose) pushRun(out, out.length, el, quote, after, child, only);
        open = false;
        prose = false;
        after = child;
        br = null;
        visit(child, quote);
        hasBlockChild = true;
        continue;
      }
      // An inline element is part of the run, unless it holds blocks: then the run ends before their blocks.
      const at = out.length;
      if (visit(child, quote)) {
        if (open && prose) pushRun(out, at, el, quote, after, child, only);
        open = false;
        prose = false;
        after = child;
        hasBlockChild = true;
      } else {
        only = open ? null : child;
        open = true;
        if (childTag !== 'A') prose = true;
      }
      br = null;
    }
    // No block inside and no double break: the runs recorded at furniture go; an inline element's text is read
    // with its parent's run, a block element whole (as ever).
    if (!hasBlockChild && !split) {
      out.length = start;
      if (!isBlock) return false;
      if (tag === 'BODY') out.push({ element: el, kind: kindOf(el, quote), part: { after: null, before: null }, lines: true });
      else out.push({ element: el, kind: kindOf(el, quote) });
      return true;
    }
    // Blocks inside or double breaks: the runs are blocks too. (An inline element split by breaks, such as an old
    // page's <font> around all its paragraphs, is then block-like: its parent's runs end at it.)
    if (open && prose) pushRun(out, out.length, el, quote, after, null, only);
    return true;
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
  // The headline often sits outside the content container, and so do the date, byline and lead picture under it.
  const h1 = doc.querySelector('h1');
  if (h1 && !root.contains(h1) && !h1.closest('nav, footer, aside') && !isSkippedChain(h1))
    found.unshift({ element: h1, kind: 'title' }, ...leadBlocks(h1, root));
  yield;
  const blocks: ExtractedBlock[] = [];
  let text = '';
  const budget = opts.budget ?? Number.POSITIVE_INFINITY;
  let i = 0;
  reading: for (const { element, kind, part, lines } of found) {
    if (i > 0 && i % BLOCKS_PER_STEP === 0) yield;
    i++;
    if (!part) {
      const t = markableText(element);
      if (!t.trim()) continue;
      if (text.length + t.length > budget) break;
      if (text) text += '\n\n';
      const start = text.length;
      text += t;
      blocks.push({ kind, start, end: text.length, element });
      continue;
    }
    // Loose text is read without the whitespace around it (source indentation, the line break before a <br>).
    const whole = partText(element, part);
    for (const [from, to] of lines ? paragraphsOf(whole) : [trimmed(whole, 0, whole.length)]) {
      if (from >= to) continue;
      const t = whole.slice(from, to);
      // A lone word beside blocks is a label ("Photo", "Next", "By"), not a paragraph; a date or byline stays.
      if (!lines && !LEAD_KINDS.has(kind) && t.length < 25 && !/\s/.test(t)) continue;
      if (text.length + t.length > budget) break reading;
      if (text) text += '\n\n';
      const start = text.length;
      text += t;
      blocks.push({ kind, start, end: text.length, element, part: { ...part, offset: from } });
    }
  }
  yield;
  const meta = readMeta(doc, root, opts.url);
  // A date written next to the headline is a date the page offers (the core reads it from the block).
  for (const b of blocks) {
    if (b.kind !== 'dateline' || root.contains(b.element)) continue;
    const t = text.slice(b.start, b.end);
    if (/\b(?:19|20)\d{2}\b/.test(t)) meta.dates?.push({ value: t.trim(), source: 'dateline' });
  }
  return { text, blocks, meta, root };
}

/** [from, to) of s without the whitespace at either end (empty when there is only whitespace). */
function trimmed(s: string, from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  while (a < b && !/\S/.test(s.charAt(a))) a++;
  while (b > a && !/\S/.test(s.charAt(b - 1))) b--;
  return [a, b];
}

/** Paragraphs of plain text, split at blank lines: [start, end) of each, without the whitespace around it. */
function paragraphsOf(s: string): [number, number][] {
  const out: [number, number][] = [];
  const gap = /\n[^\S\n]*\n/g;
  let from = 0;
  for (let m = gap.exec(s); ; m = gap.exec(s)) {
    out.push(trimmed(s, from, m ? m.index : s.length));
    if (!m) return out;
    from = m.index + m[0].length;
  }
}

/** Elements of the lead looked at, at most: the headline may sit far from the article's container. */
const LEAD_ELEMENTS = 200;

/**
 * What sits between the headline and the article's container, outside both:
 * the date, the byline, and the lead picture's caption and credit (in the
 * <article> before its body, or in an old page's table cell beside the
 * text). Only those kinds of block, found by their tag (figcaption, time) or
 * class names, never other text; furniture is skipped as everywhere.
 */
function leadBlocks(h1: Element, root: Element): Found[] {
  const out: Found[] = [];
  if (h1.contains(root) || (h1.compareDocumentPosition(root) & 4) /* FOLLOWING */ === 0) return out;
  let budget = LEAD_ELEMENTS;
  const scan = (el: Element): void => {
    if (budget-- <= 0 || isSkipped(el)) return;
    const kind = markedKind(el) ?? (isWrittenDate(el) ? 'dateline' : null);
    if (kind && (el.textContent?.length ?? 0) <= (kind === 'caption' ? 1000 : 200)) {
      out.push({ element: el, kind });
      return;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) scan(c);
  };
  // The container's ancestors hold it after some lead elements ("<td><h1>…<span class=date>…<div class=text>").
  const before = (el: Element): void => {
    for (let c = el.firstElementChild; c && c !== root; c = c.nextElementSibling) {
      if (c.contains(root)) {
        before(c);
        return;
      }
      scan(c);
    }
  };
  // From the headline on: its following siblings, then its parent's, up to the branch that holds the container.
  for (let n: Element | null = h1; n; n = n.parentElement) {
    for (let s = n.nextElementSibling; s; s = s.nextElementSibling) {
      if (s.contains(root)) {
        if (s !== root) before(s);
        return out;
      }
      scan(s);
    }
  }
  return out;
}

/**
 * A short element that is mostly a written date ("December 16, 2016, 4:19 PM"): the publication date under a
 * headline whose class names say nothing (generated ones, "xTlfF Vxqj").
 */
function isWrittenDate(el: Element): boolean {
  const t = el.textContent?.trim() ?? '';
  return t.length >= 8 && t.length <= 60 && findDateInText(t) !== null && !/[.!?]\s+\p{Lu}/u.test(t);
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
