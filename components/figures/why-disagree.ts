/**
 * Figures of "Why Kaplan and Chinchilla disagree": N_opt(C) under both laws on one set of axes; Pearce &
 * Song's local exponent g(N*_\E); Porian et al.'s exponent after each correction. Pure: computed from
 * src/lib with constants passed in.
 */
import * as Plot from '@observablehq/plot';
import { optimalN, type ParametricConstants } from '../../src/lib/chinchilla.ts';
import type { ComputeEfficientConstants } from '../../src/lib/kaplan.ts';
import { kaplanOptimalN, localSlope } from '../../src/lib/allocation.ts';
import { localExponent, localExponentLimits, type ReconcileConstants } from '../../src/lib/reconcile.ts';
import { logSpace } from '../../src/lib/isoflop.ts';
import { formatNumber } from '../../src/lib/units.ts';
import { frame, sciTicks, seriesMarks, suffixTicks, type Series } from './series-lines.ts';

const C_MIN = 1e18;
const C_MAX = 1e25;

export const NOPT_CAPTION = 'Compute-optimal model size N_opt(C) under Kaplan et al.\u2019s Table 6 and under Chinchilla\u2019s Approach 3 (Hoffmann et al. and Epoch AI\u2019s refit), log-log axes.';

export function noptSeries(table6: ComputeEfficientConstants, hoffmann: ParametricConstants, epoch: ParametricConstants): Series[] {
  const Cs = logSpace(C_MIN, C_MAX, 60);
  return [
    { label: `Kaplan (C^${formatNumber(table6.pN)})`, className: 'accent-2', points: Cs.map((C) => ({ x: C, y: kaplanOptimalN(C, table6) })) },
    { label: `Hoffmann (C^${formatNumber(localSlope((C) => optimalN(C, hoffmann), 1e21), { sig: 2 })})`, className: 'accent', points: Cs.map((C) => ({ x: C, y: optimalN(C, hoffmann) })) },
    { label: `Epoch (C^${formatNumber(localSlope((C) => optimalN(C, epoch), 1e21), { sig: 2 })})`, dash: '6 4', points: Cs.map((C) => ({ x: C, y: optimalN(C, epoch) })) },
  ];
}

export function noptOptions(series: Series[]): Plot.PlotOptions {
  return frame({
    x: { type: 'log', label: 'Training compute C (FLOP) →', tickFormat: sciTicks },
    y: { type: 'log', label: '↑ N_opt (parameters)', tickFormat: suffixTicks, grid: true },
    marks: seriesMarks(series),
  });
}

export function noptDescription(series: Series[]): string {
  const parts = series.map((s) => `${s.label}: ${formatNumber(s.points[0]!.y, { style: 'suffix' })} parameters at ${formatNumber(s.points[0]!.x)} FLOP, ${formatNumber(s.points[s.points.length - 1]!.y, { style: 'suffix' })} at ${formatNumber(s.points[s.points.length - 1]!.x)} FLOP`);
  return `Three straight lines on log-log axes. ${parts.join('; ')}. Kaplan's line is steeper: it starts below the Chinchilla lines and ends far above them.`;
}

export const G_CAPTION = 'Pearce & Song\u2019s local exponent g = d log N*_\\E / d log C_\\E of Chinchilla\u2019s law rewritten in non-embedding parameters, for two constant sets; the shaded band is the range of model sizes Kaplan et al. trained.';

export function gSeries(sets: { label: string; c: ReconcileConstants; className?: string; dash?: string }[]): Series[] {
  const xs = logSpace(1e2, 1e12, 120);
  return sets.map(({ label, c, className, dash }) => ({ label, className, dash, points: xs.map((x) => ({ x, y: localExponent(x, c) })) }));
}

export function gOptions(series: Series[], kaplanRange: { min: number; max: number }): Plot.PlotOptions {
  return frame({
    x: { type: 'log', label: 'Compute-optimal non-embedding parameters N*_\\E →', tickFormat: suffixTicks },
    y: { label: '↑ local exponent g', grid: true, domain: [0.4, 1] },
    marks: [
      Plot.rectX([kaplanRange], { x1: 'min', x2: 'max', y1: 0.4, y2: 1, fill: 'currentColor', fillOpacity: 0.08 }),
      ...seriesMarks(series),
    ],
  });
}

export function gDescription(series: Series[], sets: { label: string; c: ReconcileConstants }[], kaplanRange: { min: number; max: number }): string {
  const peaks = series.map((s) => {
    const top = s.points.reduce((a, b) => (b.y > a.y ? b : a));
    return `${s.label} peaks at g ≈ ${formatNumber(top.y, { sig: 2 })} near N*_\\E ≈ ${formatNumber(top.x, { sig: 1 })}`;
  });
  const limits = sets.map(({ label, c }) => {
    const l = localExponentLimits(c);
    return `${label}: ${formatNumber(l.small)} for tiny models, ${formatNumber(l.large)} for large ones`;
  });
  return `The local exponent rises from its small-model limit, peaks, and falls to Chinchilla's value. ${peaks.join('; ')}. Limits — ${limits.join('; ')}. Kaplan's models (${formatNumber(kaplanRange.min)} to ${formatNumber(kaplanRange.max)} non-embedding parameters) sit on the high part of the curve.`;
}

export const STEPS_CAPTION = 'Porian et al.\u2019s allocation exponent a after each correction (computed from the authors\u2019 released data): filled circles RefinedWeb, open squares OpenWebText2; (d) and (e) both start from (c). Dotted lines: Kaplan\u2019s and Chinchilla\u2019s (Approach 3) exponents.';

export interface StepPoint {
  step: string;
  dataset: string;
  a: number;
}

export function stepsOptions(points: StepPoint[], references: { label: string; a: number }[]): Plot.PlotOptions {
  return frame({
    height: 300,
    marginLeft: 200,
    marginRight: 40,
    x: { label: 'Allocation exponent a (N* ∝ C^a) →', domain: [0.45, 0.9], grid: true },
    y: { label: null, domain: [...new Set(points.map((p) => p.step))] },
    marks: [
      Plot.ruleX(references, { x: 'a', strokeDasharray: '3 3', stroke: 'currentColor', strokeOpacity: 0.6 }),
      Plot.text(references, { x: 'a', text: 'label', frameAnchor: 'top', dy: -14, fill: 'currentColor', fontSize: 11 }),
      Plot.dot(points.filter((p) => p.dataset === 'RefinedWeb'), { x: 'a', y: 'step', r: 5, fill: 'currentColor', className: 'accent', symbol: 'circle' }),
      Plot.dot(points.filter((p) => p.dataset !== 'RefinedWeb'), { x: 'a', y: 'step', r: 5, stroke: 'currentColor', strokeWidth: 2, className: 'accent-2', symbol: 'square' }),
    ],
    marginTop: 30,
  });
}

export function stepsDescription(points: StepPoint[]): string {
  const by = (d: string) => points.filter((p) => p.dataset === d).map((p) => `${p.step} ${formatNumber(p.a)}`).join(', ');
  return `Filled circles, RefinedWeb: ${by('RefinedWeb')}. Open squares, OpenWebText2: ${by('OpenWebText2')}. Each correction moves a down; the last lands next to Chinchilla's 0.5.`;
}
