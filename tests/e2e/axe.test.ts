import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { openSite, type Site } from './support.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const pages = [
  '/',
  '/chapters/loss-vs-model-size/',
  '/chapters/loss-vs-model-size/?N=oops',
  '/chapters/why-kaplan-and-chinchilla-disagree/',
  '/chapters/after-chinchilla/',
  '/chapters/fitting-scaling-laws/',
  '/chapters/a-practical-recipe/',
  '/chapters/common-misreadings/',
  '/chapters/common-misreadings/#misreading-m16',
  '/404.html',
  '/corrections/',
  '/search/?q=loss',
];

describe('axe finds no violations', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it.each(pages)(`%s (${scheme})`, async (path) => {
      const { context } = await site.context({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(site.url + path);
      await page.waitForLoadState('networkidle');
      // Interact once so the widget's live figure is what gets checked, not only the static one.
      if (path.includes('loss-vs-model-size')) await page.locator('form[data-widget] input[type="text"]').focus();
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      expect(summary).toEqual([]);
      await context.close();
    });
  }
});
