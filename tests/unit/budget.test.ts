import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocationForLoss, isoFlopLoss, isoFlopRange, lossHat, optimalAllocation, optimalN, type ParametricConstants } from '../../src/lib/chinchilla.ts';
import { anchorPowerLaw, anchoredAllocation, anchoredComputeForN } from '../../src/lib/approaches.ts';
import { constantsOf, table } from '../../src/lib/data.ts';
import { PARAMETRIC_SETS } from '../../src/lib/ledger.ts';
import { pfDaysToFlop } from '../../src/lib/units.ts';
import { budgetConstants } from '../../components/widgets/budget/constants.ts';
import { compute, lawRows, type BudgetState } from '../../components/widgets/budget/state.ts';

const sets: [string, ParametricConstants][] = PARAMETRIC_SETS.map((id) => [id, constantsOf(id, ['E', 'A', 'B', 'alpha', 'beta'])]);
const cell = (tableId: string, rowId: string, key: string) => {
  const c = table(tableId).rows.find((r) => r.id === rowId)!.cells[key]!;
  return (c as { value: number }).value;
};

describe('allocationForLoss (Hoffmann Eq. 2 on the Eq. 4 frontier, inverted)', () => {
  it.each(sets)('%s: the allocation reaches the target loss and is compute-optimal for its budget', (_id, c) => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 5, noNaN: true }), (excess) => {
        const L = c.E + excess;
        const x = allocationForLoss(L, c);
        expect(lossHat(x.N, x.D, c) / L).toBeCloseTo(1, 9);
        expect(optimalN(x.C, c) / x.N).toBeCloseTo(1, 9);
        expect(6 * x.N * x.D).toBeCloseTo(x.C, -Math.floor(Math.log10(x.C)) + 9);
      }),
    );
  });

  it.each(sets)('%s: a loss at or below E is refused', (_id, c) => {
    expect(() => allocationForLoss(c.E, c)).toThrow(RangeError);
    expect(() => allocationForLoss(c.E - 0.1, c)).toThrow(/irreducible/);
  });
});

describe('isoFlopRange (how flat the optimum is)', () => {
  it.each(sets)('%s: the range brackets N_opt and its ends sit on the tolerance', (_id, c) => {
    fc.assert(
      fc.property(fc.double({ min: 18, max: 28, noNaN: true }), fc.constantFrom(0.005, 0.01, 0.05), (logC, tol) => {
        const C = 10 ** logC;
        const r = isoFlopRange(C, c, tol);
        const opt = optimalAllocation(C, c);
        const best = lossHat(opt.N, opt.D, c);
        expect(r.Nlo).toBeLessThan(opt.N);
        expect(r.Nhi).toBeGreaterThan(opt.N);
        expect(isoFlopLoss(C, r.Nlo, c) / ((1 + tol) * best)).toBeCloseTo(1, 8);
        expect(isoFlopLoss(C, r.Nhi, c) / ((1 + tol) * best)).toBeCloseTo(1, 8);
        expect((6 * r.Nhi * r.Dlo) / C).toBeCloseTo(1, 9);
      }),
    );
  });

  it('a wider tolerance gives a wider range', () => {
    const c = sets[1]![1];
    const half = isoFlopRange(5.76e23, c, 0.005);
    const one = isoFlopRange(5.76e23, c, 0.01);
    expect(one.Nlo).toBeLessThan(half.Nlo);
    expect(one.Nhi).toBeGreaterThan(half.Nhi);
  });
});

describe('Approaches 1 and 2 anchored on their projections', () => {
  it('recovers the prefactor of points that lie exactly on a power law', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 0.3, max: 0.8, noNaN: true }), (k, a) => {
        const points = [1e19, 1e21, 1e23, 1e25].map((C) => ({ C, N: k * C ** a }));
        expect(anchorPowerLaw(points, a).k / k).toBeCloseTo(1, 9);
        expect(anchoredComputeForN(anchoredAllocation(1e22, { k, a }).N, { k, a }) / 1e22).toBeCloseTo(1, 9);
      }),
    );
  });

  // Table 3 prints N and C for Approach 1 to 2–3 significant figures; with a = 0.50 from Table 2 the
  // anchored law must give back every printed row within 10 %.
  it.each(table('hoffmann-2022-table-3').rows.map((r) => r.id ?? ''))('Approach 1 reproduces Table 3 row %s within 10 %', (row) => {
    const rule = budgetConstants().approach1;
    const N = anchoredAllocation(cell('hoffmann-2022-table-3', row, 'flops'), rule).N;
    expect(Math.abs(N / cell('hoffmann-2022-table-3', row, 'parameters') - 1)).toBeLessThan(0.1);
  });

  it.each(table('hoffmann-2022-table-a3').rows.map((r) => r.id ?? ''))('Approach 2 reproduces Table A3 row %s within 10 %', (row) => {
    const rule = budgetConstants().approach2;
    const N = anchoredAllocation(cell('hoffmann-2022-table-a3', row, 'approach2Flops'), rule).N;
    expect(Math.abs(N / cell('hoffmann-2022-table-a3', row, 'parameters') - 1)).toBeLessThan(0.1);
  });
});

describe('budget calculator state', () => {
  const c = budgetConstants();
  const base: BudgetState = { C: 5.76e23, source: 'flop', gpus: 1024, days: 30, mfu: 40, acc: 'h100-sxm', price: 0, N: 7e10, L: 2, set: 'hoffmann-2022-precise' };

  it('Kaplan Table 6: N_opt = 1.3e9 non-embedding parameters at 1 PF-day (the printed prefactor)', () => {
    const kaplan = lawRows(pfDaysToFlop(1), c).find((r) => r.key === 'kaplan')!;
    expect(kaplan.N).toBeCloseTo(1.3e9, -6);
    expect(kaplan.nKind).toBe('non-embedding');
  });

  it('Approach 3 (precise) gives about 40B parameters at the Gopher budget (Hoffmann §3.3, Figure 4: "40B")', () => {
    const row = lawRows(5.76e23, c).find((r) => r.key === 'hoffmann-2022-precise')!;
    expect(row.N / 40e9).toBeGreaterThan(0.97);
    expect(row.N / 40e9).toBeLessThan(1.03);
  });

  it('converts a cluster into FLOP: accelerators × days × 86,400 s × dense peak × MFU', () => {
    const out = compute({ ...base, source: 'cluster', gpus: 2048, days: 10, mfu: 50, acc: 'a100' }, c);
    expect(out.ok && out.text.budget).toContain('= 2.76e23 FLOP');
  });

  it('refuses a target loss at or below E but still answers the rest', () => {
    const out = compute({ ...base, L: 1.5 }, c);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.messages?.L).toMatch(/irreducible loss is E/);
    expect(out.text.summary).toContain('5.76e23');
  });

  it('never prints NaN, Infinity or undefined for any accepted input', () => {
    fc.assert(
      fc.property(
        fc.record({
          C: fc.double({ min: 1e15, max: 1e30, noNaN: true }),
          source: fc.constantFrom('flop' as const, 'cluster' as const),
          gpus: fc.integer({ min: 1, max: 1e7 }),
          days: fc.double({ min: 0.01, max: 1e4, noNaN: true }),
          mfu: fc.double({ min: 1, max: 100, noNaN: true }),
          acc: fc.constantFrom(...c.accelerators.map((a) => a.id)),
          price: fc.double({ min: 0, max: 1e5, noNaN: true }),
          N: fc.double({ min: 1e6, max: 1e15, noNaN: true }),
          L: fc.double({ min: 0.01, max: 100, noNaN: true }),
          set: fc.constantFrom(...PARAMETRIC_SETS),
        }),
        (s) => {
          const out = compute(s, c);
          const text = out.ok ? [...Object.values(out.text), out.description ?? '', ...Object.values(out.messages ?? {})].join(' ') : out.message;
          expect(text).not.toMatch(/NaN|Infinity|undefined/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
