import type { Reporter, TestModule } from 'vitest/node';

/** What the closing line counts: one module's state and its tests' states. */
export interface ModuleOutcome {
  state: string;
  tests: readonly string[];
}

/**
 * Count passed, failed and skipped tests. A module that failed without a failed test (it did not
 * load, or a hook threw and its tests were skipped) counts as one failure; so does every unhandled
 * error; a run with nothing passed or failed counts as failed.
 */
export function closingCounts(modules: readonly ModuleOutcome[], unhandledErrors: number): { passed: number; failed: number; skipped: number } {
  let passed = 0;
  let failed = unhandledErrors;
  let skipped = 0;
  for (const mod of modules) {
    let failedHere = 0;
    for (const state of mod.tests) {
      if (state === 'passed') passed++;
      else if (state === 'failed') failedHere++;
      else skipped++;
    }
    if (mod.state === 'failed' && failedHere === 0) failedHere = 1;
    failed += failedHere;
  }
  if (passed + failed === 0) failed = 1;
  return { passed, failed, skipped };
}

/** Prints the plain closing line CI reads, alone on the last line: "Tests: N passed, N failed, N skipped". */
export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const outcomes = testModules.map((mod) => ({
      state: mod.state(),
      tests: [...mod.children.allTests()].map((t) => t.result().state),
    }));
    const { passed, failed, skipped } = closingCounts(outcomes, unhandledErrors.length);
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
