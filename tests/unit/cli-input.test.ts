/**
 * The analyze command's input (Node): files are decoded as a browser decodes
 * them (byte order mark, a <meta> charset, else UTF-8 or windows-1252), pages
 * nested absurdly deep are flattened before jsdom parses them, and whatever a
 * page does, the command prints JSON. Our own invented pages.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseInput } from '../../src/cli/analyze.ts';
import { declaredCharset, decodeBytes } from '../../src/cli/decode.ts';
import { parseHtml } from '../../src/cli/dom.ts';
import { capNesting, MAX_NESTING } from '../../src/cli/nesting.ts';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';

const latin = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
/** "Für Äußerungen – „so“" in windows-1252 bytes (the dashes and quotes are in 0x80–0x9F). */
const CP1252 = latin('F\xfcr \xc4u\xdferungen \x96 \x84so\x93');
const PLAIN = 'Für Äußerungen – „so“';

describe('decoding a file', () => {
  it('follows <meta charset>', () => {
    const page = new Uint8Array([...latin('<html><head><meta charset="windows-1252"><title>x</title></head><body><p>'), ...CP1252]);
    expect(declaredCharset(page)).toBe('windows-1252');
    const d = decodeBytes(page, true);
    expect(d).toMatchObject({ encoding: 'windows-1252', source: 'meta' });
    expect(d.text).toContain(PLAIN);
  });

  it('follows <meta http-equiv="Content-Type" content="…; charset=…">, whatever the label’s case', () => {
    const head = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body>';
    expect(decodeBytes(new Uint8Array([...latin(head), ...CP1252]), true).text).toContain(PLAIN);
    const cyr = new Uint8Array([
      ...latin('<meta http-equiv=content-type content="text/html;charset=windows-1251"><p>'),
      0xcd,
      0xc0,
      0xd2,
      0xce,
    ]);
    expect(decodeBytes(cyr, true)).toMatchObject({ encoding: 'windows-1251', text: expect.stringContaining('НАТО') });
  });

  it('lets a byte order mark win over a <meta>, and reads a <meta> UTF-16 label as UTF-8', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<meta charset="windows-1252"><p>Für')]);
    expect(decodeBytes(bom, true)).toMatchObject({ encoding: 'utf-8', source: 'bom', text: expect.stringContaining('Für') });
    const utf16 = new TextEncoder().encode('<meta charset="utf-16"><p>Für');
    expect(decodeBytes(utf16, true)).toMatchObject({ encoding: 'utf-8', text: expect.stringContaining('Für') });
    const le = new Uint8Array([0xff, 0xfe, ...[...'<p>Für'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeBytes(le, true).text).toContain('Für');
  });

  it('reads UTF-8 without a declaration, and bytes that are not UTF-8 as windows-1252', () => {
    expect(decodeBytes(new TextEncoder().encode(`<p>${PLAIN}</p>`), true)).toMatchObject({ encoding: 'utf-8', text: `<p>${PLAIN}</p>` });
    expect(decodeBytes(CP1252, false)).toMatchObject({ encoding: 'windows-1252', source: 'fallback', text: PLAIN });
  });

  it('ignores a charset named only in the body or in plain text', () => {
    const page = new TextEncoder().encode('<html><body><p>Write <meta charset="koi8-r"> in the head, Ärger.</p>');
    expect(decodeBytes(page, true)).toMatchObject({ encoding: 'utf-8' });
    expect(decodeBytes(new TextEncoder().encode('<meta charset="koi8-r"> Ärger'), false)).toMatchObject({ encoding: 'utf-8' });
  });
});

const deep = (n: number, inner = '<p>Deep text.</p>') =>
  `<!doctype html><html><body>${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}</body></html>`;

describe('capping the nesting depth', () => {
  it('leaves a page within the cap exactly as it is', () => {
    const html = deep(300);
    expect(capNesting(html)).toEqual({ html, depth: 303, flattened: 0 });
  });

  it('does not count elements the parser closes itself (unclosed <p>, <li>, <td>, <option>) as nesting', () => {
    const soup = `<body>${'<p>One more paragraph'.repeat(2000)}<ul>${'<li>item'.repeat(2000)}</ul><table>${'<tr><td>cell<td>cell'.repeat(1000)}</table><select>${'<option>o'.repeat(1000)}</select>${'<img><br>'.repeat(1000)}<script>${'<div>'.repeat(2000)}</script><!--${'<div>'.repeat(2000)}--><svg>${'<path d="M0"/>'.repeat(2000)}</svg>`;
    const r = capNesting(soup);
    expect(r.flattened).toBe(0);
    expect(r.depth).toBeLessThan(10);
  });

  it('flattens what is deeper than the cap, keeping every element and all the text in order', () => {
    const html = deep(3000, '<p>Deep text.</p><p>More deep text.</p>');
    const r = capNesting(html);
    expect(r.depth).toBe(3003);
    expect(r.flattened).toBeGreaterThan(2000);
    const doc = parseHtml(html);
    let max = 0;
    for (const el of doc.querySelectorAll('*')) {
      let d = 0;
      for (let e: Element | null = el; e; e = e.parentElement) d++;
      max = Math.max(max, d);
    }
    expect(max).toBeLessThanOrEqual(MAX_NESTING + 1);
    expect(doc.querySelectorAll('div')).toHaveLength(3000);
    expect([...doc.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Deep text.', 'More deep text.']);
  });

  it('analyses a page nested 20,000 deep quickly, as a browser would read it', () => {
    const story =
      '<h1>Minister warns the alliance</h1><p>Russian Foreign Minister Sergei Lavrov warned the alliance on Monday against sending troops, in a long statement to the press in Moscow.</p>';
    const t = performance.now();
    const r = analyseInput({ html: deep(20_000, story), date: '2025-03-03' }, bundledDataset());
    expect(performance.now() - t).toBeLessThan(15_000);
    expect('error' in r).toBe(false);
    if (!('error' in r)) expect(r.officials.map((o) => o.id)).toContain('sergei-lavrov');
  }, 30_000);
});

describe('the command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sourcelight-cli-'));
  const run = (file: string) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', resolve(import.meta.dirname, '../../src/cli/analyze.ts'), file, '--date', '2024-01-19'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );

  it('reads a windows-1252 page as windows-1252', () => {
    const file = join(dir, 'legacy.html');
    const head =
      '<!doctype html><html lang="de"><head><meta charset="windows-1252"><title>Verteidigung</title></head><body><article><h1>Minister warnt</h1><p>';
    const text = latin(
      'Verteidigungsminister Boris Pistorius sagte am Freitag in Berlin, Europa m\xfcsse sich auf l\xe4ngere Spannungen einstellen. \x84Wir m\xfcssen bereit sein\x93, sagte Pistorius.',
    );
    writeFileSync(file, new Uint8Array([...latin(head), ...text, ...latin('</p></article></body></html>')]));
    const r = run(file);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.text).toContain('Europa müsse sich auf längere Spannungen einstellen.');
    expect(out.officials.map((o: { id: string }) => o.id)).toContain('boris-pistorius');
  }, 60_000);

  it('prints JSON for a page nested absurdly deep, never a crash', () => {
    const file = join(dir, 'deep.html');
    writeFileSync(file, deep(30_000, '<p>Nothing much happens in this short paragraph about the weather in the hills.</p>'));
    const r = run(file);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.error ?? out.verdict).toBeDefined();
  }, 60_000);
});
