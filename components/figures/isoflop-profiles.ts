/**
 * Hoffmann §3.2 (Figure 3, left) redrawn from L̂ (Eq. 2): at each of the paper's nine budgets, the
 * loss of models of several sizes trained with that compute, the parabola fitted in log10 N, and its
 * minimum — Approach 2's estimate of N_opt(C).
 */
import * as Plot from '@observablehq/plot';
import { isoFlopFit, logSpace, parabolaAt } from '../../src/lib/approaches-redrawn.ts';
import type { ParametricConstants } from '../../src/lib/chinchilla.ts';
import { formatNumber } from '../../src/lib/units.ts';
import { FRAME, sciTick, suffixTick } from './series.ts';

export interface IsoFlopInput {
  c: ParametricConstants;
  budgets: readonly number[];
}

export function isoFlopOptions({ c, budgets }: IsoFlopInput): Plot.PlotOptions {
  const fits = budgets.map((C) => isoFlopFit(C, c));
  const points = fits.flatMap((f) => f.points.map((p) => ({ ...p, budget: sciTick(f.C) })));
  const curves = fits.flatMap((f) => {
    const lo = f.points[0]!.N;
    const hi = f.points.at(-1)!.N;
    return logSpace(lo, hi, 40).map((N) => ({ N, loss: parabolaAt(f.parabola, Math.log10(N)), budget: sciTick(f.C) }));
  });
  const minima = fits.map((f) => ({ N: f.N, loss: parabolaAt(f.parabola, Math.log10(f.N)), budget: sciTick(f.C) }));
  return {
    ...FRAME,
    height: 400,
    x: { type: 'log', label: 'Parameters N →', tickFormat: suffixTick },
    y: { label: '↑ Predicted loss L̂ (nats/token)', grid: true },
    marks: [
      Plot.line(curves, { x: 'N', y: 'loss', z: 'budget', stroke: 'currentColor', strokeWidth: 1.5, className: 'muted' }),
      Plot.dot(points, { x: 'N', y: 'loss', r: 2.5, fill: 'currentColor', className: 'muted' }),
      Plot.dot(minima, { x: 'N', y: 'loss', r: 5, symbol: 'diamond', fill: 'currentColor', className: 'accent' }),
      Plot.text(minima, { x: 'N', y: 'loss', text: 'budget', dy: -10, fontSize: 10, fill: 'currentColor' }),
    ],
  };
}

export function isoFlopDescription({ c, budgets }: IsoFlopInput): string {
  const fits = budgets.map((C) => isoFlopFit(C, c));
  const list = fits.map((f) => `${sciTick(f.C)} FLOP → ${suffixTick(f.N)} parameters (${formatNumber(parabolaAt(f.parabola, Math.log10(f.N)))} nats/token)`).join('; ');
  return `Nine U-shaped curves, one per budget, of predicted loss against model size on a log axis; lower curves are larger budgets. Each curve's points are models trained with the same compute; the diamond is the minimum of the fitted parabola: ${list}.`;
}
