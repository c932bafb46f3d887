/**
 * Settings in extension storage, read through the validating parser and
 * repaired in place when they were corrupt or from an older version.
 */
import browser from 'webextension-polyfill';
import { type LoadedSettings, parseSettings, SETTINGS_KEY, type Settings } from './settings.ts';

export async function loadSettings(): Promise<LoadedSettings> {
  let raw: unknown;
  try {
    raw = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch (e) {
    const loaded = parseSettings(undefined);
    loaded.problems.push(`storage unavailable: ${e instanceof Error ? e.message : String(e)}`);
    return loaded;
  }
  const loaded = parseSettings(raw);
  if (loaded.dirty) {
    // Write back the repaired or migrated value so every part reads the same.
    await browser.storage.local.set({ [SETTINGS_KEY]: loaded.settings }).catch(() => undefined);
  }
  return loaded;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

/** Calls back with validated settings whenever they change in storage. */
export function onSettingsChanged(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    cb(parseSettings(changes[SETTINGS_KEY]?.newValue).settings);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
