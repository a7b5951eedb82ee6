/**
 * Data-constrained scaling, Muennighoff et al. 2023 (arXiv:2305.16264): repeated tokens are worth
 * less than fresh ones, and parameters beyond the compute-optimal size for the unique data are worth
 * less than "base" parameters. Eq. (5)–(6) give effective data D′ and effective parameters N′, which
 * replace D and N in Chinchilla's law (Eq. 2 → Eq. 14–15). Constants: fixture `muennighoff-2023-c4`
 * (a, b, e are log A, log B, log E; α = β). Pure functions; D, U in tokens, N in parameters.
 */
import type { ParametricConstants } from './chinchilla.ts';
import { frontierG } from './chinchilla.ts';

/** The C4 fit of Muennighoff App. B (log-form a, b, e; α = β) and the decay constants of App. A. */
export interface DataConstrainedConstants {
  a: number;
  b: number;
  e: number;
  /** α = β (tied in App. B). */
  alpha: number;
  /** R_D*: "half-life" of repeated data, in repetitions. */
  RDstar: number;
  /** R_N*: "half-life" of excess parameters. */
  RNstar: number;
}

/** Muennighoff Eq. (20): A = e^a, B = e^b, E = e^e, α = β. */
export function baseLaw(c: DataConstrainedConstants): ParametricConstants {
  return { A: Math.exp(c.a), B: Math.exp(c.b), E: Math.exp(c.e), alpha: c.alpha, beta: c.alpha };
}

/**
 * Muennighoff Eq. (5): effective data D′ = U + U·R*·(1 − e^(−R/R*)) for U unique tokens repeated R
 * more times (R = epochs − 1). R = 0 gives U; R ≪ R* gives ≈ U(1 + R); R → ∞ gives U(1 + R*).
 * Eq. (6) is the same formula for effective parameters with U_N, R_N, R_N*.
 */
export function effective(unique: number, repetitions: number, rStar: number): number {
  if (!(unique >= 0) || !(repetitions >= 0) || !(rStar > 0)) {
    throw new RangeError(`effective: need unique ≥ 0, repetitions ≥ 0, R* > 0; got ${unique}, ${repetitions}, ${rStar}`);
  }
  return unique + unique * rStar * (1 - Math.exp(-repetitions / rStar));
}

/** Eq. (5) in epochs: D′/U after `epochs` passes over the unique data (R_D = epochs − 1). */
export function effectiveDataMultiple(epochs: number, RDstar: number): number {
  if (!(epochs >= 1)) throw new RangeError(`effectiveDataMultiple: epochs must be at least 1, got ${String(epochs)}`);
  return effective(1, epochs - 1, RDstar);
}

/** Average worth of a trained token relative to a fresh one, D′/D, after `epochs` passes. */
export function averageTokenWorth(epochs: number, RDstar: number): number {
  return effectiveDataMultiple(epochs, RDstar) / epochs;
}

/** Worth of the tokens of the next pass relative to fresh ones, d D′/d D = e^(−R_D/R_D*) (§3.1). */
export function nextPassWorth(epochs: number, RDstar: number): number {
  return Math.exp(-(epochs - 1) / RDstar);
}

/** The ceiling of Eq. (5): however often U tokens are repeated, D′ < U·(1 + R_D*). */
export function effectiveDataCeiling(unique: number, RDstar: number): number {
  return unique * (1 + RDstar);
}

/** Epochs after which one more pass is worth less than `fraction` of fresh data: 1 + R_D*·ln(1/fraction). */
export function epochsUntilPassWorth(fraction: number, RDstar: number): number {
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`epochsUntilPassWorth: fraction must be in (0, 1), got ${String(fraction)}`);
  return 1 + RDstar * Math.log(1 / fraction);
}

/** Muennighoff Eq. (15): U_N = min{(U_D·G)^(β/α)·G, N}, the compute-optimal size for the unique data (capped at N). */
export function baseParams(N: number, unique: number, c: DataConstrainedConstants): number {
  return baseParamsFor(N, unique, baseLaw(c));
}

/**
 * Eq. (15) for any law of Chinchilla's form (Eq. 2): U_N = min{(U_D·G)^(β/α)·G, N} with G from Eq. (3),
 * or min{ratio·U_D, N} when a law prints the ratio U_N/U_D itself (Eq. 17's "U_N = U_D · 0.051").
 */
export function baseParamsFor(N: number, unique: number, law: ParametricConstants, ratio?: number): number {
  if (ratio !== undefined) return Math.min(ratio * unique, N);
  const G = frontierG(law);
  return Math.min(Math.pow(unique * G, law.beta / law.alpha) * G, N);
}

/** The decay constants of Eq. (5)–(6), and optionally the printed U_N/U_D of Eq. (17). */
export interface DecayConstants {
  /** R_D*, repetitions. */
  RDstar: number;
  /** R_N*, repetitions. */
  RNstar: number;
  /** U_N/U_D as printed (Eq. 17: 0.051); default: Eq. (15) from the law's G. */
  baseRatio?: number;
}

/** Terms of Muennighoff Eq. (14) for a run of N parameters on D tokens drawn from U unique tokens. */
export interface DataConstrainedTerms {
  UN: number;
  RN: number;
  RD: number;
  /** Effective parameters N′. */
  Neff: number;
  /** Effective data D′. */
  Deff: number;
  /** Predicted loss, nats/token. */
  loss: number;
}

/**
 * Muennighoff Eq. (14)–(15): L = A/N′^α + B/D′^β + E with R_D = max(D/U − 1, 0), U_D = min(U, D),
 * U_N from Eq. (15), R_N = max(N/U_N − 1, 0). The authors' README: (6.34e9, 242e9, 25e9) → 2.22564…
 */
export function dataConstrainedLoss(N: number, D: number, unique: number, c: DataConstrainedConstants): DataConstrainedTerms {
  return dataConstrainedLossFor(N, D, unique, baseLaw(c), c);
}

/**
 * Eq. (14)–(15) with any law of Chinchilla's form (Eq. 2) and decay constants: the base law's A, B, E,
 * α, β with N′ and D′ in place of N and D. With the C4 fit of App. B this is `dataConstrainedLoss`;
 * with another law it applies Muennighoff's R_D*, R_N* to constants they were not fitted with.
 */
export function dataConstrainedLossFor(N: number, D: number, unique: number, law: ParametricConstants, decay: DecayConstants): DataConstrainedTerms {
  for (const [k, v] of [['N', N], ['D', D], ['unique', unique]] as const) {
    if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`dataConstrainedLoss: ${k} must be a positive number, got ${String(v)}`);
  }
  const UD = Math.min(unique, D);
  const RD = Math.max(D / UD - 1, 0);
  const UN = baseParamsFor(N, UD, law, decay.baseRatio);
  const RN = Math.max(N / UN - 1, 0);
  const Neff = effective(UN, RN, decay.RNstar);
  const Deff = effective(UD, RD, decay.RDstar);
  return { UN, RN, RD, Neff, Deff, loss: law.E + law.A / Math.pow(Neff, law.alpha) + law.B / Math.pow(Deff, law.beta) };
}

/** Tokens, optimiser steps and epochs of a run that passes `epochs` times over `unique` tokens at `batchTokens` tokens per step. */
export interface RepetitionSchedule {
  /** D = U·epochs, tokens. */
  tokens: number;
  /** Steps per pass, U/B. */
  stepsPerEpoch: number;
  /** Steps of the whole run, D/B. */
  steps: number;
}

/** D = U·epochs and S = D/B: the conversion between tokens, steps and epochs (B in tokens per step). */
export function repetitionSchedule(unique: number, epochs: number, batchTokens: number): RepetitionSchedule {
  if (!(unique > 0 && epochs > 0 && batchTokens > 0)) {
    throw new RangeError(`repetitionSchedule: need unique, epochs, batch > 0; got ${unique}, ${epochs}, ${batchTokens}`);
  }
  const tokens = unique * epochs;
  return { tokens, stepsPerEpoch: unique / batchTokens, steps: tokens / batchTokens };
}
