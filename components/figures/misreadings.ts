/**
 * Figure of "Common misreadings": the compute-optimal tokens per parameter D_opt/N_opt against the budget
 * under several fitted constant sets, beside Chinchilla's 20:1 — the ratio is one fit's value at one budget.
 */
import * as Plot from '@observablehq/plot';
import { optimalAllocation, type ParametricConstants } from '../../src/lib/chinchilla.ts';
import { logSpace } from '../../src/lib/isoflop.ts';
import { formatNumber } from '../../src/lib/units.ts';
import { frame, sciTicks, seriesMarks, type Series } from './series-lines.ts';

export const RATIO_CAPTION = 'Compute-optimal tokens per parameter D_opt/N_opt against the training budget under four fitted constant sets (Hoffmann et al. Eq. 4 with each set); the dotted line is Chinchilla\u2019s own ratio.';

export function ratioSeries(sets: { label: string; c: ParametricConstants; className?: string; dash?: string; labelDy?: number }[]): Series[] {
  const Cs = logSpace(1e19, 1e26, 50);
  return sets.map(({ label, c, className, dash, labelDy }) => ({ label, className, dash, labelDy, points: Cs.map((C) => ({ x: C, y: optimalAllocation(C, c).tokensPerParameter })) }));
}

export function ratioOptions(series: Series[], chinchillaRatio: number): Plot.PlotOptions {
  return frame({
    x: { type: 'log', label: 'Training compute C (FLOP) →', tickFormat: sciTicks },
    y: { type: 'log', label: '↑ tokens per parameter', grid: true },
    marks: [Plot.ruleY([chinchillaRatio], { stroke: 'currentColor', strokeDasharray: '1 3' }), ...seriesMarks(series)],
  });
}

export function ratioDescription(series: Series[]): string {
  return series
    .map((s) => `${s.label}: ${formatNumber(s.points[0]!.y)} at ${formatNumber(s.points[0]!.x)} FLOP, ${formatNumber(s.points[s.points.length - 1]!.y)} at ${formatNumber(s.points[s.points.length - 1]!.x)} FLOP`)
    .join('; ') + '. Only the refit whose exponents are nearly equal stays close to 20; the others drift by a factor of several over the range.';
}
