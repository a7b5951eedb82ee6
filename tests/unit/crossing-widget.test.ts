/** The crossing-point explorer's compute (components/widgets/crossing/state.ts). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { constantsOf } from '../../src/lib/data.ts';
import { crossingPoint, table6Growth } from '../../src/lib/kaplan.ts';
import { formatNumber } from '../../src/lib/units.ts';
import { compute, crossingFields, defaultState, type CrossingConstants } from '../../components/widgets/crossing/state.ts';

const K = constantsOf('kaplan-2020-summary', ['alphaCmin', 'Ccmin', 'alphaD', 'Dc']);
const T = constantsOf('kaplan-2020-compute-efficient', ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD', 'DEq67Prefactor', 'DEq67Exponent']);
const g6 = table6Growth(T);
const c: CrossingConstants = { ...K, growth: { table6: g6, eq67: { data: { prefactor: T.DEq67Prefactor, exponent: T.DEq67Exponent }, params: g6.params } } };

describe('crossing explorer', () => {
  it('the default state shows the Table 6 crossing, ~1e4 PF-days as Eq. (6.8) prints (within its order of magnitude)', () => {
    const out = compute(defaultState(c), c);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const p = crossingPoint(K, g6);
    expect(p.C).toBeGreaterThan(1e3);
    expect(p.C).toBeLessThan(1e5);
    expect(out.text.C).toContain(formatNumber(p.C, { sig: 3 }));
  });

  it('refuses exponents with no crossing ahead, naming the field', () => {
    const out = compute({ ...defaultState(c), aD: 0.2, pD: 0.5 }, c);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.field).toBe('pD');
  });

  it('never shows NaN or Infinity for any state its fields accept', () => {
    const [aC, aD, pD] = crossingFields(c).map((f) => f.spec);
    fc.assert(
      fc.property(
        fc.double({ min: aC!.min, max: aC!.max, noNaN: true }),
        fc.double({ min: aD!.min, max: aD!.max, noNaN: true }),
        fc.double({ min: pD!.min, max: pD!.max, noNaN: true }),
        fc.constantFrom('table6' as const, 'eq67' as const),
        (a, d, p, data) => {
          const out = compute({ aC: a, aD: d, pD: p, data }, c);
          const text = out.ok ? Object.values(out.text).join(' ') + (out.description ?? '') : out.message;
          expect(text).not.toMatch(/NaN|Infinity|undefined/);
        },
      ),
    );
  });
});
