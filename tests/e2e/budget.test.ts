import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type Site } from './support.ts';
import { HOSTILE, nextRender, openPage, pageText, poll } from './calculators.ts';

const PAGE = '/calculators/budget/';
let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const widget = (page: Page) => page.locator('form[data-widget="budget"]');
const out = (page: Page, key: string) => widget(page).locator(`[data-out="${key}"]`);
const fieldBox = (page: Page, name: string) => widget(page).locator(`.kit-field[data-field="${name}"]`);
const alertOf = (page: Page, name: string) => fieldBox(page, name).locator('[role="alert"]');
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

describe('budget calculator', () => {
  it('answers from the keyboard: slider, typed budget with units, the set switch; the URL follows', async () => {
    const { page, context, errors } = await openPage(site, PAGE);
    const before = await out(page, 'summary').textContent();
    await widget(page).getByRole('slider', { name: 'log10 C' }).focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await poll(() => out(page, 'summary').textContent()).not.toBe(before);
    expect(Number(param(page, 'C'))).toBeGreaterThan(5.76e23);

    const C = widget(page).getByRole('textbox', { name: 'Compute budget C' });
    await C.fill('3,640 PF-days');
    await poll(() => out(page, 'budget').textContent()).toContain('3640 PF-days');
    expect(param(page, 'C')).toBe('3.145e23');

    const rendered = nextRender(page, 'budget');
    await widget(page).getByRole('combobox', { name: 'Constant set for the flatness and inverse answers' }).focus();
    await page.keyboard.press('ArrowDown');
    await rendered;
    expect(param(page, 'set')).toBe('besiroglu-2024-refit');
    expect(await out(page, 'summary').textContent()).toContain('Epoch');
    expect(await widget(page).locator('svg text').filter({ hasText: /^C = 3.14e23$/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('computes the budget from a cluster: accelerators × days × dense peak × MFU', async () => {
    const { page, context } = await openPage(site, `${PAGE}?source=cluster&gpus=2048&days=10&mfu=50&acc=a100`);
    // 2048 × 10 × 86,400 s × 312e12 FLOP/s × 0.5 = 2.76e23 FLOP
    await poll(() => out(page, 'budget').textContent()).toContain('= 2.76e23 FLOP');
    expect(await out(page, 'time').textContent()).toContain('10 days on 2048');
    await context.close();
  });

  it('round-trips its state through the URL and Copy link', async () => {
    const query = '?C=1e24&set=hoffmann-2022-rounded&N=1e10&L=2.1&price=2';
    const { page, context } = await openPage(site, `${PAGE}${query}`, { permissions: ['clipboard-read', 'clipboard-write'] });
    await poll(() => widget(page).getByRole('textbox', { name: 'Compute budget C' }).inputValue()).toBe('1e24');
    expect(await widget(page).getByRole('combobox', { name: /Constant set/ }).inputValue()).toBe('hoffmann-2022-rounded');
    expect(await out(page, 'summary').textContent()).toContain('For 1e24 FLOP, Chinchilla Approach 3 (rounded');
    expect(await out(page, 'cost').textContent()).toContain('At your price of 2 per accelerator-hour');
    expect(await out(page, 'inverseN').textContent()).toContain('If N = 10B');
    await widget(page).getByRole('button', { name: 'Copy link' }).click();
    await poll(() => widget(page).locator('[data-copy-status]').textContent()).toMatch(/copied|address bar/);
    const copied = await page.evaluate(() => navigator.clipboard.readText()).catch(() => page.url());
    const reopened = await openPage(site, copied.replace(site.url, ''));
    await poll(() => out(reopened.page, 'summary').textContent()).toBe(await out(page, 'summary').textContent());
    await reopened.context.close();
    await context.close();
  });

  it('refuses a target loss at or below E with the reason, next to the field, and keeps the rest live', async () => {
    const { page, context } = await openPage(site, PAGE);
    const L = widget(page).getByRole('textbox', { name: 'Inverse: target loss L' });
    await L.fill('1.5');
    await poll(() => alertOf(page, 'L').textContent()).toContain('irreducible loss is E =');
    expect(await L.getAttribute('aria-invalid')).toBe('true');
    expect(await out(page, 'inverseL').textContent()).toContain('No model reaches');
    await widget(page).getByRole('textbox', { name: 'Compute budget C' }).fill('1e22');
    await poll(() => out(page, 'summary').textContent()).toContain('For 1e22 FLOP');
    await L.fill('2.2');
    await poll(() => alertOf(page, 'L').textContent()).toBe('');
    expect(await out(page, 'inverseL').textContent()).toContain('To reach L̂ = 2.2');
    await context.close();
  });

  it.each(HOSTILE)('a hostile URL value (%s) for C gets a message by the field; the default results stay', async (_n, value) => {
    const { page, context, errors } = await openPage(site, `${PAGE}?C=${encodeURIComponent(value)}&set=${encodeURIComponent(value)}`);
    await poll(() => alertOf(page, 'C').textContent()).toMatch(/Expected a number of FLOP/);
    await poll(() => alertOf(page, 'set').textContent()).toMatch(/Expected a constant set/);
    expect(await out(page, 'summary').textContent()).toContain('For 5.76e23 FLOP');
    expect(await widget(page).locator('svg').count()).toBe(1);
    expect(await pageText(page)).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(HOSTILE)('typing a bad value (%s) marks the field and keeps the last good results', async (_n, value) => {
    const { page, context } = await openPage(site, PAGE);
    const C = widget(page).getByRole('textbox', { name: 'Compute budget C' });
    const rendered = nextRender(page, 'budget');
    await C.fill('1e23');
    await rendered;
    expect(await out(page, 'summary').textContent()).toContain('For 1e23 FLOP');
    const svg = await widget(page).locator('[data-plot] svg').innerHTML();
    await C.fill(value);
    await C.press('Tab');
    await poll(() => alertOf(page, 'C').textContent()).toMatch(/Expected a number of FLOP/);
    expect(await C.getAttribute('aria-invalid')).toBe('true');
    expect(await out(page, 'summary').textContent()).toContain('For 1e23 FLOP');
    expect(await widget(page).locator('[data-plot] svg').innerHTML()).toBe(svg);
    expect(param(page, 'C')).toBe('1e23');
    expect(await pageText(page)).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    await context.close();
  });

  it('ignores unknown keys and __proto__', async () => {
    const { page, context, errors } = await openPage(site, `${PAGE}?__proto__[C]=1&constructor=2&zzz=3&C=2e24`);
    await poll(() => out(page, 'summary').textContent()).toContain('For 2e24 FLOP');
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is complete without JavaScript: results, table and figure for the default budget; controls disabled', async () => {
    const { page, context } = await openPage(site, PAGE, { javaScriptEnabled: false });
    const text = await pageText(page);
    expect(text).toContain('For 5.76e23 FLOP');
    expect(text).toContain('non-embedding');
    expect(text).toContain('the controls need JavaScript');
    expect(text).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    expect(await widget(page).locator('svg').count()).toBe(1);
    expect(await widget(page).getByRole('textbox', { name: 'Compute budget C' }).isDisabled()).toBe(true);
    await context.close();
  });

  it('loads only the small kit script before interaction', async () => {
    const { page, context, requests } = await openPage(site, PAGE);
    // The kit entry (and the chunk of modules it shares with other pages' scripts), nothing else:
    // no calculator, figure or Plot chunk until the reader interacts.
    const before = requests.filter((u) => u.endsWith('.js'));
    expect(before.some((u) => /Budget\.astro/.test(u))).toBe(true);
    expect(before.filter((u) => /calculator|figure|plot/i.test(u))).toEqual([]);
    await widget(page).getByRole('textbox', { name: 'Compute budget C' }).focus();
    await poll(() => requests.some((u) => /calculator/.test(u))).toBe(true);
    await context.close();
  });
});
