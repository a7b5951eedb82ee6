/**
 * Kaplan et al. 2020, Eq. (1.5)/(4.1) and (4.3) with the Table 2 fit: the early-stopped loss L(N, D)
 * against D for several model sizes, and the overfitting penalty δL as one curve in N^(α_N/α_D)/D.
 * Static figures (no widget); every number comes from src/lib.
 */
import * as Plot from '@observablehq/plot';
import { dataToAvoidOverfitting, lossN, lossND, overfitting, overfittingRuleFromFit, type LossNDConstants, type OverfittingRuleConstants } from '../../src/lib/kaplan.ts';
import { formatNumber } from '../../src/lib/units.ts';
import { FIGURE_STYLE, logSpace, SERIES_CLASSES } from './sampling.ts';

/** The model sizes and the range of D drawn. */
export interface OverfittingFigureRange {
  /** Non-embedding parameter counts, one curve each (at most three). */
  sizes: readonly number[];
  /** Smallest and largest dataset in tokens. */
  Dmin: number;
  Dmax: number;
}

const suffix = (d: number) => formatNumber(d, { style: 'suffix', sig: 2 });

export const LOSS_ND_CAPTION =
  'Kaplan et al. 2020, Eq. (1.5) with the Table 2 fit: loss against dataset size for three model sizes. Dashed: each model’s converged loss L(N) of the same fit; dots: the data Eq. (4.4) asks for.';

export function lossNDOptions(K: LossNDConstants, rule: OverfittingRuleConstants, r: OverfittingFigureRange): Plot.PlotOptions {
  const Ds = logSpace(r.Dmin, r.Dmax, 160);
  const marks: Plot.Markish[] = [];
  r.sizes.forEach((N, i) => {
    const className = SERIES_CLASSES[i % SERIES_CLASSES.length];
    const curve = Ds.map((D) => ({ D, L: lossND(N, D, K) }));
    const floor = lossN(N, K);
    const Drule = dataToAvoidOverfitting(N, rule);
    marks.push(
      Plot.line(curve, { x: 'D', y: 'L', stroke: 'currentColor', strokeWidth: 2.5, className }),
      Plot.ruleY([floor], { stroke: 'currentColor', strokeDasharray: '4 4', strokeOpacity: 0.8, className }),
      Plot.text([{ D: r.Dmax, L: floor }], { x: 'D', y: 'L', text: () => `N = ${suffix(N)}`, dy: -8, textAnchor: 'end', fill: 'currentColor', className }),
    );
    if (Drule >= r.Dmin && Drule <= r.Dmax) marks.push(Plot.dot([{ D: Drule, L: lossND(N, Drule, K) }], { x: 'D', y: 'L', r: 5, fill: 'currentColor', className }));
  });
  return {
    width: 640,
    height: 360,
    marginLeft: 52,
    marginBottom: 44,
    style: FIGURE_STYLE,
    x: { type: 'log', label: 'Dataset size D (tokens) →', tickFormat: suffix },
    y: { label: '↑ Test loss L (nats/token)', grid: true, nice: true },
    marks,
  };
}

export function lossNDDescription(K: LossNDConstants, rule: OverfittingRuleConstants, r: OverfittingFigureRange): string {
  const parts = r.sizes.map((N) => {
    const Drule = dataToAvoidOverfitting(N, rule);
    return (
      `for N = ${suffix(N)} the loss falls from ${formatNumber(lossND(N, r.Dmin, K))} nats/token at D = ${suffix(r.Dmin)} tokens ` +
      `to ${formatNumber(lossND(N, r.Dmax, K))} at D = ${suffix(r.Dmax)}, approaching its converged loss ${formatNumber(lossN(N, K))}; ` +
      `Eq. (4.4) asks for ${suffix(Drule)} tokens`
    );
  });
  return `Three curves on a logarithmic dataset axis: ${parts.join('; ')}. Larger models reach lower losses but need more data before they flatten out.`;
}

export const PENALTY_CAPTION =
  'Kaplan et al. 2020, Eq. (4.3) with the Table 2 fit: the overfitting penalty δL depends on N and D only through N^(α_N/α_D)/D. Dashed: the seed-to-seed variation the paper tolerates (§4.2).';

/** x = N^(α_N/α_D)/D, in (non-embedding parameters)^(α_N/α_D) per token. */
export function penaltyOptions(K: LossNDConstants, deltaL: number, range: { xMin: number; xMax: number }): Plot.PlotOptions {
  // δL = (1 + x·D_c/N_c^(α_N/α_D))^α_D − 1; evaluate through overfitting() at D = 1 token, N = x^(α_D/α_N).
  const ratio = K.alphaN / K.alphaD;
  const points = logSpace(range.xMin, range.xMax, 160).map((x) => ({ x, dL: overfitting(Math.pow(x, 1 / ratio), 1, K) }));
  return {
    width: 640,
    height: 320,
    marginLeft: 52,
    marginBottom: 44,
    style: FIGURE_STYLE,
    x: { type: 'log', label: 'N^(α_N/α_D) / D →', tickFormat: (d: number) => formatNumber(d, { sig: 1 }) },
    y: { type: 'log', label: '↑ Overfitting penalty δL = L(N, D)/L(N, ∞) − 1', grid: true, tickFormat: (d: number) => formatNumber(d, { sig: 1 }) },
    marks: [
      Plot.line(points, { x: 'x', y: 'dL', stroke: 'currentColor', strokeWidth: 2.5, className: 'accent' }),
      Plot.ruleY([deltaL], { stroke: 'currentColor', strokeDasharray: '4 4' }),
      Plot.text([{ x: range.xMin, dL: deltaL }], { x: 'x', y: 'dL', text: () => `δL = ${formatNumber(deltaL)}`, dy: -8, textAnchor: 'start', fill: 'currentColor' }),
    ],
  };
}

/** N^(α_N/α_D)/D at which Eq. (4.3) reaches the penalty `deltaL`: 1 / (prefactor of the rule it implies). */
export function penaltyThreshold(K: LossNDConstants, deltaL: number): number {
  return 1 / overfittingRuleFromFit(deltaL, K).prefactor;
}

export function penaltyDescription(K: LossNDConstants, deltaL: number, range: { xMin: number; xMax: number }): string {
  const ratio = K.alphaN / K.alphaD;
  const at = (x: number) => formatNumber(overfitting(Math.pow(x, 1 / ratio), 1, K), { sig: 2 });
  return (
    `One rising curve on log-log axes: the penalty is ${at(range.xMin)} at N^(α_N/α_D)/D = ${formatNumber(range.xMin, { sig: 1 })}, ` +
    `crosses the tolerated ${formatNumber(deltaL)} at ${formatNumber(penaltyThreshold(K, deltaL), { sig: 2 })}, and reaches ${at(range.xMax)} ` +
    `at ${formatNumber(range.xMax, { sig: 1 })}. Any model size and dataset with the same N^(α_N/α_D)/D overfit by the same fraction.`
  );
}
