/**
 * The fit calculator in Chromium: the browser fit of Epoch AI's points reproduces what the unit tests
 * assert (tests/unit/fit.test.ts, same tolerances), a CSV upload fits and round-trips through a link,
 * a bootstrap cancels at once, bad input gets a message naming line and column while the last good
 * fit stays, the data never leave the page, the page works without JavaScript, and axe finds nothing.
 * Bootstrap counts are kept small to keep the suite quick.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { openSite, type Site, openPage } from './support.ts';
import { EPOCH_GRID, EPOCH_GRID_OBJECTIVE } from '../support/epoch-notebook.ts';
import { syntheticRuns } from '../../src/lib/synthetic-runs.ts';
import { runsToCsv } from '../../src/lib/runs-csv.ts';

const PAGE = '/calculators/fit/';
let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const relErr = (x: number, ref: number) => Math.abs(x - ref) / Math.abs(ref);
const status = (page: Page) => page.locator('[data-status]');
const alert = (page: Page) => page.locator('form[data-widget="fit"] [data-error]');
const table = (page: Page) => page.locator('[data-fit-results] table');

const open = (path: string, options = {}) => openPage(site, path, options, { idle: false });

async function done(page: Page, timeout = 120_000) {
  await page.waitForFunction(() => /^Done/.test(document.querySelector('[data-status]')?.textContent ?? ''), null, { timeout });
}

async function downloadJson(page: Page): Promise<Record<string, unknown> & { estimates: Record<string, { value: number; interval?: [number, number] }> }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON' }).click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

// A synthetic IsoFLOP data set from round constants (not a paper's), 5 budgets × 6 runs.
const reader = syntheticRuns({ E: 2, A: 500, B: 1500, alpha: 0.33, beta: 0.35 }, { budgets: [1e18, 1e19, 1e20, 1e21, 1e22], perBudget: 6, sigma: 0.005, seed: 9 });
const readerCsv = runsToCsv(reader).replace('N,D,loss,group', 'n (parameters),D (tokens),Loss (nats/token),group');

describe('fit calculator', { timeout: 180_000 }, () => {
  it("reproduces Epoch AI's grid fit of the 240 points in the browser (unit-test tolerances)", async () => {
    const { page, context, errors } = await open(`${PAGE}?src=epoch&method=huber&boot=0`);
    await done(page);
    const json = await downloadJson(page);
    const e = json.estimates;
    expect(json.objective as number).toBeLessThanOrEqual(EPOCH_GRID_OBJECTIVE + 1e-15);
    expect(json.objective as number).toBeGreaterThan(EPOCH_GRID_OBJECTIVE - 1e-10);
    expect(relErr(e.A!.value, EPOCH_GRID.A)).toBeLessThan(2e-3);
    expect(relErr(e.B!.value, EPOCH_GRID.B)).toBeLessThan(8e-3);
    expect(relErr(e.E!.value, EPOCH_GRID.E)).toBeLessThan(2e-4);
    expect(relErr(e.alpha!.value, EPOCH_GRID.alpha)).toBeLessThan(3e-4);
    expect(relErr(e.beta!.value, EPOCH_GRID.beta)).toBeLessThan(1e-3);
    expect((json.data as { rows: number; sha256: string }).rows).toBe(240);
    expect((json.data as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('uploads a CSV, fits with a bootstrap, and the link in the address bar reproduces the result; no request carries the data', async () => {
    const { page, context, requests, errors } = await open(PAGE);
    await page.getByLabel('Or choose a file').setInputFiles({ name: 'runs.csv', mimeType: 'text/csv', buffer: Buffer.from(readerCsv) });
    await expect.poll(() => status(page).textContent(), { timeout: 15_000 }).toMatch(/Read 30 runs/);
    await page.getByLabel('Bootstrap resamples').fill('12');
    await page.getByRole('button', { name: 'Fit' }).click();
    await done(page);
    const rows = await table(page).innerText();
    expect(rows).toMatch(/α\s+0\.3\d+\s+0\.\d+ – 0\.\d+/);
    const url = page.url();
    expect(new URL(url).hash).toMatch(/^#d=[A-Za-z0-9_-]+$/);
    expect(await page.locator('[data-link-note]').textContent()).toMatch(/your 30 rows/);
    // IsoFLOP groups found: the surface figure draws one line per budget.
    expect(await page.locator('[data-plot="fit-surface"] svg').count()).toBe(1);
    // Nothing but the page's own files was requested, and no request carries the data.
    for (const r of requests) {
      expect(r.startsWith(site.url)).toBe(true);
      expect(r).not.toContain('#d=');
    }
    // Round trip: a fresh page from the link fits the same data to the same table.
    const again = await context.newPage();
    await again.goto(url);
    await done(again);
    expect(await table(again).innerText()).toBe(rows);
    expect(await again.locator('textarea[name="csv"]').inputValue()).toContain('N,D,loss,group');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pressing Fit as the very first interaction loads the code and runs the fit (default settings)', async () => {
    const { page, context, errors } = await open(PAGE);
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Fit' }).click();
    await done(page);
    expect(await page.locator('[data-summary]').textContent()).toMatch(/200 refits \(seed 42\)/);
    expect(await page.locator('[data-static-note]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cancels a bootstrap at once, keeping the previous fit', async () => {
    const { page, context } = await open(`${PAGE}?src=synthetic&boot=0&per=4`);
    await done(page);
    const before = await table(page).innerText();
    await page.getByLabel('Bootstrap resamples').fill('4000');
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.waitForFunction(() => /Bootstrap: [1-9]\d* of 4000/.test(document.querySelector('[data-status]')?.textContent ?? ''), null, { timeout: 60_000 });
    // Time from the click to the status change, measured in the page (not Playwright's round trips).
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const s = document.querySelector('[data-status]')!;
          const t0 = performance.now();
          new MutationObserver(() => {
            if (/Cancelled/.test(s.textContent ?? '')) resolve(performance.now() - t0);
          }).observe(s, { childList: true, characterData: true, subtree: true });
          document.querySelector<HTMLButtonElement>('button[data-cancel]')!.click();
        }),
    );
    expect(ms).toBeLessThan(100);
    expect(await status(page).textContent()).toMatch(/Cancelled\. The previous fit is still shown/);
    expect(await page.getByRole('button', { name: 'Fit' }).isEnabled()).toBe(true);
    expect(await table(page).innerText()).toBe(before);
    await context.close();
  });

  it('says so when the data cannot determine the fit: no trend in D gives a boundary (variable projection) or a negligible term (Huber)', async () => {
    const flat = [1e8, 3e8, 1e9, 3e9].flatMap((N) => [1e9, 1e10, 1e11].map((D) => `${N},${D},${(2 + 400 / N ** 0.34).toFixed(6)}`));
    const { page, context, errors } = await open(`${PAGE}?src=epoch&boot=0`);
    await done(page);
    await page.getByLabel('Your CSV').check();
    await page.locator('textarea[name="csv"]').fill(['N,D,loss', ...flat].join('\n'));
    const notes = page.locator('[data-notes]');
    for (const [method, re] of [
      // Huber first: Epoch's points gave no notes, so the note below can only come from this fit.
      ['huber', /The term B\/D\^β is at most .* % of the predicted loss.*no trend in D, so B and β .* are not determined/],
      ['varpro', /sits on a boundary.*did not converge/],
    ] as const) {
      await page.getByLabel('Method').selectOption(method);
      await page.getByRole('button', { name: 'Fit' }).click();
      await expect.poll(() => notes.innerText(), { message: method, timeout: 60_000 }).toMatch(re);
      expect(await notes.innerText()).not.toMatch(/NaN|Infinity|undefined/);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('bad input gets a message naming line and column; nothing freezes and the last good fit stays', async () => {
    const { page, context } = await open(`${PAGE}?src=synthetic&boot=0&per=4`);
    await done(page);
    const before = await table(page).innerText();
    await page.getByLabel('Your CSV').check();
    const box = page.locator('textarea[name="csv"]');
    const good = readerCsv.split('\n');
    const cases: [string, string, RegExp][] = [
      ['malformed', good.slice(0, 3).join('\n') + '\n1e9,"2e9,3', /Line 4, column 2: a quoted field is not closed/],
      ['text in a number', good.join('\n').replace(good[2]!.split(',')[1]!, 'many'), /Line 3, column 2 \(D \(tokens\)\).*not a number/],
      ['zero', good.join('\n').replace(good[3]!.split(',')[0]!, '0'), /Line 4, column 1.*zero/],
      ['negative', good.join('\n').replace(good[4]!.split(',')[2]!, '-2.5'), /Line 5, column 3.*negative/],
      ['too few', good.slice(0, 5).join('\n'), /Only 4 rows.*at least 6/],
      ['duplicated', [...good, good[6]!].join('\n'), /Line 32 repeats line 7/],
      ['1e400', good.join('\n').replace(good[2]!.split(',')[0]!, '1e400'), /Line 3, column 1.*too large/],
    ];
    for (const [name, text, re] of cases) {
      await box.fill(text);
      await page.getByRole('button', { name: 'Fit' }).click();
      await expect.poll(() => alert(page).textContent(), { message: name, timeout: 10_000 }).toMatch(re);
      expect(await alert(page).textContent()).not.toMatch(/NaN|Infinity|undefined/);
      expect(await table(page).innerText()).toBe(before);
    }
    // A file of 200,000 rows: refused with the row count, the box keeps its text, the page still responds.
    const boxBefore = await box.inputValue();
    await page.getByLabel('Or choose a file').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(`N,D,loss\n${'1e8,2e9,3.1\n'.repeat(200_000)}`) });
    await expect.poll(() => alert(page).textContent(), { timeout: 15_000 }).toMatch(/“many\.csv”: The data have 200,00\d lines; this page fits at most 20,000 rows/);
    expect(await box.inputValue()).toBe(boxBefore);
    // A 50 MB file is refused before it is read.
    // (a sparse file on disk: sending 50 MB through the DevTools protocol would take longer than the page does)
    const big = path.join(mkdtempSync(path.join(tmpdir(), 'fit-e2e-')), 'big.csv');
    writeFileSync(big, 'N,D,loss\n');
    truncateSync(big, 50_000_000);
    await page.getByLabel('Or choose a file').setInputFiles(big);
    await expect.poll(() => alert(page).textContent(), { timeout: 15_000 }).toMatch(/“big\.csv” is 50\.0 MB; this page reads at most 4 MB/);
    expect(await table(page).innerText()).toBe(before);
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await context.close();
  });

  it('a damaged link says so and loads nothing; bad link settings name the setting', async () => {
    const { page, context } = await open(`${PAGE}?boot=lots#d=AAAA`);
    await expect.poll(() => alert(page).textContent(), { timeout: 15_000 }).toMatch(/Link setting boot:.*not a number.*damaged/);
    await context.close();
  });

  it('without JavaScript shows the build’s fit of Epoch’s points, its figures and no broken controls', async () => {
    const { page, context } = await open(PAGE, { javaScriptEnabled: false });
    expect(await table(page).innerText()).toMatch(/α\s+0\.347\d\s+0\.\d+ – 0\.\d+/);
    expect(await page.locator('[data-plot] svg').count()).toBe(3);
    expect(await page.locator('[data-no-js]').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Fit' }).isDisabled()).toBe(true);
    await context.close();
  });

  it('ships at most 5 KB (gzip) of JavaScript before the first interaction; the fitting code loads on it', async () => {
    const { context } = await site.context();
    const page = await context.newPage();
    const scripts: { url: string; body: Buffer }[] = [];
    page.on('response', async (res) => {
      if (res.request().resourceType() === 'script') scripts.push({ url: res.url(), body: await res.body() });
    });
    await page.goto(site.url + PAGE, { waitUntil: 'networkidle' });
    const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'));
    const bytes = scripts.reduce((n, s) => n + gzipSync(s.body).length, 0) + gzipSync(inline).length;
    expect(bytes).toBeLessThanOrEqual(5 * 1024);
    expect(scripts.some((s) => /controller/.test(s.url))).toBe(false);
    await page.getByLabel('Bootstrap resamples').focus();
    await expect.poll(() => scripts.some((s) => /controller/.test(s.url)), { timeout: 15_000 }).toBe(true);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds no violations after a fit (${colorScheme})`, async () => {
      const { page, context } = await open(`${PAGE}?src=synthetic&boot=4&per=4`, { colorScheme });
      await done(page);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
      await context.close();
    });
  }
});
