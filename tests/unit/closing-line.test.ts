/** The closing line `npm test` ends with must never read "0 failed" above a failed suite. */
import { describe, expect, it } from 'vitest';
import { closingCounts } from '../closing-line-reporter.ts';

describe('closing line counts', () => {
  it('counts passed, failed and skipped tests', () => {
    expect(closingCounts([{ state: 'failed', tests: ['passed', 'failed', 'skipped'] }], 0)).toEqual({ passed: 1, failed: 1, skipped: 1 });
  });

  it('counts a test file whose setup failed (its tests all skipped) as a failure', () => {
    // What a fresh clone printed as "423 passed, 0 failed, 34 skipped": fit.test.ts's beforeAll threw.
    const counts = closingCounts(
      [
        { state: 'passed', tests: ['passed', 'passed'] },
        { state: 'failed', tests: Array(34).fill('skipped') },
      ],
      0,
    );
    expect(counts).toEqual({ passed: 2, failed: 1, skipped: 34 });
  });

  it('counts a test file that failed to load, unhandled errors, and an empty run as failures', () => {
    expect(closingCounts([{ state: 'failed', tests: [] }], 0).failed).toBe(1);
    expect(closingCounts([{ state: 'passed', tests: ['passed'] }], 2).failed).toBe(2);
    expect(closingCounts([], 0)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });
});
