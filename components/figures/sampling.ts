/** Sample points for figures. Pure. */

/** `count` values from `lo` to `hi` (both > 0), evenly spaced in log10 — smooth curves on log axes. */
export function logSpace(lo: number, hi: number, count: number): number[] {
  if (!(lo > 0 && hi > 0) || count < 2) throw new RangeError(`logSpace needs lo, hi > 0 and count ≥ 2 (got ${lo}, ${hi}, ${count})`);
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return Array.from({ length: count }, (_, i) => 10 ** (a + ((b - a) * i) / (count - 1)));
}

/** `count` values from `lo` to `hi`, evenly spaced. */
export function linSpace(lo: number, hi: number, count: number): number[] {
  if (count < 2) throw new RangeError(`linSpace needs count ≥ 2 (got ${count})`);
  return Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
}

/** Shared look of the site's static figures (the model chapter's figure uses the same). */
export const FIGURE_STYLE = { fontSize: '13px', background: 'transparent', overflow: 'visible' } as const;

/** Stroke classes, coloured by global.css through custom properties (both themes). */
export const SERIES_CLASSES = ['accent', 'accent-2', undefined] as const;
