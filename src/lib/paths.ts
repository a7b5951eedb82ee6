import { formatNumber } from './units.ts';

/**
 * Internal links. The site may be served at a domain root or under a sub-path; the base is set once
 * (astro.config.mjs `base`) and every internal link goes through `sitePath`, never a bare "/…".
 */

/** The site's base path, always ending in "/" ("/" at a domain root, "/ledger/" under a sub-path). */
export function basePath(): string {
  // Written out in full: Vite replaces `import.meta.env.BASE_URL` textually at build time.
  const base: string = import.meta.env.BASE_URL ?? '/';
  return base.endsWith('/') ? base : `${base}/`;
}

/** "/chapters/x/#eq-y" → the same path under the site's base. `path` must start with "/". */
export function sitePath(path: string): string {
  if (!path.startsWith('/')) throw new Error(`sitePath: expected a path starting with "/", received "${path}"`);
  return basePath() + path.slice(1);
}

/**
 * The calculators' URLs with their query state: every digit of the value in e-notation the fields
 * parse ("2.99892736e11", "7e10"), encoded with URLSearchParams.
 */
export const CALCULATOR_PATHS = { lossOfRun: '/calculators/run-loss/', budget: '/calculators/budget/' } as const;

/** Every digit of `x`, as a URL parameter: the fewest significant figures that give back x, in e-notation. */
function exactParam(x: number): string {
  let sig = 1;
  while (sig < 17 && Number(x.toPrecision(sig)) !== x) sig++;
  return formatNumber(x, { sig, style: 'sci' });
}

/** /calculators/run-loss/?N=…&D=… pre-filled with N parameters and D tokens. */
export function lossOfRunUrl(N: number, D: number): string {
  return `${sitePath(CALCULATOR_PATHS.lossOfRun)}?${new URLSearchParams({ N: exactParam(N), D: exactParam(D) }).toString()}`;
}

/** /calculators/budget/?C=… pre-filled with a budget of C FLOP. */
export function budgetCalculatorUrl(C: number): string {
  return `${sitePath(CALCULATOR_PATHS.budget)}?${new URLSearchParams({ C: exactParam(C) }).toString()}`;
}
