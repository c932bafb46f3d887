/**
 * End-to-end tests: the built extension in real Chromium and Firefox, driven by
 * puppeteer against local fixture pages (tests/e2e/support/). One file at a
 * time (two cores, two browsers per file); each file launches each browser
 * once. The global setup rebuilds dist/ when it is older than its sources
 * (SOURCELIGHT_SKIP_BUILD=1 tests dist/ as it is; SOURCELIGHT_DIST=<dir> tests
 * <dir>/chrome and <dir>/firefox instead).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // A browser that failed once usually fails the same way again; a retry would only hide flakiness.
    retry: 0,
  },
});
