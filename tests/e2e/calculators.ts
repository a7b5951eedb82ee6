/** Shared helpers for the calculator e2e tests (on top of support.ts). */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export { openPage } from './support.ts';

/** Text a reader sees, minus KaTeX's TeX annotations. */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('script, style, annotation').forEach((el) => el.remove());
    return body.innerText;
  });
}

/** The hostile values every numeric field and URL parameter is fed. */
export const HOSTILE: readonly [string, string][] = [
  ['empty', ''],
  ['text', 'abc'],
  ['zero', '0'],
  ['negative', '-5'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['1e400', '1e400'],
  ['absurd', '1e99'],
  ['markup', '<img src=x onerror="window.__xss=1">'],
  ['script', '</script><script>window.__xss=1</script>'],
  ['5,000 characters', '9'.repeat(5000)],
];

/** Resolves after the widget's next `widget:rendered` event. */
export function nextRender(page: Page, widget: string): Promise<unknown> {
  return page.evaluate(
    (name) =>
      new Promise((resolve) =>
        document.querySelector(`form[data-widget="${name}"]`)!.addEventListener('widget:rendered', (e) => resolve((e as CustomEvent).detail), { once: true }),
      ),
    widget,
  );
}

/** expect.poll with room for a loaded machine: the calculator's code loads lazily on first use. */
export function poll<T>(fn: () => Promise<T> | T, message?: string) {
  return expect.poll(fn, { timeout: 15_000, ...(message ? { message } : {}) });
}
