/**
 * User settings: typed defaults, validation on every read, and migration of
 * older stored versions. A corrupt or unknown stored value never breaks the
 * extension: each field that fails its check falls back to its default.
 */

import { DEFAULT_PALETTE } from '../core/palette.ts';
import { bool, type Check, obj, oneOf, str, validate } from '../core/validate.ts';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 2;

export type CardMode = 'hover' | 'modifier' | 'off';
export type QuoteStyle = 'background' | 'underline';
export type Sensitivity = 'low' | 'normal' | 'high';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Highlights on sites the user has not chosen for. */
  highlightsDefault: boolean;
  /** Per-site choice, by host name ("www.bbc.co.uk": false). */
  sites: Record<string, boolean>;
  cards: CardMode;
  quoteStyle: QuoteStyle;
  /** Speaker colours, in order of first quote (CSS hex). */
  palette: string[];
  /** The user granted <all_urls> and wants Sourcelight on every site. */
  runEverywhere: boolean;
  sensitivity: Sensitivity;
}

export { DEFAULT_PALETTE };

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  highlightsDefault: true,
  sites: {},
  cards: 'hover',
  quoteStyle: 'background',
  palette: DEFAULT_PALETTE,
  runEverywhere: false,
  sensitivity: 'normal',
};

const HOST = /^[a-z0-9.-]{1,253}(?::\d{1,5})?$/i;
const COLOUR = /^#[0-9a-f]{6}$/i;
const MAX_SITES = 5000;

const fields: { [K in keyof Omit<Settings, 'version' | 'sites' | 'palette'>]: Check<Settings[K]> } = {
  highlightsDefault: bool,
  cards: oneOf(['hover', 'modifier', 'off'] as const),
  quoteStyle: oneOf(['background', 'underline'] as const),
  runEverywhere: bool,
  sensitivity: oneOf(['low', 'normal', 'high'] as const),
};

export interface LoadedSettings {
  settings: Settings;
  /** What was wrong with the stored value, if anything (for the options page and logs). */
  problems: string[];
  /** The stored value needs rewriting (migrated or repaired). */
  dirty: boolean;
}

/** Validates a stored value field by field, migrating older versions first. */
export function parseSettings(raw: unknown): LoadedSettings {
  if (raw === undefined || raw === null) return { settings: clone(DEFAULT_SETTINGS), problems: [], dirty: false };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: clone(DEFAULT_SETTINGS), problems: ['stored settings were not an object; defaults restored'], dirty: true };
  }
  const problems: string[] = [];
  let value = raw as Record<string, unknown>;
  let dirty = false;
  if (value.version !== SETTINGS_VERSION) {
    const migrated = migrate(value);
    if (migrated) {
      value = migrated;
      dirty = true;
    } else problems.push(`unknown settings version ${JSON.stringify(value.version)}; reading what fits`);
  }
  const out = clone(DEFAULT_SETTINGS);
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    if (!(key in value)) continue;
    const r = validate(fields[key] as Check<unknown>, value[key]);
    if (r.ok) (out as unknown as Record<string, unknown>)[key] = r.value;
    else {
      problems.push(`${key}: ${r.errors.join('; ')}`);
      dirty = true;
    }
  }
  if ('sites' in value) {
    const sites = value.sites;
    if (typeof sites === 'object' && sites !== null && !Array.isArray(sites)) {
      for (const [host, on] of Object.entries(sites).slice(0, MAX_SITES)) {
        if (HOST.test(host) && typeof on === 'boolean') out.sites[host.toLowerCase()] = on;
        else {
          problems.push(`sites: ignored entry ${JSON.stringify(host).slice(0, 60)}`);
          dirty = true;
        }
      }
    } else {
      problems.push('sites: not an object');
      dirty = true;
    }
  }
  if ('palette' in value) {
    const p = value.palette;
    if (Array.isArray(p) && p.length >= 2 && p.length <= 16 && p.every((c) => typeof c === 'string' && COLOUR.test(c)))
      out.palette = p as string[];
    else {
      problems.push('palette: expected 2–16 colours like #e69f00');
      dirty = true;
    }
  }
  return { settings: out, problems, dirty };
}

/**
 * Version 1 stored `{ enabled: boolean, disabledSites: string[], hoverCards: boolean }`.
 * Returns null for values that are no known version.
 */
function migrate(v: Record<string, unknown>): Record<string, unknown> | null {
  if (v.version === 1 || (v.version === undefined && ('enabled' in v || 'disabledSites' in v))) {
    const sites: Record<string, boolean> = {};
    if (Array.isArray(v.disabledSites)) for (const h of v.disabledSites) if (typeof h === 'string') sites[h] = false;
    return {
      version: SETTINGS_VERSION,
      highlightsDefault: typeof v.enabled === 'boolean' ? v.enabled : DEFAULT_SETTINGS.highlightsDefault,
      sites,
      cards: v.hoverCards === false ? 'off' : 'hover',
    };
  }
  return null;
}

/** Whether highlights are on for a host under these settings. */
export function highlightsOn(settings: Settings, host: string): boolean {
  return settings.sites[host.toLowerCase()] ?? settings.highlightsDefault;
}

export function withSite(settings: Settings, host: string, on: boolean): Settings {
  const sites = { ...settings.sites };
  // Back to the default: forget the site rather than store a redundant choice.
  if (on === settings.highlightsDefault) delete sites[host.toLowerCase()];
  else sites[host.toLowerCase()] = on;
  return { ...settings, sites };
}

function clone(s: Settings): Settings {
  return { ...s, sites: { ...s.sites }, palette: [...s.palette] };
}

export const hostCheck = str({ pattern: HOST });
void obj;
