/**
 * The site can live under a sub-path (a project page). Build a second copy with BASE_PATH=/ledger/
 * into dist-subpath/, serve it under /ledger/ only, and check as a reader would: every internal
 * link, asset and #fragment resolves under the base; search lands on an equation; the widget works;
 * the feed, sitemap and social cards name the base.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { serveDist } from '../../scripts/static-server.mjs';
import { launchBrowser } from '../../scripts/browser.mjs';

const ROOT = process.cwd();
const OUT = join(ROOT, 'dist-subpath');
const BASE = '/ledger/';
let server: { url: string; close: () => Promise<void> };

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : p.endsWith('.html') ? [p] : [];
  });
}

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  // Vitest puts import.meta.env's keys (BASE_URL, MODE, …) into process.env; a child build must not inherit them.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k)));
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    env: { ...env, BASE_PATH: BASE, SITE_URL: 'https://example.org', OUT_DIR: './dist-subpath', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 170_000,
  });
  if (r.status !== 0) throw new Error(`sub-path build failed:\n${r.stdout}\n${r.stderr}`);
}, 180_000);
afterAll(async () => {
  await server?.close();
  rmSync(OUT, { recursive: true, force: true });
});

describe('a build under a sub-path', () => {
  it('every internal link and asset in every page starts with the base, and resolves', () => {
    const pages = htmlFiles(OUT);
    const bad: string[] = [];
    const exists = (path: string) => {
      const rel = decodeURIComponent(path.slice(BASE.length));
      try {
        const s = statSync(join(OUT, rel));
        return s.isFile() || statSync(join(OUT, rel, 'index.html')).isFile();
      } catch {
        return false;
      }
    };
    for (const file of pages) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const page = '/' + relative(OUT, file).split(sep).join('/');
      for (const el of document.querySelectorAll('a[href], link[href], script[src], img[src]')) {
        const url = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
        if (/^(https?:|mailto:|#|data:)/.test(url)) continue;
        const path = url.split('#')[0]!.split('?')[0]!;
        if (!path.startsWith(BASE)) bad.push(`${page}: ${url} (outside ${BASE})`);
        else if (!exists(path)) bad.push(`${page}: ${url} (missing)`);
      }
      for (const el of document.querySelectorAll('[data-base]')) expect(el.getAttribute('data-base')).toBe(BASE);
    }
    expect(pages.length).toBeGreaterThan(3);
    expect(bad).toEqual([]);
  });

  it('the sitemap, robots.txt, feed and social cards name the base', () => {
    expect(readFileSync(join(OUT, 'sitemap.xml'), 'utf8')).toContain('<loc>https://example.org/ledger/chapters/loss-vs-model-size/</loc>');
    expect(readFileSync(join(OUT, 'robots.txt'), 'utf8')).toContain('Sitemap: https://example.org/ledger/sitemap.xml');
    expect(readFileSync(join(OUT, 'corrections.xml'), 'utf8')).toContain('https://example.org/ledger/corrections/');
    const chapter = readFileSync(join(OUT, 'chapters/loss-vs-model-size/index.html'), 'utf8');
    expect(chapter).toContain('<link rel="canonical" href="https://example.org/ledger/chapters/loss-vs-model-size/">');
    expect(chapter).toContain('content="https://example.org/ledger/og/chapters/loss-vs-model-size.png"');
  });

  it('in the browser: a fragment lands, search finds an equation under the base, the widget redraws', async () => {
    server = await serveDist(OUT, 0, { base: BASE });
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      const outside: string[] = [];
      await context.route('**/*', (route) => {
        const u = route.request().url();
        if (!u.startsWith(server.url)) {
          outside.push(u);
          return route.abort('blockedbyclient');
        }
        return route.continue();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${server.url}${BASE}chapters/loss-vs-model-size/#eq-kaplan-loss-n`, { waitUntil: 'networkidle' });
      expect(await page.locator('#eq-kaplan-loss-n').isVisible()).toBe(true);
      const notFound = await page.evaluate(async () =>
        (
          await Promise.all(
            [...document.querySelectorAll('link[rel="stylesheet"], link[rel="icon"], script[src]')].map(async (el) => {
              const u = (el as HTMLLinkElement).href || (el as HTMLScriptElement).src;
              return (await fetch(u)).ok ? null : u;
            }),
          )
        ).filter(Boolean),
      );
      expect(notFound).toEqual([]);
      const box = page.getByRole('searchbox', { name: 'Search the site' });
      await box.focus();
      await box.fill('Eq. 1.1');
      const first = page.locator('#site-search-results a').first();
      await first.waitFor({ timeout: 20_000 });
      expect(await first.getAttribute('href')).toBe(`${BASE}chapters/loss-vs-model-size/#eq-kaplan-loss-n`);
      const field = page.getByRole('textbox', { name: 'Non-embedding parameters N' });
      await field.fill('7e10');
      await page.waitForURL(/N=7e10/);
      expect(new URL(page.url()).pathname).toBe(`${BASE}chapters/loss-vs-model-size/`);
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 90_000);
});
