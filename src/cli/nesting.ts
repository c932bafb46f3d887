/**
 * Caps how deep a page's elements nest, on its source, before jsdom parses it.
 *
 * jsdom's cost grows with the square of the nesting depth (each insertion
 * walks up every ancestor, recursively): 8,000 nested elements take 8 s, and
 * 20,000 overflow the stack after 45 s. Browsers do not build such trees
 * either: Chromium's parser nests no deeper than 512 and puts anything deeper
 * beside its parent instead. This does the same on the source: a light scan of
 * the tags keeps an estimate of the parser's stack of open elements (void and
 * raw-text elements, the usual implied end tags), and when a start tag would
 * go deeper than the cap, it first closes the innermost open element, whose
 * own end tag is then left out. Text and elements all stay, in order; only
 * the nesting beyond the cap is flattened. Pages within the cap come back
 * unchanged (the same string).
 */

export const MAX_NESTING = 512;

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements whose content is text up to their end tag (noscript is markup: the commands parse with scripting off). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
/** Where a search for an open element to close stops ("in scope" in the HTML standard). */
const SCOPE = new Set(['html', 'table', 'td', 'th', 'caption', 'marquee', 'object', 'applet', 'template', 'svg', 'math']);
/** Start tags that close an open <p>. */
const CLOSES_P = new Set(
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section summary table ul li dd dt listing'.split(
    ' ',
  ),
);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Implied end tags: a start tag (key) closes an open element of these names, searching no further than the stops. */
const IMPLIED: Record<string, { close: string[]; stop: Set<string> }> = {
  li: { close: ['li'], stop: new Set([...SCOPE, 'ul', 'ol']) },
  dd: { close: ['dd', 'dt'], stop: new Set([...SCOPE, 'dl']) },
  dt: { close: ['dd', 'dt'], stop: new Set([...SCOPE, 'dl']) },
  option: { close: ['option'], stop: new Set(['select', 'datalist', ...SCOPE]) },
  optgroup: { close: ['option', 'optgroup'], stop: new Set(['select', ...SCOPE]) },
  tr: { close: ['tr'], stop: new Set(['table', 'tbody', 'thead', 'tfoot', 'html']) },
  td: { close: ['td', 'th'], stop: new Set(['tr', 'table', 'html']) },
  th: { close: ['td', 'th'], stop: new Set(['tr', 'table', 'html']) },
  tbody: { close: ['tbody', 'thead', 'tfoot'], stop: new Set(['table', 'html']) },
  thead: { close: ['tbody', 'thead', 'tfoot'], stop: new Set(['table', 'html']) },
  tfoot: { close: ['tbody', 'thead', 'tfoot'], stop: new Set(['table', 'html']) },
  a: { close: ['a'], stop: SCOPE },
};
const P = ['p'];

interface Open {
  name: string;
  /** Closed early by us (to stay within the cap): its own end tag is left out. */
  closed: boolean;
}

const TAG_NAME = /<(\/?)([a-zA-Z][^\t\n\f\r />]*)/y;

export interface Capped {
  html: string;
  /** The deepest nesting seen (an estimate, as the parser would build it without the cap). */
  depth: number;
  /** Elements closed early to stay within the cap. */
  flattened: number;
}

const rawTextEnds = new Map<string, RegExp>();
const rawTextEnd = (name: string): RegExp => {
  let re = rawTextEnds.get(name);
  if (!re) {
    re = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi');
    rawTextEnds.set(name, re);
  }
  return re;
};

/** The quote at j opens an attribute value: '=' comes before it (spaces aside). */
function afterEquals(html: string, j: number): boolean {
  let k = j - 1;
  while (k > 0 && (html.charCodeAt(k) === 32 || html.charCodeAt(k) === 10 || html.charCodeAt(k) === 9 || html.charCodeAt(k) === 13)) k--;
  return html.charCodeAt(k) === 61;
}

export function capNesting(html: string, cap = MAX_NESTING): Capped {
  const stack: Open[] = [];
  /** Where in the stack the open elements not closed early are: as many as the depth the parser is at. */
  const live: number[] = [];
  /** How many elements of each name are in the stack: searches for one that is not are skipped (or deep pages cost the square). */
  const count = new Map<string, number>();
  const isOpen = (name: string) => (count.get(name) ?? 0) > 0;
  let deepest = 0;
  let flattened = 0;
  /** svg or math open: "/>" closes an element there. */
  let foreign = 0;
  const out: string[] = [];
  let copied = 0;
  const pop = (to: number) => {
    while (stack.length > to) {
      const e = stack.pop();
      if (!e) break;
      count.set(e.name, (count.get(e.name) ?? 1) - 1);
      if (e.name === 'svg' || e.name === 'math') foreign--;
    }
    while (live.length > 0 && (live[live.length - 1] ?? 0) >= to) live.pop();
  };
  /** Closes the innermost open element named in `close`, and all inside it, unless a stop comes first. */
  const closeOpen = (close: string[], stop: Set<string>): boolean => {
    if (!close.some(isOpen)) return false;
    for (let k = stack.length - 1; k >= 0; k--) {
      const name = stack[k]?.name ?? '';
      if (close.includes(name)) {
        pop(k);
        return true;
      }
      if (stop.has(name)) return false;
    }
    return false;
  };
  let i = 0;
  const n = html.length;
  while (i < n) {
    i = html.indexOf('<', i);
    if (i < 0) break;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const next = html.charCodeAt(i + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const end = html.indexOf('>', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    TAG_NAME.lastIndex = i;
    const m = TAG_NAME.exec(html);
    if (!m) {
      i++;
      continue;
    }
    const start = i;
    const isEnd = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    // The tag's end: the first '>' outside a quoted attribute value.
    let j = TAG_NAME.lastIndex;
    while (j < n) {
      const c = html.charCodeAt(j);
      if (c === 62 /* > */) break;
      if ((c === 34 || c === 39) && afterEquals(html, j)) {
        const close = html.indexOf(String.fromCharCode(c), j + 1);
        j = close < 0 ? n : close;
      }
      j++;
    }
    const tagEnd = Math.min(n, j + 1);
    i = tagEnd;
    if (isEnd) {
      if (!isOpen(name)) continue;
      let k = stack.length - 1;
      while (k >= 0 && stack[k]?.name !== name && !SCOPE.has(stack[k]?.name ?? '')) k--;
      if (k < 0 || stack[k]?.name !== name) continue;
      const early = stack[k]?.closed;
      pop(k);
      if (early) {
        // Closed early by us already: this end tag goes.
        out.push(html.slice(copied, start));
        copied = tagEnd;
      }
      continue;
    }
    if (name === 'plaintext') break;
    if (RAW_TEXT.has(name)) {
      const re = rawTextEnd(name);
      re.lastIndex = tagEnd;
      const close = re.exec(html);
      i = close ? close.index : n;
      continue;
    }
    if (VOID.has(name) || (foreign > 0 && html.charCodeAt(j - 1) === 47) /* "/>" */) continue;
    // The end tags the parser implies.
    if (CLOSES_P.has(name)) closeOpen(P, SCOPE);
    const implied = IMPLIED[name];
    if (implied) closeOpen(implied.close, implied.stop);
    if (HEADINGS.has(name) && HEADINGS.has(stack[stack.length - 1]?.name ?? '')) pop(stack.length - 1);
    if (live.length >= cap) {
      // Too deep: the innermost open element closes here, and this one opens beside it.
      const inner = stack[live.pop() ?? -1];
      if (inner) {
        out.push(html.slice(copied, start), `</${inner.name}>`);
        copied = start;
        inner.closed = true;
        flattened++;
      }
    }
    live.push(stack.length);
    stack.push({ name, closed: false });
    count.set(name, (count.get(name) ?? 0) + 1);
    if (stack.length > deepest) deepest = stack.length;
    if (name === 'svg' || name === 'math') foreign++;
  }
  if (flattened === 0) return { html, depth: deepest, flattened };
  out.push(html.slice(copied));
  return { html: out.join(''), depth: deepest, flattened };
}
