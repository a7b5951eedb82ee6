/**
 * Kaplan et al. 2020, §5: the critical batch size B_crit(L) (Eq. 1.4/5.3) against the loss, and the
 * learning curves L(N, S_min) of Eq. (1.6)/(5.6) with the Table 3 fit. Static figures.
 */
import * as Plot from '@observablehq/plot';
import { criticalBatch, lossAtCriticalBatch, lossN, lossNS, type CriticalBatchConstants, type LossNSConstants } from '../../src/lib/kaplan.ts';
import { formatCount, formatNumber } from '../../src/lib/units.ts';
import { FIGURE_STYLE, linSpace, logSpace, SERIES_CLASSES } from './sampling.ts';

const suffix = (d: number) => formatNumber(d, { style: 'suffix', sig: 2 });

export const CRITICAL_BATCH_CAPTION =
  'Kaplan et al. 2020, Eq. (5.3): the critical batch size grows as the loss falls, whatever the model size. Solid: B_* as in Eq. (1.4) and (5.3); dashed: B_* as in Table 5. Dotted: the 2^19-token batch of most runs.';

export interface CriticalBatchFigure {
  /** B_crit constants as in Eq. (1.4)/(5.3). */
  text: CriticalBatchConstants;
  /** B_crit constants with Table 5's B_*. */
  table: CriticalBatchConstants;
  /** The default batch of the experiments, in tokens (§2.2). */
  defaultBatch: number;
  /** Loss range drawn, nats/token. */
  Lmin: number;
  Lmax: number;
}

export function criticalBatchOptions(f: CriticalBatchFigure): Plot.PlotOptions {
  const Ls = linSpace(f.Lmin, f.Lmax, 120);
  return {
    width: 640,
    height: 340,
    marginLeft: 56,
    marginBottom: 44,
    style: FIGURE_STYLE,
    x: { label: 'Test loss L (nats/token) →', reverse: true },
    y: { type: 'log', label: '↑ Critical batch B_crit (tokens)', grid: true, tickFormat: suffix },
    marks: [
      Plot.line(Ls.map((L) => ({ L, B: criticalBatch(L, f.text) })), { x: 'L', y: 'B', stroke: 'currentColor', strokeWidth: 2.5, className: 'accent' }),
      Plot.line(Ls.map((L) => ({ L, B: criticalBatch(L, f.table) })), { x: 'L', y: 'B', stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '6 4', className: 'accent-2' }),
      Plot.ruleY([f.defaultBatch], { stroke: 'currentColor', strokeDasharray: '2 3' }),
      Plot.text([{ L: f.Lmax, B: f.defaultBatch }], { x: 'L', y: 'B', text: () => `${formatCount(f.defaultBatch)} tokens`, dy: -8, textAnchor: 'start', fill: 'currentColor' }),
    ],
  };
}

export function criticalBatchDescription(f: CriticalBatchFigure): string {
  const at = (L: number) => suffix(criticalBatch(L, f.text));
  const mid = (f.Lmin + f.Lmax) / 2;
  return (
    `A rising line on a logarithmic batch axis, with the loss decreasing to the right: B_crit is ${at(f.Lmax)} tokens at L = ${formatNumber(f.Lmax)}, ` +
    `${at(mid)} at L = ${formatNumber(mid)} and ${at(f.Lmin)} at L = ${formatNumber(f.Lmin)} nats/token. The dashed Table 5 line runs ` +
    `${formatNumber(f.table.Bstar / f.text.Bstar)} times higher throughout. The default batch of ${formatCount(f.defaultBatch)} tokens is below B_crit once the loss is under about ` +
    `${formatNumber(lossAtCriticalBatch(f.defaultBatch, f.text))} nats/token.`
  );
}

export const LEARNING_CURVES_CAPTION =
  'Kaplan et al. 2020, Eq. (5.6) with the Table 3 fit: predicted learning curves against S_min, the steps at a batch well above B_crit. Dashed: each model’s converged loss (N_c/N)^α_N of the same fit.';

export function learningCurvesOptions(K: LossNSConstants, sizes: readonly number[], range: { Smin: number; Smax: number }): Plot.PlotOptions {
  const Ss = logSpace(range.Smin, range.Smax, 160);
  const marks: Plot.Markish[] = [];
  sizes.forEach((N, i) => {
    const className = SERIES_CLASSES[i % SERIES_CLASSES.length];
    const floor = lossN(N, K);
    marks.push(
      Plot.line(Ss.map((S) => ({ S, L: lossNS(N, S, K) })), { x: 'S', y: 'L', stroke: 'currentColor', strokeWidth: 2.5, className }),
      Plot.ruleY([floor], { stroke: 'currentColor', strokeDasharray: '4 4', strokeOpacity: 0.8, className }),
      Plot.text([{ S: range.Smax, L: floor }], { x: 'S', y: 'L', text: () => `N = ${suffix(N)}`, dy: -8, textAnchor: 'end', fill: 'currentColor', className }),
    );
  });
  return {
    width: 640,
    height: 360,
    marginLeft: 52,
    marginBottom: 44,
    style: FIGURE_STYLE,
    x: { type: 'log', label: 'Steps S_min →', tickFormat: suffix },
    y: { label: '↑ Test loss L (nats/token)', grid: true, nice: true },
    marks,
  };
}

export function learningCurvesDescription(K: LossNSConstants, sizes: readonly number[], range: { Smin: number; Smax: number }): string {
  const parts = sizes.map(
    (N) =>
      `N = ${suffix(N)}: ${formatNumber(lossNS(N, range.Smin, K))} nats/token at ${suffix(range.Smin)} steps, ${formatNumber(lossNS(N, range.Smax, K))} at ${suffix(range.Smax)}, converged ${formatNumber(lossN(N, K))}`,
  );
  return `Three falling curves on a logarithmic step axis, one per model size (${parts.join('; ')}). The step term is the same for every model; only the floor it adds to differs.`;
}
