/**
 * A Document for the commands, parsed by jsdom (a spec-compliant HTML
 * parser) with scripts and subresource loading off: the page layer reads it
 * exactly as it reads a page in the browser, and nothing touches the network.
 *
 * Style sheets are emptied before parsing: the page layer never reads them,
 * and jsdom's CSS parser throws on some real pages' CSS (e.g. unprocessed
 * SCSS variables inside calc()). Inline style attributes stay, since hidden
 * elements are recognised by them; if they too break the parser, they go.
 * Elements nested deeper than a browser nests them are flattened (nesting.ts).
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { capNesting } from './nesting.ts';

const STYLE_ELEMENT = /(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi;
const STYLE_ATTRIBUTE = /\sstyle\s*=\s*("[^"]*"|'[^']*')/gi;

export function parseHtml(html: string, url = 'https://localhost/'): Document {
  // A page's broken CSS or markup is reported by jsdom on its console: not our output.
  const virtualConsole = new VirtualConsole();
  // Absurdly deep nesting is flattened first, as Chromium's parser does (jsdom's cost grows with its square).
  const source = capNesting(html.replace(STYLE_ELEMENT, '$1$2')).html;
  try {
    return new JSDOM(source, { url, virtualConsole }).window.document;
  } catch {
    return new JSDOM(source.replace(STYLE_ATTRIBUTE, ''), { url, virtualConsole }).window.document;
  }
}
