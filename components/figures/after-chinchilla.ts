/**
 * Figures of "After Chinchilla": Sardana et al.'s inference-aware optimum against served tokens,
 * Muennighoff et al.'s effective data against epochs, and the labs' allocation laws beside Kaplan's and
 * Chinchilla's. Pure: computed from src/lib with constants passed in.
 */
import * as Plot from '@observablehq/plot';
import { optimalN, type ParametricConstants } from '../../src/lib/chinchilla.ts';
import type { ComputeEfficientConstants } from '../../src/lib/kaplan.ts';
import { deepseekAllocation, kaplanOptimalN, llama3Params, paramsBoundFromFlopsPerToken, type DeepSeekConstants, type TokenLawConstants } from '../../src/lib/allocation.ts';
import { effectiveDataMultiple, effectiveDataCeiling } from '../../src/lib/datalimited.ts';
import { inferenceSaving } from '../../src/lib/inference.ts';
import { logSpace } from '../../src/lib/isoflop.ts';
import { formatNumber, formatPercent } from '../../src/lib/units.ts';
import { frame, sciTicks, seriesMarks, suffixTicks, type Series } from './series-lines.ts';

export const SARDANA_CAPTION = 'Sardana et al.\u2019s inference-aware optimum for a model of the quality of a Chinchilla-optimal one, against the tokens it will serve: its size relative to the Chinchilla model, and the share of lifetime FLOPs it saves.';

export function sardanaSeries(N: number, c: ParametricConstants): Series[] {
  const xs = logSpace(1e9, 1e14, 60);
  const rows = xs.map((Dinf) => ({ Dinf, s: inferenceSaving(N, Dinf, c) }));
  return [
    { label: 'N* ÷ N_Chinchilla', className: 'accent', points: rows.map(({ Dinf, s }) => ({ x: Dinf, y: s.optimal.N / N })) },
    { label: 'FLOPs saved', className: 'accent-2', dash: '6 4', points: rows.map(({ Dinf, s }) => ({ x: Dinf, y: s.savedFraction })) },
  ];
}

export function sardanaOptions(series: Series[]): Plot.PlotOptions {
  return frame({
    x: { type: 'log', label: 'Inference tokens served over the model\u2019s life →', tickFormat: sciTicks },
    y: { label: '↑ fraction', grid: true, domain: [0, 1] },
    marks: seriesMarks(series),
  });
}

export function sardanaDescription(series: Series[]): string {
  const [size, saved] = series;
  const at = (s: Series, i: number) => `${formatPercent(s.points[i]!.y, 2)} at ${formatNumber(s.points[i]!.x)} tokens`;
  const last = size!.points.length - 1;
  return `The optimal size falls from ${at(size!, 0)} to ${at(size!, last)}; the FLOPs saved rise from ${at(saved!, 0)} to ${at(saved!, last)}.`;
}

export const EPOCHS_CAPTION = 'Muennighoff et al.\u2019s effective data D\u2032/U (Eq. 5) against the number of passes over U unique tokens, beside the line where repeated tokens would be as good as new ones; the dotted line is the ceiling 1 + R_D*.';

export function epochsSeries(RDstar: number): Series[] {
  const xs = logSpace(1, 100, 60);
  return [
    { label: 'as good as new', dash: '3 3', points: xs.map((e) => ({ x: e, y: e })) },
    { label: 'Eq. (5)', className: 'accent', points: xs.map((e) => ({ x: e, y: effectiveDataMultiple(e, RDstar) })) },
  ];
}

export function epochsOptions(series: Series[], RDstar: number): Plot.PlotOptions {
  return frame({
    x: { type: 'log', label: 'Epochs (passes over the unique data) →' },
    y: { type: 'log', label: '↑ effective data D′ / U', grid: true },
    marks: [Plot.ruleY([effectiveDataCeiling(1, RDstar)], { stroke: 'currentColor', strokeDasharray: '1 3', className: 'accent-2' }), ...seriesMarks(series)],
  });
}

export function epochsDescription(RDstar: number): string {
  const at = (e: number) => `${formatNumber(effectiveDataMultiple(e, RDstar))} at ${e} epochs`;
  return `Effective data follows the diagonal at first and then flattens: ${at(2)}, ${at(4)}, ${at(16)}, ${at(100)}; it never exceeds ${formatNumber(effectiveDataCeiling(1, RDstar))} times the unique data.`;
}

export const LAWS_CAPTION = 'Compute-optimal parameters for a budget of C FLOP under Kaplan\u2019s, Chinchilla\u2019s, Llama 3\u2019s and DeepSeek\u2019s published laws, each read into parameters as described in the text.';

export interface LawInputs {
  table6: ComputeEfficientConstants;
  hoffmann: ParametricConstants;
  epoch: ParametricConstants;
  llama3: TokenLawConstants;
  deepseek: DeepSeekConstants;
}

export function lawsSeries(l: LawInputs): Series[] {
  const Cs = logSpace(1e18, 1e26, 60);
  return [
    { label: 'Kaplan (non-emb.)', className: 'accent-2', points: Cs.map((C) => ({ x: C, y: kaplanOptimalN(C, l.table6) })) },
    { label: 'Hoffmann Appr. 3', className: 'accent', points: Cs.map((C) => ({ x: C, y: optimalN(C, l.hoffmann) })) },
    { label: 'Epoch refit', dash: '2 3', className: 'accent', labelDy: 13, points: Cs.map((C) => ({ x: C, y: optimalN(C, l.epoch) })) },
    { label: 'Llama 3 (C/6D)', dash: '6 4', labelDy: 1, points: Cs.map((C) => ({ x: C, y: llama3Params(C, l.llama3) })) },
    { label: 'DeepSeek (M/6)', dash: '1 2', labelDy: -11, points: Cs.map((C) => ({ x: C, y: paramsBoundFromFlopsPerToken(deepseekAllocation(C, l.deepseek).M) })) },
  ];
}

export function lawsOptions(series: Series[]): Plot.PlotOptions {
  return frame({
    height: 380,
    x: { type: 'log', label: 'Training compute C (FLOP) →', tickFormat: sciTicks },
    y: { type: 'log', label: '↑ parameters', tickFormat: suffixTicks, grid: true },
    marks: seriesMarks(series),
  });
}

export function lawsDescription(series: Series[]): string {
  return `At ${formatNumber(series[0]!.points[series[0]!.points.length - 1]!.x)} FLOP: ${series
    .map((s) => `${s.label} ${formatNumber(s.points[s.points.length - 1]!.y, { style: 'suffix' })}`)
    .join(', ')}. At ${formatNumber(series[0]!.points[0]!.x)} FLOP: ${series.map((s) => `${s.label} ${formatNumber(s.points[0]!.y, { style: 'suffix' })}`).join(', ')}. All but Kaplan's grow at close to the square root of the budget.`;
}
