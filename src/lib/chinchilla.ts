/**
 * Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models" (arXiv:2203.15556),
 * Approach 3: the parametric loss L̂(N, D) = E + A/N^α + B/D^β (Eq. 2) and its closed-form
 * compute-optimal frontier under C ≈ 6ND (Eq. 4). The same form serves Besiroglu et al. 2024's refit.
 * Pure functions; constants are passed in (fixtures `hoffmann-2022-rounded`, `hoffmann-2022-precise`,
 * `besiroglu-2024-refit`). Units: N in parameters (embeddings included), D in tokens, C in FLOP,
 * L̂ in nats/token.
 */
import { tokensForFlop } from './compute.ts';

/** Constants of Hoffmann Eq. (2) / (10). */
export interface ParametricConstants {
  /** Irreducible loss E, nats/token. */
  E: number;
  /** Model-size coefficient A. */
  A: number;
  /** Data coefficient B. */
  B: number;
  /** Model-size exponent α. */
  alpha: number;
  /** Data exponent β. */
  beta: number;
}

/**
 * Hoffmann Eq. (2) / (5) / (10): L̂(N, D) = E + A/N^α + B/D^β.
 * @example lossHat(70e9, 1.4e12, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']))
 */
export function lossHat(N: number, D: number, { E, A, B, alpha, beta }: ParametricConstants): number {
  return E + A / Math.pow(N, alpha) + B / Math.pow(D, beta);
}

/**
 * Hoffmann Eq. (4): the allocation exponents a = β/(α+β) (N_opt ∝ C^a) and b = α/(α+β) (D_opt ∝ C^b);
 * a + b = 1. Not to be confused with the loss exponents α and β themselves.
 * @example allocationExponents(constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']))
 */
export function allocationExponents({ alpha, beta }: Pick<ParametricConstants, 'alpha' | 'beta'>): { a: number; b: number } {
  return { a: beta / (alpha + beta), b: alpha / (alpha + beta) };
}

/**
 * Hoffmann Eq. (4): G = (αA / (βB))^(1/(α+β)). E does not enter.
 * @example frontierG(constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']))
 */
export function frontierG({ A, B, alpha, beta }: Omit<ParametricConstants, 'E'>): number {
  return Math.pow((alpha * A) / (beta * B), 1 / (alpha + beta));
}

/**
 * Hoffmann Eq. (4): N_opt(C) = G·(C/6)^a — the loss-minimising model size for C FLOP under C = 6ND.
 * @example optimalN(5.76e23, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']))
 */
export function optimalN(C: number, c: ParametricConstants): number {
  return frontierG(c) * Math.pow(C / 6, allocationExponents(c).a);
}

/**
 * Hoffmann Eq. (4): D_opt(C) = G^(−1)·(C/6)^b — the loss-minimising token count for C FLOP.
 * @example optimalD(5.76e23, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']))
 */
export function optimalD(C: number, c: ParametricConstants): number {
  return Math.pow(C / 6, allocationExponents(c).b) / frontierG(c);
}

/** Hoffmann Eq. (1) answered by Eq. (4): the compute-optimal point for a budget. */
export interface OptimalAllocation {
  /** N_opt, parameters. */
  N: number;
  /** D_opt, tokens. */
  D: number;
  /** D_opt / N_opt. */
  tokensPerParameter: number;
}

/**
 * Hoffmann Eq. (1) and (4): N_opt, D_opt and their ratio for C FLOP; 6·N_opt·D_opt = C.
 * @example optimalAllocation(5.76e23, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']))
 */
export function optimalAllocation(C: number, c: ParametricConstants): OptimalAllocation {
  const N = optimalN(C, c);
  const D = optimalD(C, c);
  return { N, D, tokensPerParameter: tokensPerParameter(N, D) };
}

/**
 * Hoffmann §3.2 / Eq. (2): loss along an IsoFLOP profile — a model of N parameters trained with C FLOP
 * sees D = C/(6N) tokens, so L̂(N, C/(6N)). Minimal at N = N_opt(C) (Eq. 4).
 * @example isoFlopLoss(5.76e23, 70e9, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']))
 */
export function isoFlopLoss(C: number, N: number, c: ParametricConstants): number {
  return lossHat(N, tokensForFlop(C, N), c);
}

/** One point of the efficient frontier. */
export interface FrontierPoint extends OptimalAllocation {
  /** Budget C, FLOP. */
  C: number;
  /** L̂(N_opt, D_opt), nats/token. */
  loss: number;
}

/**
 * Hoffmann Eq. (4) over several budgets: (C, N_opt, D_opt, D/N, L̂ at the optimum) for each C.
 * @example efficientFrontier([1e21, 1e23], constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']))
 */
export function efficientFrontier(Cs: readonly number[], c: ParametricConstants): FrontierPoint[] {
  return Cs.map((C) => {
    const opt = optimalAllocation(C, c);
    return { C, ...opt, loss: lossHat(opt.N, opt.D, c) };
  });
}

/**
 * Tokens per parameter D/N (Chinchilla: 1.4e12/70e9 = 20, Hoffmann Table 1).
 * @example tokensPerParameter(70e9, 1.4e12)
 */
export function tokensPerParameter(N: number, D: number): number {
  return D / N;
}

/**
 * The fixed-ratio heuristic D = r·N under C = 6ND (Hoffmann §3.3 convention, a reading of Table 3):
 * N = √(C/(6r)), D = r·N. With r = 20, N = √(C/120) — not √(C/6).
 * @example allocationAtTokensPerParameter(5.76e23, 20)
 */
export function allocationAtTokensPerParameter(C: number, ratio: number): OptimalAllocation {
  const N = Math.sqrt(C / (6 * ratio));
  return { N, D: ratio * N, tokensPerParameter: ratio };
}

/**
 * Hoffmann Eq. (4) inverted: the budget C = 6·N·D_opt for which N is compute-optimal, N = G·(C/6)^a.
 * @example computeForOptimalN(70e9, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']))
 */
export function computeForOptimalN(N: number, c: ParametricConstants): number {
  return 6 * Math.pow(N / frontierG(c), 1 / allocationExponents(c).a);
}

/**
 * The tokens D_opt = C/(6N) that go with a compute-optimal N (Hoffmann Eq. 4 under C = 6ND).
 * @example optimalDForN(70e9, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']))
 */
export function optimalDForN(N: number, c: ParametricConstants): number {
  return tokensForFlop(computeForOptimalN(N, c), N);
}

/** A compute-optimal allocation together with its budget. */
export interface AllocationWithBudget extends OptimalAllocation {
  /** C = 6·N·D, FLOP. */
  C: number;
}

/**
 * The compute-optimal (N, D) that reaches loss `L` (Hoffmann Eq. 2 on the Eq. 4 frontier). On the
 * frontier the two reducible terms keep a fixed ratio, β·B/D^β = α·A/N^α (the Lagrange condition of
 * Eq. 4 under C = 6ND), so L − E = (A/N^α)(1 + α/β) = (B/D^β)(1 + β/α), which inverts in closed form.
 * Throws a RangeError when L ≤ E: no finite model reaches the irreducible loss.
 */
export function allocationForLoss(L: number, c: ParametricConstants): AllocationWithBudget {
  const { E, A, B, alpha, beta } = c;
  if (!(L > E)) throw new RangeError(`A loss of ${L} nats/token is at or below the irreducible loss E = ${E}`);
  const N = Math.pow((A * (1 + alpha / beta)) / (L - E), 1 / alpha);
  const D = Math.pow((B * (1 + beta / alpha)) / (L - E), 1 / beta);
  return { N, D, tokensPerParameter: tokensPerParameter(N, D), C: 6 * N * D };
}

/** The model sizes on one IsoFLOP profile whose loss is within a tolerance of the optimum. */
export interface IsoFlopRange {
  /** Smallest and largest N (parameters) with L̂(N, C/(6N)) ≤ (1 + tolerance)·L̂_opt. */
  Nlo: number;
  Nhi: number;
  /** The tokens that go with them, D = C/(6N) (Dlo pairs with Nhi). */
  Dlo: number;
  Dhi: number;
}

/**
 * How flat the optimum is (Hoffmann §3.2, Figure 3's IsoFLOP valleys, under Eq. 2): the range of N
 * whose IsoFLOP loss is within `tolerance` (0.005 for 0.5 %) of the optimal loss at budget C. The
 * IsoFLOP loss is convex in log N, so each side has one crossing, found by bisection in log N.
 */
export function isoFlopRange(C: number, c: ParametricConstants, tolerance: number): IsoFlopRange {
  const Nopt = optimalN(C, c);
  const target = (1 + tolerance) * isoFlopLoss(C, Nopt, c);
  const excess = (logN: number) => isoFlopLoss(C, Math.exp(logN), c) - target;
  const cross = (inside: number, outside: number) => {
    let a = inside;
    let b = outside;
    for (let i = 0; i < 200 && Math.abs(b - a) > 1e-12; i++) {
      const m = (a + b) / 2;
      if (excess(m) <= 0) a = m;
      else b = m;
    }
    return Math.exp(a);
  };
  const span = Math.log(1e12);
  const Nlo = cross(Math.log(Nopt), Math.log(Nopt) - span);
  const Nhi = cross(Math.log(Nopt), Math.log(Nopt) + span);
  return { Nlo, Nhi, Dlo: tokensForFlop(C, Nhi), Dhi: tokensForFlop(C, Nlo) };
}

/**
 * Hoffmann Eq. (2) along the frontier of Eq. (4): L̂(N_opt(C), D_opt(C)) = E + K·(C/6)^(−αβ/(α+β)) with
 * K = A·G^(−α) + B·G^β, since both terms fall as (C/6)^(−αβ/(α+β)). Derived on this site.
 */
export function frontierLoss(C: number, c: ParametricConstants): number {
  const G = frontierG(c);
  const K = c.A * Math.pow(G, -c.alpha) + c.B * Math.pow(G, c.beta);
  return c.E + K * Math.pow(C / 6, -(c.alpha * c.beta) / (c.alpha + c.beta));
}

/**
 * {@link frontierLoss} inverted: the smallest budget C (FLOP) at which a compute-optimal model reaches
 * loss L, C = 6·((L − E)/K)^(−(α+β)/(αβ)). Throws a RangeError for L ≤ E: no budget reaches the
 * irreducible loss.
 */
export function computeForLoss(L: number, c: ParametricConstants): number {
  if (!(L > c.E)) throw new RangeError(`No compute reaches a loss of ${L} nats/token: it is not above E = ${c.E}`);
  const G = frontierG(c);
  const K = c.A * Math.pow(G, -c.alpha) + c.B * Math.pow(G, c.beta);
  return 6 * Math.pow((L - c.E) / K, -(c.alpha + c.beta) / (c.alpha * c.beta));
}
