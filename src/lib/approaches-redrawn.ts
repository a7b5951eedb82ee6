/**
 * Hoffmann et al. 2022's Approaches 1 and 2 (§3.1, §3.2), redrawn from the parametric loss
 * L̂(N, D) (Eq. 2): training-curve envelopes, IsoFLOP profiles with their parabola fits, and the
 * power laws N_opt ∝ C^a fitted to the minima (Table 2). The paper ran these on its own training
 * runs; here they run on L̂ under a chosen constant set, so what they show is the method, not the
 * paper's measurements. Pure functions; N in parameters, D in tokens, C in FLOP, loss in nats/token.
 */
import { isoFlopLoss, lossHat, optimalN, type ParametricConstants } from './chinchilla.ts';
import { tokensForFlop } from './compute.ts';

/** n numbers from lo to hi, evenly spaced in log10 (both ends included). */
export function logSpace(lo: number, hi: number, n: number): number[] {
  if (!(lo > 0 && hi > 0) || !Number.isInteger(n) || n < 2) throw new RangeError(`logSpace: need lo, hi > 0 and n ≥ 2, got ${lo}, ${hi}, ${n}`);
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return Array.from({ length: n }, (_, i) => 10 ** (a + ((b - a) * i) / (n - 1)));
}

/** y = c0 + c1·x + c2·x². */
export interface Parabola {
  c0: number;
  c1: number;
  c2: number;
}

/** Solve a 3×3 linear system by Gaussian elimination with partial pivoting. */
function solve3(m: number[][], v: number[]): [number, number, number] {
  const a = m.map((row, i) => [...row, v[i]!]);
  for (let col = 0; col < 3; col++) {
    let p = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[p]![col]!)) p = r;
    if (Math.abs(a[p]![col]!) < 1e-300) throw new RangeError('fitParabola: the points do not determine a parabola (fewer than 3 distinct x)');
    [a[col], a[p]] = [a[p]!, a[col]!];
    for (let r = col + 1; r < 3; r++) {
      const f = a[r]![col]! / a[col]![col]!;
      for (let k = col; k < 4; k++) a[r]![k]! -= f * a[col]![k]!;
    }
  }
  const x = [0, 0, 0];
  for (let r = 2; r >= 0; r--) {
    let s = a[r]![3]!;
    for (let k = r + 1; k < 3; k++) s -= a[r]![k]! * x[k]!;
    x[r] = s / a[r]![r]!;
  }
  return [x[0]!, x[1]!, x[2]!];
}

/**
 * Least-squares parabola through (x, y) points — what Hoffmann §3.2 fits to each IsoFLOP profile
 * ("we fit a parabola to each IsoFLOPs curve"), with x = log10 N. x is centred before solving so
 * that large x do not ruin the conditioning.
 */
export function fitParabola(xs: readonly number[], ys: readonly number[]): Parabola {
  if (xs.length !== ys.length || xs.length < 3) throw new RangeError(`fitParabola: need ≥ 3 (x, y) pairs, got ${xs.length} x and ${ys.length} y`);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const S = [0, 0, 0, 0, 0];
  const T = [0, 0, 0];
  xs.forEach((x0, i) => {
    const x = x0 - mean;
    const y = ys[i]!;
    let p = 1;
    for (let k = 0; k < 5; k++) {
      S[k]! += p;
      if (k < 3) T[k]! += p * y;
      p *= x;
    }
  });
  const [d0, d1, d2] = solve3(
    [
      [S[0]!, S[1]!, S[2]!],
      [S[1]!, S[2]!, S[3]!],
      [S[2]!, S[3]!, S[4]!],
    ],
    T,
  );
  // Undo the centring: d0 + d1(x − m) + d2(x − m)².
  return { c0: d0 - d1 * mean + d2 * mean * mean, c1: d1 - 2 * d2 * mean, c2: d2 };
}

/** The vertex x = −c1 / (2 c2) of a parabola that opens upwards; throws if it does not. */
export function parabolaMinimum(p: Parabola): number {
  if (!(p.c2 > 0)) throw new RangeError(`parabolaMinimum: the parabola opens downwards or is flat (c2 = ${p.c2})`);
  return -p.c1 / (2 * p.c2);
}

/** y of a parabola at x. */
export function parabolaAt(p: Parabola, x: number): number {
  return p.c0 + p.c1 * x + p.c2 * x * x;
}

/** y = k·x^exponent, fitted by least squares on log10 x, log10 y. */
export interface PowerLaw {
  exponent: number;
  /** k, in the units of y per (unit of x)^exponent. */
  prefactor: number;
}

/** Least-squares line through (log10 x, log10 y): how Table 2's a and b are fitted to the optima. */
export function fitPowerLaw(xs: readonly number[], ys: readonly number[]): PowerLaw {
  if (xs.length !== ys.length || xs.length < 2) throw new RangeError(`fitPowerLaw: need ≥ 2 (x, y) pairs, got ${xs.length} and ${ys.length}`);
  const lx = xs.map(Math.log10);
  const ly = ys.map(Math.log10);
  if (![...lx, ...ly].every(Number.isFinite)) throw new RangeError('fitPowerLaw: every x and y must be a positive finite number');
  const mx = lx.reduce((s, v) => s + v, 0) / lx.length;
  const my = ly.reduce((s, v) => s + v, 0) / ly.length;
  let sxy = 0;
  let sxx = 0;
  lx.forEach((x, i) => {
    sxy += (x - mx) * (ly[i]! - my);
    sxx += (x - mx) ** 2;
  });
  if (sxx === 0) throw new RangeError('fitPowerLaw: all x are equal');
  const exponent = sxy / sxx;
  return { exponent, prefactor: 10 ** (my - exponent * mx) };
}

/** One point of an IsoFLOP profile. */
export interface IsoFlopPoint {
  C: number;
  N: number;
  /** D = C / (6N), tokens. */
  D: number;
  /** L̂(N, C/(6N)), nats/token. */
  loss: number;
}

/** Options for {@link isoFlopProfile}. */
export interface IsoFlopOptions {
  /** Model sizes per profile. Default 9. */
  points?: number;
  /** Half-width of the profile in decades of N either side of N_opt(C). Default 0.6 (a factor of ≈ 4). */
  halfWidthDecades?: number;
}

/**
 * Hoffmann §3.2 (Figure 3), redrawn from Eq. (2): at a fixed budget C, models of several sizes N,
 * each trained on D = C/(6N) tokens, and the loss L̂ each reaches. Sizes are log-spaced around the
 * Eq. (4) optimum.
 */
export function isoFlopProfile(C: number, c: ParametricConstants, options: IsoFlopOptions = {}): IsoFlopPoint[] {
  const n = options.points ?? 9;
  const w = options.halfWidthDecades ?? 0.6;
  const centre = optimalN(C, c);
  return logSpace(centre / 10 ** w, centre * 10 ** w, n).map((N) => ({ C, N, D: tokensForFlop(C, N), loss: isoFlopLoss(C, N, c) }));
}

/** An IsoFLOP profile with its parabola in log10 N and the parabola's minimum. */
export interface IsoFlopFit {
  C: number;
  points: IsoFlopPoint[];
  parabola: Parabola;
  /** The model size at the parabola's vertex, parameters (Approach 2's estimate of N_opt(C)). */
  N: number;
  /** D = C / (6N) at that size, tokens. */
  D: number;
}

/** Approach 2 on one budget: the profile, the least-squares parabola in log10 N, and its vertex. */
export function isoFlopFit(C: number, c: ParametricConstants, options: IsoFlopOptions = {}): IsoFlopFit {
  const points = isoFlopProfile(C, c, options);
  const parabola = fitParabola(
    points.map((p) => Math.log10(p.N)),
    points.map((p) => p.loss),
  );
  const N = 10 ** parabolaMinimum(parabola);
  return { C, points, parabola, N, D: tokensForFlop(C, N) };
}

/** Approach 2 over several budgets, then the power laws N_opt ∝ C^a and D_opt ∝ C^b through the minima. */
export function approach2(Cs: readonly number[], c: ParametricConstants, options: IsoFlopOptions = {}): { fits: IsoFlopFit[]; a: PowerLaw; b: PowerLaw } {
  const fits = Cs.map((C) => isoFlopFit(C, c, options));
  return {
    fits,
    a: fitPowerLaw(fits.map((f) => f.C), fits.map((f) => f.N)),
    b: fitPowerLaw(fits.map((f) => f.C), fits.map((f) => f.D)),
  };
}

/** One point of a training curve: a model of N parameters after C FLOP (D = C/(6N) tokens). */
export interface CurvePoint {
  N: number;
  C: number;
  loss: number;
}

/**
 * Hoffmann §3.1 (Figure 2, left), redrawn from Eq. (2): the loss of a model of N parameters as its
 * training compute grows, L̂(N, C/(6N)). (The paper's curves come from runs whose cosine schedule
 * was matched to each length; L̂ stands in for their final losses.)
 */
export function trainingCurve(N: number, Cs: readonly number[], c: ParametricConstants): CurvePoint[] {
  return Cs.map((C) => ({ N, C, loss: lossHat(N, tokensForFlop(C, N), c) }));
}

/**
 * Approach 1's envelope: at each budget C, the lowest loss over a family of model sizes and the size
 * that reaches it (Hoffmann §3.1: "for each FLOP count, we determine which run achieves the lowest
 * loss").
 */
export function envelope(Ns: readonly number[], Cs: readonly number[], c: ParametricConstants): CurvePoint[] {
  if (Ns.length === 0) throw new RangeError('envelope: no model sizes');
  return Cs.map((C) => {
    let best: CurvePoint | null = null;
    for (const N of Ns) {
      const loss = isoFlopLoss(C, N, c);
      if (best === null || loss < best.loss) best = { N, C, loss };
    }
    return best!;
  });
}
