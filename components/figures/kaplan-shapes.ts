/**
 * Kaplan §3.1 and Figure 5: shapes with equal non-embedding N = 12·n_layer·d_model² (Eq. 2.1) in the
 * (n_layer, d_model) plane, with the shapes the paper names; and what a small loss penalty costs in
 * compute or parameters under L(C_min) and L(N) (Figure 5's "22% additional compute compensates for
 * 1% loss increase").
 */
import * as Plot from '@observablehq/plot';
import { dModelForParams, nonEmbeddingParams } from '../../src/lib/transformer.ts';
import { compensatingFactor } from '../../src/lib/kaplan.ts';
import { formatExact, formatNumber, formatPercent } from '../../src/lib/units.ts';
import { frame, logSpace, logTick } from './common.ts';
import type { NamedShape } from './kaplan-embeddings.ts';

export const EQUAL_N_CAPTION =
  'Shapes with equal non-embedding parameter count N = 12·n_layer·d_model² (Kaplan Eq. 2.1): each line is one N. Points: the shapes Kaplan et al. name (§3.2, Figure 5).';

/** Lines of equal N for `sizes` over `layerRange`; points for `shapes`. */
export function equalNOptions(sizes: readonly number[], layerRange: [number, number], shapes: readonly NamedShape[]): Plot.PlotOptions {
  const lines = sizes.flatMap((N) =>
    logSpace(layerRange[0], layerRange[1], 60).map((nLayer) => ({ N: `N = ${formatNumber(N, { sig: 2 })}`, nLayer, dModel: dModelForParams(N, nLayer) })),
  );
  const ends = sizes.map((N) => ({ text: `N = ${formatNumber(N, { sig: 2 })}`, nLayer: layerRange[1], dModel: dModelForParams(N, layerRange[1]) }));
  const pts = shapes.map((s) => ({ ...s, label: `${formatExact(s.nLayer)} × ${formatExact(s.dModel)}` }));
  return frame({
    height: 340,
    marginRight: 70,
    x: { type: 'log', label: 'Layers n_layer →', tickFormat: logTick },
    y: { type: 'log', label: '↑ Width d_model', tickFormat: logTick },
    marks: [
      Plot.line(lines, { x: 'nLayer', y: 'dModel', z: 'N', stroke: 'currentColor', strokeWidth: 1.5, className: 'accent' }),
      Plot.text(ends, { x: 'nLayer', y: 'dModel', text: 'text', textAnchor: 'start', dx: 4, fill: 'currentColor' }),
      Plot.dot(pts, { x: 'nLayer', y: 'dModel', r: 4, fill: 'currentColor', className: 'accent-2' }),
      Plot.text(pts, { x: 'nLayer', y: 'dModel', text: 'label', dy: -10, fill: 'currentColor' }),
    ],
  });
}

export function equalNDescription(shapes: readonly NamedShape[]): string {
  return (
    'On log axes each line of equal N falls with slope −1/2 (d_model ∝ n_layer^(−1/2)). ' +
    shapes.map((s) => `${formatExact(s.nLayer)} × ${formatExact(s.dModel)} has N = ${formatNumber(nonEmbeddingParams(s))}`).join('; ') +
    '.'
  );
}

export const COMPENSATION_CAPTION =
  'What a relative loss penalty (for example from a poor shape) costs to win back: extra compute under L(C_min) (Eq. 1.3) and extra parameters under L(N) (Eq. 1.1).';

interface Exponents {
  alphaCmin: number;
  alphaN: number;
}

export function compensationOptions(maxPenalty: number, e: Exponents, marked: { penalty: number; label: string }[]): Plot.PlotOptions {
  const xs = Array.from({ length: 101 }, (_, i) => (maxPenalty * i) / 100);
  const rows = xs.flatMap((p) => [
    { p, extra: compensatingFactor(p, e.alphaCmin) - 1, law: 'compute, L(C_min)' },
    { p, extra: compensatingFactor(p, e.alphaN) - 1, law: 'parameters, L(N)' },
  ]);
  const dots = marked.map((m) => ({ p: m.penalty, extra: compensatingFactor(m.penalty, e.alphaCmin) - 1, label: m.label }));
  const ends = [
    { p: maxPenalty, extra: compensatingFactor(maxPenalty, e.alphaCmin) - 1, text: 'compute' },
    { p: maxPenalty, extra: compensatingFactor(maxPenalty, e.alphaN) - 1, text: 'parameters' },
  ];
  return frame({
    height: 300,
    marginRight: 80,
    x: { label: 'Loss penalty →', tickFormat: (d: number) => formatPercent(d, 2) },
    y: { label: '↑ Extra needed to make it up', tickFormat: (d: number) => formatPercent(d, 2), grid: true, zero: true },
    marks: [
      Plot.line(rows.filter((r) => r.law.startsWith('compute')), { x: 'p', y: 'extra', stroke: 'currentColor', strokeWidth: 3, className: 'accent' }),
      Plot.line(rows.filter((r) => r.law.startsWith('param')), { x: 'p', y: 'extra', stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '6,4', className: 'accent-2' }),
      Plot.text(ends, { x: 'p', y: 'extra', text: 'text', textAnchor: 'start', dx: 6, fill: 'currentColor' }),
      Plot.dot(dots, { x: 'p', y: 'extra', r: 4, fill: 'currentColor' }),
      Plot.text(dots, { x: 'p', y: 'extra', text: 'label', textAnchor: 'end', dx: -8, dy: -8, fill: 'currentColor' }),
    ],
  });
}

export function compensationDescription(maxPenalty: number, e: Exponents, marked: { penalty: number }[]): string {
  const say = (p: number) =>
    `a ${formatPercent(p, 2)} higher loss takes ${formatPercent(compensatingFactor(p, e.alphaCmin) - 1, 2)} more compute or ${formatPercent(compensatingFactor(p, e.alphaN) - 1, 2)} more parameters to win back`;
  return `Both curves rise faster than linearly. ${[...marked.map((m) => m.penalty), maxPenalty].map(say).join('; ')}.`;
}
