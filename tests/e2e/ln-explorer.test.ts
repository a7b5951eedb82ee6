import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type Site, openPage } from './support.ts';

const CHAPTER = '/chapters/loss-vs-model-size/';
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const widget = (page: Page) => page.locator('form[data-widget="ln-explorer"]');
const result = (page: Page) => widget(page).locator('[data-result]');
const message = (page: Page) => widget(page).locator('[role="alert"]');
const field = (page: Page) => widget(page).getByRole('textbox', { name: 'Non-embedding parameters N' });
const pointLabel = (page: Page) => widget(page).locator('svg text').filter({ hasText: /^L = / });

/** Text a reader sees, minus KaTeX's TeX annotations. */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('script, style, annotation').forEach((el) => el.remove());
    return body.innerText;
  });
}

const open = (path: string, options = {}) => openPage(site, path, options);

describe('L(N) explorer', () => {
  it('updates the sentence, the figure and the URL from the keyboard', async () => {
    const { page, context, errors } = await open(CHAPTER);
    const before = await result(page).textContent();
    const slider = widget(page).getByRole('slider', { name: 'log10 N' });
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => result(page).textContent()).not.toBe(before);
    const N = Number(new URL(page.url()).searchParams.get('N'));
    expect(N).toBeGreaterThan(1e8);
    expect(N).toBeLessThan(1.5e9);
    expect(await result(page).textContent()).toContain(`N = ${new URL(page.url()).searchParams.get('N')}`);
    await expect.poll(() => pointLabel(page).textContent()).toMatch(/^L = \d/);

    await field(page).fill('70B');
    await expect.poll(() => result(page).textContent()).toContain('N = 7e10');
    expect(new URL(page.url()).searchParams.get('N')).toBe('7e10');
    expect(await result(page).textContent()).toContain('extrapolation');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('round-trips its state through the URL', async () => {
    const { page, context } = await open(`${CHAPTER}?N=2.5e11#fig-kaplan-loss-n-explorer`);
    await expect.poll(() => field(page).inputValue()).toBe('2.5e11');
    expect(await result(page).textContent()).toContain('N = 2.5e11');
    // The figure is redrawn for the URL's N: its point label matches the sentence's loss.
    const loss = /L\(N\) = ([\d.]+)/.exec((await result(page).textContent()) ?? '')![1];
    await expect.poll(() => pointLabel(page).textContent()).toBe(`L = ${loss}`);
    expect(new URL(page.url()).hash).toBe('#fig-kaplan-loss-n-explorer');
    await context.close();
  });

  const hostile: [string, string][] = [
    ['empty', 'N='],
    ['text', 'N=abc'],
    ['zero', 'N=0'],
    ['negative', 'N=-5'],
    ['NaN', 'N=NaN'],
    ['Infinity', 'N=Infinity'],
    ['1e400', 'N=1e400'],
    ['too large', 'N=1e20'],
    ['markup', `N=${encodeURIComponent('<img src=x onerror="window.__xss=1">')}`],
    ['script', `N=${encodeURIComponent('</script><script>window.__xss=1</script>')}`],
    ['5,000 characters', `N=${'9'.repeat(5000)}`],
  ];
  it.each(hostile)('a hostile URL parameter (%s) gets an inline message and keeps the figure', async (_name, query) => {
    const { page, context, errors } = await open(`${CHAPTER}?${query}`);
    await expect.poll(() => message(page).textContent()).toMatch(/Expected a number of non-embedding parameters/);
    const text = await pageText(page);
    expect(text).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    // The last good figure stays: the build-time one, for the default N.
    expect(await widget(page).locator('svg').count()).toBe(1);
    expect(await result(page).textContent()).toContain('N = 1.5e9');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('ignores unknown keys, __proto__ and constructor', async () => {
    const { page, context, errors } = await open(`${CHAPTER}?__proto__[N]=1&constructor=2&zzz=3&N=3e10`);
    await expect.poll(() => result(page).textContent()).toContain('N = 3e10');
    expect(await message(page).textContent()).toBe('');
    expect(await page.evaluate(() => ({} as Record<string, unknown>)['N'])).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks a bad field, explains, and keeps the last good figure', async () => {
    const { page, context } = await open(CHAPTER);
    await field(page).fill('2e10');
    await expect.poll(() => result(page).textContent()).toContain('N = 2e10');
    const loss = /L\(N\) = ([\d.]+)/.exec((await result(page).textContent()) ?? '')![1];
    await expect.poll(() => pointLabel(page).textContent()).toBe(`L = ${loss}`);
    const goodSvg = await widget(page).locator('svg').innerHTML();
    await field(page).fill('-3');
    await field(page).press('Tab');
    await expect.poll(() => message(page).textContent()).toContain('negative');
    expect(await field(page).getAttribute('aria-invalid')).toBe('true');
    expect(await result(page).textContent()).toContain('N = 2e10');
    expect(await widget(page).locator('svg').innerHTML()).toBe(goodSvg);
    expect(new URL(page.url()).searchParams.get('N')).toBe('2e10');
    await field(page).fill('1e9');
    await expect.poll(() => field(page).getAttribute('aria-invalid')).toBeNull();
    expect(await message(page).textContent()).toBe('');
    await context.close();
  });

  it('loads Plot only after the first interaction', async () => {
    const { page, context, requests } = await open(CHAPTER);
    const scriptsBefore = requests.filter((u) => u.endsWith('.js'));
    // The widget's small controller (and the chunk it shares with other pages' scripts), no Plot.
    expect(scriptsBefore.some((u) => /LnExplorer\.astro/.test(u))).toBe(true);
    expect(scriptsBefore.filter((u) => /calculator|figure|plot/i.test(u))).toEqual([]);
    await field(page).focus();
    await expect.poll(() => requests.filter((u) => u.endsWith('.js')).length).toBeGreaterThan(scriptsBefore.length);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('the chapter is complete: text, equations and figures', async () => {
    const { page, context } = await open(CHAPTER, { javaScriptEnabled: false });
    expect(await page.locator('figure.equation .katex-mathml math').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('figure.plot-figure svg').count()).toBeGreaterThanOrEqual(2);
    const text = await pageText(page);
    expect(text).toContain('At N = 1.5e9 non-embedding parameters, L(N) =');
    expect(text).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    expect(await field(page).isDisabled()).toBe(true);
    await context.close();
  });
});

describe('the whole site', () => {
  it('makes no request that leaves localhost', async () => {
    for (const path of ['/', CHAPTER, '/missing-page/']) {
      const { page, context, requests } = await open(path);
      await page.locator('body').press('Tab');
      await page.waitForLoadState('networkidle');
      const foreign = requests.filter((u) => !u.startsWith(site.url));
      expect(foreign, path).toEqual([]);
      await context.close();
    }
  });

  it('serves a 404 page for unknown addresses', async () => {
    const { page, context } = await open('/no-such-chapter/');
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await context.close();
  });

  it('has a theme toggle that remembers the choice without a flash', async () => {
    const { page, context } = await open('/', { colorScheme: 'light' });
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.goto(site.url + CHAPTER);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe('rgb(21, 23, 26)');
    await context.close();
  });

  it('never lets the page scroll sideways at 360 px', async () => {
    const { page, context } = await open(CHAPTER, { viewport: { width: 360, height: 800 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });
});
