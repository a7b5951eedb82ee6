/** Over-training calculator: sizes at or below the critical model size are refused next to k, with the reason. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSite, type Site } from './support.ts';
import { openPage, pageText, poll } from './calculators.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

it('refuses a model at or below the critical size, keeps the last good results, and recovers', async () => {
  const { page, context, errors } = await openPage(site, '/calculators/over-training/');
  const form = page.locator('form[data-widget="over-training"]');
  const box = form.getByRole('textbox', { name: 'Times smaller than compute-optimal k (N = N_opt/k)' });
  const alert = form.locator('.kit-field[data-field="k"] [role="alert"]');
  const summary = form.locator('[data-out="summary"]');
  for (const bad of ['10', '50', '1000']) {
    await box.fill(bad);
    await box.press('Tab');
    await poll(() => alert.textContent()).toMatch(/at or below the critical size N_crit ≈ [\d.]+B parameters .* Choose k below [\d.]+\./);
    expect(await summary.textContent()).toContain('A model 2× smaller');
  }
  await box.fill('4');
  await box.press('Tab');
  await poll(() => summary.textContent()).toContain('A model 4× smaller');
  expect(await alert.textContent()).toBe('');
  expect(await pageText(page)).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
  expect(errors).toEqual([]);
  await context.close();
});
