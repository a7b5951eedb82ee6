/**
 * The L(N) explorer's figure as Plot options: Kaplan Eq. (1.1) on log-log axes, solid over the model
 * sizes the law was fitted on and dashed where it is extrapolated, with the chosen N marked.
 * The build renders it to static SVG; the browser imports this module lazily to redraw it.
 */
import * as Plot from '@observablehq/plot';
import { lossN } from '../../../src/lib/kaplan.ts';
import { formatNumber } from '../../../src/lib/units.ts';
import { labelPlotAsImage } from '../../../src/render/plot-aria.ts';
import { N_FIELD, type LnExplorerConstants, type LnExplorerState } from './state.ts';

export interface LnExplorerFigureState {
  N: number;
  constants: LnExplorerConstants;
  /** Width in CSS pixels (default 640, the build's; the browser passes the figure's own width). */
  width?: number;
}

/** Log-spaced samples from `lo` to `hi` (inclusive), `count` points. */
function logSpace(lo: number, hi: number, count: number): number[] {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return Array.from({ length: count }, (_, i) => 10 ** (a + ((b - a) * i) / (count - 1)));
}

export const FIGURE_CAPTION =
  'Kaplan et al. 2020, Eq. (1.1): predicted test loss L(N) against non-embedding parameters N, both on log scales.';

/** Plot options for the figure (no `document`: the caller supplies one). */
export function lnExplorerOptions({ N, constants: c, width = 640 }: LnExplorerFigureState): Plot.PlotOptions {
  const curve = logSpace(N_FIELD.min, N_FIELD.max, 121).map((n) => ({
    N: n,
    L: lossN(n, c),
    fitted: n >= c.NminStudied && n <= c.NmaxStudied,
  }));
  const fitted = curve.filter((d) => d.fitted);
  const point = [{ N, L: lossN(N, c) }];
  return {
    width,
    height: Math.round(Math.min(360, Math.max(260, width * 0.56))),
    marginLeft: 52,
    marginBottom: 44,
    style: { fontSize: '13px', background: 'transparent', overflow: 'visible' },
    x: {
      type: 'log',
      label: 'Non-embedding parameters N →',
      domain: [N_FIELD.min, N_FIELD.max],
      grid: true,
      tickFormat: (d: number) => formatNumber(d, { style: 'suffix' }),
      ticks: width < 480 ? 5 : 10,
    },
    y: { type: 'log', label: '↑ Test loss L (nats/token)', grid: true, tickFormat: (d: number) => formatNumber(d) },
    marks: [
      Plot.line(curve, { x: 'N', y: 'L', stroke: 'currentColor', strokeDasharray: '5,5', strokeWidth: 1.5, className: 'accent' }),
      Plot.line(fitted, { x: 'N', y: 'L', stroke: 'currentColor', strokeWidth: 3, className: 'accent' }),
      Plot.ruleX(point, { x: 'N', stroke: 'currentColor', strokeOpacity: 0.5, className: 'accent-2' }),
      Plot.dot(point, { x: 'N', y: 'L', r: 6, fill: 'currentColor', className: 'accent-2' }),
      Plot.text(point, {
        x: 'N',
        y: 'L',
        text: (d: { L: number }) => `L = ${formatNumber(d.L)}`,
        dy: -14,
        textAnchor: N > 1e11 ? 'end' : 'start',
        dx: N > 1e11 ? -8 : 8,
        fontWeight: 600,
        className: 'accent-2',
      }),
    ],
  };
}

/** Draw the figure in the browser (or any DOM) and label it as one image (the kit's FigureModule). */
export function draw(document: Document, { N }: LnExplorerState, constants: LnExplorerConstants, width: number): Element {
  const svg = Plot.plot({ ...lnExplorerOptions({ N, constants, width }), document });
  return labelPlotAsImage(svg, FIGURE_CAPTION);
}
