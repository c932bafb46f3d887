/**
 * The architecture and the promises that are properties of the source:
 * layering, locales, manifest permissions, no HTML injection or eval.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { manifestFor } from '../../vite.config.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(ROOT, p)).isDirectory() ? files(p) : [p];
  });
const sources = files('src').filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const importsOf = (f: string) => [...read(f).matchAll(/^\s*import\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1] ?? '');
const layerOf = (f: string) => relative('src', f).split('/')[0] ?? '';

describe('layering', () => {
  const LAYER_RULES: Record<string, string[]> = {
    core: ['data', 'core'],
    page: ['core', 'page', 'data'],
    content: ['core', 'page', 'shared', 'content', 'data'],
    background: ['core', 'shared', 'background'],
    popup: ['core', 'shared', 'popup'],
    options: ['core', 'shared', 'options', 'data'],
    shared: ['core', 'shared'],
    cli: ['core', 'page', 'cli', 'data'],
    data: ['core', 'data'],
  };
  it.each(sources)('%s imports only what its layer may', (f) => {
    const layer = layerOf(f);
    const allowed = LAYER_RULES[layer];
    expect(allowed, `unknown layer ${layer}`).toBeDefined();
    for (const spec of importsOf(f)) {
      if (spec.startsWith('.')) {
        const target = layerOf(relative(ROOT, join(ROOT, f, '..', spec)));
        expect(allowed, `${f} imports ${spec} (layer ${target})`).toContain(target);
      } else if (layer === 'core' || layer === 'page') {
        expect(['webextension-polyfill'].includes(spec) && layer === 'core', `${f} imports ${spec}`).toBe(false);
        if (layer === 'core') expect(spec, `${f}: the core imports no package`).toBe('__none__');
      }
    }
  });

  it('the core uses no DOM or browser globals', () => {
    for (const f of sources.filter((x) => layerOf(x) === 'core')) {
      const code = read(f).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, f).not.toMatch(/\b(window|document|chrome|browser|navigator|localStorage|fetch)\s*[.(]/);
    }
  });
});

describe('safety properties of the source', () => {
  it('never writes HTML from strings or evaluates code', () => {
    for (const f of sources) {
      const code = read(f);
      expect(code, f).not.toMatch(
        /\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write\(|\beval\(|new Function\(|set(Timeout|Interval)\(\s*['"`]|createContextualFragment|\.srcdoc\s*=|setAttribute\(\s*['"`]on/,
      );
    }
  });

  it('never uses the network (docs/threat-model.md: no request, ever)', () => {
    for (const f of sources) {
      const code = read(f).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, f).not.toMatch(/\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|RTCPeerConnection)\b/);
    }
  });

  it('listens to no other extension and, in the page, to no page message: only our own runtime messages drive it', () => {
    for (const f of sources) {
      const code = read(f).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, f).not.toMatch(/onMessageExternal|onConnectExternal|onUserScriptMessage/);
      if (['content', 'page', 'shared'].includes(layerOf(f))) {
        expect(code, f).not.toMatch(
          /addEventListener\(\s*['"`]message['"`]|\.onmessage\s*=|postMessage\(|new (BroadcastChannel|MessageChannel)\(/,
        );
      }
    }
  });
});

describe('manifest', () => {
  it('asks for the fewest permissions that work (explicit allow-list)', () => {
    // storage: settings · activeTab: run on a page the user picks · scripting: inject there ·
    // contextMenus: the per-site toggle in the page's menu.
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    expect((manifest as Record<string, unknown>).host_permissions).toBeUndefined();
  });

  it('exposes nothing to pages or other extensions and relaxes no policy (the built manifests: tests/e2e/hardening-manifest.e2e.ts)', () => {
    const m = manifest as Record<string, unknown>;
    // web_accessible_resources would let pages load (and fingerprint) our files; externally_connectable would let pages
    // or other extensions message us; a content_security_policy key could only loosen the MV3 default.
    for (const key of [
      'web_accessible_resources',
      'externally_connectable',
      'content_security_policy',
      'optional_permissions',
      'sandbox',
    ]) {
      expect(m[key], key).toBeUndefined();
    }
    for (const cs of manifest.content_scripts as { all_frames?: boolean; world?: string; match_about_blank?: boolean }[]) {
      expect(cs.all_frames ?? false).toBe(false);
      expect(cs.match_about_blank ?? false).toBe(false);
      expect(cs.world ?? 'ISOLATED').toBe('ISOLATED');
    }
  });

  it('runs by default on at least 60 news sites, international and non-English included', () => {
    const matches = manifest.content_scripts[0]?.matches ?? [];
    expect(matches.length).toBeGreaterThanOrEqual(60);
    for (const m of matches) expect(m).toMatch(/^\*:\/\/\*\.[a-z0-9.-]+\/\*$/);
    for (const site of ['spiegel.de', 'lemonde.fr', 'elpais.com', 'wyborcza.pl', 'pravda.com.ua', 'meduza.io', 'tass.ru', 'err.ee']) {
      expect(matches).toContain(`*://*.${site}/*`);
    }
  });

  it('differs per browser only where it must', () => {
    interface Built {
      background: { service_worker?: string; scripts?: string[]; type?: string };
      browser_specific_settings?: { gecko: { id: string; strict_min_version: string; data_collection_permissions: unknown } };
    }
    const chrome = manifestFor('chrome') as unknown as Built;
    const firefox = manifestFor('firefox') as unknown as Built;
    expect(chrome.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(firefox.background.scripts).toEqual(['src/background/index.ts']);
    expect(firefox.browser_specific_settings?.gecko).toMatchObject({
      strict_min_version: '142.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(firefox.browser_specific_settings?.gecko.id).toMatch(/@/);
    expect(chrome.browser_specific_settings).toBeUndefined();
  });
});

describe('locales', () => {
  const locale = (l: string) => JSON.parse(read(`assets/_locales/${l}/messages.json`)) as Record<string, { message: string }>;
  const en = locale('en');
  const used = new Set<string>();
  for (const f of files('src')) {
    const code = read(f);
    for (const m of code.matchAll(/\bt\('([A-Za-z_-]+)'/g)) used.add(m[1] ?? '');
    for (const m of code.matchAll(/data-i18n(?:-label)?="([A-Za-z_-]+)"/g)) used.add(m[1] ?? '');
    for (const m of code.matchAll(/getMessage\('([A-Za-z_-]+)'/g)) used.add(m[1] ?? '');
  }
  for (const m of read('manifest.json').matchAll(/__MSG_(\w+)__/g)) used.add(m[1] ?? '');

  it('keys are valid for Chrome (letters, digits, _ and @ only)', () => {
    for (const l of ['en', 'de', 'ru']) for (const k of Object.keys(locale(l))) expect(k, `${l}: ${k}`).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('English has every string the code uses', () => {
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });

  it.each(['de', 'ru'])('%s translates every English string', (l) => {
    const other = locale(l);
    expect(Object.keys(en).filter((k) => !(k in other))).toEqual([]);
  });
});
