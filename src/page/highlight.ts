/**
 * Wraps quotes and officials in <mark> elements with mark.js, driven by the
 * core's offsets: one markRanges call per block element with block-local
 * offsets (never one call over the body, never keyword search). Quotes are
 * marked first, names second, so a name inside a quote nests inside it.
 * `clear()` unwraps exactly what we added and merges the text back.
 *
 * Hooks (documented in the README, relied on by users' styles and tests):
 *   mark[data-sourcelight="quote"][data-speaker-id][data-quote-index]
 *   mark[data-sourcelight="official"][data-official-id]
 */
import Mark from 'mark.js';
import type { Analysis } from '../core/analysis/types.ts';
import { DEFAULT_PALETTE } from '../core/palette.ts';
import { type BlockPart, EXCLUDE_ONE, EXCLUDED_ELEMENTS, type ExtractedBlock, markableText, partIsIntact, partNodes } from './extract.ts';

export const MARK_CLASS = 'sourcelight-mark';

export interface HighlightStyle {
  palette: string[];
  quoteStyle: 'background' | 'underline';
}

interface BlockRanges {
  block: ExtractedBlock;
  quotes: { start: number; length: number; index: number; speakerId: string; colour: number; scare: boolean }[];
  officials: { start: number; length: number; id: string; key: string }[];
}

/** Groups the analysis' spans by block, with offsets local to each block's text. */
export function planRanges(analysis: Analysis, blocks: readonly ExtractedBlock[]): BlockRanges[] {
  const plans: BlockRanges[] = blocks.map((block) => ({ block, quotes: [], officials: [] }));
  const colours = new Map<string, number>();
  for (const q of analysis.quotes)
    if (q.kind === 'speech' && q.speaker && !colours.has(q.speaker.key)) colours.set(q.speaker.key, colours.size);
  const find = (offset: number) => {
    // Blocks are sorted by start: binary search.
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = blocks[mid];
      if (!b) break;
      if (offset < b.start) hi = mid - 1;
      else if (offset >= b.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  for (const q of analysis.quotes) {
    const i = find(q.start);
    const p = plans[i];
    if (!p) continue;
    p.quotes.push({
      start: q.start - p.block.start,
      length: Math.min(q.end, p.block.end) - q.start,
      index: q.index,
      speakerId: q.speaker?.id ?? '',
      colour: q.kind === 'speech' && q.speaker ? (colours.get(q.speaker.key) ?? -1) : -1,
      scare: q.kind === 'scare',
    });
  }
  for (const o of analysis.officials) {
    for (const m of o.mentions) {
      const i = find(m.start);
      const p = plans[i];
      if (!p) continue;
      p.officials.push({ start: m.start - p.block.start, length: m.end - m.start, id: o.id ?? '', key: o.key });
    }
  }
  for (const p of plans) p.officials.sort((a, b) => a.start - b.start);
  return plans.filter((p) => p.quotes.length > 0 || p.officials.length > 0);
}

/**
 * mark.js walks text with NodeIterators. Chromium keeps every NodeIterator
 * registered on its document until garbage collection and notifies each of
 * them of every node removed, so thousands of markRanges calls make wrapping
 * quadratic (measured: 94 µs a mark on a 1 MB page against 40 µs on 100 KB).
 * While we mark, mark.js gets an iterator with the same semantics built on a
 * TreeWalker, which the document does not track. Only our own world's view
 * of `document` is touched, and only for the duration of the call.
 */
function withUntrackedIterators<T>(doc: Document, fn: () => T): T {
  const own = Object.getOwnPropertyDescriptor(doc, 'createNodeIterator');
  Object.defineProperty(doc, 'createNodeIterator', {
    configurable: true,
    writable: true,
    value: (root: Node, whatToShow?: number, filter?: NodeFilter | null) =>
      arrayIterator(doc, root, whatToShow ?? 0xffffffff, filter ?? null),
  });
  try {
    return fn();
  } finally {
    if (own) Object.defineProperty(doc, 'createNodeIterator', own);
    else delete (doc as unknown as Record<string, unknown>).createNodeIterator;
  }
}

/** NodeIterator semantics (reference node, pointer before or after it) over the nodes a TreeWalker collects. */
function arrayIterator(doc: Document, root: Node, whatToShow: number, filter: NodeFilter | null) {
  const accept = typeof filter === 'function' ? filter : (filter?.acceptNode?.bind(filter) ?? null);
  const nodes: Node[] = [];
  const accepts = (n: Node) => !accept || accept(n) === NodeFilter.FILTER_ACCEPT;
  // A NodeIterator starts at its root (a TreeWalker never returns it): mark.js walks a text node given as context.
  if (whatToShow & (1 << (root.nodeType - 1)) && accepts(root)) nodes.push(root);
  // A NodeIterator's REJECT skips only the node, never its subtree: a TreeWalker's SKIP.
  const walker = doc.createTreeWalker(root, whatToShow, {
    acceptNode: (n: Node) => (accepts(n) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  let ref = -1;
  let before = true;
  return {
    root,
    whatToShow,
    filter,
    nextNode(): Node | null {
      if (before && ref >= 0) {
        before = false;
        return nodes[ref] ?? null;
      }
      if (ref + 1 >= nodes.length) return null;
      ref++;
      before = false;
      return nodes[ref] ?? null;
    },
    previousNode(): Node | null {
      if (!before && ref >= 0) {
        before = true;
        return nodes[ref] ?? null;
      }
      if (ref - 1 < 0) return null;
      ref--;
      before = true;
      return nodes[ref] ?? null;
    },
    detach(): void {},
  };
}

export class Highlighter {
  private marked = new Set<Element>();

  constructor(private style: HighlightStyle) {}

  setStyle(style: HighlightStyle): void {
    this.style = style;
  }

  get active(): boolean {
    return this.marked.size > 0;
  }

  /** Marks one block; returns the number of marks added. */
  markBlock(plan: BlockRanges): number {
    const el = plan.block.element;
    const part = plan.block.part;
    if (!el.isConnected || (part && !partIsIntact(el, part))) return 0;
    return withUntrackedIterators(el.ownerDocument, () => this.wrap(plan, el));
  }

  private wrap(plan: BlockRanges, el: Element): number {
    // A part of an element (loose text between its blocks or line breaks): mark.js walks just the part's nodes,
    // found again from its boundaries (marking splits text nodes, clearing merges them), and its offsets count
    // from the block's start within them.
    const part = plan.block.part;
    const shift = part?.offset ?? 0;
    // Never double-wrap: anything of ours already here goes first (in a part, only in the block's own stretch of
    // it: blocks cut from one run of plain text share its nodes).
    if (part) unwrapAll(marksInPart(el, part, shift, shift + plan.block.end - plan.block.start));
    else unwrapMarks(el);
    // A part's nodes after that (merging removed some); again before each pass (marking adds some).
    const context = () => (part ? partNodes(el, part) : el) as HTMLElement;
    let count = 0;
    // mark.js tests every text node against the exclusions, and the descendant forms make that costly (over
    // half of highlighting the seed article, cold). A block's own ancestors are never excluded (extraction
    // would have skipped it), so only a block holding an excluded element needs them; most hold none.
    // One comma-joined selector: mark.js calls matches() once per selector per text node.
    const holdsExcluded = part
      ? partNodes(el, part).some(
          (n) => n.nodeType === 1 && ((n as Element).matches(EXCLUDED_ELEMENTS) || (n as Element).querySelector(EXCLUDED_ELEMENTS)),
        )
      : el.querySelector(EXCLUDED_ELEMENTS) !== null;
    const exclude = holdsExcluded ? [EXCLUDE_ONE] : [];
    const common = { element: 'mark', className: MARK_CLASS, exclude };
    type Range = { start: number; length: number; q?: BlockRanges['quotes'][number]; o?: BlockRanges['officials'][number] };
    const each = (node: Element, range: unknown) => {
      const { q, o } = range as Range;
      if (q) {
        node.setAttribute('data-sourcelight', 'quote');
        node.setAttribute('data-speaker-id', q.speakerId);
        node.setAttribute('data-quote-index', String(q.index));
        if (q.scare) node.setAttribute('data-quote-kind', 'scare');
        else if (q.colour >= 0) this.paint(node, q.colour);
        else node.setAttribute('data-quote-kind', 'unattributed');
      } else if (o) {
        node.setAttribute('data-sourcelight', 'official');
        node.setAttribute('data-official-id', o.id);
        node.setAttribute('data-official-key', o.key);
        // Keyboard users reach names (and their cards) with Tab.
        node.setAttribute('tabindex', '0');
      }
      count++;
    };
    // One mark.js pass for the quotes and the names outside them (each pass walks the block's text nodes);
    // a second only for names inside quotes, whose marks nest in the quote's.
    const inQuote = (o: BlockRanges['officials'][number]) =>
      plan.quotes.some((q) => o.start < q.start + q.length && q.start < o.start + o.length);
    const first: Range[] = plan.quotes.map((q) => ({ start: q.start + shift, length: q.length, q }));
    const nested: Range[] = [];
    for (const o of plan.officials) (inQuote(o) ? nested : first).push({ start: o.start + shift, length: o.length, o });
    for (const ranges of [first, nested]) {
      if (ranges.length) new Mark(context()).markRanges(ranges, { ...common, each } as Mark.MarkRangesOptions);
    }
    if (count > 0) this.marked.add(el);
    return count;
  }

  /**
   * The speaker's colour: the style sheet gives the default palette's by `data-speaker-colour`; a custom palette
   * sets it on the mark as a custom property. (Inline styles cost: setting one on every mark was a third of
   * highlighting the seed article, cold.)
   */
  private paint(node: Element, colour: number): void {
    const palette = this.style.palette;
    const slot = colour % palette.length;
    const c = palette[slot] ?? DEFAULT_PALETTE[0] ?? '#E69F00';
    node.setAttribute('data-speaker-colour', String(slot));
    if (palette.length !== DEFAULT_PALETTE.length || c.toLowerCase() !== DEFAULT_PALETTE[slot]?.toLowerCase()) {
      (node as HTMLElement).style.setProperty('--sl-colour', c);
    }
    // The options page's "underline only" quote style (highlight.css drops the tint for it).
    if (this.style.quoteStyle === 'underline') node.setAttribute('data-sl-style', 'underline');
  }

  /** The colour a quote mark is painted in (for its card). */
  colourOf(mark: Element): string | null {
    const slot = Number(mark.getAttribute('data-speaker-colour'));
    const palette = this.style.palette;
    return Number.isInteger(slot) && mark.hasAttribute('data-speaker-colour') ? (palette[slot % palette.length] ?? null) : null;
  }

  /** Removes every mark we added, restoring the text nodes as they were. */
  clear(): void {
    for (const el of this.marked) unwrapMarks(el);
    this.marked.clear();
  }
}

/**
 * Removes our marks under root and merges the text they split back, leaving
 * the DOM as it was. (Done here rather than with mark.js' unmark(), whose
 * NodeIterator walk misses marks nested in inline elements in some DOMs.)
 */
export function unwrapMarks(root: Element): void {
  unwrapAll(root.querySelectorAll(`mark.${MARK_CLASS}`));
}

/**
 * Our marks (outer ones with those nested in them) that start in [from, to)
 * of a part's text, counted as partText counts it: the marks of one block
 * among blocks cut from the same run.
 */
function marksInPart(el: Element, part: BlockPart, from: number, to: number): Element[] {
  const found: Element[] = [];
  const selector = `mark.${MARK_CLASS}`;
  let pos = 0;
  const visit = (n: Node): void => {
    if (n.nodeType === 3) {
      pos += n.nodeValue?.length ?? 0;
      return;
    }
    if (n.nodeType !== 1) return;
    const e = n as Element;
    if (e.matches(selector)) {
      if (pos >= from && pos < to) found.push(e, ...e.querySelectorAll(selector));
      pos += markableText(e).length;
    } else if (!e.querySelector(selector) || e.matches(EXCLUDE_ONE)) pos += markableText(e).length;
    else for (let c = e.firstChild; c; c = c.nextSibling) visit(c);
  };
  for (const n of partNodes(el, part)) visit(n);
  return found;
}

/**
 * Unwraps marks given in document order (outer ones first: a nested mark is
 * unwrapped after it has moved out with its text). Only the text nodes around
 * each mark are merged, which is what mark.js split: the page's own text
 * nodes elsewhere stay as they are (normalize() would merge any under the
 * parent, and a part's parent holds other blocks), and the text node a mark
 * was cut from is the one kept.
 */
function unwrapAll(marks: ArrayLike<Element>): void {
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i];
    const parent = m?.parentNode;
    if (!m || !parent) continue;
    const prev = m.previousSibling;
    const next = m.nextSibling;
    while (m.firstChild) parent.insertBefore(m.firstChild, m);
    parent.removeChild(m);
    mergeTextBetween(parent, prev, next);
  }
}

/** Merges adjacent text nodes among parent's children from `from` (null: the first) to `to` (included; null: the last). */
function mergeTextBetween(parent: Node, from: Node | null, to: Node | null): void {
  let n = from ?? parent.firstChild;
  while (n && n !== to) {
    const next: Node | null = n.nextSibling;
    if (n.nodeType === 3 && next?.nodeType === 3) {
      (n as Text).appendData((next as Text).data);
      parent.removeChild(next);
      if (next === to) return;
      continue;
    }
    n = next;
  }
}
