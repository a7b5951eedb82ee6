/**
 * Hoffmann Eq. (4)'s frontier N_opt(C) under each constant set, with the projections the paper prints
 * in Table 3 (Approach 1) and Table A3 (Approaches 2 and 3) as points. Where a row carries a typo note
 * with an `expected` value (Table A3's 1.26e+24), the point is drawn at the expected value.
 */
import * as Plot from '@observablehq/plot';
import { optimalN } from '../../src/lib/chinchilla.ts';
import { logSpace } from '../../src/lib/approaches-redrawn.ts';
import type { Table } from '../../src/lib/schema/tables.ts';
import { FRAME, sciTick, suffixTick, type Series } from './series.ts';

/** One printed projection series: which table columns hold N and C, how to draw it. */
export interface ProjectionSeries {
  label: string;
  table: Table;
  parameters: string;
  flops: string;
  symbol: 'circle' | 'square' | 'triangle';
  className: string;
}

export interface FrontierTablesInput {
  series: readonly Series[];
  projections: readonly ProjectionSeries[];
  range: readonly [number, number];
}

function cellValue(table: Table, row: Table['rows'][number], key: string): number {
  const cell = row.cells[key];
  if (!cell || !('value' in cell)) throw new Error(`frontier-tables: ${table.id} row ${row.id ?? '?'} has no number in "${key}"`);
  const typo = row.notes.find((n) => n.kind === 'typo' && n.columns.includes(key) && n.expected !== undefined);
  return typo?.expected ?? cell.value;
}

/** The printed (C, N) points of a projection series. */
export function projectionPoints(p: ProjectionSeries): { C: number; N: number }[] {
  return p.table.rows.map((row) => ({ C: cellValue(p.table, row, p.flops), N: cellValue(p.table, row, p.parameters) }));
}

export function frontierTablesOptions({ series, projections, range }: FrontierTablesInput): Plot.PlotOptions {
  const Cs = logSpace(range[0], range[1], 50);
  return {
    ...FRAME,
    height: 400,
    marginRight: 40,
    x: { type: 'log', label: 'Training compute C (FLOP) →', tickFormat: sciTick },
    y: { type: 'log', label: '↑ Compute-optimal parameters N', tickFormat: suffixTick, grid: true },
    marks: [
      ...series.map((s) => Plot.line(Cs.map((C) => ({ C, N: optimalN(C, s.c) })), { x: 'C', y: 'N', stroke: 'currentColor', strokeWidth: 2, className: s.className })),
      ...projections.map((p) =>
        Plot.dot(projectionPoints(p), { x: 'C', y: 'N', r: 4.5, symbol: p.symbol, stroke: 'currentColor', strokeWidth: 1.5, fill: 'none', className: p.className }),
      ),
    ],
  };
}

export function frontierTablesDescription({ series, projections, range }: FrontierTablesInput): string {
  const lines = series.map((s) => `${s.label}: ${suffixTick(optimalN(range[0], s.c))} at ${sciTick(range[0])} FLOP to ${suffixTick(optimalN(range[1], s.c))} at ${sciTick(range[1])}`).join('; ');
  const pts = projections
    .map((p) => {
      const ps = projectionPoints(p);
      return `${p.label} (${p.symbol}s), ${ps.length} points from ${suffixTick(ps[0]!.N)} at ${sciTick(ps[0]!.C)} FLOP to ${suffixTick(ps.at(-1)!.N)} at ${sciTick(ps.at(-1)!.C)}`;
    })
    .join('; ');
  return `Log-log plot of compute-optimal model size against training compute. Lines are Eq. (4) under each constant set — ${lines}. Points are the paper's printed projections — ${pts}. At the same compute, Approach 3 picks the smallest models and Approach 1 the largest; the rounded constants' line lies lowest of all.`;
}
