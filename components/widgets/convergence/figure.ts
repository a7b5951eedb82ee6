/**
 * Convergence figure: loss against compute C_min for a few model sizes (Kaplan L(N, S_min) at B_crit),
 * the compute-efficient frontier through their lower edges, and the three runs of the calculator.
 */
import * as Plot from '@observablehq/plot';
import { efficientConvergenceFactor, stoppingPoint, type FrontierConstants } from '../../../src/lib/kaplan.ts';
import { flopToPfDays, formatNumber } from '../../../src/lib/units.ts';
import { labelPlotAsImage } from '../../../src/render/plot-aria.ts';
import { convergenceRuns, frontierSet, type ConvergenceConstants, type ConvergenceState } from './state.ts';

export const FIGURE_CAPTION =
  'Loss against compute for several model sizes (Kaplan’s L(N, S) at the critical batch; log scales), the compute-efficient frontier (dashed) that touches each curve α_N/α_S above its converged loss, and the three runs compared above.';

/** One learning curve in compute: N trained from 50 % to 0.3 % above its converged loss. */
function learningCurve(N: number, K: FrontierConstants): { C: number; L: number; N: number }[] {
  const n = 48;
  return Array.from({ length: n + 1 }, (_, i) => {
    const p = stoppingPoint(N, 0.5 * Math.pow(0.003 / 0.5, i / n), K);
    return { C: flopToPfDays(p.Cmin), L: p.L, N };
  });
}

export function convergenceOptions(s: ConvergenceState, c: ConvergenceConstants, width = 640): Plot.PlotOptions {
  const K = frontierSet(s, c);
  const runs = convergenceRuns(s, c);
  const f = efficientConvergenceFactor(K);
  const N = runs.efficient.N;
  const sizes = [N / 10, runs.sameLoss.N, N, N * 10];
  const curves = sizes.flatMap((size, i) => learningCurve(size, K).map((d) => ({ ...d, i })));
  // The frontier over N/30 … 100·N (wider than the drawn curves; clipped to the view below).
  const frontier = Array.from({ length: 41 }, (_, i) => {
    const p = stoppingPoint((N / 30) * Math.pow(30 * 100, i / 40), f, K);
    return { C: flopToPfDays(p.Cmin), L: p.L };
  });
  const cs = curves.map((d) => d.C);
  const ls = curves.map((d) => d.L);
  const xDomain = [Math.min(...cs), Math.max(...cs)];
  const yDomain = [Math.min(...ls) * 0.97, Math.max(...ls) * 1.04];
  const inView = frontier.filter((d) => d.C >= xDomain[0]! && d.C <= xDomain[1]! && d.L >= yDomain[0]! && d.L <= yDomain[1]!);
  const point = (p: { Cmin: number; L: number }) => ({ C: flopToPfDays(p.Cmin), L: p.L });
  const marks = [
    { ...point(runs.efficient), label: `efficient (${formatNumber(f * 100, { sig: 2 })} % above L(N, ∞))`, cls: 'accent-2' },
    { ...point(runs.sameModel), label: `same model, ${formatNumber(runs.fPrime * 100, { sig: 2 })} % above`, cls: 'accent' },
    { ...point(runs.sameLoss), label: `smaller model, same loss`, cls: 'accent' },
  ];
  const ends = sizes.map((size, i) => {
    const curve = curves.filter((d) => d.i === i);
    // Labelled at their start (highest loss), where the curves are furthest apart.
    return { ...curve[0]!, label: `N = ${formatNumber(size, { sig: 2, style: 'suffix' })}` };
  });
  const tick = (d: number) => formatNumber(d, { sig: 2 });
  return {
    width,
    height: Math.round(Math.min(400, Math.max(300, width * 0.62))),
    marginLeft: 52,
    marginRight: 64,
    marginBottom: 44,
    style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
    x: { type: 'log', label: 'Compute C_min (PF-days) →', grid: true, domain: xDomain, tickFormat: tick, ticks: 6 },
    y: { type: 'log', label: '↑ Loss (nats/token, WebText2)', grid: true, domain: yDomain, tickFormat: tick, ticks: 6 },
    marks: [
      ...[0, 1, 2, 3].map((i) =>
        Plot.line(curves.filter((d) => d.i === i), { x: 'C', y: 'L', stroke: 'currentColor', strokeWidth: i === 2 ? 2.5 : 1.5, strokeDasharray: i === 1 ? '5,3' : undefined, strokeOpacity: i === 2 ? 1 : 0.7, className: i === 2 ? 'accent-2' : 'accent' }),
      ),
      Plot.line(inView, { x: 'C', y: 'L', stroke: 'currentColor', strokeDasharray: '2,3', strokeWidth: 1.5, className: 'muted' }),
      Plot.text(ends, { x: 'C', y: 'L', text: 'label', textAnchor: 'start', dx: 6, fill: 'currentColor' }),
      Plot.dot(marks, { x: 'C', y: 'L', r: 5, fill: 'currentColor', stroke: 'var(--bg, white)', className: 'accent-2' }),
      // One placement per run so that their labels never overlap: the efficient run's below-left, the others to the right.
      ...marks.map((m, i) =>
        Plot.text([m], { x: 'C', y: 'L', text: 'label', textAnchor: i === 0 ? 'end' : 'start', dx: i === 0 ? -8 : 8, dy: i === 0 ? 0 : i === 1 ? 14 : -12, fill: 'currentColor', fontWeight: 600 }),
      ),
    ],
  };
}

export function draw(document: Document, s: ConvergenceState, c: ConvergenceConstants, width: number): Element {
  return labelPlotAsImage(Plot.plot({ ...convergenceOptions(s, c, width), document }), FIGURE_CAPTION);
}
