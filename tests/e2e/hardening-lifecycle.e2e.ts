/**
 * Lifecycle, in Chromium and Firefox:
 *
 * - The extension is reloaded while an article it highlighted is open: the page gets no uncaught error from
 *   the content script left behind ("Extension context invalidated" and the like), not when the page
 *   changes afterwards, nor when a highlight is hovered; and Sourcelight works on the page again.
 *   Chromium: `chrome.runtime.reload()` from an extension page; an extension loaded over CDP does not come
 *   back from that by itself, so the reload is completed by installing the same build again (same id).
 *   Firefox: `browser.runtime.reload()` reloads the temporary add-on.
 * - A page opened before the extension was installed: Chromium never injects into it; the user clicks the
 *   toolbar button (simulated with CDP Extensions.triggerAction, which grants activeTab as a real click does)
 *   and the popup's "Analyze this page" starts the analysis, on a listed host and on an unlisted one.
 *   Firefox injects the manifest's content script into open tabs of listed hosts at install: the page is
 *   highlighted without a click. (Firefox offers automation no toolbar click, so activeTab cannot be granted
 *   there: its "Analyze this page" on an unlisted host is covered by the offer test in popup.e2e.ts only.)
 */
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  clickToolbarButton,
  countMarks,
  hoverForCard,
  openWatched,
  realProblems,
  sleep,
  type WatchedPage,
  waitForMarks,
} from './hardening.helpers.ts';
import { distDirOf, type LaunchedBrowser, launchBrowser } from './support/launch.ts';
import { closeQuietly, PopupPage, waitUntil } from './support/pages.ts';
import { type FixtureServer, startServer } from './support/server.ts';

const LISTED = 'www.theguardian.com';
const UNLISTED = 'www.example.org';
const ARTICLE = '/nato-article.html';
const ADDED = 'NATO Secretary General Mark Rutte said on Thursday that the allies would keep helping Ukraine against Russia.';

let server: FixtureServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

describe.each(['chromium', 'firefox'] as const)('%s', (kind) => {
  let b: LaunchedBrowser | undefined;

  afterEach(async () => {
    await b?.close();
    b = undefined;
  });

  /** The id the browser knows the extension by (Chromium's extension id, Firefox's add-on id). */
  const extensionId = (l: LaunchedBrowser) =>
    kind === 'chromium' ? new URL(l.extensionBaseUrl).host : (l.manifest.browser_specific_settings?.gecko?.id ?? '');

  /** Chromium: the freshly installed extension's service worker is running. */
  const serviceWorkerUp = (l: LaunchedBrowser) =>
    l.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(l.extensionBaseUrl), { timeout: 15_000 });

  /** Chromium: the user clicks the toolbar button, then the popup's "Analyze this page"; the popup shows a relevant article. */
  async function analyseFromToolbar(l: LaunchedBrowser, page: Page): Promise<void> {
    const popup = await clickToolbarButton(l, page);
    try {
      await waitUntil('the offer to analyse', () => popup.$('[data-testid="analyze-this"]'));
      await popup.click('[data-testid="analyze-this"]');
      expect((await new PopupPage(popup).waitForSummary(1)).verdict).toMatch(/^relevant\b/i);
    } finally {
      await closeQuietly(popup);
    }
  }

  /** Problems in the page that come from us: anything naming the extension, its URLs or an invalidated context. */
  const ours = (w: WatchedPage) =>
    realProblems(w).filter(
      (p) => /extension|sourcelight|context invalidated|dead object/i.test(`${p.text} ${p.url}`) || p.kind === 'pageerror',
    );

  it('reloading the extension leaves no uncaught error in an open, highlighted page, and Sourcelight works there again', async () => {
    b = await launchBrowser(kind, { server });
    const l = b;
    const w = await openWatched(l, server.url(LISTED, ARTICLE));
    const before = await waitForMarks(w.page, (c) => c.quotes > 0 && c.officials > 0);

    // Reload from one of our pages. The call never returns: the page goes away with the extension.
    const probe = await l.extensionPage(l.manifest.options_ui?.page ?? 'src/options/index.html');
    void probe
      .evaluate(() => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).runtime.reload())
      .catch(() => undefined);
    await sleep(1_500);
    if (kind === 'chromium') {
      await l.browser.uninstallExtension(extensionId(l)).catch(() => undefined);
      expect(await l.browser.installExtension(distDirOf(kind))).toBe(extensionId(l));
      await serviceWorkerUp(l);
    }

    // The page changes (what the old content script observes), and a highlight is hovered (its card listeners).
    await w.page.evaluate((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      document.querySelector('article')?.append(p);
    }, ADDED);
    // Firefox: the reloaded copy reads and marks the new paragraph. Chromium: the copy left behind can no longer
    // reach the background that analyses pages, so it keeps the marks it has and stays quiet.
    if (kind === 'firefox') await waitForMarks(w.page, (c) => c.total > before.total);
    else {
      await sleep(2_500);
      expect((await countMarks(w.page)).total).toBe(before.total);
    }
    await hoverForCard(w.page, 'mark[data-sourcelight="official"]');
    await w.page.mouse.move(1, 1);
    await sleep(500);
    expect(ours(w)).toEqual([]);

    // Sourcelight works on the page again: Chromium leaves the page to the user's click (no injection into
    // open tabs), Firefox has injected the reloaded content script by itself.
    if (kind === 'chromium') {
      await analyseFromToolbar(l, w.page);
    } else {
      const popup = new PopupPage(await l.openPopupFor(w.page));
      try {
        expect((await popup.waitForSummary(1)).verdict).toMatch(/^relevant\b/i);
      } finally {
        await closeQuietly(popup.page);
      }
    }
    const after = await waitForMarks(w.page, (c) => c.total > before.total);
    expect(after.total).toBeGreaterThan(before.total);
    expect(
      await w.page.evaluate(
        () =>
          document.querySelectorAll(
            'mark[data-sourcelight="quote"] mark[data-sourcelight="quote"], mark[data-sourcelight="official"] mark[data-sourcelight="official"]',
          ).length,
      ),
    ).toBe(0);
    expect(ours(w)).toEqual([]);
    await closeQuietly(w.page);
  });

  it('a page opened before install is analysed when the user asks (Chromium: toolbar button, Firefox: at install)', async () => {
    b = await launchBrowser(kind, { server });
    const l = b;
    const id = extensionId(l);
    await l.browser.uninstallExtension(id);
    const listed = await openWatched(l, server.url(LISTED, ARTICLE));
    const unlisted = await openWatched(l, server.url(UNLISTED, ARTICLE));
    expect(await l.browser.installExtension(distDirOf(kind))).toBe(id);

    if (kind === 'firefox') {
      // Firefox runs the manifest's content script in open tabs of listed hosts when an add-on is installed.
      await waitForMarks(listed.page, (c) => c.quotes > 0 && c.officials > 0);
    } else {
      await serviceWorkerUp(l);
      await sleep(1_000);
      for (const w of [listed, unlisted]) {
        // Nothing ran in it by itself.
        expect(await countMarks(w.page)).toEqual({ quotes: 0, officials: 0, total: 0 });
        await analyseFromToolbar(l, w.page);
        await waitForMarks(w.page, (c) => c.quotes > 0 && c.officials > 0);
      }
    }
    for (const w of [listed, unlisted]) expect(ours(w)).toEqual([]);
  });
});
