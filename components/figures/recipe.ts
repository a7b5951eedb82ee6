/**
 * The worked example of "A practical recipe": one budget, the allocation each published law gives,
 * seeded synthetic pilot runs drawn from a law the reader pretends not to know, fits, extrapolation with a
 * bootstrap interval, and the compute lost at the ends of that interval. Pure, memoised, computed at
 * build time from src/lib.
 */
import * as Plot from '@observablehq/plot';
import { allocationAtTokensPerParameter, allocationExponents, lossHat, optimalD, optimalN, type ParametricConstants } from '../../src/lib/chinchilla.ts';
import type { ComputeEfficientConstants } from '../../src/lib/kaplan.ts';
import { kaplanOptimalN, llama3Params, type TokenLawConstants } from '../../src/lib/allocation.ts';
import { approach2FromCurves, deadweightCompute, fitVarPro, logSpace, syntheticRuns, type Approach2Fit } from '../../src/lib/isoflop.ts';
import { bootstrapFit, fitHuber, quantileSorted, type FitResult, type LossPoint } from '../../src/lib/fit.ts';
import { formatNumber } from '../../src/lib/units.ts';
import { frame, sciTicks, seriesMarks, suffixTicks, type Series } from './series-lines.ts';

export interface RecipeInputs {
  target: number;
  truth: ParametricConstants;
  pilotBudgets: number[];
  halfWidth: number;
  points: number;
  sigma: number;
  seed: number;
  resamples: number;
  laws: {
    table6: ComputeEfficientConstants;
    rounded: ParametricConstants;
    precise: ParametricConstants;
    epoch: ParametricConstants;
    ratio: number;
    llama3: TokenLawConstants;
  };
}

export interface LawRow {
  law: string;
  N: number;
  D: number;
}

export interface RecipeResult {
  rows: LawRow[];
  curves: { C: number; points: LossPoint[] }[];
  pilotFlop: number;
  approach3: FitResult;
  varproN: number;
  approach2: Approach2Fit;
  approach2N: number;
  approach3N: number;
  trueN: number;
  intervalN: [number, number];
  intervalLoss: [number, number];
  lossAtTrue: number;
  waste: [number, number];
}

let memo: { key: string; result: RecipeResult } | null = null;

export function recipe(x: RecipeInputs): RecipeResult {
  const key = JSON.stringify(x);
  if (memo?.key === key) return memo.result;
  const C = x.target;
  const row = (law: string, N: number): LawRow => ({ law, N, D: C / (6 * N) });
  const rows = [
    row('Kaplan et al. 2020, Table 6 (non-embedding N)', kaplanOptimalN(C, x.laws.table6)),
    row('Hoffmann et al. 2022, Approach 3, rounded constants', optimalN(C, x.laws.rounded)),
    row('Hoffmann et al. 2022, Approach 3, TeX constants', optimalN(C, x.laws.precise)),
    row('Besiroglu et al. 2024 refit', optimalN(C, x.laws.epoch)),
    row(`${formatNumber(x.laws.ratio)} tokens per parameter`, allocationAtTokensPerParameter(C, x.laws.ratio).N),
    row('Llama 3 (tokens law, read as C/6D)', llama3Params(C, x.laws.llama3)),
  ];
  const curves = syntheticRuns(x.truth, x.pilotBudgets, { halfWidth: x.halfWidth, points: x.points, sigma: x.sigma, seed: x.seed });
  const points = curves.flatMap((c) => c.points);
  const pilotFlop = points.reduce((s, p) => s + 6 * p.N * p.D, 0);
  const approach3 = fitHuber(points);
  const approach2 = approach2FromCurves(curves);
  const bs = bootstrapFit(points, { resamples: x.resamples, seed: x.seed });
  const params = bs.samples.map((s) => ({ E: Math.exp(s.e), A: Math.exp(s.a), B: Math.exp(s.b), alpha: s.alpha, beta: s.beta }));
  const ns = Float64Array.from(params.map((p) => optimalN(C, p))).sort();
  const ls = Float64Array.from(params.map((p) => lossHat(optimalN(C, p), optimalD(C, p), p))).sort();
  const intervalN: [number, number] = [quantileSorted(ns, 0.1), quantileSorted(ns, 0.9)];
  const waste = intervalN.map((N) => deadweightCompute(C, C / (6 * N), x.truth).fraction) as [number, number];
  const result: RecipeResult = {
    rows,
    curves,
    pilotFlop,
    approach3,
    varproN: optimalN(C, fitVarPro(points).params),
    approach2,
    approach2N: 10 ** (approach2.a0 + approach2.a * Math.log10(C)),
    approach3N: optimalN(C, approach3.params),
    trueN: optimalN(C, x.truth),
    intervalN,
    intervalLoss: [quantileSorted(ls, 0.1), quantileSorted(ls, 0.9)],
    lossAtTrue: lossHat(optimalN(C, x.truth), optimalD(C, x.truth), x.truth),
    waste,
  };
  memo = { key, result };
  return result;
}

export const RECIPE_CAPTION = 'The worked example: Approach 2 vertices of the pilot runs (dots), the Approach-3 fit extrapolated to the target budget (solid), the law the pilots were drawn from (dashed), and the bootstrap 80 % interval of N_opt at the target (vertical bar).';

export function recipeOptions(r: RecipeResult, x: RecipeInputs): Plot.PlotOptions {
  const Cs = logSpace(x.pilotBudgets[0]!, x.target, 40);
  const series: Series[] = [
    { label: 'Approach-3 fit', className: 'accent', points: Cs.map((C) => ({ x: C, y: optimalN(C, r.approach3.params) })) },
    { label: 'true law', dash: '6 4', points: Cs.map((C) => ({ x: C, y: optimalN(C, x.truth) })) },
  ];
  return frame({
    x: { type: 'log', label: 'Training compute C (FLOP) →', tickFormat: sciTicks },
    y: { type: 'log', label: '↑ N_opt (parameters)', tickFormat: suffixTicks, grid: true },
    marks: [
      ...seriesMarks(series),
      Plot.dot(r.approach2.vertices, { x: 'C', y: 'N', r: 4, fill: 'currentColor', className: 'accent-2' }),
      Plot.link([{ C: x.target, lo: r.intervalN[0], hi: r.intervalN[1] }], { x1: 'C', x2: 'C', y1: 'lo', y2: 'hi', stroke: 'currentColor', strokeWidth: 4, className: 'accent-2' }),
    ],
  });
}

export function recipeDescription(r: RecipeResult, x: RecipeInputs): string {
  return `Pilot vertices from ${formatNumber(r.approach2.vertices[0]!.N, { style: 'suffix' })} parameters at ${formatNumber(x.pilotBudgets[0]!)} FLOP to ${formatNumber(r.approach2.vertices[r.approach2.vertices.length - 1]!.N, { style: 'suffix' })} at ${formatNumber(x.pilotBudgets[x.pilotBudgets.length - 1]!)} FLOP. Extrapolated to ${formatNumber(x.target)} FLOP, the fit gives ${formatNumber(r.approach3N, { style: 'suffix' })} parameters (80 % interval ${formatNumber(r.intervalN[0], { style: 'suffix' })} to ${formatNumber(r.intervalN[1], { style: 'suffix' })}); the true law gives ${formatNumber(r.trueN, { style: 'suffix' })}.`;
}

export { allocationExponents };
