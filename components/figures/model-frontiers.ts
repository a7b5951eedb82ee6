/**
 * A trained model on the compute-optimal frontiers: parameters N against tokens D (log-log), one line
 * per law (the N and D it would choose at each budget from 1e18 to 1e27 FLOP), the model's family as
 * dots and the model itself ringed, with the line of equal compute 6ND through it. Pure: computes from
 * src/lib at build time; the page renders it to static SVG with <PlotFigure>.
 */
import * as Plot from '@observablehq/plot';
import { choiceAt, LADDER_DECADES, LAWS, law, readings, type LawId } from '../../src/lib/verdicts.ts';
import type { Model } from '../../src/lib/schema/models.ts';
import { tokensForFlop } from '../../src/lib/compute.ts';
import { formatNumber } from '../../src/lib/units.ts';

/** Laws drawn (Approach 2 sits on Approach 1 and is left out to keep the lines apart). */
export const FIGURE_LAWS: readonly LawId[] = ['kaplan-table-6', 'hoffmann-approach-1', 'hoffmann-2022-rounded', 'besiroglu-2024-refit'];

const DASH: Record<string, string> = {
  'kaplan-table-6': '2 3',
  'hoffmann-approach-1': 'none',
  'hoffmann-2022-rounded': '8 4',
  'besiroglu-2024-refit': '1 0',
};

const LABEL_DY: Record<string, number> = { 'hoffmann-approach-1': 10, 'besiroglu-2024-refit': -4, 'hoffmann-2022-rounded': -6 };

function frontier(id: LawId) {
  const out: { law: string; C: number; N: number; D: number }[] = [];
  for (let e = LADDER_DECADES.first; e <= LADDER_DECADES.last; e += 0.25) {
    const c = choiceAt(id, Math.pow(10, e));
    out.push({ law: law(id).short, C: c.C, N: c.N, D: c.D });
  }
  return out;
}

const suffix = (d: number) => formatNumber(d, { style: 'suffix' });
/** Decades between a and b (inclusive), for log-axis ticks. */
const decades = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => Math.pow(10, a + i));

export function modelFrontiersOptions(m: Model, family: readonly Model[]): Plot.PlotOptions {
  const lines = FIGURE_LAWS.map(frontier);
  const r = readings(m)[0]!;
  const others = family.filter((x) => x.id !== m.id).map((x) => ({ name: x.name, N: x.parameters.value, D: x.trainingTokens.value }));
  const isoN = [r.N / 30, r.N * 30].map((N) => ({ N, D: tokensForFlop(r.C, N) }));
  const labels = lines.map((l) => l[l.length - 1]!);
  return {
    width: 640,
    height: 420,
    marginLeft: 56,
    marginRight: 110,
    marginBottom: 44,
    style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
    x: { type: 'log', label: 'Parameters N →', tickFormat: suffix, domain: [3e7, 3e14], ticks: decades(8, 14) },
    y: { type: 'log', label: '↑ Training tokens D', tickFormat: (d: number) => (d >= 1e15 ? formatNumber(d) : suffix(d)), domain: [3e8, 3e15], ticks: decades(9, 15), grid: true },
    marks: [
      ...lines.map((l, i) =>
        Plot.line(l, { x: 'N', y: 'D', stroke: 'currentColor', strokeWidth: 1.5, strokeDasharray: DASH[FIGURE_LAWS[i]!] ?? 'none', clip: true, className: i === FIGURE_LAWS.length - 1 ? 'accent' : '' }),
      ),
      // Each label at its line's end; Approach 1 and Epoch's refit end close together, so theirs are nudged apart.
      ...labels.map((l, i) => Plot.text([l], { x: 'N', y: 'D', text: 'law', textAnchor: 'start', dx: 4, dy: LABEL_DY[FIGURE_LAWS[i]!] ?? 0, fill: 'currentColor' })),
      Plot.line(isoN, { x: 'N', y: 'D', stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '1 4', clip: true, className: 'accent-2' }),
      Plot.dot(others, { x: 'N', y: 'D', r: 3, fill: 'currentColor', fillOpacity: 0.6 }),
      Plot.dot([{ N: r.N, D: r.D }], { x: 'N', y: 'D', r: 6, stroke: 'currentColor', strokeWidth: 2.5, className: 'accent-2' }),
      Plot.text([{ N: r.N, D: r.D, name: m.name }], { x: 'N', y: 'D', text: 'name', dy: -12, fontWeight: 'bold', fill: 'currentColor', className: 'accent-2' }),
    ],
  };
}

export function modelFrontiersCaption(m: Model): string {
  return `${m.name} (ringed) and the other ${m.family} models in the ledger against each law’s compute-optimal choice of parameters and tokens, 10^18 to 10^27 FLOP; the dotted line is every N and D with the same 6ND as ${m.name}.`;
}

export function modelFrontiersDescription(m: Model, family: readonly Model[]): string {
  const r = readings(m)[0]!;
  const parts = FIGURE_LAWS.map((id) => {
    const c = choiceAt(id, id === 'kaplan-table-6' ? r.kaplanC : r.C);
    return `${law(id).short} would choose ${formatNumber(c.N, { style: 'suffix' })} parameters and ${formatNumber(c.D, { style: 'suffix' })} tokens`;
  });
  const others = family.filter((x) => x.id !== m.id);
  return (
    `Log-log axes: parameters from 30 million to 300 trillion, tokens from 300 million to 3 quadrillion. Each law’s frontier is a straight line; ` +
    `Kaplan’s is the flattest (most of the budget goes to parameters). ${m.name} sits at ${formatNumber(r.N, { style: 'suffix' })} parameters and ` +
    `${formatNumber(r.D, { style: 'suffix' })} tokens. At its budget, ${parts.join('; ')}. ` +
    (others.length ? `Also shown: ${others.map((x) => x.name).join(', ')}.` : `No other ${m.family} model is in the ledger.`) +
    ` Laws drawn: ${LAWS.filter((l) => FIGURE_LAWS.includes(l.id)).map((l) => l.label).join('; ')}.`
  );
}
