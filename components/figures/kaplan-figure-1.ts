/**
 * Kaplan et al. 2020, Figure 1 redrawn from the laws alone (no data points): L(C_min) (Eq. 1.3) beside
 * the legend's own C_c^min and the fixed-batch L(C) (Eq. 3.3, Table 5), L(D) (Eq. 1.2) and L(N)
 * (Eq. 1.1), each over the range of the paper. Three static panels that share the loss axis.
 */
import * as Plot from '@observablehq/plot';
import { lossC, lossCmin, lossD, lossN } from '../../src/lib/kaplan.ts';
import { trainingFlopFromSteps } from '../../src/lib/compute.ts';
import { flopToPfDays, formatNumber } from '../../src/lib/units.ts';
import { frame, logSpace, logTick } from './common.ts';

/** The Section 1 constants (`kaplan-2020-summary`), with the Figure 1 legend's C_c^min. */
export interface Figure1Constants {
  alphaN: number;
  Nc: number;
  alphaD: number;
  Dc: number;
  alphaCmin: number;
  Ccmin: number;
  CcminFigure1: number;
  alphaC: number;
  Cc: number;
}

/** The ranges (`kaplan-2020-setup`). */
export interface Figure1Ranges {
  NminStudied: number;
  NmaxStudied: number;
  DminStudied: number;
  DmaxStudied: number;
  batchTokens: number;
  stepsDefault: number;
  ordersCmin: number;
}

/**
 * The compute range drawn: §1.2's "eight orders of magnitude in C_min", ending at the compute of the
 * largest model's default run, 6·N_max·B·S (§1.3, §2.2) in PF-days — an upper bound on its C_min.
 */
export function computeRange(r: Figure1Ranges): { low: number; high: number } {
  const high = flopToPfDays(trainingFlopFromSteps(r.NmaxStudied, r.batchTokens, r.stepsDefault));
  return { low: high / 10 ** r.ordersCmin, high };
}

/** One loss domain for all three panels, so that their heights compare. */
function lossDomain(c: Figure1Constants, r: Figure1Ranges): [number, number] {
  const { low, high } = computeRange(r);
  const values = [
    lossN(r.NminStudied, c),
    lossN(r.NmaxStudied, c),
    lossD(r.DminStudied, c),
    lossD(r.DmaxStudied, c),
    lossCmin(low, c),
    lossCmin(high, c),
    lossC(low, c),
    lossC(high, c),
    lossCmin(high, { alphaCmin: c.alphaCmin, Ccmin: c.CcminFigure1 }),
  ];
  return [Math.floor(Math.min(...values) * 2) / 2, Math.ceil(Math.max(...values) * 2) / 2];
}

function panel(xLabel: string, domainY: [number, number], marks: Plot.Markish[]): Plot.PlotOptions {
  return frame({
    height: 300,
    x: { type: 'log', label: xLabel, tickFormat: logTick },
    y: { label: '↑ Test loss L (nats/token)', domain: domainY, grid: true },
    marks,
  });
}

export const FIGURE_1_COMPUTE_CAPTION =
  'The paper’s Figure 1, compute panel, redrawn from the fits: L(C_min) with the scale of Eq. (1.3) (solid) and with the scale the figure’s legend shows (dashed), and the fixed-batch L(C) of Eq. (3.3) and Table 5 (dotted).';

export function figure1ComputeOptions(c: Figure1Constants, r: Figure1Ranges): Plot.PlotOptions {
  const { low, high } = computeRange(r);
  const xs = logSpace(low, high);
  const legendFit = { alphaCmin: c.alphaCmin, Ccmin: c.CcminFigure1 };
  const eq13 = xs.map((C) => ({ C, L: lossCmin(C, c) }));
  const legend = xs.map((C) => ({ C, L: lossCmin(C, legendFit) }));
  const fixed = xs.map((C) => ({ C, L: lossC(C, c) }));
  // Labels where the lines are apart: the fixed-batch line at its left end, the two parallel
  // C_min lines just above and below each other at the geometric middle of the range.
  const mid = Math.sqrt(low * high);
  const labels = [
    { C: low, L: lossC(low, c), text: 'L(C), fixed batch (dotted)', dy: -10, anchor: 'start' },
    { C: mid, L: lossCmin(mid, c), text: 'L(C_min), Eq. (1.3)', dy: -14, anchor: 'start' },
    { C: mid, L: lossCmin(mid, legendFit), text: 'Figure 1’s legend (dashed)', dy: 16, anchor: 'end' },
  ];
  return panel('Compute C_min (PF-days, non-embedding) →', lossDomain(c, r), [
    Plot.line(fixed, { x: 'C', y: 'L', stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '2,4', className: 'accent-2' }),
    Plot.line(legend, { x: 'C', y: 'L', stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '7,5' }),
    Plot.line(eq13, { x: 'C', y: 'L', stroke: 'currentColor', strokeWidth: 3, className: 'accent' }),
    ...labels.map((l) => Plot.text([l], { x: 'C', y: 'L', text: 'text', dy: l.dy, textAnchor: l.anchor as 'start' | 'end', fill: 'currentColor' })),
  ]);
}

export function figure1ComputeDescription(c: Figure1Constants, r: Figure1Ranges): string {
  const { low, high } = computeRange(r);
  const legendFit = { alphaCmin: c.alphaCmin, Ccmin: c.CcminFigure1 };
  return (
    `Log-scale compute from ${formatNumber(low)} to ${formatNumber(high)} PF-days against test loss. ` +
    `The solid line, Eq. (1.3), falls from ${formatNumber(lossCmin(low, c))} to ${formatNumber(lossCmin(high, c))} nats per token. ` +
    `The dashed line with the legend's C_c^min runs parallel just below it, from ${formatNumber(lossCmin(low, legendFit))} to ${formatNumber(lossCmin(high, legendFit))}. ` +
    `The dotted fixed-batch L(C) is steeper, from ${formatNumber(lossC(low, c))} to ${formatNumber(lossC(high, c))}.`
  );
}

export const FIGURE_1_DATA_CAPTION = 'The paper’s Figure 1, dataset panel, redrawn from Eq. (1.2) over the dataset sizes of §3.';

export function figure1DataOptions(c: Figure1Constants, r: Figure1Ranges): Plot.PlotOptions {
  const pts = logSpace(r.DminStudied, r.DmaxStudied).map((D) => ({ D, L: lossD(D, c) }));
  return panel('Dataset size D (tokens) →', lossDomain(c, r), [
    Plot.line(pts, { x: 'D', y: 'L', stroke: 'currentColor', strokeWidth: 3, className: 'accent' }),
  ]);
}

export function figure1DataDescription(c: Figure1Constants, r: Figure1Ranges): string {
  return (
    `Log-scale dataset size from ${formatNumber(r.DminStudied)} to ${formatNumber(r.DmaxStudied)} tokens against test loss: ` +
    `a straight line from ${formatNumber(lossD(r.DminStudied, c))} down to ${formatNumber(lossD(r.DmaxStudied, c))} nats per token.`
  );
}

export const FIGURE_1_PARAMS_CAPTION = 'The paper’s Figure 1, parameters panel, redrawn from Eq. (1.1) over the model sizes of §3.';

export function figure1ParamsOptions(c: Figure1Constants, r: Figure1Ranges): Plot.PlotOptions {
  const pts = logSpace(r.NminStudied, r.NmaxStudied).map((N) => ({ N, L: lossN(N, c) }));
  return panel('Non-embedding parameters N →', lossDomain(c, r), [
    Plot.line(pts, { x: 'N', y: 'L', stroke: 'currentColor', strokeWidth: 3, className: 'accent' }),
  ]);
}

export function figure1ParamsDescription(c: Figure1Constants, r: Figure1Ranges): string {
  return (
    `Log-scale model size from ${formatNumber(r.NminStudied)} to ${formatNumber(r.NmaxStudied)} non-embedding parameters against test loss: ` +
    `a straight line from ${formatNumber(lossN(r.NminStudied, c))} down to ${formatNumber(lossN(r.NmaxStudied, c))} nats per token.`
  );
}
