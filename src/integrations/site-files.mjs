/**
 * Astro integration: after the build, write `sitemap.xml` (every page except the 404 and search
 * pages, under the configured site URL and base) and `robots.txt` pointing to it.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

async function htmlFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out.sort();
}

const EXCLUDED = new Set(['/404.html', '/search/']);
const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The sitemap for these page paths ("/chapters/x/"), under `origin` + `base`. */
export function sitemap(paths, origin, base) {
  const urls = paths
    .filter((p) => !EXCLUDED.has(p))
    .map((p) => `  <url><loc>${escapeXml(new URL(base.replace(/\/$/, '') + p, origin).href)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export default function siteFiles() {
  let origin = 'http://localhost:4321';
  let base = '/';
  return {
    name: 'scaling-ledger:site-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        origin = config.site ?? origin;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const paths = (await htmlFiles(distDir)).map((f) => {
          const p = '/' + relative(distDir, f).split(sep).join('/');
          return p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p;
        });
        await writeFile(join(distDir, 'sitemap.xml'), sitemap(paths, origin, base));
        const sitemapUrl = new URL(`${base}sitemap.xml`, origin).href;
        await writeFile(join(distDir, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`);
        logger.info(`sitemap.xml: ${paths.filter((p) => !EXCLUDED.has(p)).length} pages`);
      },
    },
  };
}
