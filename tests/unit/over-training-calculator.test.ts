/**
 * The over-training calculator (issue 8, calculator 8) and `lifetimeComparison`: checked against the
 * worked examples Sardana et al. 2024 print (UNVERIFIED: read in secondary copies and reproduced with
 * the authors' code, see content/data/constants/sardana-2024-*.json), and by properties.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { constantsOf } from '../../src/lib/data.ts';
import { PARAMETRIC_SETS } from '../../src/lib/ledger.ts';
import { lossHat, optimalDForN } from '../../src/lib/chinchilla.ts';
import { lifetimeComparison, smallerModel } from '../../src/lib/overtraining.ts';
import { compute, overtrain, type OvertrainConstants, type OvertrainState } from '../../components/widgets/over-training/state.ts';
import { cutAt, overheadCurve } from '../../components/widgets/over-training/figure.ts';

const keys = ['E', 'A', 'B', 'alpha', 'beta'] as const;
const sardana = constantsOf('sardana-2024-chinchilla', keys);
const example = constantsOf('sardana-2024-examples', ['chinchillaN', 'inferenceTokens', 'optimalN', 'saving', 'savingFlop']);
const c: OvertrainConstants = { sets: [...PARAMETRIC_SETS, 'sardana-2024-chinchilla'].map((id) => ({ id, short: id, ...constantsOf(id, keys) })) };
const base: OvertrainState = { C: 5.76e23, k: 2, T: 2e12, set: 'besiroglu-2024-refit' };

/** The budget at which the Chinchilla-optimal model (Eq. 4) has N parameters. */
const budgetFor = (N: number) => 6 * N * optimalDForN(N, sardana);

/**
 * A printed size has few figures and the tokens are steep in N, so the printed tokens (± half a unit of
 * their last figure) must lie between the tokens at the two ends of the printed size's rounding interval.
 */
function expectTokensBracketed(chinchillaN: number, printedN: number, halfUnitN: number, tokens: (r: ReturnType<typeof smallerModel>) => number, printed: number, halfUnit: number): void {
  const C = budgetFor(chinchillaN);
  const atLarger = tokens(smallerModel(C, chinchillaN / (printedN + halfUnitN), sardana));
  const atSmaller = tokens(smallerModel(C, chinchillaN / (printedN - halfUnitN), sardana));
  expect(atLarger).toBeLessThanOrEqual(printed + halfUnit);
  expect(atSmaller).toBeGreaterThanOrEqual(printed - halfUnit);
}

describe('Sardana et al. 2024 examples (constants of sardana-2024-chinchilla; paper text UNVERIFIED)', () => {
  it('Figure 1: a 7B model of 13B-Chinchilla quality, served 2T tokens, saves 1.7 × 10²² FLOP, 17 %', () => {
    const r = smallerModel(budgetFor(example.chinchillaN), example.chinchillaN / example.optimalN, sardana);
    expect(r.optimal.N / example.chinchillaN).toBeCloseTo(1, 9);
    const life = lifetimeComparison(r, example.inferenceTokens);
    // Printed to two figures: "1.7 × 10^22" within ±0.05e22, "17 %" within ±0.5 percentage points.
    expect(Math.abs(life.savedFlop - example.savingFlop)).toBeLessThanOrEqual(0.05e22);
    expect(Math.abs(life.savedFraction - example.saving)).toBeLessThanOrEqual(0.005);
  });

  it('§2: 30B-Chinchilla quality at 10^13 served tokens → 13.6B on 2.84× the data, 28 % fewer FLOP', () => {
    expectTokensBracketed(30e9, 13.6e9, 0.05e9, (r) => r.D / r.optimal.D, 2.84, 0.005);
    const r = smallerModel(budgetFor(30e9), 30 / 13.6, sardana);
    expect(Math.abs(lifetimeComparison(r, 1e13).savedFraction - 0.28)).toBeLessThanOrEqual(0.005);
  });

  it('§2: 7B-Chinchilla quality at 10^11 served tokens → 6B on 1.18× the data', () => {
    expectTokensBracketed(7e9, 6e9, 0.5e9, (r) => r.D / r.optimal.D, 1.18, 0.005);
    const r = smallerModel(budgetFor(7e9), 7 / 6, sardana);
    expect(Math.abs(r.D / r.optimal.D - 1.18)).toBeLessThanOrEqual(0.005);
  });

  it('App. B.1: 70B-Chinchilla at 10T served tokens → 41.6B on 7.92T tokens, 12 % fewer FLOP', () => {
    expectTokensBracketed(70e9, 41.6e9, 0.05e9, (r) => r.D, 7.92e12, 0.005e12);
    const r = smallerModel(budgetFor(70e9), 70 / 41.6, sardana);
    expect(Math.abs(lifetimeComparison(r, 10e12).savedFraction - 0.12)).toBeLessThanOrEqual(0.005);
  });
});

describe('lifetimeComparison', () => {
  const sets = c.sets;
  const arb = fc.record({
    set: fc.constantFrom(...sets),
    C: fc.double({ min: 19, max: 27, noNaN: true }).map((e) => 10 ** e),
    k: fc.double({ min: 1.05, max: 2.5, noNaN: true }),
    T: fc.double({ min: 8, max: 16, noNaN: true }).map((e) => 10 ** e),
  });

  it('the smaller model saves compute exactly when the served tokens exceed its break-even', () => {
    fc.assert(
      fc.property(arb, ({ set, C, k, T }) => {
        const r = smallerModel(C, k, set);
        const life = lifetimeComparison(r, T);
        expect(life.savedFlop > 0).toBe(T > r.breakEvenServedTokens);
        // At the break-even the totals agree to rounding.
        const even = lifetimeComparison(r, r.breakEvenServedTokens);
        expect(Math.abs(even.savedFlop) / even.optimalTotalFlop).toBeLessThan(1e-9);
        expect(life.optimalTotalFlop).toBeCloseTo(C + 2 * r.optimal.N * T, -Math.floor(Math.log10(C)) + 6);
      }),
    );
  });

  it('with nothing served, the saving is minus the extra training compute', () => {
    const r = smallerModel(1e23, 2, sardana);
    expect(lifetimeComparison(r, 0).savedFlop).toBe(-r.extraTrainingFlop);
    expect(() => lifetimeComparison(r, -1)).toThrow(RangeError);
    expect(() => lifetimeComparison(r, Number.NaN)).toThrow(RangeError);
  });
});

describe('over-training calculator state', () => {
  const noBadWords = (texts: readonly string[]) => expect(texts.join(' ')).not.toMatch(/NaN|Infinity|undefined/);

  it('reports the smaller model, its overhead, break-even and the critical size', () => {
    const out = compute(base, c);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const r = smallerModel(base.C, base.k, c.sets.find((s) => s.id === base.set)!);
    expect(out.text.summary).toContain('2× smaller (50% of N_opt');
    expect(out.text.overhead).toBe(`${(r.computeOverhead * 100).toPrecision(3)}%`);
    expect(out.text.critical).toMatch(/No model at or below N_crit ≈ [\d.]+B parameters/);
    noBadWords([...Object.values(out.text), out.description ?? '']);
  });

  it('refuses sizes at or below the critical model size, next to k, with the largest k that works', () => {
    fc.assert(
      fc.property(fc.constantFrom(...c.sets), fc.double({ min: 19, max: 27, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true }), (set, e, over) => {
        const s = { ...base, C: 10 ** e, set: set.id };
        const { kMax } = overtrain({ ...s, k: 1 }, set);
        const out = compute({ ...s, k: kMax * over }, c);
        expect(out.ok).toBe(false);
        if (!out.ok) {
          expect(out.field).toBe('k');
          expect(out.message).toMatch(/at or below the critical size/);
          noBadWords([out.message]);
        }
        // Just inside the limit the loss is reachable and the target loss is met.
        const inside = overtrain({ ...s, k: kMax * 0.98 }, set);
        expect(inside.ok).toBe(true);
        expect(lossHat(inside.r.N, inside.r.D, set) / inside.r.optimal.loss).toBeCloseTo(1, 8);
      }),
      { numRuns: 60 },
    );
  });

  it('never prints a non-number over the whole field range', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...c.sets),
        fc.double({ min: 17, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 18, noNaN: true }),
        (set, e, kExp, tExp) => {
          const out = compute({ C: 10 ** e, k: 10 ** kExp, T: 10 ** tExp, set: set.id }, c);
          noBadWords(out.ok ? [...Object.values(out.text), out.description ?? ''] : [out.message]);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('the figure curve runs from the critical size to the optimum, rising as the model shrinks', () => {
    const pts = overheadCurve(base, c);
    expect(pts.length).toBeGreaterThan(100);
    expect(pts.at(-1)!.fraction).toBe(1);
    expect(Math.abs(pts.at(-1)!.overhead)).toBeLessThan(1e-9);
    for (let i = 1; i < pts.length; i++) expect(pts[i]!.overhead).toBeLessThan(pts[i - 1]!.overhead);
  });

  it('the drawn curve stops at the top of the plot, at the interpolated point where it leaves it', () => {
    const pts = overheadCurve(base, c);
    const cut = cutAt(pts, 100);
    expect(cut[0]!.overhead).toBe(100);
    expect(cut.every((p) => p.overhead <= 100)).toBe(true);
    expect(cut.at(-1)).toEqual(pts.at(-1));
    expect(cutAt(pts, -1)).toEqual([]);
  });
});
