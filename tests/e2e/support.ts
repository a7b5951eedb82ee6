/** Browser tests run against the built site (dist/) served on loopback, in Debian's Chromium. */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchBrowser } from '../../scripts/browser.mjs';
import { serveDist } from '../../scripts/static-server.mjs';
import { requireDist } from '../support/dist.ts';

export interface Site {
  url: string;
  browser: Browser;
  /** A fresh context that records every request and fails none. */
  context(options?: BrowserContextOptions): Promise<{ context: BrowserContext; requests: string[] }>;
  close(): Promise<void>;
}

export async function openSite(): Promise<Site> {
  requireDist();
  const server = await serveDist('dist');
  const browser = await launchBrowser();
  return {
    url: server.url,
    browser,
    async context(options = {}) {
      const context = await browser.newContext(options);
      const requests: string[] = [];
      await context.route('**/*', (route) => {
        requests.push(route.request().url());
        // Anything not on this server is refused, so a third-party request shows up as a failure.
        if (!route.request().url().startsWith(server.url)) return route.abort('blockedbyclient');
        return route.continue();
      });
      return { context, requests };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Open `path` in a fresh context: the page, its context, every request, the page's uncaught errors and
 * the workers it started. Waits for the network to go idle unless `idle: false` (a page that starts
 * long work from its URL, like the fit calculator).
 */
export async function openPage(site: Site, path: string, options: BrowserContextOptions = {}, { idle = true } = {}) {
  const { context, requests } = await site.context(options);
  const page = await context.newPage();
  const errors: string[] = [];
  const workers: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(site.url + path);
  if (idle) await page.waitForLoadState('networkidle');
  return { page, context, requests, errors, workers };
}
