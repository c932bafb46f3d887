/**
 * Hostile pages, in Chromium and Firefox (fixtures tests/fixtures/pages/hostile-*.html, on a listed news host):
 *
 * (a) HTML, script, attribute and URL payloads in quotes, a role, the title and the page's metadata stay text
 *     wherever Sourcelight shows them (marks, card, popup): nothing executes and nothing loads;
 * (b) a page that replaces the globals and built-ins a content script might use, clobbers our names with
 *     named elements and takes our card's tag as its own custom element: Sourcelight still works;
 * (c) a page served with `Content-Security-Policy: default-src 'none'; style-src 'none'; script-src 'none'`:
 *     highlights, their styles and the hover card still work;
 * (d) a page that keeps posting look-alike messages and events: they change nothing and get no answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMarks, hoverForCard, openWatched, realProblems, sleep, waitForMarks } from './hardening.helpers.ts';
import { type LaunchedBrowser, launchBrowser, sendToTab, storageGet } from './support/launch.ts';
import { closeQuietly, PopupPage } from './support/pages.ts';
import { type FixtureServer, startServer } from './support/server.ts';

/** On the manifest's default list: the content script runs by itself. */
const HOST = 'www.theguardian.com';
const STRICT_CSP = "default-src 'none'; style-src 'none'; script-src 'none'";

let server: FixtureServer;

beforeAll(async () => {
  server = await startServer({
    routes: { '/hostile-csp.html': { file: 'hostile-csp.html', headers: { 'content-security-policy': STRICT_CSP } } },
  });
});

afterAll(async () => {
  await server?.close();
});

/** Every request for a payload's URL: any would mean a payload was parsed as HTML or CSS somewhere. */
const payloadRequests = () => server.requests.filter((r) => r.host.includes('evil.example') || /evil|pwned/.test(r.target));

describe.each(['chromium', 'firefox'] as const)('%s', (kind) => {
  let b: LaunchedBrowser;

  beforeAll(async () => {
    b = await launchBrowser(kind, { server });
  });

  afterAll(async () => {
    await b?.close();
  });

  it('(a) payloads in quotes, names, the title and metadata stay text: nothing runs, nothing loads', async () => {
    const w = await openWatched(b, server.url(HOST, '/hostile-payloads.html'));
    try {
      await waitForMarks(w.page, (c) => c.quotes >= 4 && c.officials >= 2);
      // The page: no element, attribute or handler beyond what the fixture has, and our marks carry only our hooks.
      const page = await w.page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        active: document.querySelectorAll('img, script, iframe, svg, object, embed, style, link, template').length,
        handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
        markAttributes: [
          ...new Set([...document.querySelectorAll('mark[data-sourcelight]')].flatMap((m) => [...m.attributes].map((a) => a.name))),
        ].sort(),
        markTags: [...document.querySelectorAll('mark[data-sourcelight] *')].map((e) => e.tagName),
      }));
      expect(page.pwned).toBeNull();
      expect(page.active, 'only the fixture’s own JSON-LD script').toBe(1);
      expect(page.handlers).toBe(0);
      const OURS = [
        'class',
        'data-markjs',
        'data-official-id',
        'data-official-key',
        'data-quote-index',
        'data-quote-kind',
        'data-sourcelight',
        'data-speaker-colour',
        'data-speaker-id',
        'style',
        'tabindex',
      ];
      for (const a of page.markAttributes) expect(OURS).toContain(a);
      expect(page.markTags.filter((t) => t !== 'MARK')).toEqual([]);

      // The analysis keeps the payloads as the text they are.
      const reply = await sendToTab<{ ok: boolean; value: { text: string; officials: { name: string; role: string | null }[] } }>(
        b,
        w.page,
        {
          type: 'getAnalysis',
        },
      );
      expect(reply.ok).toBe(true);
      expect(reply.value.text).toContain('<img src="http://evil.example/quote.png" onerror=');

      // A card for the official whose role the article gives with a payload in it.
      expect(await hoverForCard(w.page, 'mark[data-sourcelight="official"][data-official-key^="text:"]')).toBe('sourcelight-card');

      // The popup: the payloads appear as text, and nothing in its DOM came from them.
      const popup = new PopupPage(await b.openPopupFor(w.page));
      try {
        await popup.waitForSummary(1);
        const dom = await popup.page.evaluate((base) => {
          const all = [...document.querySelectorAll('*')];
          return {
            text: document.body.textContent ?? '',
            foreign: all
              .filter(
                (el) =>
                  /^(IFRAME|OBJECT|EMBED|SVG|STYLE|TEMPLATE)$/i.test(el.tagName) ||
                  (el.tagName === 'IMG' && !(el as HTMLImageElement).src.startsWith(base)) ||
                  (el.tagName === 'SCRIPT' && !(el as HTMLScriptElement).src.startsWith(base)),
              )
              .map((el) => el.outerHTML.slice(0, 80)),
            handlers: all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name) || /evil\.example/.test(a.value))).length,
          };
        }, b.extensionBaseUrl);
        expect(dom.foreign).toEqual([]);
        expect(dom.handlers).toBe(0);
        expect(dom.text).toContain('<img src="http://evil.example/quote.png');
        expect(dom.text).toContain('the commander of the <img src=http');
      } finally {
        await closeQuietly(popup.page);
      }
      await sleep(300);
      expect(payloadRequests()).toEqual([]);
      expect(await w.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
      expect(realProblems(w)).toEqual([]);
    } finally {
      await closeQuietly(w.page);
    }
  });

  it('(b) a page that fakes or breaks the globals and built-ins we might use, and clobbers our names', async () => {
    const w = await openWatched(b, server.url(HOST, '/hostile-globals.html'));
    try {
      const marks = await waitForMarks(w.page, (c) => c.quotes >= 2 && c.officials >= 2);
      expect(marks.total).toBeGreaterThanOrEqual(4);
      // The card works though the page took <sourcelight-card> (and its shadow root) for itself.
      expect(['sourcelight-card', 'div']).toContain(await hoverForCard(w.page, 'mark[data-sourcelight="official"]'));
      // None of the page's fakes was ever called by us (its own custom element's constructor runs when a card host is made).
      const calls = await w.page.evaluate(() => (window as unknown as { __calls: string[] }).__calls.slice());
      expect(calls.filter((c) => c !== 'sourcelight-card constructed')).toEqual([]);
      // The popup hears from this tab's content script as usual.
      const popup = new PopupPage(await b.openPopupFor(w.page));
      try {
        const { verdict, speakers } = await popup.waitForSummary(1);
        expect(verdict).toMatch(/^relevant\b/i);
        expect(speakers.map((s) => s.key)).toContain('mark-rutte');
      } finally {
        await closeQuietly(popup.page);
      }
      if (kind === 'chromium') {
        // Inside our content script's world: the real extension API and untouched built-ins, though the page's
        // named elements do reach it (window.__sourcelight is the page's <div> there: DOM clobbering).
        const [realm] = w.page.extensionRealms();
        expect(realm, 'the content script’s isolated world').toBeDefined();
        const inside = await realm?.evaluate(() => {
          const g = globalThis as unknown as { __sourcelight?: unknown; chrome: typeof chrome };
          return {
            runtimeId: g.chrome.runtime.id,
            nativeMap: Function.prototype.toString.call(Array.prototype.map).includes('[native code]'),
            nativeQsa: Function.prototype.toString.call(Document.prototype.querySelectorAll).includes('[native code]'),
            marks: document.querySelectorAll('mark[data-sourcelight]').length,
            polluted: 'type' in {},
            clobbered: String(g.__sourcelight),
          };
        });
        expect(inside).toMatchObject({ runtimeId: new URL(b.extensionBaseUrl).host, nativeMap: true, nativeQsa: true, polluted: false });
        expect(inside?.marks).toBe(marks.total);
        expect(inside?.clobbered).toMatch(/HTMLDivElement|Window|undefined/);
      }
      expect(realProblems(w).filter((p) => /sourcelight|extension/i.test(`${p.text} ${p.url}`))).toEqual([]);
    } finally {
      await closeQuietly(w.page);
    }
  });

  it("(c) a strict Content-Security-Policy (default-src 'none'; style-src 'none'; script-src 'none')", async () => {
    const w = await openWatched(b, server.url(HOST, '/hostile-csp.html'));
    try {
      // The policy is in force: the page's own inline script and style were blocked.
      const csp = await w.page.evaluate(() => ({
        script: document.documentElement.getAttribute('data-csp'),
        style: getComputedStyle(document.body).outlineColor,
      }));
      expect(csp.script).toBeNull();
      expect(csp.style).not.toBe('rgb(255, 0, 0)');

      const marks = await waitForMarks(w.page, (c) => c.quotes >= 2 && c.officials >= 2);
      expect(marks.total).toBeGreaterThanOrEqual(4);
      // Our extension style sheet and the per-speaker colour (a custom property set through the CSSOM) apply.
      const look = await w.page.evaluate(() => {
        const q = document.querySelector('mark[data-sourcelight="quote"]:not([data-quote-kind])') as HTMLElement | null;
        const o = document.querySelector('mark[data-sourcelight="official"]') as HTMLElement | null;
        return {
          colour: q ? getComputedStyle(q).getPropertyValue('--sl-colour').trim() : '',
          background: q ? getComputedStyle(q).backgroundColor : '',
          officialLine: o ? getComputedStyle(o).textDecorationLine : '',
        };
      });
      expect(look.colour).toMatch(/^#[0-9a-f]{6}$/i);
      expect(look.background).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
      expect(look.officialLine).toContain('underline');
      // The card: positioned and drawn by its own (constructed) style sheet, for names and for quotes.
      expect(await hoverForCard(w.page, 'mark[data-sourcelight="official"]')).toBe('sourcelight-card');
      await w.page.mouse.move(1, 1);
      await sleep(400);
      expect(await hoverForCard(w.page, 'mark[data-sourcelight="quote"]')).toBe('sourcelight-card');
      expect(realProblems(w)).toEqual([]);
    } finally {
      await closeQuietly(w.page);
    }
  });

  it('(d) look-alike messages and events from the page change nothing and get no answer', async () => {
    const w = await openWatched(b, server.url(HOST, '/hostile-messages.html'));
    try {
      const marks = await waitForMarks(w.page, (c) => c.quotes >= 2 && c.officials >= 2);
      // The page has been forging "turn highlights off" ten times a second since before we started; give it time.
      await sleep(2_000);
      expect(await countMarks(w.page)).toEqual(marks);
      const state = await sendToTab<{ ok: boolean; value: { highlights: boolean; phase: string } }>(b, w.page, { type: 'getState' });
      expect(state).toMatchObject({ ok: true, value: { highlights: true, phase: 'ready' } });
      const settings = (await storageGet(b, 'settings')) as { sites?: Record<string, boolean> } | undefined;
      expect(settings?.sites?.[HOST]).toBeUndefined();

      const heard = await w.page.evaluate(() => {
        const w2 = window as unknown as { __heard: { kind: string; data?: unknown; own?: boolean }[]; __sent: number; __runtime: string };
        clearInterval((window as unknown as { __forger: number }).__forger);
        return { heard: w2.__heard.slice(), sent: w2.__sent, runtime: w2.__runtime };
      });
      // Every message the page received is one it posted itself: no reply, no analysis, nothing from us.
      const messages = heard.heard.filter((h) => h.kind === 'message');
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.length).toBeLessThanOrEqual(heard.sent);
      for (const m of messages) {
        expect(m.own).toBe(true);
        expect(JSON.stringify(m.data)).not.toMatch(/"(ok|value|error|summary|quotes|officials)"/);
      }
      for (const e of heard.heard.filter((h) => h.kind === 'event')) expect(JSON.stringify(e)).not.toMatch(/"(ok|value|summary|quotes)"/);
      // No extension API reachable from the page (no externally_connectable).
      expect(heard.runtime).not.toBe('function');
      expect(realProblems(w)).toEqual([]);
    } finally {
      await closeQuietly(w.page);
    }
  });
});
