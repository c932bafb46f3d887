/**
 * Starts Sourcelight in a tab where the manifest did not (a site outside the
 * default list, or a page opened before install): the same content script
 * and style sheet the manifest declares, injected with activeTab or the
 * optional host permission.
 */
import browser from 'webextension-polyfill';

export function contentScriptFiles(): { js: string[]; css: string[] } {
  const cs = browser.runtime.getManifest().content_scripts?.[0];
  return { js: cs?.js ?? [], css: cs?.css ?? [] };
}

export async function injectSourcelight(tabId: number): Promise<void> {
  const { js, css } = contentScriptFiles();
  if (css.length) await browser.scripting.insertCSS({ target: { tabId }, files: css });
  await browser.scripting.executeScript({ target: { tabId }, files: js });
}

/** Pages no extension may script: browser pages, stores, other extensions, PDFs in viewers. */
export function isRestrictedUrl(url: string | undefined): boolean {
  if (!url) return true;
  if (!/^https?:/i.test(url)) return true;
  try {
    const u = new URL(url);
    return (
      (/(^|\.)chrome\.google\.com$/.test(u.hostname) && u.pathname.startsWith('/webstore')) ||
      u.hostname === 'chromewebstore.google.com' ||
      u.hostname === 'addons.mozilla.org' ||
      u.hostname === 'microsoftedge.microsoft.com'
    );
  } catch {
    return true;
  }
}
