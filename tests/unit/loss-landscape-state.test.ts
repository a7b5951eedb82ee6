import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { optimalAllocation } from '../../src/lib/chinchilla.ts';
import { constantsOf } from '../../src/lib/data.ts';
import { contourLevels, contourTokens } from '../../src/lib/landscape.ts';
import { PARAMETRIC_SETS } from '../../src/lib/ledger.ts';
import { pfDaysToFlop } from '../../src/lib/units.ts';
import { BOX, fromPixel, stepLog, toPixel } from '../../components/widgets/loss-landscape/layout.ts';
import { compute, type LandscapeConstants, type LandscapeState } from '../../components/widgets/loss-landscape/state.ts';

const constants: LandscapeConstants = {
  sets: PARAMETRIC_SETS.map((id) => ({ id, short: id, ...constantsOf(id, ['E', 'A', 'B', 'alpha', 'beta']) })),
  kaplan: constantsOf('kaplan-2020-compute-efficient', ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD']),
};
const logUniform = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }).map((e) => 10 ** e);
const anySet = fc.constantFrom(...PARAMETRIC_SETS);

function texts(s: LandscapeState): Record<string, string> {
  const out = compute(s, constants);
  if (!out.ok) throw new Error(out.message);
  return { ...out.text, description: out.description ?? '' };
}

describe('loss landscape compute', () => {
  it('answers every point of the box in words, never NaN, Infinity or undefined', () => {
    fc.assert(
      fc.property(logUniform(7, 13), logUniform(8, 15), anySet, (N, D, set) => {
        for (const t of Object.values(texts({ N, D, set }))) expect(t).not.toMatch(/NaN|Infinity|undefined/);
      }),
    );
  });

  it('calls a frontier point on the frontier, and a point moved along its IsoFLOP line under- or overtrained by that factor', () => {
    fc.assert(
      fc.property(logUniform(19, 25), anySet, fc.constantFrom(1 / 8, 1 / 3, 3, 8), (C, set, f) => {
        const c = constants.sets.find((x) => x.id === set)!;
        const opt = optimalAllocation(C, c);
        expect(texts({ N: opt.N, D: opt.D, set }).regime).toMatch(/on the compute-optimal frontier: its N is 1× the optimal N/);
        const moved = texts({ N: opt.N * f, D: opt.D / f, set }).regime;
        if (f > 1) expect(moved).toContain(`undertrained: its N is ${f}×`);
        else expect(moved).toContain(`overtrained: its N is ${1 / f}× smaller`);
      }),
    );
  });

  it('names the contour a point lies on', () => {
    for (const c of constants.sets) {
      const levels = contourLevels(c, BOX);
      const L = levels[Math.floor(levels.length / 2)]!;
      const N = 1e10;
      const D = contourTokens(L, N, c)!;
      expect(texts({ N, D, set: c.id }).contour).toMatch(/^It lies on the [\d.]+ nats\/token contour\.$/);
    }
  });

  it('gives Kaplan’s Table 6 choice at the point’s compute: N_e = 1.3e9 non-embedding parameters at 1 PF-day', () => {
    const N = 1e9;
    const D = pfDaysToFlop(1) / (6 * N);
    expect(texts({ N, D, set: 'hoffmann-2022-rounded' }).kaplan).toContain('N ≈ 1.3B non-embedding parameters and D ≈ 20B tokens');
  });
});

describe('the figure frame and the arrow-key step', () => {
  it('pixel ↔ (N, D) round-trips inside the box', () => {
    fc.assert(
      fc.property(logUniform(7, 13), logUniform(8, 15), fc.integer({ min: 300, max: 640 }), (N, D, width) => {
        const p = toPixel({ N, D }, width);
        const back = fromPixel(p.x, p.y, width);
        expect(Math.abs(Math.log10(back.N / N))).toBeLessThan(1e-9);
        expect(Math.abs(Math.log10(back.D / D))).toBeLessThan(1e-9);
      }),
    );
  });

  it('a step moves by the asked decades (to 4 significant figures) and stops at the box’s edges', () => {
    fc.assert(
      fc.property(logUniform(7.5, 12.5), fc.constantFrom(0.1, -0.1, 0.5, -0.5), (N, decades) => {
        const next = stepLog(N, decades, BOX.Nmin, BOX.Nmax);
        expect(Math.abs(next / (N * 10 ** decades) - 1)).toBeLessThan(1e-3);
      }),
    );
    expect(stepLog(BOX.Nmin * 1.1, -0.5, BOX.Nmin, BOX.Nmax)).toBe(BOX.Nmin);
    expect(stepLog(BOX.Dmax / 1.1, 0.5, BOX.Dmin, BOX.Dmax)).toBe(BOX.Dmax);
  });
});
