/**
 * Repeated data (issue 8, calculator 11): U unique tokens seen for a number of epochs (or D tokens in
 * all) by a model of N parameters → Muennighoff et al.'s effective data D′ (Eq. 5), the predicted loss
 * under their data-constrained law (Eq. 14–15, with effective parameters N′ when N exceeds what the
 * unique data supports), the loss had all D tokens been unique, how much the next pass is worth, after
 * how many epochs a pass is worth less than a chosen fraction of fresh data, the ceiling U(1 + R_D*),
 * and tokens ↔ steps ↔ epochs at a batch size. Pure: shared by the build and the browser.
 */
import type { ParametricConstants } from '../../../src/lib/chinchilla.ts';
import {
  averageTokenWorth,
  dataConstrainedLossFor,
  effectiveDataCeiling,
  epochsUntilPassWorth,
  nextPassWorth,
  repetitionSchedule,
  type DataConstrainedTerms,
  type DecayConstants,
} from '../../../src/lib/datalimited.ts';
import { formatNumber, formatPercent } from '../../../src/lib/units.ts';
import type { ChoiceDef, Computed, FieldDef, Preset } from '../kit/types.ts';

/** One constant set: a law of Chinchilla's form and the decay constants applied to it. */
export interface RepeatSet {
  id: string;
  /** Short name for sentences ("Muennighoff’s C4 fit"). */
  short: string;
  /** Select label: paper, data set, tokenizer. */
  label: string;
  law: ParametricConstants;
  decay: DecayConstants;
}

export interface RepeatConstants {
  sets: readonly RepeatSet[];
  /** The abstract's "up to 4 epochs … negligible changes to loss" (fixture muennighoff-2023-examples). */
  almostNewEpochs: number;
}

export interface RepeatState {
  readonly [key: string]: number | string;
  /** Parameters. */
  N: number;
  /** Unique tokens available, D_C (the run uses U_D = min(U, D) of them). */
  U: number;
  /** Passes over the unique data (used when `given` is 'epochs'). */
  epochs: number;
  /** Total training tokens (used when `given` is 'D'). */
  D: number;
  /** Whether the run length is given in epochs or in total tokens. */
  given: string;
  /** Tokens per optimiser step. */
  batch: number;
  /** Threshold for "a pass is worth less than …", in percent of a fresh token. */
  worth: number;
  /** Constant set id. */
  set: string;
}

export function repeatFields(p: { N: readonly Preset[]; U: readonly Preset[]; epochs: readonly Preset[]; D: readonly Preset[] }): FieldDef[] {
  return [
    { name: 'N', label: 'Parameters N', symbol: 'N', unit: 'parameters', spec: { noun: 'parameters', min: 1e6, max: 1e14, example: '8.67B' }, slider: 'log', format: { sig: 4, style: 'sci' }, presets: p.N },
    { name: 'U', label: 'Unique tokens U_D', symbol: 'U', unit: 'tokens', spec: { noun: 'unique tokens', min: 1e6, max: 1e15, example: '44B' }, slider: 'log', format: { sig: 4, style: 'sci' }, presets: p.U },
    {
      name: 'epochs',
      label: 'Epochs over U_D (when the run length is given in epochs)',
      symbol: 'epochs',
      unit: 'epochs',
      spec: { noun: 'epochs', min: 1, max: 1e4, example: '4', units: { epoch: 1, epochs: 1 } },
      slider: 'log',
      step: 0.01,
      sliderMax: 1e3,
      format: { sig: 4 },
      presets: p.epochs,
    },
    { name: 'D', label: 'Total tokens D (when the run length is given in tokens)', symbol: 'D', unit: 'tokens', spec: { noun: 'tokens', min: 1e6, max: 1e17, example: '178B' }, slider: 'log', format: { sig: 4, style: 'sci' }, presets: p.D },
    { name: 'batch', label: 'Batch size B', symbol: 'B', unit: 'tokens per step', spec: { noun: 'tokens per step', min: 1, max: 1e10, example: '4M' }, slider: 'log', sliderMin: 1e3, format: { sig: 4 } },
    { name: 'worth', label: 'Threshold: a pass worth less than', symbol: 'threshold', unit: '% of a fresh token', spec: { noun: 'percent of a fresh token', min: 0.1, max: 99.9, example: '50' }, slider: 'linear', sliderMin: 1, sliderMax: 99, step: 1, format: { sig: 3 } },
  ];
}

export function repeatChoices(c: RepeatConstants): ChoiceDef[] {
  return [
    {
      name: 'given',
      label: 'Run length given as',
      noun: 'run length',
      options: [
        { value: 'epochs', label: 'epochs (D = U_D × epochs)' },
        { value: 'D', label: 'total tokens D (epochs = D / U_D)' },
      ],
    },
    { name: 'set', label: 'Constant set', noun: 'constant set', options: c.sets.map((s) => ({ value: s.id, label: s.label })) },
  ];
}

/** The run the state describes: unique tokens used U_D = min(U, D), total tokens D and epochs D/U_D. */
export function runOf(s: RepeatState): { UD: number; D: number; epochs: number } {
  const D = s.given === 'D' ? s.D : s.U * s.epochs;
  const UD = Math.min(s.U, D);
  return { UD, D, epochs: D / UD };
}

export function setOf(s: RepeatState, c: RepeatConstants): RepeatSet {
  return c.sets.find((x) => x.id === s.set) ?? c.sets[0]!;
}

/** Everything the text and the figure show, for one state. */
export interface RepeatResult {
  UD: number;
  D: number;
  epochs: number;
  terms: DataConstrainedTerms;
  /** Loss had all D tokens been unique (U_D = D). */
  uniqueLoss: number;
  /** Worth of the next pass's tokens relative to fresh ones. */
  nextWorth: number;
  /** D′/D: average worth of a trained token. */
  averageWorth: number;
  /** Epochs after which a pass is worth less than the threshold. */
  thresholdEpochs: number;
  /** U_D(1 + R_D*), tokens. */
  ceiling: number;
}

export function repeatResult(s: RepeatState, c: RepeatConstants): RepeatResult {
  const set = setOf(s, c);
  const { UD, D, epochs } = runOf(s);
  const terms = dataConstrainedLossFor(s.N, D, UD, set.law, set.decay);
  return {
    UD,
    D,
    epochs,
    terms,
    uniqueLoss: dataConstrainedLossFor(s.N, D, D, set.law, set.decay).loss,
    nextWorth: nextPassWorth(epochs, set.decay.RDstar),
    averageWorth: averageTokenWorth(epochs, set.decay.RDstar),
    thresholdEpochs: epochsUntilPassWorth(s.worth / 100, set.decay.RDstar),
    ceiling: effectiveDataCeiling(UD, set.decay.RDstar),
  };
}

const n = (x: number) => formatNumber(x, { sig: 3, style: 'suffix' });
const l = (x: number) => formatNumber(x, { sig: 4 });
const e = (x: number) => formatNumber(x, { sig: 3 });
const epochsOf = (x: number) => `${e(x)} ${e(x) === '1' ? 'epoch' : 'epochs'}`;
const gap = (a: number, b: number) => {
  const g = a / b - 1;
  return `${g >= 0 ? '+' : '−'}${formatPercent(Math.abs(g), 2)}`;
};

export function compute(s: RepeatState, c: RepeatConstants): Computed {
  const set = setOf(s, c);
  const r = runOf(s);
  if (r.D / s.batch < 1) return { ok: false, field: 'batch', message: `A batch of ${n(s.batch)} tokens is larger than the whole run (${n(r.D)} tokens): choose a batch below D.` };
  const x = repeatResult(s, c);
  const t = x.terms;
  const RD = set.decay.RDstar;
  const text: Record<string, string> = {};
  const used = s.given === 'D' && s.D < s.U ? ` (D is below the ${n(s.U)} unique tokens available, so the run sees ${n(x.UD)} of them once)` : '';
  text.summary =
    `${n(x.UD)} unique tokens × ${epochsOf(x.epochs)} = D = ${n(x.D)} tokens${used}: effective data D′ = ${n(t.Deff)} tokens, ${formatPercent(x.averageWorth)} of D. ` +
    `Predicted loss ${l(t.loss)} nats/token under ${set.short}, against ${l(x.uniqueLoss)} had all ${n(x.D)} tokens been unique (${gap(t.loss, x.uniqueLoss)}).`;
  text.deff = `${n(t.Deff)} tokens`;
  text.repetitions = e(t.RD);
  text.loss = `${l(t.loss)} nats/token`;
  text['unique-loss'] = `${l(x.uniqueLoss)} nats/token`;
  text.params =
    t.RN > 0
      ? `N = ${n(s.N)} parameters exceeds U_N = ${n(t.UN)}, the compute-optimal size for ${n(x.UD)} unique tokens (Eq. 15): the excess parameters are worth less, like repeated tokens, and count as N′ = ${n(t.Neff)} (R_N = ${e(t.RN)}).`
      : `N = ${n(s.N)} parameters is within U_N = ${n(t.UN)}, the compute-optimal size for ${n(x.UD)} unique tokens (Eq. 15): every parameter counts, N′ = N.`;
  text.next = `The next pass is worth ${formatPercent(x.nextWorth)} of fresh tokens (e^(−R_D/R_D*) at R_D = ${e(t.RD)}); averaged over the whole run a trained token is worth ${formatPercent(x.averageWorth)} of a fresh one.`;
  const past = x.epochs >= x.thresholdEpochs;
  text.threshold = `A pass is worth less than ${formatNumber(s.worth, { sig: 3 })} % of fresh tokens after ${e(x.thresholdEpochs)} epochs (1 + R_D*·ln(1/${formatNumber(s.worth / 100, { sig: 3 })})); this run ${past ? 'is past that point' : `is ${e(x.thresholdEpochs - x.epochs)} epochs short of it`}.`;
  text.ceiling = `However many epochs, D′ stays below U_D(1 + R_D*) = ${n(x.ceiling)} tokens (${e(1 + RD)} × U_D); this run has ${formatPercent(t.Deff / x.ceiling)} of that ceiling.`;
  const k = c.almostNewEpochs;
  const atK = dataConstrainedLossFor(s.N, x.UD * k, x.UD, set.law, set.decay).loss;
  const atKUnique = dataConstrainedLossFor(s.N, x.UD * k, x.UD * k, set.law, set.decay).loss;
  text.rule =
    `The paper’s rule of thumb, up to ${formatNumber(k)} epochs of repetition change the loss negligibly (abstract), computed: at ${formatNumber(k)} epochs a trained token is worth ${formatPercent(averageTokenWorth(k, RD))} of a fresh one on average, ` +
    `and this model on ${formatNumber(k)} × ${n(x.UD)} tokens would reach ${l(atK)} nats/token against ${l(atKUnique)} all unique (${gap(atK, atKUnique)}).`;
  const sched = repetitionSchedule(x.UD, x.epochs, s.batch);
  text.steps = `At B = ${n(s.batch)} tokens per step, one epoch is ${n(sched.stepsPerEpoch)} steps and the run ${n(sched.steps)} steps (${n(sched.tokens)} tokens, ${epochsOf(x.epochs)}).`;
  return { ok: true, text, description: description(x, set) };
}

function description(x: RepeatResult, set: RepeatSet): string {
  return (
    `Effective data D′ against epochs over ${n(x.UD)} unique tokens under ${set.short}: it follows the all-unique line D = U_D × epochs at first and flattens below the ceiling ${n(x.ceiling)} tokens. ` +
    `This run, ${epochsOf(x.epochs)}, is marked at D′ = ${n(x.terms.Deff)} tokens against ${n(x.D)} trained; a pass is worth less than the chosen threshold after ${e(x.thresholdEpochs)} epochs.`
  );
}
