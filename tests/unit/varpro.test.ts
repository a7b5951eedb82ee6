/**
 * Variable projection (Czech et al. 2026, arXiv:2603.22339, §5.2): recovery of known constants from
 * noiseless data (the paper's §5.3 reports ≈ 1e-7 % errors for 2-D variable projection), exactness of
 * the linear step, and the envelope-theorem gradient.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitVarPro, fitVarProPoints, leastSquares, profiledRss, projectLinear, toVarProData, varProRefits } from '../../src/lib/varpro.ts';
import { predictLoss, summarizeBootstrap, type LossPoint, type ScalingLawParams } from '../../src/lib/fit.ts';
import { figure4FitPoints } from '../../src/lib/figure4.ts';

function grid(p: ScalingLawParams, noise: (i: number) => number = () => 0): LossPoint[] {
  const out: LossPoint[] = [];
  for (let i = 0; i < 8; i++)
    for (let j = 0; j < 8; j++) {
      const N = 1e7 * 10 ** (i * 0.5);
      const D = 1e8 * 10 ** (j * (4 / 7));
      out.push({ N, D, loss: predictLoss(p, N, D) + noise(out.length) });
    }
  return out;
}
const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);

describe('variable projection', () => {
  it('recovers E, A, B, α, β from noiseless points where every term matters (property; relative error < 1e-5)', () => {
    fc.assert(
      fc.property(
        fc.record({
          E: fc.double({ min: 1, max: 3, noNaN: true }),
          A: fc.double({ min: 200, max: 2000, noNaN: true }),
          B: fc.double({ min: 200, max: 5000, noNaN: true }),
          alpha: fc.double({ min: 0.2, max: 0.5, noNaN: true }),
          beta: fc.double({ min: 0.2, max: 0.5, noNaN: true }),
        }),
        (truth) => {
          const fit = fitVarProPoints(grid(truth));
          expect(fit.refined).toBe(true);
          for (const k of ['E', 'A', 'B', 'alpha', 'beta'] as const) expect(rel(fit.params[k], truth[k])).toBeLessThan(1e-5);
          expect(fit.rss).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('leastSquares leaves a residual orthogonal to every column (normal equations; property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 12, maxLength: 12 }), (ys) => {
        const y = Float64Array.from(ys);
        const cols = [new Float64Array(12).fill(1), Float64Array.from(ys.map((_, i) => i)), Float64Array.from(ys.map((_, i) => Math.sqrt(i + 1)))];
        const { theta, rss } = leastSquares(cols, y);
        const r = y.map((v, i) => v - cols.reduce((s, c, j) => s + theta[j]! * c[i]!, 0));
        for (const c of cols) expect(Math.abs(c.reduce((s, v, i) => s + v * r[i]!, 0))).toBeLessThan(1e-9 * (1 + ys.reduce((s, v) => s + Math.abs(v), 0)) * 12);
        expect(rss).toBeCloseTo(r.reduce((s, v) => s + v * v, 0), 9);
      }),
    );
  });

  it('the non-negative projection never returns a negative coefficient and never beats the unconstrained one (property)', () => {
    const d = toVarProData(figure4FitPoints);
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 2, noNaN: true }), fc.double({ min: 0.01, max: 2, noNaN: true }), (alpha, beta) => {
        const nn = projectLinear(d.lnN, d.lnD, d.loss, alpha, beta, true);
        const ols = projectLinear(d.lnN, d.lnD, d.loss, alpha, beta, false);
        expect(Math.min(nn.E, nn.A, nn.B)).toBeGreaterThanOrEqual(0);
        expect(nn.rss).toBeGreaterThanOrEqual(ols.rss * (1 - 1e-9));
      }),
      { numRuns: 50 },
    );
  });

  it('the profiled gradient (envelope theorem) matches central finite differences', () => {
    const d = toVarProData(figure4FitPoints);
    const f = profiledRss(d.lnN, d.lnD, d.loss);
    const g = new Float64Array(2);
    const tmp = new Float64Array(2);
    for (const [a, b] of [[0.3, 0.35], [0.5, 0.2], [0.25, 0.6]] as const) {
      f(Float64Array.from([a, b]), g);
      const h = 1e-6;
      const fd0 = (f(Float64Array.from([a + h, b]), tmp) - f(Float64Array.from([a - h, b]), tmp)) / (2 * h);
      const fd1 = (f(Float64Array.from([a, b + h]), tmp) - f(Float64Array.from([a, b - h]), tmp)) / (2 * h);
      expect(rel(g[0]!, fd0)).toBeLessThan(1e-4);
      expect(rel(g[1]!, fd1)).toBeLessThan(1e-4);
    }
  });

  it('on Epoch’s 240 points it lands near Hoffmann-form constants (E ≈ 1.8–2, α, β ≈ 0.3–0.45) and no grid point beats it', () => {
    const fit = fitVarProPoints(figure4FitPoints);
    expect(fit.gridPoints).toBe(1024);
    expect(fit.boundHit).toBe(false);
    expect(fit.params.E).toBeGreaterThan(1.7);
    expect(fit.params.E).toBeLessThan(2.1);
    expect(fit.params.alpha).toBeGreaterThan(0.25);
    expect(fit.params.alpha).toBeLessThan(0.5);
    const d = toVarProData(figure4FitPoints);
    for (let i = 0; i < 32; i++) for (let j = 0; j < 32; j++) expect(projectLinear(d.lnN, d.lnD, d.loss, 0.05 + (0.9 * i) / 31, 0.05 + (0.9 * j) / 31).rss).toBeGreaterThanOrEqual(fit.rss * (1 - 1e-9));
  });

  it('reports a boundary when the runs show no trend in D (B = 0, so any β fits), though the refinement converged', () => {
    const flat: LossPoint[] = [1e8, 3e8, 1e9, 3e9].flatMap((N) => [1e9, 1e10, 1e11].map((D) => ({ N, D, loss: 2 + 400 / N ** 0.34 })));
    const fit = fitVarProPoints(flat);
    expect(fit.params.B).toBe(0);
    expect(fit.boundHit).toBe(true);
    expect(fit.params.alpha).toBeCloseTo(0.34, 6);
  });

  it('bootstrap slices use the same resample stream and join in any order', () => {
    const d = toVarProData(figure4FitPoints);
    const start = fitVarPro(d).params;
    const whole = summarizeBootstrap([varProRefits(d, { seed: 3, to: 6, start })]);
    const parts = summarizeBootstrap([varProRefits(d, { seed: 3, from: 4, to: 6, start }), varProRefits(d, { seed: 3, from: 0, to: 4, start })]);
    expect(parts.samples).toEqual(whole.samples);
    expect(whole.samples.length + whole.failed).toBe(6);
  });

  it('refuses fewer than 5 points', () => {
    expect(() => fitVarProPoints(grid({ E: 2, A: 400, B: 400, alpha: 0.3, beta: 0.3 }).slice(0, 4))).toThrow(/at least 5/);
  });
});
