/** Overfitting figure: tokens Kaplan's rule and Chinchilla's ratio ask for against N (log–log), their crossing and the reader's (N, D). */
import * as Plot from '@observablehq/plot';
import { dataToAvoidOverfitting } from '../../../src/lib/kaplan.ts';
import { formatNumber } from '../../../src/lib/units.ts';
import { labelPlotAsImage } from '../../../src/render/plot-aria.ts';
import { overfitCheck, type OverfitConstants, type OverfitState } from './state.ts';

export const FIGURE_CAPTION =
  'Training tokens needed against model size, both on log scales. Solid: Kaplan’s rule of Eq. (4.4) (as printed, or re-derived from Table 2), the data that keeps overfitting within the seed-to-seed variation of the loss. Dashed: Chinchilla’s tokens per parameter. Ring: where they cross. Dot: your run.';

/** The N range shown: 10⁶–10¹³ parameters, widened to keep the reader's N and the crossing inside with a decade to spare. */
export function sizeRange(s: OverfitState, c: OverfitConstants): [number, number] {
  const { crossing } = overfitCheck(s, c);
  const lo = Math.min(1e6, s.N / 10, crossing / 10);
  const hi = Math.max(1e13, s.N * 10, crossing * 10);
  return [lo, hi];
}

export function overfitOptions(s: OverfitState, c: OverfitConstants, width = 640): Plot.PlotOptions {
  const r = overfitCheck(s, c);
  const [lo, hi] = sizeRange(s, c);
  const steps = 60;
  const Ns = Array.from({ length: steps + 1 }, (_, i) => lo * Math.pow(hi / lo, i / steps));
  const kaplan = Ns.map((N) => ({ N, D: dataToAvoidOverfitting(N, r.rule) }));
  const chinchilla = Ns.map((N) => ({ N, D: c.chinchillaRatio * N }));
  const all = [...kaplan, ...chinchilla].map((d) => d.D).concat(s.D);
  const yLo = Math.min(...all) / 2;
  const yHi = Math.max(...all) * 2;
  const tick = (d: number) => formatNumber(d, { sig: 1 });
  const decades = (a: number, b: number) => {
    const first = Math.ceil(Math.log10(a));
    const last = Math.floor(Math.log10(b));
    const every = Math.max(1, Math.ceil((last - first + 1) / 8));
    const out: number[] = [];
    for (let e = first; e <= last; e += every) out.push(10 ** e);
    return out;
  };
  // The reader's label goes left of the dot unless the dot sits near the left edge; the crossing's always right and below.
  const leftRoom = Math.log10(s.N / lo) > 2.5;
  return {
    width,
    height: Math.round(Math.min(360, Math.max(260, width * 0.6))),
    marginLeft: 56,
    marginRight: 20,
    marginBottom: 44,
    style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
    x: { type: 'log', label: 'Parameters N (Kaplan: non-embedding) →', domain: [lo, hi], grid: true, ticks: decades(lo, hi), tickFormat: tick },
    y: { type: 'log', label: '↑ Training tokens D', domain: [yLo, yHi], grid: true, ticks: decades(yLo, yHi), tickFormat: tick },
    marks: [
      Plot.line(kaplan, { x: 'N', y: 'D', stroke: 'currentColor', strokeWidth: 2.5, className: 'accent' }),
      Plot.line(chinchilla, { x: 'N', y: 'D', stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '6,4', className: 'accent-2' }),
      Plot.text([kaplan[0]!], { x: 'N', y: 'D', text: () => 'Kaplan Eq. (4.4)', textAnchor: 'start', dx: 4, dy: -14, fill: 'currentColor', className: 'accent' }),
      Plot.text([chinchilla.at(-1)!], { x: 'N', y: 'D', text: () => `${formatNumber(c.chinchillaRatio, { sig: 3 })} per parameter`, textAnchor: 'end', dy: 14, fill: 'currentColor', className: 'accent-2' }),
      Plot.dot([{ N: r.crossing, D: c.chinchillaRatio * r.crossing }], { x: 'N', y: 'D', r: 6, stroke: 'currentColor', strokeWidth: 1.5 }),
      Plot.text([{ N: r.crossing, D: c.chinchillaRatio * r.crossing }], { x: 'N', y: 'D', text: () => `cross at N ≈ ${formatNumber(r.crossing, { sig: 2, style: 'suffix' })}`, textAnchor: 'start', dx: 10, dy: 16, fill: 'currentColor' }),
      Plot.dot([{ N: s.N, D: s.D }], { x: 'N', y: 'D', r: 5, fill: 'currentColor', className: 'accent-2' }),
      Plot.text([{ N: s.N, D: s.D }], { x: 'N', y: 'D', text: () => `your run: δL = ${formatNumber(r.penalty * 100, { sig: 2 })}%`, textAnchor: leftRoom ? 'end' : 'start', dx: leftRoom ? -10 : 10, dy: -12, fontWeight: 600, fill: 'currentColor' }),
    ],
  };
}

export function draw(document: Document, s: OverfitState, c: OverfitConstants, width: number): Element {
  return labelPlotAsImage(Plot.plot({ ...overfitOptions(s, c, width), document }), FIGURE_CAPTION);
}
