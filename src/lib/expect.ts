/**
 * Assertions for runnable examples: an example states the value a paper prints and fails (at build
 * time, with the line) when the computation disagrees.
 */

/**
 * Throws unless `value` is within relative tolerance `relTol` of `printed` (|value − printed| ≤
 * relTol·|printed|), e.g. `expectClose(lossRatio(2, alphaN), 0.95, 0.01)` for Kaplan §1.2's "0.95".
 * Returns `value`, so it can wrap an expression. The message names both numbers and the relative error.
 * @example expectClose(lossRatio(2, constantsOf('kaplan-2020-summary', ['alphaN']).alphaN), 0.95, 0.01)
 */
export function expectClose(value: number, printed: number, relTol: number, what = 'value'): number {
  if (!Number.isFinite(relTol) || relTol < 0) throw new RangeError(`expectClose: relTol must be a non-negative number, got ${relTol}`);
  if (!Number.isFinite(value)) throw new Error(`expectClose: ${what} is ${value}, expected ≈ ${printed}`);
  const err = Math.abs(value - printed) / Math.abs(printed);
  if (!(Math.abs(value - printed) <= relTol * Math.abs(printed))) {
    throw new Error(`expectClose: ${what} = ${value} differs from the printed ${printed} by ${(err * 100).toPrecision(3)} % (tolerance ${relTol * 100} %)`);
  }
  return value;
}
