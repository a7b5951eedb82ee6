/**
 * What every static figure shares: size, margins, type size and a transparent background (so the
 * page's light or dark theme shows through), and log-axis tick labels in the site's number format.
 * Colours come from CSS classes (`accent`, `accent-2`) with `currentColor`, never from hex values.
 */
import type * as Plot from '@observablehq/plot';
import { formatNumber } from '../../src/lib/units.ts';

/** Frame options of a static figure; `overrides` win (e.g. a taller plot or a wider left margin). */
export function frame(overrides: Partial<Plot.PlotOptions> = {}): Plot.PlotOptions {
  return {
    width: 640,
    height: 320,
    marginLeft: 56,
    marginBottom: 44,
    marginRight: 24,
    style: { fontSize: '13px', background: 'transparent', overflow: 'visible' },
    ...overrides,
  };
}

/** Tick label for a log axis: powers of ten only ("1e-7", "100", "1e9"); the minor ticks stay unlabelled. */
export function logTick(d: number): string {
  const e = Math.log10(d);
  return Math.abs(e - Math.round(e)) < 1e-9 ? formatNumber(d, { sig: 2 }) : '';
}

/** `count` values spaced evenly in log10 from `low` to `high` (both > 0), ends included. */
export function logSpace(low: number, high: number, count = 120): number[] {
  const a = Math.log10(low);
  const b = Math.log10(high);
  return Array.from({ length: count }, (_, i) => 10 ** (a + ((b - a) * i) / (count - 1)));
}
