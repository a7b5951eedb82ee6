/**
 * Shared pieces of the static multi-series figures: a base frame, one line per series told apart by
 * class (colour from the theme's custom properties) and dash pattern, and a text label at each line's
 * right end instead of a colour legend (legible in both themes and without colour).
 */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../src/lib/units.ts';

/** One curve of a figure. */
export interface Series {
  label: string;
  points: { x: number; y: number }[];
  /** 'accent', 'accent-2' or '' (text colour). */
  className?: string;
  dash?: string;
  /** Vertical nudge of the end label in px, where labels would overlap. */
  labelDy?: number;
}

/** Axis tick format: 1e21 → "1e21", 7e10 → "70B". */
export const sciTicks = (d: number) => formatNumber(d, { sig: 2, style: 'sci' });
export const suffixTicks = (d: number) => formatNumber(d, { sig: 3, style: 'suffix' });

/** Lines plus end labels for `series`. */
export function seriesMarks(series: readonly Series[], labelDx = 4): Plot.Markish[] {
  return series.flatMap((s) => {
    const last = s.points[s.points.length - 1]!;
    return [
      Plot.line(s.points, { x: 'x', y: 'y', stroke: 'currentColor', strokeWidth: 2.5, strokeDasharray: s.dash, className: s.className }),
      Plot.text([last], { x: 'x', y: 'y', text: () => s.label, textAnchor: 'start', dx: labelDx, dy: s.labelDy ?? 0, fill: 'currentColor', className: s.className, fontSize: 12 }),
    ];
  });
}

/** Frame shared by the figures. */
export function frame(extra: Partial<Plot.PlotOptions>): Plot.PlotOptions {
  return {
    width: 680,
    height: 340,
    marginLeft: 60,
    marginBottom: 44,
    marginRight: 150,
    style: { fontSize: '13px', background: 'transparent', overflow: 'visible' },
    ...extra,
  };
}
