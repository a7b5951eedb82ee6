/**
 * Astro integration: resolve `<Ref to="eq-…">` cross-references after the build, when every page
 * and every anchor exists. For each public anchor (elements marked `data-anchor`) it works out the
 * text a reference shows — the paper's own label ("Eq. (1.1)"), the site's number for a derived
 * equation ("Eq. (S2)", also written into that equation's caption), "step 3", "Figure 2" (also
 * written into the figure's caption) — and a preview made from the target's build-time HTML (no
 * client KaTeX, no fetch). A reference to an anchor that does not exist fails the build.
 * It also writes `dist/anchors.json` (id, page, kind, label, page title) for the search index.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

async function htmlFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out.sort();
}

function pagePath(rel) {
  const p = '/' + rel.split(sep).join('/');
  return p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p;
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const squash = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * HTML of `el`'s children fit for a preview inside a sentence: no ids, links or buttons, and no
 * block elements (a <p> inside the preview would close the paragraph that holds the reference).
 */
function previewHtml(el) {
  const clone = el.cloneNode(true);
  for (const a of clone.querySelectorAll('a')) a.replaceWith(...a.childNodes);
  for (const block of clone.querySelectorAll('p, div, ul, ol, li, figure, figcaption, section, h1, h2, h3, h4, h5, h6, table, details')) {
    const span = el.ownerDocument.createElement('span');
    span.className = `xref-preview-block ${block.getAttribute('class') ?? ''}`.trim();
    span.append(...block.childNodes);
    block.replaceWith(span);
  }
  for (const b of clone.querySelectorAll('button, script')) b.remove();
  for (const e of clone.querySelectorAll('[id]')) e.removeAttribute('id');
  return clone.innerHTML;
}

/** Every public anchor of one page, with its label and preview. */
export function anchorsOfPage(document, page) {
  const title = squash(document.querySelector('h1')?.textContent ?? page);
  const anchors = [];
  let derived = 0;
  let figure = 0;
  for (const el of document.querySelectorAll('[data-anchor][id]')) {
    const id = el.id;
    if (id.startsWith('eq-')) {
      const paperLabel = el.getAttribute('data-label');
      const source = squash(el.querySelector('.eq-source')?.textContent ?? '');
      const number = paperLabel ? undefined : `S${++derived}`;
      const short = paperLabel ?? `Eq. (${number})`;
      const long = paperLabel ? source : `${short}, derived on this site`;
      const math = el.querySelector('.equation-math');
      anchors.push({ id, page, title, kind: 'equation', short, long, number, preview: math ? previewHtml(math) : '' });
    } else if (id.startsWith('step-')) {
      const list = el.parentElement;
      const n = list ? [...list.children].filter((c) => c.classList.contains('step')).indexOf(el) + 1 : 1;
      const text = el.querySelector('.step-text');
      const math = el.querySelector('.step-math');
      const preview = (text ? `<span class="xref-preview-text">${previewHtml(text)}</span>` : '') + (math ? previewHtml(math) : '');
      anchors.push({ id, page, title, kind: 'step', short: `step ${n}`, long: `Step ${n} of a derivation`, preview });
    } else if (id.startsWith('fig-')) {
      figure++;
      const caption = squash(el.querySelector('figcaption')?.textContent ?? '');
      anchors.push({ id, page, title, kind: 'figure', short: `Figure ${figure}`, long: `Figure ${figure}`, number: figure, preview: escapeHtml(caption) });
    } else {
      anchors.push({ id, page, title, kind: 'anchor', short: id, long: id, preview: '' });
    }
  }
  return anchors;
}

/** Number derived equations and figures in their own captions, so "Eq. (S2)" and "Figure 2" can be found on the page. */
function numberTargets(html, anchors) {
  let out = html;
  for (const a of anchors) {
    if (a.kind === 'equation' && a.number) {
      out = out.replace(
        new RegExp(`(<figure[^>]*\\bid="${a.id}"[\\s\\S]*?<span class="eq-source">)Derived on this site(</span>)`),
        `$1Eq. (${a.number}), derived on this site$2`,
      );
      out = out.replace(`data-cite-anchor="${a.id}" aria-label`, `data-cite-anchor="${a.id}" data-cite-label="Eq. (${a.number})" aria-label`);
    } else if (a.kind === 'step') {
      out = out.replace(`data-cite-anchor="${a.id}" data-cite-label="a derivation step"`, `data-cite-anchor="${a.id}" data-cite-label="${a.short}"`);
    } else if (a.kind === 'figure') {
      out = out.replace(new RegExp(`(<figcaption id="${a.id}-caption"[^>]*>)`), `$1<span class="fig-number">Figure ${a.number}.</span> `);
    }
  }
  return out;
}

const NOTE = /<aside class="correction-note" data-correction-for="([a-z0-9-]+)"[^>]*>[\s\S]*?<\/aside>/g;

/** Move each correction note (rendered at the top of the page by the layout) next to the anchor it names. */
export function placeCorrectionNotes(html, page) {
  const notes = [...html.matchAll(NOTE)];
  let out = html.replace(NOTE, '');
  for (const [note, anchor] of notes) {
    const heading = new RegExp(`(<(h[2-6])[^>]*\\bid="${anchor}"[^>]*>[\\s\\S]*?<\\/\\2>)`);
    const element = new RegExp(`(<[a-z]+[^>]*\\bid="${anchor}"[^>]*>)`);
    if (heading.test(out)) out = out.replace(heading, `$1${note}`);
    else if (element.test(out)) out = out.replace(element, `$1${note}`);
    else throw new Error(`${page}: a correction names the anchor "${anchor}", which is not on the page`);
  }
  return out;
}

const XREF = /<a class="xref" href="#([a-z0-9-]+)" data-xref="\1" data-xref-text="(own|auto)">([\s\S]*?)<\/a>/g;

/** Replace every `<Ref>` placeholder of one page; throws naming the page and the missing id. */
export function resolveReferences(html, page, byId, base) {
  let n = 0;
  return html.replace(XREF, (_m, id, mode, own) => {
    const target = byId.get(id);
    if (!target) throw new Error(`${page}: <Ref to="${id}"> points to an anchor that does not exist on any page`);
    const samePage = target.page === page;
    const auto = samePage ? target.short : `${target.short} of “${target.title}”`;
    const text = mode === 'own' ? own : escapeHtml(auto);
    const href = samePage ? `#${id}` : `${base}${target.page.slice(1)}#${id}`;
    const pid = `xref-preview-${++n}`;
    const label = escapeHtml(target.kind === 'equation' ? target.long : `${target.long} — ${target.title}`);
    return (
      `<span class="xref-wrap"><a class="xref" href="${href}" data-xref="${id}" aria-describedby="${pid}">${text}</a>` +
      `<span class="xref-preview" id="${pid}" role="tooltip" hidden><span class="xref-preview-label">${label}</span>${target.preview}</span></span>`
    );
  });
}

export default function crossReferences() {
  let base = '/';
  return {
    name: 'scaling-ledger:cross-references',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const files = await htmlFiles(distDir);
        const pages = [];
        const all = [];
        for (const file of files) {
          const html = await readFile(file, 'utf8');
          const page = pagePath(relative(distDir, file));
          const anchors = anchorsOfPage(parseHTML(html).document, page);
          pages.push({ file, html, page, anchors });
          all.push(...anchors);
        }
        const byId = new Map();
        for (const a of all) if (!byId.has(a.id)) byId.set(a.id, a);
        // A reference to a renamed anchor's old id resolves to the anchor.
        for (const p of pages)
          for (const [, alias, target] of p.html.matchAll(/id="([a-z0-9-]+)" data-alias-of="([a-z0-9-]+)"/g))
            if (!byId.has(alias) && byId.has(target)) byId.set(alias, byId.get(target));
        let refs = 0;
        for (const p of pages) {
          let html = placeCorrectionNotes(numberTargets(p.html, p.anchors), p.page);
          const before = html;
          html = resolveReferences(html, p.page, byId, base);
          if (html !== before) refs += (before.match(XREF) ?? []).length;
          if (html !== p.html) await writeFile(p.file, html);
        }
        const index = all.map(({ preview: _preview, ...rest }) => rest);
        await writeFile(join(distDir, 'anchors.json'), JSON.stringify({ anchors: index }, null, 2) + '\n');
        logger.info(`cross-references: ${refs} resolved; anchors.json: ${index.length} anchors`);
      },
    },
  };
}
