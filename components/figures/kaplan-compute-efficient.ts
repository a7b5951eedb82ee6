/**
 * Kaplan et al. 2020, §6 and App. B: how the compute-efficient model size, batch, steps and data grow
 * with C_min (Table 6), and what a model of the wrong size costs (Eq. B.16). Static figures.
 */
import * as Plot from '@observablehq/plot';
import { computeEfficient, suboptimalSize, type ComputeEfficientConstants, type LearningCurveExponents } from '../../src/lib/kaplan.ts';
import { formatNumber, formatPercent } from '../../src/lib/units.ts';
import { FIGURE_STYLE, logSpace } from './sampling.ts';

const suffix = (d: number) => formatNumber(d, { style: 'suffix', sig: 2 });
const sci = (d: number) => formatNumber(d, { sig: 1 });

export const GROWTH_CAPTION =
  'Kaplan et al. 2020, Table 6: growth of the compute-efficient model size N, data D, batch B and steps S_min with C_min, each relative to its value at 1 PF-day (log-log).';

const SERIES = [
  { key: 'N', label: 'N (parameters)', className: 'accent', dash: undefined, dy: 0 },
  { key: 'D', label: 'D (tokens)', className: 'accent-2', dash: undefined, dy: -8 },
  { key: 'B', label: 'B (tokens/step)', className: undefined, dash: '6 4', dy: 8 },
  { key: 'S', label: 'S_min (steps)', className: undefined, dash: '2 3', dy: 0 },
] as const;

export function growthOptions(c: ComputeEfficientConstants, range: { Cmin: number; Cmax: number }): Plot.PlotOptions {
  const base = computeEfficient(1, c);
  const Cs = logSpace(range.Cmin, range.Cmax, 60);
  const marks: Plot.Markish[] = [];
  for (const s of SERIES) {
    const data = Cs.map((C) => ({ C, r: computeEfficient(C, c)[s.key] / base[s.key] }));
    marks.push(
      Plot.line(data, { x: 'C', y: 'r', stroke: 'currentColor', strokeWidth: 2.5, strokeDasharray: s.dash, className: s.className }),
      Plot.text([data.at(-1)!], { x: 'C', y: 'r', text: () => s.label, dx: 6, dy: s.dy, textAnchor: 'start', fill: 'currentColor', className: s.className }),
    );
  }
  return {
    width: 640,
    height: 360,
    marginLeft: 52,
    marginRight: 120,
    marginBottom: 44,
    style: FIGURE_STYLE,
    x: { type: 'log', label: 'Compute C_min (PF-days) →', tickFormat: sci },
    y: { type: 'log', label: '↑ Growth relative to C_min = 1 PF-day', grid: true, tickFormat: sci },
    marks,
  };
}

export function growthDescription(c: ComputeEfficientConstants, range: { Cmin: number; Cmax: number }): string {
  const lo = computeEfficient(range.Cmin, c);
  const hi = computeEfficient(range.Cmax, c);
  const span = `from ${sci(range.Cmin)} to ${sci(range.Cmax)} PF-days`;
  return (
    `Four straight lines through 1 at 1 PF-day. Over compute ${span} the model grows from ${suffix(lo.N)} to ${suffix(hi.N)} parameters ` +
    `(×${sci(hi.N / lo.N)}), the data from ${suffix(lo.D)} to ${suffix(hi.D)} tokens (×${sci(hi.D / lo.D)}), the batch from ${suffix(lo.B)} to ` +
    `${suffix(hi.B)} tokens (×${sci(hi.B / lo.B)}) and the steps only from ${suffix(lo.S)} to ${suffix(hi.S)} (×${formatNumber(hi.S / lo.S, { sig: 2 })}).`
  );
}

export const SUBOPTIMAL_CAPTION =
  'Kaplan et al. 2020, Eq. (B.16): the compute a model of the wrong size needs to reach the loss of the compute-efficient one, relative to it. Shaded: the range of sizes App. B.4 says costs at most 20 % more.';

export function suboptimalOptions(K: LearningCurveExponents, band: { low: number; high: number }, range: { min: number; max: number }): Plot.PlotOptions {
  const points = logSpace(range.min, range.max, 200)
    .map((r) => ({ r, c: suboptimalSize(r, K).computeRatio }))
    .filter((p) => Number.isFinite(p.c));
  return {
    width: 640,
    height: 320,
    marginLeft: 52,
    marginBottom: 44,
    style: FIGURE_STYLE,
    x: { type: 'log', label: 'Model size relative to the compute-efficient size, N/N_eff →', tickFormat: (d: number) => formatNumber(d, { sig: 2 }) },
    y: { label: '↑ Compute relative to the efficient model', grid: true, domain: [1, 2] },
    marks: [
      Plot.rectX([band], { x1: 'low', x2: 'high', fill: 'currentColor', fillOpacity: 0.08 }),
      Plot.line(points.filter((p) => p.c <= 2), { x: 'r', y: 'c', stroke: 'currentColor', strokeWidth: 2.5, className: 'accent' }),
    ],
  };
}

export function suboptimalDescription(K: LearningCurveExponents, band: { low: number; high: number }): string {
  const at = (r: number) => suboptimalSize(r, K);
  return (
    `A U-shaped curve with its minimum of 1 at N/N_eff = 1. A model ${formatNumber(band.low)} times the efficient size needs ` +
    `${formatPercent(at(band.low).computeRatio - 1, 2)} more compute; one ${formatNumber(band.high)} times the size needs ${formatPercent(at(band.high).computeRatio - 1, 2)} more ` +
    `but ${formatPercent(1 - at(band.high).stepsRatio, 2)} fewer steps. Much smaller models need far more compute, and below a certain size cannot reach the loss at all.`
  );
}
