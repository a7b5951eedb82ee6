/**
 * The synthetic experiments and figures of "Fitting scaling laws": Approach 2's bias on noise-free
 * surfaces (Czech et al. 2026's protocol), and Approach 3, variable projection and a bootstrap on seeded
 * noisy IsoFLOP data drawn from a known constant set. Everything is computed at build time from src/lib;
 * `fittingExperiment` memoises so the page and its figures share one run (about a second).
 */
import * as Plot from '@observablehq/plot';
import { allocationExponents, optimalD, optimalN, type ParametricConstants } from '../../src/lib/chinchilla.ts';
import { approach2FromCurves, approach2Tokens, fitVarPro, logSpace, simulateApproach2, syntheticRuns, type Approach2Fit, type VarProFit } from '../../src/lib/isoflop.ts';
import { bootstrapFit, fitHuber, quantileSorted, type FitResult, type LossPoint } from '../../src/lib/fit.ts';
import { formatNumber, formatPercent } from '../../src/lib/units.ts';
import { frame, seriesMarks, type Series } from './series-lines.ts';

export const HALF_WIDTHS = [2, 4, 8, 16] as const;
export const GRID_NAMES = ['XS', 'S', 'L', 'XL'] as const;

/** Relative error of Approach 2's D* at `target` for each grid half-width. */
export function approach2Errors(surface: ParametricConstants, budgets: number[], points: number, target: number, extra: { offset?: number; drift?: number } = {}): number[] {
  return HALF_WIDTHS.map((k) => approach2Tokens(simulateApproach2(surface, budgets, { halfWidth: k, points, ...extra }), target) / optimalD(target, surface) - 1);
}

export const BIAS_CAPTION = 'Error of Approach 2\u2019s compute-optimal token count at 1e24 FLOP, fitted on noise-free IsoFLOP curves from 1e17 to 1e21 FLOP (Czech et al.\u2019s protocol), against how widely each curve is sampled around its optimum.';

export function biasSeries(rows: { label: string; errors: number[]; className?: string; dash?: string }[]): Series[] {
  return rows.map((r) => ({ label: r.label, className: r.className, dash: r.dash, points: HALF_WIDTHS.map((k, i) => ({ x: k, y: 100 * r.errors[i]! })) }));
}

export function biasOptions(series: Series[]): Plot.PlotOptions {
  return frame({
    x: { type: 'log', label: 'Grid half-width: sizes from N*/k to k·N* →', ticks: [...HALF_WIDTHS], tickFormat: (k: number) => `±${k}×` },
    y: { label: '↑ error of D* at 1e24 FLOP (%)', grid: true },
    marks: [Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.5 }), ...seriesMarks(series), ...series.map((s) => Plot.dot(s.points, { x: 'x', y: 'y', fill: 'currentColor', r: 3, className: s.className }))],
  });
}

export function biasDescription(series: Series[]): string {
  return series
    .map((s) => `${s.label}: ${s.points.map((p, i) => `${GRID_NAMES[i]} ${formatNumber(p.y, { sig: 3 })}%`).join(', ')}`)
    .join('. ') + '. The symmetric surface has no error; the more asymmetric the surface and the wider the grid, the further Approach 2 underestimates D*.';
}

/** Options of the noisy synthetic experiment. */
export interface ExperimentInputs {
  truth: ParametricConstants;
  budgets: number[];
  halfWidth: number;
  points: number;
  sigma: number;
  seed: number;
  /** Starts for the multi-start demonstration: every combination. */
  starts: { alpha: number[]; beta: number[]; a: number[]; b: number[]; e: number[] };
  bootstrapResamples: number;
  target: number;
}

export interface ExperimentResult {
  curves: { C: number; points: LossPoint[] }[];
  points: LossPoint[];
  sum: FitResult;
  mean: FitResult;
  multiStart: { objective: number; a: number; alpha: number; beta: number; E: number }[];
  distinctEndpoints: number;
  bootstrapA: [number, number];
  bootstrapN: [number, number];
  varpro: VarProFit;
  approach2: Approach2Fit;
}

let memo: { key: string; result: ExperimentResult } | null = null;

/** The seeded experiment of the chapter; same inputs, same numbers, on every build. */
export function fittingExperiment(x: ExperimentInputs): ExperimentResult {
  const key = JSON.stringify(x);
  if (memo?.key === key) return memo.result;
  const curves = syntheticRuns(x.truth, x.budgets, { halfWidth: x.halfWidth, points: x.points, sigma: x.sigma, seed: x.seed });
  const points = curves.flatMap((c) => c.points);
  const start = { a: x.starts.a[0]!, b: x.starts.b[0]!, e: x.starts.e[0]!, alpha: x.starts.alpha[0]!, beta: x.starts.beta[0]! };
  const sum = fitHuber(points, { start });
  const mean = fitHuber(points, { start, reduction: 'mean' });
  const multiStart: ExperimentResult['multiStart'] = [];
  for (const alpha of x.starts.alpha)
    for (const beta of x.starts.beta)
      for (const a of x.starts.a)
        for (const b of x.starts.b)
          for (const e of x.starts.e) {
            const f = fitHuber(points, { start: { a, b, e, alpha, beta } });
            if (Number.isFinite(f.objective)) multiStart.push({ objective: f.objective, a: allocationExponents(f.params).a, alpha: f.params.alpha, beta: f.params.beta, E: f.params.E });
          }
  multiStart.sort((p, q) => p.objective - q.objective);
  const distinctEndpoints = new Set(multiStart.map((m) => m.objective.toPrecision(3))).size;
  const bs = bootstrapFit(points, { resamples: x.bootstrapResamples, seed: x.seed });
  const aSamples = Float64Array.from(bs.samples.map((s) => s.beta / (s.alpha + s.beta))).sort();
  const nSamples = Float64Array.from(bs.samples.map((s) => optimalN(x.target, { E: Math.exp(s.e), A: Math.exp(s.a), B: Math.exp(s.b), alpha: s.alpha, beta: s.beta }))).sort();
  const result: ExperimentResult = {
    curves,
    points,
    sum,
    mean,
    multiStart,
    distinctEndpoints,
    bootstrapA: [quantileSorted(aSamples, 0.1), quantileSorted(aSamples, 0.9)],
    bootstrapN: [quantileSorted(nSamples, 0.1), quantileSorted(nSamples, 0.9)],
    varpro: fitVarPro(points),
    approach2: approach2FromCurves(curves),
  };
  memo = { key, result };
  return result;
}

export const SYNTHETIC_CAPTION = 'The seeded synthetic IsoFLOP runs of this chapter (dots) with each budget\u2019s true loss curve (lines); the diamonds mark the true optimum of each curve.';

export function syntheticOptions(r: ExperimentResult, truth: ParametricConstants): Plot.PlotOptions {
  const dots = r.curves.flatMap((c) => c.points.map((p) => ({ N: p.N, loss: p.loss, C: c.C })));
  const lines = r.curves.flatMap((c) => {
    const ns = logSpace(c.points[0]!.N, c.points[c.points.length - 1]!.N, 40);
    return ns.map((N) => ({ N, C: c.C, loss: truth.E + truth.A / N ** truth.alpha + truth.B / (c.C / (6 * N)) ** truth.beta }));
  });
  const optima = r.curves.map((c) => {
    const N = optimalN(c.C, truth);
    return { N, loss: truth.E + truth.A / N ** truth.alpha + truth.B / (c.C / (6 * N)) ** truth.beta, label: `${formatNumber(c.C)} FLOP` };
  });
  return frame({
    marginRight: 40,
    x: { type: 'log', label: 'Parameters N →', tickFormat: (d: number) => formatNumber(d, { sig: 2, style: 'suffix' }) },
    y: { label: '↑ loss (nats/token)', grid: true },
    marks: [
      Plot.line(lines, { x: 'N', y: 'loss', z: 'C', stroke: 'currentColor', strokeOpacity: 0.6 }),
      Plot.dot(dots, { x: 'N', y: 'loss', fill: 'currentColor', r: 2.5, className: 'accent' }),
      Plot.dot(optima, { x: 'N', y: 'loss', symbol: 'diamond', r: 7, stroke: 'currentColor', strokeWidth: 2, fill: 'none', className: 'accent-2' }),
      Plot.text(optima, { x: 'N', y: 'loss', text: 'label', dy: -16, fill: 'currentColor', fontSize: 11 }),
    ],
  });
}

export function syntheticDescription(r: ExperimentResult, truth: ParametricConstants): string {
  return `${r.curves.length} IsoFLOP curves of ${r.curves[0]!.points.length} runs each, at ${r.curves.map((c) => formatNumber(c.C)).join(', ')} FLOP. Each is U-shaped in log N; the optima move from ${formatNumber(optimalN(r.curves[0]!.C, truth), { style: 'suffix' })} to ${formatNumber(optimalN(r.curves[r.curves.length - 1]!.C, truth), { style: 'suffix' })} parameters. The dots scatter around the lines by the added noise.`;
}

export { formatPercent };
