/**
 * Page objects: what the tests (and `npm start --headless`) read from an
 * article tab and from the popup, through the contract's test hooks only:
 * `mark[data-sourcelight]` in the article, and `#verdict`,
 * `[data-testid="speaker"]`, `[data-testid="highlights-switch"]` in the popup.
 */
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
