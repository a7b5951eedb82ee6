/**
 * Over-training (issue 8, calculator 8): a model k times smaller than compute-optimal at the reader's
 * budget C, trained to the same loss — the tokens it needs, the extra training compute (de Vries'
 * "compute overhead"), the smallest model that can reach the loss at all, and after how many served
 * tokens (≈ 2N FLOP each) its cheaper inference repays the extra training (Sardana et al. 2024's lifetime
 * objective 6·N·D_tr + 2·N·D_inf). Pure: shared by the build and the browser.
 */
import type { ParametricConstants } from '../../../src/lib/chinchilla.ts';
import { criticalModelSize, lifetimeComparison, smallerModel, type SmallerModel } from '../../../src/lib/overtraining.ts';
import { FLOP_PER_PF_DAY, formatNumber, formatPercent } from '../../../src/lib/units.ts';
import type { ChoiceDef, Computed, FieldDef, Preset } from '../kit/types.ts';

export interface OvertrainSet extends ParametricConstants {
  id: string;
  /** Short name for sentences ("Epoch AI’s refit"). */
  short: string;
}

export interface OvertrainConstants {
  sets: readonly OvertrainSet[];
}

export interface OvertrainState {
  readonly [key: string]: number | string;
  /** Training budget, FLOP. */
  C: number;
  /** How many times smaller than compute-optimal the model is (N = N_opt/k, k ≥ 1). */
  k: number;
  /** Tokens served over the model's life. */
  T: number;
  set: string;
}

export function overtrainFields(cPresets: readonly Preset[], tPresets: readonly Preset[]): FieldDef[] {
  return [
    {
      name: 'C',
      label: 'Training budget C',
      symbol: 'C',
      unit: 'FLOP',
      spec: { noun: 'FLOP', min: 1e17, max: 1e30, units: { flop: 1, flops: 1, 'pf-days': FLOP_PER_PF_DAY, 'pf-day': FLOP_PER_PF_DAY }, example: '5.76e23 or 3,640 PF-days' },
      slider: 'log',
      sliderMin: 1e18,
      sliderMax: 1e28,
      format: { sig: 4, style: 'sci' },
      presets: cPresets,
    },
    {
      name: 'k',
      label: 'Times smaller than compute-optimal k (N = N_opt/k)',
      symbol: 'k',
      unit: '×',
      spec: { noun: 'size factor', min: 1, max: 1000, example: '2 (half the compute-optimal size)' },
      slider: 'log',
      step: 0.01,
      sliderMax: 20,
      format: { sig: 4 },
    },
    {
      name: 'T',
      label: 'Served tokens D_inf',
      symbol: 'D_inf',
      unit: 'tokens',
      spec: { noun: 'served tokens', min: 1, max: 1e18, example: '2T' },
      slider: 'log',
      sliderMin: 1e9,
      sliderMax: 1e16,
      format: { sig: 4, style: 'sci' },
      presets: tPresets,
    },
  ];
}

export function overtrainChoices(c: OvertrainConstants, labels: Readonly<Record<string, string>>): ChoiceDef[] {
  return [{ name: 'set', label: 'Constant set of the parametric loss', noun: 'constant set', options: c.sets.map((s) => ({ value: s.id, label: labels[s.id] ?? s.short })) }];
}

/** The chosen set (the first when the id is unknown: the kit has already refused it). */
export function chosenSet(s: OvertrainState, c: OvertrainConstants): OvertrainSet {
  return c.sets.find((x) => x.id === s.set) ?? c.sets[0]!;
}

/** What the calculator computes for one state, or why it cannot. */
export type OvertrainResult =
  | { ok: true; r: SmallerModel; Ncrit: number; kMax: number; lifetime: ReturnType<typeof lifetimeComparison> }
  | { ok: false; Ncrit: number; kMax: number; r: SmallerModel };

/**
 * The smaller model at (C, k) under one set, the critical size of its target loss and the largest
 * k that can still reach that loss (N_opt/N_crit); not ok when N = N_opt/k is at or below N_crit.
 */
export function overtrain(s: OvertrainState, set: ParametricConstants): OvertrainResult {
  const r = smallerModel(s.C, s.k, set);
  const Ncrit = criticalModelSize(r.optimal.loss, set);
  const kMax = r.optimal.N / Ncrit;
  if (!(r.N > Ncrit) || !Number.isFinite(r.D) || !Number.isFinite(r.breakEvenServedTokens)) return { ok: false, Ncrit, kMax, r };
  return { ok: true, r, Ncrit, kMax, lifetime: lifetimeComparison(r, s.T) };
}

const n = (x: number) => formatNumber(x, { sig: 3, style: 'suffix' });
const f = (x: number) => formatNumber(x, { sig: 3 });
const l = (x: number) => formatNumber(x, { sig: 4 });

export function compute(s: OvertrainState, c: OvertrainConstants): Computed {
  const set = chosenSet(s, c);
  const res = overtrain(s, set);
  const { r, Ncrit, kMax } = res;
  const opt = r.optimal;
  if (!res.ok) {
    return {
      ok: false,
      field: 'k',
      message: `A model ${f(s.k)}× smaller (N = ${n(r.N)}) is at or below the critical size N_crit ≈ ${n(Ncrit)} parameters for this loss (L* = ${l(opt.loss)} nats/token under ${set.short}): no amount of data reaches it. Choose k below ${f(kMax)}.`,
    };
  }
  const life = res.lifetime;
  const text: Record<string, string> = {};
  text.summary =
    `At C = ${f(s.C)} FLOP, ${set.short} puts the compute-optimal model at N_opt ≈ ${n(opt.N)} parameters on D_opt ≈ ${n(opt.D)} tokens (L* = ${l(opt.loss)} nats/token). ` +
    `A model ${f(s.k)}× smaller (${formatPercent(1 / s.k)} of N_opt, N ≈ ${n(r.N)}) needs D ≈ ${n(r.D)} tokens (${f(r.tokensPerParameter)} per parameter) to reach the same loss: ` +
    `C′ = 6ND ≈ ${f(r.trainingFlop)} FLOP, a compute overhead of ${formatPercent(r.computeOverhead)}.`;
  text.overhead = formatPercent(r.computeOverhead);
  text.tokens = `${n(r.D)} tokens`;
  text.extra = `${f(r.extraTrainingFlop)} FLOP`;
  text.breakeven = r.extraTrainingFlop > 0 ? `${f(r.breakEvenServedTokens)} tokens` : '0 tokens (no extra training)';
  text.saving = `${f(2 * (opt.N - r.N))} FLOP`;
  text.lifetime =
    `After D_inf = ${f(s.T)} served tokens (2N FLOP each), the compute-optimal model has cost ${f(life.optimalTotalFlop)} FLOP in training and inference, the smaller one ${f(life.smallerTotalFlop)} FLOP: ` +
    (life.savedFlop > 0
      ? `the smaller model saves ${f(life.savedFlop)} FLOP (${formatPercent(life.savedFraction)}).`
      : life.savedFlop < 0
        ? `the smaller model costs ${f(-life.savedFlop)} FLOP more (${formatPercent(-life.savedFraction)}); it pays back only after ${f(r.breakEvenServedTokens)} served tokens.`
        : 'the two cost the same.');
  text.critical = `No model at or below N_crit ≈ ${n(Ncrit)} parameters (${formatPercent(Ncrit / opt.N)} of N_opt, k ≈ ${f(kMax)}) reaches L* with any amount of data; the overhead grows without bound as N approaches it.`;
  return { ok: true, text, description: description(s, res, set) };
}

function description(s: OvertrainState, res: Extract<OvertrainResult, { ok: true }>, set: OvertrainSet): string {
  return (
    `A curve of the compute overhead C′/C − 1 (percent) against the model size as a fraction of compute-optimal, N/N_opt, at C = ${f(s.C)} FLOP under ${set.short}. ` +
    `The overhead is 0 at N/N_opt = 1 and rises steeply towards the critical size at N/N_opt ≈ ${formatPercent(res.Ncrit / res.r.optimal.N)}, marked by a vertical line. ` +
    `The reader's model, ${formatPercent(1 / s.k)} of N_opt, is marked at an overhead of ${formatPercent(res.r.computeOverhead)}.`
  );
}
