/**
 * Loss landscape, browser half for the kit: `compute`, the lazily loaded figure, and `enhance` — a
 * click on the figure moves the point there, and the figure (focusable once this loads) takes arrow
 * keys: ←/→ move N, ↑/↓ move D by a tenth of a decade (Shift: half a decade). The new point goes
 * through the kit like typed values (fields, URL, the aria-live summary).
 */
import type { KitHandle } from '../kit/types.ts';
import { BIG_STEP, BOX, fromPixel, heightFor, MARGIN, STEP, stepLog } from './layout.ts';
import type { LandscapeState } from './state.ts';

export { compute } from './state.ts';
export const loadFigure = () => import('./figure.ts');

const KEYS: Readonly<Record<string, { field: 'N' | 'D'; sign: 1 | -1 }>> = {
  ArrowRight: { field: 'N', sign: 1 },
  ArrowLeft: { field: 'N', sign: -1 },
  ArrowUp: { field: 'D', sign: 1 },
  ArrowDown: { field: 'D', sign: -1 },
};

export function enhance(form: HTMLFormElement, kit: KitHandle<LandscapeState>): void {
  const pad = form.querySelector<HTMLElement>('[data-plot="loss-landscape"]');
  if (!pad) return;
  pad.tabIndex = 0;
  pad.setAttribute('role', 'application');
  pad.setAttribute('aria-label', 'Loss landscape: choose the point (N, D) with the arrow keys');
  const help = form.querySelector<HTMLElement>('[data-landscape-help]');
  if (help?.id) pad.setAttribute('aria-describedby', help.id);

  pad.addEventListener('keydown', (event) => {
    const key = KEYS[event.key];
    if (!key || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const s = kit.state();
    const decades = key.sign * (event.shiftKey ? BIG_STEP : STEP);
    if (key.field === 'N') kit.set({ N: stepLog(s.N, decades, BOX.Nmin, BOX.Nmax) });
    else kit.set({ D: stepLog(s.D, decades, BOX.Dmin, BOX.Dmax) });
  });

  pad.addEventListener('click', (event) => {
    const svg = pad.querySelector('svg');
    if (!svg) return;
    const rect = svg.getBoundingClientRect();
    const width = svg.viewBox.baseVal?.width || rect.width;
    if (!(rect.width > 0 && width > 0)) return;
    const scale = width / rect.width;
    const x = (event.clientX - rect.left) * scale;
    const y = (event.clientY - rect.top) * scale;
    const h = heightFor(width);
    if (x < MARGIN.left || x > width - MARGIN.right || y < MARGIN.top || y > h - MARGIN.bottom) return; // on an axis, not in the plot
    const p = fromPixel(x, y, width);
    kit.set({ N: Number(p.N.toPrecision(3)), D: Number(p.D.toPrecision(3)) });
    pad.focus({ preventScroll: true });
  });
}
