/**
 * Budget → model and data (issue 8 §1): a compute budget (FLOP, PF-days, or a cluster) → the
 * compute-optimal N and D under Kaplan et al. 2020 (Table 6), Hoffmann et al. 2022 Approaches 1, 2
 * and 3 (rounded and precise constants) and Besiroglu et al. 2024's refit; tokens per parameter and
 * predicted loss under each; how flat the optimum is; the inverse questions (chosen N → D and C;
 * target loss → N, D, C); and, with the reader's own price, time and cost. Pure: shared by the build
 * and the browser.
 */
import type { FieldSpec } from '../../../src/lib/validate.ts';
import { allocationForLoss, computeForOptimalN, isoFlopRange, lossHat, optimalAllocation, type ParametricConstants } from '../../../src/lib/chinchilla.ts';
import { anchoredAllocation, anchoredComputeForN, type AnchoredPowerLaw } from '../../../src/lib/approaches.ts';
import { computeEfficient, lossND, type LossNDConstants } from '../../../src/lib/kaplan.ts';
import { FLOP_PER_PF_DAY, flopToPfDays, formatNumber, pfDaysToFlop } from '../../../src/lib/units.ts';
import type { ChoiceDef, Computed, FieldDef } from '../kit/types.ts';

/** Kaplan Table 6's N_opt and D_opt rows (C_min in PF-days). */
export interface KaplanTable6 {
  Ne: number;
  pN: number;
  De: number;
  pD: number;
  Be: number;
  pB: number;
  Se: number;
  pS: number;
}

/** One parametric constant set offered by the set switch. */
export interface ParametricSet extends ParametricConstants {
  id: string;
  /** Short name used in sentences ("Approach 3, precise constants"). */
  short: string;
}

export interface AcceleratorPreset {
  id: string;
  name: string;
  /** Dense peak, FLOP/s. */
  peak: number;
}

export interface BudgetConstants {
  kaplan: KaplanTable6;
  kaplanLoss: LossNDConstants;
  approach1: AnchoredPowerLaw;
  approach2: AnchoredPowerLaw;
  /** Parametric sets in switch order: rounded, precise, refit. */
  sets: readonly ParametricSet[];
  /** Set used to give Approaches 1 and 2 a predicted loss (they have no loss law of their own). */
  lossSetForApproaches12: string;
  accelerators: readonly AcceleratorPreset[];
}

export interface BudgetState {
  readonly [key: string]: number | string;
  /** Budget, FLOP (used when source = 'flop'). */
  C: number;
  source: 'flop' | 'cluster';
  gpus: number;
  days: number;
  /** Model FLOP utilisation, percent. */
  mfu: number;
  acc: string;
  /** Reader's price per accelerator-hour (any currency); 0 = none given. */
  price: number;
  /** Chosen model size for the inverse question, parameters (total). */
  N: number;
  /** Target loss for the inverse question, nats/token. */
  L: number;
  set: string;
}

const FLOP_UNITS = { flop: 1, flops: 1, 'pf-days': FLOP_PER_PF_DAY, 'pf-day': FLOP_PER_PF_DAY, 'pf days': FLOP_PER_PF_DAY };

export const C_SPEC: FieldSpec = { noun: 'FLOP', min: 1e15, max: 1e30, units: FLOP_UNITS, example: '5.76e23, or 3,640 PF-days' };

/** Fields, in the order they are shown. Presets are the budgets the papers report (models.json). */
export function budgetFields(presets: FieldDef['presets'] = []): FieldDef[] {
  return [
    { name: 'C', label: 'Compute budget C', symbol: 'C', unit: 'FLOP', spec: C_SPEC, slider: 'log', step: 0.05, sliderMin: 1e17, sliderMax: 1e28, format: { sig: 4, style: 'sci' }, presets },
    { name: 'gpus', label: 'Accelerators', symbol: 'accelerators', unit: 'devices', spec: { noun: 'accelerators', min: 1, max: 1e7, integer: true, example: '1024 or 16k' }, slider: 'log', step: 0.1, format: { sig: 6 } },
    { name: 'days', label: 'Wall-clock time', symbol: 'days', unit: 'days', spec: { noun: 'days', min: 0.01, max: 1e4, units: { day: 1, days: 1, d: 1 }, example: '30' }, slider: 'log', step: 0.05, format: { sig: 4 } },
    { name: 'mfu', label: 'Utilisation (MFU)', symbol: 'MFU', unit: '% of dense peak', spec: { noun: 'percent of dense peak', min: 1, max: 100, example: '40' }, slider: 'linear', step: 1, format: { sig: 3 } },
    { name: 'price', label: 'Your price per accelerator-hour (optional)', symbol: 'price', unit: 'per hour, your currency', spec: { noun: 'currency units per accelerator-hour', min: 0, max: 1e5, example: '2.5, or 0 for no cost' }, format: { sig: 4 } },
    { name: 'N', label: 'Inverse: chosen model size N', symbol: 'N', unit: 'parameters', spec: { noun: 'parameters', min: 1e6, max: 1e15, example: '70B' }, slider: 'log', step: 0.05, sliderMin: 1e7, sliderMax: 1e13, format: { sig: 4, style: 'sci' } },
    { name: 'L', label: 'Inverse: target loss L', symbol: 'L', unit: 'nats/token', spec: { noun: 'nats per token', min: 0.01, max: 100, example: '2.0' }, format: { sig: 4 } },
  ];
}

export function budgetChoices(c: BudgetConstants, setLabels: Readonly<Record<string, string>>): ChoiceDef[] {
  return [
    {
      name: 'source',
      label: 'Budget given as',
      noun: 'budget source',
      options: [
        { value: 'flop', label: 'the compute budget C above' },
        { value: 'cluster', label: 'accelerators × days × dense peak × MFU' },
      ],
    },
    {
      name: 'acc',
      label: 'Accelerator (dense peak)',
      noun: 'accelerator',
      options: c.accelerators.map((a) => ({ value: a.id, label: `${a.name}: ${formatNumber(a.peak / 1e12, { sig: 5 })} TFLOP/s dense` })),
    },
    {
      name: 'set',
      label: 'Constant set for the flatness and inverse answers',
      noun: 'constant set',
      options: c.sets.map((s) => ({ value: s.id, label: setLabels[s.id] ?? s.short })),
    },
  ];
}

/** One row of the results table. */
export interface LawRow {
  key: string;
  /** Row label. */
  law: string;
  N: number;
  D: number;
  loss: number;
  /** What N counts. */
  nKind: 'non-embedding' | 'total';
}

const SECONDS_PER_DAY = 24 * 3600;

/** The budget in FLOP: C itself, or accelerators × days × 86,400 s × dense peak × MFU. */
export function budgetFlop(s: BudgetState, c: BudgetConstants): number {
  if (s.source === 'flop') return s.C;
  const acc = accelerator(s, c);
  return s.gpus * s.days * SECONDS_PER_DAY * acc.peak * (s.mfu / 100);
}

function accelerator(s: BudgetState, c: BudgetConstants): AcceleratorPreset {
  return c.accelerators.find((a) => a.id === s.acc) ?? c.accelerators[0]!;
}

function setOf(id: string, c: BudgetConstants): ParametricSet {
  return c.sets.find((x) => x.id === id) ?? c.sets[0]!;
}

/** N, D and predicted loss under each law for budget C (FLOP). */
export function lawRows(C: number, c: BudgetConstants): LawRow[] {
  const k = computeEfficient(flopToPfDays(C), c.kaplan);
  const a12 = setOf(c.lossSetForApproaches12, c);
  const rows: LawRow[] = [
    { key: 'kaplan', law: 'Kaplan et al. 2020, Table 6', N: k.N, D: k.D, loss: lossND(k.N, k.D, c.kaplanLoss), nKind: 'non-embedding' },
  ];
  for (const [key, law, rule] of [
    ['approach1', 'Hoffmann et al. 2022, Approach 1', c.approach1],
    ['approach2', 'Hoffmann et al. 2022, Approach 2', c.approach2],
  ] as const) {
    const x = anchoredAllocation(C, rule);
    rows.push({ key, law, N: x.N, D: x.D, loss: lossHat(x.N, x.D, a12), nKind: 'total' });
  }
  for (const set of c.sets) {
    const x = optimalAllocation(C, set);
    rows.push({ key: set.id, law: set.short, N: x.N, D: x.D, loss: lossHat(x.N, x.D, set), nKind: 'total' });
  }
  return rows;
}

const n = (x: number) => formatNumber(x, { sig: 3, style: 'suffix' });
const sci = (x: number) => formatNumber(x, { sig: 3 });

/** Inputs → every sentence and table cell of the calculator. */
export function compute(s: BudgetState, c: BudgetConstants): Computed {
  const C = budgetFlop(s, c);
  if (!(C >= C_SPEC.min && C <= C_SPEC.max)) {
    return {
      ok: false,
      field: 'days',
      message: `Accelerators × days × peak × MFU gives ${Number.isFinite(C) ? sci(C) : 'too much'} FLOP, outside the range this calculator answers (${sci(C_SPEC.min)} to ${sci(C_SPEC.max)} FLOP).`,
    };
  }
  const set = setOf(s.set, c);
  const acc = accelerator(s, c);
  const text: Record<string, string> = {};
  const messages: Record<string, string> = {};

  const pf = flopToPfDays(C);
  text.budget =
    s.source === 'flop'
      ? `Budget C = ${sci(C)} FLOP (${sci(pf)} PF-days).`
      : `Budget C = ${formatNumber(s.gpus, { sig: 7 })} × ${formatNumber(s.days, { sig: 4 })} days × 86,400 s × ${formatNumber(acc.peak / 1e12, { sig: 5 })} TFLOP/s × ${formatNumber(s.mfu, { sig: 3 })} % = ${sci(C)} FLOP (${sci(pf)} PF-days).`;

  const rows = lawRows(C, c);
  for (const r of rows) {
    text[`${r.key}-N`] = n(r.N);
    text[`${r.key}-D`] = n(r.D);
    text[`${r.key}-ratio`] = formatNumber(r.D / r.N, { sig: 3 });
    text[`${r.key}-loss`] = formatNumber(r.loss, { sig: 4 });
  }
  const chosen = rows.find((r) => r.key === set.id)!;
  const kaplan = rows[0]!;
  text.summary =
    `For ${sci(C)} FLOP, ${set.short} gives N ≈ ${n(chosen.N)} parameters (total) trained on D ≈ ${n(chosen.D)} tokens, ` +
    `${formatNumber(chosen.D / chosen.N, { sig: 3 })} tokens per parameter; Kaplan's Table 6 gives N ≈ ${n(kaplan.N)} non-embedding parameters on ${n(kaplan.D)} tokens.`;

  const half = isoFlopRange(C, set, 0.005);
  const one = isoFlopRange(C, set, 0.01);
  text.flat =
    `Under ${set.short}, every N from ${n(half.Nlo)} to ${n(half.Nhi)} (D from ${n(half.Dlo)} to ${n(half.Dhi)} tokens) comes within 0.5 % of the optimal loss ${formatNumber(chosen.loss, { sig: 4 })} at this budget; ` +
    `within 1 %: N from ${n(one.Nlo)} to ${n(one.Nhi)} (a factor of ${formatNumber(one.Nhi / one.Nlo, { sig: 2 })}).`;

  // Time and cost on the chosen accelerator.
  const deviceSeconds = C / (acc.peak * (s.mfu / 100));
  const gpuHours = deviceSeconds / 3600;
  const days = deviceSeconds / SECONDS_PER_DAY / s.gpus;
  text.time = `${formatNumber(gpuHours, { sig: 3 })} accelerator-hours on ${acc.name} at ${formatNumber(s.mfu, { sig: 3 })} % MFU: ${formatNumber(days, { sig: 3 })} days on ${formatNumber(s.gpus, { sig: 7 })} of them.`;
  text.cost =
    s.price > 0
      ? `At your price of ${formatNumber(s.price, { sig: 4 })} per accelerator-hour: ${formatNumber(gpuHours * s.price, { sig: 3 })} in the same currency (compute only: no failures, restarts, experiments or staff).`
      : 'Enter your own price per accelerator-hour to see a cost; this site quotes no price.';

  // Inverse: a chosen N.
  const Cn = computeForOptimalN(s.N, set);
  const kC = pfDaysToFlop(Math.pow(s.N / c.kaplan.Ne, 1 / c.kaplan.pN));
  const a1C = anchoredComputeForN(s.N, c.approach1);
  text.inverseN =
    `If N = ${n(s.N)} is to be compute-optimal under ${set.short}: D ≈ ${n(Cn / (6 * s.N))} tokens (${formatNumber(Cn / (6 * s.N * s.N), { sig: 3 })} per parameter) and C ≈ ${sci(Cn)} FLOP (${sci(flopToPfDays(Cn))} PF-days). ` +
    `Approach 1 says C ≈ ${sci(a1C)} FLOP, D ≈ ${n(a1C / (6 * s.N))}; Kaplan's Table 6 (reading N as non-embedding) says C ≈ ${sci(kC)} FLOP.`;

  // Inverse: a target loss.
  if (s.L > set.E) {
    const x = allocationForLoss(s.L, set);
    text.inverseL = `To reach L̂ = ${formatNumber(s.L, { sig: 4 })} nats/token at least compute under ${set.short}: N ≈ ${n(x.N)}, D ≈ ${n(x.D)} tokens, C ≈ ${sci(x.C)} FLOP (${sci(flopToPfDays(x.C))} PF-days).`;
  } else {
    const why = `No model reaches L̂ = ${formatNumber(s.L, { sig: 4 })}: under ${set.short} the irreducible loss is E = ${formatNumber(set.E, { sig: 4 })} nats/token, and L̂ only approaches E as N and D grow without bound. Choose a loss above E.`;
    text.inverseL = why;
    messages.L = why;
  }
  return { ok: true, text, messages, description: figureDescription(C, rows, c) };
}

/** The figure's text description. */
export function figureDescription(C: number, rows: readonly LawRow[], c: BudgetConstants): string {
  return (
    `Lines of compute-optimal model size N against compute C, both on log scales, for each law. ` +
    `At the marked budget of ${sci(C)} FLOP they give: ` +
    rows.map((r) => `${r.law} N ≈ ${n(r.N)} (${r.nKind})`).join('; ') +
    `. Kaplan’s line is steeper (N ∝ C^${c.kaplan.pN}) than the Chinchilla lines (Approach 1: N ∝ C^${c.approach1.a}), so the gap grows with the budget.`
  );
}

