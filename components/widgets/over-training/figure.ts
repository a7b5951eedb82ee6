/** Over-training figure: compute overhead against N/N_opt at the reader's budget, with the critical size and the reader's model marked. */
import * as Plot from '@observablehq/plot';
import { smallerModel } from '../../../src/lib/overtraining.ts';
import { formatNumber } from '../../../src/lib/units.ts';
import { labelPlotAsImage } from '../../../src/render/plot-aria.ts';
import { chosenSet, overtrain, type OvertrainConstants, type OvertrainState } from './state.ts';

export const FIGURE_CAPTION =
  'Compute overhead C′/C − 1 of a model smaller than compute-optimal trained to the same loss, against its size as a fraction of N_opt, at the chosen budget. Dashed line: the critical size, below which no amount of data reaches the loss. Dot: your model.';

/** Points of the overhead curve between the critical fraction and 1, denser near the critical size where it rises steeply. */
export function overheadCurve(s: OvertrainState, c: OvertrainConstants, points = 120): { fraction: number; overhead: number }[] {
  const set = chosenSet(s, c);
  const { Ncrit, r } = overtrain({ ...s, k: 1 }, set);
  const fCrit = Ncrit / r.optimal.N;
  const out: { fraction: number; overhead: number }[] = [];
  for (let i = 1; i <= points; i++) {
    const fraction = fCrit + (1 - fCrit) * Math.pow(i / points, 2);
    const k = fraction >= 1 ? 1 : 1 / fraction;
    const overhead = smallerModel(s.C, k, set).computeOverhead;
    if (Number.isFinite(overhead)) out.push({ fraction, overhead: overhead * 100 });
  }
  return out;
}

/** The curve cut at `yMax` (with the crossing point interpolated), so the figure needs no clip path. */
export function cutAt(points: readonly { fraction: number; overhead: number }[], yMax: number): { fraction: number; overhead: number }[] {
  const i = points.findIndex((p) => p.overhead <= yMax);
  if (i < 0) return [];
  const kept = points.slice(i);
  const above = points[i - 1];
  const below = points[i]!;
  if (!above) return kept;
  const t = (above.overhead - yMax) / (above.overhead - below.overhead);
  return [{ fraction: above.fraction + t * (below.fraction - above.fraction), overhead: yMax }, ...kept];
}

export function overtrainOptions(s: OvertrainState, c: OvertrainConstants, width = 640): Plot.PlotOptions {
  const set = chosenSet(s, c);
  const res = overtrain(s, set);
  const fCrit = res.Ncrit / res.r.optimal.N;
  const here = res.ok ? [{ fraction: 1 / s.k, overhead: res.r.computeOverhead * 100 }] : [];
  const yMax = Math.max(100, ...here.map((h) => Math.min(h.overhead * 1.5, 1e4)));
  const xMin = Math.max(0, fCrit - 0.05);
  return {
    width,
    height: Math.round(Math.min(340, Math.max(240, width * 0.55))),
    marginLeft: 56,
    marginRight: 20,
    marginBottom: 44,
    style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
    x: { label: 'Model size as a fraction of compute-optimal, N/N_opt →', domain: [xMin, 1], grid: true, tickFormat: (d: number) => `${formatNumber(d * 100, { sig: 2 })}%` },
    y: { label: '↑ Compute overhead (%)', domain: [0, yMax], grid: true, tickFormat: (d: number) => formatNumber(d, { sig: 3 }) },
    marks: [
      Plot.line(cutAt(overheadCurve(s, c), yMax), { x: 'fraction', y: 'overhead', stroke: 'currentColor', strokeWidth: 2.5, className: 'accent' }),
      Plot.ruleX([fCrit], { stroke: 'currentColor', strokeDasharray: '5,4', strokeOpacity: 0.8 }),
      Plot.text([{ x: fCrit }], { x: 'x', frameAnchor: 'bottom', text: () => `N_crit = ${formatNumber(fCrit * 100, { sig: 3 })}% of N_opt`, textAnchor: 'start', dx: 6, dy: -8, fill: 'currentColor' }),
      Plot.dot(here, { x: 'fraction', y: 'overhead', r: 5, fill: 'currentColor', className: 'accent-2' }),
      Plot.text(here, {
        x: 'fraction',
        y: 'overhead',
        text: (d: { fraction: number; overhead: number }) => `k = ${formatNumber(s.k, { sig: 3 })}: +${formatNumber(d.overhead, { sig: 3 })}%`,
        textAnchor: 'start',
        dx: 8,
        dy: -10,
        fontWeight: 600,
        fill: 'currentColor',
      }),
    ],
  };
}

export function draw(document: Document, s: OvertrainState, c: OvertrainConstants, width: number): Element {
  return labelPlotAsImage(Plot.plot({ ...overtrainOptions(s, c, width), document }), FIGURE_CAPTION);
}
