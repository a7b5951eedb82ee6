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
import siteFiles from './src/integrations/site-files.mjs';
import publishedNumbers from './src/integrations/published-numbers.mjs';
import publicApi from './src/integrations/public-api.mjs';

// Astro 7's default Markdown processor runs no remark/rehype plugins, so math needs the unified
// processor (MDX inherits it). KaTeX renders at build time; no math JavaScript reaches the browser.
// Where the site is published: the one place for its URL and base path. Set SITE_URL (origin, for
// canonical URLs, feeds and the sitemap) and BASE_PATH (e.g. "/scaling-ledger/" for a project page)
// when building for a host; every link, asset, anchor, search index, feed and /lib/ module follows.
const SITE_URL = process.env.SITE_URL ?? 'http://localhost:4321';
const BASE_PATH = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site: SITE_URL,
  base: BASE_PATH,
  // OUT_DIR lets the sub-path test build a second copy beside dist/.
  outDir: process.env.OUT_DIR ?? './dist',
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
  integrations: [mdx(), publicApi(), crossReferences(), searchIndex(), publishedIds(), publishedNumbers(), siteFiles()],
  devToolbar: { enabled: false },
  prefetch: false,
  // Example workers (components/example/worker.ts) are ES modules with their own chunks.
  vite: { worker: { format: 'es' }, build: { modulePreload: false } },
});
