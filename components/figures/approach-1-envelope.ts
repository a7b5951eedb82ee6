/**
 * Hoffmann §3.1 (Figure 2, left) redrawn from L̂ (Eq. 2): loss against training compute for a
 * family of model sizes, and their lower envelope — at each budget the size that reaches the lowest
 * loss is Approach 1's estimate of N_opt(C).
 */
import * as Plot from '@observablehq/plot';
import { envelope, logSpace, trainingCurve } from '../../src/lib/approaches-redrawn.ts';
import type { ParametricConstants } from '../../src/lib/chinchilla.ts';
import { formatNumber } from '../../src/lib/units.ts';
import { FRAME, sciTick, suffixTick } from './series.ts';

export interface EnvelopeInput {
  c: ParametricConstants;
  /** Model sizes of the family, parameters. */
  sizes: readonly number[];
  /** Budgets, FLOP: [low, high]. */
  range: readonly [number, number];
}

const budgets = (range: readonly [number, number]) => logSpace(range[0], range[1], 80);

export function envelopeOptions({ c, sizes, range }: EnvelopeInput): Plot.PlotOptions {
  const Cs = budgets(range);
  const curves = sizes.flatMap((N) => trainingCurve(N, Cs, c).map((p) => ({ ...p, size: suffixTick(N) })));
  const env = envelope(sizes, Cs, c);
  return {
    ...FRAME,
    marginRight: 24,
    x: { type: 'log', label: 'Training compute C (FLOP) →', tickFormat: sciTick },
    y: { type: 'log', label: '↑ Predicted loss L̂ (nats/token)', grid: true, tickFormat: (d: number) => formatNumber(d) },
    marks: [
      Plot.line(curves, { x: 'C', y: 'loss', z: 'size', stroke: 'currentColor', strokeWidth: 1, className: 'muted' }),
      Plot.line(env, { x: 'C', y: 'loss', stroke: 'currentColor', strokeWidth: 3, className: 'accent' }),
    ],
  };
}

export function envelopeDescription({ c, sizes, range }: EnvelopeInput): string {
  const env = envelope(sizes, budgets(range), c);
  const first = env[0]!;
  const last = env.at(-1)!;
  return (
    `Log-log plot of predicted loss against training compute for ${sizes.length} model sizes from ${suffixTick(sizes[0]!)} to ${suffixTick(sizes.at(-1)!)} parameters. ` +
    `Each curve falls and flattens; a larger model starts higher but ends lower. The thick line is the lower envelope: at ${sciTick(first.C)} FLOP the best of these sizes is ${suffixTick(first.N)} ` +
    `(loss ${formatNumber(first.loss)} nats/token), at ${sciTick(last.C)} FLOP it is ${suffixTick(last.N)} (loss ${formatNumber(last.loss)}).`
  );
}
