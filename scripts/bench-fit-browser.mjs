/**
 * Benchmark (not a test) of the fit calculator in Chromium on the built site: wall time of the
 * 4,500-start grid fit of Epoch AI's 240 points (screened, L-BFGS from the best 64; worker start-up
 * included) and of 1,000 bootstrap refits, with one worker per core and with one worker; the longest
 * main-thread task while fitting (PerformanceObserver "longtask"). Prints markdown for
 * docs/benchmarks-fit.md. Usage: npx astro build && node scripts/bench-fit-browser.mjs [--runs 3] [--explain]
 */
import { cpus, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { serveDist } from './static-server.mjs';
import { launchBrowser } from './browser.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 3;
/** --explain: also print (to stderr) what each run's longest main-thread task contained. */
const EXPLAIN = args.includes('--explain');
const server = await serveDist('dist');
const browser = await launchBrowser();

async function once(query) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] });
  await page.goto(`${server.url}/calculators/fit/${query}`);
  await page.waitForFunction(() => /^Done|failed/.test(document.querySelector('[data-status]')?.textContent ?? ''), null, { timeout: 600_000 });
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  // CPU time (tdur, thread time) of the longest main-thread task between the marks: unlike wall
  // time, it does not grow when other processes take the CPU away.
  const events = trace.traceEvents ?? trace;
  const mainTid = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  const markTs = (name) => events.filter((e) => e.name === name && e.cat?.includes('user_timing')).map((e) => e.ts).at(-1);
  const [from, to] = [markTs('fit:start'), markTs('fit:computed')];
  const tasks = events.filter((e) => /RunTask$/.test(e.name) && e.tid === mainTid && e.ph === 'X' && from !== undefined && to !== undefined && e.ts >= from && e.ts < to);
  if (EXPLAIN) {
    // What the longest task did: the trace events nested inside it, longest first.
    const longest = tasks.reduce((a, b) => ((b.tdur ?? 0) > (a?.tdur ?? -1) ? b : a), undefined);
    if (longest) {
      const inner = events.filter((e) => e.tid === mainTid && e.ph === 'X' && e !== longest && e.ts >= longest.ts && e.ts + (e.dur ?? 0) <= longest.ts + longest.dur);
      console.error(`${query}: longest task ${(longest.tdur / 1000).toFixed(1)} ms CPU, ${((longest.ts - from) / 1000).toFixed(0)} ms after fit:start:`);
      for (const e of inner.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 6)) console.error(`    ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms`);
    }
  }
  const cpu = Math.max(0, ...tasks.map((e) => (e.tdur ?? 0) / 1000));
  const wall = Math.max(0, ...tasks.map((e) => (e.dur ?? 0) / 1000));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON' }).click()]);
  const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
  await context.close();
  return { json, cpu, wall };
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
    if (!workers) cells.push(`${Math.max(...results.map((r) => r.cpu)).toFixed(1)} ms CPU (${Math.round(Math.max(...results.map((r) => r.wall)))} ms wall)`);
    if (!workers && key === 'fit' && query.includes('huber')) cells.push(`objective ${results[0].json.objective.toPrecision(11)}`);
    else if (!workers) cells.push('');
  }
  rows.push(`| ${label} | ${cells[0]} | ${cells[3]} | ${cells[1]} | ${cells[2]} |`);
}
console.log(`### In Chromium (scripts/bench-fit-browser.mjs)

Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; Chromium headless; navigator.hardwareConcurrency workers (and \`?workers=1\`). Wall time from pressing Fit to the result, worker start-up included; median of ${RUNS}. The longest main-thread task between the start of the fit and its result (before the figures are drawn) is read from a Chromium trace: its CPU (thread) time, and its wall time, which includes time the OS gave to other processes — load average ${loadavg()[0].toFixed(1)} on this shared machine when the run ended.

| task | all cores | one worker | longest main-thread task while fitting | |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`);
await browser.close();
await server.close();
