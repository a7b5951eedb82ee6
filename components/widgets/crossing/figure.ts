/** Crossing explorer figure: L(C_min) and the data bound for the reader's exponents, crossing marked. */
import * as Plot from '@observablehq/plot';
import { crossingPoint, lossCmin, lossD, powerLawInCompute } from '../../../src/lib/kaplan.ts';
import { formatNumber } from '../../../src/lib/units.ts';
import { labelPlotAsImage } from '../../../src/render/plot-aria.ts';
import { stateLaws, type CrossingConstants, type CrossingState } from './state.ts';

export const FIGURE_CAPTION =
  'Kaplan et al. 2020, §6.3 with your exponents: the compute trend L(C_min) (solid) and the data bound L(D(C_min)) (dashed), crossing at the dot.';

export function crossingExplorerOptions(s: CrossingState, c: CrossingConstants, width = 640): Plot.PlotOptions {
  const { laws, growth } = stateLaws(s, c);
  const p = crossingPoint(laws, growth);
  const centre = Math.log10(p.C);
  const lo = 10 ** Math.floor(centre - 4);
  const hi = 10 ** Math.ceil(centre + 3);
  const Cs = Array.from({ length: 81 }, (_, i) => lo * (hi / lo) ** (i / 80));
  return {
    width,
    height: Math.round(Math.min(340, Math.max(260, width * 0.55))),
    marginLeft: 52,
    marginRight: 16,
    marginBottom: 44,
    style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
    x: { type: 'log', label: 'Compute C_min (PF-days) →', tickFormat: (d: number) => formatNumber(d, { sig: 1 }) },
    y: { type: 'log', label: '↑ Test loss L (nats/token)', grid: true, tickFormat: (d: number) => formatNumber(d, { sig: 2 }) },
    marks: [
      Plot.line(Cs.map((C) => ({ C, L: lossCmin(C, laws) })), { x: 'C', y: 'L', stroke: 'currentColor', strokeWidth: 2.5, className: 'accent' }),
      Plot.line(Cs.map((C) => ({ C, L: lossD(powerLawInCompute(C, growth.data), laws) })), { x: 'C', y: 'L', stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '6 4', className: 'accent-2' }),
      Plot.dot([p], { x: 'C', y: 'L', r: 5, fill: 'currentColor' }),
      Plot.text([p], { x: 'C', y: 'L', text: () => `C* ≈ ${formatNumber(p.C, { sig: 2 })}`, dx: -10, dy: -14, textAnchor: 'end', fill: 'currentColor' }),
    ],
  };
}

export function draw(document: Document, s: CrossingState, c: CrossingConstants, width: number): Element {
  return labelPlotAsImage(Plot.plot({ ...crossingExplorerOptions(s, c, width), document }), FIGURE_CAPTION);
}
