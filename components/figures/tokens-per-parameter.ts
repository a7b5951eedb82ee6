/**
 * Tokens per parameter D_opt/N_opt of the compute-optimal model (Hoffmann Eq. 4) against the budget
 * C, one line per constant set, with Chinchilla's own 1.4T/70B marked at Gopher's budget. The ratio
 * is ∝ C^(1−2a): it only stays put when a = 1/2.
 */
import * as Plot from '@observablehq/plot';
import { optimalAllocation } from '../../src/lib/chinchilla.ts';
import { logSpace } from '../../src/lib/approaches-redrawn.ts';
import { formatNumber } from '../../src/lib/units.ts';
import { FRAME, logTicks125, sciTick, type Series } from './series.ts';

export interface TokensPerParameterInput {
  series: readonly Series[];
  /** Budgets drawn, FLOP: [low, high]. */
  range: readonly [number, number];
  /** A marked model: its budget (FLOP) and tokens per parameter, and a label. */
  mark: { C: number; ratio: number; label: string };
}

function rows(s: Series, range: readonly [number, number]) {
  return logSpace(range[0], range[1], 60).map((C) => ({ C, r: optimalAllocation(C, s.c).tokensPerParameter }));
}

export function tokensPerParameterOptions({ series, range, mark }: TokensPerParameterInput): Plot.PlotOptions {
  const all = [...series.flatMap((s) => rows(s, range).map((p) => p.r)), mark.ratio];
  return {
    ...FRAME,
    marginRight: 150,
    x: { type: 'log', label: 'Training compute C (FLOP) →', tickFormat: sciTick },
    y: { type: 'log', label: '↑ Tokens per parameter D_opt / N_opt', grid: true, ticks: logTicks125(Math.min(...all), Math.max(...all)), tickFormat: (d: number) => formatNumber(d) },
    marks: [
      ...series.map((s) => Plot.line(rows(s, range), { x: 'C', y: 'r', stroke: 'currentColor', strokeWidth: 2.5, className: s.className })),
      ...series.map((s) => {
        const last = rows(s, range).at(-1)!;
        return Plot.text([last], { x: 'C', y: 'r', text: () => s.label, dx: 6, textAnchor: 'start', fill: 'currentColor', className: s.className });
      }),
      Plot.dot([mark], { x: 'C', y: 'ratio', r: 5, fill: 'currentColor' }),
      Plot.text([mark], { x: 'C', y: 'ratio', text: () => mark.label, dy: 16, fill: 'currentColor' }),
    ],
  };
}

export function tokensPerParameterDescription({ series, range, mark }: TokensPerParameterInput): string {
  const parts = series.map((s) => {
    const lo = optimalAllocation(range[0], s.c).tokensPerParameter;
    const at = optimalAllocation(mark.C, s.c).tokensPerParameter;
    const hi = optimalAllocation(range[1], s.c).tokensPerParameter;
    return `${s.label}: ${formatNumber(lo)} at ${sciTick(range[0])} FLOP, ${formatNumber(at)} at ${formatNumber(mark.C)}, ${formatNumber(hi)} at ${sciTick(range[1])}`;
  });
  return `Log-log plot of the compute-optimal tokens per parameter against training compute. ${parts.join('; ')}. The dot marks ${mark.label}: ${formatNumber(mark.ratio)} tokens per parameter at ${formatNumber(mark.C)} FLOP.`;
}
