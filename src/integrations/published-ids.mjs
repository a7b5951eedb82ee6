/**
 * Astro integration: after the build, write `dist/ids.json`, the public interface of the site —
 * every page path and every `eq-`, `step-` and `fig-` id on it. Tests compare it with the committed
 * list of published anchors (tests/published-anchors.json), which must never lose an entry.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

/** Public anchors are the elements the components mark with `data-anchor` (equations, steps, figures, misreadings). */
const ANCHOR_ID = /^(eq|step|fig|misreading)-[a-z0-9]+(-[a-z0-9]+)*$/;

async function htmlFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

/** URL path of a built HTML file: "chapters/x/index.html" → "/chapters/x/". */
export function pagePath(rel) {
  const p = '/' + rel.split(sep).join('/');
  return p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p;
}

/** Collect { pages: { "/path/": ["eq-…", …] }, aliases: { "/path/": { old: new } } } from a built site folder. */
export async function collectIds(distDir) {
  const pages = {};
  /** Renamed anchors: { "/path/": { "old-id": "new-id" } }; a link to the old id still lands. */
  const aliases = {};
  for (const file of (await htmlFiles(distDir)).sort()) {
    const html = await readFile(file, 'utf8');
    const { document } = parseHTML(html);
    const ids = [...document.querySelectorAll('[data-anchor][id]')].map((el) => el.id);
    const bad = ids.filter((id) => !ANCHOR_ID.test(id));
    if (bad.length) throw new Error(`${file}: public anchors must be kebab-case eq-/step-/fig-/misreading- ids: ${bad.join(', ')}`);
    const page = pagePath(relative(distDir, file));
    pages[page] = [...new Set(ids)].sort();
    const renamed = [...document.querySelectorAll('[data-alias-of][id]')].map((el) => [el.id, el.getAttribute('data-alias-of')]);
    if (renamed.length) aliases[page] = Object.fromEntries(renamed.sort());
  }
  return { pages, aliases };
}

export default function publishedIds() {
  return {
    name: 'scaling-ledger:published-ids',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const ids = await collectIds(distDir);
        await writeFile(join(distDir, 'ids.json'), JSON.stringify(ids, null, 2) + '\n');
        const count = Object.values(ids.pages).reduce((n, a) => n + a.length, 0);
        logger.info(`ids.json: ${Object.keys(ids.pages).length} pages, ${count} anchors`);
      },
    },
  };
}
