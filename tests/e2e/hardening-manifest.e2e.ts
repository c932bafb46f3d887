/**
 * Least privilege, checked on what ships: dist/chrome and dist/firefox as the e2e global setup built them
 * from the current sources (no browser needed). The source manifest's allow-list is in
 * tests/unit/structure.test.ts; this checks that the build kept to it and added nothing: the same
 * permissions and match patterns, no host permissions, no web-accessible resources, no external
 * connections, no relaxed content security policy, and no code in the bundles that could reach the network
 * or evaluate strings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import source from '../../manifest.json' with { type: 'json' };
import { distDirOf } from './support/launch.ts';

interface Built {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: {
    matches?: string[];
    js?: string[];
    css?: string[];
    all_frames?: boolean;
    match_about_blank?: boolean;
    world?: string;
    run_at?: string;
  }[];
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  [key: string]: unknown;
}

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });

/** Network and dynamic-code APIs no shipped script may call. */
const FORBIDDEN =
  /\b(XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|RTCPeerConnection)\b|\beval\(|new Function\(|\bfetch\(/g;
/**
 * The one fetch( a bundle may contain: Vite's modulepreload polyfill, which fetches the href of each
 * <link rel="modulepreload"> in our own pages (checked below to be the extension's own files).
 */
const MODULEPRELOAD_POLYFILL = /function \w\(\w\)\{if\(\w\.ep\)return;\w\.ep=!0;let \w=\w\(\w\);fetch\(\w\.href,\w\)\}/;

describe.each(['chromium', 'firefox'] as const)('the built %s extension', (kind) => {
  const dist = distDirOf(kind);
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Built;
  const all = files(dist);

  it('asks for exactly the allow-listed permissions, and for hosts only through its content script and the optional grant', () => {
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual([...source.permissions].sort());
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
  });

  it('exposes nothing to pages or other extensions, and relaxes no security policy', () => {
    for (const key of ['web_accessible_resources', 'externally_connectable', 'content_security_policy', 'sandbox', 'key', 'update_url']) {
      expect(manifest[key], key).toBeUndefined();
    }
    for (const key of ['declarative_net_request', 'webRequest', 'devtools_page', 'chrome_url_overrides', 'oauth2', 'nativeMessaging']) {
      expect(manifest[key], key).toBeUndefined();
    }
  });

  it('runs one content script, in the isolated world, top frames only, on exactly the source list of news sites', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    const cs = manifest.content_scripts?.[0];
    expect(cs?.matches).toEqual(source.content_scripts[0]?.matches);
    expect(cs?.js).toHaveLength(1);
    expect(cs?.all_frames ?? false).toBe(false);
    expect(cs?.match_about_blank ?? false).toBe(false);
    expect(cs?.world ?? 'ISOLATED').toBe('ISOLATED');
    expect(cs?.run_at).toBe('document_idle');
    for (const f of [...(cs?.js ?? []), ...(cs?.css ?? [])]) expect(all).toContain(join(dist, f));
  });

  it('declares the background each browser needs, and Firefox that no data is collected', () => {
    if (kind === 'chromium') {
      expect(manifest.background).toEqual({ service_worker: expect.any(String), type: 'module' });
    } else {
      expect(manifest.background?.service_worker).toBeUndefined();
      expect(manifest.background?.scripts).toHaveLength(1);
      expect(manifest.browser_specific_settings).toMatchObject({ gecko: { data_collection_permissions: { required: ['none'] } } });
    }
  });

  it('ships no code that reaches the network or evaluates strings, and no page that loads anything remote', () => {
    const found: string[] = [];
    for (const f of all.filter((x) => x.endsWith('.js'))) {
      const code = readFileSync(f, 'utf8').replace(MODULEPRELOAD_POLYFILL, '');
      for (const m of code.matchAll(FORBIDDEN))
        found.push(`${relative(dist, f)}: ${code.slice(Math.max(0, (m.index ?? 0) - 60), (m.index ?? 0) + 40)}`);
    }
    expect(found).toEqual([]);
    const pages = all.filter((x) => x.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const f of pages) {
      const html = readFileSync(f, 'utf8');
      // Every script, style sheet and preload is one of the extension's own files; no inline script.
      for (const m of html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g))
        expect(m[1], relative(dist, f)).toMatch(/^(\/|\.\/|\.\.\/|[\w-]+\/|#)/);
      expect(html, relative(dist, f)).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html, relative(dist, f)).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });
});
