import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { openSite, type Site, openPage } from './support.ts';

/**
 * The runnable <Example> of the L(N) chapter: edit, run, share by link (a link never runs code by
 * itself), and hostile code or links that must not touch the page, freeze it, or run unasked.
 */
const CHAPTER = '/chapters/loss-vs-model-size/';
const ID = 'ex-kaplan-loss-n-sizes';
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const open = (path: string) => openPage(site, path);

const example = (page: Page) => page.locator(`#${ID}`);
const editor = (page: Page) => example(page).getByRole('textbox', { name: /^Code/ });
const output = (page: Page) => example(page).locator('[data-output]');
const status = (page: Page) => example(page).getByRole('status');
const button = (page: Page, name: string) => example(page).getByRole('button', { name, exact: true });

async function runCode(page: Page, code: string): Promise<void> {
  await editor(page).fill(code);
  await button(page, 'Run').click();
  await expect.poll(() => button(page, 'Run').isEnabled(), { timeout: 20_000 }).toBe(true);
}

/** The page answers within `ms` (its main thread is not frozen). */
async function responsive(page: Page, ms = 2500): Promise<boolean> {
  const t = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  return Date.now() - t < ms;
}

describe('runnable example', () => {
  it('shows the code and the output computed at build time, with "Edit and run" only when scripts run', async () => {
    const { page, context, workers } = await open(CHAPTER);
    await expect.poll(() => output(page).textContent(), { timeout: 15_000 }).toMatch(/^N = 1e6 parameters: L = \d\.\d{3} nats\/token/);
    expect(await example(page).locator('pre.astro-code').textContent()).toContain("from 'scaling-ledger'");
    expect(await button(page, 'Edit and run').isVisible()).toBe(true);
    expect(workers).toEqual([]);
    await context.close();
  });

  it('edits, runs, reports errors with their line, and resets', async () => {
    const { page, context, errors } = await open(CHAPTER);
    const built = await output(page).textContent();
    await button(page, 'Edit and run').click();
    await expect.poll(() => editor(page).isVisible(), { timeout: 15_000 }).toBe(true);
    const original = await editor(page).inputValue();
    expect(original).toContain('lossN(N, K)');

    await runCode(page, original.replace('[1e6, 1e8, 1e10]', '[1e12]'));
    expect(await output(page).textContent()).toMatch(/^N = 1e12 parameters: L = 1\.\d{3} nats\/token\nDoubling N/);
    expect(await status(page).textContent()).toMatch(/^Ran in \d+ ms/);

    await runCode(page, "import { lossN } from 'scaling-ledger';\nconst n: number = 1;\nthrow new Error('on purpose');");
    expect(await status(page).textContent()).toBe('Error at line 3: Error: on purpose');

    await runCode(page, original.replace('0.95, 0.01', '0.5, 0.01'));
    expect(await status(page).textContent()).toMatch(/^Error at line 13: Error: expectClose: L\(2N\)\/L\(N\) = 0\.94\d+ differs from the printed 0\.5/);

    await button(page, 'Reset').click();
    expect(await editor(page).inputValue()).toBe(original);
    expect(built).toBeTruthy();
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`the open editor, its controls and a run's output pass axe (${scheme})`, async () => {
      const { context } = await site.context({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(site.url + CHAPTER);
      await page.waitForLoadState('networkidle');
      await button(page, 'Edit and run').click();
      await runCode(page, "import { lossN } from 'scaling-ledger';\nthrow new Error('shown as an error');");
      const results = await new AxeBuilder({ page }).include(`#${ID}`).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
      await context.close();
    });
  }

  it('stops an endless loop after the time limit and keeps the page responsive', async () => {
    const { page, context } = await open(CHAPTER);
    await button(page, 'Edit and run').click();
    await editor(page).fill('while (true) {}');
    await button(page, 'Run').click();
    await expect.poll(() => status(page).textContent(), { timeout: 15_000 }).toBe('Running…');
    expect(await responsive(page)).toBe(true);
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toMatch(/^Stopped after 3 s/);
    expect(await responsive(page)).toBe(true);
    await context.close();
  });

  it('Reset during an endless loop stops it quietly: no late "Stopped" message', async () => {
    const { page, context } = await open(CHAPTER);
    await button(page, 'Edit and run').click();
    await editor(page).fill('while (true) {}');
    await button(page, 'Run').click();
    await expect.poll(() => status(page).textContent(), { timeout: 15_000 }).toBe('Running…');
    await button(page, 'Reset').click();
    expect(await status(page).textContent()).toBe('Reset to the original example.');
    await page.waitForTimeout(4000);
    expect(await status(page).textContent()).toBe('Reset to the original example.');
    expect(await button(page, 'Run').isEnabled()).toBe(true);
    expect(await editor(page).inputValue()).toContain("from 'scaling-ledger'");
    await context.close();
  });

  it('shares edited code by link; the link shows it without running it until Run', async () => {
    const first = await open(CHAPTER);
    await button(first.page, 'Edit and run').click();
    const code = (await editor(first.page).inputValue()).replace('[1e6, 1e8, 1e10]', '[3e9]');
    await editor(first.page).fill(code);
    await button(first.page, 'Copy link').click();
    await expect.poll(() => new URL(first.page.url()).hash, { timeout: 15_000 }).toMatch(new RegExp(`^#${ID}~[A-Za-z0-9_-]+$`));
    const link = new URL(first.page.url());
    expect(first.workers).toEqual([]);
    await first.context.close();

    const second = await open(link.pathname + link.hash);
    await expect.poll(() => editor(second.page).inputValue(), { timeout: 15_000 }).toBe(code);
    expect(await status(second.page).textContent()).toContain('has not run');
    expect(await output(second.page).textContent()).toContain('N = 1e6 parameters');
    expect(second.workers).toEqual([]);
    await button(second.page, 'Run').click();
    await expect.poll(() => output(second.page).textContent(), { timeout: 20_000 }).toMatch(/^N = 3e9 parameters/);
    expect(second.workers.length).toBeGreaterThanOrEqual(1); // the run's worker, and a spare for the next run
    expect(second.errors).toEqual([]);
    await second.context.close();
  });
});

/** Encode code as the page does, in the page (CompressionStream), to build hostile links. */
async function linkFor(page: Page, code: string): Promise<string> {
  return page.evaluate(async (c) => {
    const stream = new Blob([new TextEncoder().encode(c)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }, code);
}

describe('hostile example links', () => {
  it('a truncated link: a clear message, the original code, nothing runs', async () => {
    const first = await open(CHAPTER);
    const payload = await linkFor(first.page, "console.log('a long enough line to compress into several bytes');");
    await first.context.close();
    const { page, context, workers } = await open(`${CHAPTER}#${ID}~${payload.slice(0, Math.floor(payload.length / 2))}`);
    await expect.poll(() => status(page).textContent(), { timeout: 15_000 }).toMatch(/could not be read/);
    expect(await editor(page).inputValue()).toContain("from 'scaling-ledger'");
    expect(workers).toEqual([]);
    await context.close();
  });

  const HOSTILE = [
    "console.log('<img src=x onerror=\"parent.pwned=1\"><b id=\"injected\">bold</b>');",
    'try { document.body.innerHTML = "gone"; } catch (e) { console.log(String(e)); }',
    'try { console.log(localStorage.length); } catch (e) { console.log(String(e)); }',
    'try { console.log(document.cookie); } catch (e) { console.log(String(e)); }',
    "try { postMessage({ kind: 'line', text: '<i>forged</i>' }); } catch (e) { console.log(String(e)); }",
    "try { fetch('/'); } catch (e) { console.log(String(e)); }",
  ].join('\n');

  it('markup, DOM, storage, cookies and forged messages: shown as text, nothing reaches the page', async () => {
    const { page, context, workers, errors } = await open(CHAPTER);
    const payload = await linkFor(page, HOSTILE);
    await context.close();

    const opened = await open(`${CHAPTER}#${ID}~${payload}`);
    const p = opened.page;
    await expect.poll(() => editor(p).inputValue(), { timeout: 15_000 }).toBe(HOSTILE);
    expect(opened.workers).toEqual([]);
    await button(p, 'Run').click();
    await expect.poll(() => status(p).textContent(), { timeout: 20_000 }).toMatch(/^Ran in/);
    const text = (await output(p).textContent()) ?? '';
    expect(text).toContain('<img src=x onerror="parent.pwned=1"><b id="injected">bold</b>');
    expect(text).toMatch(/ReferenceError: document is not defined/);
    expect(text).toMatch(/ReferenceError: localStorage is not defined/);
    expect(text).toMatch(/TypeError: postMessage is not a function/);
    expect(text).toMatch(/TypeError: fetch is not a function/);
    expect(await p.locator('#injected, [data-output] img, [data-output] i').count()).toBe(0);
    expect(await p.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await p.locator('main h1').textContent()).toBeTruthy();
    expect(workers).toEqual([]);
    expect(opened.errors).toEqual([]);
    expect(errors).toEqual([]);
    await opened.context.close();
  });

  it('a flood of output is cut off with a message', async () => {
    const { page, context } = await open(CHAPTER);
    await button(page, 'Edit and run').click();
    await runCode(page, 'for (let i = 0; ; i++) console.log(i);');
    expect(await status(page).textContent()).toMatch(/Output limit reached/);
    expect(await responsive(page)).toBe(true);
    await context.close();
  });

  for (const [name, fragment, message] of [
    ['a 1 MB fragment', `${ID}~${'A'.repeat(1_000_000)}`, /too long/],
    ['characters outside base64url', `${ID}~<script>alert(1)</script>`, /could not be read/],
    ['bytes that are not deflate data', `${ID}~AAECAwQFBgcICQ`, /could not be read/],
  ] as const) {
    it(`${name}: a clear message, the original code, nothing runs`, async () => {
      const { page, context, workers, errors } = await open(`${CHAPTER}#${fragment}`);
      await expect.poll(() => status(page).textContent(), { timeout: 15_000 }).toMatch(message);
      expect(await editor(page).inputValue()).toContain("from 'scaling-ledger'");
      expect(workers).toEqual([]);
      expect(await responsive(page)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
