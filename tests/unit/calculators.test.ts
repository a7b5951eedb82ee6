/** State modules of the smaller calculators: compared with the papers' printed values where they exist. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { constantsOf, accelerators } from '../../src/lib/data.ts';
import { PARAMETRIC_SETS } from '../../src/lib/ledger.ts';
import { optimalAllocation, lossHat } from '../../src/lib/chinchilla.ts';
import { compute as convert, solved, type ConverterState } from '../../components/widgets/converter/state.ts';
import { compute as kx, kxRows, type KxConstants, type KxState } from '../../components/widgets/kx/state.ts';
import { breakdown, compute as runLoss, type RunConstants } from '../../components/widgets/run-loss/state.ts';

const sets = PARAMETRIC_SETS.map((id) => ({ id, short: id, ...constantsOf(id, ['E', 'A', 'B', 'alpha', 'beta']) }));
const noBadWords = (texts: readonly string[]) => expect(texts.join(' ')).not.toMatch(/NaN|Infinity|undefined/);

describe('compute converter', () => {
  const c = { accelerators: accelerators.map((a) => ({ id: a.id, name: a.name, peak: a.peakTflops * 1e12 })) };
  const base: ConverterState = { solve: 'C', N: 174.6e9, D: 300e9, C: 1e23, gpus: 1024, mfu: 40, acc: 'v100' };

  it('GPT-3: 6 × 174,600M × 300B = 3.14e23 FLOP = 3.64e3 PF-days (Brown et al. 2020, Table D.1)', () => {
    const out = convert(base, c);
    expect(out.ok && out.text.flop).toBe('3.143e23 FLOP');
    // Printed as 3.64E+03 PF-days: three figures, so within half a unit of the third, ±5.
    const pfDays = Number((out.ok ? out.text.pfdays! : '').split(' ')[0]);
    expect(Math.abs(pfDays - 3640)).toBeLessThanOrEqual(5);
  });

  it('any two give the third: solving each way round returns the same triple', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e6, max: 1e13, noNaN: true }), fc.double({ min: 1e8, max: 1e15, noNaN: true }), (N, D) => {
        const C = solved({ ...base, solve: 'C', N, D }).C;
        expect(solved({ ...base, solve: 'D', N, C }).D / D).toBeCloseTo(1, 9);
        expect(solved({ ...base, solve: 'N', D, C }).N / N).toBeCloseTo(1, 9);
      }),
    );
  });

  it('refuses an impossible combination with a message, never NaN', () => {
    const out = convert({ ...base, solve: 'N', C: 1e10, D: 1e17 }, c);
    expect(out.ok).toBe(false);
    if (!out.ok) noBadWords([out.message]);
  });
});

describe('what does k× buy', () => {
  const c: KxConstants = { ...constantsOf('kaplan-2020-summary', ['alphaN', 'alphaD', 'alphaCmin']), sets };
  const base: KxState = { k: 10, what: 'N', N: 70e9, D: 1.4e12 };
  const reduction = (s: KxState) => 1 - kxRows(s, c)[0]!.ratio;

  it('M1 (brief §C): 10× N, D, C_min cut Kaplan’s loss by 16.1 %, 19.6 %, 10.9 % (Kaplan Eq. 1.1–1.3), not k^α − 1', () => {
    expect(Math.abs(reduction(base) - 0.161)).toBeLessThan(0.0005);
    expect(Math.abs(reduction({ ...base, what: 'D' }) - 0.196)).toBeLessThan(0.0005);
    expect(Math.abs(reduction({ ...base, what: 'C' }) - 0.109)).toBeLessThan(0.0005);
    const out = kx(base, c);
    expect(out.ok && out.text.m1).toContain('19.1 %');
    expect(out.ok && out.text.m1).toContain('= 16.1 %');
  });

  it('M2: about 5 % is the doubling figure (Kaplan §1.2: 2^−0.076 ≈ 0.95)', () => {
    expect(Math.abs(reduction({ ...base, k: 2 }) - 0.05)).toBeLessThan(0.002);
  });

  it('the parametric fits always buy less than Kaplan’s power law at the same k, and more k never hurts', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.01, max: 1e4, noNaN: true }), fc.constantFrom('N' as const, 'D' as const, 'C' as const), (k, what) => {
        const rows = kxRows({ ...base, k, what }, c);
        const bigger = kxRows({ ...base, k: k * 2, what }, c);
        rows.forEach((r, i) => {
          expect(r.ratio).toBeLessThan(1);
          expect(bigger[i]!.ratio).toBeLessThanOrEqual(r.ratio + 1e-12);
        });
        const out = kx({ ...base, k, what }, c);
        if (out.ok) noBadWords(Object.values(out.text));
      }),
    );
  });
});

describe('loss of a training run', () => {
  const c: RunConstants = { kaplan: constantsOf('kaplan-2020-joint-nd', ['alphaN', 'alphaD', 'Nc', 'Dc']), sets };

  it('the breakdown adds up to L̂ and a compute-optimal run is “within 5 %”', () => {
    fc.assert(
      fc.property(fc.double({ min: 18, max: 27, noNaN: true }), fc.constantFrom(...PARAMETRIC_SETS), (logC, id) => {
        const set = sets.find((s) => s.id === id)!;
        const opt = optimalAllocation(10 ** logC, set);
        const b = breakdown(opt.N, opt.D, set);
        expect((b.E + b.model + b.data) / lossHat(opt.N, opt.D, set)).toBeCloseTo(1, 12);
        const out = runLoss({ N: opt.N, D: opt.D, set: id }, c);
        expect(out.ok && out.text.frontier).toContain('within 5 % of compute-optimal');
      }),
    );
  });

  it('GPT-3 (175B on 300B tokens, Hoffmann Table 1) is undertrained under every set; a 7B model on 2T tokens is overtrained', () => {
    for (const id of PARAMETRIC_SETS) {
      const gpt3 = runLoss({ N: 175e9, D: 300e9, set: id }, c);
      expect(gpt3.ok && gpt3.text.frontier).toContain('undertrained');
      const small = runLoss({ N: 7e9, D: 2e12, set: id }, c);
      expect(small.ok && small.text.frontier).toContain('overtrained');
    }
  });
});
