/**
 * Astro integration: after the build, write `dist/numbers.json`, the numbers each page states,
 * grouped by the anchor they stand under (the nearest heading, equation, step or figure id above
 * them). tests/dist/published-numbers.test.ts compares it with tests/published-numbers.json: a
 * published number that changes needs an entry in the corrections log (content/corrections.json).
 * Left out: figure SVG (tick labels move with the layout), KaTeX's MathML copy, code ids, citations,
 * dates, and the corrections' own quotations of old numbers.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

const SKIP = [
  'script', 'style', 'svg', 'annotation', 'template', 'time', '.katex-mathml', '.anchor-id', '.xref-preview',
  '.correction-note', '.corrections-notice', '.corrections-log', '.cite-this', '.sources', '[data-no-js]', '.meta',
].join(', ');
const SECTION = 'h2[id], h3[id], h4[id], [data-anchor][id]';
/** A number as pages print it: "1,024", "0.076", "5.76e23", "8.8 × 10¹³", "16.1%", "−3". */
const NUMBER = /(?<![\w.])[−-]?\d+(?:,\d{3})*(?:\.\d+)?(?:\s?×\s?10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+|e[+-]?\d+)?%?/g;

/** { sectionId: [numbers in order] } for one page; "top" for numbers above the first anchor. */
export function numbersOfPage(document) {
  const main = document.querySelector('main');
  if (!main) return {};
  const root = main.cloneNode(true);
  for (const el of root.querySelectorAll(SKIP)) el.remove();
  const out = {};
  let section = 'top';
  const walk = (node) => {
    if (node.nodeType === 1) {
      if (node.matches(SECTION)) section = node.id;
      for (const child of node.childNodes) walk(child);
    } else if (node.nodeType === 3) {
      const found = (node.textContent ?? '').match(NUMBER);
      if (found) (out[section] ??= []).push(...found.map((n) => n.replace(/\s/g, ' ')));
    }
  };
  walk(root);
  return out;
}

async function htmlFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out.sort();
}

export default function publishedNumbers() {
  return {
    name: 'scaling-ledger:published-numbers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const pages = {};
        for (const file of await htmlFiles(distDir)) {
          const rel = '/' + relative(distDir, file).split(sep).join('/');
          const page = rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
          if (page === '/404.html') continue;
          pages[page] = numbersOfPage(parseHTML(await readFile(file, 'utf8')).document);
        }
        await writeFile(join(distDir, 'numbers.json'), JSON.stringify({ pages }, null, 1) + '\n');
        const count = Object.values(pages).reduce((n, p) => n + Object.values(p).reduce((m, a) => m + a.length, 0), 0);
        logger.info(`numbers.json: ${count} numbers on ${Object.keys(pages).length} pages`);
      },
    },
  };
}
