/**
 * Convergence vs compute-efficient (issue 8, calculator 10): Kaplan App. B. For the reader's model N —
 * or their compute C_min, which picks the compute-efficient N (Eq. B.9) — the compute-efficient run
 * (stop α_N/α_S above the converged loss, Eq. B.5), against training the same model on to within f′ of
 * convergence, and against reaching the same loss with a smaller model trained to within f′
 * (Eq. B.12–B.14). Steps from L(N, S_min) (Eq. 1.6), batch B_crit(L) (Eq. 1.4), C_min = 6·N·B_crit·S_min.
 * Pure: shared by the build and the browser.
 */
import { computeEfficient, convergenceComparison, efficientConvergenceFactor, efficientSizeForCompute, stoppingPoint, type ComputeEfficientConstants, type FrontierConstants, type StoppingPoint } from '../../../src/lib/kaplan.ts';
import { FLOP_PER_PF_DAY, flopToPfDays, formatNumber, pfDaysToFlop } from '../../../src/lib/units.ts';
import type { ChoiceDef, Computed, FieldDef } from '../kit/types.ts';

export interface ConvergenceConstants {
  /** L(N, S) and B_crit(L) with the §1 summary constants (Eq. 1.4, 1.6). */
  summary: FrontierConstants;
  /** L(N, S) with Table 3's fit; B_crit(L) from §1 (Table 3 has no batch constants). */
  table3: FrontierConstants;
  /** Table 6's fitted trends, for the empirical N_opt beside App. B's prediction. */
  table6: ComputeEfficientConstants;
}

export interface ConvergenceState {
  readonly [key: string]: number | string;
  /** Non-embedding parameters (used when given = 'N'). */
  N: number;
  /** C_min in PF-days (used when given = 'C'). */
  C: number;
  /** f′, per cent above the converged loss that counts as "converged". */
  fp: number;
  given: 'N' | 'C';
  set: 'summary' | 'table3';
}

export const CONVERGENCE_FIELDS: FieldDef[] = [
  { name: 'N', label: 'Non-embedding parameters N', symbol: 'N', unit: 'parameters', spec: { noun: 'non-embedding parameters', min: 1e3, max: 1e15, example: '1.5B' }, slider: 'log', step: 0.05, sliderMin: 1e5, sliderMax: 1e13, format: { sig: 4, style: 'sci' } },
  { name: 'C', label: 'Compute C_min', symbol: 'C', unit: 'PF-days', spec: { noun: 'PF-days', min: 1e-10, max: 1e10, units: { 'pf-days': 1, 'pf-day': 1, flop: 1 / FLOP_PER_PF_DAY, flops: 1 / FLOP_PER_PF_DAY }, example: '100, or 8.64e21 FLOP' }, slider: 'log', step: 0.05, sliderMin: 1e-6, sliderMax: 1e6, format: { sig: 4 } },
  { name: 'fp', label: 'Converged means within f′ of L(N, ∞)', symbol: 'f′', unit: '% above the converged loss', spec: { noun: 'per cent', min: 0.01, max: 50, units: { '%': 1 }, example: '2' }, slider: 'linear', step: 0.1, sliderMin: 0.1, sliderMax: 9.9, format: { sig: 3 } },
];

export const CONVERGENCE_CHOICES: ChoiceDef[] = [
  {
    name: 'given',
    label: 'Start from',
    noun: 'starting point',
    options: [
      { value: 'N', label: 'My model size N' },
      { value: 'C', label: 'My compute C_min (the compute-efficient N follows)' },
    ],
  },
  {
    name: 'set',
    label: 'Constants of L(N, S) (Kaplan et al. 2020, WebText2, GPT-2 BPE)',
    noun: 'constant set',
    options: [
      { value: 'summary', label: '§1 summary (Eq. 1.6), Kaplan et al. 2020' },
      { value: 'table3', label: 'Table 3 fit of L(N, S), Kaplan et al. 2020' },
    ],
  },
];

/** The three runs the calculator compares. */
export interface ConvergenceRuns {
  /** α_N/α_S. */
  f: number;
  /** f′ as a fraction. */
  fPrime: number;
  /** Compute-efficient: the model N stopped f above convergence. */
  efficient: StoppingPoint & { N: number };
  /** The same model trained on to f′ above convergence. */
  sameModel: StoppingPoint & { N: number };
  /** A smaller model reaching the efficient run's loss at f′ above its own convergence (Eq. B.12). */
  sameLoss: StoppingPoint & { N: number };
}

export function frontierSet(s: ConvergenceState, c: ConvergenceConstants): FrontierConstants {
  return s.set === 'table3' ? c.table3 : c.summary;
}

/** The three runs for a state whose f′ is below α_N/α_S. */
export function convergenceRuns(s: ConvergenceState, c: ConvergenceConstants): ConvergenceRuns {
  const K = frontierSet(s, c);
  const f = efficientConvergenceFactor(K);
  const fPrime = s.fp / 100;
  const N = s.given === 'C' ? efficientSizeForCompute(pfDaysToFlop(s.C), K) : s.N;
  const Nsmall = N / convergenceComparison({ f, fPrime }, K).paramsRatio;
  return {
    f,
    fPrime,
    efficient: { N, ...stoppingPoint(N, f, K) },
    sameModel: { N, ...stoppingPoint(N, fPrime, K) },
    sameLoss: { N: Nsmall, ...stoppingPoint(Nsmall, fPrime, K) },
  };
}

const n = (x: number) => formatNumber(x, { sig: 3, style: 'suffix' });
const r = (x: number) => formatNumber(x, { sig: 3 });
const pc = (x: number) => `${formatNumber(x * 100, { sig: 3 })} %`;
const pfd = (flop: number) => formatNumber(flopToPfDays(flop), { sig: 3 });

export function compute(s: ConvergenceState, c: ConvergenceConstants): Computed {
  const K = frontierSet(s, c);
  const f = efficientConvergenceFactor(K);
  if (!(s.fp / 100 < f)) {
    return { ok: false, field: 'fp', message: `f′ must be below the compute-efficient stopping point, α_N/α_S = ${pc(f)} above the converged loss; otherwise “converged” would stop earlier than compute-efficient training. Try 2.` };
  }
  const runs = convergenceRuns(s, c);
  const { efficient: e, sameModel: m, sameLoss: q } = runs;
  const values = [e, m, q].flatMap((x) => [x.N, x.L, x.Smin, x.Bcrit, x.Emin, x.Cmin]);
  if (!values.every((v) => Number.isFinite(v) && v > 0) || !(e.L < 20)) {
    return { ok: false, field: s.given, message: `This ${s.given === 'C' ? 'budget' : 'model size'} is outside what Kaplan’s L(N, S) describes (a loss or a step count this law cannot give). Try a value nearer 1.5B parameters or 1 PF-day.` };
  }
  const table6N = computeEfficient(flopToPfDays(e.Cmin), c.table6).N;
  const start =
    s.given === 'C'
      ? `For C_min = ${r(s.C)} PF-days the compute-efficient model has N ≈ ${n(e.N)} non-embedding parameters`
      : `A model of N = ${n(e.N)} non-embedding parameters is compute-efficient at C_min ≈ ${pfd(e.Cmin)} PF-days`;
  const text: Record<string, string> = {
    summary: `${start}: it stops after S_min ≈ ${n(e.Smin)} steps at B_crit ≈ ${n(e.Bcrit)} tokens, at L ≈ ${r(e.L)} nats/token, α_N/α_S = ${pc(f)} above the ${r(e.Linf)} it would converge to (Kaplan’s loss on WebText2, GPT-2 BPE tokens).`,
    sameModel: `Training the same model on to ${pc(runs.fPrime)} above convergence lowers the loss by ${pc(1 - m.L / e.L)}, to ${r(m.L)}, for ${r(m.Cmin / e.Cmin)}× the compute (${r(m.Smin / e.Smin)}× the steps, at a batch ${r(m.Bcrit / e.Bcrit)}× as large).`,
    sameLoss: `Reaching the compute-efficient loss ${r(e.L)} with a model trained to ${pc(runs.fPrime)} above its convergence takes a model ${r(e.N / q.N)}× smaller and ${r(q.Smin / e.Smin)}× the steps: ${r(q.Cmin / e.Cmin)}× the compute (Eq. B.12–B.14).`,
    table6: `Table 6’s fitted trend puts N_opt ≈ ${n(table6N)} at this C_min, ${r(table6N / e.N)}× App. B’s ${n(e.N)}: App. B derives the frontier from L(N, S) and B_crit(L), Table 6 is fitted to the runs.`,
  };
  for (const [key, x] of [['e', e], ['m', m], ['q', q]] as const) {
    text[`${key}-N`] = n(x.N);
    text[`${key}-L`] = r(x.L);
    text[`${key}-S`] = n(x.Smin);
    text[`${key}-E`] = n(x.Emin);
    text[`${key}-C`] = pfd(x.Cmin);
    text[`${key}-ratio`] = `${r(x.Cmin / e.Cmin)}×`;
  }
  return { ok: true, text, description: description(runs) };
}

function description({ efficient: e, sameModel: m, sameLoss: q }: ConvergenceRuns): string {
  return `Log-log plot of loss (nats/token, WebText2) against compute C_min (PF-days). Each curve is one model size trained for more and more steps at the critical batch; the dashed line through their lower edges is the compute-efficient frontier. Marked: the compute-efficient run of N = ${n(e.N)} at ${pfd(e.Cmin)} PF-days and L = ${r(e.L)}; the same model near convergence at ${pfd(m.Cmin)} PF-days and L = ${r(m.L)}; a ${n(q.N)} model reaching L = ${r(q.L)} near its own convergence at ${pfd(q.Cmin)} PF-days.`;
}
