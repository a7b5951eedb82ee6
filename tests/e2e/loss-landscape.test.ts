/**
 * The loss landscape's own behaviour (the shared keyboard/URL/hostile/no-JS checks are in
 * calculator-pages.test.ts): arrow keys on the focusable figure and clicks on it move the point.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type Site } from './support.ts';
import { openPage, poll } from './calculators.ts';
import { toPixel } from '../../components/widgets/loss-landscape/layout.ts';

const PATH = '/calculators/loss-landscape/';
let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const widget = (page: Page) => page.locator('form[data-widget="loss-landscape"]');
const pad = (page: Page) => widget(page).locator('[data-plot="loss-landscape"]');
const summary = (page: Page) => widget(page).locator('[data-out="summary"]');
const param = (page: Page, key: string) => Number(new URL(page.url()).searchParams.get(key));
const near = (actual: number, expected: number, rel: number) => Math.abs(actual / expected - 1) <= rel;

describe('loss landscape', () => {
  it('takes arrow keys on the figure: ←/→ move N, ↑/↓ move D, a tenth of a decade a press (Shift: half a decade)', async () => {
    const { page, context, errors } = await openPage(site, PATH);
    // Focusing any control loads the calculator, which makes the figure focusable; Tab from the last button reaches it.
    await widget(page).getByRole('button', { name: 'Cite' }).focus();
    await poll(() => pad(page).getAttribute('tabindex')).toBe('0');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-plot'))).toBe('loss-landscape');
    expect(await pad(page).evaluate((el) => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle !== 'none')).toBe(true);
    expect(await widget(page).getByRole('application', { name: /arrow keys/ }).count()).toBe(1);
    expect(await widget(page).locator('[data-landscape-help]').textContent()).toMatch(/arrow keys: ← and → change N, ↑ and ↓ change D/);

    const steps: { key: string; field: 'N' | 'D'; factor: number }[] = [
      { key: 'ArrowRight', field: 'N', factor: 10 ** 0.1 },
      { key: 'ArrowLeft', field: 'N', factor: 10 ** -0.1 },
      { key: 'ArrowUp', field: 'D', factor: 10 ** 0.1 },
      { key: 'ArrowDown', field: 'D', factor: 10 ** -0.1 },
      { key: 'Shift+ArrowRight', field: 'N', factor: 10 ** 0.5 },
      { key: 'Shift+ArrowDown', field: 'D', factor: 10 ** -0.5 },
    ];
    let N = 70e9;
    let D = 1.4e12;
    for (const s of steps) {
      const before = await summary(page).textContent();
      await page.keyboard.press(s.key);
      await poll(() => summary(page).textContent()).not.toBe(before);
      if (s.field === 'N') N *= s.factor;
      else D *= s.factor;
      await poll(() => near(param(page, 'N') || 70e9, N, 2e-3) && near(param(page, 'D') || 1.4e12, D, 2e-3)).toBe(true);
    }
    expect(await summary(page).textContent()).toMatch(/^N = [\d.]+[MBT]? parameters, D = [\d.]+[MBT]? tokens: L̂ = \d\.\d+ nats\/token/);
    // Held down past the edge, the point stops at the box's edge (10M parameters).
    for (let i = 0; i < 14; i++) await page.keyboard.press('Shift+ArrowLeft');
    await poll(() => param(page, 'N')).toBe(1e7);
    await poll(() => summary(page).textContent()).toContain('N = 10M parameters');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves the point to where the figure is clicked, and redraws only the marker', async () => {
    const { page, context, errors } = await openPage(site, PATH);
    await pad(page).hover();
    await poll(() => pad(page).getAttribute('tabindex')).toBe('0');
    const targets = [
      { N: 1e9, D: 1e11 },
      { N: 2e12, D: 3e10 },
      { N: 3e7, D: 5e14 },
    ];
    let landscape: unknown;
    for (const t of targets) {
      const svg = pad(page).locator('svg').first();
      const box = (await svg.boundingBox())!;
      const width = await svg.evaluate((el) => (el as SVGSVGElement).viewBox.baseVal.width);
      const p = toPixel(t, width);
      await page.mouse.click(box.x + (p.x * box.width) / width, box.y + (p.y * box.width) / width);
      // One pixel is about a hundredth of a decade; allow a few.
      await poll(() => near(param(page, 'N'), t.N, 0.06) && near(param(page, 'D'), t.D, 0.06)).toBe(true);
      await poll(() => summary(page).textContent()).toMatch(/C = 6ND = \d/);
      // The marker is drawn where the new point is.
      const at = toPixel({ N: param(page, 'N'), D: param(page, 'D') }, width);
      await poll(() =>
        pad(page)
          .locator('[data-marker] circle')
          .last()
          .evaluate((c, at) => Math.abs(Number(c.getAttribute('cx')) - at.x) < 1 && Math.abs(Number(c.getAttribute('cy')) - at.y) < 1, at),
      ).toBe(true);
      expect(await pad(page).locator('svg').count()).toBe(1);
      // The landscape (contours and lines) stays the same element between moves: only the marker group changes.
      const id = await pad(page).evaluate((el) => {
        const s = el.querySelector('svg') as SVGSVGElement & { __landscape?: number };
        s.__landscape ??= Math.random();
        return s.__landscape;
      });
      if (landscape !== undefined) expect(id).toBe(landscape);
      landscape = id;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-plot'))).toBe('loss-landscape');
    expect(errors).toEqual([]);
    await context.close();
  });
});
