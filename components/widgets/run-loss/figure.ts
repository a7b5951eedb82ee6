/** Loss of a run: L̂(N, D) as a stacked bar of E, A/N^α and B/D^β under the chosen set. */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../../src/lib/units.ts';
import { labelPlotAsImage } from '../../../src/render/plot-aria.ts';
import { breakdown, type RunConstants, type RunState } from './state.ts';

export const FIGURE_CAPTION = 'Predicted loss L̂(N, D) split into its three terms: irreducible loss E, the model-size term A/N^α and the data term B/D^β (nats per token).';

export function runOptions(s: RunState, c: RunConstants, width = 640): Plot.PlotOptions {
  const set = c.sets.find((x) => x.id === s.set) ?? c.sets[0]!;
  const b = breakdown(s.N, s.D, set);
  const parts = [
    { term: 'E (irreducible)', value: b.E, cls: 'muted' },
    { term: 'A/N^α (model size)', value: b.model, cls: 'accent' },
    { term: 'B/D^β (data)', value: b.data, cls: 'accent-2' },
  ];
  let x0 = 0;
  const bars = parts.map((p) => {
    const bar = { ...p, x1: x0, x2: x0 + p.value };
    x0 += p.value;
    return bar;
  });
  return {
    width,
    height: 190,
    marginLeft: 16,
    marginRight: 24,
    marginTop: 10,
    marginBottom: 40,
    style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
    x: { label: 'Predicted loss (nats/token) →', domain: [0, Math.max(4, x0 * 1.05)], grid: true },
    marks: [
      ...bars.map((bar) => Plot.rectX([bar], { x1: 'x1', x2: 'x2', y1: 0, y2: 1, fill: 'currentColor', fillOpacity: 0.85, stroke: 'currentColor', className: bar.cls })),
      // Labels stacked one line apart so that narrow segments' labels never overlap.
      ...bars.map((bar, i) =>
        Plot.text([bar], { x: (d: { x1: number; x2: number }) => (d.x1 + d.x2) / 2, y: 1, dy: -8 - 15 * i, text: (d: { term: string; value: number }) => `${d.term} ${formatNumber(d.value, { sig: 3 })}`, fill: 'currentColor', textAnchor: i === 0 ? 'middle' : 'start', className: bar.cls }),
      ),
    ],
    y: { axis: null, domain: [0, 2] },
  };
}

export function draw(document: Document, s: RunState, c: RunConstants, width: number): Element {
  return labelPlotAsImage(Plot.plot({ ...runOptions(s, c, width), document }), FIGURE_CAPTION);
}
