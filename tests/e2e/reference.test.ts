/**
 * What a reference work adds, driven as a reader would: site search by keyboard lands on an
 * equation; a cross-reference preview opens on keyboard focus and closes with Escape; nothing loads
 * before it is used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site, openPage } from './support.ts';
import { bibtexCitation, plainCitation } from '../../src/lib/citation.ts';
import pkg from '../../package.json' with { type: 'json' };

const CHAPTER = '/chapters/loss-vs-model-size/';
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const open = (path: string) => openPage(site, path);

describe('site search', () => {
  it('loads nothing until used, then finds an equation by its label and lands on it, by keyboard alone', async () => {
    const { page, context, requests, errors } = await open(CHAPTER);
    expect(requests.filter((u) => u.includes('/pagefind/') || u.includes('/scripts/search.js'))).toEqual([]);
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: 'Search the site' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);
    await page.keyboard.type('Eq. 1.1');
    const first = page.locator('#site-search-results a').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.textContent()).toContain('Kaplan et al. 2020, Eq. (1.1)');
    expect(requests.some((u) => u.includes('/pagefind/'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#eq-kaplan-loss-n$/);
    expect(new URL(page.url()).pathname).toBe(CHAPTER);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds an equation by its id, and says when nothing matches', async () => {
    const { page, context } = await open('/');
    const box = page.getByRole('searchbox', { name: 'Search the site' });
    await box.focus();
    await box.fill('eq-kaplan-non-embedding-params');
    const first = page.locator('#site-search-results a').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.getAttribute('href')).toBe('/chapters/loss-vs-model-size/#eq-kaplan-non-embedding-params');
    await box.fill('zzqxv');
    await expect.poll(() => page.locator('#site-search-status').textContent(), { timeout: 15_000 }).toBe('No results');
    await context.close();
  });

  it('treats what is typed as text (markup is not inserted)', async () => {
    const { page, context, errors } = await open('/search/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    await page.waitForTimeout(500);
    expect(await page.locator('#site-search-results img').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

const requestsFor = (requests: string[], path: string) => requests.filter((u) => u.includes(path)).length;

describe('cross-references', () => {
  it('show the target equation on keyboard focus and close with Escape; the link lands on the anchor', async () => {
    const { page, context, requests } = await open(CHAPTER);
    const ref = page.locator('a.xref[data-xref="eq-kaplan-loss-n"]').first();
    expect(await ref.textContent()).toBe('Eq. (1.1)');
    const preview = page.locator(`#${await ref.getAttribute('aria-describedby')}`);
    expect(await preview.isVisible()).toBe(false);
    expect(requestsFor(requests, '/scripts/previews.js')).toBe(0); // nothing loads until a reference is used
    await ref.focus();
    await expect.poll(() => preview.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await preview.locator('.katex').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    expect(await preview.isVisible()).toBe(false);
    await ref.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#eq-kaplan-loss-n$/);
    await context.close();
  });
});

describe('cite this', () => {
  it('an equation’s Cite button gives its anchor’s URL, in the same words as the page’s own citation', async () => {
    const { page, context, errors } = await open(CHAPTER);
    await page.locator('#eq-kaplan-loss-n .cite-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const [plain, bibtex] = await dialog.locator('pre').allTextContents();
    const input = {
      title: 'Loss falls as a power law in model size',
      label: 'Kaplan et al. 2020, Eq. (1.1)',
      url: `${site.url}${CHAPTER}#eq-kaplan-loss-n`,
      version: pkg.version,
      date: (await page.locator('html').getAttribute('data-updated'))!,
    };
    expect(plain).toBe(plainCitation(input));
    expect(bibtex).toBe(bibtexCitation(input));
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    // Without JavaScript the page still cites itself.
    expect(await page.locator('.cite-this .cite-plain').textContent()).toContain(`${CHAPTER}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('cite a calculator state', () => {
  it('cites the address with its state', async () => {
    const { page, context } = await open('/calculators/budget/?C=1e24');
    await page.locator('form[data-widget] .cite-button').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const [plain] = await dialog.locator('pre').allTextContents();
    expect(plain).toContain('/calculators/budget/?C=1e24');
    await context.close();
  });
});

describe('print', () => {
  it('prints with no controls, URLs after external links, and no equation cut off', async () => {
    const { page, context } = await open(CHAPTER);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    expect(await page.locator('.site-search').isVisible()).toBe(false);
    expect(await page.locator('.copy-link').first().isVisible()).toBe(false);
    expect(await page.locator('form[data-widget] fieldset').isVisible()).toBe(false);
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('.equation-math, .step-math')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.closest('[id]')?.id),
    );
    expect(cut).toEqual([]);
    const after = await page.evaluate(() => {
      const a = document.querySelector('article a[href^="http"]');
      return a ? getComputedStyle(a, '::after').content : '';
    });
    expect(after).toContain('arxiv.org');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await context.close();
  });
});

describe('fragment jumps', () => {
  it('land on the anchor and stay there while figures, fonts and widgets load', async () => {
    for (const anchor of ['step-kaplan-loss-n-ratio-result', 'eq-kaplan-loss-n-log', 'fig-kaplan-loss-n-explorer']) {
      const { page, context } = await open(`${CHAPTER}#${anchor}`);
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300);
      // Where the jump put it: its scroll margin below the top of the viewport, give or take 2 px.
      const offset = await page.locator(`#${anchor}`).evaluate((el) => el.getBoundingClientRect().top - parseFloat(getComputedStyle(el).scrollMarginTop || '0'));
      expect(Math.abs(offset), anchor).toBeLessThanOrEqual(2);
      await context.close();
    }
  });
});
