/**
 * Compute-optimal allocation laws published after Chinchilla, each in its own conventions, and a
 * common reading of them as "parameters for a budget of C FLOP" for one figure:
 * - Llama 3 (Llama Team 2024, §3.2.1): N*(C) = A·C^α counts **training tokens**; parameters follow
 *   only if one assumes C = 6ND (the report does not state its FLOP formula there).
 * - DeepSeek LLM (2024, §3.2, Eq. 4): M_opt = M_base·C^a in **non-embedding FLOPs per token**
 *   (attention included) and D_opt = D_base·C^b, with C = M·D. M/6 is an upper bound on the
 *   non-embedding parameters N₁ (M = 6N₁ + 12·n_layer·d_model·l_seq, Eq. 2).
 * - Kaplan et al. 2020 Table 6: non-embedding N in terms of C_min in PF-days; at the critical batch
 *   C = 2·C_min (Kaplan Eq. 5.5, the reading Hoffmann App. D.4 uses).
 * Pure functions; C in FLOP.
 */
import { computeEfficient, type ComputeEfficientConstants } from './kaplan.ts';
import { flopToPfDays } from './units.ts';

/** Llama 3 §3.2.1: (α, A) of N*(C) = A·C^α, N* in training tokens. */
export interface TokenLawConstants {
  alpha: number;
  A: number;
}

/** Llama 3 §3.2.1: compute-optimal training tokens A·C^α. */
export function llama3Tokens(C: number, { alpha, A }: TokenLawConstants): number {
  return A * Math.pow(C, alpha);
}

/** Llama 3 read with C = 6ND: parameters C/(6·A·C^α) = C^(1−α)/(6A). */
export function llama3Params(C: number, c: TokenLawConstants): number {
  return C / (6 * llama3Tokens(C, c));
}

/** The α that makes A·C^α equal `tokens` at budget C (how sensitive an extrapolation is to α's rounding). */
export function exponentForTokens(C: number, tokens: number, A: number): number {
  return Math.log(tokens / A) / Math.log(C);
}

/** DeepSeek LLM Eq. (4). */
export interface DeepSeekConstants {
  Mbase: number;
  a: number;
  Dbase: number;
  b: number;
}

/** DeepSeek LLM Eq. (4): M_opt (non-embedding FLOPs per token) and D_opt (tokens) for C = M·D FLOP. */
export function deepseekAllocation(C: number, { Mbase, a, Dbase, b }: DeepSeekConstants): { M: number; D: number } {
  return { M: Mbase * Math.pow(C, a), D: Dbase * Math.pow(C, b) };
}

/** DeepSeek's M read as parameters: M/6, an upper bound on the non-embedding parameters (Eq. 2). */
export function paramsBoundFromFlopsPerToken(M: number): number {
  return M / 6;
}

/** Kaplan Table 6 in FLOP: N_opt for a budget C at the critical batch, C_min = C/2. */
export function kaplanOptimalN(C: number, table6: ComputeEfficientConstants): number {
  return computeEfficient(flopToPfDays(C) / 2, table6).N;
}

/** Local exponent d log y / d log C of any law y(C), by a central difference in log C. */
export function localSlope(f: (C: number) => number, C: number, h = 1e-3): number {
  return (Math.log(f(C * Math.exp(h))) - Math.log(f(C * Math.exp(-h)))) / (2 * h);
}
