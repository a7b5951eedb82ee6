/**
 * Inference-aware allocation, Sardana et al. 2024 (arXiv:2401.00448): for a target loss ℓ and a
 * lifetime of D_inf inference tokens, choose N and D_tr to minimise 6·N·D_tr + 2·N·D_inf subject to
 * L̂(N, D_tr) = ℓ (Chinchilla's Eq. 2 form). There is no closed form; the first-order condition
 *   B(1 + β/α)·D^(−β) + (β·B·D_inf/(3α))·D^(−β−1) = ℓ − E
 * (the authors' `compute_optimal_train_tokens`) has one root above the smallest D that can reach ℓ;
 * we find it by bisection in log D, then N = (A/(ℓ − E − B·D^(−β)))^(1/α). With D_inf = 0 the answer is
 * Chinchilla's point for that loss. Pure functions.
 */
import type { ParametricConstants } from './chinchilla.ts';
import { lossHat, optimalDForN } from './chinchilla.ts';

/** Training plus inference compute: 6·N·D_tr + 2·N·D_inf FLOP. */
export function lifetimeFlop(N: number, trainingTokens: number, inferenceTokens: number): number {
  return 6 * N * trainingTokens + 2 * N * inferenceTokens;
}

/** One allocation for a target loss. */
export interface LifetimeAllocation {
  N: number;
  /** Training tokens D_tr. */
  D: number;
  /** 6·N·D_tr. */
  trainingFlop: number;
  /** 6·N·D_tr + 2·N·D_inf. */
  totalFlop: number;
}

function checkLoss(loss: number, c: ParametricConstants): void {
  if (!(Number.isFinite(loss) && loss > c.E)) throw new RangeError(`target loss must be above the floor E = ${c.E}, got ${String(loss)}`);
}

/** N needed to reach `loss` on D tokens (Infinity when D alone cannot reach it). */
function paramsForLoss(loss: number, D: number, { A, B, E, alpha, beta }: ParametricConstants): number {
  const gap = loss - E - B / Math.pow(D, beta);
  return gap > 0 ? Math.pow(A / gap, 1 / alpha) : Number.POSITIVE_INFINITY;
}

/**
 * Sardana et al. §2 (their Eq. 2–3): the (N, D_tr) of loss `loss` that minimise training plus
 * inference FLOPs for `inferenceTokens` served tokens. Throws a RangeError when loss ≤ E.
 */
export function inferenceOptimal(loss: number, inferenceTokens: number, c: ParametricConstants): LifetimeAllocation {
  checkLoss(loss, c);
  if (!(inferenceTokens >= 0)) throw new RangeError(`inference tokens must be ≥ 0, got ${String(inferenceTokens)}`);
  const { B, E, alpha, beta } = c;
  const gap = loss - E;
  const foc = (D: number) => B * (1 + beta / alpha) * Math.pow(D, -beta) + ((beta * B * inferenceTokens) / (3 * alpha)) * Math.pow(D, -beta - 1) - gap;
  // Smallest D that can reach the loss at all: B·D^(−β) = ℓ − E. There foc > 0; foc → −gap as D → ∞.
  let lo = Math.log(Math.pow(B / gap, 1 / beta));
  let hi = lo + 1;
  while (foc(Math.exp(hi)) > 0) hi += 1;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (foc(Math.exp(mid)) > 0) lo = mid;
    else hi = mid;
  }
  const D = Math.exp(0.5 * (lo + hi));
  const N = paramsForLoss(loss, D, c);
  return { N, D, trainingFlop: 6 * N * D, totalFlop: lifetimeFlop(N, D, inferenceTokens) };
}

/** The Chinchilla-optimal model of N parameters (Hoffmann Eq. 4) and its loss, with lifetime FLOPs for D_inf served tokens. */
export function chinchillaReference(N: number, inferenceTokens: number, c: ParametricConstants): LifetimeAllocation & { loss: number } {
  const D = optimalDForN(N, c);
  return { N, D, loss: lossHat(N, D, c), trainingFlop: 6 * N * D, totalFlop: lifetimeFlop(N, D, inferenceTokens) };
}

/** Sardana et al.'s comparison: the Chinchilla model of size N vs the inference-optimal model of the same loss. */
export function inferenceSaving(N: number, inferenceTokens: number, c: ParametricConstants) {
  const chinchilla = chinchillaReference(N, inferenceTokens, c);
  const optimal = inferenceOptimal(chinchilla.loss, inferenceTokens, c);
  const savedFlop = chinchilla.totalFlop - optimal.totalFlop;
  return { chinchilla, optimal, savedFlop, savedFraction: savedFlop / chinchilla.totalFlop };
}
