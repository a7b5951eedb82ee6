/**
 * Diagnostic (not a test): traces five bootstrap fits of Epoch's points on the built fit page and prints, for each, the
 * longest main-thread task between fit:start and fit:computed with the trace events inside it.
 * Usage: npx astro build && node scripts/trace-fit.mjs ['?src=epoch&method=huber&boot=1000&seed=42']
 */
import { serveDist } from './static-server.mjs';
import { launchBrowser } from './browser.mjs';
const server = await serveDist('dist');
const browser = await launchBrowser();
const q = process.argv[2] ?? '?src=epoch&method=huber&boot=1000&seed=42';
for (let run = 0; run < 5; run++) {
const context = await browser.newContext();
const page = await context.newPage();
await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8', 'disabled-by-default-devtools.timeline'] });
await page.goto(`${server.url}/calculators/fit/${q}`);
await page.waitForFunction(() => /^Done|failed/.test(document.querySelector('[data-status]')?.textContent ?? ''), null, { timeout: 600_000 });
const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
const events = trace.traceEvents ?? trace;
const mainTid = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
const markTs = (name) => events.filter((e) => e.name === name && e.cat?.includes('user_timing')).map((e) => e.ts).at(-1);
const [from, to] = [markTs('fit:start'), markTs('fit:computed')];
const tasks = events.filter((e) => /RunTask$/.test(e.name) && e.tid === mainTid && e.ph === 'X' && e.ts >= from && e.ts < to).sort((a,b)=>(b.tdur??0)-(a.tdur??0));
for (const t of tasks.slice(0, 1)) {
  console.log('TASK', (t.tdur/1000).toFixed(1), 'ms cpu at', ((t.ts-from)/1000).toFixed(0), 'ms after start');
  const inner = events.filter((e) => e.tid === mainTid && e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur??0) <= t.ts + t.dur && e !== t).sort((a,b)=>(b.dur??0)-(a.dur??0)).slice(0, 6);
  for (const e of inner) console.log('   ', e.name, ((e.dur??0)/1000).toFixed(1), JSON.stringify(e.args?.data ?? {}).slice(0, 160));
}
await context.close();
}
await browser.close(); await server.close();
