/**
 * Kaplan et al. 2020, §6.3: the compute trend L(C_min) (Eq. 1.3) and the data bound L(D(C_min))
 * (Eq. 1.2) along two data-growth laws (Table 6's D_opt and Eq. 6.7), with their crossing points
 * (Eq. 6.8); and how the crossing compute C* moves when one exponent changes. Static figures.
 */
import * as Plot from '@observablehq/plot';
import {
  crossingPoint,
  crossingWithExponent,
  lossCmin,
  lossD,
  powerLawInCompute,
  type CrossingExponent,
  type CrossingGrowth,
  type CrossingLaws,
} from '../../src/lib/kaplan.ts';
import { formatNumber, formatPercent } from '../../src/lib/units.ts';
import { FIGURE_STYLE, linSpace, logSpace } from './sampling.ts';

const sci = (d: number) => formatNumber(d, { sig: 1 });

/** The two data-growth laws the paper prints for the same quantity. */
export interface TwoGrowths {
  table6: CrossingGrowth;
  eq67: CrossingGrowth;
}

export const CROSSING_CAPTION =
  'Kaplan et al. 2020, §6.3: the compute trend L(C_min) of Eq. (1.3) and the data bound L(D) of Eq. (1.2) when D grows as compute-efficient training uses it — Table 6’s D_opt (dashed) or Eq. (6.7) (dotted). Dots: where they cross (Eq. 6.8).';

export function crossingOptions(laws: CrossingLaws, g: TwoGrowths, range: { Cmin: number; Cmax: number }): Plot.PlotOptions {
  const Cs = logSpace(range.Cmin, range.Cmax, 120);
  const bound = (growth: CrossingGrowth) => Cs.map((C) => ({ C, L: lossD(powerLawInCompute(C, growth.data), laws) }));
  const a = crossingPoint(laws, g.table6);
  const b = crossingPoint(laws, g.eq67);
  return {
    width: 640,
    height: 360,
    marginLeft: 52,
    marginBottom: 44,
    style: FIGURE_STYLE,
    x: { type: 'log', label: 'Compute C_min (PF-days) →', tickFormat: sci },
    y: { type: 'log', label: '↑ Test loss L (nats/token)', grid: true, tickFormat: (d: number) => formatNumber(d, { sig: 2 }) },
    marks: [
      Plot.line(Cs.map((C) => ({ C, L: lossCmin(C, laws) })), { x: 'C', y: 'L', stroke: 'currentColor', strokeWidth: 2.5, className: 'accent' }),
      Plot.line(bound(g.table6), { x: 'C', y: 'L', stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '6 4', className: 'accent-2' }),
      Plot.line(bound(g.eq67), { x: 'C', y: 'L', stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '2 3' }),
      Plot.dot([a, b], { x: 'C', y: 'L', r: 5, fill: 'currentColor' }),
      Plot.text([a], { x: 'C', y: 'L', text: () => `Table 6: C* ≈ ${sci(a.C)}`, dx: -10, dy: -14, textAnchor: 'end', fill: 'currentColor' }),
      Plot.text([b], { x: 'C', y: 'L', text: () => `Eq. (6.7): C* ≈ ${sci(b.C)}`, dx: -10, dy: 18, textAnchor: 'end', fill: 'currentColor' }),
      Plot.text([{ C: range.Cmin * 100, L: lossCmin(range.Cmin * 100, laws) }], { x: 'C', y: 'L', text: () => 'L(C_min)', dx: 6, dy: -10, textAnchor: 'start', fill: 'currentColor', className: 'accent' }),
    ],
  };
}

export function crossingDescription(laws: CrossingLaws, g: TwoGrowths, range: { Cmin: number; Cmax: number }): string {
  const a = crossingPoint(laws, g.table6);
  const b = crossingPoint(laws, g.eq67);
  return (
    `Three falling lines on log-log axes from ${sci(range.Cmin)} to ${sci(range.Cmax)} PF-days. The compute trend starts at ` +
    `${formatNumber(lossCmin(range.Cmin, laws))} nats/token and falls more steeply than either data bound. It meets the Table 6 bound at ` +
    `C* ≈ ${formatNumber(a.C, { sig: 2 })} PF-days and L* ≈ ${formatNumber(a.L)} nats/token, and the Eq. (6.7) bound at C* ≈ ${formatNumber(b.C, { sig: 2 })} PF-days ` +
    `and L* ≈ ${formatNumber(b.L)}. Beyond each crossing the trend would promise a loss below what the data can give.`
  );
}

export const SENSITIVITY_CAPTION =
  'The crossing compute C* (Table 6 growth) when one exponent is changed by up to ±10 % and the rest are held: α_C^min (solid), α_D (dashed), the data-growth exponent p_D (dotted).';

const EXPONENTS: readonly { which: CrossingExponent; label: string; className?: string; dash?: string }[] = [
  { which: 'alphaCmin', label: 'α_C^min', className: 'accent' },
  { which: 'alphaD', label: 'α_D', className: 'accent-2', dash: '6 4' },
  { which: 'dataExponent', label: 'p_D', dash: '2 3' },
];

/** Relative changes drawn, −span … +span (default ±10 %). */
export function sensitivityOptions(laws: CrossingLaws, growth: CrossingGrowth, span = 0.1): Plot.PlotOptions {
  const changes = linSpace(-span, span, 81);
  const marks: Plot.Markish[] = [];
  for (const e of EXPONENTS) {
    const data = changes.map((d) => ({ d, C: crossingWithExponent(laws, growth, e.which, 1 + d).C }));
    marks.push(
      Plot.line(data, { x: 'd', y: 'C', stroke: 'currentColor', strokeWidth: 2.5, strokeDasharray: e.dash, className: e.className }),
      Plot.text([data.at(-1)!], { x: 'd', y: 'C', text: () => e.label, dx: 6, textAnchor: 'start', fill: 'currentColor', className: e.className }),
    );
  }
  marks.push(Plot.dot([{ d: 0, C: crossingPoint(laws, growth).C }], { x: 'd', y: 'C', r: 5, fill: 'currentColor' }));
  return {
    width: 640,
    height: 360,
    marginLeft: 56,
    marginRight: 70,
    marginBottom: 44,
    style: FIGURE_STYLE,
    x: { label: 'Change of one exponent →', tickFormat: (d: number) => formatPercent(d, 2) },
    y: { type: 'log', label: '↑ Crossing compute C* (PF-days)', grid: true, tickFormat: sci },
    marks,
  };
}

export function sensitivityDescription(laws: CrossingLaws, growth: CrossingGrowth, span = 0.1): string {
  const base = crossingPoint(laws, growth).C;
  const parts = EXPONENTS.map((e) => {
    const lo = crossingWithExponent(laws, growth, e.which, 1 - span).C;
    const hi = crossingWithExponent(laws, growth, e.which, 1 + span).C;
    return `${e.label} ${formatPercent(-span, 2)} gives ${sci(lo)} PF-days and +${formatPercent(span, 2)} gives ${sci(hi)}`;
  });
  return `Three curves through C* ≈ ${formatNumber(base, { sig: 2 })} PF-days at no change, on a logarithmic axis: ${parts.join('; ')}. A change in the second significant figure of one exponent moves the crossing by an order of magnitude or more.`;
}
