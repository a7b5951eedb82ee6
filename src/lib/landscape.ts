/**
 * The loss landscape of Hoffmann et al. 2022's parametric law, L̂(N, D) = E + A/N^α + B/D^β (Eq. 2),
 * over the (N, D) plane on log axes: its contour lines (closed form, since L̂ is a sum of a term in N
 * and a term in D), IsoFLOP lines C = 6ND, the compute-optimal frontier of Eq. (4) and Kaplan et
 * al. 2020's compute-efficient allocation (Table 6), and where a chosen point sits against the
 * frontier. Pure functions; units: N in parameters, D in tokens, C in FLOP, L̂ in nats/token.
 */
import { frontierLoss, lossHat, optimalAllocation, allocationExponents, frontierG, type ParametricConstants } from './chinchilla.ts';
import { trainingFlop } from './compute.ts';
import { computeEfficient, type ComputeEfficientConstants } from './kaplan.ts';
import { flopToPfDays } from './units.ts';

/** A rectangle of the (N, D) plane: parameters and tokens, both positive. */
export interface LandscapeBox {
  Nmin: number;
  Nmax: number;
  Dmin: number;
  Dmax: number;
}

/** A point of the (N, D) plane. */
export interface NDPoint {
  N: number;
  D: number;
}

/**
 * A point on the contour L̂(N, D) = L: the tokens D at which a model of N parameters reaches loss L
 * under Hoffmann Eq. (2), D = (B / (L − E − A/N^α))^(1/β). Undefined when no D reaches L (the model
 * term alone already exceeds L − E).
 * @example contourTokens(2, 70e9, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']))
 */
export function contourTokens(L: number, N: number, { E, A, B, alpha, beta }: ParametricConstants): number | undefined {
  const left = L - E - A / Math.pow(N, alpha);
  if (!(left > 0)) return undefined;
  const D = Math.pow(B / left, 1 / beta);
  return Number.isFinite(D) ? D : undefined;
}

/**
 * The smallest model that reaches loss L at D tokens under Hoffmann Eq. (2), N = (A / (L − E − B/D^β))^(1/α);
 * the mirror of {@link contourTokens}. Undefined when no N reaches L.
 */
export function contourParameters(L: number, D: number, { E, A, B, alpha, beta }: ParametricConstants): number | undefined {
  const left = L - E - B / Math.pow(D, beta);
  if (!(left > 0)) return undefined;
  const N = Math.pow(A / left, 1 / alpha);
  return Number.isFinite(N) ? N : undefined;
}

/**
 * The contour L̂(N, D) = L inside a box, as `samples` points evenly spaced in log N (D falls as N
 * grows). Its ends are where it meets the box's edges, solved exactly. Empty when the contour misses the box.
 */
export function contourLine(L: number, c: ParametricConstants, box: LandscapeBox, samples = 64): NDPoint[] {
  // D(N) decreases in N: the contour enters at D = Dmax (or N = Nmin) and leaves at D = Dmin (or N = Nmax).
  const nAtDmax = contourParameters(L, box.Dmax, c);
  const nAtDmin = contourParameters(L, box.Dmin, c);
  if (nAtDmax === undefined) return [];
  const lo = Math.max(box.Nmin, nAtDmax);
  const hi = Math.min(box.Nmax, nAtDmin ?? Infinity);
  if (!(lo < hi)) return [];
  const out: NDPoint[] = [];
  const a = Math.log(lo);
  const b = Math.log(hi);
  for (let i = 0; i < samples; i++) {
    const N = Math.exp(a + ((b - a) * i) / (samples - 1));
    const D = contourTokens(L, N, c);
    if (D !== undefined) out.push({ N, D: Math.min(box.Dmax, Math.max(box.Dmin, D)) });
  }
  return out;
}

/**
 * Loss levels for the contours of a box, "nice" and increasing: spaced evenly in log(L − E) between
 * the box's lowest loss (at Nmax, Dmax) and highest (at Nmin, Dmin), each rounded to the power of ten
 * just below its reducible loss L − E (so levels near E keep more digits). A level closer to the previous
 * one than a quarter of its own L − E is dropped, so no two contours crowd each other.
 */
export function contourLevels(c: ParametricConstants, box: LandscapeBox, count = 8): number[] {
  const lo = lossHat(box.Nmax, box.Dmax, c);
  const hi = lossHat(box.Nmin, box.Dmin, c);
  const r0 = Math.log(lo - c.E);
  const r1 = Math.log(hi - c.E);
  const out: number[] = [];
  for (let k = 1; k <= count; k++) {
    const R = Math.exp(r0 + ((r1 - r0) * k) / (count + 1));
    const step = Math.pow(10, Math.floor(Math.log10(R)));
    const L = Math.round((c.E + R) / step) * step;
    const level = Number(L.toPrecision(6)); // drop binary noise of the rounding (2.0000000000000004)
    const previous = out[out.length - 1];
    // Skip a level that rounding brought too close to the previous one (closer than a quarter of its reducible loss).
    if (level > lo && level < hi && level > c.E && (previous === undefined || level - previous >= 0.25 * (level - c.E))) out.push(level);
  }
  return out;
}

/** Where a loss falls among increasing contour levels. */
export interface ContourPosition {
  /** The level it is on (within the relative tolerance), if any. */
  on?: number;
  /** The nearest level below it (a lower loss), if any. */
  below?: number;
  /** The nearest level above it (a higher loss), if any. */
  above?: number;
}

/**
 * Which contour a loss L lies on, or between which two: `on` when |L − level| ≤ tolerance·level.
 * `levels` must be increasing.
 */
export function contourPosition(L: number, levels: readonly number[], tolerance = 0.002): ContourPosition {
  const on = levels.find((x) => Math.abs(L - x) <= tolerance * x);
  let below: number | undefined;
  let above: number | undefined;
  for (const x of levels) {
    if (x < L && x !== on) below = x;
    if (x > L && x !== on && above === undefined) above = x;
  }
  return { on, below, above };
}

/** Where a point (N, D) sits against Hoffmann Eq. (4)'s frontier at its own budget C = 6ND. */
export interface FrontierOffset {
  /** C = 6ND, FLOP. */
  C: number;
  /** L̂(N, D), nats/token. */
  loss: number;
  /** Compute-optimal N and D at the same C (Eq. 4). */
  Nopt: number;
  Dopt: number;
  /** L̂ of the compute-optimal model at C (the minimum along the IsoFLOP line). */
  lossOpt: number;
  /**
   * N / N_opt(C): above 1 the model is larger than optimal for its compute (undertrained, too few
   * tokens), below 1 smaller (overtrained); exactly 1 on the frontier.
   */
  factor: number;
}

/**
 * The point's budget, loss, and distance from the compute-optimal frontier along its IsoFLOP line
 * (Hoffmann Eq. (2) and Hoffmann Eq. (4), under C = 6ND).
 * @example frontierOffset(70e9, 1.4e12, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']))
 */
export function frontierOffset(N: number, D: number, c: ParametricConstants): FrontierOffset {
  const C = trainingFlop(N, D);
  const opt = optimalAllocation(C, c);
  return { C, loss: lossHat(N, D, c), Nopt: opt.N, Dopt: opt.D, lossOpt: frontierLoss(C, c), factor: N / opt.N };
}

/**
 * A segment that is straight on log–log axes, ln N = n0 + n1·t and ln D = d0 + d1·t (n1, d1 > 0),
 * cut to a box: its two end points, or none when it misses the box.
 */
function logLineInBox(n0: number, n1: number, d0: number, d1: number, box: LandscapeBox): NDPoint[] {
  const t0 = Math.max((Math.log(box.Nmin) - n0) / n1, (Math.log(box.Dmin) - d0) / d1);
  const t1 = Math.min((Math.log(box.Nmax) - n0) / n1, (Math.log(box.Dmax) - d0) / d1);
  if (!(t0 < t1)) return [];
  return [t0, t1].map((t) => ({ N: Math.exp(n0 + n1 * t), D: Math.exp(d0 + d1 * t) }));
}

/**
 * Hoffmann Eq. (4)'s compute-optimal frontier in the (N, D) plane, cut to a box: N_opt = G·(C/6)^a and
 * D_opt = (C/6)^b / G are both power laws of C, so the frontier is a straight segment on log axes.
 */
export function frontierSegment(c: ParametricConstants, box: LandscapeBox): NDPoint[] {
  const { a, b } = allocationExponents(c);
  const lnG = Math.log(frontierG(c));
  return logLineInBox(lnG, a, -lnG, b, box); // t = ln(C/6)
}

/**
 * Kaplan et al. 2020, Table 6's compute-efficient N_opt = N_e·C^p_N and D_opt = D_e·C^p_D for a budget
 * of C FLOP, read as C_min in PF-days — the budget calculator's convention. N counts NON-EMBEDDING
 * parameters, so on axes of total parameters the point sits somewhat left of where the same model would.
 * @example kaplanAllocationAt(5.76e23, constantsOf('kaplan-2020-compute-efficient', ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD']))
 */
export function kaplanAllocationAt(C: number, k: ComputeEfficientConstants): NDPoint {
  const x = computeEfficient(flopToPfDays(C), k);
  return { N: x.N, D: x.D };
}

/** Kaplan Table 6's allocation over all budgets, cut to a box: straight on log axes (both power laws of C_min). */
export function kaplanSegment(k: ComputeEfficientConstants, box: LandscapeBox): NDPoint[] {
  return logLineInBox(Math.log(k.Ne), k.pN, Math.log(k.De), k.pD, box); // t = ln(C_min / 1 PF-day)
}

/** The IsoFLOP line D = C/(6N) of a budget C, cut to a box (a straight segment of slope −1 on log axes). */
export function isoFlopSegment(C: number, box: LandscapeBox): NDPoint[] {
  const lo = Math.max(box.Nmin, C / (6 * box.Dmax));
  const hi = Math.min(box.Nmax, C / (6 * box.Dmin));
  if (!(lo < hi)) return [];
  return [lo, hi].map((N) => ({ N, D: C / (6 * N) }));
}
