/**
 * Synthetic training runs drawn from a chosen set of constants, with noise, for the fit page's
 * example: an IsoFLOP design (Hoffmann et al. 2022 Approach 2, §3.2: a fixed set of budgets, several
 * model sizes per budget, D = C / 6N) and multiplicative noise on the loss, seeded so a link
 * reproduces the same points. Pure, no DOM.
 */
import { lossHat, optimalN, type ParametricConstants } from './chinchilla.ts';
import { mulberry32, type Rng } from './random.ts';
import type { Run } from './runs-csv.ts';

/** Options for {@link syntheticRuns}; every field but the constants is optional. */
export interface SyntheticOptions {
  /** Budgets in FLOP. Default 6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21 (Hoffmann §3.2 ran nine from 6e18 to 3e21). */
  budgets?: readonly number[];
  /** Model sizes per budget, log-spaced from N_opt/spread to N_opt·spread. Default 8. */
  perBudget?: number;
  /** Factor either side of N_opt. Default 4 ("±4×", Czech et al. 2026 Table 3, grid S). */
  spread?: number;
  /** Standard deviation of the noise on log L (≈ relative noise). Default 0.01. */
  sigma?: number;
  /** Seed of the noise. Default 1. */
  seed?: number;
}

export const DEFAULT_BUDGETS: readonly number[] = [6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21];

/** A standard normal draw (Box–Muller, one of the pair). */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Runs on an IsoFLOP design for the constants `c`: for each budget C, `perBudget` model sizes N around
 * the true N_opt(C) (Hoffmann Eq. 4), D = C / 6N, loss = L̂(N, D)·exp(σ·z) with z standard normal.
 * Each run's group is its budget.
 */
export function syntheticRuns(c: ParametricConstants, options: SyntheticOptions = {}): Run[] {
  const budgets = options.budgets ?? DEFAULT_BUDGETS;
  const k = options.perBudget ?? 8;
  const spread = options.spread ?? 4;
  const sigma = options.sigma ?? 0.01;
  if (!(Number.isInteger(k) && k >= 2)) throw new RangeError(`syntheticRuns: perBudget must be a whole number ≥ 2, got ${String(k)}`);
  if (!(spread > 1)) throw new RangeError(`syntheticRuns: spread must be > 1, got ${String(spread)}`);
  if (!(sigma >= 0 && sigma < 1)) throw new RangeError(`syntheticRuns: sigma must be in [0, 1), got ${String(sigma)}`);
  const rng = mulberry32(options.seed ?? 1);
  const runs: Run[] = [];
  let line = 2;
  for (const C of budgets) {
    const center = optimalN(C, c);
    for (let i = 0; i < k; i++) {
      const N = center * spread ** (-1 + (2 * i) / (k - 1));
      const D = C / (6 * N);
      const loss = lossHat(N, D, c) * Math.exp(sigma * normal(rng));
      runs.push({ N, D, loss, C, group: String(C), line: line++ });
    }
  }
  return runs;
}
