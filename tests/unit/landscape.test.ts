import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lossHat, optimalAllocation, type ParametricConstants } from '../../src/lib/chinchilla.ts';
import { constantsOf } from '../../src/lib/data.ts';
import {
  contourLevels,
  contourLine,
  contourPosition,
  contourTokens,
  frontierOffset,
  frontierSegment,
  isoFlopSegment,
  kaplanAllocationAt,
  kaplanSegment,
  type LandscapeBox,
} from '../../src/lib/landscape.ts';
import { pfDaysToFlop } from '../../src/lib/units.ts';

const keys = ['E', 'A', 'B', 'alpha', 'beta'] as const;
const sets: ParametricConstants[] = ['hoffmann-2022-rounded', 'hoffmann-2022-precise', 'besiroglu-2024-refit'].map((id) => constantsOf(id, keys));
const anySet = fc.constantFrom(...sets);
const kaplan = constantsOf('kaplan-2020-compute-efficient', ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD']);
const logUniform = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }).map((e) => 10 ** e);
const box: LandscapeBox = { Nmin: 10 ** 7, Nmax: 10 ** 13, Dmin: 10 ** 8, Dmax: 10 ** 15 };
const inBox = (p: { N: number; D: number }) =>
  p.N >= box.Nmin * (1 - 1e-9) && p.N <= box.Nmax * (1 + 1e-9) && p.D >= box.Dmin * (1 - 1e-9) && p.D <= box.Dmax * (1 + 1e-9);
const close = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.abs(b);

describe('contours of L̂(N, D)', () => {
  it('a contour point has the contour’s loss (relative 1e-9)', () => {
    fc.assert(
      fc.property(anySet, logUniform(6, 14), fc.double({ min: 0.01, max: 5, noNaN: true }), (c, N, excess) => {
        const L = c.E + c.A / Math.pow(N, c.alpha) + excess; // reachable: more than the model term alone
        const D = contourTokens(L, N, c);
        if (D === undefined) return; // D overflowed: no finite answer
        expect(close(lossHat(N, D, c), L, 1e-9)).toBe(true);
      }),
    );
  });

  it('no D reaches a loss at or below E + A/N^α', () => {
    fc.assert(
      fc.property(anySet, logUniform(6, 14), fc.double({ min: 0, max: 0.999, noNaN: true }), (c, N, f) => {
        expect(contourTokens(c.E + f * (c.A / Math.pow(N, c.alpha)), N, c)).toBeUndefined();
      }),
    );
  });

  it('levels increase, lie inside the box’s loss range, and their lines stay in the box on the level', () => {
    for (const c of sets) {
      const levels = contourLevels(c, box);
      expect(levels.length).toBeGreaterThanOrEqual(5);
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeGreaterThanOrEqual(0.25 * (levels[i]! - c.E));
      for (const L of levels) {
        expect(L).toBeGreaterThan(lossHat(box.Nmax, box.Dmax, c));
        expect(L).toBeLessThan(lossHat(box.Nmin, box.Dmin, c));
        const line = contourLine(L, c, box);
        expect(line.length).toBeGreaterThan(10);
        for (const p of line) {
          expect(inBox(p)).toBe(true);
          expect(close(lossHat(p.N, p.D, c), L, 1e-6)).toBe(true);
        }
      }
    }
  });

  it('places a loss on a level or between its neighbours', () => {
    fc.assert(
      fc.property(anySet, logUniform(7, 13), logUniform(8, 15), (c, N, D) => {
        const levels = contourLevels(c, box);
        const L = lossHat(N, D, c);
        const p = contourPosition(L, levels);
        if (p.on !== undefined) expect(close(L, p.on, 0.002)).toBe(true);
        if (p.below !== undefined) expect(p.below).toBeLessThan(L);
        if (p.above !== undefined) expect(p.above).toBeGreaterThan(L);
        expect(p.below !== undefined || p.above !== undefined || p.on !== undefined).toBe(true);
        for (const x of levels) if (x !== p.on) expect(p.below === undefined || x <= p.below || (p.above !== undefined && x >= p.above)).toBe(true);
      }),
    );
  });
});

describe('the frontier on the landscape', () => {
  it('the frontier point minimises L̂ along its IsoFLOP line', () => {
    fc.assert(
      fc.property(anySet, logUniform(16, 30), logUniform(-3, 3), (c, C, f) => {
        const opt = optimalAllocation(C, c);
        const N = opt.N * f;
        const off = frontierOffset(N, C / (6 * N), c);
        expect(off.loss).toBeGreaterThanOrEqual(off.lossOpt - 1e-12 * off.lossOpt);
        expect(close(off.lossOpt, lossHat(opt.N, opt.D, c), 1e-12)).toBe(true);
      }),
    );
  });

  it('a point on the frontier reports factor 1; moving N by f along the IsoFLOP line reports f', () => {
    fc.assert(
      fc.property(anySet, logUniform(16, 30), logUniform(-3, 3), (c, C, f) => {
        const opt = optimalAllocation(C, c);
        expect(close(frontierOffset(opt.N, opt.D, c).factor, 1, 1e-9)).toBe(true);
        expect(close(frontierOffset(opt.N * f, opt.D / f, c).factor, f, 1e-9)).toBe(true);
      }),
    );
  });

  it('the frontier segment’s ends are in the box and on the frontier; IsoFLOP ends keep 6ND = C', () => {
    for (const c of sets) {
      const seg = frontierSegment(c, box);
      expect(seg).toHaveLength(2);
      for (const p of seg) {
        expect(inBox(p)).toBe(true);
        expect(close(frontierOffset(p.N, p.D, c).factor, 1, 1e-9)).toBe(true);
      }
    }
    fc.assert(
      fc.property(logUniform(16, 29), (C) => {
        for (const p of isoFlopSegment(C, box)) {
          expect(inBox(p)).toBe(true);
          expect(close(6 * p.N * p.D, C, 1e-12)).toBe(true);
        }
      }),
    );
    expect(isoFlopSegment(6 * box.Nmin * box.Dmin * 0.5, box)).toEqual([]);
  });
});

describe('Kaplan’s compute-efficient allocation on the same axes', () => {
  it('gives Table 6’s printed prefactors at C_min = 1 PF-day (N = 1.3e9 non-embedding, D = 2e10 tokens)', () => {
    const p = kaplanAllocationAt(pfDaysToFlop(1), kaplan);
    expect(close(p.N, 1.3e9, 1e-12)).toBe(true);
    expect(close(p.D, 2e10, 1e-12)).toBe(true);
  });

  it('its segment’s ends are in the box and on Table 6’s trend', () => {
    const seg = kaplanSegment(kaplan, box);
    expect(seg).toHaveLength(2);
    for (const p of seg) {
      expect(inBox(p)).toBe(true);
      const Cpf = Math.pow(p.N / kaplan.Ne, 1 / kaplan.pN);
      expect(close(p.D, kaplan.De * Math.pow(Cpf, kaplan.pD), 1e-9)).toBe(true);
    }
  });
});
