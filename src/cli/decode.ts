/**
 * Bytes of a file → text, the way a browser decodes a page: a byte order
 * mark first, then (for HTML) the charset a <meta> declares near the start,
 * <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…">;
 * without either, UTF-8, or windows-1252 when the bytes are not valid UTF-8
 * (what browsers fall back to for most of our languages' old pages).
 */

/** How far into the file a <meta> charset is looked for (the standard's prescan reads 1,024 bytes; some pages need more). */
const PRESCAN_BYTES = 4096;

const META = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i;

export interface Decoded {
  text: string;
  /** The encoding used (a WHATWG encoding name, as TextDecoder reports it). */
  encoding: string;
  /** Where it came from. */
  source: 'bom' | 'meta' | 'default' | 'fallback';
}

/** The charset a page declares in a <meta> near its start, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Latin-1 keeps every byte as one character: ASCII markup reads the same whatever the real encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const body = head.search(/<body[\s>]/i);
  const m = META.exec(body < 0 ? head : head.slice(0, body));
  return m?.[1]?.toLowerCase() ?? null;
}

/** The encoding a label names (WHATWG names: "latin1" and "cp1251" are windows-1252 and windows-1251), or null. */
function encodingOf(label: string): string | null {
  if (label === 'x-user-defined') return 'windows-1252';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** windows-1252's characters for bytes 0x80–0x9F (the five it leaves undefined stay as they are). */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/** Decodes with a TextDecoder; windows-1252 by hand for bytes 0x80–0x9F, which some Node versions decode as ISO-8859-1. */
function decodeAs(encoding: string, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

export function decodeBytes(bytes: Uint8Array, html: boolean): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', source: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', source: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', source: 'bom' };
  const label = html ? declaredCharset(bytes) : null;
  if (label) {
    // As the standard says for a <meta>: a UTF-16 label means UTF-8 (the bytes were read as ASCII to find it), and
    // x-user-defined means windows-1252.
    const named = encodingOf(label);
    const encoding = named?.startsWith('utf-16') ? 'utf-8' : named;
    if (encoding) return { text: decodeAs(encoding, bytes), encoding, source: 'meta' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', source: 'default' };
  } catch {
    return { text: decodeAs('windows-1252', bytes), encoding: 'windows-1252', source: 'fallback' };
  }
}
