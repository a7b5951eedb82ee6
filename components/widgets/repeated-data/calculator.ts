/** Repeated data, browser half for the kit. */
export { compute } from './state.ts';
export const loadFigure = () => import('./figure.ts');
