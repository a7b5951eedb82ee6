/** Budget → model and data, browser half for the kit: `compute` and the lazily loaded figure. */
export { compute } from './state.ts';
export const loadFigure = () => import('./figure.ts');
