/**
 * The repeated-data calculator (components/widgets/repeated-data/state.ts) and the lib functions it
 * added to datalimited.ts: checked against Muennighoff et al. 2023's printed values and the authors'
 * README, with the tolerances stated in each test, and by properties of the law.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frontierG, optimalD, optimalN, type ParametricConstants } from '../../src/lib/chinchilla.ts';
import { constantsOf } from '../../src/lib/data.ts';
import { baseLaw, baseParamsFor, dataConstrainedLoss, dataConstrainedLossFor, epochsUntilPassWorth, repetitionSchedule } from '../../src/lib/datalimited.ts';
import { compute, repeatResult, runOf, type RepeatConstants, type RepeatState } from '../../components/widgets/repeated-data/state.ts';

const c4 = constantsOf('muennighoff-2023-c4', ['a', 'b', 'e', 'alpha', 'RDstar', 'RNstar']);
const eq17 = constantsOf('muennighoff-2023-eq17', ['A', 'B', 'E', 'alpha', 'RDstar', 'RNstar', 'baseRatio']);
const ex = constantsOf('muennighoff-2023-examples', ['isoN', 'isoD', 'isoUniqueFourEpochs', 'isoLossGap', 'constrainedUnique', 'constrainedN', 'constrainedD', 'epochsAlmostNew']);
const keys = ['E', 'A', 'B', 'alpha', 'beta'] as const;
const hoffmann: ParametricConstants = constantsOf('hoffmann-2022-precise', keys);
const epochAI: ParametricConstants = constantsOf('besiroglu-2024-refit', keys);
const decayC4 = { RDstar: c4.RDstar, RNstar: c4.RNstar };

const constants: RepeatConstants = {
  sets: [
    { id: 'muennighoff-2023-c4', short: 'C4 fit', label: 'C4 fit', law: baseLaw(c4), decay: decayC4 },
    { id: 'muennighoff-2023-eq17', short: 'Eq. 17', label: 'Eq. 17', law: { A: eq17.A, B: eq17.B, E: eq17.E, alpha: eq17.alpha, beta: eq17.alpha }, decay: { RDstar: eq17.RDstar, RNstar: eq17.RNstar, baseRatio: eq17.baseRatio } },
    { id: 'hoffmann-2022-precise', short: 'Hoffmann', label: 'Hoffmann', law: hoffmann, decay: decayC4 },
    { id: 'besiroglu-2024-refit', short: 'Epoch', label: 'Epoch', law: epochAI, decay: decayC4 },
  ],
  almostNewEpochs: ex.epochsAlmostNew,
};
const base: RepeatState = { N: ex.isoN, U: ex.isoUniqueFourEpochs, epochs: ex.epochsAlmostNew, D: ex.isoD, given: 'epochs', batch: 1e6, worth: 50, set: 'muennighoff-2023-c4' };
const noBadWords = (texts: readonly string[]) => expect(texts.join(' ')).not.toMatch(/NaN|Infinity|undefined/);

describe('datalimited.ts: the data-constrained law for any Chinchilla-form constants', () => {
  it('with the C4 fit it is the authors’ scaling_law(): README L(6.34e9, 242e9, 25e9) = 2.2256440889984477, L(8.67e9, 178e9, 25e9) = 2.2269634075087867 (±1e-12)', () => {
    const a = dataConstrainedLossFor(ex.constrainedN, ex.constrainedD, ex.constrainedUnique, baseLaw(c4), decayC4).loss;
    const b = dataConstrainedLossFor(ex.isoN, ex.isoD, ex.constrainedUnique, baseLaw(c4), decayC4).loss;
    expect(Math.abs(a - 2.2256440889984477)).toBeLessThan(1e-12);
    expect(Math.abs(b - 2.2269634075087867)).toBeLessThan(1e-12);
    expect(a).toBe(dataConstrainedLoss(ex.constrainedN, ex.constrainedD, ex.constrainedUnique, c4).loss);
  });

  it('Eq. (17)’s printed U_N = U_D · 0.051 is G² of the full-precision fit, within half a unit of the printed third decimal', () => {
    expect(Math.abs(frontierG(baseLaw(c4)) ** 2 - eq17.baseRatio)).toBeLessThanOrEqual(0.0005);
  });

  it('Eq. (17) as printed is the same law rounded: at the README example it is within 1.5 % of 2.2256440889984477 (α rounded from 0.3526596 to 0.35)', () => {
    const rounded = dataConstrainedLossFor(ex.constrainedN, ex.constrainedD, ex.constrainedUnique, constants.sets[1]!.law, constants.sets[1]!.decay).loss;
    expect(Math.abs(rounded / 2.2256440889984477 - 1)).toBeLessThan(0.015);
    expect(rounded).not.toBe(dataConstrainedLoss(ex.constrainedN, ex.constrainedD, ex.constrainedUnique, c4).loss);
  });

  it('§6: R_D* ≈ 15 means meaningful gains up to about 16 epochs — the pass worth 1/e of fresh data comes at 16 epochs, rounded', () => {
    expect(Math.round(epochsUntilPassWorth(Math.exp(-1), c4.RDstar))).toBe(16);
  });

  it('property: Eq. (15)’s U_N is Hoffmann Eq. (4)’s N_opt at the budget whose D_opt is U_D, for α ≠ β too; a printed ratio replaces it; both are capped at N', () => {
    fc.assert(
      fc.property(fc.constantFrom(baseLaw(c4), hoffmann, epochAI), fc.double({ min: 1e6, max: 1e14, noNaN: true }), fc.double({ min: 1e6, max: 1e14, noNaN: true }), (law, U, N) => {
        const b = law.alpha / (law.alpha + law.beta);
        const C = 6 * Math.pow(U * frontierG(law), 1 / b);
        expect(optimalD(C, law) / U).toBeCloseTo(1, 9);
        expect(baseParamsFor(Infinity, U, law) / optimalN(C, law)).toBeCloseTo(1, 9);
        expect(baseParamsFor(N, U, law)).toBeLessThanOrEqual(N);
        expect(baseParamsFor(N, U, law, eq17.baseRatio)).toBe(Math.min(N, eq17.baseRatio * U));
      }),
    );
  });

  it('property: repeating never beats unique data, and more epochs over the same unique tokens never raise the loss', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...constants.sets),
        fc.double({ min: 1e6, max: 1e13, noNaN: true }),
        fc.double({ min: 1e6, max: 1e14, noNaN: true }),
        fc.double({ min: 1, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (set, N, U, epochs, more) => {
          const run = dataConstrainedLossFor(N, U * epochs, U, set.law, set.decay);
          const unique = dataConstrainedLossFor(N, U * epochs, U * epochs, set.law, set.decay);
          const longer = dataConstrainedLossFor(N, U * (epochs + more), U, set.law, set.decay);
          expect(run.loss).toBeGreaterThanOrEqual(unique.loss - 1e-12);
          expect(longer.loss).toBeLessThanOrEqual(run.loss + 1e-12);
          expect(run.Deff).toBeLessThanOrEqual(U * epochs * (1 + 1e-12));
          expect(run.Neff).toBeLessThanOrEqual(N * (1 + 1e-12));
        },
      ),
    );
  });

  it('property: tokens ↔ steps ↔ epochs — S·B = D = U·epochs and S = epochs × steps per epoch', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e6, max: 1e15, noNaN: true }), fc.double({ min: 1, max: 1e4, noNaN: true }), fc.double({ min: 1, max: 1e10, noNaN: true }), (U, epochs, B) => {
        const s = repetitionSchedule(U, epochs, B);
        expect(s.tokens / (U * epochs)).toBeCloseTo(1, 12);
        expect((s.steps * B) / s.tokens).toBeCloseTo(1, 12);
        expect(s.steps / (s.stepsPerEpoch * epochs)).toBeCloseTo(1, 12);
      }),
    );
    expect(() => repetitionSchedule(1e9, 2, 0)).toThrow(/batch/);
  });
});

describe('repeated-data calculator (state.ts)', () => {
  it('§6: 8.67B parameters on 178B tokens from 44B unique (4 epochs) vs 178B unique — measured 0.5 % higher loss; the law’s gap is within 0.25 percentage points of it', () => {
    const x = repeatResult({ ...base, given: 'D', D: ex.isoD, U: ex.isoUniqueFourEpochs }, constants);
    const gap = x.terms.loss / dataConstrainedLoss(ex.isoN, ex.isoD, ex.isoD, c4).loss - 1;
    expect(x.uniqueLoss).toBe(dataConstrainedLoss(ex.isoN, ex.isoD, ex.isoD, c4).loss);
    expect(gap).toBeGreaterThan(0);
    expect(Math.abs(gap - ex.isoLossGap)).toBeLessThan(0.0025);
  });

  it('the default run: 4 epochs of 44B unique tokens, its effective data and loss from the lib, the next pass, the ceiling and the steps', () => {
    const out = compute(base, constants);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.text.summary).toMatch(/^44B unique tokens × 4 epochs = D = 176B tokens: effective data D′ = 164B tokens, 93\.1% of D\./);
    expect(out.text.next).toContain('The next pass is worth 82.3% of fresh tokens');
    expect(out.text.ceiling).toContain('U_D(1 + R_D*) = 721B tokens (16.4 × U_D)');
    expect(out.text.steps).toBe('At B = 1M tokens per step, one epoch is 44k steps and the run 176k steps (176B tokens, 4 epochs).');
    expect(out.text.params).toMatch(/exceeds U_N = 2\.24B/);
    noBadWords([...Object.values(out.text), out.description ?? '']);
  });

  it('total tokens instead of epochs; fewer tokens than the unique data use each once (U_D = min(D_C, D), Eq. 4)', () => {
    expect(runOf({ ...base, given: 'D', D: ex.constrainedD, U: ex.constrainedUnique }).epochs).toBeCloseTo(ex.constrainedD / ex.constrainedUnique, 12);
    const short = runOf({ ...base, given: 'D', D: 1e10, U: 4.4e10 });
    expect(short).toEqual({ UD: 1e10, D: 1e10, epochs: 1 });
    const out = compute({ ...base, given: 'D', D: 1e10 }, constants);
    expect(out.ok && out.text.summary).toContain('so the run sees 10B of them once');
  });

  it('the threshold: a pass is worth less than half a fresh token after 1 + R_D*·ln 2 epochs', () => {
    const out = compute(base, constants);
    const expected = (1 + c4.RDstar * Math.log(2)).toPrecision(3);
    expect(out.ok && out.text.threshold).toContain(`after ${expected} epochs`);
    const past = compute({ ...base, epochs: 20 }, constants);
    expect(past.ok && past.text.threshold).toContain('is past that point');
  });

  it('a batch larger than the run gets a message at the batch field', () => {
    const out = compute({ ...base, batch: 1e12 }, constants);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.field).toBe('batch');
      noBadWords([out.message]);
    }
  });

  it('property: every state in the fields’ ranges, under every set, gives text without NaN, Infinity or undefined', () => {
    fc.assert(
      fc.property(
        fc.record({
          N: fc.double({ min: 1e6, max: 1e14, noNaN: true }),
          U: fc.double({ min: 1e6, max: 1e15, noNaN: true }),
          epochs: fc.double({ min: 1, max: 1e4, noNaN: true }),
          D: fc.double({ min: 1e6, max: 1e17, noNaN: true }),
          given: fc.constantFrom('epochs', 'D'),
          batch: fc.double({ min: 1, max: 1e10, noNaN: true }),
          worth: fc.double({ min: 0.1, max: 99.9, noNaN: true }),
          set: fc.constantFrom(...constants.sets.map((s) => s.id)),
        }),
        (s) => {
          const out = compute(s, constants);
          if (out.ok) noBadWords([...Object.values(out.text), out.description ?? '']);
          else noBadWords([out.message]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
