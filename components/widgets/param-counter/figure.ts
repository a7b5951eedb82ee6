/** Parameter counter figure: where the parameters sit (attention, feed-forward, embeddings), as bars. */
import * as Plot from '@observablehq/plot';
import { countParameters } from '../../../src/lib/transformer.ts';
import { formatNumber, formatPercent } from '../../../src/lib/units.ts';
import { labelPlotAsImage } from '../../../src/render/plot-aria.ts';
import { parts, shapeOf, type ParamConstants, type ParamState } from './state.ts';

export const FIGURE_CAPTION =
  'Where the parameters sit: attention projections, feed-forward matrices (for a mixture of experts, the active experts and the idle ones) and the three embeddings, in parameters.';

export function paramOptions(s: ParamState, _c: ParamConstants, width = 640): Plot.PlotOptions {
  const p = countParameters(shapeOf(s));
  const bars = parts(p, s.E > 1);
  const label = (d: { value: number }) => `${formatNumber(d.value, { sig: 3, style: 'suffix' })} (${formatPercent(d.value / p.total, 2)})`;
  return {
    width,
    height: 40 + 30 * bars.length,
    marginLeft: Math.min(170, Math.round(width * 0.36)),
    marginRight: 90,
    marginBottom: 36,
    style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
    x: { label: 'Parameters →', grid: true, domain: [0, Math.max(...bars.map((b) => b.value)) * 1.02], tickFormat: (d: number) => formatNumber(d, { sig: 2, style: 'suffix' }), ticks: Math.max(2, Math.round(width / 160)) },
    y: { label: null, domain: bars.map((b) => b.part) },
    marks: [
      ...bars.map((b) => Plot.barX([b], { x: 'value', y: 'part', fill: 'currentColor', fillOpacity: 0.85, className: b.cls })),
      Plot.text(bars, { x: 'value', y: 'part', text: label, textAnchor: 'start', dx: 4, fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
  };
}

export function draw(document: Document, s: ParamState, c: ParamConstants, width: number): Element {
  return labelPlotAsImage(Plot.plot({ ...paramOptions(s, c, width), document }), FIGURE_CAPTION);
}
