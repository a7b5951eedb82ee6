// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeFailOnKatexError from './src/integrations/rehype-fail-on-katex-error.mjs';
import publishedIds from './src/integrations/published-ids.mjs';
import crossReferences from './src/integrations/cross-references.mjs';
import searchIndex from './src/integrations/search-index.mjs';

// Astro 7's default Markdown processor runs no remark/rehype plugins, so math needs the unified
// processor (MDX inherits it). KaTeX renders at build time; no math JavaScript reaches the browser.
export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml', strict: 'error' }], rehypeFailOnKatexError],
    }),
  },
  // Order matters: cross-references rewrite the built pages (and write anchors.json) before the
  // search index and ids.json read them.
  integrations: [mdx(), crossReferences(), searchIndex(), publishedIds()],
  devToolbar: { enabled: false },
  prefetch: false,
});
