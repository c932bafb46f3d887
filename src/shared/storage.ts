/**
 * Settings in extension storage, read through the validating parser and
 * repaired in place when they were corrupt or from an older version.
 */
import browser from 'webextension-polyfill';
import { type LoadedSettings, parseSettings, SETTINGS_KEY, type Settings } from './settings.ts';

/**
 * What the last repair found, kept until the options page has shown it: the
 * background (or any tab) may read and repair the settings first, and the
 * options page must still be able to say that they were repaired.
 */
export const REPAIR_NOTE_KEY = 'settingsRepair';

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
    // Write back the repaired or migrated value so every part reads the same; note what a repair found.
    const note = loaded.problems.length ? { [REPAIR_NOTE_KEY]: { at: Date.now(), problems: loaded.problems } } : {};
    await browser.storage.local.set({ [SETTINGS_KEY]: loaded.settings, ...note }).catch(() => undefined);
  }
  return loaded;
}

/** The problems the last repair found (whoever made it), once: the note is removed as it is read. */
export async function takeRepairNote(): Promise<string[]> {
  try {
    const note = (await browser.storage.local.get(REPAIR_NOTE_KEY))[REPAIR_NOTE_KEY] as { problems?: unknown } | undefined;
    if (note === undefined) return [];
    await browser.storage.local.remove(REPAIR_NOTE_KEY);
    const problems = Array.isArray(note?.problems) ? note.problems : [];
    return problems.filter((p): p is string => typeof p === 'string').slice(0, 50);
  } catch {
    return [];
  }
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
