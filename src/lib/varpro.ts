/**
 * Variable projection for the Chinchilla parametric loss L̂(N, D) = E + A/N^α + B/D^β (Hoffmann
 * et al. 2022, Eq. 2), after Czech et al. 2026 ("Problems with Chinchilla Approach 2",
 * arXiv:2603.22339, §5.2, Eq. 4 — "VPNLS"). Pure TypeScript, no DOM.
 *
 * For fixed exponents (α, β) the model is linear in (E, A, B): with the n×3 design matrix
 * X = [1, N^(−α), D^(−β)] the best (E, A, B) is a least-squares solve. So only (α, β) are searched:
 * a grid picks the start (non-negative least squares inside, E, A, B ≥ 0), then L-BFGS refines (α, β)
 * on the profiled residual sum of squares with the envelope-theorem gradient
 *   ∂RSS/∂α = 2A·rᵀ(log N ⊙ N^(−α)),   ∂RSS/∂β = 2B·rᵀ(log D ⊙ D^(−β))   (r = L − Xθ).
 *
 * Unlike Hoffmann's fit (Huber on log-loss residuals, Eq. 3 / 11), the objective is the plain sum of
 * squared residuals of the loss itself, RSS = Σ (Lᵢ − E − A·Nᵢ^(−α) − B·Dᵢ^(−β))²: the
 * maximum-likelihood fit under additive Gaussian noise on L, with no down-weighting of outliers.
 */
import { minimizeLbfgs, type LbfgsOptions } from './optimize.ts';
import { resampleStream, type BootstrapSlice, type LossPoint, type ScalingLawParams } from './fit.ts';

/** Options for {@link fitVarPro}; every field is optional. */
export interface VarProOptions {
  /** Grid of α and of β: `steps` values evenly from `min` to `max`. Default 0.05…0.95, 32 steps (Czech et al. 2026 §5.3: 32 × 32 = 1,024). */
  grid?: { min: number; max: number; steps: number };
  /** Refine (α, β) with L-BFGS from the grid's best point. Default true. */
  refine?: boolean;
  /** Start (α, β) for the refinement instead of a grid search (used by bootstrap refits). */
  start?: { alpha: number; beta: number };
  /** L-BFGS settings of the refinement. */
  lbfgs?: LbfgsOptions;
}

/** Result of {@link fitVarPro}. */
export interface VarProResult {
  params: ScalingLawParams;
  /** Residual sum of squares of the loss, nats². */
  rss: number;
  /** Grid points evaluated (0 when started from `start`). */
  gridPoints: number;
  /** True when L-BFGS refined the grid's best point. */
  refined: boolean;
  /** True when the L-BFGS refinement stopped on a tolerance test (or was not needed). */
  converged: boolean;
  /**
   * True when the answer sits on a boundary: α or β on the grid's edge (refined or not), or a
   * coefficient E, A or B at 0, the bound of the non-negativity constraint (data with no trend in D
   * give B = 0, and then any β fits equally well).
   */
  boundHit: boolean;
}

/** Columns of the design for given exponents: N^(−α) and D^(−β). */
function columns(lnN: Float64Array, lnD: Float64Array, alpha: number, beta: number): { u: Float64Array; v: Float64Array } {
  const n = lnN.length;
  const u = new Float64Array(n);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    u[i] = Math.exp(-alpha * lnN[i]!);
    v[i] = Math.exp(-beta * lnD[i]!);
  }
  return { u, v };
}

/**
 * Least squares for y ≈ Σ_j θ_j·col_j over the chosen columns (Householder-free: modified
 * Gram–Schmidt applied twice, which is accurate for 1–3 columns). Returns θ for the chosen columns
 * and the residual sum of squares; columns that are numerically dependent get θ = 0.
 */
export function leastSquares(cols: readonly Float64Array[], y: Float64Array): { theta: number[]; rss: number } {
  const n = y.length;
  const p = cols.length;
  const q: Float64Array[] = [];
  const R: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const alive: boolean[] = [];
  for (let j = 0; j < p; j++) {
    const w = Float64Array.from(cols[j]!);
    const norm0 = Math.sqrt(w.reduce((s, x) => s + x * x, 0));
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        if (!alive[k]) continue;
        let d = 0;
        for (let i = 0; i < n; i++) d += q[k]![i]! * w[i]!;
        R[k]![j]! += d;
        for (let i = 0; i < n; i++) w[i]! -= d * q[k]![i]!;
      }
    }
    const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0));
    alive[j] = norm > 1e-12 * norm0 && norm > 0;
    R[j]![j] = alive[j] ? norm : 0;
    q.push(alive[j] ? w.map((x) => x / norm) : w.fill(0));
  }
  // Project y, then back-substitute.
  const z = new Array<number>(p).fill(0);
  const r = Float64Array.from(y);
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < p; k++) {
      if (!alive[k]) continue;
      let d = 0;
      for (let i = 0; i < n; i++) d += q[k]![i]! * r[i]!;
      z[k]! += d;
      for (let i = 0; i < n; i++) r[i]! -= d * q[k]![i]!;
    }
  }
  const theta = new Array<number>(p).fill(0);
  for (let j = p - 1; j >= 0; j--) {
    if (!alive[j]) continue;
    let s = z[j]!;
    for (let k = j + 1; k < p; k++) s -= R[j]![k]! * theta[k]!;
    theta[j] = s / R[j]![j]!;
  }
  return { theta, rss: r.reduce((s, x) => s + x * x, 0) };
}

/** (E, A, B) for fixed exponents and the RSS, by ordinary or non-negative least squares. */
export interface Projection {
  E: number;
  A: number;
  B: number;
  rss: number;
  /** True when a coefficient was held at 0 by the constraint. */
  clamped: boolean;
}

/**
 * The linear step of variable projection: the (E, A, B) that minimise the RSS for fixed (α, β).
 * `nonNegative` (default true) imposes E, A, B ≥ 0 exactly, by solving every subset of the three
 * columns and keeping the best feasible one (the non-negative optimum is the unconstrained optimum
 * on its own support, so this is exact NNLS for three unknowns).
 */
export function projectLinear(lnN: Float64Array, lnD: Float64Array, loss: Float64Array, alpha: number, beta: number, nonNegative = true): Projection {
  const { u, v } = columns(lnN, lnD, alpha, beta);
  const one = new Float64Array(loss.length).fill(1);
  const all = [one, u, v];
  const full = leastSquares(all, loss);
  const [E0, A0, B0] = full.theta as [number, number, number];
  if (!nonNegative || (E0 >= 0 && A0 >= 0 && B0 >= 0)) return { E: E0, A: A0, B: B0, rss: full.rss, clamped: false };
  let best: Projection = { E: 0, A: 0, B: 0, rss: loss.reduce((s, x) => s + x * x, 0), clamped: true };
  for (let mask = 1; mask < 7; mask++) {
    const idx = [0, 1, 2].filter((j) => mask & (1 << j));
    const fit = leastSquares(idx.map((j) => all[j]!), loss);
    if (fit.theta.some((t) => t < 0)) continue;
    if (fit.rss < best.rss) {
      const th = [0, 0, 0];
      idx.forEach((j, k) => (th[j] = fit.theta[k]!));
      best = { E: th[0]!, A: th[1]!, B: th[2]!, rss: fit.rss, clamped: true };
    }
  }
  return best;
}

/**
 * The profiled objective RSS(α, β) with (E, A, B) by ordinary least squares, and its gradient by the
 * envelope theorem (Czech et al. 2026 §5.2). Non-positive exponents give +∞ (outside the model).
 */
export function profiledRss(lnN: Float64Array, lnD: Float64Array, loss: Float64Array): (x: Float64Array, g: Float64Array) => number {
  const n = loss.length;
  return (x, g) => {
    const alpha = x[0]!;
    const beta = x[1]!;
    if (!(alpha > 0 && beta > 0 && alpha < 10 && beta < 10)) return Number.POSITIVE_INFINITY;
    const p = projectLinear(lnN, lnD, loss, alpha, beta, false);
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const u = Math.exp(-alpha * lnN[i]!);
      const v = Math.exp(-beta * lnD[i]!);
      const r = loss[i]! - p.E - p.A * u - p.B * v;
      ga += r * lnN[i]! * u;
      gb += r * lnD[i]! * v;
    }
    g[0] = 2 * p.A * ga;
    g[1] = 2 * p.B * gb;
    return p.rss;
  };
}

/** Inputs of the variable-projection fit: natural logs of N and D, and the loss itself (nats/token). */
export interface VarProData {
  lnN: Float64Array;
  lnD: Float64Array;
  loss: Float64Array;
}

/** {@link VarProData} from points; throws on a non-positive or non-finite value. */
export function toVarProData(points: readonly LossPoint[]): VarProData {
  const lnN = new Float64Array(points.length);
  const lnD = new Float64Array(points.length);
  const loss = new Float64Array(points.length);
  points.forEach((p, i) => {
    if (!(p.N > 0 && p.D > 0 && p.loss > 0 && Number.isFinite(p.N * p.D * p.loss))) throw new RangeError(`toVarProData: point ${i} is not positive and finite`);
    lnN[i] = Math.log(p.N);
    lnD[i] = Math.log(p.D);
    loss[i] = p.loss;
  });
  return { lnN, lnD, loss };
}

/**
 * Variable-projection fit of L̂ = E + A/N^α + B/D^β by least squares on the loss (Czech et al. 2026,
 * §5.2): (α, β) on a grid with non-negative (E, A, B), then L-BFGS on (α, β) with (E, A, B) solved
 * linearly at every step. Works on {@link VarProData}; see {@link fitVarProPoints} for points.
 */
export function fitVarPro(data: VarProData, options: VarProOptions = {}): VarProResult {
  const { lnN, lnD, loss } = data;
  if (loss.length < 5) throw new RangeError(`fitVarPro: need at least 5 points for 5 constants, got ${loss.length}`);
  const grid = options.grid ?? { min: 0.05, max: 0.95, steps: 32 };
  if (!(grid.steps >= 2 && grid.min > 0 && grid.max > grid.min)) throw new RangeError('fitVarPro: grid needs steps ≥ 2 and 0 < min < max');
  let alpha: number;
  let beta: number;
  let gridPoints = 0;
  let onEdge = false;
  if (options.start) {
    ({ alpha, beta } = options.start);
  } else {
    const at = (k: number) => grid.min + ((grid.max - grid.min) * k) / (grid.steps - 1);
    let best = { rss: Number.POSITIVE_INFINITY, i: 0, j: 0 };
    for (let i = 0; i < grid.steps; i++)
      for (let j = 0; j < grid.steps; j++) {
        const p = projectLinear(lnN, lnD, loss, at(i), at(j));
        gridPoints++;
        if (p.rss < best.rss) best = { rss: p.rss, i, j };
      }
    alpha = at(best.i);
    beta = at(best.j);
    onEdge = best.i === 0 || best.j === 0 || best.i === grid.steps - 1 || best.j === grid.steps - 1;
  }
  let refined = false;
  let converged = true;
  if (options.refine !== false) {
    // Refine on the unconstrained (OLS) profile, which is smooth; keep the result only when its
    // coefficients are non-negative and it does not lose to the grid's (constrained) best.
    const before = projectLinear(lnN, lnD, loss, alpha, beta).rss;
    const res = minimizeLbfgs(profiledRss(lnN, lnD, loss), [alpha, beta], options.lbfgs);
    const p = projectLinear(lnN, lnD, loss, res.x[0]!, res.x[1]!, false);
    if (Number.isFinite(res.f) && p.E >= 0 && p.A >= 0 && p.B >= 0 && p.rss <= before) {
      alpha = res.x[0]!;
      beta = res.x[1]!;
      refined = true;
      converged = res.converged;
      onEdge = false;
    }
  }
  const p = projectLinear(lnN, lnD, loss, alpha, beta);
  // A refined exponent can still sit where the grid began or ended (e.g. any β fits when B = 0), and
  // a coefficient at 0 is on the bound E, A, B ≥ 0 even when no clamp was needed to put it there.
  if (!options.start && (alpha <= grid.min || alpha >= grid.max || beta <= grid.min || beta >= grid.max)) onEdge = true;
  const zeroCoefficient = p.E <= 0 || p.A <= 0 || p.B <= 0;
  return { params: { E: p.E, A: p.A, B: p.B, alpha, beta }, rss: p.rss, gridPoints, refined, converged, boundHit: onEdge || p.clamped || zeroCoefficient };
}

/** {@link fitVarPro} on points. */
export function fitVarProPoints(points: readonly LossPoint[], options: VarProOptions = {}): VarProResult {
  return fitVarPro(toVarProData(points), options);
}

/**
 * Bootstrap refits by variable projection for resamples `from` … `to − 1` of the same stream as
 * `bootstrapRefits` (fit.ts `resampleStream`): each refit refines (α, β) from `start` (the full
 * data's estimate) without a grid, as Epoch's refits start from one fixed point. Values are stored
 * in the same log-space order [log A, log B, log E, α, β] (NaN when a refit fails or a coefficient
 * is 0), so `summarizeBootstrap` reads them.
 */
export function varProRefits(
  data: VarProData,
  options: { seed?: number; from?: number; to: number; start: { alpha: number; beta: number }; lbfgs?: LbfgsOptions; onProgress?: (done: number, total: number) => void },
): BootstrapSlice {
  const from = options.from ?? 0;
  const { to } = options;
  const n = data.loss.length;
  const draw = resampleStream(options.seed ?? 42, n, from);
  const values = new Float64Array((to - from) * 5);
  const converged = new Uint8Array(to - from);
  for (let r = from; r < to; r++) {
    const idx = draw();
    const d: VarProData = { lnN: new Float64Array(n), lnD: new Float64Array(n), loss: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      d.lnN[i] = data.lnN[idx[i]!]!;
      d.lnD[i] = data.lnD[idx[i]!]!;
      d.loss[i] = data.loss[idx[i]!]!;
    }
    const fit = fitVarPro(d, { start: options.start, ...(options.lbfgs ? { lbfgs: options.lbfgs } : {}) });
    const v = [Math.log(fit.params.A), Math.log(fit.params.B), Math.log(fit.params.E), fit.params.alpha, fit.params.beta];
    const ok = v.every(Number.isFinite);
    values.set(ok ? v : [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN], (r - from) * 5);
    converged[r - from] = ok && fit.converged ? 1 : 0;
    options.onProgress?.(r + 1 - from, to - from);
  }
  return { from, to, values, converged };
}
