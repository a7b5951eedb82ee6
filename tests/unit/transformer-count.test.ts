/**
 * countParameters / forwardFlopPerTokenOfShape / shapesAtEqualParams: the generalised Kaplan Table 1
 * count (gated MLPs, GQA, tied embeddings, mixtures of experts), checked by properties and against
 * printed parameter counts with stated tolerances.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countParameters, nonEmbeddingParams, nonEmbeddingParamsOfShape, shapesAtEqualParams, type CountedShape } from '../../src/lib/transformer.ts';
import { forwardFlopPerToken, forwardFlopPerTokenOfShape } from '../../src/lib/compute.ts';
import { model } from '../../src/lib/data.ts';

const layers = fc.integer({ min: 1, max: 200 });
const heads = fc.integer({ min: 1, max: 128 });
const headWidth = fc.integer({ min: 1, max: 256 });
const vocab = fc.integer({ min: 2, max: 300_000 });
const ffn = fc.constantFrom('standard' as const, 'gated' as const);
const embeddings = fc.constantFrom('tied' as const, 'untied' as const);
const positions = fc.constantFrom('learned' as const, 'rotary' as const);

/** A random shape with whole-number widths (so exact equalities hold). */
const shapes = fc
  .record({ nLayer: layers, nHeads: heads, dHead: headWidth, dFf: fc.integer({ min: 1, max: 50_000 }), nVocab: vocab, nCtx: fc.integer({ min: 1, max: 100_000 }), ffn, embeddings, positions, kvDivisor: fc.integer({ min: 1, max: 16 }) })
  .map(({ kvDivisor, ...s }): CountedShape => ({ ...s, dModel: s.nHeads * s.dHead, nKvHeads: Math.max(1, Math.floor(s.nHeads / kvDivisor)) }));

describe('countParameters (Kaplan Table 1, generalised)', () => {
  it('is Kaplan’s 12·n_layer·d_model² for the standard shape, equal to nonEmbeddingParams', () => {
    fc.assert(
      fc.property(layers, heads, headWidth, vocab, (nLayer, nHeads, dHead, nVocab) => {
        const dModel = nHeads * dHead;
        const p = countParameters({ nLayer, dModel, nHeads, ffn: 'standard', nVocab, embeddings: 'tied', positions: 'rotary' });
        expect(p.nonEmbedding).toBe(12 * nLayer * dModel * dModel);
        expect(p.nonEmbedding).toBe(nonEmbeddingParams({ nLayer, dModel }));
      }),
    );
  });

  it('with n_kv = n_heads (GQA) equals standard multi-head attention', () => {
    fc.assert(
      fc.property(shapes, (s) => {
        const { nKvHeads: _drop, ...mha } = s;
        expect(countParameters({ ...s, nKvHeads: s.nHeads })).toEqual(countParameters(mha));
      }),
    );
  });

  it('fewer key/value heads shrink only the key and value projections: by 2·n_layer·d_model·(n_heads − n_kv)·d_head', () => {
    fc.assert(
      fc.property(shapes, (s) => {
        const mha = countParameters({ ...s, nKvHeads: s.nHeads });
        const gqa = countParameters(s);
        expect(mha.attention - gqa.attention).toBe(2 * s.nLayer * s.dModel * (s.nHeads! - s.nKvHeads!) * s.dHead!);
        expect(gqa.feedForward).toBe(mha.feedForward);
      }),
    );
  });

  it('gated with d_ff·2/3 has the parameters of ungated with d_ff', () => {
    fc.assert(
      fc.property(shapes, fc.integer({ min: 1, max: 20_000 }), (s, third) => {
        const dFf = 3 * third;
        const gated = countParameters({ ...s, ffn: 'gated', dFf: (2 * dFf) / 3 });
        const plain = countParameters({ ...s, ffn: 'standard', dFf });
        expect(gated.total).toBe(plain.total);
      }),
    );
  });

  it('a mixture of one expert equals the dense model; with E experts the feed-forward grows E-fold and the active part k-fold', () => {
    fc.assert(
      fc.property(shapes, fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), (s, E, kRaw) => {
        const k = Math.min(E, kRaw);
        expect(countParameters({ ...s, nExperts: 1, nActiveExperts: 1 })).toEqual(countParameters(s));
        const dense = countParameters(s);
        const moe = countParameters({ ...s, nExperts: E, nActiveExperts: k });
        expect(moe.feedForward).toBe(E * dense.feedForward);
        expect(moe.feedForwardActive).toBe(k * dense.feedForward);
        expect(moe.active).toBeLessThanOrEqual(moe.total);
        expect(moe.attention + moe.embedding).toBe(dense.attention + dense.embedding);
      }),
    );
  });

  it('tied ≤ untied, by exactly one n_vocab·d_model matrix; parts add up to the totals', () => {
    fc.assert(
      fc.property(shapes, (s) => {
        const tied = countParameters({ ...s, embeddings: 'tied' });
        const untied = countParameters({ ...s, embeddings: 'untied' });
        expect(tied.total).toBeLessThanOrEqual(untied.total);
        expect(untied.total - tied.total).toBe(s.nVocab * s.dModel);
        for (const p of [tied, untied]) {
          expect(p.embedding).toBe(p.tokenEmbedding + p.outputEmbedding + p.positionEmbedding);
          expect(p.total).toBe(p.nonEmbedding + p.embedding);
          expect(p.nonEmbedding).toBe(nonEmbeddingParamsOfShape(s));
        }
      }),
    );
  });

  it('GPT-3 175B’s printed shape (Brown et al. 2020, Table 2.1) lands within 1 % of the printed 175.0B', () => {
    const m = model('gpt-3-175b');
    const total = countParameters(m.shape!).total;
    // Tolerance 1 %: biases and norms are left out; the count is 174.6B (Table D.1 uses 174,600 million).
    expect(Math.abs(total / m.parameters.value - 1)).toBeLessThan(0.01);
  });

  it('Chinchilla’s printed shape (Hoffmann et al. 2022, Table 4) counts 7–9 % short of the printed 70 billion', () => {
    // What we find (not a tolerance): 12·80·8192² = 64.4B non-embedding plus 32,000·8,192 embedding = 64.7B, 7.6 % below 70B.
    // The paper does not break 70B down; the same shortfall appears for Gopher (Table 4 vs 280B).
    for (const id of ['chinchilla-70b', 'gopher-280b']) {
      const m = model(id);
      const short = 1 - countParameters(m.shape!).total / m.parameters.value;
      expect(short, id).toBeGreaterThan(0.07);
      expect(short, id).toBeLessThan(0.09);
    }
  });

  it('Llama 2 7B (32 layers, 4,096, d_ff 11,008, gated, vocabulary 32,000, untied) gives ≈ 6.74B', () => {
    // Touvron et al. 2023 (Llama 2) print "7B"; the released weights hold 6,738,415,616 parameters, of which
    // norms are 266,240. Tolerance 0.1 % of 6.74B: norms and rounding of the "6.74B".
    const p = countParameters({ nLayer: 32, dModel: 4096, nHeads: 32, dFf: 11008, ffn: 'gated', nVocab: 32000, embeddings: 'untied', positions: 'rotary' });
    expect(Math.abs(p.total / 6.74e9 - 1)).toBeLessThan(0.001);
  });

  it('Mixtral 8x7B’s shape gives the 47B total and 13B active parameters Jiang et al. 2024 print (abstract)', () => {
    // 32 layers, 4,096, d_ff 14,336, 32 heads, 8 key/value heads, 8 experts, 2 per token, vocabulary 32,000, untied.
    // Tolerance: half a unit of the last printed digit (±0.5B).
    const p = countParameters({ nLayer: 32, dModel: 4096, nHeads: 32, nKvHeads: 8, dFf: 14336, ffn: 'gated', nVocab: 32000, embeddings: 'untied', positions: 'rotary', nExperts: 8, nActiveExperts: 2 });
    expect(Math.abs(p.total - 47e9)).toBeLessThan(0.5e9);
    expect(Math.abs(p.active - 13e9)).toBeLessThan(0.5e9);
  });
});

describe('forwardFlopPerTokenOfShape (Kaplan Eq. 2.2)', () => {
  it('equals forwardFlopPerToken for the standard shape', () => {
    fc.assert(
      fc.property(layers, heads, headWidth, fc.integer({ min: 1, max: 100_000 }), (nLayer, nHeads, dHead, nCtx) => {
        const dModel = nHeads * dHead;
        const shape: CountedShape = { nLayer, dModel, nHeads, ffn: 'standard', nVocab: 50257, embeddings: 'tied', positions: 'learned', nCtx };
        expect(forwardFlopPerTokenOfShape(shape, nCtx)).toBe(forwardFlopPerToken({ nLayer, dModel, nCtx }));
      }),
    );
  });

  it('counts active parameters only: more idle experts add no FLOP', () => {
    fc.assert(
      fc.property(shapes, fc.integer({ min: 1, max: 64 }), (s, E) => {
        const one = forwardFlopPerTokenOfShape({ ...s, nExperts: E, nActiveExperts: 1 }, s.nCtx!);
        expect(forwardFlopPerTokenOfShape({ ...s, nExperts: E + 7, nActiveExperts: 1 }, s.nCtx!)).toBe(one);
        expect(one).toBe(forwardFlopPerTokenOfShape(s, s.nCtx!));
      }),
    );
  });
});

describe('shapesAtEqualParams (Kaplan §3.1, Figure 5)', () => {
  it('keeps 12·n_layer·d_model² = N with whole layers, one shape per ratio', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e5, max: 1e13, noNaN: true }), fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 1, maxLength: 5 }), (N, ratios) => {
        const out = shapesAtEqualParams(N, ratios);
        expect(out).toHaveLength(ratios.length);
        for (const s of out) {
          expect(Number.isInteger(s.nLayer)).toBe(true);
          expect(s.nLayer).toBeGreaterThanOrEqual(1);
          expect(Math.abs((12 * s.nLayer * s.dModel * s.dModel) / N - 1)).toBeLessThan(1e-12);
          expect(s.ratio).toBeCloseTo(s.dModel / s.nLayer, 9);
        }
      }),
    );
  });

  it('gives back Kaplan’s (48, 1600) at its own aspect ratio', () => {
    const [s] = shapesAtEqualParams(nonEmbeddingParams({ nLayer: 48, dModel: 1600 }), [1600 / 48]);
    expect(s!.nLayer).toBe(48);
    expect(s!.dModel).toBeCloseTo(1600, 6);
  });
});
