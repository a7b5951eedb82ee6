/**
 * Progressive enhancement for `table[data-sortable]`: each `th[data-sort-type]` gets a button that
 * sorts the body rows by that column (aria-sort on the th tells assistive technology), and a
 * `[data-filter-for=<table id>]` block (hidden without JavaScript) reveals a labelled input that
 * hides the rows that do not match. Rows carry their sort values in `data-sort` on each cell; text
 * is only ever read and moved, never written as HTML.
 */
import { matchesFilter, parseSortValue, sortOrder, type Direction } from './sort.ts';

function say(text: string): void {
  const announcer = document.getElementById('announcer');
  if (announcer) announcer.textContent = text;
}

export function mountSortableTable(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  if (!body || table.dataset.mounted) return;
  table.dataset.mounted = '';
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];
  headers.forEach((th, column) => {
    if (!th.dataset.sortType) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    while (th.firstChild) button.append(th.firstChild);
    const arrow = document.createElement('span');
    arrow.setAttribute('aria-hidden', 'true');
    arrow.className = 'sort-arrow';
    button.append(arrow);
    th.append(button);
    button.addEventListener('click', () => {
      const direction: Direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      const rows = [...body.rows];
      const values = rows.map((r) => parseSortValue(r.cells[column]?.dataset.sort ?? r.cells[column]?.textContent ?? ''));
      for (const i of sortOrder(values, direction)) body.append(rows[i]!);
      for (const other of headers) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', direction);
      say(`Sorted by ${(button.textContent ?? '').trim()}, ${direction}`);
    });
  });
  const filter = document.querySelector<HTMLElement>(`[data-filter-for="${table.id}"]`);
  const input = filter?.querySelector('input');
  const status = filter?.querySelector<HTMLElement>('[data-filter-status]');
  if (!filter || !input) return;
  filter.hidden = false;
  input.addEventListener('input', () => {
    let shown = 0;
    for (const row of body.rows) {
      const match = matchesFilter(row.textContent ?? '', input.value);
      row.hidden = !match;
      if (match) shown++;
    }
    if (status) status.textContent = `${shown} of ${body.rows.length} shown`;
  });
}
