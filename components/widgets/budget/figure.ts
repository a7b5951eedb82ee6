/**
 * Budget calculator figure: compute-optimal N against C (log-log) under each law, with the reader's
 * budget marked. Colours come from the page's CSS (currentColor + classes); laws differ by dash
 * pattern and are labelled at the line ends.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../../src/lib/units.ts';
import { labelPlotAsImage } from '../../../src/render/plot-aria.ts';
import { budgetFlop, lawRows, type BudgetConstants, type BudgetState } from './state.ts';

export const FIGURE_CAPTION =
  'Compute-optimal model size N against training compute C under each law, log scales; the vertical line marks your budget. Kaplan’s N counts non-embedding parameters, the others total parameters.';

const C_MIN = 1e18;
const C_MAX = 1e28;
const DASH: Readonly<Record<string, string>> = {
  kaplan: '2,3',
  approach1: '6,3',
  approach2: '10,4',
  'hoffmann-2022-rounded': '1,0',
  'hoffmann-2022-precise': '4,2,1,2',
  'besiroglu-2024-refit': '12,3,2,3',
};
/** Label of each line and where along C it sits (staggered so that the close lines' labels do not collide). */
const LABELS: readonly { key: string; text: string; at: number; below: boolean }[] = [
  { key: 'kaplan', text: 'Kaplan (non-embedding N)', at: 1e21, below: false },
  { key: 'approach1', text: 'Approach 1', at: 1e19, below: false },
  { key: 'approach2', text: 'Approach 2', at: 1e26, below: true },
  { key: 'hoffmann-2022-rounded', text: 'Approach 3, rounded', at: 1e24, below: true },
  { key: 'hoffmann-2022-precise', text: 'Approach 3, precise', at: 1e20, below: true },
  { key: 'besiroglu-2024-refit', text: 'Epoch refit', at: 1e27, below: false },
];

export function budgetOptions(state: BudgetState, c: BudgetConstants, width = 640): Plot.PlotOptions {
  const Cs = Array.from({ length: 41 }, (_, i) => 10 ** (Math.log10(C_MIN) + (i * (Math.log10(C_MAX) - Math.log10(C_MIN))) / 40));
  const lines = Cs.flatMap((C) => lawRows(C, c).map((r) => ({ C, N: r.N, key: r.key })));
  const C = budgetFlop(state, c);
  const here = lawRows(C, c).map((r) => ({ C, N: r.N, key: r.key }));
  const labels = LABELS.map((l) => ({ ...l, C: l.at, N: lawRows(l.at, c).find((r) => r.key === l.key)!.N }));
  const keys = Object.keys(DASH);
  return {
    width,
    height: Math.round(Math.min(380, Math.max(280, width * 0.6))),
    marginLeft: 56,
    marginRight: 16,
    marginBottom: 44,
    style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
    x: { type: 'log', label: 'Training compute C (FLOP) →', domain: [C_MIN, C_MAX], grid: true, ticks: width < 480 ? 4 : 8, tickFormat: (d: number) => formatNumber(d, { sig: 1, style: 'sci' }) },
    y: { type: 'log', label: '↑ Compute-optimal N (parameters)', grid: true, tickFormat: (d: number) => formatNumber(d, { sig: 3, style: 'suffix' }) },
    marks: [
      ...keys.map((key) =>
        Plot.line(
          lines.filter((d) => d.key === key),
          { x: 'C', y: 'N', stroke: 'currentColor', strokeWidth: key === 'kaplan' ? 2.5 : 1.8, strokeDasharray: DASH[key], className: key === 'kaplan' ? 'accent-2' : 'accent' },
        ),
      ),
      Plot.text(labels.filter((l) => !l.below), { x: 'C', y: 'N', text: 'text', textAnchor: 'end', dx: -4, dy: -10, fill: 'currentColor' }),
      Plot.text(labels.filter((l) => l.below), { x: 'C', y: 'N', text: 'text', textAnchor: 'start', dx: 4, dy: 12, fill: 'currentColor' }),
      Plot.ruleX([C], { stroke: 'currentColor', strokeOpacity: 0.6, className: 'accent-2' }),
      Plot.dot(here, { x: 'C', y: 'N', r: 4, fill: 'currentColor', className: 'accent-2' }),
      Plot.text([{ C }], { x: 'C', frameAnchor: 'top', text: () => `C = ${formatNumber(C, { sig: 3 })}`, dy: 4, dx: C > 1e26 ? -6 : 6, textAnchor: C > 1e26 ? 'end' : 'start', fontWeight: 600 }),
    ],
  };
}

export function draw(document: Document, state: BudgetState, constants: BudgetConstants, width: number): Element {
  const svg = Plot.plot({ ...budgetOptions(state, constants, width), document });
  return labelPlotAsImage(svg, FIGURE_CAPTION);
}
