/**
 * Every calculator the kit can mount, by `data-widget` name. Each entry is a dynamic import, so a page
 * loads only the calculator it shows, and only when the reader interacts (or the URL asks for a state).
 */
import type { Loader } from './controller.ts';

export const calculators: Readonly<Record<string, Loader>> = Object.assign(Object.create(null), {
  'ln-explorer': () => import('../ln-explorer/calculator.ts'),
  budget: () => import('../budget/calculator.ts'),
  converter: () => import('../converter/calculator.ts'),
  kx: () => import('../kx/calculator.ts'),
} satisfies Record<string, Loader>);
