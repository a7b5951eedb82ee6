/**
 * Benchmark (not a test) of the fit calculator in Chromium on the built site: wall time of the
 * 4,500-start grid fit of Epoch AI's 240 points (screened, L-BFGS from the best 64; worker start-up
 * included) and of 1,000 bootstrap refits, with one worker per core and with one worker; the longest
 * main-thread task while fitting (PerformanceObserver "longtask"). Prints markdown for
 * docs/benchmarks-fit.md. Usage: npx astro build && node scripts/bench-fit-browser.mjs [--runs 3]
 */
import { cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { serveDist } from './static-server.mjs';
import { launchBrowser } from './browser.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 3;
const server = await serveDist('dist');
const browser = await launchBrowser();

async function once(query) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.url}/calculators/fit/${query}`);
  await page.waitForFunction(() => /^Done|failed/.test(document.querySelector('[data-status]')?.textContent ?? ''), null, { timeout: 600_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON' }).click()]);
  const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const longest = await page.evaluate(() => {
    const start = performance.getEntriesByName('fit:start').at(-1)?.startTime ?? 0;
    const end = performance.getEntriesByName('fit:computed').at(-1)?.startTime ?? Infinity;
    return Math.max(0, ...window.__longtasks.filter((t) => t.start >= start && t.start < end).map((t) => t.duration));
  });
  await context.close();
  return { json, longest };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const rows = [];
for (const [label, query, key] of [
  ['grid fit, 4,500 starts screened, L-BFGS from the best 64', '?src=epoch&method=huber&boot=0', 'fit'],
  ['1,000 bootstrap refits (summed Huber, from the estimate)', '?src=epoch&method=huber&boot=1000&seed=42', 'bootstrap'],
  ['variable projection fit (32 × 32 grid + L-BFGS)', '?src=epoch&method=varpro&boot=0', 'fit'],
  ['1,000 bootstrap refits (variable projection)', '?src=epoch&method=varpro&boot=1000&seed=42', 'bootstrap'],
]) {
  const cells = [];
  for (const workers of [null, 1]) {
    const q = workers ? `${query}&workers=${workers}` : query;
    const results = [];
    for (let i = 0; i < RUNS; i++) results.push(await once(q));
    const secs = results.map((r) => r.json.timing[key]);
    const count = results[0].json.timing.workers;
    cells.push(`${median(secs).toFixed(2)} s (${count} worker${count === 1 ? '' : 's'}; runs ${secs.map((s) => s.toFixed(2)).join(', ')})`);
    if (!workers) cells.push(`${Math.round(Math.max(...results.map((r) => r.longest)))} ms`);
    if (!workers && key === 'fit' && query.includes('huber')) cells.push(`objective ${results[0].json.objective.toPrecision(11)}`);
    else if (!workers) cells.push('');
  }
  rows.push(`| ${label} | ${cells[0]} | ${cells[1]} | ${cells[3]} | ${cells[2]} |`);
}
console.log(`### In Chromium (scripts/bench-fit-browser.mjs)

Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; Chromium headless; navigator.hardwareConcurrency workers (and \`?workers=1\`). Wall time from pressing Fit to the result, worker start-up included; median of ${RUNS}. "Longest task" is the longest main-thread task (PerformanceObserver longtask, ≥ 50 ms reported) between the start of the fit and its result, before the figures are drawn.

| task | all cores | one worker | | longest main-thread task |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`);
await browser.close();
await server.close();
