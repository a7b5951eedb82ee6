/**
 * Batch size and steps (calculator 7): Kaplan's critical batch B_crit(L) (Eq. 1.4), the conversion of a
 * run to S_min and E_min (Eq. 5.4, 5.2) and the hyperbola of Eq. (5.1); tested against what the paper
 * prints and against the trade-off's own identities.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { constantsOf } from '../../src/lib/data.ts';
import { batchOverhead, criticalBatch, minExamples, minSteps } from '../../src/lib/kaplan.ts';
import { compute, runAmounts, type BatchConstants, type BatchState } from '../../components/widgets/batch-size/state.ts';

const K = constantsOf('kaplan-2020-summary', ['Bstar', 'BstarTable5', 'alphaB']);
const c: BatchConstants = { eq: { Bstar: K.Bstar, alphaB: K.alphaB }, table5: { Bstar: K.BstarTable5, alphaB: K.alphaB } };
const setup = constantsOf('kaplan-2020-setup', ['batchTokens', 'stepsDefault']);
const base: BatchState = { L: 2.5, B: setup.batchTokens, S: setup.stepsDefault, E: 1e9, given: 'S', bstar: 'eq' };

describe('batchOverhead (Kaplan Eq. 5.1–5.4)', () => {
  it('lies on the hyperbola (S/S_min − 1)(E/E_min − 1) = 1 and agrees with minSteps and minExamples', () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), fc.double({ min: 1, max: 1e8, noNaN: true }), fc.double({ min: 3, max: 10, noNaN: true }), (logRatio, S, logBcrit) => {
        const Bcrit = 10 ** logBcrit;
        const B = Bcrit * 10 ** logRatio;
        const o = batchOverhead(B, Bcrit);
        expect((o.steps - 1) * (o.examples - 1)).toBeCloseTo(1, 9);
        expect(S / minSteps(S, B, Bcrit) / o.steps).toBeCloseTo(1, 12);
        expect((B * S) / minExamples(B * S, B, Bcrit) / o.examples).toBeCloseTo(1, 12);
        // E_min / S_min = B_crit: Eq. (5.2), the definition of the critical batch.
        expect(minExamples(B * S, B, Bcrit) / minSteps(S, B, Bcrit) / Bcrit).toBeCloseTo(1, 9);
      }),
    );
  });

  it('at B = B_crit a run takes 2 S_min steps and 2 E_min tokens (text after Kaplan Eq. 5.2)', () => {
    const o = batchOverhead(1, 1);
    expect(o).toEqual({ steps: 2, examples: 2 });
  });

  it('B_crit “approximately doubles for every 13% decrease in loss” (Kaplan Figure 10 caption), within 5 %', () => {
    for (const L of [2, 3, 4, 5]) expect(criticalBatch(0.87 * L, c.eq) / criticalBatch(L, c.eq)).toBeGreaterThan(2 * 0.95);
    for (const L of [2, 3, 4, 5]) expect(criticalBatch(0.87 * L, c.eq) / criticalBatch(L, c.eq)).toBeLessThan(2 * 1.05);
  });

  it('B ∝ L^−4.8 (Kaplan §6.1): the log-slope of B_crit(L) is −4.8 within 1 %', () => {
    const slope = (Math.log(criticalBatch(3.3, c.eq)) - Math.log(criticalBatch(3, c.eq))) / (Math.log(3.3) - Math.log(3));
    expect(Math.abs(slope / -4.8 - 1)).toBeLessThan(0.01);
  });
});

describe('the batch-size calculator', () => {
  it('the two printed B_* differ by their ratio (2.1e8/2e8, Table 5 vs Eq. 1.4) at every loss', () => {
    for (const L of [2, 2.5, 4]) expect(criticalBatch(L, c.table5) / criticalBatch(L, c.eq)).toBeCloseTo(2.1 / 2, 12);
  });

  it('steps given or tokens given describe the same run', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.5, max: 6, noNaN: true }), fc.double({ min: 3, max: 8, noNaN: true }), fc.double({ min: 2, max: 7, noNaN: true }), (L, logB, logS) => {
        const B = 10 ** logB;
        const S = 10 ** logS;
        const bySteps = compute({ ...base, L, B, S, given: 'S' }, c);
        const byTokens = compute({ ...base, L, B, E: B * S, given: 'E' }, c);
        expect(bySteps.ok && byTokens.ok).toBe(true);
        if (bySteps.ok && byTokens.ok) expect(byTokens.text).toEqual(bySteps.text);
        expect(runAmounts({ ...base, B, E: B * S, given: 'E' }).S).toBeCloseTo(S, 6);
      }),
    );
  });

  it('says which side of B_crit the batch is on, and refuses less than one step', () => {
    const Bcrit = criticalBatch(base.L, c.eq);
    const below = compute({ ...base, B: Bcrit / 10 }, c);
    expect(below.ok && below.text.where).toContain('below B_crit');
    const above = compute({ ...base, B: Bcrit * 10 }, c);
    expect(above.ok && above.text.where).toContain('above B_crit');
    const at = compute({ ...base, B: Bcrit }, c);
    expect(at.ok && at.text.where).toContain('at B_crit');
    const tooFew = compute({ ...base, given: 'E', E: 100, B: 1e6 }, c);
    expect(tooFew.ok).toBe(false);
    if (!tooFew.ok) expect(tooFew.field).toBe('E');
  });

  it('never prints NaN, Infinity or undefined across the accepted ranges', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 12, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom('S', 'E'), fc.constantFrom('eq', 'table5'), (L, logB, logX, given, bstar) => {
        const out = compute({ L, B: 10 ** logB, S: 10 ** logX, E: 10 ** (logX + 7), given: given as 'S' | 'E', bstar: bstar as 'eq' | 'table5' }, c);
        const text = out.ok ? Object.values(out.text).join(' ') + (out.description ?? '') : out.message;
        expect(text).not.toMatch(/NaN|Infinity|undefined/);
      }),
    );
  });
});
