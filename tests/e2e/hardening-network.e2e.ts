/**
 * Zero network, in Chromium and Firefox: from the moment the browser starts with the extension, through
 * the analysis of the seed article (served from ../shared at test time, never copied), a hover card, the
 * popup and the options page, the extension itself makes no request.
 *
 * Evidence, in both browsers: the fixture server stands in for every host (Chromium resolves every name to
 * it, Firefox uses it as its proxy), so every request anything in the browser makes ends up in its log.
 * What may be there: the article and its favicon, and the browsers' own background hosts
 * (BROWSER_BACKGROUND_HOSTS). Anything else, or anything with an extension origin or referrer, fails.
 * On top of that, request events from inside the browser: CDP Network on every target in Chromium
 * (service worker, article tab, popup, options page), WebDriver BiDi network events on every tab in
 * Firefox (its background page is not a BiDi browsing context: the server log covers it). Requests for
 * the extension's own files (chrome-extension:, moz-extension:) and data: URLs are not network requests. The
 * genuine popup opens before a CDP session can attach to it, so for the popup the server log is the evidence.
 */
import type { CDPSession, HTTPRequest, Page, Target } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverForCard, sleep, waitForMarks } from './hardening.helpers.ts';
import { BROWSER_BACKGROUND_HOSTS, type LaunchedBrowser, launchBrowser } from './support/launch.ts';
import { closeQuietly, PopupPage, readSeed, waitUntil } from './support/pages.ts';
import { type FixtureServer, type RecordedRequest, startServer } from './support/server.ts';

/** A listed news host: the content script runs there by itself. */
const HOST = 'www.theguardian.com';
const ARTICLE = '/world/2017/jun/29/nato-seed-article';
const NOT_NETWORK = /^(chrome-extension|moz-extension|data|blob|about|chrome):/;

let server: FixtureServer;

beforeAll(async () => {
  server = await startServer({ routes: { [ARTICLE]: { body: readSeed() } } });
});

afterAll(async () => {
  await server?.close();
});

interface SeenRequest {
  /** Which context the event came from: the article tab, the popup, the options page, the service worker. */
  from: string;
  url: string;
  /** Chromium: the initiator's URL or the first script frame of its stack. */
  initiator: string;
}

/** The page's own loads: the article (over http or https) and the favicon the browser fetches for it. */
const isPageLoad = (r: RecordedRequest) =>
  r.host === HOST && (r.kind === 'connect' || r.path === ARTICLE || r.path === '/favicon.ico') && !fromExtension(r);
const fromExtension = (r: RecordedRequest) =>
  Object.values(r.headers).some((v) => /^(chrome-extension|moz-extension):/.test(v)) || NOT_NETWORK.test(r.headers.origin ?? '');

describe.each(['chromium', 'firefox'] as const)('%s', (kind) => {
  let b: LaunchedBrowser | undefined;

  afterAll(async () => {
    await b?.close();
  });

  it('the extension makes no request of its own: install, analysis of the seed article, card, popup, options page', async () => {
    server.clearRequests();
    const seen: SeenRequest[] = [];
    const cdpSessions: CDPSession[] = [];
    b = await launchBrowser(kind, { server });
    const browser = b;

    /** Chromium: Network events of a target (the service worker, our pages), with the initiator. */
    const watched = new Set<Target>();
    const watchTarget = async (t: Target, from: string) => {
      if (kind !== 'chromium' || watched.has(t)) return;
      watched.add(t);
      const s = await t.createCDPSession().catch(() => null);
      if (!s) return;
      cdpSessions.push(s);
      s.on('Network.requestWillBeSent', (e) => {
        const stack = e.initiator.stack?.callFrames.find((f) => f.url)?.url ?? '';
        seen.push({ from, url: e.request.url, initiator: e.initiator.url ?? stack });
      });
      await s.send('Network.enable').catch(() => undefined);
    };
    /** Firefox: request events of a tab (WebDriver BiDi). Chromium's tabs are watched through CDP (watchTarget), with initiators. */
    const watchPage = (p: Page, from: string) => {
      if (kind === 'firefox') p.on('request', (r: HTTPRequest) => seen.push({ from, url: r.url(), initiator: '' }));
    };

    if (kind === 'chromium') {
      for (const t of browser.browser.targets()) if (t.url().startsWith(browser.extensionBaseUrl)) await watchTarget(t, t.type());
      // Popups and extension tabs as they appear (or navigate to one of our pages).
      const onTarget = (t: Target) => {
        const url = t.url();
        if (url.startsWith(browser.extensionBaseUrl))
          void watchTarget(t, url.includes('popup') ? 'popup' : url.includes('options') ? 'options' : t.type());
      };
      browser.browser.on('targetcreated', onTarget);
      browser.browser.on('targetchanged', onTarget);
    }

    // The seed article, analysed and highlighted.
    const article = await browser.browser.newPage();
    watchPage(article, 'article');
    if (kind === 'chromium') await watchTarget(article.target(), 'article');
    await article.goto(server.url(HOST, ARTICLE), { waitUntil: 'load' });
    const marks = await waitForMarks(article, (c) => c.quotes > 5 && c.officials > 5);
    expect(await hoverForCard(article, 'mark[data-sourcelight="official"][data-official-id="james-mattis"]')).toBe('sourcelight-card');

    // The popup for that tab.
    const popup = new PopupPage(await browser.openPopupFor(article));
    watchPage(popup.page, 'popup');
    await popup.waitForSummary(2);
    await closeQuietly(popup.page);

    // The options page, watched before it starts loading.
    const options = await browser.browser.newPage();
    watchPage(options, 'options');
    await watchTarget(options.target(), 'options');
    const optionsUrl = `${browser.extensionBaseUrl}${browser.manifest.options_ui?.page ?? 'src/options/index.html'}`;
    void options.goto(optionsUrl).catch(() => undefined);
    await waitUntil('the options page', () =>
      options.evaluate(() => location.protocol.endsWith('extension:') && document.readyState === 'complete'),
    );
    await waitUntil('the dataset line on the options page', () =>
      options.evaluate(() => document.querySelector('[data-testid="dataset-info"]')?.textContent),
    );
    // Anything late (a timer, a retry) has time to show itself.
    await sleep(1_500);

    const requests = [...server.requests];
    const background = BROWSER_BACKGROUND_HOSTS[kind];
    const page = requests.filter(isPageLoad);
    const browserOwn = requests.filter((r) => !isPageLoad(r) && background.includes(r.host) && !fromExtension(r));
    const unexplained = requests.filter((r) => !page.includes(r) && !browserOwn.includes(r));
    const network = seen.filter((s) => !NOT_NETWORK.test(s.url));
    const ours = network.filter(
      (s) => s.from !== 'article' || NOT_NETWORK.test(s.initiator) || (!s.url.includes(ARTICLE) && !s.url.endsWith('/favicon.ico')),
    );
    console.log(
      `[zero-network] ${kind}: ${marks.quotes} quotes and ${marks.officials} officials highlighted; the fixture server saw ` +
        `${requests.length} request(s): ${page.length} for the page (${[...new Set(page.map((r) => r.path || r.target))].join(', ')}), ` +
        `${browserOwn.length} to the browser's background hosts (${[...new Set(browserOwn.map((r) => r.host))].join(', ') || 'none'}), ` +
        `${unexplained.length} other; ${kind === 'chromium' ? 'CDP' : 'BiDi'} saw ${seen.length} request event(s) ` +
        `(${seen.length - network.length} for extension files or data: URLs), ${ours.length} network request(s) by the extension.`,
    );
    expect(page.some((r) => r.path === ARTICLE)).toBe(true);
    expect(unexplained.map((r) => `${r.kind} ${r.method} ${r.target} (host ${r.host}, ${JSON.stringify(r.headers)})`)).toEqual([]);
    expect(ours.map((s) => `${s.from}: ${s.url} (initiator ${s.initiator || 'none'})`)).toEqual([]);
    if (kind === 'chromium') {
      // The event streams were really on: the article's own load was seen, and the extension's files were.
      expect(seen.some((s) => s.from === 'article' && s.url.includes(ARTICLE))).toBe(true);
      expect(seen.some((s) => s.url.startsWith(browser.extensionBaseUrl))).toBe(true);
    } else {
      expect(seen.some((s) => s.from === 'article' && s.url.includes(ARTICLE))).toBe(true);
    }
    for (const s of cdpSessions) await s.detach().catch(() => undefined);
  });
});
