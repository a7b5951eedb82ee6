/**
 * Build-time code highlighting (Shiki, through Astro's `<Code>`): the two themes, picked per token by
 * `color-scheme` in global.css, and one correction: GitHub Light's comment grey (#6E7781) is 4.4:1 on
 * our background, below WCAG AA, so comments take the site's `--muted` colour instead.
 */
import type { ShikiTransformer } from 'shiki';

export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

const LIGHT_COMMENT = /--shiki-light:#6E7781\b/i;

export const codeTransformers: ShikiTransformer[] = [
  {
    name: 'scaling-ledger:comment-contrast',
    span(node) {
      const style = node.properties.style;
      if (typeof style === 'string' && LIGHT_COMMENT.test(style)) node.properties.style = style.replace(LIGHT_COMMENT, '--shiki-light:var(--muted)');
    },
  },
];
