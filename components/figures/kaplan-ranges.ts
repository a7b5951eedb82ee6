/**
 * Kaplan et al. 2020, §1.2 and §3: how many orders of magnitude each fitted variable spans. N and D
 * from the end points of §3; C_min from the span §1.2 states (the paper prints no end points for it).
 */
import * as Plot from '@observablehq/plot';
import { formatExact, formatNumber, ordersOfMagnitude } from '../../src/lib/units.ts';
import { frame } from './common.ts';

/** The ranges of the setup fixture (`kaplan-2020-setup`). */
export interface StudiedRanges {
  NminStudied: number;
  NmaxStudied: number;
  DminStudied: number;
  DmaxStudied: number;
  /** Orders of magnitude of C_min as stated in §1.2. */
  ordersCmin: number;
}

export const RANGES_CAPTION =
  'Orders of magnitude spanned by the model sizes, dataset sizes and compute budgets behind Kaplan et al.’s fits (§1.2, §3).';

interface Bar {
  variable: string;
  orders: number;
  label: string;
}

function bars(r: StudiedRanges): Bar[] {
  return [
    {
      variable: 'Compute C_min',
      orders: r.ordersCmin,
      label: `${formatNumber(r.ordersCmin)} (as stated; no end points printed)`,
    },
    {
      variable: 'Parameters N',
      orders: ordersOfMagnitude(r.NminStudied, r.NmaxStudied),
      label: `${formatExact(r.NminStudied)} to ${formatExact(r.NmaxStudied)} parameters`,
    },
    {
      variable: 'Tokens D',
      orders: ordersOfMagnitude(r.DminStudied, r.DmaxStudied),
      label: `${formatExact(r.DminStudied)} to ${formatExact(r.DmaxStudied)} tokens`,
    },
  ];
}

export function rangesOptions(r: StudiedRanges): Plot.PlotOptions {
  const data = bars(r);
  return frame({
    height: 200,
    marginLeft: 128,
    x: { label: 'Orders of magnitude spanned →', domain: [0, Math.ceil(Math.max(...data.map((d) => d.orders)))], grid: true },
    y: { label: null, domain: data.map((d) => d.variable) },
    marks: [
      Plot.barX(data, { y: 'variable', x: 'orders', fill: 'currentColor', className: 'accent', fillOpacity: 0.35 }),
      Plot.text(data, { y: 'variable', x: 0, text: 'label', textAnchor: 'start', dx: 6, fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
  });
}

export function rangesDescription(r: StudiedRanges): string {
  return bars(r)
    .map((b) => `${b.variable}: ${formatNumber(b.orders, { sig: 2 })} orders of magnitude (${b.label}).`)
    .join(' ');
}
