/**
 * Hoffmann et al. 2022, Approaches 1 and 2 as usable allocation rules. The paper prints their fitted
 * exponents (Table 2: N_opt ∝ C^a) and projections (Table 3 for Approach 1, Table A3 for Approach 2),
 * but not their prefactors. We anchor each power law on its own projections: with a fixed at Table 2's
 * value, the prefactor k of N_opt = k·C^a is the least-squares fit in log space over the table's rows,
 * ln k = mean(ln N_i − a·ln C_i) — the geometric mean of N_i / C_i^a. D_opt then follows from C = 6ND.
 */
import { tokensForFlop } from './compute.ts';
import type { OptimalAllocation } from './chinchilla.ts';

/** One projected (C, N) pair of Table 3 or A3. */
export interface Projection {
  /** Budget, FLOP. */
  C: number;
  /** Compute-optimal parameters (total). */
  N: number;
}

/** An allocation rule N_opt = k·C^a (C in FLOP). */
export interface AnchoredPowerLaw {
  k: number;
  a: number;
}

/** Least-squares prefactor in log space for N = k·C^a with `a` fixed (see the module comment). */
export function anchorPowerLaw(projections: readonly Projection[], a: number): AnchoredPowerLaw {
  if (projections.length === 0) throw new RangeError('anchorPowerLaw needs at least one projection');
  const lnK = projections.reduce((s, p) => s + Math.log(p.N) - a * Math.log(p.C), 0) / projections.length;
  return { k: Math.exp(lnK), a };
}

/** N_opt = k·C^a and D_opt = C/(6·N_opt) for a budget of C FLOP. */
export function anchoredAllocation(C: number, { k, a }: AnchoredPowerLaw): OptimalAllocation {
  const N = k * Math.pow(C, a);
  const D = tokensForFlop(C, N);
  return { N, D, tokensPerParameter: D / N };
}

/** Inverse: the budget for which N is optimal under the rule, C = (N/k)^(1/a). */
export function anchoredComputeForN(N: number, { k, a }: AnchoredPowerLaw): number {
  return Math.pow(N / k, 1 / a);
}
