/**
 * Hoffmann et al. 2022 Approaches 1 and 2 redrawn from L̂ (src/lib/approaches-redrawn.ts): the numerical
 * pieces are checked on exact inputs (property tests), and the redrawn approaches against Eq. (4) and
 * Table 2's printed Approach-3 exponents.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { approach2, envelope, fitParabola, fitPowerLaw, isoFlopFit, logSpace, parabolaAt, parabolaMinimum, trainingCurve } from '../../src/lib/approaches-redrawn.ts';
import { allocationExponents, isoFlopLoss, optimalN, type ParametricConstants } from '../../src/lib/chinchilla.ts';
import { constantsOf, table } from '../../src/lib/data.ts';

const keys = ['E', 'A', 'B', 'alpha', 'beta'] as const;
const precise: ParametricConstants = constantsOf('hoffmann-2022-precise', keys);
const rounded: ParametricConstants = constantsOf('hoffmann-2022-rounded', keys);
const epoch: ParametricConstants = constantsOf('besiroglu-2024-refit', keys);
const relErr = (x: number, ref: number) => Math.abs(x - ref) / Math.abs(ref);
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

describe('numerical pieces', () => {
  it('logSpace spans [lo, hi] with a constant ratio, and refuses bad input', () => {
    const xs = logSpace(1e18, 1e22, 5);
    expect(xs[0]).toBeCloseTo(1e18, -4);
    expect(relErr(xs[4]!, 1e22)).toBeLessThan(1e-12);
    for (let i = 1; i < 5; i++) expect(relErr(xs[i]! / xs[i - 1]!, 10)).toBeLessThan(1e-12);
    expect(() => logSpace(0, 1, 3)).toThrow(RangeError);
    expect(() => logSpace(1, 10, 1)).toThrow(RangeError);
  });

  it('fitParabola recovers an exact parabola, even at x ≈ 10 (log10 of model sizes) (property)', () => {
    fc.assert(
      fc.property(finite(-5, 5), finite(-5, 5), finite(0.01, 5), finite(7, 12), (c0, c1, c2, centre) => {
        const xs = [-1, -0.5, -0.1, 0, 0.3, 0.7, 1].map((d) => centre + d);
        const ys = xs.map((x) => c0 + c1 * x + c2 * x * x);
        const p = fitParabola(xs, ys);
        for (const x of xs) expect(Math.abs(parabolaAt(p, x) - (c0 + c1 * x + c2 * x * x))).toBeLessThan(1e-7 * (1 + Math.abs(c0) + Math.abs(c1) * 12 + c2 * 144));
        expect(Math.abs(parabolaMinimum(p) - -c1 / (2 * c2))).toBeLessThan(1e-6 * (1 + Math.abs(c1 / c2)));
      }),
    );
  });

  it('fitParabola and parabolaMinimum refuse what has no minimum', () => {
    expect(() => fitParabola([1, 2], [1, 2])).toThrow(RangeError);
    expect(() => fitParabola([1, 1, 1], [1, 2, 3])).toThrow(/do not determine/);
    expect(() => parabolaMinimum({ c0: 0, c1: 1, c2: -1 })).toThrow(/opens downwards/);
  });

  it('fitPowerLaw recovers y = k·x^p exactly (property)', () => {
    fc.assert(
      fc.property(finite(-2, 2), finite(-3, 3), (p, logK) => {
        const xs = logSpace(1e18, 1e24, 7);
        const law = fitPowerLaw(xs, xs.map((x) => 10 ** logK * x ** p));
        expect(Math.abs(law.exponent - p)).toBeLessThan(1e-9);
        expect(relErr(law.prefactor, 10 ** logK)).toBeLessThan(1e-6);
      }),
    );
    expect(() => fitPowerLaw([1, 1], [1, 2])).toThrow(/all x are equal/);
    expect(() => fitPowerLaw([1, -1], [1, 2])).toThrow(RangeError);
  });
});

describe('Approach 2 (IsoFLOP profiles) redrawn from L̂', () => {
  it('the parabola vertex lands within 2 % of Eq. (4)\'s N_opt at each of the paper\'s budgets, for every constant set', () => {
    const budgets = table('hoffmann-2022-isoflop-budgets').rows.map((r) => (r.cells.flops as { value: number }).value);
    for (const c of [rounded, precise, epoch])
      for (const C of budgets) expect(relErr(isoFlopFit(C, c).N, optimalN(C, c))).toBeLessThan(0.02);
  });

  it('the fitted exponents reproduce Table 2\'s Approach 3 row (a = 0.46, b = 0.54, ± half a unit) from the TeX-source constants', () => {
    const budgets = table('hoffmann-2022-isoflop-budgets').rows.map((r) => (r.cells.flops as { value: number }).value);
    const fit = approach2(budgets, precise);
    expect(Math.abs(fit.a.exponent - 0.46)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(fit.b.exponent - 0.54)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(fit.a.exponent + fit.b.exponent - 1)).toBeLessThan(1e-6);
  });

  it('each profile\'s vertex has a loss no lower than the exact optimum (property over budgets)', () => {
    fc.assert(
      fc.property(finite(18, 26), fc.constantFrom(rounded, precise, epoch), (logC, c) => {
        const C = 10 ** logC;
        const f = isoFlopFit(C, c);
        expect(isoFlopLoss(C, f.N, c)).toBeGreaterThanOrEqual(isoFlopLoss(C, optimalN(C, c), c) - 1e-12);
        expect(relErr(6 * f.N * f.D, C)).toBeLessThan(1e-12);
      }),
      { numRuns: 50 },
    );
  });
});

describe('Approach 1 (envelope of training curves) redrawn from L̂', () => {
  it('a training curve falls as compute grows, towards E + A/N^α', () => {
    const curve = trainingCurve(1e9, logSpace(1e18, 1e24, 20), precise);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.loss).toBeLessThan(curve[i - 1]!.loss);
    expect(curve.at(-1)!.loss).toBeGreaterThan(precise.E + precise.A / 1e9 ** precise.alpha);
  });

  it('with a dense family of sizes, the envelope follows N_opt ∝ C^a with a = β/(α+β) (±0.01)', () => {
    const Ns = logSpace(1e7, 1e12, 400);
    const Cs = logSpace(1e18, 1e23, 30);
    for (const c of [rounded, precise, epoch]) {
      const env = envelope(Ns, Cs, c);
      const law = fitPowerLaw(env.map((p) => p.C), env.map((p) => p.N));
      expect(Math.abs(law.exponent - allocationExponents(c).a)).toBeLessThan(0.01);
      env.forEach((p) => expect(p.loss).toBeLessThanOrEqual(Math.min(...Ns.map((N) => isoFlopLoss(p.C, N, c)))));
    }
    expect(() => envelope([], Cs, precise)).toThrow(RangeError);
  });
});
