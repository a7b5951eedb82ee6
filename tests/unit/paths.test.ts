/** Links into the calculators carry values the calculators' fields read back exactly. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { budgetCalculatorUrl, lossOfRunUrl, sitePath } from '../../src/lib/paths.ts';
import { parseParams } from '../../src/lib/validate.ts';

const spec = { noun: 'things', min: 1, max: 1e30, example: '70B' };

describe('calculator links', () => {
  it('point at pages under the site base', () => {
    expect(lossOfRunUrl(7e10, 1.4e12)).toBe(`${sitePath('/calculators/run-loss/')}?N=7e10&D=1.4e12`);
    expect(budgetCalculatorUrl(5.76e23)).toBe(`${sitePath('/calculators/budget/')}?C=5.76e23`);
  });

  it('carry every digit, in a form validate.ts reads back (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e29, noNaN: true }), fc.double({ min: 1, max: 1e29, noNaN: true }), (N, D) => {
        const { values, errors } = parseParams(new URL(lossOfRunUrl(N, D), 'http://x').search, { N: spec, D: spec });
        expect(errors).toEqual({});
        expect(values.N).toBe(N);
        expect(values.D).toBe(D);
      }),
    );
  });
});
