/**
 * Kaplan et al. 2020, "Scaling Laws for Neural Language Models" (arXiv:2001.08361).
 * Pure functions; constants are passed in (read them from a fixture with `constantsOf`).
 * Units: N in non-embedding parameters, D in tokens, C in PF-days, L in nats per token.
 *
 * Each law belongs to one fit, with its own fixture: the single-variable laws to
 * `kaplan-2020-summary` (§1, Table 5), L(N, D) to `kaplan-2020-joint-nd` (Table 2), L(N, S) to
 * `kaplan-2020-joint-ns` (Table 3), the compute-efficient trends to `kaplan-2020-compute-efficient`
 * (Table 6) and the overfitting rule to `kaplan-2020-overfitting` (Eq. 4.4).
 */

/** Constants of L(N), Kaplan Eq. (1.1). */
export interface LossNConstants {
  /** Exponent α_N (dimensionless). */
  alphaN: number;
  /** Scale N_c in non-embedding parameters. */
  Nc: number;
}

/** Constants of L(D), Kaplan Eq. (1.2). */
export interface LossDConstants {
  /** Exponent α_D (dimensionless). */
  alphaD: number;
  /** Scale D_c in tokens. */
  Dc: number;
}

/** Constants of L(C_min), Kaplan Eq. (1.3). */
export interface LossCminConstants {
  /** Exponent α_C^min (dimensionless). */
  alphaCmin: number;
  /** Scale C_c^min in PF-days. */
  Ccmin: number;
}

/** Constants of the fixed-batch L(C), Kaplan Eq. (3.3) and Table 5. */
export interface LossCConstants {
  /** Exponent α_C (dimensionless). */
  alphaC: number;
  /** Scale C_c in PF-days. */
  Cc: number;
}

/** Constants of L(N, D), Kaplan Eq. (1.5) — use the Table 2 fit. */
export type LossNDConstants = LossNConstants & LossDConstants;

/** Constants of L(N, S), Kaplan Eq. (1.6) — use the Table 3 fit. */
export interface LossNSConstants extends LossNConstants {
  /** Exponent α_S (dimensionless). */
  alphaS: number;
  /** Scale S_c in steps. */
  Sc: number;
}

/** Constants of B_crit(L), Kaplan Eq. (1.4). */
export interface CriticalBatchConstants {
  /** Scale B_* in tokens. */
  Bstar: number;
  /** Exponent α_B (dimensionless). */
  alphaB: number;
}

/** The three exponents of Kaplan Eq. (1.8). */
export interface ExponentConstants {
  alphaS: number;
  alphaB: number;
  alphaN: number;
}

/** The exponents that Kaplan App. B combines: α_N and α_S. */
export interface LearningCurveExponents {
  alphaN: number;
  alphaS: number;
}

/** The rule of thumb of Kaplan Eq. (4.4): D ≳ prefactor · N^exponent. */
export interface OverfittingRuleConstants {
  /** 5 × 10^3 tokens in the paper. */
  prefactor: number;
  /** 0.74 in the paper. */
  exponent: number;
}

/** Kaplan Table 6: compute-efficient trends, X = X_e · C_min^p_X with C_min in PF-days. */
export interface ComputeEfficientConstants {
  /** N_e, non-embedding parameters. */
  Ne: number;
  pN: number;
  /** B_e, tokens. */
  Be: number;
  pB: number;
  /** S_e, steps (a lower bound). */
  Se: number;
  pS: number;
  /** D_e, tokens (one epoch). */
  De: number;
  pD: number;
}

/** A power law in compute: y = prefactor · (C_min / 1 PF-day)^exponent (the form of Table 6 and Eq. (6.7)). */
export interface PowerLawInCompute {
  prefactor: number;
  exponent: number;
}

/**
 * Kaplan Eq. (1.1): L(N) = (N_c / N)^α_N — test loss in nats/token of a model with N non-embedding
 * parameters trained to convergence on enough data.
 * @example lossN(1e9, constantsOf('kaplan-2020-summary', ['alphaN', 'Nc']))
 */
export function lossN(N: number, { alphaN, Nc }: LossNConstants): number {
  return Math.pow(Nc / N, alphaN);
}

/**
 * Kaplan Eq. (1.2): L(D) = (D_c / D)^α_D — loss of a large model trained on D tokens with early stopping.
 * @example lossD(1e10, constantsOf('kaplan-2020-summary', ['alphaD', 'Dc']))
 */
export function lossD(D: number, { alphaD, Dc }: LossDConstants): number {
  return Math.pow(Dc / D, alphaD);
}

/**
 * Kaplan Eq. (1.3): L(C_min) = (C_c^min / C_min)^α_C^min — loss with compute C_min (PF-days), an
 * optimally sized model and a batch well below the critical batch.
 * @example lossCmin(1, constantsOf('kaplan-2020-summary', ['alphaCmin', 'Ccmin']))
 */
export function lossCmin(Cmin: number, { alphaCmin, Ccmin }: LossCminConstants): number {
  return Math.pow(Ccmin / Cmin, alphaCmin);
}

/**
 * Kaplan Eq. (3.3) with Table 5's constants: the naive, fixed-batch trend L(C) = (C_c / C)^α_C,
 * C in PF-days. Kaplan recommend the C_min trend of Eq. (1.3) for extrapolation (footnote 3).
 * @example lossC(1, constantsOf('kaplan-2020-summary', ['alphaC', 'Cc']))
 */
export function lossC(C: number, { alphaC, Cc }: LossCConstants): number {
  return Math.pow(Cc / C, alphaC);
}

/**
 * Kaplan Eq. (1.5) / (4.1): L(N, D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D — early-stopped loss of N
 * non-embedding parameters trained on D tokens. Tends to L(N) as D → ∞ and to L(D) as N → ∞.
 * Use the Table 2 fit (`kaplan-2020-joint-nd`).
 * @example lossND(1e9, 2e10, constantsOf('kaplan-2020-joint-nd', ['alphaN', 'alphaD', 'Nc', 'Dc']))
 */
export function lossND(N: number, D: number, { alphaN, alphaD, Nc, Dc }: LossNDConstants): number {
  return Math.pow(Math.pow(Nc / N, alphaN / alphaD) + Dc / D, alphaD);
}

/**
 * Kaplan §1.2 (under Eq. 1.4): the exponent of D ∝ N^(α_N/α_D), the data growth that keeps the
 * overfitting penalty of Eq. (4.3) constant. 0.738 with Table 2, 0.80 with the §1 exponents; the paper
 * prints 0.74.
 * @example dataExponent(constantsOf('kaplan-2020-joint-nd', ['alphaN', 'alphaD']))
 */
export function dataExponent({ alphaN, alphaD }: { alphaN: number; alphaD: number }): number {
  return alphaN / alphaD;
}

/**
 * Kaplan Eq. (4.3): overfitting δL(N, D) ≈ (1 + (N/N_c)^(α_N/α_D) · D_c/D)^α_D − 1, the relative
 * excess of L(N, D) over L(N, ∞) (Eq. 4.2). Exactly L(N, D)/L(N, ∞) − 1 when both come from the same fit.
 * @example overfitting(1e9, 2e10, constantsOf('kaplan-2020-joint-nd', ['alphaN', 'alphaD', 'Nc', 'Dc']))
 */
export function overfitting(N: number, D: number, { alphaN, alphaD, Nc, Dc }: LossNDConstants): number {
  return Math.pow(1 + Math.pow(N / Nc, alphaN / alphaD) * (Dc / D), alphaD) - 1;
}

/**
 * Kaplan Eq. (4.3) solved for D: the tokens at which the overfitting penalty equals `deltaL`,
 * D = D_c · (N/N_c)^(α_N/α_D) / ((1 + δL)^(1/α_D) − 1). With δL ≈ 0.02 (§4.2) this is the origin of Eq. (4.4).
 * @example dataForOverfitting(1e9, 0.02, constantsOf('kaplan-2020-joint-nd', ['alphaN', 'alphaD', 'Nc', 'Dc']))
 */
export function dataForOverfitting(N: number, deltaL: number, { alphaN, alphaD, Nc, Dc }: LossNDConstants): number {
  return (Dc * Math.pow(N / Nc, alphaN / alphaD)) / (Math.pow(1 + deltaL, 1 / alphaD) - 1);
}

/**
 * Kaplan Eq. (4.4): D ≳ (5 × 10^3) · N^0.74 — tokens needed to keep overfitting within the ≈ 0.02
 * seed-to-seed variation of the loss.
 * @example dataToAvoidOverfitting(1e9, constantsOf('kaplan-2020-overfitting', ['prefactor', 'exponent']))
 */
export function dataToAvoidOverfitting(N: number, { prefactor, exponent }: OverfittingRuleConstants): number {
  return prefactor * Math.pow(N, exponent);
}

/**
 * Kaplan Eq. (1.6) / (5.6): L(N, S_min) = (N_c/N)^α_N + (S_c/S_min)^α_S — learning curve in the
 * infinite-data limit after the initial transient; S_min from Eq. (5.4). Use the Table 3 fit.
 * @example lossNS(1e9, 1e5, constantsOf('kaplan-2020-joint-ns', ['alphaN', 'Nc', 'alphaS', 'Sc']))
 */
export function lossNS(N: number, Smin: number, { alphaN, Nc, alphaS, Sc }: LossNSConstants): number {
  return Math.pow(Nc / N, alphaN) + Math.pow(Sc / Smin, alphaS);
}

/**
 * Kaplan Eq. (5.7): lower bound on the early-stopping step, S_stop ≳ S_c / [L(N, D) − L(N, ∞)]^(1/α_S),
 * given the overfitting gap L(N, D) − L(N, ∞) in nats.
 * @example earlyStoppingStep(0.05, constantsOf('kaplan-2020-joint-ns', ['alphaS', 'Sc']))
 */
export function earlyStoppingStep(lossGap: number, { alphaS, Sc }: { alphaS: number; Sc: number }): number {
  return Sc / Math.pow(lossGap, 1 / alphaS);
}

/**
 * Kaplan Eq. (1.4) / (5.3): critical batch size B_crit(L) = B_* / L^(1/α_B), in tokens.
 * @example criticalBatch(3, constantsOf('kaplan-2020-summary', ['Bstar', 'alphaB']))
 */
export function criticalBatch(L: number, { Bstar, alphaB }: CriticalBatchConstants): number {
  return Bstar / Math.pow(L, 1 / alphaB);
}

/**
 * Kaplan Eq. (5.4): S_min = S / (1 + B_crit/B) — the steps the same loss would need at B ≫ B_crit, for a
 * run of S steps at batch B (tokens).
 * @example minSteps(1e5, 1e6, 2e6)
 */
export function minSteps(S: number, B: number, Bcrit: number): number {
  return S / (1 + Bcrit / B);
}

/**
 * Kaplan Eq. (5.1)–(5.2): E_min = E / (1 + B/B_crit) — the training examples (tokens) the same loss
 * would need at B ≪ B_crit, for E = B·S processed at batch B. With Eq. (5.4) it satisfies
 * (S/S_min − 1)(E/E_min − 1) = 1.
 * @example minExamples(1e11, 1e6, 2e6)
 */
export function minExamples(E: number, B: number, Bcrit: number): number {
  return E / (1 + B / Bcrit);
}

/**
 * Kaplan Eq. (5.5): C_min = C / (1 + B/B_crit) — the compute at B ≪ B_crit for a run costing C at batch B.
 * @example cMin(10, 1e6, 2e6)
 */
export function cMin(C: number, B: number, Bcrit: number): number {
  return C / (1 + B / Bcrit);
}

/**
 * Kaplan Table 6 (and Eq. 6.7): y = prefactor · C_min^exponent, C_min in PF-days.
 * @example powerLawInCompute(1e3, { prefactor: 1, exponent: 0.5 })
 */
export function powerLawInCompute(CminPfDays: number, { prefactor, exponent }: PowerLawInCompute): number {
  return prefactor * Math.pow(CminPfDays, exponent);
}

/** Compute-efficient allocation of Kaplan Table 6. */
export interface ComputeEfficientAllocation {
  /** N_opt, non-embedding parameters. */
  N: number;
  /** Batch size in tokens (B ≪ B_crit trend). */
  B: number;
  /** S_min, steps (a lower bound). */
  S: number;
  /** D_opt, tokens (one epoch). */
  D: number;
}

/**
 * Kaplan Table 6 (App. A; Eq. 6.1–6.2): compute-efficient N_opt = N_e·C^p_N, B = B_e·C^p_B,
 * S_min = S_e·C^p_S and D_opt = D_e·C^p_D for C_min in PF-days. With the paper's values,
 * N_opt ≈ 1.3e9 · C_min^0.73.
 * @example computeEfficient(1, constantsOf('kaplan-2020-compute-efficient', ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD']))
 */
export function computeEfficient(CminPfDays: number, c: ComputeEfficientConstants): ComputeEfficientAllocation {
  return {
    N: powerLawInCompute(CminPfDays, { prefactor: c.Ne, exponent: c.pN }),
    B: powerLawInCompute(CminPfDays, { prefactor: c.Be, exponent: c.pB }),
    S: powerLawInCompute(CminPfDays, { prefactor: c.Se, exponent: c.pS }),
    D: powerLawInCompute(CminPfDays, { prefactor: c.De, exponent: c.pD }),
  };
}

/**
 * Kaplan Eq. (1.8) / (6.4) / (B.7): α_C^min = 1 / (1/α_S + 1/α_B + 1/α_N), predicted from L(N, S).
 * @example alphaCminFromExponents(constantsOf('kaplan-2020-summary', ['alphaS', 'alphaB', 'alphaN']))
 */
export function alphaCminFromExponents({ alphaS, alphaB, alphaN }: ExponentConstants): number {
  return 1 / (1 / alphaS + 1 / alphaB + 1 / alphaN);
}

/**
 * Kaplan Eq. (1.7): predicted compute-efficient exponents N ∝ C^(α_C^min/α_N), B ∝ C^(α_C^min/α_B), S ∝ C^(α_C^min/α_S).
 * @example predictedAllocationExponents(alphaCminFromExponents(constantsOf('kaplan-2020-summary', ['alphaS', 'alphaB', 'alphaN'])), constantsOf('kaplan-2020-summary', ['alphaS', 'alphaB', 'alphaN']))
 */
export function predictedAllocationExponents(
  alphaCmin: number,
  { alphaS, alphaB, alphaN }: ExponentConstants,
): { N: number; B: number; S: number } {
  return { N: alphaCmin / alphaN, B: alphaCmin / alphaB, S: alphaCmin / alphaS };
}

/** Constants for {@link crossingPoint}: the L(C_min) law (Eq. 1.3) and the L(D) bound (Eq. 1.2). */
export type CrossingLaws = LossCminConstants & LossDConstants;

/** Growth laws for {@link crossingPoint}: data D(C_min) and model size N(C_min), C_min in PF-days. */
export interface CrossingGrowth {
  /** Tokens processed by compute-efficient training: Table 6's D_opt, or Eq. (6.7). */
  data: PowerLawInCompute;
  /** Compute-efficient model size: Table 6's N_opt. */
  params: PowerLawInCompute;
}

/** The point of Kaplan Eq. (6.8). */
export interface CrossingPoint {
  /** C* in PF-days. */
  C: number;
  /** N* in non-embedding parameters. */
  N: number;
  /** D* in tokens. */
  D: number;
  /** L* in nats/token. */
  L: number;
}

/**
 * Table 6's D_opt and N_opt as the growth laws of {@link crossingPoint}.
 * @example table6Growth(constantsOf('kaplan-2020-compute-efficient', ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD']))
 */
export function table6Growth(c: ComputeEfficientConstants): CrossingGrowth {
  return { data: { prefactor: c.De, exponent: c.pD }, params: { prefactor: c.Ne, exponent: c.pN } };
}

/**
 * Kaplan §6.3, Eq. (6.8): where the compute trend L(C_min) = (C_c^min/C)^α_C^min (Eq. 1.3) meets the
 * data bound L(D(C)) = (D_c/D(C))^α_D (Eq. 1.2) with D(C) = D_e·C^p_D. Solved in closed form:
 * ln C* = [α_D ln(D_c/D_e) − α_C^min ln C_c^min] / (α_D p_D − α_C^min); then N* = N_e·C*^p_N,
 * D* = D(C*), L* = L(C*). The paper prints C* ~ 1e4 PF-days, N* ~ 1e12, D* ~ 1e12, L* ~ 1.7, "varying by
 * an order of magnitude in either direction". With Table 6's D_opt (2e10·C^0.27) this gives
 * C* ≈ 1.1e4, N* ≈ 1.2e12, D* ≈ 2.5e11, L* ≈ 1.67; with Eq. (6.7)'s 4e10·C^0.26, C* ≈ 1.1e5, L* ≈ 1.49.
 * Throws a RangeError when the two trends are parallel in log-log (no crossing).
 * @example crossingPoint(constantsOf('kaplan-2020-summary', ['alphaCmin', 'Ccmin', 'alphaD', 'Dc']), table6Growth(constantsOf('kaplan-2020-compute-efficient', ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD'])))
 */
export function crossingPoint(laws: CrossingLaws, growth: CrossingGrowth): CrossingPoint {
  const { alphaCmin, Ccmin, alphaD, Dc } = laws;
  const slopeGap = alphaD * growth.data.exponent - alphaCmin;
  if (slopeGap === 0) throw new RangeError('L(C_min) and L(D(C_min)) are parallel: they never cross');
  const lnC = (alphaD * Math.log(Dc / growth.data.prefactor) - alphaCmin * Math.log(Ccmin)) / slopeGap;
  const C = Math.exp(lnC);
  return {
    C,
    N: powerLawInCompute(C, growth.params),
    D: powerLawInCompute(C, growth.data),
    L: lossCmin(C, { alphaCmin, Ccmin }),
  };
}

/**
 * Kaplan Eq. (B.5): compute-efficient training stops α_N/α_S above the converged loss,
 * L(N_eff, C) = (1 + α_N/α_S)·L(N_eff, ∞). Returns the fraction α_N/α_S (≈ 10 %).
 * @example efficientConvergenceFactor(constantsOf('kaplan-2020-summary', ['alphaN', 'alphaS']))
 */
export function efficientConvergenceFactor({ alphaN, alphaS }: LearningCurveExponents): number {
  return alphaN / alphaS;
}

/**
 * Kaplan Eq. (B.8): the scale of the predicted compute law,
 * C_c = 6·N_c·B_*·S_c·(1 + α_N/α_S)^(1/α_S + 1/α_N)·(α_S/α_N)^(1/α_S), in FLOP. The paper prints no
 * value; the fitted C_c^min of Eq. (1.3) is separate.
 * @example predictedCc(constantsOf('kaplan-2020-summary', ['Nc', 'Bstar', 'Sc', 'alphaN', 'alphaS']))
 */
export function predictedCc({
  Nc,
  Bstar,
  Sc,
  alphaN,
  alphaS,
}: LearningCurveExponents & { Nc: number; Bstar: number; Sc: number }): number {
  const r = alphaN / alphaS;
  return 6 * Nc * Bstar * Sc * Math.pow(1 + r, 1 / alphaS + 1 / alphaN) * Math.pow(1 / r, 1 / alphaS);
}

/** Ratios of Kaplan Eq. (B.12)–(B.14). */
export interface ConvergenceComparison {
  /** N_f / N_f′ (Eq. B.12). */
  paramsRatio: number;
  /** S_f / S_f′ (Eq. B.13). */
  stepsRatio: number;
  /** C_f / C_f′ = (N_f/N_f′)(S_f/S_f′) (Eq. B.14). */
  computeRatio: number;
}

/**
 * Kaplan Eq. (B.11)–(B.14): at a fixed loss, stopping a fraction f above the converged loss
 * (L = (1 + f)·L(N, ∞); compute-efficient f = α_N/α_S) rather than f′ needs
 * N_f/N_f′ = ((1+f)/(1+f′))^(1/α_N) times the parameters, S_f/S_f′ = ((1+1/f)/(1+1/f′))^(1/α_S) times
 * the steps and their product times the compute. The paper's f = 10 %, f′ = 2 % give ≈ 2.7, 0.13, 0.35.
 * @example convergenceComparison({ f: 0.1, fPrime: 0.02 }, constantsOf('kaplan-2020-summary', ['alphaN', 'alphaS']))
 */
export function convergenceComparison(
  { f, fPrime }: { f: number; fPrime: number },
  { alphaN, alphaS }: LearningCurveExponents,
): ConvergenceComparison {
  const paramsRatio = Math.pow((1 + f) / (1 + fPrime), 1 / alphaN);
  const stepsRatio = Math.pow((1 + 1 / f) / (1 + 1 / fPrime), 1 / alphaS);
  return { paramsRatio, stepsRatio, computeRatio: paramsRatio * stepsRatio };
}

/**
 * Kaplan Eq. (B.16)–(B.17): a model `sizeRatio` = N/N_eff times the compute-efficient size for a loss
 * needs C(N)/C(N_eff) = r·[1 + (α_S/α_N)(1 − r^(−α_N))]^(−1/α_S) times the compute and
 * [1 + (α_S/α_N)(1 − r^(−α_N))]^(−1/α_S) times the steps. Not a number where the bracket is not positive (a
 * model too small to reach the loss at all).
 * @example suboptimalSize(2, constantsOf('kaplan-2020-summary', ['alphaN', 'alphaS']))
 */
export function suboptimalSize(
  sizeRatio: number,
  { alphaN, alphaS }: LearningCurveExponents,
): { computeRatio: number; stepsRatio: number } {
  const bracket = 1 + (alphaS / alphaN) * (1 - Math.pow(sizeRatio, -alphaN));
  const stepsRatio = bracket > 0 ? Math.pow(bracket, -1 / alphaS) : Number.NaN;
  return { computeRatio: sizeRatio * stepsRatio, stepsRatio };
}

/**
 * Factor by which a power law L ∝ x^(−α) multiplies the loss when x grows by `factor`:
 * L(k·x)/L(x) = k^(−α) (Kaplan Eq. (1.1)–(1.3) share this form).
 * @example lossRatio(2, constantsOf('kaplan-2020-summary', ['alphaN']).alphaN)
 */
export function lossRatio(factor: number, alpha: number): number {
  return Math.pow(factor, -alpha);
}

/**
 * Inverse of {@link lossRatio}: the factor by which x must grow to multiply a power-law loss
 * L ∝ x^(−α) by `ratio` (0 < ratio), k = ratio^(−1/α). Kaplan Eq. (1.1)–(1.3): halving the loss with
 * α_N = 0.076 takes 2^(1/0.076) ≈ 9,000× the parameters.
 * @example factorForLossRatio(0.9, 0.076) // ≈ 4.0: a loss 10 % lower takes 4× the parameters
 */
export function factorForLossRatio(ratio: number, alpha: number): number {
  return Math.pow(ratio, -1 / alpha);
}

/**
 * How many times more of x (parameters, tokens or compute) makes up for a relative loss increase
 * `increase` (0.01 for 1 %) under a power law with exponent α: (1 + increase)^(1/α). Kaplan Figure 5's
 * annotation: "22% additional compute compensates for 1% loss increase" is 1.01^(1/α_C^min) with
 * α_C^min = 0.050.
 * @example compensatingFactor(0.01, 0.05) // ≈ 1.22
 */
export function compensatingFactor(increase: number, alpha: number): number {
  return factorForLossRatio(1 / (1 + increase), alpha);
}

/**
 * Kaplan Eq. (1.1)–(1.3): the fractional loss reduction when x grows by `factor`, 1 − k^(−α)
 * (16.1 % for 10× N with α_N = 0.076 — not k^α − 1).
 * @example lossReduction(10, constantsOf('kaplan-2020-summary', ['alphaN']).alphaN)
 */
export function lossReduction(factor: number, alpha: number): number {
  return 1 - lossRatio(factor, alpha);
}

/** The loss-minimising point of L(N, D) at a fixed budget, from {@link lossNDComputeOptimal}. */
export interface LossNDOptimum {
  /** N*, non-embedding parameters. */
  N: number;
  /** D* = C/(6N*), tokens. */
  D: number;
  /** L(N*, D*), nats/token. */
  L: number;
}

/**
 * Kaplan Eq. (1.5) minimised over N at fixed C = 6ND (derived on this site; Kaplan's own
 * compute-efficient allocation is Table 6, which stops short of convergence). With p = α_N/α_D:
 * N*^(p+1) = p·N_c^p·C/(6·D_c) and L* = [(1 + p)·(N_c/N*)^p]^α_D. C in FLOP of 6·N·D with N
 * non-embedding.
 */
export function lossNDComputeOptimal(C: number, { alphaN, alphaD, Nc, Dc }: LossNDConstants): LossNDOptimum {
  const p = alphaN / alphaD;
  const N = Math.pow((p * Math.pow(Nc, p) * C) / (6 * Dc), 1 / (p + 1));
  const D = C / (6 * N);
  return { N, D, L: Math.pow((1 + p) * Math.pow(Nc / N, p), alphaD) };
}

/**
 * {@link lossNDComputeOptimal} inverted: the budget C = 6·N·D (FLOP, N non-embedding) at which the
 * L(N, D)-optimal model reaches loss L: N* = N_c·((1 + p)/L^(1/α_D))^(1/p), C = 6·D_c·N*^(p+1)/(p·N_c^p).
 * Throws a RangeError for a loss that is not positive.
 */
export function computeForLossND(L: number, { alphaN, alphaD, Nc, Dc }: LossNDConstants): number {
  if (!(L > 0)) throw new RangeError(`Expected a positive loss, received ${L}`);
  const p = alphaN / alphaD;
  const N = Nc * Math.pow((1 + p) / Math.pow(L, 1 / alphaD), 1 / p);
  return (6 * Dc * Math.pow(N, p + 1)) / (p * Math.pow(Nc, p));
}

/**
 * Kaplan Eq. (4.3) solved for D at a tolerated overfitting δL, written as the rule of Eq. (4.4):
 * D ≳ prefactor · N^exponent with exponent = α_N/α_D and
 * prefactor = D_c · N_c^(−α_N/α_D) / ((1 + δL)^(1/α_D) − 1) (tokens, N in non-embedding parameters).
 * With Table 2 and δL = 0.02 this gives ≈ 5.5e3 · N^0.738; the paper prints 5 × 10^3 · N^0.74.
 */
export function overfittingRuleFromFit(deltaL: number, { alphaN, alphaD, Nc, Dc }: LossNDConstants): OverfittingRuleConstants {
  const exponent = alphaN / alphaD;
  return { prefactor: (Dc * Math.pow(Nc, -exponent)) / (Math.pow(1 + deltaL, 1 / alphaD) - 1), exponent };
}

/**
 * Tokens per non-embedding parameter that the rule of Kaplan Eq. (4.4) asks for at size N:
 * D/N = prefactor · N^(exponent − 1). Falls with N, since the exponent is below 1.
 */
export function overfittingTokensPerParameter(N: number, rule: OverfittingRuleConstants): number {
  return dataToAvoidOverfitting(N, rule) / N;
}

/**
 * The model size at which the rule of Kaplan Eq. (4.4) asks for exactly `tokensPerParameter` tokens per
 * parameter (e.g. Chinchilla's ≈ 20): prefactor · N^exponent = r · N, so
 * N = (prefactor / r)^(1/(1 − exponent)). Below it the rule asks for more than r tokens per parameter,
 * above it fewer (the exponent is below 1). Throws a RangeError for r ≤ 0 or an exponent ≥ 1 (no single crossing).
 */
export function overfittingRuleCrossing(tokensPerParameter: number, { prefactor, exponent }: OverfittingRuleConstants): number {
  if (!(tokensPerParameter > 0 && Number.isFinite(tokensPerParameter))) throw new RangeError(`tokens per parameter must be a positive number, received ${String(tokensPerParameter)}`);
  if (!(exponent < 1)) throw new RangeError(`the rule's exponent must be below 1 for a single crossing, received ${String(exponent)}`);
  return Math.pow(prefactor / tokensPerParameter, 1 / (1 - exponent));
}

/**
 * Kaplan Eq. (5.4) inverted: the steps S a run at batch B (tokens) needs to reach the loss that
 * S_min steps reach at B ≫ B_crit, S = S_min·(1 + B_crit/B).
 */
export function stepsAtBatch(Smin: number, B: number, Bcrit: number): number {
  return Smin * (1 + Bcrit / B);
}

/**
 * Kaplan Eq. (5.1)–(5.2) inverted: the training tokens E a run at batch B needs to reach the loss that
 * E_min tokens reach at B ≪ B_crit, E = E_min·(1 + B/B_crit).
 */
export function examplesAtBatch(Emin: number, B: number, Bcrit: number): number {
  return Emin * (1 + B / Bcrit);
}

/**
 * How much a quantity that grows as C^exponent grows when compute grows by `factor`: factor^exponent
 * (Kaplan Eq. (1.7), Table 6: 10× compute → 10^0.73 ≈ 5.4× the model).
 */
export function growthFactor(factor: number, exponent: number): number {
  return Math.pow(factor, exponent);
}

/** Which exponent of the crossing point {@link crossingExponentSensitivity} moves. */
export type CrossingExponent = 'alphaCmin' | 'alphaD' | 'dataExponent';

/**
 * Kaplan §6.3, Eq. (6.8): the crossing compute C* (PF-days) when one exponent is multiplied by
 * `factor` and everything else is held — α_C^min of Eq. (1.3), α_D of Eq. (1.2), or the exponent of
 * the data-growth law D(C_min). Throws a RangeError where the perturbed trends no longer cross.
 */
export function crossingWithExponent(
  laws: CrossingLaws,
  growth: CrossingGrowth,
  which: CrossingExponent,
  factor: number,
): CrossingPoint {
  if (which === 'dataExponent') {
    return crossingPoint(laws, { ...growth, data: { ...growth.data, exponent: growth.data.exponent * factor } });
  }
  return crossingPoint({ ...laws, [which]: laws[which] * factor }, growth);
}

/**
 * d ln C* / d ln x for one exponent x of the crossing point: how many per cent C* moves per per cent
 * change of x, by a central difference of {@link crossingWithExponent} (relative step `h`, default 1e-4).
 */
export function crossingElasticity(laws: CrossingLaws, growth: CrossingGrowth, which: CrossingExponent, h = 1e-4): number {
  const up = crossingWithExponent(laws, growth, which, 1 + h).C;
  const down = crossingWithExponent(laws, growth, which, 1 - h).C;
  return (Math.log(up) - Math.log(down)) / (Math.log(1 + h) - Math.log(1 - h));
}

/** Kaplan Eq. (1.4) inverted: the loss at which the critical batch equals B tokens, L = (B_* / B)^α_B (nats/token). */
export function lossAtCriticalBatch(B: number, { Bstar, alphaB }: CriticalBatchConstants): number {
  return Math.pow(Bstar / B, alphaB);
}

/**
 * Kaplan Eq. (1.6) solved for the steps: S_min = S_c / (L − (N_c/N)^α_N)^(1/α_S), the fewest steps (at
 * B ≫ B_crit) after which a model of N parameters reaches loss L with unlimited data. Throws a
 * RangeError when L is at or below the model's converged loss, which no number of steps reaches.
 */
export function minStepsToLoss(N: number, L: number, K: LossNSConstants): number {
  const gap = L - lossN(N, K);
  if (!(gap > 0)) throw new RangeError(`A model of ${N} parameters converges to ${lossN(N, K)} nats/token; it never reaches ${L}`);
  return earlyStoppingStep(gap, K);
}

/** Where a batch sits on Kaplan's steps–tokens trade-off (Eq. 5.1): multiples of the two minima. */
export interface BatchOverhead {
  /** S/S_min = 1 + B_crit/B (Eq. 5.4). */
  steps: number;
  /** E/E_min = 1 + B/B_crit (Eq. 5.1–5.2). */
  examples: number;
}

/**
 * Kaplan Eq. (5.1), (5.2) and (5.4): a run at batch B (tokens) takes S/S_min = 1 + B_crit/B times the
 * fewest steps and E/E_min = 1 + B/B_crit times the fewest tokens for its loss. The pair lies on the
 * hyperbola (S/S_min − 1)(E/E_min − 1) = 1; at B = B_crit both are 2 (text after Eq. 5.2).
 */
export function batchOverhead(B: number, Bcrit: number): BatchOverhead {
  return { steps: 1 + Bcrit / B, examples: 1 + B / Bcrit };
}

/** Constants of the App. B frontier: L(N, S_min) (Eq. 1.6) and B_crit(L) (Eq. 1.4). */
export type FrontierConstants = LossNSConstants & CriticalBatchConstants;

/** A model stopped a fraction f above its converged loss, on Kaplan's L(N, S_min) (App. B). */
export interface StoppingPoint {
  /** L(N, ∞) = (N_c/N)^α_N, nats/token. */
  Linf: number;
  /** L = (1 + f)·L(N, ∞), nats/token (Eq. B.11). */
  L: number;
  /** S_min = S_c/(f·L(N, ∞))^(1/α_S), steps (Eq. 1.6 solved for S). */
  Smin: number;
  /** B_crit(L), tokens (Eq. 1.4). */
  Bcrit: number;
  /** E_min = B_crit·S_min, tokens (Eq. 5.2). */
  Emin: number;
  /** C_min = 6·N·B_crit·S_min, FLOP (§6.1, App. B). */
  Cmin: number;
}

/**
 * Kaplan App. B (Eq. B.1–B.3, B.11): train N non-embedding parameters until the loss is a fraction f
 * above the loss it converges to, L = (1 + f)·L(N, ∞). The steps come from L(N, S_min) (Eq. 1.6), the
 * batch is B_crit at that loss (Eq. 1.4) and the compute C_min = 6·N·B_crit·S_min (FLOP). With
 * f = α_N/α_S this is the compute-efficient point of N (Eq. B.5); small f is close to convergence.
 */
export function stoppingPoint(N: number, f: number, K: FrontierConstants): StoppingPoint {
  const Linf = lossN(N, K);
  const L = (1 + f) * Linf;
  const Smin = earlyStoppingStep(f * Linf, K);
  const Bcrit = criticalBatch(L, K);
  const Emin = Bcrit * Smin;
  return { Linf, L, Smin, Bcrit, Emin, Cmin: 6 * N * Emin };
}

/**
 * Kaplan Eq. (B.4)–(B.5) and (B.9) inverted from {@link stoppingPoint}: the compute-efficient model for
 * a budget of C_min FLOP, the N whose efficient stopping point (f = α_N/α_S) costs C_min. Along the
 * frontier C_min ∝ N^(1 + α_N/α_B + α_N/α_S), so N_eff = N_c·(C_min/C_min(N_c))^(α_C/α_N) with
 * α_C/α_N = 1/(1 + α_N/α_B + α_N/α_S) — the same as Eq. (B.9) with C_c of Eq. (B.8).
 */
export function efficientSizeForCompute(Cmin: number, K: FrontierConstants): number {
  const f = efficientConvergenceFactor(K);
  const p = 1 + K.alphaN / K.alphaB + K.alphaN / K.alphaS;
  return K.Nc * Math.pow(Cmin / stoppingPoint(K.Nc, f, K).Cmin, 1 / p);
}
