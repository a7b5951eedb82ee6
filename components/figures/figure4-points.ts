/**
 * Hoffmann et al. 2022, Figure 4 (left) redrawn from Epoch AI's extraction (src/lib/figure4.ts):
 * each training run at (training compute C, parameters N), coloured by its final loss in five
 * bands, with the compute-optimal frontiers N_opt(C) (Eq. 4) of Hoffmann's constants and of our
 * refit. Runs by Hoffmann et al.; points read off the figure by Epoch AI.
 */
import * as Plot from '@observablehq/plot';
import { optimalN } from '../../src/lib/chinchilla.ts';
import { logSpace } from '../../src/lib/approaches-redrawn.ts';
import type { Figure4Point } from '../../src/lib/fit.ts';
import { quantileSorted } from '../../src/lib/fit.ts';
import { formatNumber } from '../../src/lib/units.ts';
import { FRAME, logTicks125, sciTick, suffixTick, type Series } from './series.ts';

export interface Figure4Input {
  /** Points of the fit. */
  points: readonly Figure4Point[];
  /** Points left out of the fit (drawn as rings). */
  excluded: readonly Figure4Point[];
  /** Frontiers to draw. */
  series: readonly Series[];
  /** Budget range of the frontier lines, FLOP. */
  range: readonly [number, number];
  /** A budget to mark with a vertical rule (Gopher's, as in the paper's figure). */
  mark?: { C: number; label: string };
}

/** A loss band of the colour key: [low, high] in nats/token and its CSS class. */
export interface LossBand {
  low: number;
  high: number;
  className: string;
  count: number;
}

/** Five bands at the quintiles of the fitted points' losses, low to high. */
export function lossBands(points: readonly { loss: number }[]): LossBand[] {
  const sorted = Float64Array.from(points.map((p) => p.loss)).sort();
  const edges = [0, 0.2, 0.4, 0.6, 0.8, 1].map((q) => quantileSorted(sorted, q));
  return edges.slice(0, -1).map((low, i) => {
    const high = edges[i + 1]!;
    const last = i === edges.length - 2;
    return { low, high, className: `loss-${i + 1}`, count: points.filter((p) => p.loss >= low && (last ? p.loss <= high : p.loss < high)).length };
  });
}

function bandOf(bands: readonly LossBand[], loss: number): LossBand {
  return bands.find((b, i) => loss >= b.low && (i === bands.length - 1 || loss < b.high)) ?? bands.at(-1)!;
}

export function figure4Options({ points, excluded, series, range, mark }: Figure4Input): Plot.PlotOptions {
  const bands = lossBands(points);
  const lines = series.map((s) => ({ s, rows: logSpace(range[0], range[1], 40).map((C) => ({ C, N: optimalN(C, s.c) })) }));
  const Ns = [...points, ...excluded].map((p) => p.N).concat(lines.flatMap((l) => l.rows.map((r) => r.N)));
  return {
    ...FRAME,
    height: 420,
    marginRight: 130,
    x: { type: 'log', label: 'Training compute C (FLOP) →', tickFormat: sciTick },
    y: { type: 'log', label: '↑ Parameters N', tickFormat: suffixTick, grid: true, ticks: logTicks125(Math.min(...Ns), Math.max(...Ns), [1, 3]) },
    marks: [
      ...(mark ? [Plot.ruleX([mark.C], { stroke: 'currentColor', strokeDasharray: '4 3', className: 'muted' }), Plot.text([mark], { x: 'C', text: 'label', frameAnchor: 'bottom', dy: -4, dx: -4, textAnchor: 'end', fill: 'currentColor' })] : []),
      ...(mark ? series.map((s) => Plot.dot([{ C: mark.C, N: optimalN(mark.C, s.c) }], { x: 'C', y: 'N', r: 5, fill: 'currentColor', className: s.className })) : []),
      ...bands.map((b) => Plot.dot(points.filter((p) => bandOf(bands, p.loss) === b), { x: 'C', y: 'N', r: 3, fill: 'currentColor', className: b.className })),
      Plot.dot(excluded, { x: 'C', y: 'N', r: 5, stroke: 'currentColor', fill: 'none', strokeWidth: 1.5, className: 'muted' }),
      ...lines.map(({ s, rows }) => Plot.line(rows, { x: 'C', y: 'N', stroke: 'currentColor', strokeWidth: 2.5, className: s.className })),
      ...lines.map(({ s, rows }) => Plot.text([rows.at(-1)!], { x: 'C', y: 'N', text: () => s.label, dx: 6, textAnchor: 'start', fill: 'currentColor', className: s.className })),
    ],
  };
}

export function figure4Description({ points, excluded, series, range, mark }: Figure4Input): string {
  const bands = lossBands(points);
  const Cs = points.map((p) => p.C);
  const Ns = points.map((p) => p.N);
  const fr = series.map((s) => `${s.label} rises from ${suffixTick(optimalN(range[0], s.c))} parameters at ${sciTick(range[0])} FLOP to ${suffixTick(optimalN(range[1], s.c))} at ${sciTick(range[1])}`).join('; ');
  return (
    `Scatter plot on log-log axes of ${points.length} training runs, compute from ${sciTick(Math.min(...Cs))} to ${sciTick(Math.max(...Cs))} FLOP and size from ${suffixTick(Math.min(...Ns))} to ${suffixTick(Math.max(...Ns))} parameters. ` +
    `Colour shows final loss in five bands from ${formatNumber(bands[0]!.low)} to ${formatNumber(bands.at(-1)!.high)} nats/token; loss falls towards the upper right, where compute is larger. ` +
    `${excluded.length} runs left out of the fit (the highest losses) are drawn as rings. The lines are compute-optimal frontiers: ${fr}.` +
    (mark ? ` At ${mark.label} (${formatNumber(mark.C)} FLOP, dashed line) they give ${series.map((s) => `${suffixTick(optimalN(mark.C, s.c))} (${s.label})`).join(' and ')}.` : '')
  );
}
