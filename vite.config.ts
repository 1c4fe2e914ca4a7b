import { defineConfig } from 'vitest/config';

/**
 * Shared by every package: Vitest runs the headless tests (`*.test.ts`) in Node against source, resolved through the
 * `source` export condition. Tests that need a DOM are `*.browser.test.ts` and run in Chromium under
 * @web/test-runner (web-test-runner.config.mjs).
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts', '**/node_modules/**', '**/dist/**'],
    environment: 'node',
    testTimeout: 20_000,
    // A throwaway PostgreSQL for the server's tests, which run against it and against PGlite.
    globalSetup: ['packages/server/src/test-support/postgres-setup.ts'],
  },
});
