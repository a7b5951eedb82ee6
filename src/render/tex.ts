/**
 * Build-time TeX rendering. Strict: unknown commands or bad TeX throw, so the build fails instead of
 * publishing a red error box. Output carries MathML for screen readers and HTML for the eye.
 */
import katex from 'katex';

/** Render display or inline TeX to HTML + MathML. Throws on any TeX error. */
export function renderTex(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, output: 'htmlAndMathml', throwOnError: true, strict: 'error' });
}

/**
 * The prefixes of public anchors: equations, derivation steps, figures, and the misreadings of the
 * common-misreadings chapter ("misreading-m4"). Keep in step with ANCHOR_ID in
 * src/integrations/published-ids.mjs and tests/dist/published-anchors.test.ts.
 */
export const ANCHOR_PREFIXES = ['eq', 'step', 'fig', 'misreading'] as const;
export type AnchorPrefix = (typeof ANCHOR_PREFIXES)[number];

/** Public anchors are kebab-case with a fixed prefix: "eq-kaplan-loss-n", "step-…", "fig-…". */
export function assertAnchorId(id: string, prefix: AnchorPrefix): void {
  if (!new RegExp(`^${prefix}-[a-z0-9]+(-[a-z0-9]+)*$`).test(id))
    throw new Error(`Anchor id "${id}": expected kebab-case starting with "${prefix}-"`);
}
