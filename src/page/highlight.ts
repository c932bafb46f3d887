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
import { EXCLUDE_ONE, EXCLUDED_ELEMENTS, type ExtractedBlock } from './extract.ts';

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
  // A NodeIterator's REJECT skips only the node, never its subtree: a TreeWalker's SKIP.
  const walker = doc.createTreeWalker(root, whatToShow, {
    acceptNode: (n: Node) => (!accept || accept(n) === NodeFilter.FILTER_ACCEPT ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
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
    if (!el.isConnected) return 0;
    return withUntrackedIterators(el.ownerDocument, () => this.wrap(plan, el));
  }

  private wrap(plan: BlockRanges, el: Element): number {
    const mark = new Mark(el as HTMLElement);
    // Never double-wrap: anything of ours already here goes first.
    unwrapMarks(el);
    let count = 0;
    // mark.js tests every text node against the exclusions, and the descendant forms make that costly (over
    // half of highlighting the seed article, cold). A block's own ancestors are never excluded (extraction
    // would have skipped it), so only a block holding an excluded element needs them; most hold none.
    // One comma-joined selector: mark.js calls matches() once per selector per text node.
    const exclude = el.querySelector(EXCLUDED_ELEMENTS) ? [EXCLUDE_ONE] : [];
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
    const first: Range[] = plan.quotes.map((q) => ({ start: q.start, length: q.length, q }));
    const nested: Range[] = [];
    for (const o of plan.officials) (inQuote(o) ? nested : first).push({ start: o.start, length: o.length, o });
    for (const ranges of [first, nested]) {
      if (ranges.length) mark.markRanges(ranges, { ...common, each } as Mark.MarkRangesOptions);
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
 * Removes our marks under root and merges the split text back, leaving the
 * DOM as it was. (Done here rather than with mark.js' unmark(), whose
 * NodeIterator walk misses marks nested in inline elements in some DOMs.)
 */
export function unwrapMarks(root: Element): void {
  const marks = root.querySelectorAll(`mark.${MARK_CLASS}`);
  if (marks.length === 0) return;
  const parents = new Set<Node>();
  for (const m of marks) {
    const parent = m.parentNode;
    if (!parent) continue;
    while (m.firstChild) parent.insertBefore(m.firstChild, m);
    parent.removeChild(m);
    parents.add(parent);
  }
  for (const p of parents) if (p.isConnected || p === root || root.contains(p)) p.normalize();
}
