/**
 * Axe over the built pages, in two halves (axe.test.ts and axe-2.test.ts) so that the two halves run
 * in parallel: every page in light, one of each kind in dark, and the API reference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { openSite, type Site } from './support.ts';


const pages = [
  '/',
  '/chapters/loss-vs-model-size/',
  '/chapters/loss-vs-model-size/?N=oops',
  '/chapters/kaplan-experiment/',
  '/chapters/kaplan-loss-vs-data-and-compute/',
  '/chapters/kaplan-counting-parameters-and-compute/',
  '/chapters/kaplan-model-shape/',
  '/chapters/kaplan-overfitting/',
  '/chapters/kaplan-learning-curves-and-batch-size/',
  '/chapters/kaplan-compute-efficient-training/',
  '/chapters/kaplan-contradiction-and-limits/',
  '/chapters/chinchilla-question/',
  '/chapters/chinchilla-three-approaches/',
  '/chapters/chinchilla-parametric-loss/',
  '/chapters/chinchilla-replication/',
  '/chapters/why-kaplan-and-chinchilla-disagree/',
  '/chapters/after-chinchilla/',
  '/chapters/fitting-scaling-laws/',
  '/chapters/a-practical-recipe/',
  '/chapters/common-misreadings/',
  '/chapters/common-misreadings/#misreading-m16',
  '/404.html',
  '/calculators/',
  '/calculators/budget/',
  '/calculators/budget/?C=oops&L=1',
  '/calculators/compute-converter/',
  '/calculators/what-k-buys/',
  '/corrections/',
  '/search/?q=loss',
  '/models/',
  '/models/deepseek-v2/',
  '/budgets/gopher/',
  '/calculators/run-loss/',
  '/calculators/parameter-counter/',
  '/calculators/parameter-counter/?L=oops&kv=97',
  '/calculators/batch-size/',
  '/calculators/convergence/',
  '/calculators/loss-landscape/',
  '/calculators/over-training/',
  '/calculators/overfitting/',
  '/calculators/repeated-data/',
];

/**
 * Every page in the light theme; in the dark theme one page of each kind (a chapter with an example
 * and figures, one with a widget, long tables, calculators, generated pages, search, corrections,
 * the 404): the theme only changes colours, which come from one set of custom properties, so the
 * dark run checks each kind of element's contrast without repeating every long page (CI time).
 */
const DARK = new Set([
  '/',
  '/chapters/loss-vs-model-size/',
  '/chapters/chinchilla-parametric-loss/',
  '/chapters/chinchilla-replication/',
  '/chapters/kaplan-contradiction-and-limits/',
  '/chapters/common-misreadings/',
  '/404.html',
  '/calculators/budget/',
  '/calculators/budget/?C=oops&L=1',
  '/calculators/what-k-buys/',
  '/calculators/run-loss/',
  '/corrections/',
  '/search/?q=loss',
  '/models/',
  '/models/deepseek-v2/',
  '/budgets/gopher/',
]);

export function axeSuite(half: 0 | 1): void {
let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('axe finds no violations', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it.each((scheme === 'light' ? pages : pages.filter((p) => DARK.has(p))).filter((_, i) => i % 2 === half))(`%s (${scheme})`, async (path) => {
      const { context } = await site.context({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(site.url + path);
      await page.waitForLoadState('networkidle');
      // Interact once so the widget's live figure is what gets checked, not only the static one.
      const field = page.locator('form[data-widget] input[type="text"]').first();
      if ((await field.count()) > 0) await field.focus();
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      expect(summary).toEqual([]);
      await context.close();
    }, 180_000); // long chapters with large tables take axe tens of seconds on a loaded 2-core machine
  }
});

if (half === 1) describe('axe on the API reference', () => {
  // The whole page has ~120 highlighted entries (tens of thousands of nodes); axe checks the frame, the
  // usage and contents, and one full section, whose entries are all built by the same template.
  for (const scheme of ['light', 'dark'] as const) {
    it(`/api/ (${scheme})`, async () => {
      const { context } = await site.context({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(site.url + '/api/');
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page })
        .include('header')
        .include('h1')
        .include('.lede')
        .include('nav[aria-labelledby="api-contents"]')
        .include('section[aria-labelledby="api-section-units-and-formatting"]')
        .analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      expect(summary).toEqual([]);
      await context.close();
    }, 180_000);
  }
});
}
