/**
 * Runs once before the e2e files: makes sure dist/chrome and dist/firefox are
 * built from the current sources, and that both browsers can be found, so a
 * missing browser fails the run at once with the command that installs it.
 */
import { findBrowser } from './browsers.ts';
import { ensureBuilt } from './build.ts';

export default async function setup(): Promise<void> {
  if (process.env.SOURCELIGHT_SKIP_BUILD !== '1' && !process.env.SOURCELIGHT_DIST) ensureBuilt({ log: (l) => console.log(`[e2e] ${l}`) });
  for (const kind of ['chromium', 'firefox'] as const) {
    const found = await findBrowser(kind);
    console.log(`[e2e] ${kind}: ${found.executablePath} (${found.source})`);
  }
}
