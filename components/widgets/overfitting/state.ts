/**
 * Overfitting check (issue 8, calculator 9): N and D → Kaplan et al.'s overfitting penalty
 * δL(N, D) = L(N, D)/L(N, ∞) − 1 (Eqs. 4.2–4.3, from L(N, D) of Eq. 1.5 with the Table 2 fit), and
 * Kaplan's data rule D ≳ 5 × 10³ · N^0.74 (Eq. 4.4) against Chinchilla's ≈ 20 tokens per parameter:
 * their ratio at the reader's N and the N where they cross. Pure: shared by the build and the browser.
 */
import {
  dataToAvoidOverfitting,
  lossN,
  lossND,
  overfitting,
  overfittingRuleCrossing,
  overfittingTokensPerParameter,
  type LossNDConstants,
  type OverfittingRuleConstants,
} from '../../../src/lib/kaplan.ts';
import { formatNumber, formatPercent } from '../../../src/lib/units.ts';
import type { ChoiceDef, Computed, FieldDef } from '../kit/types.ts';

export interface OverfitRule extends OverfittingRuleConstants {
  id: string;
  /** Short name for sentences. */
  short: string;
  /** The rule as a formula, for sentences ("5 × 10³ · N^0.74"). */
  formula: string;
}

export interface OverfitConstants {
  /** Kaplan Table 2: the fit of L(N, D) that Eq. (4.3) belongs to. */
  joint: LossNDConstants;
  /** The tolerated penalty, ≈ 0.02 (§4.2: the seed-to-seed variation of the loss). */
  deltaL: number;
  /** Kaplan's rule as printed (Eq. 4.4) and as re-derived from Table 2 at δL. */
  rules: readonly OverfitRule[];
  /** Chinchilla's tokens per parameter, D/N of the Chinchilla model (Hoffmann et al. 2022, Table 1). */
  chinchillaRatio: number;
  /** Where that ratio comes from, in words. */
  chinchillaSource: string;
}

export interface OverfitState {
  readonly [key: string]: number | string;
  /** Non-embedding parameters. */
  N: number;
  /** Training tokens (WebText2, GPT-2 BPE, in Kaplan's setting). */
  D: number;
  rule: string;
}

export const FIELDS: FieldDef[] = [
  { name: 'N', label: 'Non-embedding parameters N', symbol: 'N', unit: 'parameters', spec: { noun: 'non-embedding parameters', min: 1e3, max: 1e14, example: '1.5B' }, slider: 'log', step: 0.05, sliderMin: 1e5, format: { sig: 4, style: 'sci' } },
  { name: 'D', label: 'Training tokens D', symbol: 'D', unit: 'tokens', spec: { noun: 'tokens', min: 1e3, max: 1e16, example: '22.9B' }, slider: 'log', step: 0.05, sliderMin: 1e6, format: { sig: 4, style: 'sci' } },
];

export function overfitChoices(c: OverfitConstants, labels: Readonly<Record<string, string>>): ChoiceDef[] {
  return [{ name: 'rule', label: 'Kaplan’s data rule', noun: 'rule', options: c.rules.map((r) => ({ value: r.id, label: labels[r.id] ?? r.short })) }];
}

export function chosenRule(s: OverfitState, c: OverfitConstants): OverfitRule {
  return c.rules.find((r) => r.id === s.rule) ?? c.rules[0]!;
}

/** Everything the calculator states, as numbers. */
export function overfitCheck(s: OverfitState, c: OverfitConstants) {
  const rule = chosenRule(s, c);
  const kaplanTokens = dataToAvoidOverfitting(s.N, rule);
  const chinchillaTokens = c.chinchillaRatio * s.N;
  return {
    rule,
    loss: lossND(s.N, s.D, c.joint),
    lossInfinite: lossN(s.N, c.joint),
    penalty: overfitting(s.N, s.D, c.joint),
    kaplanTokens,
    kaplanPerParameter: overfittingTokensPerParameter(s.N, rule),
    penaltyAtKaplan: overfitting(s.N, kaplanTokens, c.joint),
    chinchillaTokens,
    penaltyAtChinchilla: overfitting(s.N, chinchillaTokens, c.joint),
    ratio: kaplanTokens / chinchillaTokens,
    crossing: overfittingRuleCrossing(c.chinchillaRatio, rule),
  };
}

const n = (x: number) => formatNumber(x, { sig: 3, style: 'suffix' });
const f = (x: number) => formatNumber(x, { sig: 3 });
const p = (x: number) => formatPercent(x, 2);

export function compute(s: OverfitState, c: OverfitConstants): Computed {
  const r = overfitCheck(s, c);
  const within = r.penalty <= c.deltaL;
  const text: Record<string, string> = {};
  const penaltySentence =
    `N = ${n(s.N)} non-embedding parameters on D = ${n(s.D)} tokens: L(N, D) = ${formatNumber(r.loss, { sig: 4 })} nats/token against L(N, ∞) = ${formatNumber(r.lossInfinite, { sig: 4 })} with unlimited data, ` +
    `an overfitting penalty δL = ${p(r.penalty)} — ${within ? 'within' : 'above'} the ${p(c.deltaL)} Kaplan et al. tolerate (the seed-to-seed variation of the loss).`;
  text.penalty = p(r.penalty);
  text.summary =
    `${penaltySentence} Kaplan’s rule (${r.rule.short}, D ≳ ${r.rule.formula}) asks for D ≈ ${n(r.kaplanTokens)} tokens at this N, ${f(r.kaplanPerParameter)} per parameter, leaving δL ≈ ${p(r.penaltyAtKaplan)}; ` +
    `your D is ${f(s.D / r.kaplanTokens)}× that.`;
  text.chinchilla = `Chinchilla’s ${f(c.chinchillaRatio)} tokens per parameter (${c.chinchillaSource}) gives D ≈ ${n(r.chinchillaTokens)} tokens; Kaplan’s L(N, D) puts its penalty at δL ≈ ${p(r.penaltyAtChinchilla)}.`;
  text.ratio =
    `At this N Kaplan’s rule asks for ${f(r.ratio)}× the tokens of ${f(c.chinchillaRatio)} per parameter. The two agree at N ≈ ${n(r.crossing)}; ` +
    `below that Kaplan’s rule asks for more, above it less, since its tokens per parameter fall as N^${formatNumber(r.rule.exponent - 1, { sig: 2 }).replace("-", "−")}.`;
  text['kaplan-tokens'] = `${n(r.kaplanTokens)} tokens`;
  text['chinchilla-tokens'] = `${n(r.chinchillaTokens)} tokens`;
  text['ratio-value'] = `${f(r.ratio)}×`;
  text['crossing-value'] = `${n(r.crossing)} parameters`;
  return { ok: true, text, description: description(s, c, r) };
}

function description(s: OverfitState, c: OverfitConstants, r: ReturnType<typeof overfitCheck>): string {
  return (
    `Log–log lines of the training tokens each rule asks for against model size: Kaplan’s D = ${r.rule.formula} (${r.rule.short}) and Chinchilla’s ${f(c.chinchillaRatio)} tokens per parameter. ` +
    `Kaplan’s line is less steep; they cross at N ≈ ${n(r.crossing)}. Your run, N = ${n(s.N)} on D = ${n(s.D)} tokens, is marked ${s.D >= r.kaplanTokens ? 'on or above' : 'below'} Kaplan’s line ` +
    `and ${s.D >= r.chinchillaTokens ? 'on or above' : 'below'} Chinchilla’s.`
  );
}
