/**
 * The fit page's three figures as Plot options (the build renders them to static SVG for Epoch's
 * points; the browser imports this module lazily to draw the reader's fit):
 * points against the fitted surface (IsoFLOP curves when the data have groups, else observed against
 * predicted), residuals of log-loss, and the compute-optimal frontier N_opt(C) (Hoffmann Eq. 4) with
 * its bootstrap band beside the published constant sets.
 */
import * as Plot from '@observablehq/plot';
import { lossHat, optimalN, type ParametricConstants } from '../../../src/lib/chinchilla.ts';
import type { FrontierBandPoint } from '../../../src/lib/fit-summary.ts';
import { formatNumber } from '../../../src/lib/units.ts';
import { labelPlotAsImage } from '../../../src/render/plot-aria.ts';

export interface FigureRun {
  N: number;
  D: number;
  loss: number;
  group?: string;
}

const base = (width: number) => ({
  width,
  height: Math.round(Math.min(380, Math.max(260, width * 0.6))),
  marginLeft: 56,
  marginBottom: 44,
  marginRight: 16,
  style: { fontSize: '13px', background: 'transparent', overflow: 'visible' },
});
const suffix = (d: number) => formatNumber(d, { style: 'suffix' });

export const SURFACE_CAPTION = 'Training runs (dots) against the fitted law L̂(N, D) = E + A/N^α + B/D^β (lines: the fitted loss along each IsoFLOP budget C = 6ND; without budgets, observed against predicted loss).';
export const RESIDUAL_CAPTION = 'Residuals: log of observed loss minus log of fitted loss, against N. The Huber fit down-weights points far from zero.';
export const FRONTIER_CAPTION = 'Compute-optimal model size N_opt(C) = G·(C/6)^a (Hoffmann Eq. 4) from this fit, with its bootstrap band, beside the published constant sets, extrapolated to the chosen budget.';

/** Budget of a run on an IsoFLOP line, C = 6ND (FLOP). */
const budgetOf = (r: FigureRun) => 6 * r.N * r.D;

export function surfaceOptions(runs: readonly FigureRun[], p: ParametricConstants, grouped: boolean, width = 640): Plot.PlotOptions {
  if (!grouped) {
    const rows = runs.map((r) => ({ observed: r.loss, predicted: lossHat(r.N, r.D, p) }));
    const lo = Math.min(...rows.flatMap((r) => [r.observed, r.predicted]));
    const hi = Math.max(...rows.flatMap((r) => [r.observed, r.predicted]));
    return {
      ...base(width),
      x: { type: 'log', label: 'Fitted loss L̂ (nats/token) →', grid: true, domain: [lo, hi], tickFormat: (d: number) => formatNumber(d) },
      y: { type: 'log', label: '↑ Observed loss (nats/token)', grid: true, domain: [lo, hi], tickFormat: (d: number) => formatNumber(d) },
      marks: [
        Plot.line([{ v: lo }, { v: hi }], { x: 'v', y: 'v', stroke: 'currentColor', strokeDasharray: '4,4', className: 'accent' }),
        Plot.dot(rows, { x: 'predicted', y: 'observed', r: 2.5, fill: 'currentColor', fillOpacity: 0.7, className: 'accent-2' }),
      ],
    };
  }
  const groups = new Map<string, FigureRun[]>();
  for (const r of runs) groups.set(r.group ?? '', [...(groups.get(r.group ?? '') ?? []), r]);
  const curves: { N: number; L: number; g: string }[] = [];
  for (const [g, rs] of groups) {
    const C = Math.exp(rs.reduce((s, r) => s + Math.log(budgetOf(r)), 0) / rs.length);
    const lo = Math.min(...rs.map((r) => r.N)) / 1.3;
    const hi = Math.max(...rs.map((r) => r.N)) * 1.3;
    for (let i = 0; i <= 40; i++) {
      const N = lo * (hi / lo) ** (i / 40);
      curves.push({ N, L: lossHat(N, C / (6 * N), p), g });
    }
  }
  return {
    ...base(width),
    x: { type: 'log', label: 'Parameters N →', grid: true, tickFormat: suffix, ticks: width < 480 ? 4 : 8 },
    y: { type: 'log', label: '↑ Loss (nats/token)', grid: true, tickFormat: (d: number) => formatNumber(d) },
    marks: [
      Plot.line(curves, { x: 'N', y: 'L', z: 'g', stroke: 'currentColor', strokeOpacity: 0.8, className: 'accent' }),
      Plot.dot(runs, { x: 'N', y: 'loss', r: 2.5, fill: 'currentColor', fillOpacity: 0.8, className: 'accent-2' }),
    ],
  };
}

export function residualOptions(runs: readonly FigureRun[], p: ParametricConstants, width = 640): Plot.PlotOptions {
  const rows = runs.map((r) => ({ N: r.N, res: Math.log(r.loss) - Math.log(lossHat(r.N, r.D, p)) }));
  return {
    ...base(width),
    height: Math.round(Math.min(260, Math.max(200, width * 0.4))),
    x: { type: 'log', label: 'Parameters N →', grid: true, tickFormat: suffix, ticks: width < 480 ? 4 : 8 },
    y: { label: '↑ log observed − log fitted', grid: true, tickFormat: (d: number) => formatNumber(d) },
    marks: [
      Plot.ruleY([0], { stroke: 'currentColor', className: 'accent' }),
      Plot.dot(rows, { x: 'N', y: 'res', r: 2.5, fill: 'currentColor', fillOpacity: 0.7, className: 'accent-2' }),
    ],
  };
}

export interface PublishedSet {
  label: string;
  params: ParametricConstants;
}

export function frontierOptions(band: readonly FrontierBandPoint[], published: readonly PublishedSet[], budget: number, width = 640): Plot.PlotOptions {
  const lines = published.flatMap((s) => band.map((b) => ({ C: b.C, N: optimalN(b.C, s.params), set: s.label })));
  const withBand = band.filter((b) => b.low !== undefined && b.high !== undefined);
  const last = band[band.length - 1]!;
  return {
    ...base(width),
    x: { type: 'log', label: 'Training compute C (FLOP) →', grid: true, ticks: width < 480 ? 4 : 8, tickFormat: (d: number) => formatNumber(d, { sig: 1 }) },
    y: { type: 'log', label: '↑ Compute-optimal parameters N_opt', grid: true, tickFormat: suffix },
    marks: [
      Plot.areaY(withBand, { x: 'C', y1: 'low', y2: 'high', fill: 'currentColor', fillOpacity: 0.2, className: 'accent-2' }),
      Plot.line(lines, { x: 'C', y: 'N', z: 'set', stroke: 'currentColor', strokeDasharray: '3,3', strokeOpacity: 0.9, className: 'accent' }),
      Plot.text(
        published.map((s) => ({ C: last.C, N: optimalN(last.C, s.params), set: s.label })),
        { x: 'C', y: 'N', text: 'set', textAnchor: 'end', dy: -6, fontSize: 11, className: 'accent' },
      ),
      Plot.line(band, { x: 'C', y: 'N', stroke: 'currentColor', strokeWidth: 2.5, className: 'accent-2' }),
      Plot.text([last], { x: 'C', y: 'N', text: () => 'This fit', textAnchor: 'end', dy: 12, fontSize: 11, fontWeight: 600, className: 'accent-2' }),
      Plot.ruleX([budget], { stroke: 'currentColor', strokeOpacity: 0.5 }),
    ],
  };
}

/** Draw options in the browser as one labelled image. */
export function draw(document: Document, options: Plot.PlotOptions, caption: string): Element {
  return labelPlotAsImage(Plot.plot({ ...options, document }), caption);
}
