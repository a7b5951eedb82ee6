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
export const suffixTick = (d: number): string => formatNumber(d, { style: 'suffix', sig: 2 });

/** Common frame of the figures. */
export const FRAME = {
  width: 640,
  height: 360,
  marginLeft: 56,
  marginBottom: 44,
  marginRight: 24,
  style: { fontSize: '13px', background: 'transparent', overflow: 'visible' },
} as const;
