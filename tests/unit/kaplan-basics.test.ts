/**
 * The first four Kaplan chapters' math: loss ratios and their inverse, Figure 5's compute-for-loss
 * trade, parameter and FLOP counts of Table 1 row by row, shapes at fixed N, loss units. Expected
 * values are the paper's printed figures with stated tolerances, or identities (fast-check).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compensatingFactor, factorForLossRatio, lossCmin, lossD, lossN, lossRatio, lossReduction } from '../../src/lib/kaplan.ts';
import { aspectRatio, embeddingFraction, embeddingParams, nonEmbeddingParams, shapeFromAspectRatio, totalParams } from '../../src/lib/transformer.ts';
import { forwardFlopPerToken, table1Rows, trainingFlopPerToken } from '../../src/lib/compute.ts';
import { formatNumber, formatNumberTex, natsToBits, ordersOfMagnitude, perplexity, FLOP_PER_PF_DAY } from '../../src/lib/units.ts';
import { constantsOf } from '../../src/lib/data.ts';

function expectWithin(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected} ± ${tolerance}`).toBeLessThanOrEqual(tolerance);
}

const summary = constantsOf('kaplan-2020-summary', ['alphaN', 'Nc', 'alphaD', 'Dc', 'alphaCmin', 'Ccmin', 'CcminFigure1']);
const setup = constantsOf('kaplan-2020-setup', ['NminStudied', 'NmaxStudied', 'DminStudied', 'DmaxStudied', 'ordersN', 'ordersD', 'nCtx', 'nVocab', 'batchTokens', 'stepsDefault']);
const shape = constantsOf('kaplan-2020-shape', [
  'wideNLayer',
  'wideDModel',
  'gpt2NLayer',
  'gpt2DModel',
  'deepNLayer',
  'deepDModel',
  'smallNLayer',
  'smallDModel',
  'aspectRatioFactor',
  'compensatedLossIncrease',
  'compensatingCompute',
]);

const exponents = fc.double({ min: 0.01, max: 1, noNaN: true });
const factors = fc.double({ min: 1.0001, max: 1e6, noNaN: true });

describe('factorForLossRatio and compensatingFactor invert lossRatio', () => {
  it('factorForLossRatio(lossRatio(k, α), α) = k', () => {
    fc.assert(
      fc.property(factors, exponents, (k, alpha) => {
        expect(factorForLossRatio(lossRatio(k, alpha), alpha) / k).toBeCloseTo(1, 9);
      }),
    );
  });

  it('the compensating factor undoes a relative loss increase, and grows with it', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 1, noNaN: true }), exponents, (increase, alpha) => {
        const k = compensatingFactor(increase, alpha);
        expect(k).toBeGreaterThan(1);
        expect((1 + increase) * lossRatio(k, alpha)).toBeCloseTo(1, 9);
        expect(compensatingFactor(increase * 1.5, alpha)).toBeGreaterThan(k);
      }),
    );
  });

  it('Figure 5: "22% additional compute compensates for 1% loss increase" is 1.01^(1/α_C^min)', () => {
    // Half a unit in the printed "22%": ±0.005.
    expectWithin(compensatingFactor(shape.compensatedLossIncrease, summary.alphaCmin) - 1, shape.compensatingCompute, 0.005);
  });

  it('the same loss falls by the same fraction for every k-fold step, wherever it starts (Eq. 1.1–1.3)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e3, max: 1e12, noNaN: true }), factors, (N, k) => {
        expect(lossN(k * N, summary) / lossN(N, summary)).toBeCloseTo(lossRatio(k, summary.alphaN), 12);
        expect(lossD(k * N, summary) / lossD(N, summary)).toBeCloseTo(lossRatio(k, summary.alphaD), 12);
        expect(lossCmin(k * N, summary) / lossCmin(N, summary)).toBeCloseTo(lossRatio(k, summary.alphaCmin), 12);
      }),
    );
  });

  it('M1: 10× D cuts the loss by 19.6 %, 10× C_min by 10.9 % (brief §C, from Eq. 1.2–1.3)', () => {
    expectWithin(lossReduction(10, summary.alphaD), 0.196, 0.0005);
    expectWithin(lossReduction(10, summary.alphaCmin), 0.109, 0.0005);
  });

  it('Figure 1\'s legend C_c^min (2.3e8) and Eq. (1.3)\'s (3.1e8) give losses about 1.5 % apart at every C_min', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1e3, noNaN: true }), (C) => {
        const ratio = lossCmin(C, summary) / lossCmin(C, { alphaCmin: summary.alphaCmin, Ccmin: summary.CcminFigure1 });
        expectWithin(ratio, (summary.Ccmin / summary.CcminFigure1) ** summary.alphaCmin, 1e-12);
        expectWithin(ratio - 1, 0.015, 0.001);
      }),
    );
  });
});

describe('ranges of the fits (Kaplan §1.2, §3)', () => {
  it('768 to 1.5e9 parameters is "six orders of magnitude in N"; 22M to 23B tokens "over two in D"', () => {
    expect(Math.round(ordersOfMagnitude(setup.NminStudied, setup.NmaxStudied))).toBe(setup.ordersN);
    expect(ordersOfMagnitude(setup.DminStudied, setup.DmaxStudied)).toBeGreaterThan(setup.ordersD);
  });

  it('ordersOfMagnitude adds over a chain and is antisymmetric', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (a, b, c) => {
        expect(ordersOfMagnitude(a, c)).toBeCloseTo(ordersOfMagnitude(a, b) + ordersOfMagnitude(b, c), 9);
        expect(ordersOfMagnitude(a, b)).toBeCloseTo(-ordersOfMagnitude(b, a), 9);
      }),
    );
  });

  it('the default batch, 2^19 tokens, is 512 sequences of n_ctx = 1,024 tokens (§2.2)', () => {
    expect(setup.batchTokens).toBe(2 ** 19);
    expect(setup.batchTokens / setup.nCtx).toBe(512);
  });
});

describe('Kaplan Table 1, row by row', () => {
  const dims = fc.integer({ min: 1, max: 8192 });
  const layers = fc.integer({ min: 1, max: 256 });

  it('non-embedding rows sum to N (Eq. 2.1) and to C_forward (Eq. 2.2); all rows to the total with embeddings', () => {
    fc.assert(
      fc.property(layers, dims, dims, dims, fc.integer({ min: 1, max: 8192 }), fc.integer({ min: 1, max: 300000 }), (nLayer, dModel, dAttn, dFf, nCtx, nVocab) => {
        const s = { nLayer, dModel, dAttn, dFf, nCtx, nVocab };
        const rows = table1Rows(s);
        const nonEmb = rows.filter((r) => r.nonEmbedding);
        expect(nonEmb.reduce((a, r) => a + r.parameters, 0)).toBe(nonEmbeddingParams(s));
        expect(nonEmb.reduce((a, r) => a + r.flopPerToken, 0)).toBe(forwardFlopPerToken(s));
        expect(rows.reduce((a, r) => a + r.parameters, 0)).toBe(totalParams(s));
        expect(rows.find((r) => r.operation === 'Embed')!.parameters).toBe(embeddingParams(s));
      }),
    );
  });

  it('training costs 6 FLOP per parameter per token plus three times the context term (§2.1)', () => {
    fc.assert(
      fc.property(layers, dims, fc.integer({ min: 1, max: 8192 }), (nLayer, dModel, nCtx) => {
        const s = { nLayer, dModel, nCtx };
        expect(trainingFlopPerToken(s)).toBe(6 * nonEmbeddingParams(s) + 3 * 2 * nLayer * nCtx * dModel);
      }),
    );
  });

  it('a PF-day is 10^15 FLOP/s for 86,400 s = 8.64e19 FLOP (§1.3)', () => {
    expect(FLOP_PER_PF_DAY).toBe(8.64e19);
  });
});

describe('shapes at fixed N (Kaplan §3.1–3.2, Figure 5)', () => {
  it('(6, 4288), (48, 1600) and (207, 768) are all "billion-parameter models" by Eq. (2.1)', () => {
    for (const [nLayer, dModel] of [
      [shape.wideNLayer, shape.wideDModel],
      [shape.gpt2NLayer, shape.gpt2DModel],
      [shape.deepNLayer, shape.deepDModel],
    ] as const) {
      const N = nonEmbeddingParams({ nLayer, dModel });
      expect(N).toBeGreaterThan(1e9);
      expect(N).toBeLessThan(setup.NmaxStudied * 1.05);
    }
  });

  it('the aspect ratios of the named billion-parameter shapes span roughly the "factor of 40" of Figure 5 or more', () => {
    const wide = aspectRatio({ nLayer: shape.wideNLayer, dModel: shape.wideDModel });
    const deep = aspectRatio({ nLayer: shape.deepNLayer, dModel: shape.deepDModel });
    expect(wide / deep).toBeGreaterThan(shape.aspectRatioFactor);
  });

  it('shapeFromAspectRatio gives back N and the ratio', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e3, max: 1e13, noNaN: true }), fc.double({ min: 0.5, max: 2000, noNaN: true }), (N, ratio) => {
        const s = shapeFromAspectRatio(N, ratio);
        expect(nonEmbeddingParams(s) / N).toBeCloseTo(1, 9);
        expect(aspectRatio(s) / ratio).toBeCloseTo(1, 9);
      }),
    );
  });

  it('embeddings are most of a (2, 128) model and a few percent of the (48, 1600) one', () => {
    const emb = { nVocab: setup.nVocab, nCtx: setup.nCtx };
    expect(embeddingFraction({ nLayer: shape.smallNLayer, dModel: shape.smallDModel, ...emb })).toBeGreaterThan(0.9);
    expect(embeddingFraction({ nLayer: shape.gpt2NLayer, dModel: shape.gpt2DModel, ...emb })).toBeLessThan(0.06);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 8192 }), (nLayer, dModel) => {
        const f = embeddingFraction({ nLayer, dModel, ...emb });
        expect(f).toBeGreaterThan(0);
        expect(f).toBeLessThan(1);
        expect(embeddingFraction({ nLayer: nLayer + 1, dModel, ...emb })).toBeLessThan(f);
      }),
    );
  });
});

describe('loss units', () => {
  it('bits = nats / ln 2 and perplexity = e^L', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20, noNaN: true }), (L) => {
        expect(natsToBits(L) * Math.LN2).toBeCloseTo(L, 12);
        expect(Math.log(perplexity(L))).toBeCloseTo(L, 12);
      }),
    );
    expect(natsToBits(Math.LN2)).toBeCloseTo(1, 15);
  });
});

describe('formatNumberTex', () => {
  it('writes e-notation as a power of ten and leaves plain numbers alone', () => {
    expect(formatNumberTex(1.32e9)).toBe('1.32 \\times 10^{9}');
    expect(formatNumberTex(2.5e-7)).toBe('2.5 \\times 10^{-7}');
    expect(formatNumberTex(1.008, { sig: 4 })).toBe('1.008');
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1e30, noNaN: true }), (x) => {
        const tex = formatNumberTex(x);
        const m = /^(-?[\d.]+)(?: \\times 10\^\{(-?\d+)\})?$/.exec(tex);
        expect(m, tex).not.toBeNull();
        expect(Number(`${m![1]}e${m![2] ?? 0}`)).toBe(Number(formatNumber(x)));
      }),
    );
  });
});
