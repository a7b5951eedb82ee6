/**
 * The overfitting check (issue 8, calculator 9) and `overfittingRuleCrossing`: against the values Kaplan
 * et al. 2020 and Hoffmann et al. 2022 print (with stated tolerances), and by properties.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { constantsOf, model } from '../../src/lib/data.ts';
import { tokensPerParameter } from '../../src/lib/chinchilla.ts';
import { dataToAvoidOverfitting, lossN, lossND, overfittingRuleCrossing, overfittingRuleFromFit, overfittingTokensPerParameter } from '../../src/lib/kaplan.ts';
import { compute, overfitCheck, type OverfitConstants, type OverfitState } from '../../components/widgets/overfitting/state.ts';
import { overfitOptions, sizeRange } from '../../components/widgets/overfitting/figure.ts';

const joint = constantsOf('kaplan-2020-joint-nd', ['alphaN', 'alphaD', 'Nc', 'Dc']);
const rule = constantsOf('kaplan-2020-overfitting', ['prefactor', 'exponent', 'deltaL']);
const derived = overfittingRuleFromFit(rule.deltaL, joint);
const chin = model('chinchilla-70b');
const c: OverfitConstants = {
  joint,
  deltaL: rule.deltaL,
  rules: [
    { id: 'printed', short: 'printed', formula: 'printed', prefactor: rule.prefactor, exponent: rule.exponent },
    { id: 'fit', short: 'fit', formula: 'fit', prefactor: derived.prefactor, exponent: derived.exponent },
  ],
  chinchillaRatio: tokensPerParameter(chin.parameters.value, chin.trainingTokens.value),
  chinchillaSource: 'Chinchilla',
};
const base: OverfitState = { N: 1.5e9, D: 22.9e9, rule: 'printed' };
const noBadWords = (texts: readonly string[]) => expect(texts.join(' ')).not.toMatch(/NaN|Infinity|undefined/);
const rules = fc.record({ prefactor: fc.double({ min: 10, max: 1e5, noNaN: true }), exponent: fc.double({ min: 0.3, max: 0.95, noNaN: true }) });

describe('overfittingRuleCrossing', () => {
  it('is where the rule asks for exactly r tokens per parameter; more below it, fewer above', () => {
    fc.assert(
      fc.property(rules, fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: 1.01, max: 100, noNaN: true }), (rl, r, step) => {
        const Nx = overfittingRuleCrossing(r, rl);
        expect(overfittingTokensPerParameter(Nx, rl) / r).toBeCloseTo(1, 9);
        expect(overfittingTokensPerParameter(Nx / step, rl)).toBeGreaterThan(r);
        expect(overfittingTokensPerParameter(Nx * step, rl)).toBeLessThan(r);
      }),
    );
  });

  it('refuses ratios that are not positive and exponents ≥ 1 (no single crossing)', () => {
    expect(() => overfittingRuleCrossing(0, rule)).toThrow(RangeError);
    expect(() => overfittingRuleCrossing(Number.NaN, rule)).toThrow(RangeError);
    expect(() => overfittingRuleCrossing(20, { prefactor: 5e3, exponent: 1 })).toThrow(RangeError);
  });

  it('Eq. (4.4) as printed (5 × 10³, 0.74) meets 70B-on-1.4T’s ratio (Hoffmann Table 1) at (5000/20)^(1/0.26)', () => {
    // The paper's printed numbers, typed here as the independent check.
    expect(c.chinchillaRatio).toBeCloseTo(1.4e12 / 70e9, 12);
    const expected = Math.pow(5e3 / (1.4e12 / 70e9), 1 / (1 - 0.74));
    expect(overfittingRuleCrossing(c.chinchillaRatio, rule) / expected).toBeCloseTo(1, 12);
  });
});

describe('Kaplan et al. 2020 printed values', () => {
  it('the re-derived rule’s exponent α_N/α_D rounds to the printed 0.74 (±0.005), its prefactor to 5 × 10³ within 15 %', () => {
    expect(Math.abs(derived.exponent - 0.74)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(derived.prefactor / 5e3 - 1)).toBeLessThanOrEqual(0.15);
  });

  it('§4.2: at 10⁹ parameters the rule asks for about WebText2’s 22.9B tokens (within a factor of 1.5)', () => {
    const D = dataToAvoidOverfitting(1e9, rule);
    expect(D / 22.9e9).toBeGreaterThan(1 / 1.5);
    expect(D / 22.9e9).toBeLessThan(1.5);
  });
});

describe('overfitting calculator state', () => {
  it('the penalty is L(N, D)/L(N, ∞) − 1 (Eq. 4.2) and the rule’s D leaves about δL = 0.02 under the derived rule', () => {
    fc.assert(
      fc.property(fc.double({ min: 4, max: 13, noNaN: true }), fc.double({ min: 5, max: 15, noNaN: true }), (nExp, dExp) => {
        const s = { ...base, N: 10 ** nExp, D: 10 ** dExp };
        const r = overfitCheck(s, c);
        // Eq. (4.3) and the ratio of Eq. (4.2) agree to rounding: 1e-12 absolute (tiny penalties make a relative test meaningless).
        expect(Math.abs(r.penalty - (lossND(s.N, s.D, joint) / lossN(s.N, joint) - 1))).toBeLessThanOrEqual(1e-12);
        expect(overfitCheck({ ...s, rule: 'fit' }, c).penaltyAtKaplan).toBeCloseTo(rule.deltaL, 9);
        expect(r.ratio).toBeCloseTo(overfittingTokensPerParameter(s.N, rule) / c.chinchillaRatio, 9);
      }),
    );
  });

  it('states the default run (Kaplan’s largest model on all of WebText2) with the rule, the ratio and the crossing', () => {
    const out = compute(base, c);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.text.summary).toContain('N = 1.5B non-embedding parameters on D = 22.9B tokens');
    // 1.5B non-embedding parameters need more than WebText2 by Eq. (4.4): above the tolerance.
    expect(out.text.summary).toMatch(/above the 2% Kaplan et al\. tolerate/);
    expect(out.text['crossing-value']).toMatch(/^1\.\d+B parameters$/);
    const more = compute({ ...base, D: 1e12 }, c);
    expect(more.ok && more.text.summary).toMatch(/within the 2% Kaplan et al\. tolerate/);
    noBadWords([...Object.values(out.text), out.description ?? '']);
  });

  it('never prints a non-number over the fields’ whole range, and the figure keeps N and the crossing in view', () => {
    fc.assert(
      fc.property(fc.double({ min: 3, max: 14, noNaN: true }), fc.double({ min: 3, max: 16, noNaN: true }), fc.constantFrom('printed', 'fit'), (nExp, dExp, r) => {
        const s = { N: 10 ** nExp, D: 10 ** dExp, rule: r };
        const out = compute(s, c);
        noBadWords(out.ok ? [...Object.values(out.text), out.description ?? ''] : [out.message]);
        const [lo, hi] = sizeRange(s, c);
        expect(lo).toBeLessThan(s.N);
        expect(hi).toBeGreaterThan(s.N);
        expect(overfitOptions(s, c, 640).marks?.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
