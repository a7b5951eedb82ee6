/**
 * Benchmark (not a test) of site search on the built site: bytes fetched on first use (UI script,
 * Pagefind's runtime, WebAssembly and index chunks) and time to first results, cold (first query
 * of a page view) and warm (a later query), in Chromium. Writes docs/benchmarks-search.md.
 * Usage: npm run build && node_modules/.bin/node scripts/bench-search.mjs
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { serveDist } from './static-server.mjs';
import { launchBrowser } from './browser.mjs';

const CHAPTER = '/chapters/loss-vs-model-size/';
const RUNS = 15;
const server = await serveDist('dist');
const browser = await launchBrowser();

async function once() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on('response', async (res) => {
    const url = res.url();
    if (url.includes('/pagefind/') || url.includes('/scripts/search.js')) {
      const body = await res.body().catch(() => Buffer.alloc(0));
      fetched.push({ url, bytes: body.length, gzip: /\.(js|json)$/.test(url) ? gzipSync(body).length : body.length });
    }
  });
  await page.goto(server.url + CHAPTER, { waitUntil: 'networkidle' });
  const before = fetched.length;
  const time = (query) =>
    page.evaluate(async (q) => {
      const input = document.getElementById('site-search-input');
      const results = document.getElementById('site-search-results');
      input.focus();
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      while (results.querySelector('a')) await new Promise((r) => setTimeout(r, 5));
      const start = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      for (;;) {
        if (results.querySelector('a')) return performance.now() - start;
        await new Promise((r) => setTimeout(r, 5));
      }
    }, query);
  const cold = await time('Eq. 1.1');
  await page.waitForLoadState('networkidle');
  const bytes = fetched.reduce((n, f) => n + f.bytes, 0);
  const gzip = fetched.reduce((n, f) => n + f.gzip, 0);
  const warm = await time('doubling');
  await context.close();
  return { before, cold, warm, bytes, gzip, files: fetched.length };
}

const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await once());
await browser.close();
await server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))];
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const r = runs[0];
const md = `# Search benchmark

Measured by \`scripts/bench-search.mjs\` on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version},
Debian Chromium headless, the built site served on loopback (no network latency; no HTTP compression, so
JavaScript and JSON are also given gzipped as a host would send them). ${RUNS} fresh page views.

| measure | value |
| --- | --- |
| requests for search before first use | ${r.before} |
| files fetched on first use | ${r.files} |
| bytes fetched on first use (as served) | ${kb(r.bytes)} |
| bytes on first use with JS/JSON gzipped | ${kb(r.gzip)} |
| time to first results, first query (loads UI, runtime, index), median / p95 | ${median(runs.map((x) => x.cold)).toFixed(0)} ms / ${p95(runs.map((x) => x.cold)).toFixed(0)} ms |
| time to first results, later query, median / p95 | ${median(runs.map((x) => x.warm)).toFixed(0)} ms / ${p95(runs.map((x) => x.warm)).toFixed(0)} ms |

Times run from the query's \`input\` event (results cleared first) to the first result link in the page; they include
the UI's 120 ms debounce. The site's
pages grow; re-run after adding chapters.
`;
writeFileSync('docs/benchmarks-search.md', md);
console.log(md);
