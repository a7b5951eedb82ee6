/**
 * Why Kaplan et al. 2020 and Hoffmann et al. 2022 disagree on N_opt ∝ C^a (0.73 vs ≈ 0.5).
 *
 * Pearce & Song 2024 (arXiv:2406.12907): take Chinchilla's law in **total** parameters N_T,
 * L(N_T, D) = E + A/N_T^α + B/D^β, and rewrite it in Kaplan's **non-embedding** count N_\E with
 * N_T = N_\E + ω·N_\E^(1/3) (embeddings (v)·d grow like the cube root of N_\E at a fixed aspect ratio).
 * The compute-optimal frontier in non-embedding terms (their "Eq. 16") and its local slope g ("Eq. 20")
 * follow; a straight line fitted over Kaplan's small models picks up the steep part of a bent curve.
 * Equation numbers come from the authors' code and a secondary note (the printed body was not read).
 *
 * Porian et al. 2024 (arXiv:2406.19146): the OpenLM parameter count with and without the output
 * head (`openLmParams`); their fitted exponents are data (fixture `porian-2024-exponents`).
 * Pure functions.
 */
import type { ParametricConstants } from './chinchilla.ts';

/** Pearce & Song: embedding parameters ω·N_\E^(1/3) of a model with N_\E non-embedding parameters. */
export function embeddingFromNonEmbedding(nonEmbedding: number, omega: number): number {
  return omega * Math.cbrt(nonEmbedding);
}

/** Pearce & Song: total parameters N_T = N_\E + ω·N_\E^(1/3). */
export function totalFromNonEmbedding(nonEmbedding: number, omega: number): number {
  return nonEmbedding + embeddingFromNonEmbedding(nonEmbedding, omega);
}

/** Share of the total count that is embeddings, ω·N_\E^(1/3) / N_T (→ 1 for tiny models, → 0 for large). */
export function embeddingShare(nonEmbedding: number, omega: number): number {
  return embeddingFromNonEmbedding(nonEmbedding, omega) / totalFromNonEmbedding(nonEmbedding, omega);
}

/** The N_\E at which embeddings are half the model: ω·N^(1/3) = N ⇒ N = ω^(3/2). */
export function halfEmbeddingScale(omega: number): number {
  return Math.pow(omega, 1.5);
}

/** Pearce & Song's simulation constants: Chinchilla's law (A = N_c, B = D_c in their code) and ω. */
export interface ReconcileConstants extends ParametricConstants {
  omega: number;
}

/**
 * Pearce & Song "Eq. 16" (authors' `fn_Nopt_to_C`): the non-embedding compute C_\E = 6·N_\E·D at which
 * x = N*_\E is compute-optimal for the law in N_T:
 * C_\E = 6x·(x + ω/3·x^(1/3))^(−1/β)·(x + ω·x^(1/3))^((1+α)/β)·(βB/(αA))^(1/β).
 */
export function nonEmbeddingComputeForOptimal(x: number, { A, B, alpha, beta, omega }: ReconcileConstants): number {
  const t = Math.cbrt(x);
  return (
    6 * x * Math.pow(x + (omega / 3) * t, -1 / beta) * Math.pow(x + omega * t, (1 + alpha) / beta) * Math.pow((beta * B) / (alpha * A), 1 / beta)
  );
}

/**
 * Pearce & Song "Eq. 20" (authors' `fn_g_recip`): the local exponent g = d log N*_\E / d log C_\E at
 * x = N*_\E, from 1/g = 1 − (1/β)(x^(2/3) + ω/9)/(x^(2/3) + ω/3) + ((1+α)/β)(x^(2/3) + ω/3)/(x^(2/3) + ω).
 */
export function localExponent(x: number, { alpha, beta, omega }: Pick<ReconcileConstants, 'alpha' | 'beta' | 'omega'>): number {
  const u = Math.pow(x, 2 / 3);
  const inv = 1 - ((1 / beta) * (u + omega / 9)) / (u + omega / 3) + (((1 + alpha) / beta) * (u + omega / 3)) / (u + omega);
  return 1 / inv;
}

/** Limits of {@link localExponent}: β/(α/3 + β) for x ≪ ω^(3/2) and Chinchilla's β/(α + β) for x ≫ ω^(3/2). */
export function localExponentLimits({ alpha, beta }: Pick<ParametricConstants, 'alpha' | 'beta'>): { small: number; large: number } {
  return { small: beta / (alpha / 3 + beta), large: beta / (alpha + beta) };
}

/** Options for {@link simulatedKaplanExponent}. */
export interface SimulatedFitOptions {
  /** Smallest and largest N*_\E of the fitted range (Pearce & Song: 10^2.9 to 10^9.2). */
  nMin: number;
  nMax: number;
  /** Points, equally spaced in log C_\E. Default 100. */
  points?: number;
}

/** Invert {@link nonEmbeddingComputeForOptimal} (increasing in x) by bisection in log x. */
export function optimalNonEmbeddingForCompute(C: number, c: ReconcileConstants, bracket: [number, number] = [1, 1e15]): number {
  let lo = Math.log(bracket[0]);
  let hi = Math.log(bracket[1]);
  const target = Math.log(C);
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (Math.log(nonEmbeddingComputeForOptimal(Math.exp(mid), c)) < target) lo = mid;
    else hi = mid;
  }
  return Math.exp(0.5 * (lo + hi));
}

/** Ordinary least squares slope and intercept of y on x. */
export function linearFit(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number } {
  const n = xs.length;
  if (n < 2 || ys.length !== n) throw new RangeError(`linearFit: need two or more (x, y) pairs, got ${n} and ${ys.length}`);
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  if (!(sxx > 0)) throw new RangeError('linearFit: all x are equal');
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/**
 * The exponent a Kaplan would have measured if Chinchilla's law were true: a straight line through
 * log N*_\E against log C_\E over the range [nMin, nMax] of N*_\E, sampled equally in log C_\E.
 * Pearce & Song report 0.78 (Epoch constants) and 0.74 (Chinchilla's), from a grid search; the analytic
 * curve gives ≈ 0.785 and ≈ 0.747.
 */
export function simulatedKaplanExponent(c: ReconcileConstants, { nMin, nMax, points = 100 }: SimulatedFitOptions): number {
  if (!(nMin > 0 && nMax > nMin)) throw new RangeError(`simulatedKaplanExponent: need 0 < nMin < nMax, got ${nMin}, ${nMax}`);
  const lcMin = Math.log10(nonEmbeddingComputeForOptimal(nMin, c));
  const lcMax = Math.log10(nonEmbeddingComputeForOptimal(nMax, c));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < points; i++) {
    const lc = lcMin + ((lcMax - lcMin) * i) / (points - 1);
    xs.push(lc);
    ys.push(Math.log10(optimalNonEmbeddingForCompute(10 ** lc, c, [nMin / 10, nMax * 10])));
  }
  return linearFit(xs, ys).slope;
}

/** An OpenLM (Llama-style, SwiGLU) shape as in Porian et al.'s `data.py`. */
export interface OpenLmShape {
  /** Layers l. */
  depth: number;
  /** Width d (d_model). */
  width: number;
  /** Vocabulary V. */
  vocab: number;
}

/**
 * Porian et al. (`data.py`): d_ff = 8d/3 rounded up to a multiple of 256; N = (4d + 3d_ff)·d·l + V·d
 * counts the output head but not the input embedding; Kaplan's count leaves out the head,
 * N_Kaplan = N − V·d. `headShare` = V·d/N is the per-token compute Kaplan's counting misses.
 */
export function openLmParams({ depth, width, vocab }: OpenLmShape): { N: number; NKaplan: number; head: number; headShare: number; dFf: number } {
  const dFf = 256 * Math.ceil(Math.floor((8 * width) / 3) / 256);
  const NKaplan = (4 * width + 3 * dFf) * width * depth;
  const head = vocab * width;
  const N = NKaplan + head;
  return { N, NKaplan, head, headShare: head / N, dFf };
}

/** Pearce & Song's simulated model range from its log10 bounds (their script: 10^2.9 to 10^9.2 non-embedding parameters). */
export function simulatedRange({ simLog10Min, simLog10Max }: { simLog10Min: number; simLog10Max: number }): { nMin: number; nMax: number } {
  return { nMin: 10 ** simLog10Min, nMax: 10 ** simLog10Max };
}
