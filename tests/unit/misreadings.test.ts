/**
 * The computable misreadings of the content brief, §C (M1–M31): one test each, asserting the correct
 * figure from the papers' constants. M3 (Kaplan's model and data ranges) is a statement of fact, not a
 * computation, and M14 (GPT-3's epochs per dataset) needs Brown et al. 2020's Table 2.2, which is not
 * among the cited papers; neither is tested here.
 */
import { describe, expect, it } from 'vitest';
import { allocationAtTokensPerParameter, allocationExponents, lossHat, optimalAllocation, optimalDForN, optimalN, tokensPerParameter, type ParametricConstants } from '../../src/lib/chinchilla.ts';
import { embeddingShare, openLmParams, simulatedKaplanExponent, simulatedRange } from '../../src/lib/reconcile.ts';
import { averageTokenWorth, baseLaw, dataConstrainedLoss } from '../../src/lib/datalimited.ts';
import { inferenceSaving } from '../../src/lib/inference.ts';
import { forwardFlopPerToken, trainingFlop, trainingFlopPerToken } from '../../src/lib/compute.ts';
import { constantsOf, table } from '../../src/lib/data.ts';
import fc from 'fast-check';
import {
  computeEfficient,
  convergenceComparison,
  criticalBatch,
  dataExponent,
  dataToAvoidOverfitting,
  efficientConvergenceFactor,
  lossRatio,
  lossReduction,
} from '../../src/lib/kaplan.ts';
import { nonEmbeddingParams } from '../../src/lib/transformer.ts';
import { flopToPfDays, gpuHoursToFlop, pfDaysToFlop } from '../../src/lib/units.ts';

/** |actual − expected| ≤ tolerance. */
function expectWithin(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected} ± ${tolerance}`).toBeLessThanOrEqual(tolerance);
}

const summary = constantsOf('kaplan-2020-summary', ['alphaN', 'alphaD', 'alphaCmin', 'alphaS']);
const jointND = constantsOf('kaplan-2020-joint-nd', ['alphaN', 'alphaD']);
const overfit = constantsOf('kaplan-2020-overfitting', ['prefactor', 'exponent']);
const table6 = constantsOf('kaplan-2020-compute-efficient', ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD']);
const keys = ['E', 'A', 'B', 'alpha', 'beta'] as const;
const rounded: ParametricConstants = constantsOf('hoffmann-2022-rounded', keys);
const precise: ParametricConstants = constantsOf('hoffmann-2022-precise', keys);
const epoch: ParametricConstants = constantsOf('besiroglu-2024-refit', keys);

// Hoffmann Table 1: Chinchilla 70 Billion parameters, 1.4 Trillion tokens; GPT-3 175 Billion, 300 Billion;
// Gopher 280 Billion, 300 Billion. Gopher's budget 5.76e23 FLOPs (Fig. 2 caption, Table 3).
const CHINCHILLA = { N: 70e9, D: 1.4e12 };
const GPT3 = { N: 175e9, D: 300e9 };
const GOPHER_FLOPS = 5.76e23;

describe('content brief §C misreadings', () => {
  it('M1: 10× N cuts the loss by 1 − 10^(−α_N) = 16.1 %, not 10^α_N − 1 = 19 %; 10× D 19.6 %, 10× C_min 10.9 %', () => {
    // Kaplan Eq. 1.1–1.3 exponents. Percentages to three figures: tolerance half a unit, 0.0005.
    expectWithin(lossReduction(10, summary.alphaN), 0.161, 0.0005);
    expectWithin(lossReduction(10, summary.alphaD), 0.196, 0.0005);
    expectWithin(lossReduction(10, summary.alphaCmin), 0.109, 0.0005);
    expect(10 ** summary.alphaN - 1).toBeGreaterThan(lossReduction(10, summary.alphaN) + 0.02);
  });

  it('M2: ~5 % is what doubling N buys (2^(−α_N) = 0.95, Kaplan §1.2); 10× N buys ~16 %', () => {
    expectWithin(lossRatio(2, summary.alphaN), 0.95, 0.005);
    expect(lossReduction(10, summary.alphaN)).toBeGreaterThan(3 * lossReduction(2, summary.alphaN));
  });

  it('M4: D ≳ 5e3·N^0.74 is ~23 tokens per parameter at 1e9 and ~6 at 175e9 — the 20:1 ratio is Chinchilla\'s', () => {
    // Kaplan Eq. 4.4; whole-number ratios, tolerance ±0.5. Chinchilla's own ratio from Hoffmann Table 1.
    expectWithin(dataToAvoidOverfitting(1e9, overfit) / 1e9, 23, 0.5);
    expectWithin(dataToAvoidOverfitting(175e9, overfit) / 175e9, 6, 0.5);
    expect(tokensPerParameter(CHINCHILLA.N, CHINCHILLA.D)).toBeCloseTo(20, 12);
  });

  it('M5: a PF-day is 10^15 FLOP/s for a day, 8.64e19 FLOP (Kaplan §1.3)', () => {
    // Printed exactly "10^15 × 24 × 3600 = 8.64 × 10^19".
    expect(pfDaysToFlop(1)).toBe(8.64e19);
    expect(pfDaysToFlop(1) / 1e15).toBe(86400);
  });

  it('M6: the joint L(N, D) fit has its own constants; its α_N/α_D is the 0.74, the §1 constants give 0.80', () => {
    // Kaplan Table 2 vs Eq. 1.1–1.2; Eq. 4.4 prints 0.74 (±0.005).
    expectWithin(dataExponent(jointND), 0.74, 0.005);
    expectWithin(dataExponent(summary), 0.8, 0.005);
  });

  it('M7: N_opt needs its prefactor and units — 1.3e9·(C_min/PF-day)^0.73 gives 4.68B at 1e21 FLOPs, "C^0.73" in FLOPs gives nonsense', () => {
    // Hoffmann App. D.4: Kaplan's optimum at 1e21 FLOPs is 4.68 billion (±0.005e9); C_min = C/2 (Kaplan Eq. 6.7).
    const N = computeEfficient(flopToPfDays(1e21) / 2, table6).N;
    expectWithin(N, 4.68e9, 0.005e9);
    expect((1e21) ** table6.pN / N).toBeGreaterThan(1e5);
  });

  it('M8: Chinchilla\'s α, β are ≈ 0.34, 0.28; the ~0.5 figures are the allocation exponents a, b', () => {
    // Hoffmann Eq. 10 (α, β) and Table 2 row 3 (a = 0.46, b = 0.54, ±0.005) from the TeX constants.
    expectWithin(rounded.alpha, 0.34, 0.005);
    expectWithin(rounded.beta, 0.28, 0.005);
    const { a, b } = allocationExponents(precise);
    expectWithin(a, 0.46, 0.005);
    expectWithin(b, 0.54, 0.005);
    // The misread "≈ 0.05" is off by more than a factor of 5 for both exponents.
    expect(Math.min(rounded.alpha, rounded.beta)).toBeGreaterThan(5 * 0.05);
  });

  it('M9: with D = 20N, N = √(C/120), not √(C/6): Hoffmann Table 3\'s 1B and 10B rows', () => {
    // Table 3 rows: 1 Billion at 1.21e20 FLOPs, 10 Billion at 1.23e22. The printed rows have 20.0–22.4
    // tokens per parameter, so a fixed ratio of 20 lands within √(22.4/20) − 1 = 5.8 % of the printed N.
    const ratio = tokensPerParameter(CHINCHILLA.N, CHINCHILLA.D);
    const tolerance = Math.sqrt(22.4 / 20) - 1;
    for (const [N, C] of [
      [1e9, 1.21e20],
      [10e9, 1.23e22],
    ] as const) {
      expect(Math.abs(allocationAtTokensPerParameter(C, ratio).N / N - 1)).toBeLessThanOrEqual(tolerance);
      expect(Math.sqrt(C / 6) / N).toBeGreaterThan(4);
    }
  });

  it('M10: Chinchilla used ~1.9× GPT-3\'s training compute by 6ND; the equal-compute comparison is Gopher', () => {
    // Inputs from Hoffmann Table 1. "~1.9×": tolerance half a unit in the last digit (±0.05).
    expectWithin(trainingFlop(CHINCHILLA.N, CHINCHILLA.D) / trainingFlop(GPT3.N, GPT3.D), 1.9, 0.05);
    expect(trainingFlop(GPT3.N, GPT3.D)).toBeLessThan(0.6 * GOPHER_FLOPS);
  });

  it('M11: training to convergence (f′ = 2 %) costs about 1/0.35 ≈ 3× the compute of efficient stopping, not ~100× (Kaplan B.14)', () => {
    // B.14 prints 0.35 as the product of the rounded 2.7 and 0.13, so its range is [2.65·0.125, 2.75·0.135].
    const { computeRatio } = convergenceComparison({ f: efficientConvergenceFactor(summary), fPrime: 0.02 }, summary);
    expect(computeRatio).toBeGreaterThanOrEqual(2.65 * 0.125);
    expect(computeRatio).toBeLessThanOrEqual(2.75 * 0.135);
    expect(1 / computeRatio).toBeLessThan(3.1);
  });

  it('M12: the 6 in 6N is 2N forward plus 4N backward (Kaplan Eq. 2.2, §2.1)', () => {
    // With a negligible context term (n_ctx = 1): forward → 2N, training → 6N, backward = training − forward → 4N.
    const shape = { nLayer: 48, dModel: 1600, nCtx: 1 };
    const N = nonEmbeddingParams(shape);
    expectWithin(forwardFlopPerToken(shape) / N, 2, 1e-3);
    expectWithin(trainingFlopPerToken(shape) / N, 6, 1e-3);
    expectWithin((trainingFlopPerToken(shape) - forwardFlopPerToken(shape)) / N, 4, 1e-3);
  });

  it('M13: 8 GPUs × 1.5e15 FLOP/s × 30 days is 3.1e22 FLOP (360 PF-days), not ~3e24', () => {
    // Same answer two ways: GPU-hours × peak (utilisation 1) and 8 × 1.5 PF for 30 days in Kaplan's PF-days.
    const flop = gpuHoursToFlop(8 * 30 * 24, 1.5e15, 1);
    expect(flop / pfDaysToFlop(8 * 1.5 * 30)).toBeCloseTo(1, 12);
    expectWithin(flop, 3.1e22, 0.05e22);
    expect(3e24 / flop).toBeGreaterThan(90);
  });

  it('M15: Hoffmann\'s rounded Approach-3 constants give ~90 tokens per parameter at Gopher\'s budget; the TeX constants ~60; Epoch\'s refit ~20', () => {
    // Rounded: "~90" (brief §C M15), one significant figure: [85, 95).
    const r = optimalAllocation(GOPHER_FLOPS, rounded).tokensPerParameter;
    expect(r).toBeGreaterThanOrEqual(85);
    expect(r).toBeLessThan(95);
    // TeX constants: Fig. 4's 40B (±0.5B) at 5.76e23 implies C/(6N²) between these bounds.
    const p = optimalAllocation(GOPHER_FLOPS, precise).tokensPerParameter;
    expect(p).toBeGreaterThanOrEqual(GOPHER_FLOPS / (6 * 40.5e9 ** 2));
    expect(p).toBeLessThanOrEqual(GOPHER_FLOPS / (6 * 39.5e9 ** 2));
    expectWithin(optimalN(GOPHER_FLOPS, precise), 40e9, 0.5e9);
    // Epoch's refit is "compatible with" Approaches 1–2 (Besiroglu abstract), i.e. near Chinchilla's 20 (±25 %).
    const e = optimalAllocation(GOPHER_FLOPS, epoch).tokensPerParameter;
    expect(Math.abs(e / 20 - 1)).toBeLessThanOrEqual(0.25);
  });

  it('M16: 20 tokens per parameter is not universal — under every fitted constant set D_opt/N_opt moves with C as C^(1−2a)', () => {
    for (const c of [rounded, precise, epoch]) {
      const { a } = allocationExponents(c);
      const ratio = optimalAllocation(1e25, c).tokensPerParameter / optimalAllocation(1e21, c).tokensPerParameter;
      expect(ratio).toBeCloseTo(10 ** (4 * (1 - 2 * a)), 9);
      expect(Math.abs(ratio - 1)).toBeGreaterThan(0.05);
    }
  });

  it('M17: past 20:1 the loss keeps falling — L̂(70B, k·1.4T) decreases in k for every constant set (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(rounded, precise, epoch), fc.double({ min: 1, max: 100, noNaN: true }), (c, k) => {
        expect(lossHat(CHINCHILLA.N, k * 1.01 * CHINCHILLA.D, c)).toBeLessThan(lossHat(CHINCHILLA.N, k * CHINCHILLA.D, c));
      }),
    );
  });

  it('M18: at GPT-3\'s compute the 20:1 split is ~51B on ~1T tokens; 175B on 3.5T would cost ~12× GPT-3', () => {
    // Brief §C M18, two significant figures for N (±0.5B) and ~1T (±0.05T); "~12x" (±0.5).
    const C = trainingFlop(GPT3.N, GPT3.D);
    const { N, D } = allocationAtTokensPerParameter(C, 20);
    expectWithin(N, 51e9, 0.5e9);
    expectWithin(D, 1.0e12, 0.05e12);
    expectWithin(trainingFlop(GPT3.N, 20 * GPT3.N) / C, 12, 0.5);
  });

  it('M19: "scale equally" means equal growth factors (a = b = 1/2 gives √10 each per 10× compute), not N ≈ D', () => {
    // Table 2, Approach 1: a = b = 0.50. Then 10× compute multiplies N and D by √10 and leaves D/N unchanged.
    const a1 = table('hoffmann-2022-table-2').rows.find((r) => r.id === 'approach-1')!.cells;
    const a = (a1.a as { value: number }).value;
    const b = (a1.b as { value: number }).value;
    expect(10 ** a).toBeCloseTo(Math.sqrt(10), 12);
    expect(10 ** a * 10 ** b).toBeCloseTo(10, 12);
    expect(tokensPerParameter(CHINCHILLA.N, CHINCHILLA.D)).toBeGreaterThan(10); // N ≠ D at the optimum
  });

  it('M21: the three approaches did not all agree — Table 2\'s Approach 3 a lies below the 10th percentile of Approaches 1 and 2', () => {
    const rows = table('hoffmann-2022-table-2').rows;
    const cell = (id: string) => rows.find((r) => r.id === id)!.cells.a as { value: number; interval?: { low: number } };
    expect(cell('approach-3').value).toBeLessThan(cell('approach-1').interval!.low);
    expect(cell('approach-3').value).toBeLessThan(cell('approach-2').interval!.low);
  });

  it('M23: E = 1.69 is one fit\'s constant — Epoch\'s refit of the same runs gives about 1.82 nats/token', () => {
    // Brief §C M23: "about 1.82" (±0.005).
    expectWithin(epoch.E, 1.82, 0.005);
    expect(epoch.E - rounded.E).toBeGreaterThan(0.1);
  });
});

// ---------------------------------------------------------------------------------------------
// M16–M31 (content brief §C, second list). Sources: the papers' printed values; where a value was
// computed from the authors' released code or data (facts sheets: UNVERIFIED), the test says so.

const muC4 = constantsOf('muennighoff-2023-c4', ['a', 'b', 'e', 'alpha', 'RDstar', 'RNstar']);
const sardana: ParametricConstants = constantsOf('sardana-2024-chinchilla', keys);
const LLAMA3_8B = { N: 8e9, D: 15e12 }; // Llama Team 2024 §1 / Table 3: 8B on "about 15T" tokens

describe('content brief §C misreadings, M16–M31', () => {
  it('M16: 20:1 is one fit at one budget — the ratio moves with C under the TeX constants; de Vries\' constants give 39–61 at 7B–70B', () => {
    const lo = optimalAllocation(1e20, precise).tokensPerParameter;
    const hi = optimalAllocation(1e25, precise).tokensPerParameter;
    expect(hi / lo).toBeGreaterThan(2);
    // Sardana et al.'s constants: "Chinchilla-style" 7B trains on 39.5 and 70B on 60.8 tokens per parameter (facts sheet §2, authors' code).
    expectWithin(optimalDForN(7e9, sardana) / 7e9, 39.5, 0.05);
    expectWithin(optimalDForN(70e9, sardana) / 70e9, 60.8, 0.05);
  });

  it('M17: past 20:1 the loss keeps falling (Eq. 2 is decreasing in D at fixed N)', () => {
    const N = 8e9;
    const losses = [20, 40, 100, 1000].map((r) => lossHat(N, r * N, epoch));
    for (let i = 1; i < losses.length; i++) expect(losses[i]!).toBeLessThan(losses[i - 1]!);
  });

  it('M18: at GPT-3\'s compute the 20:1 optimum is ~51B on ~1T tokens; 175B on 3.5T would cost ~12× GPT-3 (brief §C)', () => {
    const C = trainingFlop(GPT3.N, GPT3.D);
    const a = allocationAtTokensPerParameter(C, 20);
    expectWithin(a.N / 1e9, 51, 0.5);
    expectWithin(a.D / 1e12, 1, 0.05);
    expectWithin(trainingFlop(GPT3.N, 20 * GPT3.N) / C, 12, 0.5);
  });

  it('M19: "scale equally" means equal growth factors — a ≈ b ≈ 0.5 (Hoffmann Table 2: 0.50, 0.49, 0.46)', () => {
    const { a, b } = allocationExponents(precise);
    expectWithin(a, 0.46, 0.005);
    expectWithin(a + b, 1, 1e-12);
    expectWithin(10 ** a / 10 ** b, 1, 0.2);
  });

  it('M20: Kaplan\'s 10× compute → 10^0.73 = 5.37× N and 10^0.27 = 1.86× D (Hoffmann paraphrase "5.5×, 1.8×"); α_D = 0.095 is Kaplan Eq. 1.2', () => {
    expectWithin(10 ** table6.pN, 5.37, 0.005);
    expectWithin(10 ** table6.pD, 1.86, 0.005);
    expectWithin(summary.alphaD, 0.095, 1e-12);
  });

  it('M21: Approach 3 gives a = 0.46 vs 0.50 and 0.49; Epoch\'s refit gives 0.513 (besiroglu-2024.md)', () => {
    expectWithin(allocationExponents(precise).a, 0.46, 0.005);
    expectWithin(allocationExponents(epoch).a, 0.513, 0.0005);
  });

  it('M22: decay moves Porian et al.\'s a by ~0.03; tuning by ~0.1; Pearce & Song: 0.78 non-embedding vs 0.51 total (authors\' code/data)', () => {
    const po = constantsOf('porian-2024-exponents', ['rwC', 'rwD', 'rwE']);
    expectWithin(po.rwC - po.rwD, 0.031, 0.0005);
    expectWithin(po.rwC - po.rwE, 0.105, 0.0005);
    const ps = constantsOf('pearce-song-2024-reconcile', ['omega', 'simLog10Min', 'simLog10Max']);
    expectWithin(simulatedKaplanExponent({ ...epoch, omega: ps.omega }, simulatedRange(ps)), 0.78, 0.01);
  });

  it('M23: E is fitted — 1.69 (Hoffmann), about 1.82 (Epoch refit), 1.87 (Muennighoff C4, Eq. 20)', () => {
    expectWithin(rounded.E, 1.69, 1e-12);
    expectWithin(epoch.E, 1.82, 0.005);
    expectWithin(baseLaw(muC4).E, 1.87, 0.005);
  });

  it('M24: Kaplan\'s B_crit at a loss of 1.8 nats is ~12M tokens; at WebText2-like losses of 2–3 nats it is 1–7M (kaplan-2020.md §5)', () => {
    const S = constantsOf('kaplan-2020-summary', ['Bstar', 'alphaB']);
    expectWithin(criticalBatch(1.8, S) / 1e6, 12, 0.5);
    expectWithin(criticalBatch(2, S) / 1e6, 7.37, 0.005);
    expectWithin(criticalBatch(3, S) / 1e6, 1.07, 0.005);
  });

  it('M25: inference-aware scaling is smaller and longer — Sardana Fig. 1: 13B-quality at 2T served tokens → ~7B, 17 % saved', () => {
    const s = inferenceSaving(13e9, 2e12, sardana);
    expectWithin(s.optimal.N / 1e9, 7, 0.5);
    expect(s.optimal.D).toBeGreaterThan(s.chinchilla.D);
    expectWithin(s.savedFraction, 0.17, 0.005);
  });

  it('M26: a sparse peak is twice the dense one — Czech et al.\'s $1.4M at 1,979 TFLOP/s (6.5 % of 3.8e25) is $2.8M dense (fitting-methods.md §3)', () => {
    const cz = constantsOf('czech-2026-llama3', ['dclFraction', 'peakAssumed', 'mfu', 'dollarsPerHour', 'dclDollars']);
    const dollars = ((cz.dclFraction * 3.8e25) / (cz.peakAssumed * cz.mfu) / 3600) * cz.dollarsPerHour;
    expectWithin(dollars / 1e6, cz.dclDollars / 1e6, 0.05);
    expectWithin((2 * dollars) / 1e6, 2.8, 0.05);
  });

  it('M27: 2N per token is the forward pass; training is 6N — Chinchilla is 5.88e23 FLOP by 6ND (Porian et al. C_C), 3× a 2ND estimate', () => {
    expectWithin(trainingFlop(CHINCHILLA.N, CHINCHILLA.D) / 1e23, 5.88, 0.005);
    expect(trainingFlop(CHINCHILLA.N, CHINCHILLA.D) / (2 * CHINCHILLA.N * CHINCHILLA.D)).toBe(3);
  });

  it('M28: small models can be mostly embeddings — 99.8 % at 794 non-embedding parameters, 3.4 % at 1.585e9 (Pearce & Song, authors\' code); Porian\'s 5M model\'s head is 93.6 %', () => {
    const ps = constantsOf('pearce-song-2024-reconcile', ['omega', 'simLog10Min', 'simLog10Max']);
    expectWithin(embeddingShare(simulatedRange(ps).nMin, ps.omega), 0.998, 0.0005);
    expectWithin(embeddingShare(simulatedRange(ps).nMax, ps.omega), 0.034, 0.0005);
    const s = constantsOf('porian-2024-setup', ['vocab', 'smallestDepth', 'smallestWidth']);
    expectWithin(openLmParams({ depth: s.smallestDepth, width: s.smallestWidth, vocab: s.vocab }).headShare, 0.936, 0.0005);
  });

  it('M29: with C ≈ 6ND, FLOPs follow the active parameters: a quarter active is a quarter of the FLOPs the total implies', () => {
    expectWithin(trainingFlop(0.25e12, 1e12) / trainingFlop(1e12, 1e12), 0.25, 1e-12);
  });

  it('M30: up to ~4 epochs repeated data is nearly as good as new (Muennighoff abstract); more epochs still lower the loss', () => {
    expect(averageTokenWorth(4, muC4.RDstar)).toBeGreaterThan(0.9);
    const U = 25e9;
    const losses = [4, 8, 16, 32].map((e) => dataConstrainedLoss(6.34e9, e * U, U, muC4).loss);
    for (let i = 1; i < losses.length; i++) expect(losses[i]!).toBeLessThan(losses[i - 1]!);
    // Returns diminish: the fourth doubling of epochs buys less than a tenth of what the first did.
    expect(losses[2]! - losses[3]!).toBeLessThan(0.5 * (losses[0]! - losses[1]!));
  });

  it('M31: Llama 3 8B on 15T is 1,875 tokens per parameter, ≈ 94× the 20:1 count — not 250×', () => {
    const r = tokensPerParameter(LLAMA3_8B.N, LLAMA3_8B.D);
    expect(r).toBe(1875);
    expectWithin(r / tokensPerParameter(CHINCHILLA.N, CHINCHILLA.D), 94, 0.5);
  });
});
