/**
 * Fitting scaling laws and where fits go wrong (Czech et al. 2026, arXiv:2603.22339; Hoffmann et al.
 * 2022 §3.2–3.3). Synthetic IsoFLOP data from a known loss surface L̂ = E + A/N^α + B/D^β, Chinchilla's
 * Approach 2 (a parabola per budget, then a power law through the vertices), the deadweight compute of
 * a misallocation, and variable projection (for fixed α, β the law is linear in E, A, B). Pure functions.
 */
import type { ParametricConstants } from './chinchilla.ts';
import { allocationExponents, frontierG, lossHat, optimalN } from './chinchilla.ts';
import { mulberry32 } from './random.ts';
import type { LossPoint } from './fit.ts';
import { linearFit } from './reconcile.ts';

/** log-spaced values from `from` to `to` (inclusive). */
export function logSpace(from: number, to: number, count: number): number[] {
  if (!(count >= 2)) throw new RangeError(`logSpace: count must be at least 2, got ${String(count)}`);
  const a = Math.log10(from);
  const b = Math.log10(to);
  return Array.from({ length: count }, (_, i) => 10 ** (a + ((b - a) * i) / (count - 1)));
}

/** Least-squares parabola y ≈ p2·x² + p1·x + p0 (x centred internally for conditioning). */
export function quadraticFit(xs: readonly number[], ys: readonly number[]): { p2: number; p1: number; p0: number } {
  const n = xs.length;
  if (n < 3 || ys.length !== n) throw new RangeError(`quadraticFit: need three or more (x, y) pairs, got ${n}`);
  const m = xs.reduce((s, v) => s + v, 0) / n;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i]! - m;
    const y = ys[i]!;
    const x2 = x * x;
    s0 += 1; s1 += x; s2 += x2; s3 += x2 * x; s4 += x2 * x2;
    t0 += y; t1 += x * y; t2 += x2 * y;
  }
  const [q2, q1, q0] = solve3([
    [s4, s3, s2],
    [s3, s2, s1],
    [s2, s1, s0],
  ], [t2, t1, t0]);
  // Undo the centring: q2(x − m)² + q1(x − m) + q0.
  return { p2: q2, p1: q1 - 2 * q2 * m, p0: q2 * m * m - q1 * m + q0 };
}

/** Solve a 3×3 linear system by Cramer's rule; NaN entries when singular (callers check). */
function solve3(M: number[][], v: number[]): [number, number, number] {
  const det = (a: number[][]) =>
    a[0]![0]! * (a[1]![1]! * a[2]![2]! - a[1]![2]! * a[2]![1]!) -
    a[0]![1]! * (a[1]![0]! * a[2]![2]! - a[1]![2]! * a[2]![0]!) +
    a[0]![2]! * (a[1]![0]! * a[2]![1]! - a[1]![1]! * a[2]![0]!);
  const d = det(M);
  const col = (j: number) => det(M.map((row, i) => row.map((x, k) => (k === j ? v[i]! : x))));
  return [col(0) / d, col(1) / d, col(2) / d];
}

/** How the model sizes of one IsoFLOP curve are placed (Czech et al. §4.1, §4.4). */
export interface IsoflopSampling {
  /** Sample from centre/k to k·centre ("±k×"; XS 2, S 4, L 8, XL 16). */
  halfWidth: number;
  /** Model sizes per curve (Czech et al.: 15). */
  points: number;
  /** Constant offset: the centre is N_opt/offset. Default 1 (centred). */
  offset?: number;
  /** Drift: the centre moves from N_opt (lowest budget) to N_opt/drift (highest). Default 1 (none). */
  drift?: number;
}

/** One IsoFLOP curve: (N, D = C/(6N), L̂) points, noise-free. */
export function isoflopCurve(C: number, surface: ParametricConstants, s: IsoflopSampling, driftFraction = 0): LossPoint[] {
  const centre = optimalN(C, surface) / (s.offset ?? 1) / Math.pow(s.drift ?? 1, driftFraction);
  return logSpace(centre / s.halfWidth, centre * s.halfWidth, s.points).map((N) => {
    const D = C / (6 * N);
    return { N, D, loss: lossHat(N, D, surface) };
  });
}

/** Approach 2's result: log10 N* = a·log10 C + a0 and log10 D* = b·log10 C + b0. */
export interface Approach2Fit {
  a: number;
  a0: number;
  b: number;
  b0: number;
  /** The per-budget parabola vertices. */
  vertices: { C: number; N: number; D: number }[];
}

/** The vertex of a parabola fitted to (log10 x, loss). */
export function parabolaVertex(xs: readonly number[], losses: readonly number[]): number {
  const { p2, p1 } = quadraticFit(xs, losses);
  if (!(p2 > 0)) throw new RangeError('parabolaVertex: the fitted parabola has no minimum (curvature ≤ 0)');
  return -p1 / (2 * p2);
}

/**
 * Hoffmann §3.2 (Approach 2) as Czech et al. simulate it: per budget, a parabola of loss in log10 N
 * (and separately in log10 D); its vertex is N* (D*); then straight lines of log10 N*, log10 D* on log10 C.
 */
export function approach2FromCurves(curves: readonly { C: number; points: readonly LossPoint[] }[]): Approach2Fit {
  const vertices = curves.map(({ C, points }) => {
    const losses = points.map((p) => p.loss);
    const N = 10 ** parabolaVertex(points.map((p) => Math.log10(p.N)), losses);
    const D = 10 ** parabolaVertex(points.map((p) => Math.log10(p.D)), losses);
    return { C, N, D };
  });
  const lc = vertices.map((v) => Math.log10(v.C));
  const fN = linearFit(lc, vertices.map((v) => Math.log10(v.N)));
  const fD = linearFit(lc, vertices.map((v) => Math.log10(v.D)));
  return { a: fN.slope, a0: fN.intercept, b: fD.slope, b0: fD.intercept, vertices };
}

/** Approach 2 on noise-free curves of a known surface at `budgets`, sampled as `s`. */
export function simulateApproach2(surface: ParametricConstants, budgets: readonly number[], s: IsoflopSampling): Approach2Fit {
  const lo = Math.log10(Math.min(...budgets));
  const hi = Math.log10(Math.max(...budgets));
  return approach2FromCurves(budgets.map((C) => ({ C, points: isoflopCurve(C, surface, s, hi > lo ? (Math.log10(C) - lo) / (hi - lo) : 0) })));
}

/** Approach 2's D* at budget C: 10^(b0 + b·log10 C). */
export function approach2Tokens(fit: Pick<Approach2Fit, 'b' | 'b0'>, C: number): number {
  return 10 ** (fit.b0 + fit.b * Math.log10(C));
}

/** Hoffmann Eq. 4 solved for C: the budget whose compute-optimal loss is L, C = 6·((L − E)/K)^(−(α+β)/(αβ)), K = A·G^(−α) + B·G^β. */
export function computeForOptimalLoss(L: number, c: ParametricConstants): number {
  if (!(L > c.E)) throw new RangeError(`computeForOptimalLoss: L must exceed E = ${c.E}, got ${String(L)}`);
  const G = frontierG(c);
  const K = c.A * Math.pow(G, -c.alpha) + c.B * Math.pow(G, c.beta);
  return 6 * Math.pow((L - c.E) / K, -(c.alpha + c.beta) / (c.alpha * c.beta));
}

/**
 * Czech et al. §3, deadweight compute loss: train with D tokens (and N = C/(6D)) at budget C; the
 * loss reached would have cost only C_eq with the optimal split; DCL = C − C_eq ≥ 0.
 */
export function deadweightCompute(C: number, tokens: number, surface: ParametricConstants): { N: number; loss: number; equivalentFlop: number; dcl: number; fraction: number } {
  const N = C / (6 * tokens);
  const loss = lossHat(N, tokens, surface);
  const equivalentFlop = computeForOptimalLoss(loss, surface);
  const dcl = C - equivalentFlop;
  return { N, loss, equivalentFlop, dcl, fraction: dcl / C };
}

/** A standard normal draw (Box–Muller) from a uniform generator. */
export function gaussian(rng: () => number): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Options for {@link syntheticRuns}. */
export interface SyntheticOptions extends IsoflopSampling {
  /** Multiplicative noise: loss × exp(σ·z), z standard normal. Default 0. */
  sigma?: number;
  /** Seed of the mulberry32 generator. Default 1. */
  seed?: number;
}

/** Seeded synthetic IsoFLOP runs: the curves of {@link isoflopCurve} with multiplicative noise. */
export function syntheticRuns(surface: ParametricConstants, budgets: readonly number[], o: SyntheticOptions): { C: number; points: LossPoint[] }[] {
  const rng = mulberry32(o.seed ?? 1);
  const sigma = o.sigma ?? 0;
  return budgets.map((C) => ({
    C,
    points: isoflopCurve(C, surface, o).map((p) => ({ ...p, loss: p.loss * Math.exp(sigma * gaussian(rng)) })),
  }));
}

/** Result of {@link fitVarPro}. */
export interface VarProFit {
  params: ParametricConstants;
  /** Mean squared residual of the raw loss. */
  mse: number;
  /** (α, β) grid points searched. */
  evaluated: number;
  /** true when the best (α, β) lies on the edge of the grid or a coefficient was clamped at 0. */
  boundHit: boolean;
}

/**
 * Variable projection (Czech et al. §5.2, "VPNLS"): for each (α, β) on a grid the law is linear in
 * (E, A, B), solved by non-negative least squares on the raw loss; keep the (α, β) with the smallest
 * mean squared residual. With three coefficients, NNLS is exact by trying every subset of them.
 * Default grid: α, β ∈ {0.01, 0.02, …, 0.99} (the `vpnls` package's resolution 0.01).
 */
export function fitVarPro(points: readonly LossPoint[], grid: readonly number[] = Array.from({ length: 99 }, (_, i) => (i + 1) / 100)): VarProFit {
  const n = points.length;
  if (n < 3) throw new RangeError(`fitVarPro: need at least 3 points, got ${n}`);
  const lnN = points.map((p) => Math.log(p.N));
  const lnD = points.map((p) => Math.log(p.D));
  const y = points.map((p) => p.loss);
  const powN = grid.map((g) => lnN.map((l) => Math.exp(-g * l)));
  const powD = grid.map((g) => lnD.map((l) => Math.exp(-g * l)));
  // Sums that do not depend on the other exponent are computed once per α (or β); only the cross
  // term Σ N^(−α)·D^(−β) is summed per grid point. RSS = y·y − 2θ·v + θᵀMθ for the OLS solution θ.
  const sum = (a: readonly number[], b: readonly number[]) => dot(a, b);
  const ones = y.map(() => 1);
  const yy = sum(y, y);
  const sy = sum(ones, y);
  const nStats = powN.map((c) => ({ s: sum(ones, c), ss: sum(c, c), sy: sum(c, y) }));
  const dStats = powD.map((c) => ({ s: sum(ones, c), ss: sum(c, c), sy: sum(c, y) }));
  let best: { rss: number; i: number; j: number; theta: number[]; clamped: boolean } | null = null;
  for (let i = 0; i < grid.length; i++) {
    const ni = nStats[i]!;
    for (let j = 0; j < grid.length; j++) {
      const dj = dStats[j]!;
      const cross = sum(powN[i]!, powD[j]!);
      const M = [
        [n, ni.s, dj.s],
        [ni.s, ni.ss, cross],
        [dj.s, cross, dj.ss],
      ];
      const v = [sy, ni.sy, dj.sy];
      let theta: number[] = solve3(M, v);
      let rss = yy - 2 * (theta[0]! * v[0]! + theta[1]! * v[1]! + theta[2]! * v[2]!);
      for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) rss += theta[r]! * M[r]![c]! * theta[c]!;
      let clamped = false;
      if (!theta.every((t) => Number.isFinite(t) && t >= 0)) {
        const r = nnls3([ones, powN[i]!, powD[j]!], y);
        theta = r.theta;
        rss = r.rss;
        clamped = r.clamped;
      }
      if (best === null || rss < best.rss) best = { rss, i, j, theta, clamped };
    }
  }
  const b = best!;
  const edge = (k: number) => k === 0 || k === grid.length - 1;
  return {
    params: { E: b.theta[0]!, A: b.theta[1]!, B: b.theta[2]!, alpha: grid[b.i]!, beta: grid[b.j]! },
    mse: b.rss / n,
    evaluated: grid.length * grid.length,
    boundHit: edge(b.i) || edge(b.j) || b.clamped,
  };
}

/** Non-negative least squares with three columns: the best unconstrained fit over every subset whose coefficients are all ≥ 0. */
function nnls3(cols: number[][], y: readonly number[]): { theta: number[]; rss: number; clamped: boolean } {
  let best: { theta: number[]; rss: number; clamped: boolean } | null = null;
  for (let mask = 7; mask >= 1; mask--) {
    const idx = [0, 1, 2].filter((k) => mask & (1 << k));
    const theta = ols(idx.map((k) => cols[k]!), y);
    if (theta === null || theta.some((t) => t < 0)) continue;
    const full = [0, 0, 0];
    idx.forEach((k, m) => (full[k] = theta[m]!));
    let rss = 0;
    for (let r = 0; r < y.length; r++) {
      const res = y[r]! - full[0]! * cols[0]![r]! - full[1]! * cols[1]![r]! - full[2]! * cols[2]![r]!;
      rss += res * res;
    }
    if (best === null || rss < best.rss) best = { theta: full, rss, clamped: mask !== 7 };
    if (mask === 7) break; // the unconstrained fit is feasible: it is the NNLS solution
  }
  return best ?? { theta: [0, 0, 0], rss: y.reduce((s, v) => s + v * v, 0), clamped: true };
}

/** Ordinary least squares through the normal equations (1–3 columns); null when singular. */
function ols(cols: number[][], y: readonly number[]): number[] | null {
  const k = cols.length;
  const M: number[][] = Array.from({ length: 3 }, (_, r) => Array.from({ length: 3 }, (_, c): number => (r === c ? 1 : 0)));
  const v = [0, 0, 0];
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) M[r]![c] = dot(cols[r]!, cols[c]!);
    v[r] = dot(cols[r]!, y);
  }
  const sol = solve3(M, v);
  const out = sol.slice(0, k);
  return out.every(Number.isFinite) ? out : null;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Hoffmann Eq. 4's a = β/(α + β) of a fitted surface (re-exported for pages). */
export function fittedAllocationExponent(c: Pick<ParametricConstants, 'alpha' | 'beta'>): number {
  return allocationExponents(c).a;
}
