/**
 * What does k× buy? (issue 8 §4): scale N, D or C by k → the loss ratio and percentage reduction under
 * Kaplan's single-variable power laws (Eq. 1.1–1.3) and under the parametric L̂(N, D) of each
 * Chinchilla-style set (where the answer depends on the starting point, because of E and the other
 * term). Answers misreadings M1 (k^α − 1 is not the reduction) and M2 (≈5 % is the doubling figure).
 */
import { lossHat, optimalAllocation, type ParametricConstants } from '../../../src/lib/chinchilla.ts';
import { lossRatio, lossReduction } from '../../../src/lib/kaplan.ts';
import { formatNumber } from '../../../src/lib/units.ts';
import type { ChoiceDef, Computed, FieldDef } from '../kit/types.ts';

export interface KxSet extends ParametricConstants {
  id: string;
  short: string;
}

export interface KxConstants {
  /** Kaplan summary exponents α_N, α_D, α_C^min (Eq. 1.1–1.3). */
  alphaN: number;
  alphaD: number;
  alphaCmin: number;
  sets: readonly KxSet[];
}

export interface KxState {
  readonly [key: string]: number | string;
  k: number;
  what: 'N' | 'D' | 'C';
  /** Starting point for the parametric laws: parameters and tokens. */
  N: number;
  D: number;
}

export const KX_FIELDS: readonly FieldDef[] = [
  { name: 'k', label: 'Scale factor k', symbol: 'k', unit: '×', spec: { noun: 'scale factor', min: 1.01, max: 1e6, example: '10 or 2' }, slider: 'log', step: 0.01, sliderMin: 1.01, sliderMax: 1e4, format: { sig: 4 } },
  { name: 'N', label: 'Starting parameters N', symbol: 'N', unit: 'parameters', spec: { noun: 'parameters', min: 1e6, max: 1e14, example: '70B' }, slider: 'log', step: 0.05, format: { sig: 4, style: 'sci' } },
  { name: 'D', label: 'Starting tokens D', symbol: 'D', unit: 'tokens', spec: { noun: 'tokens', min: 1e6, max: 1e16, example: '1.4T' }, slider: 'log', step: 0.05, format: { sig: 4, style: 'sci' } },
];

export const KX_CHOICES: readonly ChoiceDef[] = [
  {
    name: 'what',
    label: 'Scale',
    noun: 'quantity to scale',
    options: [
      { value: 'N', label: 'parameters N' },
      { value: 'D', label: 'training tokens D' },
      { value: 'C', label: 'compute C (allocated optimally)' },
    ],
  },
];

export interface KxRow {
  key: string;
  law: string;
  ratio: number;
}

/** Loss ratio L(after)/L(before) under each law. */
export function kxRows(s: KxState, c: KxConstants): KxRow[] {
  const alpha = s.what === 'N' ? c.alphaN : s.what === 'D' ? c.alphaD : c.alphaCmin;
  const rows: KxRow[] = [{ key: 'kaplan', law: `Kaplan et al. 2020, Eq. (1.${s.what === 'N' ? 1 : s.what === 'D' ? 2 : 3})`, ratio: lossRatio(s.k, alpha) }];
  for (const set of c.sets) {
    let ratio: number;
    if (s.what === 'N') ratio = lossHat(s.k * s.N, s.D, set) / lossHat(s.N, s.D, set);
    else if (s.what === 'D') ratio = lossHat(s.N, s.k * s.D, set) / lossHat(s.N, s.D, set);
    else {
      const C = 6 * s.N * s.D;
      const a = optimalAllocation(C, set);
      const b = optimalAllocation(s.k * C, set);
      ratio = lossHat(b.N, b.D, set) / lossHat(a.N, a.D, set);
    }
    rows.push({ key: set.id, law: set.short, ratio });
  }
  return rows;
}

const pct = (x: number) => `${formatNumber(x * 100, { sig: 3 })} %`;

export function compute(s: KxState, c: KxConstants): Computed {
  const rows = kxRows(s, c);
  const alpha = s.what === 'N' ? c.alphaN : s.what === 'D' ? c.alphaD : c.alphaCmin;
  const sym = s.what === 'N' ? 'α_N' : s.what === 'D' ? 'α_D' : 'α_C^min';
  const noun = s.what === 'N' ? 'parameters' : s.what === 'D' ? 'training tokens' : 'compute';
  const k = formatNumber(s.k, { sig: 4 });
  const text: Record<string, string> = {};
  for (const r of rows) {
    text[`${r.key}-ratio`] = formatNumber(r.ratio, { sig: 4 });
    text[`${r.key}-reduction`] = pct(1 - r.ratio);
  }
  text.summary = `${k}× ${noun}: Kaplan’s power law multiplies the loss by ${k}^−${alpha} = ${formatNumber(rows[0]!.ratio, { sig: 4 })}, a ${pct(lossReduction(s.k, alpha))} reduction; under the Chinchilla-style fits the reduction is ${rows
    .slice(1)
    .map((r) => pct(1 - r.ratio))
    .join(', ')} from your starting point, smaller because the irreducible loss E does not shrink.`;
  text.m1 = `A common claim is that ${k}× ${noun} cuts the loss by ${pct(Math.pow(s.k, alpha) - 1)}: that is k^${sym} − 1, the factor by which the smaller model’s loss exceeds the larger one’s. The reduction is 1 − k^−${sym} = ${pct(lossReduction(s.k, alpha))}.`;
  text.m2 = `Another common claim puts 10× ${noun} at about 5 %: doubling gives ${pct(lossReduction(2, alpha))}, while 10× gives ${pct(lossReduction(10, alpha))} (Kaplan’s ${sym} = ${alpha}).`;
  return { ok: true, text, description: figureDescription(s, c) };
}

export function figureDescription(s: KxState, c: KxConstants): string {
  const rows = kxRows(s, c);
  return (
    `Loss ratio after scaling ${s.what} by k, for k from 1 to 10,000 on a log scale, one line per law. All lines start at 1 and fall; ` +
    `Kaplan’s power law falls without limit, the parametric fits level off towards their floor. At k = ${formatNumber(s.k, { sig: 4 })}: ` +
    rows.map((r) => `${r.law} ${formatNumber(r.ratio, { sig: 3 })}`).join('; ') +
    '.'
  );
}
