/**
 * The functions added for the Kaplan chapters on overfitting, batch size, compute-efficient training
 * and the crossing point: Eq. (4.3)–(4.4) as a rule, the inverses of Eq. (5.1)–(5.4), growth with
 * compute (Table 6) and the sensitivity of Eq. (6.8). Expected values are the paper's printed ones,
 * with the tolerance stated next to each.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  crossingElasticity,
  crossingPoint,
  crossingWithExponent,
  dataForOverfitting,
  dataToAvoidOverfitting,
  examplesAtBatch,
  growthFactor,
  criticalBatch,
  lossAtCriticalBatch,
  minExamples,
  minSteps,
  minStepsToLoss,
  lossNS,
  lossN,
  overfitting,
  overfittingRuleFromFit,
  overfittingTokensPerParameter,
  stepsAtBatch,
  table6Growth,
  type CrossingExponent,
} from '../../src/lib/kaplan.ts';
import { constantsOf } from '../../src/lib/data.ts';

function expectWithin(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected} ± ${tolerance}`).toBeLessThanOrEqual(tolerance);
}
const logUniform = (lo: number, hi: number) =>
  fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }).map((e) => 10 ** e);

const summary = constantsOf('kaplan-2020-summary', ['alphaCmin', 'Ccmin', 'alphaD', 'Dc']);
const jointND = constantsOf('kaplan-2020-joint-nd', ['alphaN', 'alphaD', 'Nc', 'Dc']);
const rule = constantsOf('kaplan-2020-overfitting', ['prefactor', 'exponent', 'deltaL']);
const table6 = constantsOf('kaplan-2020-compute-efficient', ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD']);

describe('Eq. (4.4) derived from Eq. (4.3) and Table 2', () => {
  const derived = overfittingRuleFromFit(rule.deltaL, jointND);

  it('the exponent is the printed 0.74 (± half a unit in the last digit)', () => {
    expectWithin(derived.exponent, 0.74, 0.005);
  });

  it('the prefactor is the printed 5 × 10^3 to its one significant figure (4.5e3–5.5e3 plus the 0.74-vs-0.738 rounding: ≤ 5.6e3)', () => {
    expect(derived.prefactor).toBeGreaterThan(4.5e3);
    expect(derived.prefactor).toBeLessThan(5.6e3);
  });

  it('agrees with Eq. (4.3) solved directly, for any N and tolerance', () => {
    fc.assert(
      fc.property(logUniform(3, 13), fc.double({ min: 0.001, max: 0.5, noNaN: true }), (N, deltaL) => {
        const r = overfittingRuleFromFit(deltaL, jointND);
        const direct = dataForOverfitting(N, deltaL, jointND);
        expectWithin(dataToAvoidOverfitting(N, r) / direct, 1, 1e-9);
        expectWithin(overfitting(N, direct, jointND), deltaL, 1e-9);
      }),
    );
  });

  it('a larger tolerated penalty needs fewer tokens', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.2, noNaN: true }), fc.double({ min: 1.01, max: 5, noNaN: true }), (d, k) => {
        expect(overfittingRuleFromFit(d * k, jointND).prefactor).toBeLessThan(overfittingRuleFromFit(d, jointND).prefactor);
      }),
    );
  });
});

describe('tokens per parameter under Eq. (4.4)', () => {
  it('≈ 23 at 1e9 and ≈ 6 at 175e9 parameters (PY in the facts sheet: 5e3·(1e9)^0.74 = 2.29e10 tokens)', () => {
    expectWithin(overfittingTokensPerParameter(1e9, rule), 22.9, 0.05);
    expectWithin(overfittingTokensPerParameter(175e9, rule), 6, 0.5);
  });

  it('falls as N grows (the exponent is below 1)', () => {
    fc.assert(
      fc.property(logUniform(3, 13), fc.double({ min: 1.01, max: 1000, noNaN: true }), (N, k) => {
        expect(overfittingTokensPerParameter(N * k, rule)).toBeLessThan(overfittingTokensPerParameter(N, rule));
      }),
    );
  });
});

describe('the steps/examples trade-off inverted (Eq. 5.1–5.4)', () => {
  const batch = logUniform(3, 9);
  it('stepsAtBatch and examplesAtBatch undo minSteps and minExamples', () => {
    fc.assert(
      fc.property(logUniform(1, 7), batch, batch, (x, B, Bcrit) => {
        expectWithin(minSteps(stepsAtBatch(x, B, Bcrit), B, Bcrit) / x, 1, 1e-12);
        expectWithin(minExamples(examplesAtBatch(x, B, Bcrit), B, Bcrit) / x, 1, 1e-12);
      }),
    );
  });

  it('with E_min = B_crit·S_min (Eq. 5.2), the run at batch B processes exactly E = B·S tokens', () => {
    fc.assert(
      fc.property(logUniform(1, 7), batch, batch, (Smin, B, Bcrit) => {
        const S = stepsAtBatch(Smin, B, Bcrit);
        const E = examplesAtBatch(Bcrit * Smin, B, Bcrit);
        expectWithin(E / (B * S), 1, 1e-12);
        // Eq. (5.1): (S/S_min − 1)(E/E_min − 1) = 1.
        expectWithin((S / Smin - 1) * (E / (Bcrit * Smin) - 1), 1, 1e-9);
      }),
    );
  });

  it('lossAtCriticalBatch inverts B_crit(L) (Eq. 1.4)', () => {
    const K = constantsOf('kaplan-2020-summary', ['Bstar', 'alphaB']);
    fc.assert(
      fc.property(fc.double({ min: 1, max: 8, noNaN: true }), (L) => {
        expectWithin(lossAtCriticalBatch(criticalBatch(L, K), K) / L, 1, 1e-12);
      }),
    );
  });

  it('at B = B_crit both costs double (text after Eq. 5.2)', () => {
    expect(stepsAtBatch(1000, 5e5, 5e5)).toBe(2000);
    expect(examplesAtBatch(1000, 5e5, 5e5)).toBe(2000);
  });
});

describe('growth with compute (Table 6)', () => {
  it('10× compute: the model ×5 and the data ×2 (Fig. 14 caption, rounded to one figure)', () => {
    expectWithin(growthFactor(10, table6.pN), 5, 0.5);
    expectWithin(growthFactor(10, table6.pD), 2, 0.5);
  });

  it('is multiplicative: growing by a then by b is growing by a·b', () => {
    fc.assert(
      fc.property(logUniform(0, 4), logUniform(0, 4), fc.double({ min: 0, max: 1, noNaN: true }), (a, b, p) => {
        expectWithin(growthFactor(a * b, p) / (growthFactor(a, p) * growthFactor(b, p)), 1, 1e-9);
      }),
    );
  });
});

describe('sensitivity of the crossing point (Eq. 6.8)', () => {
  const growth = table6Growth(table6);
  const which: CrossingExponent[] = ['alphaCmin', 'alphaD', 'dataExponent'];

  it('a factor of 1 leaves the crossing where it is', () => {
    for (const w of which) expect(crossingWithExponent(summary, growth, w, 1).C).toBeCloseTo(crossingPoint(summary, growth).C, 6);
  });

  it('the elasticity in α_C^min matches the closed form α_C·(ln C* − ln C_c)/(α_D p_D − α_C), for any constants', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.03, max: 0.07, noNaN: true }),
        fc.double({ min: 0.08, max: 0.12, noNaN: true }),
        fc.double({ min: 0.2, max: 0.35, noNaN: true }),
        (alphaCmin, alphaD, pD) => {
          fc.pre(Math.abs(alphaD * pD - alphaCmin) > 0.005);
          const laws = { ...summary, alphaCmin, alphaD };
          const g = { ...growth, data: { ...growth.data, exponent: pD } };
          const C = crossingPoint(laws, g).C;
          const closed = (alphaCmin * (Math.log(C) - Math.log(summary.Ccmin))) / (alphaD * pD - alphaCmin);
          expectWithin(crossingElasticity(laws, g, 'alphaCmin'), closed, 1e-4 * Math.max(1, Math.abs(closed)));
        },
      ),
    );
  });

  it('a 10 % change in α_C^min moves C* by far more than 10 % — the "order of magnitude" of §6.3', () => {
    const base = crossingPoint(summary, growth).C;
    const moved = crossingWithExponent(summary, growth, 'alphaCmin', 1.1).C;
    expect(Math.abs(Math.log10(moved / base))).toBeGreaterThan(0.5);
  });

  it('throws a clear RangeError where the perturbed trends are parallel', () => {
    const f = (summary.alphaD * growth.data.exponent) / summary.alphaCmin;
    expect(() => crossingWithExponent(summary, growth, 'alphaCmin', f)).toThrow(RangeError);
  });
});

describe('steps to reach a loss (Eq. 1.6 inverted)', () => {
  const NS = constantsOf('kaplan-2020-joint-ns', ['alphaN', 'alphaS', 'Nc', 'Sc']);
  it('L(N, S_min) at the returned steps is the loss asked for', () => {
    fc.assert(
      fc.property(logUniform(4, 11), fc.double({ min: 0.01, max: 3, noNaN: true }), (N, above) => {
        const L = lossN(N, NS) + above;
        expectWithin(lossNS(N, minStepsToLoss(N, L, NS), NS) / L, 1, 1e-9);
      }),
    );
  });

  it('a larger model reaches the same loss in fewer steps (sample efficiency, §1.1)', () => {
    fc.assert(
      fc.property(logUniform(4, 10), fc.double({ min: 1.1, max: 100, noNaN: true }), (N, k) => {
        const L = lossN(N, NS) + 0.5;
        expect(minStepsToLoss(N * k, L, NS)).toBeLessThan(minStepsToLoss(N, L, NS));
      }),
    );
  });

  it('refuses a loss at or below the converged loss', () => {
    expect(() => minStepsToLoss(1e8, lossN(1e8, NS), NS)).toThrow(RangeError);
  });
});

