/**
 * The laws' choices at a budget and their verdicts on trained models (src/lib/verdicts.ts), the
 * closed forms they rest on (chinchilla.ts frontierLoss / computeForLoss, kaplan.ts
 * lossNDComputeOptimal / computeForLossND), the parameter counts of printed shapes
 * (transformer.ts), the page words (verdict-text.ts) and the table sorting (sort.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantsOf, model, models } from '../../src/lib/data.ts';
import { computeForLoss, frontierLoss, lossHat, optimalAllocation } from '../../src/lib/chinchilla.ts';
import { computeForLossND, lossND, lossNDComputeOptimal } from '../../src/lib/kaplan.ts';
import { embeddingParamsOfShape, nonEmbeddingParams, nonEmbeddingParamsOfShape, type PrintedShape } from '../../src/lib/transformer.ts';
import { LAWS, approachFit, budgets, choiceAt, choicesAt, disagreement, modelsNear, readings, superscript, verdicts } from '../../src/lib/verdicts.ts';
import { pfDaysToFlop } from '../../src/lib/units.ts';
import { trainingWords, sizeWords } from '../../src/lib/verdict-text.ts';
import { compareValues, matchesFilter, parseSortValue, sortOrder } from '../../components/widgets/sortable-table/sort.ts';
import { PARAMETRIC_SETS } from '../../src/lib/ledger.ts';

const rel = (a: number, b: number) => Math.abs(a / b - 1);
const budget = fc.double({ min: 1e17, max: 1e28, noNaN: true });

describe('Chinchilla frontier loss and its inverse (closed forms derived on this site)', () => {
  it.each(PARAMETRIC_SETS)('%s: frontierLoss(C) = L̂ at Eq. (4)’s optimum, and computeForLoss inverts it', (set) => {
    const c = constantsOf(set, ['E', 'A', 'B', 'alpha', 'beta']);
    fc.assert(
      fc.property(budget, (C) => {
        const opt = optimalAllocation(C, c);
        expect(rel(frontierLoss(C, c), lossHat(opt.N, opt.D, c))).toBeLessThan(1e-12);
        expect(rel(computeForLoss(frontierLoss(C, c), c), C)).toBeLessThan(1e-9);
      }),
    );
  });

  it('refuses a loss at or below E with a message', () => {
    const c = constantsOf('besiroglu-2024-refit', ['E', 'A', 'B', 'alpha', 'beta']);
    expect(() => computeForLoss(c.E, c)).toThrow(/not above E/);
  });
});

describe('Kaplan L(N, D) minimised at fixed 6ND', () => {
  const c = constantsOf('kaplan-2020-joint-nd', ['alphaN', 'alphaD', 'Nc', 'Dc']);
  it('is a minimum: moving N either way at the same budget raises the loss; computeForLossND inverts it', () => {
    fc.assert(
      fc.property(budget, fc.double({ min: 1.01, max: 10, noNaN: true }), (C, k) => {
        const o = lossNDComputeOptimal(C, c);
        expect(rel(6 * o.N * o.D, C)).toBeLessThan(1e-12);
        expect(rel(lossND(o.N, o.D, c), o.L)).toBeLessThan(1e-12);
        expect(lossND(o.N * k, o.D / k, c)).toBeGreaterThan(o.L);
        expect(lossND(o.N / k, o.D * k, c)).toBeGreaterThan(o.L);
        expect(rel(computeForLossND(o.L, c), C)).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('each law’s choice at a budget', () => {
  it('spends exactly the budget: 6·N·D = C for every law', () => {
    fc.assert(
      fc.property(budget, (C) => {
        for (const ch of choicesAt(C)) expect(rel(6 * ch.N * ch.D, C), ch.law).toBeLessThan(1e-12);
      }),
    );
  });

  it('Kaplan Table 6 at 1 PF-day chooses N_e non-embedding parameters', () => {
    const { Ne } = constantsOf('kaplan-2020-compute-efficient', ['Ne']);
    expect(rel(choiceAt('kaplan-table-6', pfDaysToFlop(1)).N, Ne)).toBeLessThan(1e-12);
  });

  it('Approaches 1 and 2 grow as Table 2 prints (a = 0.50, 0.49) and fit their own projections within 15 %', () => {
    for (const [approach, a] of [[1, 0.5], [2, 0.49]] as const) {
      const fit = approachFit(approach);
      expect(fit.a).toBe(a);
      for (const row of fit.rows) expect(rel(fit.k * Math.pow(row.C, fit.a), row.N), `${approach}: ${row.N}`).toBeLessThan(0.15);
    }
  });

  it('refuses a budget that is not positive and finite', () => {
    expect(() => choiceAt('besiroglu-2024-refit', 0)).toThrow(/positive, finite budget/);
    expect(() => choiceAt('kaplan-table-6', Number.NaN)).toThrow(/positive, finite budget/);
  });

  it('Kaplan chooses more parameters than every Chinchilla reading above 1e21 FLOP (N ∝ C^0.73 against ≈ C^0.5), and the disagreement grows with C', () => {
    let last = 0;
    for (const b of budgets().filter((x) => x.C >= 1e21)) {
      const cs = choicesAt(b.C);
      const kaplan = cs.find((c) => c.law === 'kaplan-table-6')!;
      for (const c of cs) if (c !== kaplan) expect(kaplan.N).toBeGreaterThan(c.N);
      const d = disagreement(cs);
      expect(d.ratio).toBeGreaterThan(last);
      last = d.ratio;
    }
  });
});

describe('verdicts on every model', () => {
  it.each(models.map((m) => [m.id, m] as const))('%s: finite, D/D_opt = N_opt/N, and no law’s optimum needs more compute for the same loss', (_id, m) => {
    for (const r of readings(m)) {
      for (const v of verdicts(r)) {
        expect(rel(v.tokensOverOptimal * v.parametersOverOptimal, 1), v.law).toBeLessThan(1e-9);
        if (v.computeEfficiency !== undefined) {
          expect(v.computeEfficiency, v.law).toBeGreaterThan(0);
          expect(v.computeEfficiency, v.law).toBeLessThanOrEqual(1 + 1e-9);
        }
        for (const x of [v.N, v.choice.N, v.choice.D, v.loss ?? 1, v.equivalentCompute ?? 1]) expect(Number.isFinite(x), v.law).toBe(true);
      }
      expect(verdicts(r).map((v) => v.law)).toEqual(LAWS.map((l) => l.id));
    }
  });
});

describe('the budget ladder', () => {
  const all = budgets();
  it('has every decade 1e18 … 1e27, Gopher’s 5.76e23 and the largest 6ND in the fixture, sorted, with unique ids', () => {
    expect(all).toHaveLength(12);
    for (let k = 18; k <= 27; k++) expect(all.map((b) => b.id)).toContain(`1e${k}`);
    expect(all.find((b) => b.id === 'gopher')!.C).toBe(5.76e23);
    const largest = Math.max(...models.map((m) => 6 * m.parameters.value * m.trainingTokens.value));
    expect(all.find((b) => b.id === 'largest-in-ledger')!.C).toBe(largest);
    expect(new Set(all.map((b) => b.id)).size).toBe(all.length);
    expect(all.map((b) => b.C)).toEqual([...all.map((b) => b.C)].sort((a, b) => a - b));
  });

  it('finds Gopher and Chinchilla near Gopher’s budget, and nobody near 1e18', () => {
    const near = modelsNear(5.76e23).map((m) => m.id);
    expect(near).toEqual(expect.arrayContaining(['gopher-280b', 'chinchilla-70b']));
    expect(modelsNear(1e18)).toEqual([]);
    expect(modelsNear(model('gpt-3-175b').reportedTrainingFlop!.value).map((m) => m.id)).toContain('gpt-3-175b');
  });

  it('titles decades with superscripts', () => {
    expect(all[0]!.title).toBe(`10${superscript(18)} FLOP`);
    expect(superscript(27)).toBe('²⁷');
    expect(() => superscript(-1)).toThrow(RangeError);
  });
});

describe('printed shapes (Kaplan Eq. 2.1 and Table 1, generalised)', () => {
  const shape = fc.record({ nLayer: fc.integer({ min: 1, max: 200 }), dModel: fc.integer({ min: 8, max: 30000 }) });
  it('reduce to 12·n_layer·d_model² for the standard shape, whatever the head count', () => {
    fc.assert(
      fc.property(shape, fc.constantFrom(1, 2, 4, 8), ({ nLayer, dModel }, heads) => {
        const s: PrintedShape = { nLayer, dModel: dModel * heads, nHeads: heads, ffn: 'standard', nVocab: 1000, embeddings: 'tied', positions: 'rotary' };
        expect(nonEmbeddingParamsOfShape(s)).toBe(nonEmbeddingParams({ nLayer, dModel: dModel * heads }));
      }),
    );
  });

  it('fewer key/value heads and a gated unit change exactly the terms they should', () => {
    const base: PrintedShape = { nLayer: 2, dModel: 64, nHeads: 8, dFf: 100, ffn: 'standard', nVocab: 10, embeddings: 'tied', positions: 'rotary' };
    expect(nonEmbeddingParamsOfShape(base) - nonEmbeddingParamsOfShape({ ...base, nKvHeads: 2 })).toBe(2 * 2 * 64 * (8 - 2) * 8);
    expect(nonEmbeddingParamsOfShape({ ...base, ffn: 'gated' }) - nonEmbeddingParamsOfShape(base)).toBe(2 * 64 * 100);
  });

  it('count the output embedding twice when untied and learned positions as n_ctx·d_model', () => {
    const s: PrintedShape = { nLayer: 1, dModel: 10, ffn: 'standard', nVocab: 100, embeddings: 'tied', positions: 'learned', nCtx: 7 };
    expect(embeddingParamsOfShape(s)).toBe(1070);
    expect(embeddingParamsOfShape({ ...s, embeddings: 'untied' })).toBe(2070);
    expect(embeddingParamsOfShape({ ...s, positions: 'rotary' })).toBe(1000);
    expect(embeddingParamsOfShape({ ...s, embeddings: 'not stated' })).toBe(1070);
  });
});

describe('verdict words', () => {
  it('name the direction and the factor, and refuse what is not a positive ratio', () => {
    expect(trainingWords(4)).toBe('over-trained 4×');
    expect(trainingWords(0.25)).toBe('under-trained 4×');
    expect(trainingWords(1.05)).toBe('at the optimum');
    expect(sizeWords(3.5)).toBe('3.5× larger than');
    expect(sizeWords(0.5)).toBe('2× smaller than');
    expect(() => trainingWords(Number.NaN)).toThrow(RangeError);
    expect(() => sizeWords(0)).toThrow(RangeError);
  });
});

describe('table sorting and filtering', () => {
  const value = fc.oneof(fc.double({ noNaN: true, min: -1e30, max: 1e30 }), fc.string({ maxLength: 6 }));
  it('sortOrder is a stable permutation in order, both ways', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), fc.constantFrom('ascending', 'descending') as fc.Arbitrary<'ascending' | 'descending'>, (vs, dir) => {
        const order = sortOrder(vs, dir);
        expect([...order].sort((a, b) => a - b)).toEqual(vs.map((_, i) => i));
        for (let i = 1; i < order.length; i++) {
          const c = compareValues(vs[order[i - 1]!]!, vs[order[i]!]!) * (dir === 'ascending' ? 1 : -1);
          expect(c).toBeLessThanOrEqual(0);
          if (c === 0) expect(order[i - 1]!).toBeLessThan(order[i]!);
        }
      }),
    );
  });

  it('parses numbers from data-sort and keeps text; numbers sort before text', () => {
    expect(parseSortValue(' 1.5e23 ')).toBe(1.5e23);
    expect(parseSortValue('LLaMA 7B')).toBe('LLaMA 7B');
    expect(parseSortValue('')).toBe('');
    expect(sortOrder(['b', 2, 'a', 1], 'ascending')).toEqual([3, 1, 2, 0]);
    expect(sortOrder(['Llama 10B', 'Llama 9B'], 'ascending')).toEqual([1, 0]);
  });

  it('filters by every word, case-insensitively', () => {
    expect(matchesFilter('LLaMA 65B  LLaMA 2023', 'llama 65')).toBe(true);
    expect(matchesFilter('LLaMA 65B', 'llama 70')).toBe(false);
    expect(matchesFilter('anything', '   ')).toBe(true);
  });
});
