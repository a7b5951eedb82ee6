/** Settings shared by the build's static fit and the browser (kept apart from controller.ts so the build does not import worker code). */
/** Starts refined after the screen of the 4,500-start grid (fit.ts `fitHuberGrid` `refine`). */
export const REFINE_AT_BUILD = 64;
