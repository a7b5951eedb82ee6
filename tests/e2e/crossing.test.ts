/** The crossing-point explorer on the Kaplan contradiction chapter: URL state, hostile input, no JavaScript. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from './support.ts';
import { HOSTILE, openPage, pageText, poll } from './calculators.ts';

const PATH = '/chapters/kaplan-contradiction-and-limits/';
let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const out = (key: string) => `form[data-widget="crossing"] [data-out="${key}"]`;

describe('crossing explorer', () => {
  it('shows the default crossing without JavaScript', async () => {
    const { page, context } = await openPage(site, PATH, { javaScriptEnabled: false });
    await expect(page.locator(out('C')).textContent()).resolves.toMatch(/PF-days/);
    await context.close();
  });

  it('a larger α_C^min from the URL moves the crossing to more compute', async () => {
    const { page, context, errors } = await openPage(site, PATH);
    const before = await page.locator(out('C')).textContent();
    const { page: moved, context: c2 } = await openPage(site, `${PATH}?aC=0.052`);
    await poll(() => moved.locator(out('C')).textContent()).not.toBe(before);
    const num = (s: string | null) => Number((s ?? '').split(' ')[0]);
    expect(num(await moved.locator(out('C')).textContent())).toBeGreaterThan(num(before));
    expect(errors).toEqual([]);
    await context.close();
    await c2.close();
  });

  it.each(HOSTILE)('typing %s into α_D gives a message, never NaN or markup', async (_name, value) => {
    const { page, context } = await openPage(site, PATH);
    const field = page.getByLabel('Data exponent α_D', { exact: true });
    await field.fill(value);
    await field.press('Tab');
    await poll(() => field.getAttribute('aria-invalid')).toBe('true');
    await poll(async () => (await page.locator('form[data-widget="crossing"] .field-error').allTextContents()).join('')).toMatch(/\S/);
    const text = await pageText(page);
    expect(text).not.toMatch(/\bNaN\b|\bInfinity\b|undefined/);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await context.close();
  });
});
