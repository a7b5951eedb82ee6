/** Compute converter, browser half for the kit (no figure). */
export { compute } from './state.ts';
