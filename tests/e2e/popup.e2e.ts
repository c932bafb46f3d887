/**
 * The popup and the options page, in Chromium (the genuine toolbar popup) and
 * Firefox (the popup opened as a tab for the article's tab id):
 *
 * - the seed article's summary: speakers with roles and quote counts, officials
 *   only mentioned, a counterpart cross-reference, the FSB description check;
 *   a quote click scrolls the page to it and flashes it; the switch; "Copy
 *   summary";
 * - a page not judged relevant says so and "Analyze anyway" works;
 * - a hostile page's payloads stay inert text in the popup and in cards;
 * - axe-core finds no violations in the popup (light and dark) or the options
 *   page; the popup is keyboard reachable in document order with visible focus;
 * - options survive a reload; corrupt stored settings are repaired to defaults
 *   with a notice, and highlighting keeps working.
 *
 * axe-core is evaluated into the extension page through the automation
 * protocol (puppeteer's `page.evaluate(source)`): an inline <script> from
 * `addScriptTag` is blocked by the extension pages' CSP. Dark mode is
 * `emulateMediaFeatures` in Chromium; WebDriver BiDi has no such command, so
 * in Firefox the pages' own `prefers-color-scheme: dark` rules are switched on
 * (their media text set to `all`), and the test checks that the colours changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.ts';
import { extensionProbe, knownTabId, type LaunchedBrowser, launchBrowser, REPO_ROOT, storageGet, storageSet } from './support/launch.ts';
import { closeQuietly, MarkedArticle, PopupPage, readSeed, waitUntil } from './support/pages.ts';
import { type FixtureServer, startServer } from './support/server.ts';

const SEED_PATH = '/world/mattis-russia-must-prove-itself.html';
const NEWS_HOST = 'www.washingtonpost.com';
const UNLISTED = 'www.example.org';
const AXE_SOURCE = readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface PersonRow {
  key: string;
  name: string;
  role: string;
  quotes: number;
  crossrefs: string;
}

function rows(popup: Page, testid: 'speaker' | 'mentioned'): Promise<PersonRow[]> {
  return popup.evaluate(
    (id) =>
      [...document.querySelectorAll(`[data-testid="${id}"]`)].map((el) => ({
        key: el.getAttribute('data-key') ?? '',
        name: el.querySelector('.name')?.textContent ?? '',
        role: el.querySelector('[data-testid="role"]')?.textContent ?? '',
        quotes: Number(el.getAttribute('data-quotes')),
        crossrefs: (el.querySelector('[data-testid="crossrefs"]')?.textContent ?? '').replace(/\s+/g, ' '),
      })),
    testid,
  );
}

/** Reloads an extension page (Firefox never settles `page.reload()` for moz-extension: pages). */
async function reloadExtensionPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __beforeReload?: boolean }).__beforeReload = true;
    setTimeout(() => location.reload(), 0);
  });
  await waitUntil('the page to reload', () =>
    page.evaluate(() => !(window as unknown as { __beforeReload?: boolean }).__beforeReload && document.readyState === 'complete'),
  );
}

let server: FixtureServer;

beforeAll(async () => {
  server = await startServer();
  server.route(SEED_PATH, { body: readSeed() });
});

afterAll(async () => {
  await server?.close();
});

describe.each(['chromium', 'firefox'] as const)('%s', (kind) => {
  let b: LaunchedBrowser;
  let seed: MarkedArticle;

  async function open(host: string, path: string): Promise<MarkedArticle> {
    const article = new MarkedArticle(await b.openPage(server.url(host, path)));
    // Found now, before any popup is open (finding it may bring the tab to the front).
    await knownTabId(b, article.page);
    return article;
  }

  async function popupFor(article: MarkedArticle): Promise<PopupPage> {
    return new PopupPage(await b.openPopupFor(article.page));
  }

  /** Light or dark for an extension page: real emulation in Chromium, the page's own dark rules forced on in Firefox. */
  async function colourScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
    if (kind === 'chromium') {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      return;
    }
    await page.evaluate((dark) => {
      const w = window as unknown as { __slSchemeRules?: CSSMediaRule[] };
      if (!w.__slSchemeRules) {
        w.__slSchemeRules = [];
        for (const sheet of document.styleSheets)
          for (const rule of sheet.cssRules)
            if (rule instanceof CSSMediaRule && /prefers-color-scheme:\s*dark/.test(rule.conditionText)) w.__slSchemeRules.push(rule);
      }
      for (const rule of w.__slSchemeRules) rule.media.mediaText = dark ? 'all' : 'not all';
    }, scheme === 'dark');
  }

  /** axe-core's violations on an extension page, every <details> opened first so its content is checked too. */
  async function axeViolations(page: Page): Promise<string[]> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
    const json = await page.evaluate(async () => {
      for (const d of document.querySelectorAll('details')) d.open = true;
      const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe;
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return JSON.stringify(r.violations);
    });
    const violations = JSON.parse(json) as { id: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
    return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}) at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
  }

  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  beforeAll(async () => {
    b = await launchBrowser(kind, { server });
    await extensionProbe(b);
    seed = await open(NEWS_HOST, SEED_PATH);
    await seed.waitForMarks((m) => m.quotes >= 17);
  });

  afterAll(async () => {
    await b?.close();
  });

  it('summarises the seed article: speakers, roles, counts, mentioned officials, a counterpart and the FSB check', async () => {
    const popup = await popupFor(seed);
    try {
      await popup.waitForSummary(4);
      expect(await popup.page.$eval('#verdict', (el) => el.getAttribute('data-verdict'))).toBe('relevant');
      const speakers = await rows(popup.page, 'speaker');
      const byKey = Object.fromEntries(speakers.map((s) => [s.key, s]));
      expect(Object.fromEntries(speakers.map((s) => [s.key, s.quotes]))).toEqual({
        'james-mattis': 12,
        'vladimir-putin': 2,
        'sergei-shoigu': 1,
        'margus-tsahkna': 2,
      });
      expect(byKey['james-mattis']?.name).toBe('James Mattis');
      expect(byKey['james-mattis']?.role).toContain('Secretary of Defense');
      expect(byKey['vladimir-putin']?.name).toBe('Vladimir Putin');
      expect(byKey['sergei-shoigu']?.name).toBe('Sergei Shoigu');
      expect(byKey['margus-tsahkna']?.name).toBe('Margus Tsahkna');
      // Quote buttons: one per quote.
      expect(await popup.page.$$eval('[data-testid="speaker"][data-key="james-mattis"] [data-testid="quote"]', (l) => l.length)).toBe(12);

      const mentioned = await rows(popup.page, 'mentioned');
      expect(mentioned.map((m) => m.name).sort()).toEqual(['Donald Trump', 'Joseph Dunford', 'Valery Gerasimov']);

      // Counterparts, both ways: Mattis ↔ Shoigu.
      expect(byKey['james-mattis']?.crossrefs).toMatch(/Counterparts here.*Sergei Shoigu/);
      expect(byKey['sergei-shoigu']?.crossrefs).toMatch(/Counterparts here.*James Mattis/);

      const checks = await popup.page.$$eval('[data-testid="description-check"]', (l) => l.map((el) => el.textContent ?? ''));
      expect(checks.some((c) => c.includes('FSB') && /domestic/i.test(c))).toBe(true);
    } finally {
      await closeQuietly(popup.page);
    }
  });

  it('a quote clicked in the popup scrolls the page to it and flashes it', async () => {
    await seed.page.evaluate(() => window.scrollTo(0, 0));
    const popup = await popupFor(seed);
    try {
      await popup.waitForSummary(4);
      // The last quote of the article, far below the first screen.
      const index = await popup.page.$$eval('[data-testid="quote"]', (l) =>
        Math.max(...l.map((el) => Number(el.getAttribute('data-quote-index')))),
      );
      const selector = `mark[data-sourcelight="quote"][data-quote-index="${index}"]`;
      const inView = () =>
        seed.page.evaluate((sel) => {
          const r = document.querySelector(sel)?.getBoundingClientRect();
          return r ? r.top >= 0 && r.bottom <= window.innerHeight : false;
        }, selector);
      expect(await inView()).toBe(false);
      const button = `[data-testid="quote"][data-quote-index="${index}"]`;
      if (kind === 'chromium') await popup.page.click(button);
      else {
        // Firefox's popup here is a tab in front of the article, and a hidden tab drops a smooth scroll: show the
        // article (as the real popup does, over it) and click the button in the popup's document.
        await seed.page.bringToFront();
        await popup.page.$eval(button, (el) => (el as HTMLElement).click());
      }
      await waitUntil('the quote to flash', () =>
        seed.page.evaluate((sel) => document.querySelector(sel)?.hasAttribute('data-sl-flash'), selector),
      );
      await waitUntil('the quote to scroll into view', inView);
      expect(await seed.page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    } finally {
      await closeQuietly(popup.page);
    }
  });

  it('the switch turns the page off and on; "Copy summary" yields the Markdown', async () => {
    const before = await seed.marks();
    const popup = await popupFor(seed);
    try {
      await popup.waitForSummary(4);
      expect(await popup.toggleHighlights()).toBe(false);
      await seed.waitForMarks((m) => m.total === 0);
      expect(await popup.toggleHighlights()).toBe(true);
      // Marks go on in slices: wait for all of them.
      expect(await seed.waitForMarks((m) => m.total >= before.total)).toEqual(before);

      if (kind === 'chromium') {
        const origin = b.extensionBaseUrl.replace(/\/$/, '');
        await b.browser.defaultBrowserContext().overridePermissions(origin, ['clipboard-read', 'clipboard-sanitized-write']);
      }
      await popup.page.click('[data-testid="copy-summary"]');
      const md = await waitUntil('the copied Markdown', () => popup.page.evaluate(() => document.body.dataset.lastCopy));
      expect(md).toMatch(/^# Mattis: Russia must prove itself before military cooperation\n/);
      expect(md).toContain('### James Mattis — Secretary of Defense');
      expect(md).toContain('### Sergei Shoigu — Minister of Defence');
      expect(md).toContain('- “fruitless,”');
      expect(md).toContain('## Mentioned, not quoted');
      expect(md).toContain('- Joseph Dunford — Chairman of the Joint Chiefs of Staff');
      expect(md).toMatch(/## Description checks\n\n- The article calls the FSB/);
      // The clipboard itself: readable in Chromium once granted; Firefox gives extension pages no clipboard read without a permission we do not ask for.
      if (kind === 'chromium') {
        const clip = await popup.page.evaluate(() => navigator.clipboard.readText().catch((e: Error) => `unreadable: ${e.message}`));
        expect(clip).toBe(md);
      }
    } finally {
      await closeQuietly(popup.page);
    }
  });

  it('on an unrelated page the popup says so, and "Analyze anyway" highlights it', async () => {
    const unrelated = await open(NEWS_HOST, '/unrelated-article.html');
    try {
      const popup = await popupFor(unrelated);
      try {
        const shown = await waitUntil('the first check', () =>
          popup.page.evaluate(() => {
            const text = document.querySelector('[data-testid="message"]')?.textContent ?? '';
            return text && !/Reading this page/.test(text) ? text : null;
          }),
        );
        expect(shown).toMatch(/does not mention NATO, Russia or Ukraine/);
        expect(await unrelated.marks()).toEqual({ quotes: 0, officials: 0, total: 0 });
        expect(await axeViolations(popup.page)).toEqual([]);
        await popup.page.click('[data-testid="analyze-anyway"]');
        const verdict = await waitUntil('the verdict', () =>
          popup.page.evaluate(() => document.querySelector('#verdict')?.getAttribute('data-verdict')),
        );
        expect(verdict).toBe('unrelated');
      } finally {
        await closeQuietly(popup.page);
      }
      const marks = await unrelated.waitForMarks((m) => m.quotes >= 2);
      expect(marks.officials).toBe(0);
    } finally {
      await unrelated.page.close();
    }
  });

  it('on a site outside the list the popup offers to analyse the page', async () => {
    // Clicking it needs activeTab, which only a real click on the toolbar button grants: automation cannot.
    const elsewhere = await open(UNLISTED, '/nato-article.html');
    try {
      const popup = await popupFor(elsewhere);
      try {
        await waitUntil('the offer', () => popup.page.$('[data-testid="analyze-this"]'));
        expect(await popup.page.$eval('[data-testid="message"]', (el) => el.textContent)).toMatch(/does not run on this site by default/);
        expect(await popup.highlightsOn()).toBe(false);
        expect(await axeViolations(popup.page)).toEqual([]);
      } finally {
        await closeQuietly(popup.page);
      }
    } finally {
      await elsewhere.page.close();
    }
  });

  it("a hostile page's payloads stay inert text in the popup and in cards", async () => {
    const hostile = await open(NEWS_HOST, '/hostile-article.html');
    try {
      await hostile.waitForMarks((m) => m.quotes >= 4);
      const popup = await popupFor(hostile);
      try {
        await popup.waitForSummary(2);
        const quotes = await popup.page.$$eval('[data-testid="quote"]', (l) => l.map((el) => el.textContent ?? ''));
        expect(quotes.some((q) => q.includes('<img src=x onerror=window.__pwned=1>'))).toBe(true);
        expect(quotes.some((q) => q.includes('<script>window.__pwned=1</script>'))).toBe(true);
        expect(quotes.some((q) => q.includes("<iframe srcdoc='<script>parent.__pwned=1</script>'></iframe>"))).toBe(true);
        const volkov = (await rows(popup.page, 'speaker')).find((s) => s.name === 'Ivan Volkov');
        expect(volkov?.role).toContain('<img src=x');
        // Nothing from the page became an element: the popup's only <img> is its icon, its only <script> its own module.
        const elements = await popup.page.evaluate(() => ({
          imgs: [...document.querySelectorAll('img')].map((i) => i.getAttribute('src')),
          scripts: document.querySelectorAll('script').length,
          frames: document.querySelectorAll('iframe, svg, b').length,
          pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        }));
        expect(elements).toEqual({ imgs: ['/icons/icon-32.png'], scripts: 1, frames: 0, pwned: undefined });

        await popup.page.click('[data-testid="copy-summary"]');
        const md = await waitUntil('the copied Markdown', () => popup.page.evaluate(() => document.body.dataset.lastCopy));
        expect(md).toContain('\\<script\\>window.\\_\\_pwned=1\\</script\\>');
      } finally {
        await closeQuietly(popup.page);
      }

      // Cards: hover the name whose role carries markup, then a quote that does.
      await hostile.page.bringToFront();
      for (const selector of [
        'mark[data-sourcelight="official"][data-official-id=""]',
        'mark[data-sourcelight="quote"][data-speaker-id="sergei-lavrov"]',
      ]) {
        await hostile.page.hover(selector);
        await hostile.waitForCard('open');
        if (kind === 'chromium') {
          // The closed shadow root is out of the page's reach; the DevTools protocol can still read it.
          const cdp = await hostile.page.createCDPSession();
          try {
            const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
            const host = findNode(root, (n) => n.nodeName === 'SOURCELIGHT-CARD');
            const inside = host?.shadowRoots?.[0];
            expect(inside?.shadowRootType).toBe('closed');
            const names = new Set<string>();
            collect(inside, (n) => names.add(n.nodeName));
            expect([...names].filter((n) => /^(IMG|SCRIPT|IFRAME|SVG|B)$/.test(n))).toEqual([]);
            if (selector.includes('official')) expect(textOf(inside)).toContain('<img src=x');
          } finally {
            await cdp.detach();
          }
        }
        await hostile.page.keyboard.press('Escape');
        await hostile.waitForCard('closed');
      }
      expect(await hostile.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      // The page's own markup stayed text too: the extension created no element from it.
      expect(await hostile.page.evaluate(() => document.querySelectorAll('article img, article script, article iframe').length)).toBe(0);
    } finally {
      await hostile.page.close();
    }
  });

  it('axe-core finds no violations in the popup, light and dark', async () => {
    const popup = await popupFor(seed);
    try {
      await popup.waitForSummary(4);
      await colourScheme(popup.page, 'light');
      const light = await background(popup.page);
      expect(await axeViolations(popup.page)).toEqual([]);
      await colourScheme(popup.page, 'dark');
      expect(await background(popup.page)).not.toBe(light);
      expect(await axeViolations(popup.page)).toEqual([]);
    } finally {
      await closeQuietly(popup.page);
    }
  });

  it('the popup is keyboard reachable in document order, every stop with a visible focus ring', async () => {
    const popup = await popupFor(seed);
    try {
      await popup.waitForSummary(4);
      const page = popup.page;
      // Focusable controls in document order (none is hidden, none has a positive tabindex).
      const expected = await page.evaluate(() => {
        const all = [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, [tabindex]')];
        return all
          .filter((el) => !el.closest('[hidden]') && el.tabIndex >= 0 && el.getClientRects().length > 0)
          .filter((el) => el.tagName !== 'SUMMARY' || el.parentElement?.tagName === 'DETAILS')
          .map(
            (el) => el.id || el.getAttribute('data-testid') || `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 30)}`,
          );
      });
      expect(expected[0]).toBe('highlights');
      expect(expected.slice(-3)).toEqual(['copy', 'download', 'options']);
      expect(await page.evaluate(() => document.querySelectorAll('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').length)).toBe(0);

      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const seen: string[] = [];
      const unringed: string[] = [];
      for (let i = 0; i < expected.length; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const s = getComputedStyle(el);
          const ring =
            (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 1) || (s.boxShadow !== 'none' && s.boxShadow !== '');
          return {
            id: el.id || el.getAttribute('data-testid') || `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 30)}`,
            ring,
            focusVisible: el.matches(':focus-visible'),
          };
        });
        if (!stop) break;
        seen.push(stop.id);
        if (!stop.ring || !stop.focusVisible) unringed.push(stop.id);
      }
      expect(seen).toEqual(expected);
      expect(unringed).toEqual([]);
    } finally {
      await closeQuietly(popup.page);
    }
  });

  it('axe-core finds no violations on the options page, light and dark', async () => {
    // Everything the page can show: per-site choices in the table, and the repair notice.
    await storageSet(b, { settings: { ...DEFAULT_SETTINGS, sites: { 'www.bbc.co.uk': false, 'www.dw.com': true }, cards: 'broken' } });
    const options = await b.extensionPage('src/options/index.html');
    try {
      await waitUntil('the options to render', () => options.evaluate(() => document.querySelector('#dataset')?.textContent));
      await waitUntil(
        'the per-site table',
        async () => (await options.evaluate(() => document.querySelectorAll('#sites tbody tr').length)) === 2,
      );
      expect(await options.evaluate(() => document.querySelector<HTMLElement>('#problems')?.hidden)).toBe(false);
      await colourScheme(options, 'light');
      const light = await background(options);
      expect(await axeViolations(options)).toEqual([]);
      await colourScheme(options, 'dark');
      expect(await background(options)).not.toBe(light);
      expect(await axeViolations(options)).toEqual([]);
    } finally {
      await storageSet(b, { settings: DEFAULT_SETTINGS });
      await options.close();
    }
  });

  it('options survive a reload', async () => {
    const options = await b.extensionPage('src/options/index.html');
    try {
      await waitUntil('the options to render', () => options.evaluate(() => document.querySelector('#dataset')?.textContent));
      await options.click('input[name="cards"][value="modifier"]');
      await options.click('input[name="quoteStyle"][value="underline"]');
      await options.select('#sensitivity', 'high');
      await waitUntil('the settings to be stored', async () => {
        const s = (await storageGet(b, 'settings')) as Partial<typeof DEFAULT_SETTINGS> | undefined;
        return s?.cards === 'modifier' && s.quoteStyle === 'underline' && s.sensitivity === 'high';
      });
      await reloadExtensionPage(options);
      await waitUntil('the options to render again', () => options.evaluate(() => document.querySelector('#dataset')?.textContent));
      const shown = await options.evaluate(() => ({
        cards: document.querySelector<HTMLInputElement>('input[name="cards"]:checked')?.value,
        quoteStyle: document.querySelector<HTMLInputElement>('input[name="quoteStyle"]:checked')?.value,
        sensitivity: document.querySelector<HTMLSelectElement>('#sensitivity')?.value,
        highlightsDefault: document.querySelector<HTMLInputElement>('#highlightsDefault')?.checked,
        problems: document.querySelector<HTMLElement>('#problems')?.hidden,
      }));
      expect(shown).toEqual({ cards: 'modifier', quoteStyle: 'underline', sensitivity: 'high', highlightsDefault: true, problems: true });
    } finally {
      await storageSet(b, { settings: DEFAULT_SETTINGS });
      await options.close();
    }
  });

  it('corrupt stored settings are replaced by defaults, with a notice, and highlighting keeps working', async () => {
    for (const garbage of [
      'not settings at all',
      { version: 2, cards: '<img src=x onerror=alert(1)>', sites: ['x'], palette: 'red', highlightsDefault: 'yes', sensitivity: 7 },
    ]) {
      await storageSet(b, { settings: garbage });
      const options = await b.extensionPage('src/options/index.html');
      try {
        const notice = await waitUntil('the repair notice', () =>
          options.evaluate(() => {
            const p = document.querySelector<HTMLElement>('#problems');
            return p && !p.hidden ? p.textContent : null;
          }),
        );
        expect(notice).toMatch(/repaired/);
        expect(await options.evaluate(() => document.querySelectorAll('#problems *').length)).toBe(0);
        await waitUntil('the repaired settings to be stored', async () =>
          isDeepStrictEqual(await storageGet(b, 'settings'), DEFAULT_SETTINGS),
        );
      } finally {
        await options.close();
      }
      const news = await open(NEWS_HOST, '/nato-article.html');
      try {
        const marks = await news.waitForMarks((m) => m.quotes >= 2 && m.officials >= 1);
        expect(marks.total).toBeGreaterThan(0);
      } finally {
        await news.page.close();
      }
    }
    await storageSet(b, { settings: DEFAULT_SETTINGS });
  });
});

interface DomNode {
  nodeName: string;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  shadowRootType?: string;
}

function collect(node: DomNode | undefined, fn: (n: DomNode) => void): void {
  if (!node) return;
  fn(node);
  for (const c of node.children ?? []) collect(c, fn);
  for (const c of node.shadowRoots ?? []) collect(c, fn);
}

function findNode(node: DomNode, test: (n: DomNode) => boolean): DomNode | undefined {
  let found: DomNode | undefined;
  collect(node, (n) => {
    if (!found && test(n)) found = n;
  });
  return found;
}

function textOf(node: DomNode | undefined): string {
  let out = '';
  collect(node, (n) => {
    if (n.nodeName === '#text') out += n.nodeValue ?? '';
  });
  return out;
}
