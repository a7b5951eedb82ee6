/**
 * Repeated data figure: effective data D′ (Muennighoff Eq. 5) against epochs over the run's unique
 * tokens, log–log, beside the all-unique line D = U_D × epochs and under the ceiling U_D(1 + R_D*), with
 * the reader's run marked and the epoch after which a pass is worth less than the chosen threshold.
 */
import * as Plot from '@observablehq/plot';
import { effective } from '../../../src/lib/datalimited.ts';
import { formatNumber } from '../../../src/lib/units.ts';
import { labelPlotAsImage } from '../../../src/render/plot-aria.ts';
import { repeatResult, setOf, type RepeatConstants, type RepeatState } from './state.ts';

export const FIGURE_CAPTION =
  'Effective data D′ (Muennighoff et al. Eq. 5, tokens) against epochs over the run’s unique tokens U_D, both on log scales. Solid: D′; dashed: D = U_D × epochs, as if every token were unique; dotted: the ceiling U_D(1 + R_D*); the thin vertical line: the epoch after which a pass is worth less than the chosen threshold; the dot: this run.';

const tokens = (d: number) => formatNumber(d, { sig: 3, style: 'suffix' });

/** Ticks at 1, 2 and 5 × 10^k inside [low, high] (log axes). */
function ticks125(low: number, high: number): number[] {
  const out: number[] = [];
  for (let k = Math.floor(Math.log10(low)); k <= Math.ceil(Math.log10(high)); k++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** k;
      if (v >= low && v <= high) out.push(v);
    }
  }
  return out;
}

export function repeatOptions(s: RepeatState, c: RepeatConstants, width = 640): Plot.PlotOptions {
  const set = setOf(s, c);
  const x = repeatResult(s, c);
  const RD = set.decay.RDstar;
  const top = Math.min(1e4, Math.max(100, 10 ** Math.ceil(Math.log10(Math.max(x.epochs, x.thresholdEpochs) * 1.5))));
  const count = 80;
  const ep = Array.from({ length: count }, (_, i) => 10 ** ((Math.log10(top) * i) / (count - 1)));
  const curve = ep.map((k) => ({ k, d: effective(x.UD, k - 1, RD) }));
  // The y range ends a little above the run and the ceiling; the all-unique line stops there (no clip).
  const yTop = Math.max(x.D, x.ceiling) * 3;
  const yLow = x.UD * 0.8;
  const uniqueLine = ep.filter((k) => x.UD * k <= yTop).map((k) => ({ k, d: x.UD * k }));
  const narrow = width < 480;
  const here = { k: x.epochs, d: x.terms.Deff };
  return {
    width,
    height: Math.round(Math.min(360, Math.max(260, width * 0.55))),
    marginLeft: 56,
    marginRight: narrow ? 12 : 20,
    marginTop: 16,
    marginBottom: 44,
    style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
    x: { type: 'log', label: 'Epochs (passes over U_D) →', domain: [1, top], grid: true, ticks: ticks125(1, top), tickFormat: (d: number) => formatNumber(d) },
    y: { type: 'log', label: '↑ tokens', domain: [yLow, yTop], grid: true, ticks: ticks125(yLow, yTop), tickFormat: (d: number) => formatNumber(d, { sig: 1, style: 'suffix' }) },
    marks: [
      Plot.line(uniqueLine, { x: 'k', y: 'd', stroke: 'currentColor', strokeWidth: 1.5, strokeDasharray: '6 4', className: 'muted' }),
      Plot.ruleY([x.ceiling], { stroke: 'currentColor', strokeDasharray: '1 3', strokeWidth: 1.5, className: 'accent-2' }),
      Plot.ruleX([x.thresholdEpochs], { stroke: 'currentColor', strokeOpacity: 0.7, className: 'muted' }),
      Plot.line(curve, { x: 'k', y: 'd', stroke: 'currentColor', strokeWidth: 2.5, className: 'accent' }),
      Plot.text([{ k: top, d: x.ceiling }], { x: 'k', y: 'd', text: () => `ceiling ${tokens(x.ceiling)}`, textAnchor: 'end', dy: 12, fill: 'currentColor', className: 'accent-2' }),
      Plot.text([uniqueLine[uniqueLine.length - 1]!], { x: 'k', y: 'd', text: () => 'all unique', textAnchor: 'end', dx: -6, fill: 'currentColor' }),
      Plot.text([{ k: x.thresholdEpochs }], { x: 'k', frameAnchor: 'top', text: () => `pass < ${formatNumber(s.worth, { sig: 3 })} %`, textAnchor: 'start', dx: 4, dy: 4, fill: 'currentColor' }),
      Plot.dot([here], { x: 'k', y: 'd', r: 5, fill: 'currentColor', className: 'accent-2' }),
      Plot.text([here], {
        x: 'k',
        y: 'd',
        text: () => `this run: D′ = ${tokens(here.d)} at ${formatNumber(x.epochs, { sig: 3 })} epochs`,
        textAnchor: x.epochs > Math.sqrt(top) ? 'end' : 'start',
        dx: x.epochs > Math.sqrt(top) ? -8 : 8,
        dy: 14,
        fontWeight: 600,
        fill: 'currentColor',
      }),
    ],
  };
}

export function draw(document: Document, s: RepeatState, c: RepeatConstants, width: number): Element {
  return labelPlotAsImage(Plot.plot({ ...repeatOptions(s, c, width), document }), FIGURE_CAPTION);
}
