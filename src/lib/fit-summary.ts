/**
 * What the fit page reports from a fit and its bootstrap: the allocation exponents a and b, the
 * compute-optimal N_opt and D_opt at a budget (Hoffmann et al. 2022, Eq. 4, via chinchilla.ts), and
 * their bootstrap percentile intervals; the frontier with its band. Pure, no DOM.
 */
import { allocationExponents, optimalN, optimalD } from './chinchilla.ts';
import { fromLogParams, percentileInterval, type LogParams, type ScalingLawParams } from './fit.ts';

/** A point estimate with its interval (NaN-free: the interval is absent without a bootstrap). */
export interface Estimate {
  value: number;
  interval?: [number, number];
}

/** The quantities the page tabulates. */
export const REPORTED = ['E', 'A', 'B', 'alpha', 'beta', 'a', 'b', 'Nopt', 'Dopt'] as const;
export type Reported = (typeof REPORTED)[number];

/** Every reported quantity of one set of constants at budget C (FLOP). */
export function reportedValues(p: ScalingLawParams, C: number): Record<Reported, number> {
  const { a, b } = allocationExponents(p);
  return { E: p.E, A: p.A, B: p.B, alpha: p.alpha, beta: p.beta, a, b, Nopt: optimalN(C, p), Dopt: optimalD(C, p) };
}

/**
 * Estimates with percentile intervals at `level` over the bootstrap refits (log-space samples as
 * `BootstrapResult.samples`). Non-finite derived values (e.g. a refit with A = 0) are left out of
 * that quantity's interval.
 */
export function summarize(estimate: ScalingLawParams, samples: readonly LogParams[] | null, C: number, level = 0.95): Record<Reported, Estimate> {
  const point = reportedValues(estimate, C);
  const out = {} as Record<Reported, Estimate>;
  const rows = samples && samples.length >= 2 ? samples.map((s) => reportedValues(fromLogParams(s), C)) : null;
  for (const k of REPORTED) {
    const xs = rows ? rows.map((r) => r[k]).filter(Number.isFinite) : [];
    out[k] = xs.length >= 2 ? { value: point[k], interval: percentileInterval(xs, level) } : { value: point[k] };
  }
  return out;
}

/** Budgets evenly spaced in log10 from `lo` to `hi` FLOP (inclusive), `count` ≥ 2 of them. */
export function logBudgets(lo: number, hi: number, count = 40): number[] {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return Array.from({ length: count }, (_, i) => 10 ** (a + ((b - a) * i) / (count - 1)));
}

/** One budget on the frontier: N_opt of the estimate and the band of the bootstrap refits. */
export interface FrontierBandPoint {
  C: number;
  N: number;
  low?: number;
  high?: number;
}

/** N_opt(C) along `budgets` for the estimate, with the bootstrap percentile band when samples exist. */
export function frontierBand(estimate: ScalingLawParams, samples: readonly LogParams[] | null, budgets: readonly number[], level = 0.95): FrontierBandPoint[] {
  const lin = samples && samples.length >= 2 ? samples.map(fromLogParams) : null;
  return budgets.map((C) => {
    const N = optimalN(C, estimate);
    if (!lin) return { C, N };
    const xs = lin.map((p) => optimalN(C, p)).filter(Number.isFinite);
    if (xs.length < 2) return { C, N };
    const [low, high] = percentileInterval(xs, level);
    return { C, N, low, high };
  });
}

/** A term of L̂ that the data barely see: the fit cannot determine its coefficient and exponent. */
export interface NegligibleTerm {
  term: 'A/N^α' | 'B/D^β';
  /** The term's largest share of the predicted loss over the points (0…1). */
  largestShare: number;
}

/**
 * The terms A/N^α and B/D^β that stay below `threshold` (default 0.1 %) of the predicted loss L̂ at
 * every point. Such a term is not determined by the data — e.g. runs with no trend in D let any
 * β fit once B/D^β is negligible — so a fit that "converged" can still report a meaningless α or β.
 * @example negligibleTerms([{ N: 1e9, D: 1e10 }], { E: 2, A: 400, B: 0.03, alpha: 0.34, beta: 8 })
 */
export function negligibleTerms(points: readonly { N: number; D: number }[], p: ScalingLawParams, threshold = 1e-3): NegligibleTerm[] {
  if (points.length === 0) return [];
  let shareN = 0;
  let shareD = 0;
  for (const { N, D } of points) {
    const n = p.A / N ** p.alpha;
    const d = p.B / D ** p.beta;
    const total = p.E + n + d;
    if (!(total > 0)) continue;
    shareN = Math.max(shareN, n / total);
    shareD = Math.max(shareD, d / total);
  }
  const out: NegligibleTerm[] = [];
  if (shareN < threshold) out.push({ term: 'A/N^α', largestShare: shareN });
  if (shareD < threshold) out.push({ term: 'B/D^β', largestShare: shareD });
  return out;
}
