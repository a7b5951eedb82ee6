/**
 * Kaplan Table 1 and §2.1: how much of a model's parameter count is embeddings (which Kaplan's N leaves
 * out), for standard shapes of a few depths, with the shapes the paper names marked; and how much of
 * the forward compute per token is the context term of Eq. (2.2), by width.
 */
import * as Plot from '@observablehq/plot';
import { embeddingFraction, nonEmbeddingParams } from '../../src/lib/transformer.ts';
import { contextFlopRatio } from '../../src/lib/compute.ts';
import { formatExact, formatNumber, formatPercent } from '../../src/lib/units.ts';
import { frame, logSpace, logTick } from './common.ts';

/** A named shape, e.g. Kaplan's (2, 128) or the (48, 1600) GPT-2 model. */
export interface NamedShape {
  nLayer: number;
  dModel: number;
}

/** The embedding shape: n_vocab and n_ctx of `kaplan-2020-setup`. */
export interface Vocabulary {
  nVocab: number;
  nCtx: number;
}

export const EMBEDDING_SHARE_CAPTION =
  'Share of all parameters in the token and position embeddings, (n_vocab + n_ctx)·d_model, for standard shapes (Kaplan Eq. 2.1, Table 1), against the non-embedding N. Points: shapes the paper names.';

function curves(depths: readonly number[], widthRange: [number, number], v: Vocabulary) {
  return depths.flatMap((nLayer) =>
    logSpace(widthRange[0], widthRange[1], 80).map((dModel) => ({
      depth: `${formatNumber(nLayer)} layers`,
      N: nonEmbeddingParams({ nLayer, dModel }),
      share: embeddingFraction({ nLayer, dModel, ...v }),
    })),
  );
}

function named(shapes: readonly NamedShape[], v: Vocabulary) {
  return shapes.map((s) => ({
    N: nonEmbeddingParams(s),
    share: embeddingFraction({ ...s, ...v }),
    label: `${formatExact(s.nLayer)} × ${formatExact(s.dModel)}`,
  }));
}

/** Curves for `depths` layers with d_model over `widthRange`; points and labels for `shapes`. */
export function embeddingShareOptions(depths: readonly number[], widthRange: [number, number], shapes: readonly NamedShape[], v: Vocabulary): Plot.PlotOptions {
  const pts = named(shapes, v);
  const lines = curves(depths, widthRange, v);
  const ends = depths.map((d) => lines.filter((p) => p.depth === `${formatNumber(d)} layers`).at(-1)!);
  return frame({
    height: 320,
    x: { type: 'log', label: 'Non-embedding parameters N →', tickFormat: logTick },
    y: { label: '↑ Embeddings, share of all parameters', domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 2), grid: true },
    marks: [
      Plot.line(lines, { x: 'N', y: 'share', z: 'depth', stroke: 'currentColor', strokeWidth: 2, className: 'accent' }),
      Plot.text(ends, { x: 'N', y: 'share', text: 'depth', textAnchor: 'start', dx: 4, dy: -8, fill: 'currentColor' }),
      Plot.dot(pts, { x: 'N', y: 'share', r: 4, fill: 'currentColor', className: 'accent-2' }),
      Plot.text(pts, { x: 'N', y: 'share', text: 'label', textAnchor: 'end', dx: -8, dy: -6, fill: 'currentColor' }),
    ],
  });
}

export function embeddingShareDescription(shapes: readonly NamedShape[], v: Vocabulary): string {
  return (
    'The share of parameters in the embeddings falls as models grow: ' +
    named(shapes, v)
      .map((p) => `${p.label} has N = ${formatNumber(p.N)} and ${formatPercent(p.share, 2)} of its parameters in embeddings`)
      .join('; ') +
    '. At the same N, a deeper (narrower) model has a smaller share.'
  );
}

export const CONTEXT_SHARE_CAPTION =
  'Share of the forward FLOP per token spent on the attention context term 2·n_layer·n_ctx·d_attn (Kaplan Eq. 2.2), for the standard shape, by width.';

/** Fraction of C_forward in the context term: r/(1 + r) with r = n_ctx/(12·d_model). */
function contextShare(dModel: number, nCtx: number): number {
  const r = contextFlopRatio({ nLayer: 1, dModel, nCtx });
  return r / (1 + r);
}

export function contextShareOptions(widthRange: [number, number], nCtx: number): Plot.PlotOptions {
  const pts = logSpace(widthRange[0], widthRange[1]).map((dModel) => ({ dModel, share: contextShare(dModel, nCtx) }));
  const threshold = nCtx / 12;
  return frame({
    height: 280,
    x: { type: 'log', label: 'Width d_model →', tickFormat: logTick },
    y: { label: '↑ Context term, share of forward FLOP', domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 2), grid: true },
    marks: [
      Plot.ruleX([threshold], { stroke: 'currentColor', strokeDasharray: '4,4' }),
      Plot.text([{ x: threshold, y: 0.9 }], { x: 'x', y: 'y', text: () => `d_model = n_ctx/12 ≈ ${formatNumber(threshold, { sig: 2 })}`, textAnchor: 'start', dx: 6, fill: 'currentColor' }),
      Plot.line(pts, { x: 'dModel', y: 'share', stroke: 'currentColor', strokeWidth: 3, className: 'accent' }),
    ],
  });
}

export function contextShareDescription(widthRange: [number, number], nCtx: number): string {
  const threshold = nCtx / 12;
  return (
    `With n_ctx = ${formatExact(nCtx)} tokens the context term is ${formatPercent(contextShare(widthRange[0], nCtx), 2)} of the forward FLOP at d_model = ${formatExact(widthRange[0])}, ` +
    `half of it at d_model ≈ ${formatNumber(threshold, { sig: 2 })}, and ${formatPercent(contextShare(widthRange[1], nCtx), 2)} at d_model = ${formatExact(widthRange[1])}.`
  );
}
