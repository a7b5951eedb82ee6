/**
 * Pure ordering for the sortable tables of /models/: rows carry a sort value per column (a number, or
 * text), and sorting is stable, numbers before text, text by locale. No DOM.
 */
export type SortValue = number | string;
export type Direction = 'ascending' | 'descending';

/** Compare two cells' sort values: numbers numerically, text by locale, numbers before text. */
export function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

/** The row indices in sorted order (stable: ties keep their original order). */
export function sortOrder(values: readonly SortValue[], direction: Direction): number[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return values
    .map((v, i) => ({ v, i }))
    .sort((x, y) => sign * compareValues(x.v, y.v) || x.i - y.i)
    .map((x) => x.i);
}

/** A cell's sort value from its `data-sort` attribute: a finite number when it parses as one, else the text. */
export function parseSortValue(raw: string): SortValue {
  const t = raw.trim();
  const n = t === '' ? Number.NaN : Number(t);
  return Number.isFinite(n) ? n : t;
}

/** Does a row's text match the filter? Case-insensitive; every whitespace-separated word must occur. */
export function matchesFilter(rowText: string, query: string): boolean {
  const haystack = rowText.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
