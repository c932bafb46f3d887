/**
 * The foundation every other end-to-end test stands on, in Chromium and in
 * Firefox: the built extension loads, its content script runs on a listed news
 * host and only there, the popup shows what that tab's content script found,
 * the popup's switch turns the page's highlights off and on again, and the
 * background answers a ping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from './support/launch.ts';
import { ArticlePage, PopupPage } from './support/pages.ts';
import { type FixtureServer, startServer } from './support/server.ts';

/** On the manifest's default list (`*://*.theguardian.com/*`). */
const LISTED_HOST = 'www.theguardian.com';
/** Not on it. */
const UNLISTED_HOST = 'www.example.org';
const ARTICLE = '/nato-article.html';

let server: FixtureServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

describe.each(['chromium', 'firefox'] as const)('%s', (kind) => {
  let browser: LaunchedBrowser;
  let unlisted: ArticlePage;
  let article: ArticlePage | undefined;

  /** The article under the listed host, opened once per browser (after the unlisted copy). */
  async function listedArticle(): Promise<ArticlePage> {
    if (!article) {
      article = new ArticlePage(await browser.openPage(server.url(LISTED_HOST, ARTICLE)));
      await article.waitForMarks((m) => m.quotes > 0 && m.officials > 0);
      await article.waitForStableMarks();
    }
    return article;
  }

  beforeAll(async () => {
    browser = await launchBrowser(kind, { server });
    // Opened first, so by the time the listed copy is highlighted this one has had at least as long.
    unlisted = new ArticlePage(await browser.openPage(server.url(UNLISTED_HOST, ARTICLE)));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the background answers a ping with its version', async () => {
    const reply = await browser.sendToBackground<{ ok: boolean; value?: { version?: unknown } }>({ type: 'ping' });
    expect(reply).toMatchObject({ ok: true, value: { version: browser.manifest.version } });
  });

  it('highlights quotes and officials on a news host from the default list', async () => {
    const page = await listedArticle();
    const marks = await page.marks();
    expect(marks.quotes).toBeGreaterThanOrEqual(2);
    expect(marks.officials).toBeGreaterThanOrEqual(1);
    expect(await page.speakerIds()).not.toHaveLength(0);
  });

  it('leaves the same page alone under a host outside the list', async () => {
    await listedArticle();
    expect(await unlisted.page.evaluate(() => document.title)).toContain('NATO');
    expect(await unlisted.marks()).toEqual({ quotes: 0, officials: 0, total: 0 });
  });

  it("the popup for that tab shows what the tab's content script found", async () => {
    const page = await listedArticle();
    const popup = new PopupPage(await browser.openPopupFor(page.page));
    try {
      const { verdict, speakers } = await popup.waitForSummary(1);
      expect(verdict).toMatch(/^relevant\b/i);
      // The popup's speakers are exactly the speakers of the quotes highlighted in that tab.
      const onPage = await page.speakerIds();
      expect(speakers.map((s) => s.key).sort()).toEqual([...onPage].sort());
      for (const s of speakers) expect(s.text.length).toBeGreaterThan(0);
    } finally {
      await popup.page.close();
    }
  });

  it('the popup switch removes the highlights from the page and restores them', async () => {
    const page = await listedArticle();
    const before = await page.marks();
    const popup = new PopupPage(await browser.openPopupFor(page.page));
    try {
      await popup.waitForSummary(1);
      expect(await popup.highlightsOn()).toBe(true);

      expect(await popup.toggleHighlights()).toBe(false);
      expect(await page.waitForMarks((m) => m.total === 0)).toEqual({ quotes: 0, officials: 0, total: 0 });

      expect(await popup.toggleHighlights()).toBe(true);
      await page.waitForMarks((m) => m.total > 0);
      expect(await page.waitForStableMarks()).toEqual(before);
    } finally {
      await popup.page.close();
    }
  });
});
