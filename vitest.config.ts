import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests (no build needed), sweeps over the built `dist/`, and browser
// tests against `dist/` served on localhost. `npm test` builds first (scripts/test.mjs).
export default defineConfig({
  test: {
    // Two workers on the 2-core machines here: any two files run side by side — a CPU-bound unit or
    // build file beside a browser file, or two browser files (each with its own server and Chromium).
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
        },
      },
    ],
  },
});
