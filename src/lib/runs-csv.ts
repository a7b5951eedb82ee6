/**
 * A reader's training runs as CSV → (N, D, loss) points for the fit page. Every cell becomes a number
 * through `parseQuantity` (validate.ts, the one place reader input becomes numbers); every problem is
 * one message naming the line and the column. Never throws. Pure, no DOM.
 *
 * Columns (header names case-insensitive; text in parentheses is ignored, e.g. "loss (nats/token)"):
 * N (parameters), D (training tokens) or C (training compute, FLOP; then D = C / 6N, Hoffmann et al.
 * 2022 §2's C ≈ 6ND), loss (nats per token), and optionally group (an IsoFLOP label). Separator:
 * comma, semicolon or tab, taken from the header line. Lines starting with # are comments.
 */
import { parseQuantity, type FieldSpec } from './validate.ts';
import type { LossPoint } from './fit.ts';

/** A run read from the CSV, with the line it came from and its IsoFLOP group (if any). */
export interface Run extends LossPoint {
  /** 1-based line number in the text. */
  line: number;
  /** IsoFLOP group label: the `group` column, or the exact C value when C was given. */
  group?: string;
  /** C when the file gave it (FLOP). */
  C?: number;
}

export type RunsParse =
  | { ok: true; runs: Run[]; columns: { N: string; D?: string; C?: string; loss: string; group?: string }; grouped: boolean; notes: string[] }
  | { ok: false; message: string; line?: number; column?: number };

/** Longest text read (characters): room for 20,000 rows of long numbers. */
export const MAX_CSV_CHARS = 4_000_000;
/** Most data rows accepted (the fit and 1,000 bootstrap refits stay within minutes). */
export const MAX_ROWS = 20_000;
/** Fewest rows: five constants need more points than five (Hoffmann Eq. 2). */
export const MIN_ROWS = 6;

const HEADER_NAMES: Readonly<Record<'N' | 'D' | 'C' | 'loss' | 'group', readonly string[]>> = {
  N: ['n', 'params', 'parameters', 'model size', 'model_size', 'n_params', 'num_params'],
  D: ['d', 'tokens', 'training tokens', 'training_tokens', 'n_tokens', 'data'],
  C: ['c', 'flop', 'flops', 'compute', 'training flop', 'training flops', 'training_flop', 'budget'],
  loss: ['loss', 'l', 'final loss', 'final_loss', 'eval loss', 'eval_loss'],
  group: ['group', 'isoflop', 'isoflop group'],
};

const SPECS: Readonly<Record<'N' | 'D' | 'C' | 'loss', FieldSpec>> = {
  N: { noun: 'parameters', min: 1, max: 1e16, example: '7e7 or 70M' },
  D: { noun: 'training tokens', min: 1, max: 1e17, example: '1.4e12 or 1.4T' },
  C: { noun: 'FLOP of training compute', min: 1, max: 1e32, example: '5.76e23' },
  loss: { noun: 'nats per token of loss', min: 1e-6, max: 100, example: '2.91' },
};

function normaliseHeader(cell: string): string {
  return cell.replace(/\([^)]*\)|\[[^\]]*\]/g, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Split one CSV line; fields may be double-quoted ("" inside quotes is a quote). */
export function splitCsvLine(line: string, sep: string): { cells: string[] } | { error: string; column: number } {
  const cells: string[] = [];
  let i = 0;
  while (true) {
    if (line[i] === '"') {
      let cell = '';
      i++;
      while (true) {
        if (i >= line.length) return { error: 'a quoted field is not closed', column: cells.length + 1 };
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += line[i++];
      }
      cells.push(cell.trim());
      while (line[i] === ' ') i++;
      if (i >= line.length) return { cells };
      if (line[i] !== sep) return { error: 'text after a closing quote', column: cells.length };
      i++;
    } else {
      const j = line.indexOf(sep, i);
      if (j < 0) {
        cells.push(line.slice(i).trim());
        return { cells };
      }
      cells.push(line.slice(i, j).trim());
      i = j + 1;
    }
  }
}

/** Plain-text quote of a cell for a message (at most 30 characters). */
function quote(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > 30 ? `“${flat.slice(0, 30)}…”` : `“${flat}”`;
}

/**
 * Read runs from CSV text. On success: the runs (D derived from C when only C is given), the header
 * names used, whether IsoFLOP groups were found, and notes (e.g. "D was computed from C"). On failure:
 * one message that names the line and column, plus both numbers for the page to point at.
 */
export function parseRunsCsv(text: string): RunsParse {
  // Count lines only as far as the limit, so a huge paste is refused without being split.
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0 && count <= MAX_ROWS + 1000; at = text.indexOf('\n', at + 1)) count++;
  if (count > MAX_ROWS + 1000) {
    const total = text.length <= 100_000_000 ? (text.match(/\n/g)?.length ?? 0) : count;
    return { ok: false, message: `The data have ${total > count ? total.toLocaleString('en-US') : `more than ${count.toLocaleString('en-US')}`} lines; this page fits at most ${MAX_ROWS.toLocaleString('en-US')} rows.` };
  }
  if (text.length > MAX_CSV_CHARS) {
    return { ok: false, message: `The data are ${(text.length / 1e6).toFixed(1)} million characters long; this page reads at most ${MAX_CSV_CHARS / 1e6} million (about ${MAX_ROWS.toLocaleString('en-US')} rows).` };
  }
  const lines = text.split(/\r\n|\n|\r/);
  let headerAt = lines.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (headerAt < 0) return { ok: false, message: 'The data are empty: expected a header line such as “N,D,loss” and at least 6 rows.' };
  const dataLines = lines.length - headerAt - 1;
  if (dataLines > MAX_ROWS + 1000) {
    return { ok: false, message: `The data have ${dataLines.toLocaleString('en-US')} lines; this page fits at most ${MAX_ROWS.toLocaleString('en-US')} rows.` };
  }
  const header = lines[headerAt]!;
  const sep = header.includes('\t') ? '\t' : header.includes(';') && !header.includes(',') ? ';' : ',';
  const split = splitCsvLine(header, sep);
  if ('error' in split) return { ok: false, message: `Line ${headerAt + 1}, column ${split.column}: ${split.error}.`, line: headerAt + 1, column: split.column };
  const names = split.cells.map(normaliseHeader);
  const find = (key: keyof typeof HEADER_NAMES): number => names.findIndex((h) => HEADER_NAMES[key].includes(h));
  const col = { N: find('N'), D: find('D'), C: find('C'), loss: find('loss'), group: find('group') };
  const missing: string[] = [];
  if (col.N < 0) missing.push('N (parameters)');
  if (col.D < 0 && col.C < 0) missing.push('D (tokens) or C (FLOP)');
  if (col.loss < 0) missing.push('loss (nats per token)');
  if (missing.length) {
    const shown = split.cells.slice(0, 8).map(quote).join(', ');
    return { ok: false, message: `Line ${headerAt + 1} (the header): no column for ${missing.join(', ')}. The header reads ${shown}; expected names such as N, D, C, loss (any case).`, line: headerAt + 1 };
  }
  const runs: Run[] = [];
  const seen = new Map<string, number>();
  const used = [col.N, col.D, col.C, col.loss].filter((i) => i >= 0);
  for (let li = headerAt + 1; li < lines.length; li++) {
    const raw = lines[li]!;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const line = li + 1;
    const cells = splitCsvLine(raw, sep);
    if ('error' in cells) return { ok: false, message: `Line ${line}, column ${cells.column}: ${cells.error}.`, line, column: cells.column };
    const need = Math.max(...used) + 1;
    if (cells.cells.length < need) {
      return { ok: false, message: `Line ${line}: ${cells.cells.length} column${cells.cells.length === 1 ? '' : 's'}, but the header has ${split.cells.length}; column ${cells.cells.length + 1} (${split.cells[cells.cells.length] ?? ''}) is missing.`, line, column: cells.cells.length + 1 };
    }
    const value = (key: 'N' | 'D' | 'C' | 'loss'): number | { message: string; line: number; column: number } => {
      const i = col[key];
      const r = parseQuantity(cells.cells[i], SPECS[key]);
      if (r.ok) return r.value;
      return { message: `Line ${line}, column ${i + 1} (${split.cells[i]}): ${r.message}`, line, column: i + 1 };
    };
    const N = value('N');
    if (typeof N !== 'number') return { ok: false, ...N };
    const loss = value('loss');
    if (typeof loss !== 'number') return { ok: false, ...loss };
    let D: number;
    let C: number | undefined;
    if (col.C >= 0) {
      const c = value('C');
      if (typeof c !== 'number') return { ok: false, ...c };
      C = c;
    }
    if (col.D >= 0) {
      const d = value('D');
      if (typeof d !== 'number') return { ok: false, ...d };
      D = d;
    } else {
      D = C! / (6 * N);
      if (!(D >= 1)) return { ok: false, message: `Line ${line}, column ${col.C + 1} (${split.cells[col.C]}): C / (6N) is below one token; check the units (C in FLOP, N in parameters).`, line, column: col.C + 1 };
    }
    const key = `${N}|${D}|${loss}`;
    const prev = seen.get(key);
    if (prev !== undefined) return { ok: false, message: `Line ${line} repeats line ${prev} (same N, D and loss). Remove the duplicate: a repeated run would count twice in the fit.`, line };
    seen.set(key, line);
    const group = col.group >= 0 ? cells.cells[col.group]?.slice(0, 40) || undefined : C !== undefined ? String(C) : undefined;
    runs.push({ N, D, loss, line, ...(C === undefined ? {} : { C }), ...(group === undefined ? {} : { group }) });
    if (runs.length > MAX_ROWS) return { ok: false, message: `More than ${MAX_ROWS.toLocaleString('en-US')} rows (line ${line}); this page fits at most ${MAX_ROWS.toLocaleString('en-US')}.`, line };
  }
  if (runs.length < MIN_ROWS) {
    return { ok: false, message: `Only ${runs.length} row${runs.length === 1 ? '' : 's'} of data; fitting five constants (E, A, B, α, β) needs at least ${MIN_ROWS}.` };
  }
  const notes: string[] = [];
  if (col.D < 0) notes.push('D was computed from C as D = C / (6N).');
  if (new Set(runs.map((r) => r.N)).size < 2) notes.push('Every run has the same N, so α and A cannot be told apart from E: expect wide intervals.');
  if (new Set(runs.map((r) => r.D)).size < 2) notes.push('Every run has the same D, so β and B cannot be told apart from E: expect wide intervals.');
  // IsoFLOP groups: an explicit column, or exact C values shared by at least 3 runs each (2–30 groups).
  const counts = new Map<string, number>();
  for (const r of runs) if (r.group !== undefined) counts.set(r.group, (counts.get(r.group) ?? 0) + 1);
  const grouped = counts.size >= 2 && counts.size <= 30 && [...counts.values()].every((c) => c >= 3);
  if (!grouped) for (const r of runs) delete r.group;
  const colName = (i: number) => (i >= 0 ? split.cells[i] : undefined);
  return {
    ok: true,
    runs,
    columns: { N: colName(col.N)!, loss: colName(col.loss)!, ...(col.D >= 0 ? { D: colName(col.D)! } : {}), ...(col.C >= 0 ? { C: colName(col.C)! } : {}), ...(col.group >= 0 ? { group: colName(col.group)! } : {}) },
    grouped,
    notes,
  };
}

/** Runs as CSV text (N, D, loss and group when present) — the form links and downloads use. */
export function runsToCsv(runs: readonly Pick<Run, 'N' | 'D' | 'loss' | 'group'>[]): string {
  const grouped = runs.some((r) => r.group !== undefined);
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = runs.map((r) => [String(r.N), String(r.D), String(r.loss), ...(grouped ? [esc(r.group ?? '')] : [])].join(','));
  return [grouped ? 'N,D,loss,group' : 'N,D,loss', ...rows].join('\n');
}
