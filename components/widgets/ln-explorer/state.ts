/**
 * State of the L(N) explorer: the one field it accepts and the sentence it prints. Shared by the
 * build (first render) and the browser (every update), so both print exactly the same text.
 */
import type { FieldSpec } from '../../../src/lib/validate.ts';
import type { Computed, FieldDef } from '../kit/types.ts';
import { lossN, type LossNConstants } from '../../../src/lib/kaplan.ts';
import { formatNumber } from '../../../src/lib/units.ts';

/** Constants the widget needs: Kaplan Eq. (1.1) and the range of model sizes the law was fitted on. */
export interface LnExplorerConstants extends LossNConstants {
  NminStudied: number;
  NmaxStudied: number;
}

/** N is accepted from 1e3 to 1e13 non-embedding parameters. */
export const N_FIELD: FieldSpec = {
  noun: 'non-embedding parameters',
  min: 1e3,
  max: 1e13,
  example: '1.5e9 or 1.5B',
};

/** The widget's one input, declared for the kit: a text box and a log slider over N_FIELD's range. */
export const FIELDS: readonly FieldDef[] = [
  {
    name: 'N',
    label: 'Non-embedding parameters N',
    symbol: 'N',
    unit: '',
    spec: N_FIELD,
    slider: 'log',
    step: 0.05,
    format: { sig: 4, style: 'sci' },
  },
];

/** The widget's state: N alone (?N=1.5e9). */
export interface LnExplorerState {
  readonly [key: string]: number | string;
  N: number;
}

/** Inputs → the sentence and the figure's description (shared by the build and the browser). */
export function compute({ N }: LnExplorerState, c: LnExplorerConstants): Computed {
  return { ok: true, text: { sentence: resultSentence(N, c) }, description: figureDescription(N, c) };
}

/** The value written into the URL (?N=…) and the text field: 4 significant figures. */
export function formatN(N: number): string {
  return formatNumber(N, { sig: 4, style: 'sci' });
}

/** The sentence printed under the controls. */
export function resultSentence(N: number, c: LnExplorerConstants): string {
  const L = lossN(N, c);
  const where =
    N >= c.NminStudied && N <= c.NmaxStudied
      ? `inside the range of model sizes Kaplan et al. fitted (${formatNumber(c.NminStudied)} to ${formatNumber(c.NmaxStudied)})`
      : `outside the range Kaplan et al. fitted (${formatNumber(c.NminStudied)} to ${formatNumber(c.NmaxStudied)}): an extrapolation`;
  return `At N = ${formatN(N)} non-embedding parameters, L(N) = ${formatNumber(L, { sig: 3 })} nats per token, ${where}.`;
}

/** Text description of the figure for readers who cannot see it. */
export function figureDescription(N: number, c: LnExplorerConstants): string {
  const lo = lossN(N_FIELD.max, c);
  const hi = lossN(N_FIELD.min, c);
  return (
    `A straight line on log-log axes falling from L = ${formatNumber(hi)} nats/token at N = ${formatNumber(N_FIELD.min)} ` +
    `to L = ${formatNumber(lo)} at N = ${formatNumber(N_FIELD.max)}. It is drawn solid from ${formatNumber(c.NminStudied)} ` +
    `to ${formatNumber(c.NmaxStudied)} parameters, the sizes the law was fitted on, and dashed elsewhere. ` +
    `A dot marks the chosen N = ${formatN(N)} at L = ${formatNumber(lossN(N, c))}.`
  );
}
