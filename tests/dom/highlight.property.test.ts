/**
 * Property-based tests of the page layer on generated documents (happy-dom):
 * the whole path the content script takes (extractArticle → analyze →
 * planRanges → Highlighter.markBlock for every plan), on articles built from
 * nested inline elements, quotes cut across elements, unbalanced quote marks,
 * entities, zero-width and bidi characters, RTL and Cyrillic text, tables,
 * lists, empty elements, excluded regions (code, pre, textarea,
 * contenteditable, script, style, hidden…) and names of real officials from
 * the bundled dataset, so that marks actually appear.
 *
 * For every generated page:
 * - nothing throws;
 * - body.textContent never changes (after marking, after marking again, after clearing);
 * - marking again gives the same marks and never nests a mark of ours in one of the same kind;
 * - excluded regions are untouched (same outerHTML, no mark inside);
 * - each mark covers exactly the analysed span (the extraction's offsets map onto the DOM);
 * - extraction reads the same text with our marks in the page;
 * - clear() restores body.innerHTML exactly.
 *
 * FC_SEED=<n> replays a run; FC_RUNS=<x> scales every property's run count (tests/helpers/arbitraries.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis/analyze.ts';
import type { Analysis } from '../../src/core/analysis/types.ts';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';
import { type ExtractedBlock, type Extraction, extractArticle, partNodes } from '../../src/page/extract.ts';
import { Highlighter, planRanges } from '../../src/page/highlight.ts';
import { DEFAULT_PALETTE } from '../../src/shared/settings.ts';
import { params, phrase, pick, sentence } from '../helpers/arbitraries.ts';

const DATA = bundledDataset();

// ---- markup -------------------------------------------------------------------

/** Inline elements the article's text may sit in (all read and marked). */
const INLINE = [
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'small',
  'sup',
  'sub',
  'span',
  'a href="#"',
  'abbr',
  'cite',
  'q',
  'time',
  'mark',
  'bdi',
  'bdo dir="rtl"',
  'font',
  'span contenteditable="false"',
  'span style="color:red"',
];
/** Inline regions that are never ours to read or mark. */
const EXCLUDED_INLINE = [
  'code',
  'kbd',
  'samp',
  'button',
  'span contenteditable',
  'span contenteditable="true"',
  'span hidden',
  'span aria-hidden="true"',
  'span style="display:none"',
  'select',
  'svg',
  'title',
];
/** Elements whose content is raw text to the HTML parser (no tags inside). */
const RAW_TEXT = ['textarea', 'script type="text/plain"', 'style', 'noscript', 'template', 'title'];
const VOID = ['<br>', '<wbr>', '<img alt="">', '<img alt="“Putin”">', '<input value="“x”">', '<hr>'];
/** Where the regions the page layer must never touch are; a test-side list, independent of extract.ts. */
const EXCLUDED_ROOTS =
  'code, kbd, samp, pre, textarea, script, style, noscript, template, iframe, svg, math, select, button, input, title, [contenteditable]:not([contenteditable="false"]), [hidden], [aria-hidden="true"], [style*="display:none"]';

const ENTITIES: Record<string, string[]> = {
  '“': ['&ldquo;', '&#8220;', '&#x201C;'],
  '”': ['&rdquo;', '&#8221;', '&#x201d;'],
  '"': ['&quot;', '&#34;'],
  "'": ['&#39;', '&apos;'],
  '’': ['&rsquo;', '&#8217;'],
  '\u00A0': ['&nbsp;', '&#160;'],
  '«': ['&laquo;'],
  '»': ['&raquo;'],
  '—': ['&mdash;'],
};

/** Escapes text for HTML; with `entities`, quote marks and spaces are also written as (varied) character references. */
function escapeText(s: string, entities: boolean, salt: number): string {
  let out = '';
  let i = 0;
  for (const ch of s) {
    i++;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += i % 2 ? '&gt;' : '>';
    else if (entities && ENTITIES[ch]) {
      const forms = ENTITIES[ch] ?? [ch];
      out += forms[(salt + i) % forms.length];
    } else out += ch;
  }
  return out;
}

const open = (tag: string) => `<${tag}>`;
const close = (tag: string) => `</${tag.split(' ')[0]}>`;
const wrap = (tags: readonly string[], inner: string) => tags.reduceRight((acc, t) => `${open(t)}${acc}${close(t)}`, inner);

/**
 * A run of text cut at arbitrary points (quotes split across elements), each
 * piece wrapped in zero to three nested inline elements, with void elements,
 * empty elements and excluded regions between the pieces.
 */
const inlineRun: fc.Arbitrary<string> = fc
  .record({
    text: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' ')),
    cuts: fc.array(fc.nat(), { maxLength: 6 }),
    wrappers: fc.array(fc.array(pick(INLINE), { maxLength: 3 }), { maxLength: 7 }),
    extras: fc.array(
      fc.oneof(
        pick(VOID),
        pick(INLINE).map((t) => `${open(t)}${close(t)}`),
        fc.tuple(pick(EXCLUDED_INLINE), sentence).map(([t, s]) => `${open(t)}${escapeText(s, false, 0)}${close(t)}`),
        fc.tuple(pick(RAW_TEXT), sentence).map(([t, s]) => `${open(t)}${s.replace(/[<&]/g, ' ')}${close(t)}`),
      ),
      { maxLength: 3 },
    ),
    entities: fc.boolean(),
    salt: fc.nat(7),
  })
  .map(({ text, cuts, wrappers, extras, entities, salt }) => {
    const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
    const pieces: string[] = [];
    let last = 0;
    for (const p of [...points, text.length]) {
      pieces.push(text.slice(last, p));
      last = p;
    }
    return pieces
      .map((piece, i) => {
        const body = wrap(wrappers[i] ?? [], escapeText(piece, entities, salt + i));
        const extra = extras[i];
        return extra ? `${body}${extra}` : body;
      })
      .join('');
  });

const para = (tag: string) => inlineRun.map((r) => `<${tag}>${r}</${tag.split(' ')[0]}>`);

/** One block of an article. */
const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: para('p') },
  { weight: 1, arbitrary: para('p dir="rtl"') },
  { weight: 1, arbitrary: para('h1') },
  { weight: 1, arbitrary: para('h2') },
  { weight: 1, arbitrary: fc.array(para('li'), { minLength: 1, maxLength: 3 }).map((l) => `<ul>${l.join('')}</ul>`) },
  { weight: 1, arbitrary: fc.array(para('p'), { minLength: 1, maxLength: 2 }).map((l) => `<blockquote>${l.join('')}</blockquote>`) },
  { weight: 1, arbitrary: para('figcaption').map((c) => `<figure><img alt=""><${c.slice(1)}</figure>`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.array(fc.array(inlineRun, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), fc.option(inlineRun))
      .map(
        ([rows, caption]) =>
          `<table>${caption ? `<caption>${caption}</caption>` : ''}<tbody>${rows
            .map((r, i) => `<tr>${r.map((c) => (i === 0 ? `<th>${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`)
            .join('')}</tbody></table>`,
      ),
  },
  { weight: 1, arbitrary: fc.tuple(inlineRun, inlineRun).map(([t, d]) => `<dl><dt>${t}</dt><dd>${d}</dd></dl>`) },
  { weight: 1, arbitrary: para('div') },
  // Loose text: straight in the container between other blocks, plain text with blank lines (read as paragraphs when
  // the container is <body>), and paragraphs separated by double line breaks, in a block or in an inline element.
  { weight: 2, arbitrary: inlineRun },
  { weight: 1, arbitrary: fc.tuple(inlineRun, inlineRun).map(([x, y]) => `${x}\n\n${y}`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.array(inlineRun, { minLength: 2, maxLength: 3 }),
        pick(['<br><br>', '<br>\n<br>', '<br> <!-- x --> <br><br>']),
        pick(['div', 'p', 'font']),
      )
      .map(([runs, sep, tag]) => `<${tag}>${runs.join(sep)}</${tag}>`),
  },
  { weight: 1, arbitrary: fc.tuple(inlineRun, inlineRun).map(([x, y]) => `<p>${x}<br>${y}</p>`) },
  {
    weight: 1,
    arbitrary: fc
      .array(para('p'), { minLength: 1, maxLength: 2 })
      .map((l) => `<div class="article-body"><section>${l.join('')}</section></div>`),
  },
  // Regions the page layer must leave alone, as whole blocks.
  { weight: 1, arbitrary: para('pre') },
  {
    weight: 1,
    arbitrary: fc.array(para('p'), { minLength: 1, maxLength: 2 }).map((l) => `<div contenteditable="true">${l.join('')}</div>`),
  },
  { weight: 1, arbitrary: sentence.map((s) => `<textarea>${s.replace(/[<&]/g, ' ')}</textarea>`) },
  { weight: 1, arbitrary: para('p hidden') },
  { weight: 1, arbitrary: para('div aria-hidden="true"') },
  { weight: 1, arbitrary: para('nav') },
  { weight: 1, arbitrary: para('aside') },
  {
    weight: 1,
    arbitrary: pick([
      '<p></p>',
      '<div></div>',
      '<p> </p>',
      '<p>\u200B</p>',
      '<ul><li></li></ul>',
      '<table><tr><td></td></tr></table>',
      '<h2></h2>',
    ]),
  },
);

const TITLES = fc.oneof(phrase, sentence, fc.constant('NATO and Russia <script>alert(1)</script> &amp;'));

interface Page {
  title: string;
  lang: string;
  body: string;
}

const page: fc.Arbitrary<Page> = fc.record({
  title: TITLES,
  lang: pick(['en', 'ru', 'ar', 'he', 'de', '']),
  body: fc
    .tuple(fc.array(block, { minLength: 1, maxLength: 8 }), pick(['article', 'main', 'div class="story-body"', '']))
    .map(([blocks, container]) => (container ? `<${container}>${blocks.join('')}${close(container)}` : blocks.join(''))),
});

// ---- the pipeline and its checks ----------------------------------------------

/**
 * Loads a page. A browser's parser never leaves two text nodes side by side, but happy-dom's splits text at
 * character references, so the body is normalised first; `splits` then cuts text nodes the way page scripts do
 * (`splitText`, adjacent `createTextNode`s): [which text node, where] pairs, reduced modulo what exists.
 */
function load(p: Page, splits: readonly [number, number][] = []): void {
  document.title = p.title;
  if (p.lang) document.documentElement.setAttribute('lang', p.lang);
  else document.documentElement.removeAttribute('lang');
  document.body.innerHTML = p.body;
  document.body.normalize();
  for (const [which, at] of splits) {
    const walker = document.createTreeWalker(document.body, 4 /* SHOW_TEXT */);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const node = nodes[which % Math.max(1, nodes.length)];
    if (node && node.length > 1) node.splitText(1 + (at % (node.length - 1)));
  }
}

function analyseDocument(): { x: Extraction; a: Analysis } {
  const x = extractArticle(document, { url: 'https://www.example-news.com/2025/06/25/story' });
  const a = analyze({ text: x.text, blocks: x.blocks, meta: x.meta, today: '2026-11-26' }, DATA);
  return { x, a };
}

const OURS = 'mark.sourcelight-mark';
const ourMarks = (root: ParentNode = document.body) => [...root.querySelectorAll(OURS)];
const sameKindNested = () =>
  document.body.querySelectorAll(
    `${OURS}[data-sourcelight="quote"] ${OURS}[data-sourcelight="quote"], ${OURS}[data-sourcelight="official"] ${OURS}[data-sourcelight="official"]`,
  ).length;

type Plans = ReturnType<typeof planRanges>;

function markAll(h: Highlighter, plans: Plans): number {
  let n = 0;
  for (const plan of plans) n += h.markBlock(plan);
  return n;
}

/** Our marks in a block: under its element, or for a part of one (loose text), among and under the part's nodes. */
function blockMarks(block: ExtractedBlock): Element[] {
  if (!block.part) return ourMarks(block.element);
  return partNodes(block.element, block.part).flatMap((n) =>
    n.nodeType === 1 ? [...((n as Element).matches(OURS) ? [n as Element] : []), ...ourMarks(n as Element)] : [],
  );
}

/** Each mark covers exactly the analysed span: the joined text of a quote's (or a block's officials') marks is the analysed text. */
function checkSpans(a: Analysis, plans: Plans): void {
  // Blocks cut from one run of loose text (plain text split at blank lines) share its nodes: their officials' marks
  // cannot be told apart by place, only their quotes' by index.
  const sameRun = (x: ExtractedBlock, y: ExtractedBlock) =>
    x !== y && x.element === y.element && x.part?.after === y.part?.after && x.part?.before === y.part?.before;
  const shared = (b: ExtractedBlock) => b.part !== undefined && plans.some((p) => sameRun(p.block, b));
  for (const plan of plans) {
    const { block } = plan;
    const local = a.text.slice(block.start, block.end);
    for (const q of plan.quotes) {
      const got = blockMarks(block)
        .filter((m) => m.getAttribute('data-sourcelight') === 'quote' && m.getAttribute('data-quote-index') === String(q.index))
        .map((m) => m.textContent)
        .join('');
      expect(got, `quote ${q.index} in ${JSON.stringify(local.slice(0, 80))}`).toBe(local.slice(q.start, q.start + q.length));
    }
    const spans = plan.officials;
    const overlapping = spans.some((s, i) => i > 0 && s.start < (spans[i - 1]?.start ?? 0) + (spans[i - 1]?.length ?? 0));
    if (overlapping || shared(block)) continue;
    const got = blockMarks(block)
      .filter((m) => m.getAttribute('data-sourcelight') === 'official')
      .map((m) => m.textContent)
      .join('');
    expect(got, `officials in ${JSON.stringify(local.slice(0, 80))}`).toBe(
      spans.map((s) => local.slice(s.start, s.start + s.length)).join(''),
    );
  }
}

interface Stats {
  cases: number;
  withMarks: number;
  withQuotes: number;
  withOfficials: number;
  marks: number;
}

function checkPage(p: Page, stats: Stats, splits: readonly [number, number][] = []): void {
  load(p, splits);
  const html = document.body.innerHTML;
  const text = document.body.textContent;
  const excluded = [...document.body.querySelectorAll(EXCLUDED_ROOTS)].map((el) => ({ el, html: el.outerHTML }));

  const { x, a } = analyseDocument();
  const h = new Highlighter({ palette: DEFAULT_PALETTE, quoteStyle: 'background' });
  const plans = planRanges(a, x.blocks);
  const added = markAll(h, plans);
  const count = ourMarks().length;
  const quoteMarks = ourMarks().filter((m) => m.getAttribute('data-sourcelight') === 'quote').length;
  expect(count).toBe(added);
  expect(sameKindNested()).toBe(0);
  expect(document.body.textContent).toBe(text);
  checkSpans(a, plans);

  // Excluded regions: the same elements, unchanged, with no mark of ours inside or around their text.
  for (const { el, html: before } of excluded) {
    expect(el.isConnected).toBe(true);
    expect(el.outerHTML).toBe(before);
  }
  for (const m of ourMarks()) expect(m.closest(EXCLUDED_ROOTS), 'a mark inside an excluded region').toBeNull();

  // Our marks do not change what extraction reads.
  expect(extractArticle(document, { url: 'https://www.example-news.com/2025/06/25/story' }).text).toBe(x.text);

  // A second pass over the marked page: same marks, nothing nested in a mark of its own kind. (Where the page had
  // split text nodes, the first clear-and-mark merges them, so a span may need fewer marks, once: then it is stable.)
  markAll(h, plans);
  const second = ourMarks().length;
  if (splits.length === 0) expect(second).toBe(count);
  else expect(second).toBeLessThanOrEqual(count);
  expect(sameKindNested()).toBe(0);
  expect(document.body.textContent).toBe(text);
  checkSpans(a, plans);
  if (splits.length > 0) {
    markAll(h, plans);
    expect(ourMarks().length).toBe(second);
    expect(sameKindNested()).toBe(0);
  }

  h.clear();
  expect(ourMarks()).toHaveLength(0);
  expect(document.body.innerHTML).toBe(html);

  stats.cases++;
  stats.marks += count;
  if (count > 0) stats.withMarks++;
  if (quoteMarks > 0) stats.withQuotes++;
  if (count > quoteMarks) stats.withOfficials++;
}

const newStats = (): Stats => ({ cases: 0, withMarks: 0, withQuotes: 0, withOfficials: 0, marks: 0 });

describe('highlighting generated pages', () => {
  it('never throws, never changes the text, never double-wraps, leaves excluded regions alone, and clears exactly', () => {
    const stats = newStats();
    fc.assert(
      fc.property(page, (p) => checkPage(p, stats)),
      params(1500),
    );
    // The generator is worth its runs only if most pages really get marks.
    expect(stats.withMarks / stats.cases).toBeGreaterThan(0.6);
    expect(stats.withQuotes / stats.cases).toBeGreaterThan(0.4);
    expect(stats.withOfficials / stats.cases).toBeGreaterThan(0.4);
    console.log(`[property] highlighting: ${stats.cases} pages, ${stats.withMarks} with marks, ${stats.marks} marks`);
  }, 120_000);

  it('holds where page scripts left text split across adjacent text nodes', () => {
    const stats = newStats();
    const splits = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(page, splits, (p, s) => checkPage(p, stats, s)),
      params(400),
    );
    expect(stats.withMarks / stats.cases).toBeGreaterThan(0.6);
    console.log(`[property] split text nodes: ${stats.cases} pages, ${stats.withMarks} with marks, ${stats.marks} marks`);
  }, 120_000);

  it('holds on pages with huge text nodes', () => {
    const stats = newStats();
    // Up to ~200k characters in one text node: filler prose with quotes and names of real officials spread through it.
    // (A block with thousands of marks is slow in mark.js, which re-walks the block's text nodes per range; see docs/threat-model.md.)
    const filler = 'Allied ministers met in Brussels on Tuesday to discuss the budget, air defence and other matters at length. ';
    const huge = fc
      .record({
        s: fc.array(sentence, { minLength: 1, maxLength: 6 }),
        n: fc.integer({ min: 300, max: 2000 }),
        before: fc.array(block, { maxLength: 2 }),
        cut: fc.nat(),
      })
      .map(({ s, n, before, cut }) => {
        const chunk = Math.max(1, Math.floor(n / s.length));
        const text = s.map((x) => `${filler.repeat(chunk)}${x} `).join('');
        const at = cut % text.length;
        // One enormous text node, and the same text cut once inside an <em>.
        const one = `<p>${escapeText(text, false, 0)}</p>`;
        const two = `<p>${escapeText(text.slice(0, at), false, 0)}<em>${escapeText(text.slice(at), true, 1)}</em></p>`;
        return { title: 'NATO', lang: 'en', body: `<article>${before.join('')}${one}${two}</article>` };
      });
    fc.assert(
      fc.property(huge, (p) => checkPage(p, stats)),
      params(12),
    );
    console.log(`[property] huge text nodes: ${stats.cases} pages, ${stats.marks} marks`);
  }, 120_000);
});

describe('known awkward markup', () => {
  it('a <title> element inside the body is skipped by extraction as mark.js skips it (offsets stay aligned)', () => {
    checkPage(
      {
        title: 'NATO',
        lang: 'en',
        body: '<article><p>“We will defend <title>x</title>every inch of allied territory,” Mark Rutte said in Brussels about Russia.</p><p>Mark Rutte met NATO allies.</p></article>',
      },
      newStats(),
    );
  });
});
