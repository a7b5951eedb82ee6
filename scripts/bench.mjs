/**
 * Benchmark (not a test): cold build time, JavaScript a reader downloads (gzip) on a chapter page
 * before and after the first interaction and on a page without widgets, and the L(N) explorer's
 * input-to-render latency (p50/p95 over 50 changes) in Chromium. Writes docs/benchmarks.md.
 * Usage: npm run bench   (builds the site itself)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { serveDist } from './static-server.mjs';
import { launchBrowser } from './browser.mjs';

const CHAPTER = '/chapters/loss-vs-model-size/';
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

rmSync('dist', { recursive: true, force: true });
rmSync('node_modules/.astro', { recursive: true, force: true });
rmSync('.astro', { recursive: true, force: true });
const t0 = performance.now();
const build = spawnSync('npx', ['astro', 'build'], { env, stdio: 'ignore' });
const buildSeconds = (performance.now() - t0) / 1000;
if (build.status !== 0) throw new Error('astro build failed');

const server = await serveDist('dist');
const kb = (b) => `${(b / 1024).toFixed(2)} KB (${b} B)`;
const browser = await launchBrowser();

/** Load a page and collect the gzip size of every script it fetches, before and after `interact`. */
async function scriptBytes(path, interact) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  const pending = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    pending.push(res.body().then((body) => bodies.push({ url: res.url(), body }), () => {}));
  });
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  const inlineScripts = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'),
  );
  const gz = (items) => items.reduce((n, b) => n + gzipSync(b.body).length, 0);
  const before = gz(bodies) + gzipSync(inlineScripts).length;
  let after = before;
  if (interact) {
    const count = bodies.length;
    await interact(page);
    for (let waited = 0; bodies.length === count && waited < 10_000; waited += 50) await page.waitForTimeout(50);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await Promise.all(pending);
    after = gz(bodies) + gzipSync(inlineScripts).length;
  }
  await Promise.all(pending);
  await context.close();
  return { before, after, inline: gzipSync(inlineScripts).length };
}

/**
 * Input-to-render latency of one widget: set `field` to each value and time, from the `input` event,
 * (1) `widget:rendered` — results and figure are in the DOM, the work the input caused — and (2) the
 * next animation frame after it, which adds the wait for the display's next frame (up to ~16.7 ms).
 */
async function latency(path, widget, field, values) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  await page.locator(`form[data-widget="${widget}"] input[name="${field}"]`).focus();
  await page.waitForLoadState('networkidle');
  const times = await page.evaluate(
    async ({ widget, field, values }) => {
      const form = document.querySelector(`form[data-widget="${widget}"]`);
      const input = form.querySelector(`input[name="${field}"]`);
      const out = [];
      for (let i = 0; i < values.length; i++) {
        let rendered = 0;
        const done = new Promise((resolve) =>
          form.addEventListener('widget:rendered', () => {
            rendered = performance.now();
            requestAnimationFrame(() => resolve(performance.now()));
          }, { once: true }),
        );
        const start = performance.now();
        input.value = values[i];
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const frame = await done;
        if (i > 0) out.push([rendered - start, frame - start]);
      }
      return out;
    },
    { widget, field, values },
  );
  await context.close();
  const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
  const rendered = times.map((t) => t[0]);
  const frame = times.map((t) => t[1]);
  return { p50: percentile(rendered, 50), p95: percentile(rendered, 95), frame50: percentile(frame, 50), frame95: percentile(frame, 95) };
}

const values = (make) => Array.from({ length: 51 }, (_, i) => String(make(i)));
const CALCULATORS = [
  { title: 'Budget → model and data', path: '/calculators/budget/', widget: 'budget', field: 'C', values: values((i) => (1 + (i % 9)) * 10 ** (18 + (i % 9))) },
  { title: 'Compute converter', path: '/calculators/compute-converter/', widget: 'converter', field: 'D', values: values((i) => (1 + (i % 9)) * 10 ** (9 + (i % 5))) },
  { title: 'What does k× buy?', path: '/calculators/what-k-buys/', widget: 'kx', field: 'k', values: values((i) => 1.5 + (i % 7) * 10 ** (i % 4)) },
  { title: 'Loss of a training run', path: '/calculators/run-loss/', widget: 'run-loss', field: 'D', values: values((i) => (1 + (i % 9)) * 10 ** (9 + (i % 5))) },
  { title: 'Parameter counter', path: '/calculators/parameter-counter/', widget: 'param-counter', field: 'd', values: values((i) => 512 * (1 + (i % 24))) },
  { title: 'Batch size and steps', path: '/calculators/batch-size/', widget: 'batch-size', field: 'B', values: values((i) => (1 + (i % 9)) * 10 ** (4 + (i % 5))) },
  { title: 'Convergence vs compute-efficient', path: '/calculators/convergence/', widget: 'convergence', field: 'N', values: values((i) => (1 + (i % 9)) * 10 ** (6 + (i % 5))) },
  { title: 'Loss landscape', path: '/calculators/loss-landscape/', widget: 'loss-landscape', field: 'D', values: values((i) => (1 + (i % 9)) * 10 ** (9 + (i % 5))) },
  { title: 'Over-training', path: '/calculators/over-training/', widget: 'over-training', field: 'k', values: values((i) => 1 + (i % 10) * 0.4) },
  { title: 'Overfitting check', path: '/calculators/overfitting/', widget: 'overfitting', field: 'D', values: values((i) => (1 + (i % 9)) * 10 ** (8 + (i % 5))) },
  { title: 'Repeated data', path: '/calculators/repeated-data/', widget: 'repeated-data', field: 'U', values: values((i) => (1 + (i % 9)) * 10 ** (8 + (i % 5))) },
];
const ms = (x) => `${x.toFixed(1)} ms`;
const calculatorRows = [];
for (const c of CALCULATORS) {
  const bytes = await scriptBytes(c.path, (page) => page.locator(`form[data-widget="${c.widget}"] input[name="${c.field}"]`).focus());
  const lat = await latency(c.path, c.widget, c.field, c.values);
  calculatorRows.push(`| ${c.title} (\`${c.path}\`) | ${kb(bytes.before)} | ${kb(bytes.after)} | ${ms(lat.p50)} / ${ms(lat.p95)} | ${ms(lat.frame50)} / ${ms(lat.frame95)} |`);
}

const home = await scriptBytes('/');
const chapter = await scriptBytes(CHAPTER, (page) => page.getByRole('textbox', { name: 'Non-embedding parameters N' }).focus());

const ln = await latency(CHAPTER, 'ln-explorer', 'N', values((i) => (1 + (i % 9)) * 10 ** (4 + (i % 8))));

// Runnable examples: what the loader costs before any interaction (the budget of a page whose only
// script is an example: inline frame scripts + the example loader and its static imports), the bytes
// loaded by the first Run (editor, worker, transpiler, API), and first/later Run latency.
const EXAMPLE = '#ex-kaplan-loss-n-sizes';
const chapterHtml = readFileSync(join('dist', CHAPTER, 'index.html'), 'utf8');
const loaderSrc = /<script type="module" src="([^"]*Example\.astro[^"]*)"/.exec(chapterHtml)?.[1];
if (!loaderSrc) throw new Error('no Example loader script on the chapter');
const loaderFiles = [loaderSrc.replace(/^\//, '')];
for (let i = 0; i < loaderFiles.length; i++) {
  const text = readFileSync(join('dist', loaderFiles[i]), 'utf8');
  for (const m of text.matchAll(/(?:^|[;}\s])import\s*(?:[^'"`()]*?from\s*)?["'`](\.\/[^"'`]+)["'`]/g)) {
    const file = join(dirname(loaderFiles[i]), m[1]);
    if (!loaderFiles.includes(file)) loaderFiles.push(file);
  }
}
const exampleLoaderBytes = loaderFiles.reduce((n, f) => n + gzipSync(readFileSync(join('dist', f))).length, 0);
const examplePageBytes = home.inline + exampleLoaderBytes;

const runContext = await browser.newContext();
const runPage = await runContext.newPage();
await runPage.goto(server.url + CHAPTER, { waitUntil: 'networkidle' });
const runBodies = [];
runContext.on('response', async (res) => {
  const type = res.request().resourceType();
  if (type === 'script' || type === 'other' || type === 'fetch') runBodies.push(await res.body().catch(() => Buffer.alloc(0)));
});
const example = runPage.locator(EXAMPLE);
await example.getByRole('button', { name: 'Edit and run' }).click();
await example.locator('.example-run').waitFor();
const runOnce = () =>
  runPage.evaluate(
    (sel) =>
      new Promise((resolve) => {
        const fig = document.querySelector(sel);
        fig.addEventListener('example:ran', (e) => resolve(e.detail.ms), { once: true });
        fig.querySelector('.example-run').click();
      }),
    EXAMPLE,
  );
const firstRunMs = await runOnce();
await runPage.waitForLoadState('networkidle');
const firstRunBytes = runBodies.reduce((n, b) => n + gzipSync(b).length, 0);
const laterRuns = [];
for (let i = 0; i < 20; i++) {
  await runPage.waitForTimeout(1000); // a reader reads the output before running again; the spare worker starts meanwhile
  laterRuns.push(await runOnce());
}
await runContext.close();
laterRuns.sort((a, b) => a - b);
const runPct = (p) => laterRuns[Math.min(laterRuns.length - 1, Math.floor((p / 100) * laterRuns.length))];

await browser.close();
await server.close();

const date = new Date().toISOString().slice(0, 10);
const md = `# Benchmarks

Measured by \`npm run bench\` (scripts/bench.mjs) on ${date}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}),
Node ${process.version}, Debian Chromium headless. Figures vary from run to run by a few percent.

| measure | value |
| --- | --- |
| cold \`astro build\` (caches removed) | ${buildSeconds.toFixed(1)} s |
| JS on the home page (no widget), gzip | ${kb(home.before)} (inline theme/copy loader only) |
| JS on the L(N) chapter before any interaction, gzip | ${kb(chapter.before)} (loader ${kb(chapter.inline)} + widget controller) |
| JS on the L(N) chapter after the first interaction, gzip | ${kb(chapter.after)} (adds Observable Plot + d3, loaded lazily) |
| L(N) explorer input → rendered, p50 / p95 | ${ms(ln.p50)} / ${ms(ln.p95)} |
| L(N) explorer input → next frame after it, p50 / p95 | ${ms(ln.frame50)} / ${ms(ln.frame95)} |
| JS of a page with an example and no widget, before interaction, gzip (budget 2 KB) | ${kb(examplePageBytes)} (inline ${kb(home.inline)} + example loader ${kb(exampleLoaderBytes)}: ${loaderFiles.map((f) => f.replace(/^.*\//, '')).join(', ')}) |
| bytes loaded by the first Run of an example (after "Edit and run"), gzip | ${kb(firstRunBytes)} (editor controller + worker: Sucrase + the API) |
| first Run latency (click to output, fresh worker, cold cache) | ${firstRunMs.toFixed(0)} ms |
| later Run latency, p50 / p95 of 20, 1 s apart (a fresh, pre-started worker each run) | ${runPct(50).toFixed(0)} / ${runPct(95).toFixed(0)} ms |

Latency: 50 changes of the N field (after one warm-up change), each timed from the \`input\` event to
\`widget:rendered\` (results and figure in the DOM: the work the input causes, the figure the 16 ms target is
for) and to the next animation frame after that (adding the wait for the display's next frame, up to 16.7 ms). Example runs are timed from the Run click to the
\`example:ran\` event (output rendered); each run uses a new Worker (fresh globals); after the first run the page starts
the next one in advance, so later runs pay neither the download nor the start-up.

## Calculators

Each calculator page ships its component's boot script and the widget kit before interaction
(plus the inline theme loader); its \`compute\` module and the one shared Plot chunk load on first
interaction. Latency as above: 50 typed changes of the named field, \`input\` event to
\`widget:rendered\`, and to the frame after it. Load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores when this ended (other jobs inflate latencies; the cold
build time above shows how loaded the machine was).

| calculator | JS before interaction (gzip) | JS after first interaction (gzip) | input → rendered, p50 / p95 | input → next frame, p50 / p95 |
| --- | --- | --- | --- | --- |
${calculatorRows.join('\n')}
`;
writeFileSync('docs/benchmarks.md', md);
console.log(md);
