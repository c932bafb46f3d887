/**
 * Builds the extension for one browser per run: `vite build --mode chrome`
 * writes dist/chrome, `--mode firefox` writes dist/firefox. manifest.json is
 * the manifest source; the per-browser differences are applied here.
 */
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { shippedDatasetJson } from './src/data/shipped.ts';

export type Target = 'chrome' | 'firefox';

/** The add-on id Firefox needs for storage and for signing; tests pin its UUID by this id. */
export const GECKO_ID = 'sourcelight@sourcelight.app';

export function manifestFor(target: Target): ManifestV3Export {
  const common = { ...baseManifest, version: pkg.version };
  if (target === 'chrome') return common as ManifestV3Export;
  const { background, ...rest } = common;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as unknown as ManifestV3Export;
}

/**
 * The dataset is checked when the extension is built (a bad file fails the
 * build with every problem listed) and inlined as one JSON string, which
 * engines parse faster than an object literal (src/data/shipped.ts).
 */
export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    publicDir: 'assets',
    define: { __SOURCELIGHT_DATASET__: JSON.stringify(shippedDatasetJson()) },
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      // The module-preload polyfill fetches the extension's own chunks; extension pages need no polyfill.
      modulePreload: { polyfill: false },
    },
    plugins: [crx({ manifest: manifestFor(target), browser: target })],
  };
});
