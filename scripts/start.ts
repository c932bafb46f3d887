/**
 * `npm start`: build both targets, serve the demo article under a news hostname
 * from the default list (locally: nothing goes to the internet), and open a
 * browser with the extension loaded on it for you to try.
 *
 *   npm start                      Chromium, headed (needs a display)
 *   npm start -- --browser firefox Firefox instead
 *   npm start -- --headless        no window: wait for the highlights, save
 *                                  demo-output/article.png, card.png and popup.png, print
 *                                  a summary read from the popup, exit 0
 *   --host www.bbc.co.uk           serve the demo under another listed host
 *   --out DIR                      where --headless writes its screenshots
 *
 * With no DISPLAY or WAYLAND_DISPLAY it runs as --headless. SOURCELIGHT_DIST=<dir>
 * uses a prebuilt <dir>/chrome and <dir>/firefox instead of building.
 */
import { mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type BrowserKind, findBrowser } from '../tests/e2e/support/browsers.ts';
import { ensureBuilt } from '../tests/e2e/support/build.ts';
import { type LaunchedBrowser, launchBrowser } from '../tests/e2e/support/launch.ts';
import { ArticlePage, PopupPage } from '../tests/e2e/support/pages.ts';
import { type FixtureServer, startServer } from '../tests/e2e/support/server.ts';

const { values } = parseArgs({
  options: {
    browser: { type: 'string', default: 'chromium' },
    headless: { type: 'boolean', default: false },
    host: { type: 'string', default: 'www.theguardian.com' },
    out: { type: 'string', default: 'demo-output' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('Usage: npm start [-- --browser chromium|firefox] [--headless] [--host HOST] [--out DIR]');
  process.exit(0);
}

function browserKind(name: string): BrowserKind {
  if (name === 'chromium' || name === 'chrome') return 'chromium';
  if (name === 'firefox') return 'firefox';
  console.error(`--browser must be chromium or firefox, not ${name}`);
  process.exit(2);
}
const kind = browserKind(values.browser);
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = values.headless || !hasDisplay;
const host = values.host.toLowerCase();
const outDir = resolve(values.out);
const DEMO_PATH = '/world/2025/jun/26/nato-hague-summit-five-percent-pledge-moscow-reaction';

function hostIsListed(manifestMatches: string[], hostname: string): boolean {
  return manifestMatches.some((m) => {
    const h = /^[^:]+:\/\/([^/]+)\//.exec(m)?.[1];
    if (!h) return false;
    if (h === '*') return true;
    if (h.startsWith('*.')) return hostname === h.slice(2) || hostname.endsWith(h.slice(1));
    return hostname === h;
  });
}

async function main(): Promise<void> {
  const t0 = performance.now();
  if (process.env.SOURCELIGHT_DIST) {
    console.log(`Using the prebuilt extension in ${process.env.SOURCELIGHT_DIST} (SOURCELIGHT_DIST)`);
  } else {
    console.log('Building dist/chrome and dist/firefox …');
    ensureBuilt({ force: true, log: (l) => console.log(`  ${l}`) });
  }

  const found = await findBrowser(kind);
  const server: FixtureServer = await startServer({
    routes: { [DEMO_PATH]: { file: 'demo.html' }, '/': { file: 'demo.html' } },
  });
  let launched: LaunchedBrowser | undefined;
  const shutdown = async (code: number) => {
    await launched?.close().catch(() => {});
    await server.close().catch(() => {});
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(130));
  process.once('SIGTERM', () => void shutdown(143));

  try {
    launched = await launchBrowser(kind, {
      server,
      headless,
      executablePath: found.executablePath,
      viewport: { width: 1280, height: 900 },
      timeout: 30_000,
    });
    const matches = launched.manifest.content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
    if (!hostIsListed(matches, host)) {
      console.warn(`Warning: ${host} is not in the manifest's content_scripts matches; the content script will not run there.`);
    }
    const url = server.url(host, DEMO_PATH);
    const article = new ArticlePage(await launched.openPage(url));
    console.log(`${kind} (${found.executablePath}) with the extension at ${launched.extensionBaseUrl}`);
    console.log(`Demo article: ${url}  (served from ${server.origin}; no request leaves this machine)`);

    if (!headless) {
      console.log(
        kind === 'chromium'
          ? 'Click the Sourcelight icon in the toolbar (puzzle piece → pin it) to open the popup. Close the browser or press Ctrl+C to stop.'
          : 'Sourcelight is installed as a temporary add-on: use its toolbar button for the popup. Close the browser or press Ctrl+C to stop.',
      );
      await new Promise<void>((done) => launched?.browser.once('disconnected', () => done()));
      await shutdown(0);
      return;
    }

    await article.waitForMarks((m) => m.quotes > 0, 20_000);
    const marks = await article.waitForStableMarks(20_000);
    await mkdir(outDir, { recursive: true });
    const articlePng = join(outDir, 'article.png');
    const cardPng = join(outDir, 'card.png');
    const popupPng = join(outDir, 'popup.png');
    await article.page.screenshot({ path: articlePng as `${string}.png`, fullPage: true });

    // A hover card: hover the first highlighted name in the text and capture it with the lines around it.
    const name = 'article p mark[data-sourcelight="official"]';
    // Scroll first and let it settle: a scroll while the card is pending closes it.
    await article.page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'center' }), name);
    await new Promise((r) => setTimeout(r, 300));
    await article.page.hover(name);
    await article.page.waitForSelector('sourcelight-card[data-state="open"]', { timeout: 10_000 });
    // The card opens above or below the line: take the visible part of the article column.
    const clip = await article.page.evaluate((sel) => {
      const col = document.querySelector(sel)?.closest('article')?.getBoundingClientRect();
      return col
        ? {
            x: Math.max(0, col.left + window.scrollX - 16),
            y: window.scrollY,
            width: Math.min(col.width + 32, 800),
            height: window.innerHeight,
          }
        : null;
    }, name);
    await article.page.screenshot({ path: cardPng as `${string}.png`, ...(clip ? { clip } : {}) });

    const popup = new PopupPage(await launched.openPopupFor(article.page));
    if (kind === 'firefox') await popup.page.setViewport({ width: 420, height: 640 });
    const summary = await popup.waitForSummary(1, 20_000);
    // Let the switch's CSS transition finish so the screenshot shows its settled state.
    await popup.page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)).then(() => undefined));
    await popup.page.screenshot({ path: popupPng as `${string}.png`, fullPage: kind === 'firefox' });

    const rel = (p: string) => relative(process.cwd(), p) || p;
    const lines = [
      '',
      `Highlights on the page: ${marks.quotes} quote marks, ${marks.officials} official marks`,
      `Verdict:  ${summary.verdict}`,
      `Speakers: ${summary.speakers.length}`,
      ...summary.speakers.map((s) => {
        const count = s.quotes === null ? '' : ` — ${s.quotes} ${s.quotes === 1 ? 'quote' : 'quotes'}`;
        return `  ${s.name}${s.role ? ` (${s.role})` : ''}${count}`;
      }),
      '',
      `Saved ${rel(articlePng)}, ${rel(cardPng)} and ${rel(popupPng)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    ];
    console.log(lines.join('\n'));
    await shutdown(0);
  } catch (e) {
    console.error(`npm start failed: ${(e as Error).message}`);
    await shutdown(1);
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
