/**
 * Batch size and steps (issue 8, calculator 7): a target loss L → Kaplan's critical batch B_crit(L)
 * (Eq. 1.4); for the reader's batch B and the steps S (or tokens E) a run takes to reach L, the fewest
 * steps S_min and fewest tokens E_min the same loss needs (Eq. 5.4, 5.2) and where B sits on the
 * steps–tokens hyperbola (Eq. 5.1). Pure: shared by the build and the browser.
 */
import { batchOverhead, criticalBatch, examplesAtBatch, minExamples, minSteps, type CriticalBatchConstants } from '../../../src/lib/kaplan.ts';
import { formatCount, formatNumber } from '../../../src/lib/units.ts';
import type { ChoiceDef, Computed, FieldDef } from '../kit/types.ts';

/** The two printed values of B_* (Eq. 1.4/5.3 and Table 5), each with α_B. */
export interface BatchConstants {
  eq: CriticalBatchConstants;
  table5: CriticalBatchConstants;
}

export interface BatchState {
  readonly [key: string]: number | string;
  /** Target loss, nats/token on WebText2 (GPT-2 BPE). */
  L: number;
  /** Batch size, tokens. */
  B: number;
  /** Steps to reach L at batch B (used when given = 'S'). */
  S: number;
  /** Tokens to reach L at batch B (used when given = 'E'). */
  E: number;
  given: 'S' | 'E';
  bstar: 'eq' | 'table5';
}

export const BATCH_FIELDS: FieldDef[] = [
  { name: 'L', label: 'Target loss L', symbol: 'L', unit: 'nats/token (WebText2)', spec: { noun: 'loss in nats per token', min: 0.5, max: 12, example: '2.5' }, slider: 'linear', step: 0.05, sliderMin: 1.5, sliderMax: 6, format: { sig: 4 } },
  { name: 'B', label: 'Batch size B', symbol: 'B', unit: 'tokens per batch', spec: { noun: 'tokens per batch', min: 1, max: 1e10, example: '524288, or 4M' }, slider: 'log', step: 0.05, sliderMin: 1e3, sliderMax: 1e9, format: { sig: 6, style: 'auto' } },
  { name: 'S', label: 'Steps S to the target', symbol: 'S', unit: 'steps', spec: { noun: 'steps', min: 1, max: 1e10, example: '250k' }, slider: 'log', step: 0.05, sliderMin: 1e2, sliderMax: 1e8, format: { sig: 4 } },
  { name: 'E', label: 'Tokens E to the target', symbol: 'E', unit: 'tokens', spec: { noun: 'tokens', min: 1, max: 1e17, example: '300B' }, slider: 'log', step: 0.05, sliderMin: 1e6, sliderMax: 1e15, format: { sig: 4, style: 'sci' } },
];

/** The choices; `bstarLabels` name each printed B_* (built from the fixture, never typed). */
export function batchChoices(bstarLabels: { eq: string; table5: string }): ChoiceDef[] {
  return [
  {
    name: 'given',
    label: 'What the run took to reach L',
    noun: 'quantity given',
    options: [
      { value: 'S', label: 'Steps S (tokens E = B·S follow)' },
      { value: 'E', label: 'Tokens E (steps S = E/B follow)' },
    ],
  },
  {
    name: 'bstar',
    label: 'Value of B* (Kaplan et al. 2020, WebText2, GPT-2 BPE)',
    noun: 'value of B*',
    options: [
      { value: 'eq', label: bstarLabels.eq },
      { value: 'table5', label: bstarLabels.table5 },
    ],
  },
  ];
}

const n = (x: number) => formatNumber(x, { sig: 3, style: 'suffix' });
const r = (x: number) => formatNumber(x, { sig: 3 });
/** The reader's batch as typed: a whole number below 1e7 in full ("524,288"), anything else as "4M". */
export const batchText = (B: number) => (Number.isInteger(B) && B < 1e7 ? formatCount(B) : n(B));

/** The run's steps and tokens: one is given, the other follows from E = B·S. */
export function runAmounts(s: BatchState): { S: number; E: number } {
  return s.given === 'E' ? { S: s.E / s.B, E: s.E } : { S: s.S, E: s.B * s.S };
}

export function compute(s: BatchState, c: BatchConstants): Computed {
  const K = s.bstar === 'table5' ? c.table5 : c.eq;
  const { S, E } = runAmounts(s);
  if (!(S >= 1)) return { ok: false, field: 'E', message: `${n(E)} tokens at ${batchText(s.B)} tokens per batch is less than one step. Give more tokens or a smaller batch.` };
  if (!(E <= 1e20)) return { ok: false, field: 'S', message: `${n(S)} steps of ${batchText(s.B)} tokens is more than 1e20 tokens, beyond anything this law was fitted on. Give fewer steps or a smaller batch.` };
  const Bcrit = criticalBatch(s.L, K);
  const Smin = minSteps(S, s.B, Bcrit);
  const Emin = minExamples(E, s.B, Bcrit);
  const o = batchOverhead(s.B, Bcrit);
  const ratio = s.B / Bcrit;
  const where =
    ratio < 0.95
      ? `below B_crit: steps are the cost (${r(o.steps)}× the minimum), tokens almost are not (${r(o.examples)}×). A bigger batch would cut steps at little extra data`
      : ratio > 1.05
        ? `above B_crit: tokens are the cost (${r(o.examples)}× the minimum), steps almost are not (${r(o.steps)}×). A bigger batch would mostly add data`
        : `at B_crit: about 2× the fewest steps and 2× the fewest tokens (text after Eq. 5.2)`;
  const text: Record<string, string> = {
    summary: `At L = ${r(s.L)} nats/token (Kaplan’s WebText2 loss, GPT-2 BPE tokens), B_crit ≈ ${n(Bcrit)} tokens. A batch of ${batchText(s.B)} tokens is ${r(ratio)}× B_crit.`,
    Bcrit: n(Bcrit),
    S: n(S),
    E: n(E),
    Smin: n(Smin),
    Emin: n(Emin),
    stepsFactor: r(o.steps),
    examplesFactor: r(o.examples),
    where: `This batch is ${where}.`,
    atCrit: `At B = B_crit the same loss takes ≈ ${n(2 * Smin)} steps and ≈ ${n(examplesAtBatch(Emin, Bcrit, Bcrit))} tokens.`,
  };
  return { ok: true, text, description: description(s, Bcrit, o) };
}

function description(s: BatchState, Bcrit: number, o: { steps: number; examples: number }): string {
  return `Log-log plot of the steps–tokens trade-off at a fixed loss: S/S_min (horizontal) against E/E_min (vertical), the hyperbola (S/S_min − 1)(E/E_min − 1) = 1. The point at 2, 2 is B = B_crit ≈ ${n(Bcrit)} tokens (L = ${r(s.L)} nats/token); the reader’s batch of ${batchText(s.B)} tokens sits at S/S_min = ${r(o.steps)}, E/E_min = ${r(o.examples)}.`;
}
