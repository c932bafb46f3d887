/**
 * Finds a browser binary the way a user's machine has one, in this order:
 *
 * 1. an explicit override: SOURCELIGHT_CHROMIUM / SOURCELIGHT_FIREFOX, or the
 *    common CHROME_PATH / FIREFOX_PATH;
 * 2. the system install (Debian's chromium / firefox-esr, Google Chrome, …);
 * 3. a browser puppeteer already downloaded into its cache
 *    (PUPPETEER_CACHE_DIR or ~/.cache/puppeteer);
 * 4. a download into that cache with @puppeteer/browsers, only if its download
 *    host answers within a few seconds;
 * 5. otherwise an Error that names the exact command to install one.
 *
 * It never skips silently: a test run without a browser fails and says why.
 * An override that points at nothing is an error too (not a quiet fallback).
 */
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { BrowserPlatform } from '@puppeteer/browsers';

export type BrowserKind = 'chromium' | 'firefox';

export interface FoundBrowser {
  kind: BrowserKind;
  executablePath: string;
  /** Where it came from, for logs: `env:SOURCELIGHT_CHROMIUM`, `system`, `puppeteer-cache`, `downloaded`. */
  source: string;
}

export interface FindOptions {
  env?: NodeJS.ProcessEnv;
  /** Candidate absolute paths or bare names (looked up on PATH); defaults per kind below. */
  systemCandidates?: string[];
  cacheDir?: string;
  /** Try a download when nothing is installed. Default true unless SOURCELIGHT_NO_DOWNLOAD=1. */
  allowDownload?: boolean;
  /** How long the download host may take to answer before we give up (ms). */
  probeTimeoutMs?: number;
  log?: (line: string) => void;
}

export const ENV_VARS: Record<BrowserKind, string[]> = {
  chromium: ['SOURCELIGHT_CHROMIUM', 'CHROME_PATH'],
  firefox: ['SOURCELIGHT_FIREFOX', 'FIREFOX_PATH'],
};

export const SYSTEM_CANDIDATES: Record<BrowserKind, string[]> = {
  chromium: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'chromium',
    'chromium-browser',
    'google-chrome',
    'google-chrome-stable',
  ],
  firefox: [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/snap/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
    'firefox-esr',
    'firefox',
  ],
};

export function installHint(kind?: BrowserKind): string {
  const which = kind === 'chromium' ? 'Chromium' : kind === 'firefox' ? 'Firefox' : 'Chromium and Firefox';
  return [
    `No ${which} found for the end-to-end tests. Install them with:`,
    '  sudo apt-get update && sudo apt-get install -y chromium firefox-esr   # Debian/Ubuntu',
    'or point at an existing binary:',
    '  export SOURCELIGHT_CHROMIUM=/path/to/chromium   # or CHROME_PATH',
    '  export SOURCELIGHT_FIREFOX=/path/to/firefox     # or FIREFOX_PATH',
    'or, with internet access, let puppeteer fetch them into its cache:',
    '  npx @puppeteer/browsers install chrome@stable && npx @puppeteer/browsers install firefox@stable',
  ].join('\n');
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    if (isExecutable(p)) return p;
  }
  return null;
}

// @puppeteer/browsers is puppeteer's own dependency, not ours: load it lazily and
// treat its absence as "no cache, no download" rather than a crash.
type PuppeteerBrowsers = typeof import('@puppeteer/browsers');
async function loadPuppeteerBrowsers(): Promise<PuppeteerBrowsers | null> {
  try {
    return await import('@puppeteer/browsers');
  } catch {
    return null;
  }
}

function cacheDirOf(env: NodeJS.ProcessEnv, override?: string): string {
  return override ?? env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer');
}

/** puppeteer's names for the builds we can use: Chrome for Testing loads unpacked extensions; so does Chromium. */
function cacheNames(kind: BrowserKind): string[] {
  return kind === 'chromium' ? ['chrome', 'chromium'] : ['firefox'];
}

async function fromCache(kind: BrowserKind, cacheDir: string, pb: PuppeteerBrowsers): Promise<string | null> {
  const installed = await pb.getInstalledBrowsers({ cacheDir }).catch(() => []);
  const wanted = cacheNames(kind);
  const candidates = installed
    .filter((b) => wanted.includes(b.browser))
    .sort((a, b) => wanted.indexOf(a.browser) - wanted.indexOf(b.browser) || b.buildId.localeCompare(a.buildId, 'en', { numeric: true }));
  for (const b of candidates) if (isExecutable(b.executablePath)) return b.executablePath;
  return null;
}

async function pinnedBuildId(kind: BrowserKind, pb: PuppeteerBrowsers, platform: BrowserPlatform): Promise<string> {
  try {
    // The versions this puppeteer release was tested with (an internal module, hence the indirection).
    const internal = 'puppeteer-core/internal/revisions.js';
    const { PUPPETEER_REVISIONS } = (await import(internal)) as { PUPPETEER_REVISIONS: Record<string, string> };
    const id = PUPPETEER_REVISIONS[kind === 'chromium' ? 'chrome' : 'firefox'];
    if (id) return id;
  } catch {
    // fall through to the channel
  }
  return pb.resolveBuildId(kind === 'chromium' ? pb.Browser.CHROME : pb.Browser.FIREFOX, platform, 'stable');
}

async function download(
  kind: BrowserKind,
  cacheDir: string,
  pb: PuppeteerBrowsers,
  timeoutMs: number,
  log: (l: string) => void,
): Promise<string | null> {
  const platform = pb.detectBrowserPlatform();
  if (!platform) return null;
  const browser = kind === 'chromium' ? pb.Browser.CHROME : pb.Browser.FIREFOX;
  const withTimeout = <T>(p: Promise<T>): Promise<T | null> =>
    Promise.race([
      p.catch(() => null),
      new Promise<null>((ok) => {
        const t = setTimeout(ok, timeoutMs, null);
        (t as unknown as NodeJS.Timeout).unref?.();
      }),
    ]);
  const buildId = await withTimeout(pinnedBuildId(kind, pb, platform));
  if (!buildId) return null;
  const reachable = await withTimeout(pb.canDownload({ browser, buildId, cacheDir, platform }));
  if (!reachable) return null;
  log(`Downloading ${browser}@${buildId} into ${cacheDir} …`);
  const installed = await pb.install({ browser, buildId, cacheDir, platform });
  return installed.executablePath;
}

/** Finds (or, as a last resort, downloads) a browser; throws with install instructions if none. */
export async function findBrowser(kind: BrowserKind, options: FindOptions = {}): Promise<FoundBrowser> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((l: string) => console.error(l));

  for (const name of ENV_VARS[kind]) {
    const value = env[name]?.trim();
    if (!value) continue;
    const path = value.includes('/') ? value : onPath(value, env);
    if (path && isExecutable(path)) return { kind, executablePath: path, source: `env:${name}` };
    throw new Error(`${name}=${value} is set but is not an executable file.\n\n${installHint(kind)}`);
  }

  for (const candidate of options.systemCandidates ?? SYSTEM_CANDIDATES[kind]) {
    const path = candidate.includes('/') ? (isExecutable(candidate) ? candidate : null) : onPath(candidate, env);
    if (path) return { kind, executablePath: path, source: 'system' };
  }

  const pb = await loadPuppeteerBrowsers();
  const cacheDir = cacheDirOf(env, options.cacheDir);
  if (pb) {
    const cached = await fromCache(kind, cacheDir, pb);
    if (cached) return { kind, executablePath: cached, source: 'puppeteer-cache' };
    const allowDownload = options.allowDownload ?? env.SOURCELIGHT_NO_DOWNLOAD !== '1';
    if (allowDownload) {
      try {
        const got = await download(kind, cacheDir, pb, options.probeTimeoutMs ?? 5000, log);
        if (got && isExecutable(got)) return { kind, executablePath: got, source: 'downloaded' };
      } catch (e) {
        log(`Download of ${kind} failed: ${(e as Error).message}`);
      }
    }
  }
  throw new Error(installHint(kind));
}
