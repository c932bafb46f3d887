/**
 * Unit tests (the pure core, in Node) and DOM tests (the page layer, in
 * happy-dom). End-to-end tests have their own config: vitest.e2e.config.ts.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'dom', environment: 'happy-dom', include: ['tests/dom/**/*.test.ts'] } },
    ],
  },
});
