/**
 * Astro integration: build the self-hosted Pagefind search index after the build (into
 * `dist/pagefind/`). Pages are indexed from their `data-pagefind-body` (the main column); KaTeX's
 * MathML copy, cross-reference previews and figure SVG text are left out. Every public anchor
 * (equations, steps, figures, from `dist/anchors.json`, written by the cross-references
 * integration) is added as its own record whose URL lands on the anchor, so "Eq. 1.5",
 * "Chinchilla Eq. 4" and "eq-chinchilla-loss" find the equation itself.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** Other names readers use for a paper, searched along with its short citation. */
const PAPER_NICKNAMES = { 'Hoffmann et al. 2022': 'Chinchilla', 'Besiroglu et al. 2024': 'Epoch AI replication' };

/** The text a search for an anchor should match: its label in several spellings, its id, its page. */
export function anchorSearchText(anchor) {
  const spellings = new Set([anchor.long, anchor.short]);
  // "Eq. (1.5)" is also typed "Eq. 1.5", "Eq 1.5", "equation 1.5".
  const number = /\(([^)]+)\)/.exec(anchor.short)?.[1];
  if (anchor.kind === 'equation' && number) for (const s of [`Eq. ${number}`, `Eq ${number}`, `equation ${number}`]) spellings.add(s);
  for (const [paper, nick] of Object.entries(PAPER_NICKNAMES)) {
    if (anchor.long.startsWith(paper)) for (const s of [...spellings]) spellings.add(s.replace(paper, nick));
    if (anchor.long.startsWith(paper) && number) spellings.add(`${nick} Eq. ${number}`);
  }
  return [...spellings, anchor.id, anchor.id.replace(/-/g, ' '), anchor.title].join(' · ');
}

export default function searchIndex() {
  return {
    name: 'scaling-ledger:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({
          forceLanguage: 'en',
          excludeSelectors: ['.katex-mathml', '.xref-preview', 'svg', '.anchor-id', '.permalink', '[data-no-js]'],
          includeCharacters: '-.',
        });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const pages = await index.addDirectory({ path: distDir });
        if (pages.errors.length) throw new Error(`Pagefind: ${pages.errors.join('; ')}`);
        const { anchors } = JSON.parse(await readFile(join(distDir, 'anchors.json'), 'utf8'));
        for (const a of anchors) {
          const title = a.kind === 'equation' ? `${a.long} — ${a.title}` : `${a.short} — ${a.title}`;
          const added = await index.addCustomRecord({
            // Relative to the site root: Pagefind's client adds the base it was loaded from.
            url: `${a.page}#${a.id}`,
            content: anchorSearchText(a),
            language: 'en',
            meta: { title, kind: a.kind },
          });
          if (added.errors.length) throw new Error(`Pagefind: ${a.id}: ${added.errors.join('; ')}`);
        }
        const written = await index.writeFiles({ outputPath: join(distDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`search index: ${pages.page_count} pages, ${anchors.length} anchors`);
      },
    },
  };
}
