/**
 * Starts Chromium or Firefox with the built extension (dist/chrome or
 * dist/firefox) loaded, news hostnames routed to the local fixture server, and
 * a fresh profile that is always removed again. Used by the e2e tests and by
 * scripts/start.ts alike.
 *
 * Chromium: puppeteer's `enableExtensions` (CDP Extensions.loadUnpacked over a
 * pipe), `--host-resolver-rules` mapping every hostname to the local server, and
 * the genuine toolbar popup via `chrome.action.openPopup()` in the service worker.
 *
 * Firefox: WebDriver BiDi, `browser.installExtension()` as a temporary add-on,
 * its moz-extension UUID pinned by pref, all http(s) sent to the local server
 * acting as a proxy, and the popup opened as a tab with `?tabId=N`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer';
import { type BrowserKind, findBrowser } from './browsers.ts';
import type { FixtureServer } from './server.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** dist/chrome or dist/firefox, under SOURCELIGHT_DIST (a folder holding both) when set, else the repo's dist/. */
export const distDirOf = (kind: BrowserKind): string =>
  resolve(process.env.SOURCELIGHT_DIST ?? resolve(REPO_ROOT, 'dist'), kind === 'chromium' ? 'chrome' : 'firefox');

/** The Chromium switches that keep a root, GPU-less, offline machine quiet and deterministic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-sync',
  '--disable-quic',
  // Plain-http fixture pages must not be retried over https first.
  '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,MediaRouter,OptimizationHints,NetworkTimeServiceQuerying',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-default-apps',
  '--no-pings',
];

/**
 * Hosts the browsers themselves still contact with the switches and prefs above (seen with
 * Chromium 156 and Firefox 153 ESR). They reach only the fixture server, which answers 404; a
 * zero-network test should discount them and look at what is left.
 */
export const BROWSER_BACKGROUND_HOSTS: Record<BrowserKind, readonly string[]> = {
  chromium: ['accounts.google.com', 'update.googleapis.com', 'clients2.google.com'],
  firefox: ['firefox.settings.services.mozilla.com'],
};

export interface LaunchOptions {
  /** The fixture server that stands in for every website. */
  server: FixtureServer;
  /** Default true. Headed needs a display. */
  headless?: boolean;
  /** Unpacked extension to load; defaults to dist/chrome or dist/firefox. */
  distDir?: string;
  /** Skip the finder and use this binary. */
  executablePath?: string;
  /** Window / viewport size for article pages. */
  viewport?: { width: number; height: number };
  /** Timeout for waits inside the helpers (ms). Default 15 000. */
  timeout?: number;
  /** More Chromium switches (the benchmark's precise memory figures and gc). */
  chromiumArgs?: string[];
  /** Timeout of one DevTools protocol call (ms); the benchmark's slowest reference takes seconds. */
  protocolTimeout?: number;
}

export interface LaunchedBrowser {
  kind: BrowserKind;
  browser: Browser;
  executablePath: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`, with the trailing slash. */
  extensionBaseUrl: string;
  /** The built manifest, as loaded. */
  manifest: BuiltManifest;
  /** Opens a URL in a new tab and waits for its load event. */
  openPage(url: string): Promise<Page>;
  /** Opens the extension popup for the tab showing `page` and waits until its document is complete. */
  openPopupFor(page: Page): Promise<Page>;
  /** Opens an extension page (e.g. `src/options/index.html`) in a new tab. */
  extensionPage(path: string): Promise<Page>;
  /** Sends a runtime message from an extension page and returns the reply. */
  sendToBackground<T = unknown>(message: unknown): Promise<T>;
  /** The browser's tab id for `page`, found by URL through `tabs.query({})` in an extension page. */
  tabIdOf(page: Page): Promise<number>;
  /** Closes the browser (killing it if it hangs) and deletes the profile. Safe to call twice. */
  close(): Promise<void>;
}

export interface BuiltManifest {
  version: string;
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
  content_scripts?: { matches?: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string } };
}

export function readBuiltManifest(distDir: string): BuiltManifest {
  const file = join(distDir, 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: build the extension first (npx vite build --mode chrome && npx vite build --mode firefox).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as BuiltManifest;
}

// Profiles still on disk if the process dies between launch and close().
const liveProfiles = new Set<string>();
process.once('exit', () => {
  for (const dir of liveProfiles) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort while exiting
    }
  }
});

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** Polls `fn` until it returns a truthy value; errors count as "not yet" (navigation in flight). */
async function poll<T>(what: string, timeout: number, fn: () => Promise<T | null | undefined | false>): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await sleep(50);
  }
  throw new Error(`Timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

/** The extension API object of an extension page: `browser` in Firefox, `chrome` in Chromium (both promise-based in MV3). */
type ExtApi = typeof chrome;

export async function launchBrowser(kind: BrowserKind, opts: LaunchOptions): Promise<LaunchedBrowser> {
  const headless = opts.headless ?? true;
  const timeout = opts.timeout ?? 15_000;
  const distDir = resolve(opts.distDir ?? distDirOf(kind));
  const manifest = readBuiltManifest(distDir);
  const executablePath = opts.executablePath ?? (await findBrowser(kind)).executablePath;
  const viewport = opts.viewport ?? { width: 1280, height: 900 };
  const userDataDir = mkdtempSync(join(tmpdir(), `sourcelight-${kind}-`));
  liveProfiles.add(userDataDir);
  const port = opts.server.port;

  let browser: Browser | undefined;
  let extensionBaseUrl: string;
  try {
    if (kind === 'chromium') {
      browser = await puppeteer.launch({
        browser: 'chrome',
        executablePath,
        headless,
        userDataDir,
        pipe: true,
        // Extensions on, but loaded below by installExtension, whose errors (a bad manifest) propagate.
        enableExtensions: true,
        // HSTS-preloaded news hosts are fetched over https from the fixture server's throwaway certificate.
        acceptInsecureCerts: true,
        defaultViewport: headless ? viewport : null,
        args: [
          ...CHROMIUM_ARGS,
          '--ignore-certificate-errors',
          ...(headless ? [] : [`--window-size=${viewport.width},${viewport.height}`]),
          // Every hostname resolves to the fixture server: pages load under their real news hostnames
          // (so the manifest's match patterns apply unchanged) and nothing can reach the internet.
          `--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost`,
          ...(opts.chromiumArgs ?? []),
        ],
        ...(opts.protocolTimeout ? { protocolTimeout: opts.protocolTimeout } : {}),
      });
      const id = await browser.installExtension(distDir).catch((e: Error) => {
        throw new Error(`Chromium refused to load ${distDir}: ${e.message}`);
      });
      extensionBaseUrl = `chrome-extension://${id}/`;
      // The service worker registers asynchronously; wait for it so the background is up before any test.
      await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(extensionBaseUrl), { timeout });
    } else {
      const geckoId = manifest.browser_specific_settings?.gecko?.id ?? 'sourcelight@sourcelight.app';
      const uuid = randomUUID();
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath,
        headless,
        userDataDir,
        defaultViewport: viewport,
        acceptInsecureCerts: true,
        // Lets the pref services.settings.server (puppeteer points it at a data: URL) take effect, so
        // Firefox stops polling its remote-settings server (which here would be the fixture server).
        env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
        ...(opts.protocolTimeout ? { protocolTimeout: opts.protocolTimeout } : {}),
        args: ['--remote-allow-system-access', ...(headless ? [] : [`--width=${viewport.width}`, `--height=${viewport.height}`])],
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
          // All web traffic goes to the fixture server acting as a proxy; it answers everything itself.
          'network.proxy.type': 1,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': port,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': port,
          'network.proxy.share_proxy_settings': false,
          'network.proxy.no_proxies_on': '',
          'network.proxy.allow_hijacking_localhost': true,
          // Plain-http fixtures even on HSTS-preloaded hosts: no https-first detour, no background chatter.
          'network.stricttransportsecurity.preloadlist': false,
          'dom.security.https_first': false,
          'dom.security.https_first_schemeless': false,
          'dom.security.https_only_mode': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
          'network.dns.disablePrefetch': true,
          'network.prefetch-next': false,
          'browser.newtabpage.activity-stream.feeds.section.topstories': false,
          'extensions.blocklist.enabled': false,
          'toolkit.telemetry.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
        },
      });
      const installedId = await browser.installExtension(distDir);
      if (installedId !== geckoId) {
        throw new Error(`Firefox installed the add-on as ${installedId}, expected ${geckoId}: the UUID pin would not apply.`);
      }
      extensionBaseUrl = `moz-extension://${uuid}/`;
    }
  } catch (e) {
    await browser?.close().catch(() => {});
    liveProfiles.delete(userDataDir);
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    throw e;
  }
  const b = browser;
  const popupPath = manifest.action?.default_popup ?? 'src/popup/index.html';
  const optionsPath = manifest.options_ui?.page ?? manifest.options_page;

  /** Navigates an existing tab to an extension URL. Firefox never resolves goto() for moz-extension: don't await it. */
  async function gotoExtension(page: Page, url: string): Promise<void> {
    if (kind === 'chromium') {
      await page.goto(url, { waitUntil: 'load', timeout });
      return;
    }
    void page.goto(url, { timeout }).catch(() => {});
    await poll(`${url} to load`, timeout, () =>
      page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete'),
    );
  }

  async function extensionPage(path: string): Promise<Page> {
    const page = await b.newPage();
    await gotoExtension(page, new URL(path.replace(/^\//, ''), extensionBaseUrl).href);
    return page;
  }

  // One extension page kept open for tabs.query and runtime messages.
  let helper: Page | undefined;
  async function helperPage(): Promise<Page> {
    if (helper && !helper.isClosed()) return helper;
    helper = await extensionPage(optionsPath ?? popupPath);
    return helper;
  }

  async function sendToBackground<T>(message: unknown): Promise<T> {
    const page = await helperPage();
    // The background may still be starting right after install: retry "no receiver" for a moment.
    const end = Date.now() + 5000;
    for (;;) {
      try {
        return (await page.evaluate((msg) => {
          const api = (globalThis as unknown as { browser?: ExtApi }).browser ?? chrome;
          return api.runtime.sendMessage(msg);
        }, message as object)) as T;
      } catch (e) {
        if (!/Receiving end does not exist|Could not establish connection/i.test((e as Error).message) || Date.now() > end) throw e;
        await sleep(100);
      }
    }
  }

  async function tabIdOf(page: Page): Promise<number> {
    const url = page.url();
    const helperTab = await helperPage();
    const query = (active: boolean) =>
      helperTab.evaluate(async (activeOnly) => {
        const api = (globalThis as unknown as { browser?: ExtApi }).browser ?? chrome;
        const tabs = await api.tabs.query(activeOnly ? { active: true, lastFocusedWindow: true } : {});
        return tabs.map((t) => ({ id: t.id, url: t.url }));
      }, active);
    const all = await query(false);
    const matches = all.filter((t) => t.url === url);
    if (matches.length === 1 && matches[0]?.id !== undefined) return matches[0].id;
    if (matches.length > 1) throw new Error(`More than one tab shows ${url}: ${JSON.stringify(matches)}`);
    // The URL is hidden where the extension has no host permission: bring the tab to the front and ask for the active one.
    await page.bringToFront();
    const [active] = await query(true);
    if (active?.id === undefined || (active.url !== undefined && active.url !== url)) {
      throw new Error(`Could not find the tab id of ${url} (tabs: ${JSON.stringify(all)}, active: ${JSON.stringify(active)}).`);
    }
    return active.id;
  }

  async function openPopupFor(page: Page): Promise<Page> {
    if (kind === 'firefox') {
      const tabId = await tabIdOf(page);
      const popup = await b.newPage();
      await gotoExtension(popup, `${extensionBaseUrl}${popupPath}?tabId=${tabId}`);
      return popup;
    }
    // Chromium: the genuine toolbar popup, for the tab in front.
    await page.bringToFront();
    const before = new Set<Target>(b.targets());
    const popupUrl = `${extensionBaseUrl}${popupPath}`;
    const opened = b.waitForTarget((t) => !before.has(t) && t.url().startsWith(popupUrl), { timeout });
    const sw = await b.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(extensionBaseUrl), { timeout });
    const worker = await sw.worker();
    if (!worker) throw new Error('The extension service worker has no worker handle.');
    await worker.evaluate(() => chrome.action.openPopup());
    const target = await opened;
    const popup = await target.asPage();
    await poll('the popup document to complete', timeout, () => popup.evaluate(() => document.readyState === 'complete'));
    return popup;
  }

  async function openPage(url: string): Promise<Page> {
    const page = await b.newPage();
    await page.goto(url, { waitUntil: 'load', timeout });
    return page;
  }

  let closed = false;
  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    const proc = b.process();
    const exited =
      proc && proc.exitCode === null && proc.signalCode === null
        ? new Promise<void>((done) => proc.once('exit', () => done()))
        : Promise.resolve();
    await Promise.race([b.close().catch(() => {}), sleep(10_000)]);
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    // Only delete the profile once the browser can no longer write to it.
    await Promise.race([exited, sleep(5_000)]);
    liveProfiles.delete(userDataDir);
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }

  return {
    kind,
    browser: b,
    executablePath,
    extensionBaseUrl,
    manifest,
    openPage,
    openPopupFor,
    extensionPage,
    sendToBackground,
    tabIdOf,
    close,
  };
}

// ---- helpers for tests that talk to the extension from one of its own pages ----------------------

/** One extension page per launched browser, kept open for storage, tabs, badge and messages. */
const probes = new WeakMap<LaunchedBrowser, Page>();
/** Tab ids already found: a tab keeps its id across reloads and navigations. */
const tabIds = new WeakMap<Page, number>();

/**
 * `b.tabIdOf(page)`, remembered. Where the extension may not read the tab's URL (Chromium grants none
 * for content-script hosts) tabIdOf brings the tab to the front, which would close an open popup:
 * ask once, before any popup opens.
 */
export async function knownTabId(b: LaunchedBrowser, page: Page): Promise<number> {
  const known = tabIds.get(page);
  if (known !== undefined) return known;
  const id = await b.tabIdOf(page);
  tabIds.set(page, id);
  return id;
}

/** The extension page the helpers below evaluate in (the options page, opened once per browser). */
export async function extensionProbe(b: LaunchedBrowser): Promise<Page> {
  const open = probes.get(b);
  if (open && !open.isClosed()) return open;
  const page = await b.extensionPage(b.manifest.options_ui?.page ?? b.manifest.options_page ?? 'src/popup/index.html');
  probes.set(b, page);
  return page;
}

/**
 * Sends a message to the content script of the tab showing `page` (as the popup does) and returns its
 * reply. The reply crosses into Node as JSON: WebDriver BiDi hands an object met twice in one value (a
 * speaker shared by two quotes) to puppeteer as a reference it does not resolve.
 */
export async function sendToTab<T = unknown>(b: LaunchedBrowser, page: Page, message: unknown): Promise<T> {
  const tabId = await knownTabId(b, page);
  const probe = await extensionProbe(b);
  const json = await probe.evaluate(
    async (id, msg) => {
      const api = (globalThis as unknown as { browser?: ExtApi }).browser ?? chrome;
      return JSON.stringify((await api.tabs.sendMessage(id, msg)) ?? null);
    },
    tabId,
    message as object,
  );
  return JSON.parse(json) as T;
}

/** The toolbar badge text for the tab showing `page` (`action.getBadgeText({ tabId })`). */
export async function badgeText(b: LaunchedBrowser, page: Page): Promise<string> {
  const tabId = await knownTabId(b, page);
  const probe = await extensionProbe(b);
  return probe.evaluate((id) => {
    const api = (globalThis as unknown as { browser?: ExtApi }).browser ?? chrome;
    return api.action.getBadgeText({ tabId: id });
  }, tabId);
}

/** Reads one key of the extension's `storage.local`. */
export async function storageGet(b: LaunchedBrowser, key: string): Promise<unknown> {
  const probe = await extensionProbe(b);
  return probe.evaluate(async (k) => {
    const api = (globalThis as unknown as { browser?: ExtApi }).browser ?? chrome;
    return (await api.storage.local.get(k))[k];
  }, key);
}

/** Writes raw values into the extension's `storage.local` (garbage included: no validation here). */
export async function storageSet(b: LaunchedBrowser, items: Record<string, unknown>): Promise<void> {
  const probe = await extensionProbe(b);
  await probe.evaluate(async (v) => {
    const api = (globalThis as unknown as { browser?: ExtApi }).browser ?? chrome;
    await api.storage.local.set(v);
  }, items as object);
}
