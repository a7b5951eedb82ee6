/**
 * The smaller calculators (compute converter, what k× buys): keyboard, URL round trip, hostile input,
 * no-JS. The budget calculator has its own, longer file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type Site } from './support.ts';
import { HOSTILE, openPage, pageText, poll } from './calculators.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

interface Case {
  name: string;
  path: string;
  /** A numeric field: its URL key, accessible name, and a good value with the text it produces. */
  field: { key: string; label: string; good: string; urlValue: string; expect: string; message: RegExp };
  /** A choice: its URL key, accessible name, and the value ArrowDown selects from the default. */
  choice: { key: string; label: string; next: string; expect: string };
  defaultText: string;
  hasFigure: boolean;
}

const CASES: Case[] = [
  {
    name: 'converter',
    path: '/calculators/compute-converter/',
    field: { key: 'D', label: 'Training tokens D', good: '300B', urlValue: '3e11', expect: 'C = 6 × 70B × 300B = 1.26e23 FLOP.', message: /Expected a number of tokens/ },
    choice: { key: 'solve', label: 'Compute from the other two', next: 'D', expect: 'D = 5.76e23 / (6 × 70B)' },
    defaultText: 'C = 6 × 70B × 1.4T = 5.88e23 FLOP.',
    hasFigure: false,
  },
  {
    name: 'kx',
    path: '/calculators/what-k-buys/',
    field: { key: 'k', label: 'Scale factor k', good: '2', urlValue: '2', expect: '2× parameters: Kaplan’s power law multiplies the loss by 2^−0.076 = 0.9487', message: /Expected a number of scale factor/ },
    choice: { key: 'what', label: 'Scale', next: 'D', expect: '10× training tokens' },
    defaultText: '10× parameters: Kaplan’s power law multiplies the loss by 10^−0.076',
    hasFigure: true,
  },
  {
    name: 'run-loss',
    path: '/calculators/run-loss/',
    field: { key: 'D', label: 'Training tokens D', good: '300B', urlValue: '3e11', expect: 'N = 70B parameters on D = 300B tokens', message: /Expected a number of tokens/ },
    choice: { key: 'set', label: 'Constant set for the breakdown and the frontier', next: 'besiroglu-2024-refit', expect: 'under Epoch AI’s refit' },
    defaultText: 'N = 70B parameters on D = 1.4T tokens',
    hasFigure: true,
  },
  {
    name: 'param-counter',
    path: '/calculators/parameter-counter/',
    field: { key: 'L', label: 'Layers n_layer', good: '48', urlValue: '48', expect: '48 layers of width 12,288, standard feed-forward', message: /Expected a number of layers/ },
    choice: { key: 'ffn', label: 'Feed-forward layer', next: 'gated', expect: '96 layers of width 12,288, gated feed-forward' },
    defaultText: '96 layers of width 12,288, standard feed-forward',
    hasFigure: true,
  },
  {
    name: 'batch-size',
    path: '/calculators/batch-size/',
    field: { key: 'B', label: 'Batch size B', good: '4M', urlValue: '4e6', expect: 'A batch of 4,000,000 tokens is 1.57× B_crit.', message: /Expected a number of tokens per batch/ },
    choice: { key: 'bstar', label: 'Value of B* (Kaplan et al. 2020, WebText2, GPT-2 BPE)', next: 'table5', expect: 'B_crit ≈ 2.67M tokens' },
    defaultText: 'B_crit ≈ 2.55M tokens. A batch of 524,288 tokens is 0.206× B_crit.',
    hasFigure: true,
  },
  {
    name: 'convergence',
    path: '/calculators/convergence/',
    field: { key: 'N', label: 'Non-embedding parameters N', good: '10B', urlValue: '1e10', expect: 'A model of N = 10B non-embedding parameters is compute-efficient', message: /Expected a number of non-embedding parameters/ },
    choice: { key: 'given', label: 'Start from', next: 'C', expect: 'For C_min = 1 PF-days the compute-efficient model has N ≈' },
    defaultText: 'A model of N = 1.5B non-embedding parameters is compute-efficient at C_min ≈ 3.61 PF-days',
    hasFigure: true,
  },
  {
    name: 'loss-landscape',
    path: '/calculators/loss-landscape/',
    field: { key: 'D', label: 'Training tokens D', good: '300B', urlValue: '3e11', expect: 'N = 70B parameters, D = 300B tokens', message: /Expected a number of tokens/ },
    choice: { key: 'set', label: 'Constant set for the contours and the frontier', next: 'besiroglu-2024-refit', expect: 'under Epoch AI’s refit' },
    defaultText: 'N = 70B parameters, D = 1.4T tokens',
    hasFigure: true,
  },
  {
    name: 'over-training',
    path: '/calculators/over-training/',
    field: { key: 'k', label: 'Times smaller than compute-optimal k (N = N_opt/k)', good: '3', urlValue: '3', expect: 'A model 3× smaller (33.3% of N_opt', message: /Expected a number of size factor/ },
    choice: { key: 'set', label: 'Constant set of the parametric loss', next: 'sardana-2024-chinchilla', expect: 'the constants Sardana et al. use puts the compute-optimal model' },
    defaultText: 'A model 2× smaller (50% of N_opt',
    hasFigure: true,
  },
  {
    name: 'overfitting',
    path: '/calculators/overfitting/',
    field: { key: 'D', label: 'Training tokens D', good: '300B', urlValue: '3e11', expect: 'on D = 300B tokens', message: /Expected a number of tokens/ },
    choice: { key: 'rule', label: 'Kaplan’s data rule', next: 'fit', expect: 'Kaplan’s rule (Eq. (4.3) solved with Table 2' },
    defaultText: 'N = 1.5B non-embedding parameters on D = 22.9B tokens',
    hasFigure: true,
  },
  {
    name: 'repeated-data',
    path: '/calculators/repeated-data/',
    field: { key: 'U', label: 'Unique tokens U_D', good: '25B', urlValue: '2.5e10', expect: '25B unique tokens × 4 epochs = D = 100B tokens', message: /Expected a number of unique tokens/ },
    choice: { key: 'set', label: 'Constant set', next: 'muennighoff-2023-eq17', expect: 'under Muennighoff et al.’s Eq. (17) as printed' },
    defaultText: '44B unique tokens × 4 epochs = D = 176B tokens',
    hasFigure: true,
  },
];

const widget = (page: Page, c: Case) => page.locator(`form[data-widget="${c.name}"]`);
const summary = (page: Page, c: Case) => widget(page, c).locator('[data-out="summary"]');
const alertOf = (page: Page, c: Case, key: string) => widget(page, c).locator(`.kit-field[data-field="${key}"] [role="alert"]`);

describe.each(CASES)('$name calculator', (c) => {
  it('works from the keyboard and writes its state into the URL', async () => {
    const { page, context, errors } = await openPage(site, c.path);
    const slider = widget(page, c).getByRole('slider').first();
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await poll(() => summary(page, c).textContent()).not.toBe(c.defaultText);
    const afterSlider = await summary(page, c).textContent();
    await widget(page, c).getByRole('textbox', { name: c.field.label }).fill(c.field.good);
    await poll(() => new URL(page.url()).searchParams.get(c.field.key)).toBe(c.field.urlValue);
    await poll(() => summary(page, c).textContent()).not.toBe(afterSlider);
    await widget(page, c).getByRole('combobox', { name: c.choice.label }).focus();
    await page.keyboard.press('ArrowDown');
    await poll(() => new URL(page.url()).searchParams.get(c.choice.key)).toBe(c.choice.next);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the same results when opened from its URL', async () => {
    const { page, context } = await openPage(site, `${c.path}?${c.field.key}=${c.field.urlValue}`);
    await poll(() => summary(page, c).textContent()).toContain(c.field.expect);
    const reopened = await openPage(site, `${c.path}?${c.choice.key}=${c.choice.next}`);
    await poll(() => summary(reopened.page, c).textContent()).toContain(c.choice.expect);
    await reopened.context.close();
    await context.close();
  });

  it('hostile values in the URL and in the field get a message; the last good results stay', async () => {
    // One page, navigated once per hostile value (a new context per value cost more than the checks).
    const { page, context, errors } = await openPage(site, c.path);
    for (const [name, value] of HOSTILE) {
      await page.goto(`${site.url}${c.path}?${c.field.key}=${encodeURIComponent(value)}&${c.choice.key}=${encodeURIComponent(value)}&__proto__=1`);
      await poll(() => alertOf(page, c, c.field.key).textContent(), name).toMatch(c.field.message);
      await poll(() => alertOf(page, c, c.choice.key).textContent(), name).toMatch(/^The link’s/);
      expect(await summary(page, c).textContent(), name).toContain(c.defaultText);
      const box = widget(page, c).getByRole('textbox', { name: c.field.label });
      await box.fill(value);
      await box.press('Tab');
      await poll(() => box.getAttribute('aria-invalid'), name).toBe('true');
      expect(await summary(page, c).textContent(), name).toContain(c.defaultText);
      expect(await pageText(page), name).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), name).toBeUndefined();
      expect(await widget(page, c).locator('svg').count(), name).toBe(c.hasFigure ? 1 : 0);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('is complete without JavaScript', async () => {
    const { page, context } = await openPage(site, c.path, { javaScriptEnabled: false });
    const text = await pageText(page);
    expect(text).toContain(c.defaultText);
    expect(text).toContain('How this is computed');
    expect(text).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    expect(await widget(page, c).getByRole('textbox', { name: c.field.label }).isDisabled()).toBe(true);
    await context.close();
  });
});

describe('the calculators index', () => {
  it('lists every calculator with a line on what it answers, and the home page links it', async () => {
    const { page, context } = await openPage(site, '/calculators/');
    const links = page.locator('.calculator-list a');
    expect(await links.count()).toBeGreaterThanOrEqual(3);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      const target = await openPage(site, href!);
      expect(await target.page.locator('form[data-widget]').count()).toBe(1);
      await target.context.close();
    }
    await page.goto(site.url + '/');
    expect(await page.getByRole('link', { name: 'Calculators' }).count()).toBeGreaterThan(0);
    await context.close();
  });
});
