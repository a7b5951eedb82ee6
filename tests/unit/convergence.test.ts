/**
 * Convergence vs compute-efficient (calculator 10): Kaplan App. B. The stopping point of a model on
 * L(N, S_min) at B_crit, the compute-efficient size for a budget (Eq. B.9, B.10), and the comparison of
 * App. B.3 (Eq. B.12–B.14), tested against the paper's printed figures and its closed forms.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { constantsOf } from '../../src/lib/data.ts';
import { alphaCminFromExponents, convergenceComparison, efficientConvergenceFactor, efficientSizeForCompute, lossNS, predictedCc, stoppingPoint } from '../../src/lib/kaplan.ts';
import { pfDaysToFlop } from '../../src/lib/units.ts';
import { compute, convergenceRuns, type ConvergenceConstants, type ConvergenceState } from '../../components/widgets/convergence/state.ts';

const summary = constantsOf('kaplan-2020-summary', ['alphaN', 'Nc', 'alphaS', 'Sc', 'Bstar', 'alphaB']);
const table3 = constantsOf('kaplan-2020-joint-ns', ['alphaN', 'Nc', 'alphaS', 'Sc']);
const c: ConvergenceConstants = {
  summary,
  table3: { ...table3, Bstar: summary.Bstar, alphaB: summary.alphaB },
  table6: constantsOf('kaplan-2020-compute-efficient', ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD']),
};
const P = constantsOf('kaplan-2020-predicted', ['fPrime', 'paramsMorePrinted', 'stepsFewerPrinted', 'computeLessPrinted']);
const base: ConvergenceState = { N: 1.5e9, C: 1, fp: P.fPrime * 100, given: 'N', set: 'summary' };
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('stoppingPoint and efficientSizeForCompute (Kaplan App. B)', () => {
  it('stops where L(N, S_min) = (1 + f)·L(N, ∞), at C_min = 6·N·B_crit·S_min', () => {
    fc.assert(
      fc.property(fc.double({ min: 4, max: 13, noNaN: true }), fc.double({ min: 0.001, max: 1, noNaN: true }), (logN, f) => {
        const N = 10 ** logN;
        const p = stoppingPoint(N, f, summary);
        expect(rel(lossNS(N, p.Smin, summary), p.L)).toBeLessThan(1e-9);
        expect(rel(p.L, (1 + f) * p.Linf)).toBeLessThan(1e-12);
        expect(rel(p.Cmin, 6 * N * p.Bcrit * p.Smin)).toBeLessThan(1e-12);
      }),
    );
  });

  it('N_eff(C) is Eq. (B.9) with C_c of Eq. (B.8), and its steps are Eq. (B.10)', () => {
    const f = efficientConvergenceFactor(summary);
    const Cc = predictedCc(summary);
    const aC = alphaCminFromExponents(summary);
    fc.assert(
      fc.property(fc.double({ min: -6, max: 8, noNaN: true }), (logC) => {
        const C = pfDaysToFlop(10 ** logC);
        const N = efficientSizeForCompute(C, summary);
        const b9 = summary.Nc * Math.pow(C / Cc, aC / summary.alphaN) * Math.pow(1 + f, 1 / summary.alphaN);
        expect(rel(N, b9)).toBeLessThan(1e-9);
        const b10 = (Cc / (6 * summary.Nc * summary.Bstar)) * Math.pow(1 + f, -1 / summary.alphaN) * Math.pow(C / Cc, aC / summary.alphaS);
        expect(rel(stoppingPoint(N, f, summary).Smin, b10)).toBeLessThan(1e-9);
        expect(rel(stoppingPoint(N, f, summary).Cmin, C)).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('the convergence calculator', () => {
  it('compute-efficient training stops α_N/α_S ≈ 10 % above convergence (App. B.3), within 1 %', () => {
    const runs = convergenceRuns(base, c);
    expect(rel(runs.efficient.L / runs.efficient.Linf - 1, 0.1)).toBeLessThan(0.01);
  });

  it('reproduces App. B.3 for f′ = 2 %: 2.7× the parameters (2 %), 7.7× fewer steps and 65 % less compute (3 %; the paper rounds before inverting)', () => {
    for (const set of ['summary', 'table3'] as const) {
      for (const given of ['N', 'C'] as const) {
        const { efficient: e, sameLoss: q } = convergenceRuns({ ...base, set, given }, c);
        expect(rel(q.L, e.L)).toBeLessThan(1e-9);
        expect(rel(e.N / q.N, P.paramsMorePrinted)).toBeLessThan(0.02);
        expect(rel(q.Smin / e.Smin, P.stepsFewerPrinted)).toBeLessThan(0.03);
        expect(rel(1 - e.Cmin / q.Cmin, P.computeLessPrinted)).toBeLessThan(0.03);
      }
    }
  });

  it('the same-loss run costs 1/(C_f/C_f′) of Eq. (B.14) times the efficient run, for any f′ below α_N/α_S', () => {
    const f = efficientConvergenceFactor(summary);
    fc.assert(
      fc.property(fc.double({ min: 4, max: 13, noNaN: true }), fc.double({ min: 0.01, max: f * 100 * 0.99, noNaN: true }), (logN, fp) => {
        const { efficient: e, sameLoss: q, sameModel: m } = convergenceRuns({ ...base, N: 10 ** logN, fp }, c);
        expect(rel(e.Cmin / q.Cmin, convergenceComparison({ f, fPrime: fp / 100 }, summary).computeRatio)).toBeLessThan(1e-9);
        // Training the same model closer to convergence always costs more and reaches a lower loss.
        expect(m.Cmin).toBeGreaterThan(e.Cmin);
        expect(m.L).toBeLessThan(e.L);
      }),
    );
  });

  it('refuses f′ at or above α_N/α_S, next to the f′ field', () => {
    const out = compute({ ...base, fp: 10 }, c);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.field).toBe('fp');
  });

  it('never prints NaN, Infinity or undefined across the accepted ranges', () => {
    fc.assert(
      fc.property(fc.double({ min: 3, max: 15, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }), fc.constantFrom('N', 'C'), fc.constantFrom('summary', 'table3'), (logN, logC, fp, given, set) => {
        const out = compute({ N: 10 ** logN, C: 10 ** logC, fp, given: given as 'N' | 'C', set: set as 'summary' | 'table3' }, c);
        const text = out.ok ? Object.values(out.text).join(' ') + (out.description ?? '') : out.message;
        expect(text).not.toMatch(/NaN|Infinity|undefined/);
      }),
    );
  });
});
