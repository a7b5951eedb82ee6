/**
 * Compute converter (issue 8 §5): C ≈ 6ND with any two of N, D, C giving the third, and the budget
 * in FLOP, PF-days, accelerator-hours and wall-clock days on a cluster (count × dense peak × MFU).
 * Pure: shared by the build and the browser. No figure.
 */
import { paramsForFlop, tokensForFlop, trainingFlop } from '../../../src/lib/compute.ts';
import { FLOP_PER_PF_DAY, flopToGpuHours, flopToPfDays, formatNumber } from '../../../src/lib/units.ts';
import type { ChoiceDef, Computed, FieldDef } from '../kit/types.ts';

export interface ConverterAccelerator {
  id: string;
  name: string;
  /** Dense peak, FLOP/s. */
  peak: number;
}

export interface ConverterConstants {
  accelerators: readonly ConverterAccelerator[];
}

export interface ConverterState {
  readonly [key: string]: number | string;
  /** Which of N, D, C is computed from the other two. */
  solve: 'C' | 'D' | 'N';
  N: number;
  D: number;
  C: number;
  gpus: number;
  mfu: number;
  acc: string;
}

const FLOP_UNITS = { flop: 1, flops: 1, 'pf-days': FLOP_PER_PF_DAY, 'pf-day': FLOP_PER_PF_DAY };

export const CONVERTER_FIELDS: readonly FieldDef[] = [
  { name: 'N', label: 'Parameters N', symbol: 'N', unit: 'parameters', spec: { noun: 'parameters', min: 1e3, max: 1e15, example: '70B' }, slider: 'log', step: 0.05, sliderMin: 1e6, sliderMax: 1e13, format: { sig: 4, style: 'sci' } },
  { name: 'D', label: 'Training tokens D', symbol: 'D', unit: 'tokens', spec: { noun: 'tokens', min: 1e3, max: 1e17, example: '1.4T' }, slider: 'log', step: 0.05, sliderMin: 1e8, sliderMax: 1e15, format: { sig: 4, style: 'sci' } },
  { name: 'C', label: 'Training compute C', symbol: 'C', unit: 'FLOP', spec: { noun: 'FLOP', min: 1e10, max: 1e32, units: FLOP_UNITS, example: '5.76e23, or 3,640 PF-days' }, slider: 'log', step: 0.05, sliderMin: 1e17, sliderMax: 1e28, format: { sig: 4, style: 'sci' } },
  { name: 'gpus', label: 'Accelerators', symbol: 'accelerators', unit: 'devices', spec: { noun: 'accelerators', min: 1, max: 1e7, integer: true, example: '1024 or 16k' }, slider: 'log', step: 0.1, format: { sig: 6 } },
  { name: 'mfu', label: 'Utilisation (MFU)', symbol: 'MFU', unit: '% of dense peak', spec: { noun: 'percent of dense peak', min: 1, max: 100, example: '40' }, slider: 'linear', step: 1, format: { sig: 3 } },
];

export function converterChoices(c: ConverterConstants): ChoiceDef[] {
  return [
    {
      name: 'solve',
      label: 'Compute from the other two',
      noun: 'quantity to solve for',
      options: [
        { value: 'C', label: 'C = 6ND (from N and D)' },
        { value: 'D', label: 'D = C/(6N) (from C and N)' },
        { value: 'N', label: 'N = C/(6D) (from C and D)' },
      ],
    },
    {
      name: 'acc',
      label: 'Accelerator (dense peak)',
      noun: 'accelerator',
      options: c.accelerators.map((a) => ({ value: a.id, label: `${a.name}: ${formatNumber(a.peak / 1e12, { sig: 5 })} TFLOP/s dense` })),
    },
  ];
}

const f = (x: number) => formatNumber(x, { sig: 4 });
const s = (x: number) => formatNumber(x, { sig: 3, style: 'suffix' });

/** The three quantities after solving for the chosen one. */
export function solved(st: ConverterState): { N: number; D: number; C: number } {
  if (st.solve === 'C') return { N: st.N, D: st.D, C: trainingFlop(st.N, st.D) };
  if (st.solve === 'D') return { N: st.N, D: tokensForFlop(st.C, st.N), C: st.C };
  return { N: paramsForFlop(st.C, st.D), D: st.D, C: st.C };
}

export function compute(st: ConverterState, c: ConverterConstants): Computed {
  const { N, D, C } = solved(st);
  const acc = c.accelerators.find((a) => a.id === st.acc) ?? c.accelerators[0]!;
  if (!(N >= 1 && D >= 1 && C <= 1e32 && Number.isFinite(N * D * C))) {
    const field = st.solve === 'C' ? 'D' : 'C';
    return { ok: false, field, message: `These inputs give ${st.solve} outside what this converter answers (fewer than one ${st.solve === 'N' ? 'parameter' : 'token'}, or more than 1e32 FLOP). Change ${field} or the quantity solved for.` };
  }
  const hours = flopToGpuHours(C, acc.peak, st.mfu / 100);
  const days = hours / 24 / st.gpus;
  const text: Record<string, string> = {
    summary:
      st.solve === 'C'
        ? `C = 6 × ${s(N)} × ${s(D)} = ${f(C)} FLOP.`
        : st.solve === 'D'
          ? `D = ${f(C)} / (6 × ${s(N)}) = ${s(D)} tokens (${formatNumber(D / N, { sig: 3 })} per parameter).`
          : `N = ${f(C)} / (6 × ${s(D)}) = ${s(N)} parameters (${formatNumber(D / N, { sig: 3 })} tokens per parameter).`,
    flop: `${f(C)} FLOP`,
    pfdays: `${f(flopToPfDays(C))} PF-days`,
    gpuHours: `${f(hours)} accelerator-hours on ${acc.name} at ${formatNumber(st.mfu, { sig: 3 })} % MFU`,
    days: `${f(days)} days (${f(days * 24)} hours) of wall-clock time on ${formatNumber(st.gpus, { sig: 7 })} of them`,
    ratio: `${formatNumber(D / N, { sig: 3 })} tokens per parameter`,
  };
  return { ok: true, text };
}
