/**
 * Shared pieces of the Chinchilla figures: a constant set drawn as one series (label, constants and
 * the CSS class that colours it, see src/styles/global.css), and axis formatters.
 */
import type { ParametricConstants } from '../../src/lib/chinchilla.ts';
import { formatNumber } from '../../src/lib/units.ts';

/** One constant set drawn as one line. `className` is one of accent, accent-2, series-3, series-4, muted. */
export interface Series {
  label: string;
  c: ParametricConstants;
  className: string;
}

/** "1e21"-style ticks for log axes of FLOP, parameters or tokens. */
export const sciTick = (d: number): string => formatNumber(d, { style: 'sci', sig: 2 });

/** "70B"-style ticks. */
export const suffixTick = (d: number): string => formatNumber(d, { style: 'suffix', sig: 3 });

/** Common frame of the figures. */
export const FRAME = {
  width: 640,
  height: 360,
  marginLeft: 56,
  marginBottom: 44,
  marginRight: 24,
  style: { fontSize: '13px', background: 'transparent', overflow: 'visible' },
} as const;

/** Ticks at 1, 2 and 5 (or the given mantissas) times each power of ten between lo and hi, for log axes. */
export function logTicks125(lo: number, hi: number, mantissas: readonly number[] = [1, 2, 5]): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
    for (const m of mantissas) {
      const v = m * 10 ** e;
      if (v >= lo && v <= hi) out.push(v);
    }
  return out;
}
