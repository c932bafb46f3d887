/**
 * Page objects: what the tests (and `npm start --headless`) read from an
 * article tab and from the popup, through the contract's test hooks only:
 * `mark[data-sourcelight]` in the article, and `#verdict`,
 * `[data-testid="speaker"]`, `[data-testid="highlights-switch"]` in the popup.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer';

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export interface MarkCounts {
  quotes: number;
  officials: number;
  total: number;
}

// Functions passed to page.evaluate() run in the browser, serialised as source. Keep them free of
// named inner functions: under tsx (scripts/start.ts) esbuild's keepNames wraps those in a `__name`
// helper that does not exist in the page.

/** An article tab the content script may have highlighted. */
export class ArticlePage {
  constructor(readonly page: Page) {}

  marks(): Promise<MarkCounts> {
    return this.page.evaluate(() => ({
      quotes: document.querySelectorAll('mark[data-sourcelight="quote"]').length,
      officials: document.querySelectorAll('mark[data-sourcelight="official"]').length,
      total: document.querySelectorAll('mark[data-sourcelight]').length,
    }));
  }

  /** Waits until `predicate` holds for the mark counts; returns the counts. */
  /** Marks are painted in slices: waits until there are some and the count has stopped changing. */
  async waitForStableMarks(timeout = 15_000): Promise<MarkCounts> {
    let last = await this.waitForMarks((m) => m.total > 0, timeout);
    for (let same = 0; same < 3; ) {
      await sleep(120);
      const next = await this.marks();
      same = next.total === last.total ? same + 1 : 0;
      last = next;
    }
    return last;
  }

  async waitForMarks(predicate: (m: MarkCounts) => boolean = (m) => m.total > 0, timeout = 15_000): Promise<MarkCounts> {
    const end = Date.now() + timeout;
    let last: MarkCounts = { quotes: 0, officials: 0, total: 0 };
    for (;;) {
      last = await this.marks();
      if (predicate(last)) return last;
      if (Date.now() > end) {
        throw new Error(`Timed out after ${timeout} ms waiting for highlights; last counts ${JSON.stringify(last)}`);
      }
      await sleep(100);
    }
  }

  /** Speaker ids on quote marks, in document order, without repeats. */
  speakerIds(): Promise<string[]> {
    return this.page.evaluate(() => [
      ...new Set(
        [...document.querySelectorAll('mark[data-sourcelight="quote"]')]
          .map((m) => m.getAttribute('data-speaker-id') ?? '')
          .filter(Boolean),
      ),
    ]);
  }
}

/** The seed article, read from ../shared at test time: it belongs to its publisher and is never copied into the repository. */
export const SEED_FILE = new URL('../../../../shared/seed/000_4853b4182f2867f2.html', import.meta.url);
export const readSeed = (): string => readFileSync(SEED_FILE, 'utf8');

/** Closes a page that may have closed itself already (Chromium's popup closes when it loses focus). */
export async function closeQuietly(page: Page): Promise<void> {
  if (!page.isClosed()) await page.close().catch(() => undefined);
}

/** One `mark[data-sourcelight="quote"]` as the page shows it. */
export interface QuoteMark {
  index: number;
  speakerId: string;
  /** `data-quote-kind`: '' for attributed speech, else `scare` or `unattributed`. */
  kind: string;
  text: string;
}

/** Polls `fn` until it returns something other than undefined/null/false; errors count as "not yet". */
export async function waitUntil<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== null && v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    }
    await sleep(100);
  }
}

/** Reads what the tests check beyond counts: each mark's hooks, the body's HTML and text, the card host. */
export class MarkedArticle extends ArticlePage {
  quoteMarks(): Promise<QuoteMark[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('mark[data-sourcelight="quote"]')].map((m) => ({
        index: Number(m.getAttribute('data-quote-index')),
        speakerId: m.getAttribute('data-speaker-id') ?? '(missing)',
        kind: m.getAttribute('data-quote-kind') ?? '',
        text: m.textContent ?? '',
      })),
    );
  }

  /** `data-official-id` of every official mark, in document order (null where the attribute is missing). */
  officialIds(): Promise<(string | null)[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('mark[data-sourcelight="official"]')].map((m) => m.getAttribute('data-official-id')),
    );
  }

  /** Marks wrapped in a mark of the same kind (a name inside a quote is fine; a quote in a quote is double-wrapping). */
  doubleWrapped(): Promise<number> {
    return this.page.evaluate(
      () =>
        document.querySelectorAll(
          'mark[data-sourcelight="quote"] mark[data-sourcelight="quote"], mark[data-sourcelight="official"] mark[data-sourcelight="official"]',
        ).length,
    );
  }

  /** `document.body.outerHTML`: what "restored exactly" is compared on. */
  bodyHtml(): Promise<string> {
    return this.page.evaluate(() => document.body.outerHTML);
  }

  bodyText(): Promise<string> {
    return this.page.evaluate(() => document.body.textContent ?? '');
  }

  /** The hover card host's `data-state` ('open' | 'closed'), or 'absent' before any card was shown. */
  cardState(): Promise<string> {
    return this.page.evaluate(() => document.querySelector('sourcelight-card')?.getAttribute('data-state') ?? 'absent');
  }

  async waitForCard(state: 'open' | 'closed', timeout = 5_000): Promise<void> {
    await waitUntil(`the card to be ${state}`, async () => (await this.cardState()) === state, timeout);
  }
}

export interface Speaker {
  /** `data-key`: the dataset id. */
  key: string;
  /** All of the row's text, whitespace collapsed (contains name and role). */
  text: string;
  /** From `.name` when the popup has it, else the row's whole text. */
  name: string;
  /** From `[data-testid="role"]` when present. */
  role: string;
  /** From `data-quotes`, else the number of `[data-testid="quote"]` in the row; null when neither exists. */
  quotes: number | null;
}

/** The popup, opened for one tab (the genuine popup in Chromium, a `?tabId=` tab in Firefox). */
export class PopupPage {
  constructor(readonly page: Page) {}

  verdict(): Promise<string> {
    return this.page.evaluate(() => document.querySelector('#verdict')?.textContent?.trim() ?? '');
  }

  speakers(): Promise<Speaker[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="speaker"]')].map((el) => {
        const attr = el.getAttribute('data-quotes');
        const quoteButtons = el.querySelectorAll('[data-testid="quote"]').length;
        return {
          key: el.getAttribute('data-key') ?? '',
          text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
          name: (el.querySelector('.name')?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim(),
          role: (el.querySelector('[data-testid="role"]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          quotes: attr !== null && /^\d+$/.test(attr) ? Number(attr) : quoteButtons > 0 ? quoteButtons : null,
        };
      }),
    );
  }

  /** Waits until the popup has heard from the tab: a verdict and at least `minSpeakers` speakers. */
  async waitForSummary(minSpeakers = 1, timeout = 15_000): Promise<{ verdict: string; speakers: Speaker[] }> {
    const end = Date.now() + timeout;
    for (;;) {
      const [verdict, speakers] = await Promise.all([this.verdict(), this.speakers()]);
      if (verdict && speakers.length >= minSpeakers) return { verdict, speakers };
      if (Date.now() > end) {
        throw new Error(
          `Timed out after ${timeout} ms waiting for the popup summary; verdict ${JSON.stringify(verdict)}, ${speakers.length} speaker(s)`,
        );
      }
      await sleep(100);
    }
  }

  /** `true`/`false` from the switch's aria-checked, or null when the switch is missing. */
  highlightsOn(): Promise<boolean | null> {
    return this.page.evaluate(() => {
      const v = document.querySelector('[data-testid="highlights-switch"]')?.getAttribute('aria-checked');
      return v === 'true' ? true : v === 'false' ? false : null;
    });
  }

  /** Clicks the highlights switch and waits for aria-checked to flip; returns the new state. */
  async toggleHighlights(timeout = 10_000): Promise<boolean> {
    const before = await this.highlightsOn();
    if (before === null) throw new Error('The popup has no [data-testid="highlights-switch"].');
    await this.page.click('[data-testid="highlights-switch"]');
    const end = Date.now() + timeout;
    for (;;) {
      const now = await this.highlightsOn();
      if (now === !before) return now;
      if (Date.now() > end) throw new Error(`The highlights switch stayed aria-checked=${before} after a click.`);
      await sleep(50);
    }
  }
}
