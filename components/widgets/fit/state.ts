/**
 * The fit page's settings (what a link carries) and the result table, shared by the build (static
 * table for Epoch's points) and the browser. Pure: numbers from the URL go through validate.ts.
 */
import type { FieldSpec } from '../../../src/lib/validate.ts';
import { readState, writeState, type Param, type WidgetState } from '../../../src/lib/url-state.ts';
import type { FieldDef } from '../kit/types.ts';
import { REPORTED, reportedValues, type Estimate, type Reported } from '../../../src/lib/fit-summary.ts';
import { lossHat, type ParametricConstants } from '../../../src/lib/chinchilla.ts';
import { formatNumber } from '../../../src/lib/units.ts';

export const SOURCES = ['epoch', 'synthetic', 'csv'] as const;
export const METHODS = ['huber', 'varpro'] as const;
export const SETS = ['hoffmann-2022-rounded', 'hoffmann-2022-precise', 'besiroglu-2024-refit'] as const;
export type Source = (typeof SOURCES)[number];
export type FitMethod = (typeof METHODS)[number];
export type SetId = (typeof SETS)[number];

export interface Settings {
  src: Source;
  method: FitMethod;
  /** Bootstrap resamples (0: no bootstrap). */
  boot: number;
  /** Bootstrap seed. */
  seed: number;
  /** Budget C for N_opt and D_opt, FLOP. */
  C: number;
  /** Synthetic data: the constant set drawn from, noise σ on log-loss, noise seed, runs per budget. */
  set: SetId;
  sigma: number;
  nseed: number;
  per: number;
}

/** The numeric settings as kit fields (components/widgets/kit): label, unit, what each accepts. */
export const FIELD_DEFS = [
  { name: 'boot', label: 'Bootstrap resamples', unit: '', spec: { noun: 'bootstrap resamples', min: 0, max: 4000, integer: true, example: '200' }, format: { sig: 6 } },
  { name: 'seed', label: 'Bootstrap seed', unit: '', spec: { noun: 'seed', min: 0, max: 4294967295, integer: true, example: '42' }, format: { sig: 10 } },
  { name: 'C', label: 'Budget C for N_opt, D_opt', unit: 'FLOP', spec: { noun: 'FLOP of compute', min: 1e15, max: 1e30, example: '5.76e23', units: { flop: 1, flops: 1 } }, format: { sig: 6 } },
  { name: 'sigma', label: 'Noise σ on log-loss', unit: '', spec: { noun: 'noise (standard deviation of log-loss)', min: 0, max: 0.5, example: '0.01' }, format: { sig: 6 } },
  { name: 'per', label: 'Runs per budget', unit: '', spec: { noun: 'runs per budget', min: 3, max: 50, integer: true, example: '8' } },
  { name: 'nseed', label: 'Noise seed', unit: '', spec: { noun: 'seed', min: 0, max: 4294967295, integer: true, example: '1' }, format: { sig: 10 } },
] as const satisfies readonly FieldDef[];
export type NumericSetting = (typeof FIELD_DEFS)[number]['name'];
export const FIELDS = Object.fromEntries(FIELD_DEFS.map((f) => [f.name, f.spec])) as Record<NumericSetting, FieldSpec>;
export const FIELD_BY_NAME = Object.fromEntries(FIELD_DEFS.map((f) => [f.name, f])) as Record<NumericSetting, FieldDef>;

/** Settings that only the synthetic source uses. */
export const SYNTHETIC_ONLY: readonly NumericSetting[] = ['sigma', 'per', 'nseed'];

/** `?workers=n` (for benchmarks): the number of workers instead of one per core. */
export const WORKERS_FIELD: FieldSpec = { noun: 'workers', min: 1, max: 16, integer: true, example: '2' };

/** Every setting as a url-state parameter (the kit's one URL codec). */
export const PARAMS: Readonly<Record<keyof Settings, Param>> = {
  src: { kind: 'choice', noun: 'data source', options: SOURCES },
  method: { kind: 'choice', noun: 'fitting method', options: METHODS },
  set: { kind: 'choice', noun: 'constant set', options: SETS },
  ...(Object.fromEntries(FIELD_DEFS.map((f) => [f.name, { kind: 'number', spec: f.spec, ...('format' in f ? { format: f.format } : {}) }])) as Record<NumericSetting, Param>),
};

export function defaultSettings(C: number): Settings {
  return { src: 'epoch', method: 'huber', boot: 200, seed: 42, C, set: 'hoffmann-2022-rounded', sigma: 0.01, nseed: 1, per: 8 };
}

/** Settings from a query string (url-state `readState`); bad values keep the default and give a message each. */
export function settingsFromSearch(search: string, defaults: Settings): { settings: Settings; errors: string[] } {
  const { values, errors } = readState(search, PARAMS);
  return { settings: { ...defaults, ...values } as Settings, errors: Object.entries(errors).map(([k, m]) => `Link setting ${k}: ${m}`) };
}

/**
 * The query string of settings (url-state `writeState`): every setting the source uses is written,
 * so a link keeps meaning the same fit even if the page's defaults change; the synthetic-only ones
 * are dropped for other sources.
 */
export function settingsToSearch(s: Settings): string {
  const used = Object.fromEntries(Object.entries(PARAMS).filter(([k]) => s.src === 'synthetic' || !(SYNTHETIC_ONLY as readonly string[]).includes(k)));
  return writeState('', s as unknown as WidgetState, {}, used);
}

export const LABELS: Record<Reported, string> = {
  E: 'E (nats/token)',
  A: 'A',
  B: 'B',
  alpha: 'α',
  beta: 'β',
  a: 'a = β/(α+β)',
  b: 'b = α/(α+β)',
  Nopt: 'N_opt (parameters)',
  Dopt: 'D_opt (tokens)',
};

export const fmt = (x: number): string => formatNumber(x, { sig: 4 });

/** Rows of the result table: quantity, estimate, interval, then each published set. */
export function tableRows(estimates: Record<Reported, Estimate>, published: readonly { label: string; params: ParametricConstants }[], C: number): string[][] {
  const pub = published.map((p) => reportedValues(p.params, C));
  return REPORTED.map((k) => {
    const e = estimates[k];
    return [LABELS[k], fmt(e.value), e.interval ? `${fmt(e.interval[0])} – ${fmt(e.interval[1])}` : '—', ...pub.map((v) => fmt(v[k]))];
  });
}

/** Root-mean-square and largest-in-size log residual of a fit (log observed − log fitted). */
export function residualStats(runs: readonly { N: number; D: number; loss: number }[], p: ParametricConstants): { rms: number; maxAbs: number } {
  const r = runs.map((x) => Math.log(x.loss) - Math.log(lossHat(x.N, x.D, p)));
  return { rms: Math.sqrt(r.reduce((s, v) => s + v * v, 0) / r.length), maxAbs: Math.max(...r.map(Math.abs)) };
}

/** Text descriptions of the three figures (build and browser alike). */
export function figureDescriptions(
  runs: readonly { N: number; D: number; loss: number; group?: string }[],
  p: ParametricConstants,
  grouped: boolean,
  nopt: Estimate,
  C: number,
): { surface: string; residuals: string; frontier: string } {
  const { rms, maxAbs } = residualStats(runs, p);
  const groups = new Set(runs.map((r) => r.group)).size;
  return {
    surface: grouped
      ? `${runs.length} runs on ${groups} IsoFLOP budgets, loss against N on log axes, each budget with the fitted loss along C = 6ND; the root-mean-square log residual is ${fmt(rms)}.`
      : `Observed against fitted loss for ${runs.length} runs, on log axes; the dashed diagonal is a perfect fit. The root-mean-square log residual is ${fmt(rms)}.`,
    residuals: `Log residuals of the ${runs.length} runs against N, scattered around zero: root mean square ${fmt(rms)}, largest in size ${fmt(maxAbs)}.`,
    frontier: `N_opt against compute on log axes, up to beyond the budget ${fmt(C)} FLOP: this fit gives N_opt ≈ ${fmt(nopt.value)} parameters at the budget${nopt.interval ? ` (95 % interval ${fmt(nopt.interval[0])} to ${fmt(nopt.interval[1])})` : ''}; dashed lines show the published sets.`,
  };
}
