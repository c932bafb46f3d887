/**
 * Helpers for the hardening end-to-end tests (tests/e2e/hardening-*.e2e.ts):
 * pages opened with their errors watched from before the first byte, mark
 * counts and card checks that work even where the page broke its own DOM
 * built-ins, and the toolbar click Chromium can simulate.
 */
import type { Page } from 'puppeteer';
import type { LaunchedBrowser } from './support/launch.ts';
import { waitUntil } from './support/pages.ts';

export const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export interface PageProblem {
  kind: 'pageerror' | 'console';
  text: string;
  /** Where the message came from, when the browser says. */
  url: string;
}

export interface WatchedPage {
  page: Page;
  /** Uncaught errors, and console errors and warnings, since before the page started loading. */
  problems: PageProblem[];
}

/** Resource errors the browser logs for the page's own loads (a missing favicon, the page's own CSP at work). */
const PAGE_NOISE = /favicon\.ico|Failed to load resource|Content[- ]Security[- ]Policy|Refused to (execute|apply|load)/i;

/** Problems that are not the page's own noise. */
export const realProblems = (w: WatchedPage): PageProblem[] => w.problems.filter((p) => !PAGE_NOISE.test(`${p.text} ${p.url}`));

/** Opens `url` in a new tab with its errors recorded from the start (listeners first, then navigation). */
export async function openWatched(b: LaunchedBrowser, url: string): Promise<WatchedPage> {
  const page = await b.browser.newPage();
  const problems: PageProblem[] = [];
  page.on('pageerror', (e) => problems.push({ kind: 'pageerror', text: String(e instanceof Error ? (e.stack ?? e.message) : e), url: '' }));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') problems.push({ kind: 'console', text: m.text(), url: m.location()?.url ?? '' });
  });
  await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
  return { page, problems };
}

export interface Counts {
  quotes: number;
  officials: number;
  total: number;
}

/**
 * Mark counts read with the page's pristine querySelectorAll (a hostile page saves it as
 * window.__pristine.qsa before breaking Document.prototype.querySelectorAll and clobbering
 * document.querySelectorAll), else the prototype's own.
 */
export function countMarks(page: Page): Promise<Counts> {
  return page.evaluate(() => {
    const w = window as unknown as { __pristine?: { qsa: typeof Document.prototype.querySelectorAll } };
    const qsa = w.__pristine?.qsa ?? Document.prototype.querySelectorAll;
    // No named inner functions in code run in the page (under tsx they would call a missing __name helper).
    return {
      quotes: qsa.call(document, 'mark[data-sourcelight="quote"]').length,
      officials: qsa.call(document, 'mark[data-sourcelight="official"]').length,
      total: qsa.call(document, 'mark[data-sourcelight]').length,
    };
  });
}

export async function waitForMarks(page: Page, ok: (c: Counts) => boolean, timeout = 15_000): Promise<Counts> {
  let last: Counts = { quotes: 0, officials: 0, total: 0 };
  try {
    return await waitUntil(
      'highlights',
      async () => {
        last = await countMarks(page);
        return ok(last) ? last : null;
      },
      timeout,
    );
  } catch (e) {
    throw new Error(`${(e as Error).message}; last counts ${JSON.stringify(last)}`);
  }
}

/**
 * Hovers the first element matching `selector` (a mark) and waits until a Sourcelight card is drawn below (or above) it: the element at a
 * point just beside the mark's line becomes the card's host (a `[data-sourcelight-ui]` element outside <body>), which
 * needs the card's own styles (position: fixed) to have applied. Returns the host's tag name.
 */
export async function hoverForCard(page: Page, selector: string): Promise<string> {
  // A tab in the background (an extension page opened since) gets its pointer events late, if at all.
  await page.bringToFront();
  const rectOf = () =>
    page.evaluate((sel) => {
      const w = window as unknown as { __pristine?: { qsa: typeof Document.prototype.querySelectorAll } };
      const qsa = w.__pristine?.qsa ?? Document.prototype.querySelectorAll;
      const mark = qsa.call(document, sel)[0];
      if (!mark) return null;
      mark.scrollIntoView({ block: 'center' });
      const r = Element.prototype.getBoundingClientRect.call(mark);
      return { x: r.left + Math.min(6, r.width / 2), y: r.top + r.height / 2, top: r.top, bottom: r.bottom };
    }, selector);
  const first = await rectOf();
  if (!first) throw new Error(`nothing matches ${selector}`);
  // Scrolling hides an open card: let the scroll settle before the pointer arrives.
  await sleep(250);
  const r = (await rectOf()) ?? first;
  await page.mouse.move(1, 1);
  await page.mouse.move(r.x, r.y);
  return waitUntil(
    'a card next to the hovered mark',
    () =>
      page.evaluate(
        (x, below, above) => {
          const w = window as unknown as { __pristine?: { fromPoint: typeof Document.prototype.elementFromPoint } };
          const fromPoint = w.__pristine?.fromPoint ?? Document.prototype.elementFromPoint;
          const hit = [fromPoint.call(document, x + 4, below), fromPoint.call(document, x + 4, above)].find(
            (el) => el?.hasAttribute('data-sourcelight-ui') && el.parentElement === document.documentElement,
          );
          return hit ? hit.tagName.toLowerCase() : null;
        },
        r.x,
        r.bottom + 24,
        r.top - 24,
      ),
    5_000,
  );
}

/**
 * Chromium only: clicks the extension's toolbar button for the tab showing `page`, the way a user does
 * (CDP Extensions.triggerAction on the tab target). Unlike chrome.action.openPopup(), this grants activeTab.
 * Returns the popup that opens.
 */
export async function clickToolbarButton(b: LaunchedBrowser, page: Page, timeout = 15_000): Promise<Page> {
  if (b.kind !== 'chromium') throw new Error('Only Chromium can simulate a click on the toolbar button.');
  await page.bringToFront();
  const id = new URL(b.extensionBaseUrl).host;
  const cdp = await b.browser.target().createCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{}] } as never)) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const tab = targetInfos.filter((t) => t.type === 'tab' && t.url === page.url());
    if (tab.length !== 1 || !tab[0]) throw new Error(`expected one tab showing ${page.url()}, found ${tab.length}`);
    const popupUrl = `${b.extensionBaseUrl}${b.manifest.action?.default_popup ?? 'src/popup/index.html'}`;
    const before = new Set(b.browser.targets());
    const opened = b.browser.waitForTarget((t) => !before.has(t) && t.url().startsWith(popupUrl), { timeout });
    await cdp.send('Extensions.triggerAction' as never, { id, targetId: tab[0].targetId } as never);
    const popup = await (await opened).asPage();
    await waitUntil('the popup document', () => popup.evaluate(() => document.readyState === 'complete'), timeout);
    return popup;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
