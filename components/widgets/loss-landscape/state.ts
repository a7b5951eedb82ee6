/**
 * Loss landscape (issue 8 §3): L̂(N, D) = E + A/N^α + B/D^β (Hoffmann Eq. 2) as contours over
 * parameters N and tokens D on log axes, with IsoFLOP lines C = 6ND, the chosen set's compute-optimal
 * frontier (Eq. 4) and Kaplan et al. 2020's compute-efficient allocation (Table 6, non-embedding N).
 * A chosen point (N, D) gets its loss, its compute, the optimal loss at that compute, its distance from
 * the frontier and the contour it lies on. Pure: shared by the build and the browser.
 */
import type { ParametricConstants } from '../../../src/lib/chinchilla.ts';
import type { ComputeEfficientConstants } from '../../../src/lib/kaplan.ts';
import { contourLevels, contourPosition, frontierOffset, kaplanAllocationAt } from '../../../src/lib/landscape.ts';
import { formatNumber } from '../../../src/lib/units.ts';
import type { ChoiceDef, Computed, FieldDef, Preset } from '../kit/types.ts';
import { BOX } from './layout.ts';

export interface LandscapeSet extends ParametricConstants {
  id: string;
  /** Short name used in sentences and on the figure. */
  short: string;
}

export interface LandscapeConstants {
  sets: readonly LandscapeSet[];
  /** Kaplan Table 6 (C_min in PF-days). */
  kaplan: ComputeEfficientConstants;
}

export interface LandscapeState {
  readonly [key: string]: number | string;
  /** Parameters (total). */
  N: number;
  /** Training tokens. */
  D: number;
  set: string;
}

/** Budgets whose IsoFLOP lines are drawn: 10^18 to 10^28 FLOP, every two decades. */
export const ISOFLOP_BUDGETS: readonly number[] = Array.from({ length: 6 }, (_, i) => 10 ** (18 + 2 * i));

/** Within this factor of N_opt a point counts as on the frontier. */
const ON_FRONTIER = 1.05;

export function landscapeFields(nPresets: readonly Preset[] = [], dPresets: readonly Preset[] = []): FieldDef[] {
  return [
    { name: 'N', label: 'Parameters N', symbol: 'N', unit: 'parameters', spec: { noun: 'parameters', min: BOX.Nmin, max: BOX.Nmax, example: '70B' }, slider: 'log', step: 0.05, format: { sig: 4, style: 'sci' }, presets: nPresets },
    { name: 'D', label: 'Training tokens D', symbol: 'D', unit: 'tokens', spec: { noun: 'tokens', min: BOX.Dmin, max: BOX.Dmax, example: '1.4T' }, slider: 'log', step: 0.05, format: { sig: 4, style: 'sci' }, presets: dPresets },
  ];
}

export function landscapeChoices(c: LandscapeConstants, labels: Readonly<Record<string, string>>): ChoiceDef[] {
  return [{ name: 'set', label: 'Constant set for the contours and the frontier', noun: 'constant set', options: c.sets.map((s) => ({ value: s.id, label: labels[s.id] ?? s.short })) }];
}

export function setOf(s: LandscapeState, c: LandscapeConstants): LandscapeSet {
  return c.sets.find((x) => x.id === s.set) ?? c.sets[0]!;
}

const n = (x: number) => formatNumber(x, { sig: 3, style: 'suffix' });
const l = (x: number) => formatNumber(x, { sig: 4 });
const sci = (x: number) => formatNumber(x, { sig: 3 });
const level = (x: number) => formatNumber(x, { sig: 4 });

/** The point's regime in words: on the frontier, undertrained or overtrained, and by what factor of N. */
function regime(factor: number): { short: string; long: string } {
  if (factor > ON_FRONTIER) {
    const f = formatNumber(factor, { sig: 3 });
    return { short: `undertrained, N ${f}× the optimum`, long: `undertrained: its N is ${f}× the compute-optimal N for its compute, so it sees too few tokens for its size` };
  }
  if (factor < 1 / ON_FRONTIER) {
    const f = formatNumber(1 / factor, { sig: 3 });
    return { short: `overtrained, N ${f}× below the optimum`, long: `overtrained: its N is ${f}× smaller than the compute-optimal N for its compute, so it sees more tokens than the optimum (a cheaper model to serve)` };
  }
  return { short: 'on the frontier', long: `on the compute-optimal frontier: its N is ${formatNumber(factor, { sig: 3 })}× the optimal N, within 5 %` };
}

export function compute(s: LandscapeState, c: LandscapeConstants): Computed {
  const set = setOf(s, c);
  const off = frontierOffset(s.N, s.D, set);
  const levels = contourLevels(set, BOX);
  const pos = contourPosition(off.loss, levels);
  const r = regime(off.factor);
  const k = kaplanAllocationAt(off.C, c.kaplan);
  const text: Record<string, string> = {};
  text.summary = `N = ${n(s.N)} parameters, D = ${n(s.D)} tokens: L̂ = ${l(off.loss)} nats/token under ${set.short}, C = 6ND = ${sci(off.C)} FLOP, ${r.short}.`;
  text.optimum =
    `At the same compute, C = ${sci(off.C)} FLOP, the compute-optimal model under ${set.short} has N ≈ ${n(off.Nopt)} parameters and D ≈ ${n(off.Dopt)} tokens ` +
    `(${formatNumber(off.Dopt / off.Nopt, { sig: 3 })} tokens per parameter) and L̂ = ${l(off.lossOpt)} nats/token; this point’s loss is ${formatNumber(Math.max(0, off.loss - off.lossOpt), { sig: 3 })} nats/token higher.`;
  text.regime = `The point is ${r.long}.`;
  text.contour =
    pos.on !== undefined
      ? `It lies on the ${level(pos.on)} nats/token contour.`
      : pos.below !== undefined && pos.above !== undefined
        ? `It lies between the ${level(pos.below)} and ${level(pos.above)} nats/token contours.`
        : pos.above !== undefined
          ? `Its loss is below the lowest contour drawn (${level(pos.above)} nats/token).`
          : `Its loss is above the highest contour drawn (${level(pos.below!)} nats/token).`;
  text.kaplan = `Kaplan’s Table 6, reading the same C as C_min, would choose N ≈ ${n(k.N)} non-embedding parameters and D ≈ ${n(k.D)} tokens (the square on the Kaplan line; its N leaves out the embeddings, so it is not directly comparable with this axis of total parameters).`;
  return { ok: true, text, description: describe(s, c, set, levels, off.factor) };
}

/** The figure's text description. */
function describe(s: LandscapeState, c: LandscapeConstants, set: LandscapeSet, levels: readonly number[], factor: number): string {
  return (
    `Contours of the predicted loss L̂(N, D) under ${set.short} over N from ${n(BOX.Nmin)} to ${n(BOX.Nmax)} parameters and D from ${n(BOX.Dmin)} to ${n(BOX.Dmax)} tokens, both on log scales, ` +
    `at ${levels.map(level).join(', ')} nats/token: the loss falls towards the upper right and the contours bend around the lower left. ` +
    `Straight dashed IsoFLOP lines of slope −1 mark C = 6ND = ${ISOFLOP_BUDGETS.map(sci).join(', ')} FLOP. ` +
    `The compute-optimal frontier of ${set.short} is a straight line (D ∝ N^${formatNumber(set.alpha / set.beta, { sig: 3 })}) through the points where the contours touch the IsoFLOP lines; ` +
    `Kaplan’s Table 6 allocation (non-embedding N) is a flatter line (D ∝ N^${formatNumber(c.kaplan.pD / c.kaplan.pN, { sig: 2 })}): larger models on fewer tokens. ` +
    `The chosen point, N = ${n(s.N)} and D = ${n(s.D)}, is marked with its own IsoFLOP line; its N is ${formatNumber(factor, { sig: 3 })}× the compute-optimal N at its compute.`
  );
}
