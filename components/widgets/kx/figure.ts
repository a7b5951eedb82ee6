/** k× figure: loss ratio against k (log x) under each law, with the reader's k marked. */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../../src/lib/units.ts';
import { labelPlotAsImage } from '../../../src/render/plot-aria.ts';
import { kxRows, type KxConstants, type KxState } from './state.ts';

export const FIGURE_CAPTION =
  'Loss after scaling by k divided by loss before, against k (log scale). Thick line: Kaplan’s power law. Thin lines: Approach 3 rounded (dashed), precise (dotted), Epoch’s refit (dash-dot).';
const DASH = ['1,0', '6,3', '2,3', '10,3,2,3'];

export function kxOptions(s: KxState, c: KxConstants, width = 640): Plot.PlotOptions {
  const ks = Array.from({ length: 61 }, (_, i) => 10 ** ((4 * i) / 60));
  const lines = ks.flatMap((k) => kxRows({ ...s, k }, c).map((r, i) => ({ k, ratio: r.ratio, i, law: r.law })));
  const here = kxRows(s, c).map((r) => ({ k: s.k, ratio: r.ratio }));
  const ends = [{ k: 1e4, ratio: kxRows({ ...s, k: 1e4 }, c)[0]!.ratio, label: 'Kaplan' }];
  return {
    width,
    height: Math.round(Math.min(340, Math.max(260, width * 0.55))),
    marginLeft: 52,
    marginRight: 16,
    marginBottom: 44,
    style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
    x: { type: 'log', label: 'Scale factor k →', domain: [1, 1e4], grid: true, tickFormat: (d: number) => formatNumber(d, { sig: 1 }) },
    y: { label: '↑ Loss ratio L(after)/L(before)', grid: true, domain: [0, 1], tickFormat: (d: number) => formatNumber(d, { sig: 2 }) },
    marks: [
      ...[0, 1, 2, 3].map((i) =>
        Plot.line(lines.filter((d) => d.i === i), { x: 'k', y: 'ratio', stroke: 'currentColor', strokeWidth: i === 0 ? 2.5 : 1.8, strokeDasharray: DASH[i], className: i === 0 ? 'accent-2' : 'accent' }),
      ),
      Plot.text(ends, { x: 'k', y: 'ratio', text: 'label', textAnchor: 'end', dy: 12, fill: 'currentColor' }),
      Plot.ruleX([s.k], { stroke: 'currentColor', strokeOpacity: 0.6, className: 'accent-2' }),
      Plot.dot(here, { x: 'k', y: 'ratio', r: 4, fill: 'currentColor', className: 'accent-2' }),
      Plot.text([{ k: s.k }], { x: 'k', frameAnchor: 'bottom', text: () => `k = ${formatNumber(s.k, { sig: 4 })}`, dy: -6, dx: s.k > 1000 ? -6 : 6, textAnchor: s.k > 1000 ? 'end' : 'start', fontWeight: 600 }),
    ],
  };
}

export function draw(document: Document, s: KxState, c: KxConstants, width: number): Element {
  return labelPlotAsImage(Plot.plot({ ...kxOptions(s, c, width), document }), FIGURE_CAPTION);
}
