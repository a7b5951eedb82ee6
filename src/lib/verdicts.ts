/**
 * What each scaling law would have chosen at a compute budget, and how far a trained model sits from
 * each law's optimum. Laws: Kaplan et al. 2020 Table 6 (N_opt ∝ C_min^0.73, non-embedding N) with
 * L(N, D) of Table 2 for losses; Hoffmann et al. 2022 Approaches 1 and 2 (Table 2's exponents, with
 * the prefactor that fits the approach's own projections in Table 3 / Table A3) and Approach 3
 * (Eq. 4 with the rounded and TeX-source constants); Besiroglu et al. 2024's refit of Approach 3.
 * Pure: reads the validated fixtures, no I/O.
 */
import { constantSet, constantsOf, model as modelById, models as allModels, table } from './data.ts';
import { computeEfficient, computeForLossND, lossND, lossNDComputeOptimal, type ComputeEfficientConstants } from './kaplan.ts';
import { computeForLoss, frontierLoss, lossHat, optimalAllocation, tokensPerParameter, type ParametricConstants } from './chinchilla.ts';
import { tokensForFlop, trainingFlop } from './compute.ts';
import { kaplanCount, type KaplanCount } from './model-counts.ts';
import { flopToPfDays } from './units.ts';
import type { Model } from './schema/models.ts';
import type { NumberCell } from './schema/tables.ts';
import { KAPLAN_LOSS_ND_SET, PARAMETRIC_SETS, type ParametricSetId } from './ledger.ts';

/** Kaplan Table 6's constant set. */
export const KAPLAN_ALLOCATION_SET = 'kaplan-2020-compute-efficient';

export type LawId = 'kaplan-table-6' | 'hoffmann-approach-1' | 'hoffmann-approach-2' | ParametricSetId;

/** One law, as the pages name and cite it. */
export interface Law {
  id: LawId;
  /** Short name for table headers. */
  short: string;
  /** Name for a table row: short, but says which approach or constant set. */
  name: string;
  label: string;
  /** What N counts in this law. */
  counts: 'non-embedding' | 'total';
  /** Where the allocation comes from, as printed. */
  source: string;
  /** Constant sets and tables read. */
  reads: string[];
  /** Does the law have a loss (so predicted losses and equivalent compute exist)? */
  hasLoss: boolean;
}

export const LAWS: readonly Law[] = [
  {
    id: 'kaplan-table-6',
    short: 'Kaplan',
    name: 'Kaplan, Table 6',
    label: 'Kaplan et al. 2020, compute-efficient allocation (Table 6)',
    counts: 'non-embedding',
    source: 'Kaplan et al. 2020, Table 6 (N_opt = N_e·C_min^p_N, C_min in PF-days); losses from L(N, D), Eq. (1.5) with Table 2',
    reads: [KAPLAN_ALLOCATION_SET, KAPLAN_LOSS_ND_SET],
    hasLoss: true,
  },
  {
    id: 'hoffmann-approach-1',
    short: 'Chinchilla A1',
    name: 'Chinchilla, Approach 1',
    label: 'Hoffmann et al. 2022, Approach 1 (training curve envelope)',
    counts: 'total',
    source: 'Hoffmann et al. 2022, Table 2 (a = 0.50) with the prefactor that best fits the Approach 1 projections of Table 3',
    reads: ['hoffmann-2022-table-2', 'hoffmann-2022-table-3'],
    hasLoss: false,
  },
  {
    id: 'hoffmann-approach-2',
    short: 'Chinchilla A2',
    name: 'Chinchilla, Approach 2',
    label: 'Hoffmann et al. 2022, Approach 2 (IsoFLOP profiles)',
    counts: 'total',
    source: 'Hoffmann et al. 2022, Table 2 (a = 0.49) with the prefactor that best fits the Approach 2 projections of Table A3',
    reads: ['hoffmann-2022-table-2', 'hoffmann-2022-table-a3'],
    hasLoss: false,
  },
  ...PARAMETRIC_SETS.map(
    (set): Law => ({
      id: set,
      short: set === 'besiroglu-2024-refit' ? 'Epoch refit' : set === 'hoffmann-2022-rounded' ? 'Chinchilla A3 (printed)' : 'Chinchilla A3 (TeX)',
      name: set === 'besiroglu-2024-refit' ? 'Epoch AI refit of Approach 3' : set === 'hoffmann-2022-rounded' ? 'Chinchilla, Approach 3 (printed constants)' : 'Chinchilla, Approach 3 (TeX-source constants)',
      label: constantSet(set).label,
      counts: 'total',
      source: `${constantSet(set).label}: Hoffmann et al. 2022, Eq. (4) with these constants`,
      reads: [set],
      hasLoss: true,
    }),
  ),
];

export function law(id: LawId): Law {
  const l = LAWS.find((x) => x.id === id);
  if (!l) throw new Error(`Unknown law "${id}"`);
  return l;
}

/** A law's choice at a budget. */
export interface Choice {
  law: LawId;
  /** Budget, FLOP. */
  C: number;
  /** Parameters (non-embedding for Kaplan, total otherwise). */
  N: number;
  /** Tokens, C/(6N). */
  D: number;
  tokensPerParameter: number;
  /** The law's loss at its own choice, nats/token (its own dataset), where it has one. */
  loss?: number;
}

/** A power law N_opt = k·C^a through a table's projections: a from Table 2, k their geometric-mean fit. */
export interface ProjectionFit {
  a: number;
  k: number;
  /** The (C, N) rows fitted. */
  rows: { C: number; N: number }[];
}

function numberCell(tableId: string, rowId: string | undefined, key: string): number {
  const row = table(tableId).rows.find((r) => r.id === rowId);
  const cell = row?.cells[key] as NumberCell | undefined;
  if (!cell || typeof cell.value !== 'number') throw new Error(`Table ${tableId} has no number at ${rowId}.${key}`);
  return cell.value;
}

/**
 * Hoffmann Approach 1 or 2 as a power law in compute: the exponent a of Table 2 and the prefactor k
 * that minimises the squared log error over the approach's own projections (Table 3 for Approach 1,
 * Table A3 for Approach 2): ln k = mean(ln N_i − a·ln C_i).
 */
export function approachFit(approach: 1 | 2): ProjectionFit {
  const a = numberCell('hoffmann-2022-table-2', `approach-${approach}`, 'a');
  const tableId = approach === 1 ? 'hoffmann-2022-table-3' : 'hoffmann-2022-table-a3';
  const flopsKey = approach === 1 ? 'flops' : 'approach2Flops';
  const rows = table(tableId).rows.map((r) => ({ C: numberCell(tableId, r.id, flopsKey), N: numberCell(tableId, r.id, 'parameters') }));
  // Approach 1's exponent and Table 3 both come from the same fit; the geometric mean is the least-squares k in log space.
  const lnK = rows.reduce((s, r) => s + Math.log(r.N) - a * Math.log(r.C), 0) / rows.length;
  return { a, k: Math.exp(lnK), rows };
}

const kaplanAllocation = (): ComputeEfficientConstants =>
  constantsOf(KAPLAN_ALLOCATION_SET, ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD']);
const kaplanND = () => constantsOf(KAPLAN_LOSS_ND_SET, ['alphaN', 'alphaD', 'Nc', 'Dc']);
const parametric = (set: string): ParametricConstants => constantsOf(set, ['E', 'A', 'B', 'alpha', 'beta']);

/** What `lawId` would choose at budget C (FLOP): N and D with 6ND = C. */
export function choiceAt(lawId: LawId, C: number): Choice {
  if (!(C > 0) || !Number.isFinite(C)) throw new RangeError(`Expected a positive, finite budget in FLOP, received ${C}`);
  let N: number;
  let loss: number | undefined;
  if (lawId === 'kaplan-table-6') {
    N = computeEfficient(flopToPfDays(C), kaplanAllocation()).N;
    loss = lossND(N, tokensForFlop(C, N), kaplanND());
  } else if (lawId === 'hoffmann-approach-1' || lawId === 'hoffmann-approach-2') {
    const { a, k } = approachFit(lawId === 'hoffmann-approach-1' ? 1 : 2);
    N = k * Math.pow(C, a);
  } else {
    const c = parametric(lawId);
    N = optimalAllocation(C, c).N;
    loss = lossHat(N, tokensForFlop(C, N), c);
  }
  const D = tokensForFlop(C, N);
  return { law: lawId, C, N, D, tokensPerParameter: tokensPerParameter(N, D), ...(loss !== undefined ? { loss } : {}) };
}

/** Every law's choice at budget C, in {@link LAWS} order. */
export function choicesAt(C: number): Choice[] {
  return LAWS.map((l) => choiceAt(l.id, C));
}

// ---------------------------------------------------------------------------------------------
// Readings of a trained model: its size as each law counts it.

export { kaplanCount, type KaplanCount };

/** One way of reading a model's size: total parameters (every model) or active parameters (a mixture of experts). */
export interface Reading {
  id: 'total' | 'active';
  label: string;
  /** Parameters for Chinchilla-form laws (total convention). */
  N: number;
  /** Parameters for Kaplan's laws (non-embedding convention). */
  kaplan: KaplanCount;
  D: number;
  /** 6ND with N (total convention), FLOP. */
  C: number;
  /** 6ND with Kaplan's N, FLOP (the compute Kaplan's laws count). */
  kaplanC: number;
}

/** The readings of a model: one for a dense model; total and active for a mixture of experts. */
export function readings(m: Model): Reading[] {
  const D = m.trainingTokens.value;
  const make = (id: Reading['id'], label: string, N: number): Reading => {
    const kaplan = id === 'total' ? kaplanCount(m) : { value: N, basis: 'total' as const };
    return { id, label, N, kaplan, D, C: trainingFlop(N, D), kaplanC: trainingFlop(kaplan.value, D) };
  };
  const out = [make('total', m.architecture === 'mixture-of-experts' ? 'Total parameters' : 'Parameters', m.parameters.value)];
  if (m.activeParameters) out.push(make('active', 'Active parameters per token', m.activeParameters.value));
  return out;
}

/** How a trained model stands under one law. */
export interface Verdict {
  law: LawId;
  /** The law's choice at the model's own budget (6ND, in the law's counting). */
  choice: Choice;
  /** The model's N in the law's counting. */
  N: number;
  /** N / N_opt: above 1 the model is larger than the law would choose (and so trained on fewer tokens). */
  parametersOverOptimal: number;
  /** D / D_opt: above 1 over-trained (more tokens per parameter than the law chooses), below 1 under-trained. */
  tokensOverOptimal: number;
  /** The law's predicted loss for what was trained, nats/token. */
  loss?: number;
  /** The budget at which the law's compute-optimal model reaches that same loss, FLOP. */
  equivalentCompute?: number;
  /** equivalentCompute / the model's budget (≤ 1: the share of the budget that was needed). */
  computeEfficiency?: number;
}

/** Every law's verdict on one reading of a model, in {@link LAWS} order. */
export function verdicts(r: Reading): Verdict[] {
  return LAWS.map((l) => {
    const kaplan = l.id === 'kaplan-table-6';
    const N = kaplan ? r.kaplan.value : r.N;
    const C = kaplan ? r.kaplanC : r.C;
    const choice = choiceAt(l.id, C);
    const base = { law: l.id, choice, N, parametersOverOptimal: N / choice.N, tokensOverOptimal: r.D / choice.D };
    if (kaplan) {
      const c = kaplanND();
      const loss = lossND(N, r.D, c);
      const equivalentCompute = computeForLossND(loss, c);
      return { ...base, loss, equivalentCompute, computeEfficiency: equivalentCompute / C };
    }
    if (!l.hasLoss) return base;
    const c = parametric(l.id);
    const loss = lossHat(N, r.D, c);
    const equivalentCompute = computeForLoss(loss, c);
    return { ...base, loss, equivalentCompute, computeEfficiency: equivalentCompute / C };
  });
}

/** Kaplan L(N, D)'s own optimum at the budget (for the figure): see {@link lossNDComputeOptimal}. */
export function kaplanLossNDOptimum(C: number) {
  return lossNDComputeOptimal(C, kaplanND());
}

/** Chinchilla-form loss along the frontier (for the figure). */
export function parametricFrontierLoss(set: ParametricSetId, C: number): number {
  return frontierLoss(C, parametric(set));
}

// ---------------------------------------------------------------------------------------------
// The budget ladder.

export interface Budget {
  /** Stable URL id: "1e18" … "1e27", "gopher", "largest-in-ledger". */
  id: string;
  /** FLOP. */
  C: number;
  title: string;
  /** Why this budget is on the ladder. */
  why: string;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 27 → "²⁷" (for budget titles). */
export function superscript(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Expected a non-negative whole number, received ${n}`);
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!);
}

/** First and last decade of the ladder (10^18 … 10^27 FLOP). */
export const LADDER_DECADES = { first: 18, last: 27 } as const;

/**
 * The fixed ladder: every decade from 1e18 to 1e27 FLOP, Gopher's 5.76e23 (its reported compute in
 * the fixture, Hoffmann Fig. 2) and the largest 6ND in the fixture, sorted by compute.
 */
export function budgets(list: readonly Model[] = allModels): Budget[] {
  const out: Budget[] = [];
  for (let k = LADDER_DECADES.first; k <= LADDER_DECADES.last; k++) {
    out.push({ id: `1e${k}`, C: Math.pow(10, k), title: `10${superscript(k)} FLOP`, why: 'A decade of the fixed ladder.' });
  }
  const gopher = modelById('gopher-280b').reportedTrainingFlop;
  if (!gopher) throw new Error('gopher-280b needs reportedTrainingFlop for the Gopher budget');
  out.push({ id: 'gopher', C: gopher.value, title: 'Gopher’s budget', why: `The budget Hoffmann et al. gave both Gopher and Chinchilla (${gopher.source.location}).` });
  const largest = list.reduce((a, b) => (trainingFlop(b.parameters.value, b.trainingTokens.value) > trainingFlop(a.parameters.value, a.trainingTokens.value) ? b : a));
  out.push({
    id: 'largest-in-ledger',
    C: trainingFlop(largest.parameters.value, largest.trainingTokens.value),
    title: 'The largest budget in the ledger',
    why: `6ND of the largest training run in the fixture, ${largest.name}.`,
  });
  return out.sort((a, b) => a.C - b.C);
}

/** Models whose 6ND (total parameters) lies within a factor `within` (default √10, half a decade) of C. */
export function modelsNear(C: number, list: readonly Model[] = allModels, within = Math.sqrt(10)): Model[] {
  return list
    .filter((m) => {
      const c = trainingFlop(m.parameters.value, m.trainingTokens.value);
      return c >= C / within && c <= C * within;
    })
    .sort((a, b) => trainingFlop(a.parameters.value, a.trainingTokens.value) - trainingFlop(b.parameters.value, b.trainingTokens.value));
}

/** The largest over the smallest N that the laws choose at C: how much they disagree (Kaplan's N is non-embedding). */
export function disagreement(choices: readonly Choice[]): { ratio: number; largest: Choice; smallest: Choice } {
  const sorted = [...choices].sort((a, b) => a.N - b.N);
  const smallest = sorted[0]!;
  const largest = sorted[sorted.length - 1]!;
  return { ratio: largest.N / smallest.N, largest, smallest };
}
