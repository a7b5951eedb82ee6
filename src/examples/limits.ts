/** Output limits of one example run, shared by the runner and the page (kept apart so the page's editor does not load the transpiler). */
export const OUTPUT_LIMITS = Object.freeze({ lines: 1000, chars: 100_000 });
