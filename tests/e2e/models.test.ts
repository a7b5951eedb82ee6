/**
 * The models index, a model page and a budget page in Chromium: sorting with the keyboard (buttons
 * in the column headers, aria-sort), filtering through the labelled input, the pages with JavaScript
 * off, and no request to another host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type Site, openPage } from './support.ts';
import { models } from '../../src/lib/data.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const open = (path: string, options = {}) => openPage(site, path, options);

const rowNames = (page: Page) => page.locator('#models-table tbody tr:not([hidden]) th[scope="row"] a').allTextContents();
const tokensOf = (name: string) => models.find((m) => m.name === name)!.trainingTokens.value;

describe('models index', () => {
  it('sorts by a column from the keyboard, both ways, and says so with aria-sort', async () => {
    const { page, context, errors } = await open('/models/');
    const header = page.locator('#models-table thead th', { hasText: 'Tokens D' });
    const button = header.getByRole('button', { name: /Tokens D/ });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = (await rowNames(page)).map(tokensOf);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.keyboard.press('Space');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const descending = (await rowNames(page)).map(tokensOf);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    // Only one column claims to be sorted.
    expect(await page.locator('#models-table thead th[aria-sort]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters rows through the labelled input, typed from the keyboard, and reports the count', async () => {
    const { page, context, errors } = await open('/models/');
    const input = page.getByRole('searchbox', { name: 'Filter models' });
    await input.focus();
    await page.keyboard.type('pythia');
    const expected = models.filter((m) => /pythia/i.test(`${m.name} ${m.family}`)).map((m) => m.name);
    await expect.poll(() => rowNames(page)).toEqual(expected);
    await expect.poll(() => page.locator('[data-filter-status]').textContent()).toBe(`${expected.length} of ${models.length} shown`);
    await input.fill('');
    await expect.poll(async () => (await rowNames(page)).length).toBe(models.length);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is complete without JavaScript: every row, no filter, no sort buttons', async () => {
    const { page, context } = await open('/models/', { javaScriptEnabled: false });
    expect(await page.locator('#models-table tbody tr').count()).toBe(models.length);
    expect(await page.getByRole('searchbox', { name: 'Filter models' }).isVisible()).toBe(false);
    expect(await page.locator('#models-table thead button').count()).toBe(0);
    await context.close();
  });
});

describe('generated pages', () => {
  it('a model page renders its figure and tables, follows to a budget page, and asks nothing of another host', async () => {
    const { page, context, requests, errors } = await open('/models/chinchilla-70b/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Chinchilla 70B');
    expect(await page.locator('#fig-model-on-frontiers svg[role="img"]').count()).toBe(1);
    expect(await page.locator('table').count()).toBeGreaterThanOrEqual(2);
    await page.getByRole('link', { name: 'Gopher’s budget' }).click();
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe('/budgets/gopher/');
    expect(await page.getByRole('link', { name: 'Chinchilla 70B' }).count()).toBe(1);
    expect(requests.filter((u) => !u.startsWith(site.url))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a budget page is complete without JavaScript, and its wide tables (and the index’s and a model page’s) scroll inside the page at 360 px', async () => {
    const { page, context } = await open('/budgets/1e24/', { javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    expect(await page.locator('#choices + .table-scroll tbody tr').count()).toBe(6);
    for (const path of ['/budgets/1e24/', '/models/', '/models/deepseek-v2/']) {
      if (path !== '/budgets/1e24/') await page.goto(site.url + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
