import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests (no build needed), sweeps over the built `dist/`, and browser
// tests against `dist/` served on localhost. `npm test` builds first (scripts/test.mjs).
export default defineConfig({
  test: {
    // Two workers on the 2-core machines here: a CPU-bound unit or build file runs beside the
    // (one-at-a-time) browser files instead of after them.
    maxWorkers: 2,
    reporters: ['default', './tests/closing-line-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'dist', include: ['tests/dist/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], environment: 'node', testTimeout: 180_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
