/**
 * Build-time assembly of the budget calculator's constants from the cited fixtures (never imported by
 * browser code: it reads `data.ts`). The result is plain JSON, serialised into the page for `compute`.
 */
import { accelerators, constantSet, constantsOf, models, paper, table } from '../../../src/lib/data.ts';
import { anchorPowerLaw, type Projection } from '../../../src/lib/approaches.ts';
import { PARAMETRIC_SETS } from '../../../src/lib/ledger.ts';
import type { Preset } from '../kit/types.ts';
import type { BudgetConstants, ParametricSet } from './state.ts';

function numberCell(tableId: string, rowId: string, key: string): number {
  const row = table(tableId).rows.find((r) => r.id === rowId);
  const cell = row?.cells[key];
  if (!cell || !('value' in cell) || typeof cell.value !== 'number') throw new Error(`${tableId} ${rowId}.${key} is not a number cell`);
  return cell.value;
}

function projections(tableId: string, flopKey: string): Projection[] {
  return table(tableId).rows.map((r) => {
    const n = (key: string) => {
      const cell = r.cells[key];
      if (!cell || !('value' in cell) || typeof cell.value !== 'number') throw new Error(`${tableId}: a row has no number in ${key}`);
      return cell.value;
    };
    return { C: n(flopKey), N: n('parameters') };
  });
}

/** Short names used in sentences and the figure. */
const SHORT: Readonly<Record<string, string>> = {
  'hoffmann-2022-rounded': 'Chinchilla Approach 3 (rounded Eq. 10 constants)',
  'hoffmann-2022-precise': 'Chinchilla Approach 3 (precise TeX-source constants)',
  'besiroglu-2024-refit': 'Epoch AI’s 2024 refit',
};

/** Short names of the parametric sets for result sentences ("… under Chinchilla Approach 3 (precise)"). */
export const SET_SHORT: Readonly<Record<string, string>> = {
  'hoffmann-2022-rounded': 'Chinchilla Approach 3 (rounded)',
  'hoffmann-2022-precise': 'Chinchilla Approach 3 (precise)',
  'besiroglu-2024-refit': 'Epoch AI’s refit',
};

/** Each set named with its paper, data set and tokenizer (for the set switch). */
export const SET_LABELS: Readonly<Record<string, string>> = {
  'hoffmann-2022-rounded': 'Hoffmann et al. 2022, Approach 3, Eq. (10) as printed — MassiveText, SentencePiece tokenizer',
  'hoffmann-2022-precise': 'Hoffmann et al. 2022, Approach 3, unrounded (arXiv TeX source) — MassiveText, SentencePiece',
  'besiroglu-2024-refit': 'Besiroglu et al. 2024 (Epoch AI) refit of Hoffmann’s Figure 4 data — MassiveText, SentencePiece',
};

export function budgetConstants(): BudgetConstants {
  const sets: ParametricSet[] = PARAMETRIC_SETS.map((id) => ({
    id,
    short: SHORT[id] ?? constantSet(id).label,
    ...constantsOf(id, ['E', 'A', 'B', 'alpha', 'beta']),
  }));
  return {
    kaplan: constantsOf('kaplan-2020-compute-efficient', ['Ne', 'pN', 'De', 'pD', 'Be', 'pB', 'Se', 'pS']),
    kaplanLoss: constantsOf('kaplan-2020-joint-nd', ['alphaN', 'alphaD', 'Nc', 'Dc']),
    approach1: anchorPowerLaw(projections('hoffmann-2022-table-3', 'flops'), numberCell('hoffmann-2022-table-2', 'approach-1', 'a')),
    approach2: anchorPowerLaw(projections('hoffmann-2022-table-a3', 'approach2Flops'), numberCell('hoffmann-2022-table-2', 'approach-2', 'a')),
    sets,
    lossSetForApproaches12: 'hoffmann-2022-precise',
    accelerators: accelerators.map((a) => ({ id: a.id, name: a.name, peak: a.peakTflops * 1e12 })),
  };
}

/** Budgets the papers report, as presets for the C field. */
export function budgetPresets(): Preset[] {
  return models
    .filter((m) => m.reportedTrainingFlop)
    .map((m) => ({
      label: `${m.name}: ${m.reportedTrainingFlop!.printed} FLOP (${paper(m.reportedTrainingFlop!.source.paper).short}, ${m.reportedTrainingFlop!.source.location})`,
      value: m.reportedTrainingFlop!.value,
    }));
}

export { accelerators };
