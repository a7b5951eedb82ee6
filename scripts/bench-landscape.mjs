/**
 * Timing (not a test) of the loss landscape's point moves in Chromium against the built dist/: arrow
 * keys on the figure and set switches, each from the keydown / change to `widget:rendered` plus a
 * frame; p50 and p95 over 60 moves. Usage: npx astro build && node scripts/bench-landscape.mjs
 */
import { serveDist } from './static-server.mjs';
import { launchBrowser } from './browser.mjs';

const server = await serveDist('dist');
const browser = await launchBrowser();
const page = await (await browser.newContext()).newPage();
await page.goto(server.url + '/calculators/loss-landscape/', { waitUntil: 'networkidle' });
const pad = page.locator('[data-plot="loss-landscape"]');
await page.locator('form[data-widget="loss-landscape"] input[name="N"]').focus();
await page.waitForFunction(() => document.querySelector('[data-plot="loss-landscape"]')?.getAttribute('tabindex') === '0');
await page.waitForLoadState('networkidle');
await pad.focus();

const times = await page.evaluate(async () => {
  const form = document.querySelector('form[data-widget="loss-landscape"]');
  const pad = form.querySelector('[data-plot="loss-landscape"]');
  const set = form.querySelector('select[name="set"]');
  const keys = ['ArrowRight', 'ArrowUp', 'ArrowLeft', 'ArrowDown'];
  const run = async (act) => {
    const done = new Promise((resolve) => form.addEventListener('widget:rendered', () => requestAnimationFrame(() => resolve(performance.now())), { once: true }));
    const start = performance.now();
    act();
    return (await done) - start;
  };
  const out = { keys: [], sets: [] };
  await run(() => pad.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))); // first draw of the landscape
  for (let i = 0; i < 60; i++) out.keys.push(await run(() => pad.dispatchEvent(new KeyboardEvent('keydown', { key: keys[i % 4], shiftKey: i % 8 === 0, bubbles: true }))));
  for (let i = 0; i < 12; i++) {
    out.sets.push(
      await run(() => {
        set.selectedIndex = (set.selectedIndex + 1) % set.options.length;
        set.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    );
  }
  return out;
});
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  return `p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (n = ${s.length})`;
};
console.log(`arrow key → rendered: ${stats(times.keys)}`);
console.log(`set switch → rendered (first of each set draws its landscape, later ones are cached): ${stats(times.sets)}`);
await browser.close();
await server.close();
