/**
 * The fit page's settings (what a link carries) and the result table, shared by the build (static
 * table for Epoch's points) and the browser. Pure: numbers from the URL go through validate.ts.
 */
import { parseQuantity, type FieldSpec } from '../../../src/lib/validate.ts';
import { REPORTED, reportedValues, type Estimate, type Reported } from '../../../src/lib/fit-summary.ts';
import type { ParametricConstants } from '../../../src/lib/chinchilla.ts';
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

export const FIELDS = {
  boot: { noun: 'bootstrap resamples', min: 0, max: 4000, integer: true, example: '200' },
  seed: { noun: 'seed', min: 0, max: 4294967295, integer: true, example: '42' },
  C: { noun: 'FLOP of compute', min: 1e15, max: 1e30, example: '5.76e23', units: { flop: 1, flops: 1 } },
  sigma: { noun: 'noise (standard deviation of log-loss)', min: 0, max: 0.5, example: '0.01' },
  nseed: { noun: 'seed', min: 0, max: 4294967295, integer: true, example: '1' },
  per: { noun: 'runs per budget', min: 3, max: 50, integer: true, example: '8' },
} as const satisfies Record<string, FieldSpec>;
export type NumericSetting = keyof typeof FIELDS;

/** `?workers=n` (for benchmarks): the number of workers instead of one per core. */
export const WORKERS_FIELD: FieldSpec = { noun: 'workers', min: 1, max: 16, integer: true, example: '2' };

export function defaultSettings(C: number): Settings {
  return { src: 'epoch', method: 'huber', boot: 200, seed: 42, C, set: 'hoffmann-2022-rounded', sigma: 0.01, nseed: 1, per: 8 };
}

const pick = <T extends string>(v: string | null, allowed: readonly T[], fallback: T): T => (v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : fallback);

/** Settings from a query string; bad numbers keep the default and give a message each. */
export function settingsFromSearch(search: string, defaults: Settings): { settings: Settings; errors: string[] } {
  const q = new URLSearchParams(search);
  const s: Settings = { ...defaults, src: pick(q.get('src'), SOURCES, defaults.src), method: pick(q.get('method'), METHODS, defaults.method), set: pick(q.get('set'), SETS, defaults.set) };
  const errors: string[] = [];
  for (const key of Object.keys(FIELDS) as NumericSetting[]) {
    if (!q.has(key)) continue;
    const r = parseQuantity(q.get(key), FIELDS[key]);
    if (r.ok) s[key] = r.value;
    else errors.push(`Link setting ${key}: ${r.message}`);
  }
  return { settings: s, errors };
}

/** The query string of settings (only what the source uses). */
export function settingsToSearch(s: Settings): string {
  const q = new URLSearchParams({ src: s.src, method: s.method, boot: String(s.boot), seed: String(s.seed), C: String(s.C) });
  if (s.src === 'synthetic') {
    q.set('set', s.set);
    q.set('sigma', String(s.sigma));
    q.set('nseed', String(s.nseed));
    q.set('per', String(s.per));
  }
  return `?${q.toString()}`;
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
