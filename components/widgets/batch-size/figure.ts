/** Batch figure: the steps–tokens hyperbola of Kaplan Eq. (5.1), with B_crit and the reader's batch marked. */
import * as Plot from '@observablehq/plot';
import { batchOverhead, criticalBatch } from '../../../src/lib/kaplan.ts';
import { formatNumber } from '../../../src/lib/units.ts';
import { labelPlotAsImage } from '../../../src/render/plot-aria.ts';
import { batchText, type BatchConstants, type BatchState } from './state.ts';

export const FIGURE_CAPTION =
  'The steps–tokens trade-off at a fixed loss (Kaplan Eq. 5.1), log scales: steps as a multiple of the fewest possible (S/S_min) against tokens as a multiple of the fewest possible (E/E_min). Each batch size is one point on the curve; B = B_crit is the point (2, 2).';

/** Points of the hyperbola for batch/B_crit ratios spread evenly in log between `lo` and `hi`. */
function curve(lo: number, hi: number): { x: number; y: number }[] {
  const n = 120;
  return Array.from({ length: n + 1 }, (_, i) => {
    const o = batchOverhead(lo * Math.pow(hi / lo, i / n), 1);
    return { x: o.steps, y: o.examples };
  });
}

export function batchOptions(s: BatchState, c: BatchConstants, width = 640): Plot.PlotOptions {
  const K = s.bstar === 'table5' ? c.table5 : c.eq;
  const Bcrit = criticalBatch(s.L, K);
  const ratio = s.B / Bcrit;
  const lo = Math.min(1e-2, ratio / 3);
  const hi = Math.max(1e2, ratio * 3);
  const here = batchOverhead(s.B, Bcrit);
  const crit = batchOverhead(1, 1);
  const fmt = (d: number) => `${formatNumber(d, { sig: 2 })}×`;
  return {
    width,
    height: Math.round(Math.min(380, Math.max(280, width * 0.6))),
    marginLeft: 56,
    marginRight: 20,
    marginBottom: 44,
    style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
    x: { type: 'log', label: 'Steps S/S_min →', grid: true, domain: [1, 1 + 1 / lo], tickFormat: fmt, ticks: 5 },
    y: { type: 'log', label: '↑ Tokens E/E_min', grid: true, domain: [1, 1 + hi], tickFormat: fmt, ticks: 5 },
    marks: [
      Plot.line(curve(lo, hi), { x: 'x', y: 'y', stroke: 'currentColor', strokeWidth: 2, className: 'accent' }),
      Plot.dot([crit], { x: 'steps', y: 'examples', r: 4, stroke: 'currentColor', fill: 'none', strokeWidth: 2 }),
      Plot.dot([here], { x: 'steps', y: 'examples', r: 5, fill: 'currentColor', className: 'accent-2' }),
      // Key in the top-right corner, where the curve never runs, so that labels never cover it.
      Plot.text([`● Your batch B = ${batchText(s.B)} tokens: ${formatNumber(here.steps, { sig: 3 })}× steps, ${formatNumber(here.examples, { sig: 3 })}× tokens`], {
        frameAnchor: 'top-right',
        text: (d: string) => d,
        dy: 4,
        dx: -4,
        fill: 'currentColor',
        fontWeight: 600,
        className: 'accent-2',
      }),
      Plot.text([`○ B = B_crit ≈ ${formatNumber(Bcrit, { sig: 3, style: 'suffix' })} tokens (L = ${formatNumber(s.L, { sig: 3 })}): 2× each`], {
        frameAnchor: 'top-right',
        text: (d: string) => d,
        dy: 22,
        dx: -4,
        fill: 'currentColor',
      }),
    ],
  };
}

export function draw(document: Document, s: BatchState, c: BatchConstants, width: number): Element {
  return labelPlotAsImage(Plot.plot({ ...batchOptions(s, c, width), document }), FIGURE_CAPTION);
}
