/**
 * Over-training: a model smaller than compute-optimal, trained on more tokens to the same loss
 * (Harm de Vries, "Go smol or go home", 2023; the "compute overhead" of a smaller model), and the
 * inference compute it saves. Uses a parametric law of the Hoffmann et al. 2022 form (Eq. 2) with the
 * compute-optimal point of Eq. (4) under C = 6ND; pass any constant set of that form (Hoffmann
 * rounded or precise, Epoch's refit). Pure functions.
 *
 * Formulas (all derived from L̂(N, D) = E + A/N^α + B/D^β):
 * - compute-optimal point for budget C: N_opt, D_opt (Hoffmann Eq. 4), target loss L* = L̂(N_opt, D_opt);
 * - a model k times smaller, N = N_opt/k (k ≥ 1), reaches L* with
 *   D = (B / (L* − E − A/N^α))^(1/β) tokens, finite only while L* − E − A/N^α > 0;
 * - its training compute C′ = 6·N·D; compute ratio C′/C and compute overhead C′/C − 1;
 * - the smallest model that can reach L* at all (D → ∞): N_crit = (A / (L* − E))^(1/α);
 * - inference at ≈ 2N FLOP per served token (Kaplan Eq. 2.2 without the context term): the smaller model
 *   saves 2·(N_opt − N) per token, so the extra training compute C′ − C is repaid after
 *   T = (C′ − C) / (2·(N_opt − N)) served tokens.
 */
import type { ParametricConstants } from './chinchilla.ts';
import { lossHat, optimalAllocation } from './chinchilla.ts';
import { inferenceFlopPerToken, trainingFlop } from './compute.ts';

/**
 * Hoffmann Eq. (2) solved for D: the tokens a model of N parameters needs to reach `targetLoss`,
 * D = (B / (L − E − A/N^α))^(1/β). Infinite when N cannot reach the loss with any amount of data.
 * @example tokensForLoss(8e9, 2.0, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']))
 */
export function tokensForLoss(N: number, targetLoss: number, { E, A, B, alpha, beta }: ParametricConstants): number {
  const dataTerm = targetLoss - E - A / Math.pow(N, alpha);
  if (!(dataTerm > 0)) return Number.POSITIVE_INFINITY;
  return Math.pow(B / dataTerm, 1 / beta);
}

/**
 * Hoffmann Eq. (2) with D → ∞: the smallest model that can reach `targetLoss`, N = (A / (L − E))^(1/α)
 * (de Vries' "critical model size"). infinite (positive infinity) when L ≤ E.
 * @example criticalModelSize(2.0, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']))
 */
export function criticalModelSize(targetLoss: number, { E, A, alpha }: ParametricConstants): number {
  const gap = targetLoss - E;
  if (!(gap > 0)) return Number.POSITIVE_INFINITY;
  return Math.pow(A / gap, 1 / alpha);
}

/** The compute-optimal model and a smaller one trained to the same loss. */
export interface SmallerModel {
  /** Compute-optimal point for the budget (Hoffmann Eq. 4). */
  optimal: { N: number; D: number; C: number; loss: number };
  /** The smaller model's parameters, N_opt / k. */
  N: number;
  /** Tokens it needs to reach the same loss (Infinity if it cannot). */
  D: number;
  /** Its training compute 6·N·D, FLOP. */
  trainingFlop: number;
  /** C′/C: training compute relative to the compute-optimal run (≥ 1). */
  computeRatio: number;
  /** C′/C − 1: de Vries' compute overhead (0 at k = 1). */
  computeOverhead: number;
  /** C′ − C, FLOP. */
  extraTrainingFlop: number;
  /** D/N of the smaller model. */
  tokensPerParameter: number;
  /** Served tokens after which its inference saving repays the extra training compute (see module doc). */
  breakEvenServedTokens: number;
}

/**
 * A model `k` times smaller than compute-optimal for budget C (FLOP): the tokens and training compute
 * it needs to match the compute-optimal loss, the compute overhead, and the inference break-even
 * (formulas in the module comment). Throws a RangeError for k < 1 (that is a larger model).
 * @example smallerModel(1e23, 2, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta'])).computeOverhead
 */
export function smallerModel(C: number, k: number, c: ParametricConstants): SmallerModel {
  if (!(k >= 1)) throw new RangeError(`k must be at least 1 (a model k times smaller), received ${String(k)}`);
  const opt = optimalAllocation(C, c);
  const loss = lossHat(opt.N, opt.D, c);
  const N = opt.N / k;
  // At k = 1 the model is the optimum itself, whose 6·N·D is C by construction (avoids rounding noise).
  const D = k === 1 ? opt.D : tokensForLoss(N, loss, c);
  const flop = k === 1 ? C : trainingFlop(N, D);
  const computeRatio = flop / C;
  const extraTrainingFlop = flop - C;
  return {
    optimal: { N: opt.N, D: opt.D, C, loss },
    N,
    D,
    trainingFlop: flop,
    computeRatio,
    computeOverhead: computeRatio - 1,
    extraTrainingFlop,
    tokensPerParameter: D / N,
    breakEvenServedTokens: inferenceBreakEven({ extraTrainingFlop, largerN: opt.N, smallerN: N }),
  };
}

/**
 * Served tokens after which a smaller model's inference saving, (2·N_large − 2·N_small) FLOP per token
 * (Kaplan Eq. 2.2, context term dropped), repays `extraTrainingFlop`. 0 when nothing extra was spent;
 * infinite when the models are the same size but extra compute was spent.
 * @example inferenceBreakEven({ extraTrainingFlop: 1e21, largerN: 70e9, smallerN: 35e9 })
 */
export function inferenceBreakEven({
  extraTrainingFlop,
  largerN,
  smallerN,
}: {
  extraTrainingFlop: number;
  largerN: number;
  smallerN: number;
}): number {
  if (extraTrainingFlop <= 0) return 0;
  const savingPerToken = inferenceFlopPerToken(largerN) - inferenceFlopPerToken(smallerN);
  if (!(savingPerToken > 0)) return Number.POSITIVE_INFINITY;
  return extraTrainingFlop / savingPerToken;
}

/** Training plus inference compute of the compute-optimal model and of a smaller one, for one serving volume. */
export interface LifetimeComparison {
  /** Served tokens D_inf. */
  servedTokens: number;
  /** 6·N_opt·D_opt + 2·N_opt·D_inf, FLOP. */
  optimalTotalFlop: number;
  /** 6·N·D + 2·N·D_inf for the smaller model, FLOP (Infinity when it cannot reach the loss). */
  smallerTotalFlop: number;
  /** optimalTotalFlop − smallerTotalFlop: positive when the smaller model is cheaper over its life. */
  savedFlop: number;
  /** savedFlop / optimalTotalFlop. */
  savedFraction: number;
}

/**
 * Sardana et al. 2024's lifetime objective, 6·N·D_tr + 2·N·D_inf (their §2), for the compute-optimal
 * model and for the smaller model of {@link smallerModel} after `servedTokens` served tokens. The smaller
 * model saves compute exactly when `servedTokens` exceeds its `breakEvenServedTokens`.
 * Throws a RangeError for a negative or non-finite `servedTokens`.
 * @example lifetimeComparison(smallerModel(1e23, 2, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta'])), 2e12).savedFraction
 */
export function lifetimeComparison(r: SmallerModel, servedTokens: number): LifetimeComparison {
  if (!(servedTokens >= 0 && Number.isFinite(servedTokens))) throw new RangeError(`served tokens must be a finite number ≥ 0, received ${String(servedTokens)}`);
  const optimalTotalFlop = r.optimal.C + servedTokens * inferenceFlopPerToken(r.optimal.N);
  const smallerTotalFlop = r.trainingFlop + servedTokens * inferenceFlopPerToken(r.N);
  const savedFlop = optimalTotalFlop - smallerTotalFlop;
  return { servedTokens, optimalTotalFlop, smallerTotalFlop, savedFlop, savedFraction: savedFlop / optimalTotalFlop };
}
