/**
 * Background: analyses pages for the content scripts (src/background/analyse.ts),
 * answers the typed messages, keeps the toolbar badge, and turns highlights
 * on/off per site from the keyboard command and the context menu. Keeps no
 * page data after answering; settings live in storage, which every tab
 * listens to, so a change reaches every open tab of the site at once.
 */
import browser from 'webextension-polyfill';
import { contentScriptFiles, injectSourcelight, isRestrictedUrl } from '../shared/inject.ts';
import { type BackgroundReplies, err, ok, parseToBackground, type Reply, type ToBackground } from '../shared/messages.ts';
import { highlightsOn, withSite } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/storage.ts';
import { analyseForPage } from './analyse.ts';

const MENU_ID = 'sourcelight-toggle-site';
/** What a content script may ask of the background; everything else comes from our own pages. */
const CONTENT_SCRIPT_MESSAGES: ReadonlySet<ToBackground['type']> = new Set(['ping', 'reportState', 'analyse']);
const EVERYWHERE_ID = 'sourcelight-everywhere';

async function toggleSite(host: string, on?: boolean): Promise<boolean> {
  const { settings } = await loadSettings();
  const next = on ?? !highlightsOn(settings, host);
  await saveSettings(withSite(settings, host, next));
  return next;
}

function hostOf(url: string | undefined): string | null {
  if (!url || isRestrictedUrl(url)) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

async function handle(msg: ToBackground, sender: browser.Runtime.MessageSender): Promise<Reply<BackgroundReplies[ToBackground['type']]>> {
  switch (msg.type) {
    case 'ping':
      return ok({ version: browser.runtime.getManifest().version });
    case 'reportState': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return err('reportState must come from a tab');
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#18305a' }).catch(() => undefined);
      await browser.action
        .setBadgeText({ tabId, text: msg.relevant && msg.quotes > 0 ? String(Math.min(msg.quotes, 999)) : '' })
        .catch(() => undefined);
      return ok(true);
    }
    case 'getSiteHighlights':
      return ok(highlightsOn((await loadSettings()).settings, msg.host));
    case 'setSiteHighlights':
      await toggleSite(msg.host, msg.on);
      return ok(true);
    case 'injectInto':
      await injectSourcelight(msg.tabId);
      return ok(true);
    case 'analyse':
      return ok(analyseForPage(msg.input, msg.sensitivity));
    case 'runCommand':
      return ok(await onCommand(msg.command));
    case 'listSites': {
      const { settings } = await loadSettings();
      return ok(Object.entries(settings.sites).map(([host, on]) => ({ host, on })));
    }
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Messages come only from our own pages and content scripts.
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = parseToBackground(message);
  if (!parsed.ok) return Promise.resolve(err(parsed.error));
  // A content script lives in pages we do not control: it may only report and ask for an analysis.
  const fromExtensionPage = sender.url?.startsWith(browser.runtime.getURL('')) ?? false;
  if (!fromExtensionPage && !CONTENT_SCRIPT_MESSAGES.has(parsed.message.type)) {
    return Promise.resolve(err(`${parsed.message.type} is not accepted from a content script`));
  }
  return handle(parsed.message, sender).catch((e: unknown) => err(e instanceof Error ? e.message : String(e)));
});

async function activeTab(): Promise<browser.Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** The keyboard command: flips highlights for the active tab's site. Returns the new state, or null where there is no site. */
async function onCommand(command: string): Promise<boolean | null> {
  if (command !== 'toggle-highlights') return null;
  const tab = await activeTab();
  const host = await siteOf(tab, tab?.url);
  return host ? toggleSite(host) : null;
}

/** A tab's site: from the URL when the extension may see it, else from the tab's content script. */
async function siteOf(tab: browser.Tabs.Tab | undefined, url: string | undefined): Promise<string | null> {
  return hostOf(url) ?? (tab?.id !== undefined ? await hostFromContent(tab.id) : null);
}

/** The tab's URL is hidden without a grant; its content script (if any) knows its host. */
async function hostFromContent(tabId: number): Promise<string | null> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'getState' })) as Reply<{ host?: unknown }> | undefined;
    const host = reply?.ok ? reply.value.host : undefined;
    return typeof host === 'string' && /^[a-z0-9.-]+(?::\d+)?$/i.test(host) ? host.toLowerCase() : null;
  } catch {
    return null;
  }
}

browser.commands.onCommand.addListener((command: string) => void onCommand(command));

function createMenus(): void {
  void browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({
      id: MENU_ID,
      title: browser.i18n.getMessage('menuToggleSite') || 'Sourcelight: highlights on this site (on/off)',
      contexts: ['page', 'selection', 'link'],
    });
  });
}

// The same toggle as the keyboard command, for the page the menu was opened on.
browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_ID) return;
  void siteOf(tab, info.pageUrl ?? tab?.url).then((host) => (host ? toggleSite(host) : null));
});

/** "Run on every site": register the content script for <all_urls> while the permission is granted. */
async function syncEverywhere(): Promise<void> {
  const { settings } = await loadSettings();
  const granted = await browser.permissions.contains({ origins: ['<all_urls>'] }).catch(() => false);
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [EVERYWHERE_ID] }).catch(() => [])).length > 0;
  const want = settings.runEverywhere && granted;
  if (want && !registered) {
    const { js, css } = contentScriptFiles();
    await browser.scripting.registerContentScripts([
      { id: EVERYWHERE_ID, matches: ['<all_urls>'], js, css, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  } else if (!want && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [EVERYWHERE_ID] });
  }
}

browser.runtime.onInstalled.addListener(() => {
  createMenus();
  void syncEverywhere();
});
browser.runtime.onStartup?.addListener(() => void syncEverywhere());
browser.permissions.onAdded.addListener(() => void syncEverywhere());
browser.permissions.onRemoved.addListener(() => void syncEverywhere());
onSettingsChanged(() => void syncEverywhere());
