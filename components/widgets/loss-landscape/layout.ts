/**
 * The loss-landscape figure's frame, shared by the figure (which draws in it) and the calculator's
 * click and key handling (which reads positions back) without importing Plot: the (N, D) box on log
 * axes, the margins, and pixel ↔ (N, D) in the SVG's own coordinates.
 */
import type { LandscapeBox, NDPoint } from '../../../src/lib/landscape.ts';

/** The box drawn and the range the fields accept: N from 10M to 10T parameters, D from 100M to 1,000T tokens. */
export const BOX: LandscapeBox = { Nmin: 1e7, Nmax: 1e13, Dmin: 1e8, Dmax: 1e15 };

/** Arrow keys move the point by this many decades (Shift: `BIG_STEP`). */
export const STEP = 0.1;
export const BIG_STEP = 0.5;

export const MARGIN = { top: 26, right: 20, bottom: 44, left: 56 } as const;

/** Figure height for a width (CSS pixels). */
export function heightFor(width: number): number {
  return Math.round(Math.min(480, Math.max(300, width * 0.7)));
}

/** Position of (N, D) in the SVG's coordinates for a figure `width` wide. */
export function toPixel(p: NDPoint, width: number): { x: number; y: number } {
  const h = heightFor(width);
  const fx = (Math.log10(p.N) - Math.log10(BOX.Nmin)) / (Math.log10(BOX.Nmax) - Math.log10(BOX.Nmin));
  const fy = (Math.log10(p.D) - Math.log10(BOX.Dmin)) / (Math.log10(BOX.Dmax) - Math.log10(BOX.Dmin));
  return { x: MARGIN.left + fx * (width - MARGIN.left - MARGIN.right), y: h - MARGIN.bottom - fy * (h - MARGIN.top - MARGIN.bottom) };
}

/** (N, D) at a position in the SVG's coordinates, clamped to the box. */
export function fromPixel(x: number, y: number, width: number): NDPoint {
  const h = heightFor(width);
  const clamp = (f: number) => Math.min(1, Math.max(0, f));
  const fx = clamp((x - MARGIN.left) / (width - MARGIN.left - MARGIN.right));
  const fy = clamp((h - MARGIN.bottom - y) / (h - MARGIN.top - MARGIN.bottom));
  return {
    N: 10 ** (Math.log10(BOX.Nmin) + fx * (Math.log10(BOX.Nmax) - Math.log10(BOX.Nmin))),
    D: 10 ** (Math.log10(BOX.Dmin) + fy * (Math.log10(BOX.Dmax) - Math.log10(BOX.Dmin))),
  };
}

/** Move a value by `decades` in log space, kept inside [min, max], rounded to 4 significant figures (what the field and URL show). */
export function stepLog(value: number, decades: number, min: number, max: number): number {
  const next = Math.min(max, Math.max(min, value * 10 ** decades));
  return Number(next.toPrecision(4));
}
