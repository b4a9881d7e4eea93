import { defineConfig } from 'vitest/config';

/**
 * Two projects, both run by `npm test`: "snel" (seconds: engine, render, CLI without a
 * browser) and "traag" (real Chromium, the large generated workspace). Run one with
 * `npx vitest run --project snel`.
 */
const SLOW = ['test/browser/**/*.test.ts', 'test/cli/browser*.test.ts', 'test/render/large.test.ts', 'test/render/libreoffice.test.ts', 'test/cli/outputs-safety.test.ts', 'test/render/print-sizes.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    pool: 'forks',
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'snel', include: ['test/**/*.test.ts'], exclude: SLOW } },
      { extends: true, test: { name: 'traag', include: SLOW, testTimeout: 180_000 } },
    ],
  },
});
