/**
 * Loss of a training run (issue 8 §2): N and D → predicted loss under Kaplan's L(N, D) and each
 * Chinchilla-style set; the breakdown of L̂ into E, A/N^α and B/D^β; and where the run sits against
 * the compute-optimal frontier at its own budget C = 6ND (under- or over-trained, by what factor).
 * Pure: shared by the build and the browser.
 */
import { lossHat, optimalAllocation, type ParametricConstants } from '../../../src/lib/chinchilla.ts';
import { trainingFlop } from '../../../src/lib/compute.ts';
import { lossND, type LossNDConstants } from '../../../src/lib/kaplan.ts';
import { formatExact, formatNumber } from '../../../src/lib/units.ts';
import type { ChoiceDef, Computed, FieldDef, Preset } from '../kit/types.ts';

export interface RunSet extends ParametricConstants {
  id: string;
  short: string;
}

export interface RunConstants {
  kaplan: LossNDConstants;
  sets: readonly RunSet[];
}

export interface RunState {
  readonly [key: string]: number | string;
  N: number;
  D: number;
  set: string;
}

export function runFields(nPresets: readonly Preset[], dPresets: readonly Preset[]): FieldDef[] {
  return [
    { name: 'N', label: 'Parameters N', symbol: 'N', unit: 'parameters', spec: { noun: 'parameters', min: 1e6, max: 1e14, example: '70B' }, slider: 'log', step: 0.05, format: { sig: 4, style: 'sci' }, presets: nPresets },
    { name: 'D', label: 'Training tokens D', symbol: 'D', unit: 'tokens', spec: { noun: 'tokens', min: 1e6, max: 1e16, example: '1.4T' }, slider: 'log', step: 0.05, format: { sig: 4, style: 'sci' }, presets: dPresets },
  ];
}

export function runChoices(c: RunConstants, labels: Readonly<Record<string, string>>): ChoiceDef[] {
  return [{ name: 'set', label: 'Constant set for the breakdown and the frontier', noun: 'constant set', options: c.sets.map((s) => ({ value: s.id, label: labels[s.id] ?? s.short })) }];
}

/** The three terms of L̂(N, D) under one set. */
export function breakdown(N: number, D: number, c: ParametricConstants): { E: number; model: number; data: number } {
  return { E: c.E, model: c.A / Math.pow(N, c.alpha), data: c.B / Math.pow(D, c.beta) };
}

const n = (x: number) => formatNumber(x, { sig: 3, style: 'suffix' });
const l = (x: number) => formatNumber(x, { sig: 4 });

export function compute(s: RunState, c: RunConstants): Computed {
  const set = c.sets.find((x) => x.id === s.set) ?? c.sets[0]!;
  const C = trainingFlop(s.N, s.D);
  const text: Record<string, string> = {};
  text['kaplan-loss'] = l(lossND(s.N, s.D, c.kaplan));
  for (const x of c.sets) text[`${x.id}-loss`] = l(lossHat(s.N, s.D, x));
  const b = breakdown(s.N, s.D, set);
  text.E = formatExact(b.E); // E is a fitted constant: shown with the digits the set prints, never rounded
  text.model = l(b.model);
  text.data = l(b.data);
  const opt = optimalAllocation(C, set);
  const factor = s.N / opt.N;
  const where =
    factor > 1.05
      ? `larger than compute-optimal by ${formatNumber(factor, { sig: 3 })}× (undertrained: too few tokens for its size)`
      : factor < 1 / 1.05
        ? `smaller than compute-optimal by ${formatNumber(1 / factor, { sig: 3 })}× (overtrained: more tokens than the budget’s optimum, which buys a cheaper model to serve)`
        : 'within 5 % of compute-optimal';
  text.summary = `N = ${n(s.N)} parameters on D = ${n(s.D)} tokens (${formatNumber(s.D / s.N, { sig: 3 })} per parameter, C = 6ND = ${formatNumber(C, { sig: 3 })} FLOP): L̂ = ${l(lossHat(s.N, s.D, set))} nats/token under ${set.short}.`;
  text.frontier =
    `At the same compute, ${set.short} would choose N ≈ ${n(opt.N)} and D ≈ ${n(opt.D)} (${formatNumber(opt.tokensPerParameter, { sig: 3 })} tokens per parameter) for L̂ = ${l(lossHat(opt.N, opt.D, set))}. ` +
    `This run is ${where}.`;
  return { ok: true, text, description: description(s, b, set) };
}

function description(s: RunState, b: { E: number; model: number; data: number }, set: RunSet): string {
  return `A stacked bar of the predicted loss ${l(b.E + b.model + b.data)} nats/token under ${set.short} for N = ${n(s.N)}, D = ${n(s.D)}: the irreducible loss E = ${formatExact(b.E)}, the model-size term A/N^α = ${l(b.model)} and the data term B/D^β = ${l(b.data)}.`;
}
