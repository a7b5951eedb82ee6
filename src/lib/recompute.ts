/**
 * "Printed vs recomputed": a paper table (content/data/tables/) with our recomputation beside every
 * number, the relative difference, and whether it agrees within the printed precision. Rules:
 *  - C = 6ND (Kaplan §2.1; Hoffmann §3.3 and App. F): each of N, D and C recomputed from the other
 *    two printed columns, for every `C=6ND` check the table declares;
 *  - "Gopher unit" = FLOPs / Gopher's budget (Hoffmann Table 3);
 *  - any other rule a page passes (e.g. Hoffmann Eq. 4 with a constant set).
 * Pure: reads a validated Table, returns plain data for a component to render.
 */
import type { NumberCell, RowNote, Table } from './schema/tables.ts';

const SCALE: Record<string, number> = { million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * The value a printed table number stands for and half a unit in its last printed digit:
 * "1.92e+19" → [1.92e19, 0.005e19], "8.0 Billion" → [8e9, 0.05e9], "1/29,968" → [1/29968, ½ of a
 * unit in the denominator], "17.2" → [17.2, 0.05]. Throws on a form it does not know.
 */
export function readPrinted(printed: string): { value: number; halfUnit: number } {
  const s = printed.trim();
  let m: RegExpExecArray | null;
  const half = (mantissa: string, scale: number) => {
    const decimals = mantissa.includes('.') ? mantissa.split('.')[1]!.length : 0;
    return 0.5 * 10 ** -decimals * scale;
  };
  if ((m = /^1\/([\d,]+)$/.exec(s))) {
    const d = Number(m[1]!.replace(/,/g, ''));
    return { value: 1 / d, halfUnit: 1 / (d - 0.5) - 1 / d };
  }
  if ((m = /^(\d+(?:\.\d+)?)[eE]([+-]?\d+)$/.exec(s))) {
    const scale = 10 ** Number(m[2]);
    return { value: Number(m[1]) * scale, halfUnit: half(m[1]!, scale) };
  }
  if ((m = /^(\d+(?:\.\d+)?)\s+(million|billion|trillion)$/i.exec(s))) {
    const scale = SCALE[m[2]!.toLowerCase()]!;
    return { value: Number(m[1]) * scale, halfUnit: half(m[1]!, scale) };
  }
  if ((m = /^(\d+(?:\.\d+)?)$/.exec(s))) return { value: Number(m[1]), halfUnit: half(m[1]!, 1) };
  throw new RangeError(`readPrinted: cannot read "${printed}" as a printed number`);
}

/** One recomputation of a cell. */
export interface RecomputeRule {
  /** Column the rule recomputes. */
  column: string;
  /** How, in words and symbols: "C/(6D)", "Eq. (4), TeX-source constants". */
  label: string;
  /** Printed columns the rule reads. */
  inputs: readonly string[];
  /** Compute from the row's printed values (by column key). */
  compute: (values: Readonly<Record<string, number>>) => number;
  /**
   * Whether "agrees" is judged against the printed precision (default true). False for rules that
   * are not expected to reproduce the column (another method, another constant set).
   */
  judge?: boolean;
}

/** A recomputed value beside the printed one. */
export interface Recomputed {
  label: string;
  value: number;
  /** (ours − printed) / printed. */
  relDiff: number;
  /** Within the printed precision of the cell and of the inputs; undefined when not judged. */
  agrees?: boolean;
}

export interface ComparedCell {
  column: string;
  printed: string;
  value: number;
  ours: Recomputed[];
  /** Row notes of the fixture that name this column. */
  notes: RowNote[];
}

export interface ComparedRow {
  id?: string;
  cells: ComparedCell[];
  notes: RowNote[];
}

export interface ComparedTable {
  id: string;
  location: string;
  columns: Table['columns'];
  rows: ComparedRow[];
}

/** The three C = 6ND rules of each check the table declares (Hoffmann §3.3: FLOPs(N, D) ≈ 6ND). */
export function sixNDRules(table: Pick<Table, 'checks'>): RecomputeRule[] {
  return table.checks.flatMap((c) => {
    const suffix = table.checks.length > 1 ? `, ${c.label}` : '';
    return [
      { column: c.parameters, label: `C/(6D)${suffix}`, inputs: [c.flops, c.tokens], compute: (v) => v[c.flops]! / (6 * v[c.tokens]!) },
      { column: c.tokens, label: 'C/(6N)', inputs: [c.flops, c.parameters], compute: (v) => v[c.flops]! / (6 * v[c.parameters]!) },
      { column: c.flops, label: '6ND', inputs: [c.parameters, c.tokens], compute: (v) => 6 * v[c.parameters]! * v[c.tokens]! },
    ];
  });
}

/** Recompute every number cell of a table with the given rules. Text cells are not tables' numbers here and are refused. */
export function compareTable(table: Table, rules: readonly RecomputeRule[]): ComparedTable {
  for (const r of rules) if (!table.columns.some((c) => c.key === r.column)) throw new Error(`compareTable: ${table.id} has no column "${r.column}"`);
  const rows = table.rows.map((row) => {
    const printed: Record<string, NumberCell> = {};
    for (const [k, cell] of Object.entries(row.cells)) {
      if (!('value' in cell)) throw new Error(`compareTable: ${table.id} row ${row.id ?? '?'} column ${k} is not a number cell`);
      printed[k] = cell;
    }
    const values = Object.fromEntries(Object.entries(printed).map(([k, c]) => [k, c.value]));
    const cells = table.columns.map((col): ComparedCell => {
      const cell = printed[col.key]!;
      const own = readPrinted(cell.printed);
      const ours = rules
        .filter((r) => r.column === col.key)
        .map((r): Recomputed => {
          const value = r.compute(values);
          if (!Number.isFinite(value)) throw new RangeError(`compareTable: ${table.id} row ${row.id ?? '?'}: "${r.label}" gave ${value}`);
          const relDiff = (value - cell.value) / cell.value;
          if (r.judge === false) return { label: r.label, value, relDiff };
          // Relative rounding of the inputs carries into the result (products and quotients of them).
          const inputRel = r.inputs.reduce((s, k) => s + readPrinted(printed[k]!.printed).halfUnit / printed[k]!.value, 0);
          const tolerance = own.halfUnit + Math.abs(value) * inputRel;
          return { label: r.label, value, relDiff, agrees: Math.abs(value - cell.value) <= tolerance * (1 + 1e-9) };
        });
      return { column: col.key, printed: cell.printed, value: cell.value, ours, notes: row.notes.filter((n) => n.columns.includes(col.key)) };
    });
    return { ...(row.id ? { id: row.id } : {}), cells, notes: row.notes };
  });
  return { id: table.id, location: table.location, columns: table.columns, rows };
}
