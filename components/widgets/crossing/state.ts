/**
 * Where would Kaplan's compute trend cross the data bound? (Kaplan et al. 2020, §6.3, Eq. 6.8; brief
 * A16, reader question B12.) The reader changes the three exponents the crossing depends on and picks
 * which of the paper's two data-growth laws to use; the crossing compute, model size, data and loss
 * follow from `crossingPoint` in src/lib/kaplan.ts.
 */
import { crossingPoint, type CrossingGrowth, type CrossingLaws } from '../../../src/lib/kaplan.ts';
import { formatNumber, pfDaysToFlop } from '../../../src/lib/units.ts';
import type { ChoiceDef, Computed, FieldDef } from '../kit/types.ts';

export interface CrossingConstants extends CrossingLaws {
  /** Table 6's D_opt = D_e·C^p_D and Eq. (6.7)'s 4e10·C^0.26 (tokens, C in PF-days). */
  growth: { table6: CrossingGrowth; eq67: CrossingGrowth };
}

export interface CrossingState {
  readonly [key: string]: number | string;
  /** α_C^min of Eq. (1.3). */
  aC: number;
  /** α_D of Eq. (1.2). */
  aD: number;
  /** Exponent of the data-growth law D(C_min). */
  pD: number;
  /** Which data-growth prefactor: Table 6's D_e or Eq. (6.7)'s. */
  data: 'table6' | 'eq67';
}

/** The default state: the paper's printed exponents and Table 6's data law. */
export function defaultState(c: CrossingConstants): CrossingState {
  return { aC: c.alphaCmin, aD: c.alphaD, pD: c.growth.table6.data.exponent, data: 'table6' };
}

export function crossingFields(c: CrossingConstants): FieldDef[] {
  const f = (x: number) => formatNumber(x, { sig: 3 });
  return [
    { name: 'aC', label: 'Compute exponent α_C^min', symbol: 'α_C^min', unit: '', spec: { noun: 'exponent', min: 0.01, max: 0.2, example: f(c.alphaCmin) }, slider: 'linear', step: 0.0005, sliderMin: 0.04, sliderMax: 0.06, format: { sig: 4 } },
    { name: 'aD', label: 'Data exponent α_D', symbol: 'α_D', unit: '', spec: { noun: 'exponent', min: 0.01, max: 0.3, example: f(c.alphaD) }, slider: 'linear', step: 0.0005, sliderMin: 0.08, sliderMax: 0.11, format: { sig: 4 } },
    { name: 'pD', label: 'Data growth exponent p_D', symbol: 'p_D', unit: '', spec: { noun: 'exponent', min: 0.05, max: 1, example: f(c.growth.table6.data.exponent) }, slider: 'linear', step: 0.005, sliderMin: 0.2, sliderMax: 0.4, format: { sig: 4 } },
  ];
}

export const CROSSING_CHOICES: readonly ChoiceDef[] = [
  {
    name: 'data',
    label: 'Data-growth prefactor',
    noun: 'data-growth law',
    options: [
      { value: 'table6', label: 'Table 6, D_opt' },
      { value: 'eq67', label: 'Eq. (6.7)' },
    ],
  },
];

/** The laws and growth the state describes. */
export function stateLaws(s: CrossingState, c: CrossingConstants): { laws: CrossingLaws; growth: CrossingGrowth } {
  const base = c.growth[s.data];
  return {
    laws: { alphaCmin: s.aC, Ccmin: c.Ccmin, alphaD: s.aD, Dc: c.Dc },
    growth: { data: { prefactor: base.data.prefactor, exponent: s.pD }, params: base.params },
  };
}

export function compute(s: CrossingState, c: CrossingConstants): Computed {
  if (s.aD * s.pD >= s.aC) {
    return {
      ok: false,
      field: 'pD',
      message: `With α_D × p_D = ${formatNumber(s.aD * s.pD, { sig: 3 })} at or above α_C^min = ${formatNumber(s.aC, { sig: 3 })}, the data bound falls at least as fast as the compute trend: the trend never drops below it, so there is no contradiction to locate.`,
    };
  }
  const { laws, growth } = stateLaws(s, c);
  const p = crossingPoint(laws, growth);
  if (![p.C, p.N, p.D, p.L].every(Number.isFinite)) {
    return { ok: false, field: 'aC', message: 'These exponents put the crossing beyond any number this page can show; move them closer to the printed values.' };
  }
  const text = {
    C: `${formatNumber(p.C, { sig: 3 })} PF-days (${formatNumber(pfDaysToFlop(p.C), { sig: 3 })} FLOP)`,
    N: `${formatNumber(p.N, { sig: 3 })} non-embedding parameters`,
    D: `${formatNumber(p.D, { sig: 3 })} tokens`,
    L: `${formatNumber(p.L, { sig: 3 })} nats/token`,
    summary: `The compute trend meets the data bound at C* ≈ ${formatNumber(p.C, { sig: 3 })} PF-days, with N* ≈ ${formatNumber(p.N, { sig: 2 })}, D* ≈ ${formatNumber(p.D, { sig: 2 })} tokens and L* ≈ ${formatNumber(p.L, { sig: 3 })} nats/token.`,
  };
  return { ok: true, text, description: figureDescription(s, c) };
}

export function figureDescription(s: CrossingState, c: CrossingConstants): string {
  const { laws, growth } = stateLaws(s, c);
  const p = crossingPoint(laws, growth);
  return (
    `Two falling lines on log-log axes, loss against compute C_min in PF-days: the compute trend with exponent ${formatNumber(s.aC, { sig: 3 })} ` +
    `and the data bound along D = ${formatNumber(growth.data.prefactor, { sig: 2 })} × C_min^${formatNumber(s.pD, { sig: 3 })} tokens with exponent ${formatNumber(s.aD, { sig: 3 })}. ` +
    `They cross at C* ≈ ${formatNumber(p.C, { sig: 2 })} PF-days and L* ≈ ${formatNumber(p.L, { sig: 3 })} nats/token, marked with a dot.`
  );
}
