import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, distFiles, pages, visibleText } from '../support/dist.ts';

const all = pages();
const chapters = all.filter((p) => p.path.startsWith('/chapters/'));
const byPath = new Map(all.map((p) => [p.path, p]));

describe('every built page', () => {
  it('builds the home page, a 404 page and at least one chapter', () => {
    expect(byPath.has('/')).toBe(true);
    expect(existsSync(join(DIST, '404.html'))).toBe(true);
    expect(chapters.length).toBeGreaterThan(0);
  });

  it.each(all.map((p) => [p.path, p] as const))('%s shows no NaN, Infinity or undefined', (_path, page) => {
    const text = visibleText(page.document);
    expect(text).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b|\[object Object\]/);
    // Attribute values reach readers too (labels, alt text, data for the widgets).
    expect(page.html.replace(/<script[\s\S]*?<\/script>/g, '')).not.toMatch(/="[^"]*\b(NaN|Infinity|undefined)\b[^"]*"/);
  });

  it.each(all.map((p) => [p.path, p] as const))('%s has no leftover TeX', (_path, page) => {
    const text = visibleText(page.document);
    expect(text).not.toContain('$$');
    expect(text).not.toMatch(/\\(frac|alpha|beta|left|right|mathrm|cdot|approx|log)\b/);
    expect(page.document.querySelectorAll('code.language-math, .katex-error')).toHaveLength(0);
  });

  it.each(all.map((p) => [p.path, p] as const))('%s has unique ids', (_path, page) => {
    const ids = [...page.document.querySelectorAll('[id]')].map((el) => el.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(all.map((p) => [p.path, p] as const))('%s loads nothing from another host', (_path, page) => {
    const loaded = [...page.document.querySelectorAll('script[src], link[href], img[src], source[src], iframe[src]')]
      .filter((el) => el.tagName !== 'LINK' || !/\b(canonical|alternate)\b/.test(el.getAttribute('rel') ?? ''))
      .map((el) => el.getAttribute('src') ?? el.getAttribute('href') ?? '');
    expect(loaded.filter((u) => /^(https?:)?\/\//.test(u))).toEqual([]);
    const css = [...page.document.querySelectorAll('style')].map((s) => s.textContent).join('\n');
    expect(css).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
  });
});

describe('chapters', () => {
  it.each(chapters.map((p) => [p.path, p] as const))('%s has KaTeX output and anchored equations', (_path, page) => {
    expect(page.document.querySelectorAll('.katex').length).toBeGreaterThan(0);
    expect(page.document.querySelectorAll('.katex-mathml math').length).toBeGreaterThan(0);
    const equations = [...page.document.querySelectorAll('figure.equation')];
    expect(equations.length).toBeGreaterThanOrEqual(3);
    for (const eq of equations) {
      expect(eq.id).toMatch(/^eq-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(eq.querySelector(`a[href="#${eq.id}"]`)).not.toBeNull();
      expect(eq.querySelector('.eq-source')?.textContent?.trim() ?? '').toMatch(/\S/);
    }
    expect(page.document.querySelectorAll('figure.plot-figure svg').length).toBeGreaterThan(0);
  });

  it('every figure has a caption and a text description', () => {
    for (const page of chapters) {
      for (const fig of page.document.querySelectorAll('figure.plot-figure')) {
        expect(fig.id, page.path).toMatch(/^fig-/);
        expect(fig.querySelector('figcaption')?.textContent?.length ?? 0).toBeGreaterThan(20);
        expect(fig.querySelector('details p')?.textContent?.length ?? 0).toBeGreaterThan(40);
        expect(fig.querySelector('svg')?.getAttribute('role')).toBe('img');
      }
    }
  });

  it('cites papers in the prose as links to the page’s bibliography, never as bare “(§3.1)” text', () => {
    // A parenthetical that points into a paper ("(§3.1)", "(Table 2)", "(Kaplan Eq. B.5)", "(App. D.4)") is a citation:
    // it must be a <Cite> link. Captions, tables, equations, the calculators embedded in a chapter (their "How this is computed" cites each constant's source) and the "sections this chapter covers" notes are exempt.
    const LOCATION = /\((?:(?:Kaplan|Hoffmann|Chinchilla|Besiroglu|Muennighoff|Sardana|Porian|Czech)(?: et al\.)?(?:’s|'s)? )?(?:§|Tables? \d|Figures? \d|Fig\. \d|Eqs?\. [A-Z0-9(]|App\. [A-Z]|Appendix [A-Z])/;
    const uncited: string[] = [];
    let cites = 0;
    for (const page of chapters) {
      const bibliography = new Set([...page.document.querySelectorAll('li[id^="ref-"]')].map((li) => li.id));
      for (const a of page.document.querySelectorAll('a.cite-ref')) {
        cites++;
        expect(bibliography.has((a.getAttribute('href') ?? '').slice(1)), `${page.path}: ${a.textContent}`).toBe(true);
      }
      for (const el of page.document.querySelectorAll('article p, article li')) {
        if (el.closest('figure, table, details, form.widget, .how-computed, .meta, .xref-preview, [id^="ref-"]') || el.classList.contains('meta')) continue;
        const copy = el.cloneNode(true) as Element;
        copy.querySelectorAll('.xref-wrap, .katex, a').forEach((x) => x.remove());
        const m = LOCATION.exec(copy.textContent ?? '');
        if (m) uncited.push(`${page.path}: …${(copy.textContent ?? '').slice(Math.max(0, m.index - 60), m.index + 30)}…`);
      }
    }
    expect(uncited).toEqual([]);
    expect(cites).toBeGreaterThan(100);
  });

  it('shows each paper equation with the paper’s own equation number', () => {
    const labels = chapters.flatMap((p) => [...p.document.querySelectorAll('.eq-source')].map((e) => e.textContent ?? ''));
    expect(labels.some((l) => /Kaplan et al\. 2020, Eq\. \(1\.1\)/.test(l))).toBe(true);
    // "<paper> <year>, <its own label>" (Eq./Eqs./Table, or a section (§) or a quoted number where the paper's own is
    // unverified); a derived equation carries the site's own number, written in by the cross-references integration.
    for (const l of labels) expect(l).toMatch(/^(.+ \d{4}.*, (Eqs?\.|Table|§|Figure \d|“Eq\.)|Eq\. \(S\d+\), derived on this site$)/);
  });
});


describe('links', () => {
  it('every internal link and #fragment resolves', () => {
    const broken: string[] = [];
    const files = new Set(distFiles());
    for (const page of all) {
      for (const a of page.document.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        if (/^[a-z]+:/i.test(href) || href.startsWith('//')) continue;
        const url = new URL(href, `http://site${page.path}`);
        const target = url.pathname === page.path ? page : byPath.get(url.pathname);
        const isFile = files.has(url.pathname.slice(1));
        if (!target && !isFile) {
          broken.push(`${page.path} → ${href} (no page)`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && target && !target.document.getElementById(fragment)) broken.push(`${page.path} → ${href} (no #${fragment})`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('JavaScript budget', () => {
  it('pages without a widget load no module script but the runnable examples\' tiny loader', () => {
    for (const page of all) {
      if (page.document.querySelector('[data-widget]')) continue;
      const scripts = [...page.document.querySelectorAll('script[type="module"], script[src]')].map((s) => s.getAttribute('src') ?? 'inline module');
      const allowed = page.document.querySelector('figure[data-example]') ? /\/_astro\/Example\.astro_[^/]*\.js$/ : /^$/;
      expect(scripts.filter((src) => !allowed.test(src)), page.path).toEqual([]);
    }
  });

  /** The module scripts a page runs before any interaction: its script tags and their static imports (dist paths). */
  function eagerScripts(page: (typeof all)[number], only: RegExp = /./): string[] {
    const files = [...page.document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src') ?? '').filter((s) => only.test(s)).map((s) => s.replace(/^\//, ''));
    for (let i = 0; i < files.length; i++) {
      const text = readFileSync(join(DIST, files[i]!), 'utf8');
      for (const m of text.matchAll(/(?:^|[;}\s])import\s*(?:[^'"`()]*?from\s*)?["'`](\.\/[^"'`]+)["'`]/g)) {
        const file = join(dirname(files[i]!), m[1]!);
        if (!files.includes(file)) files.push(file);
      }
    }
    return files;
  }
  const gzipBytes = (page: (typeof all)[number], files: string[]) =>
    files.reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f))).length, 0) +
    gzipSync([...page.document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n')).length;

  it('the runnable-example loader with what it imports, plus the inline scripts, stays within 2 KB gzip', () => {
    const chapter = all.find((p) => p.document.querySelector('figure[data-example]'));
    expect(chapter, 'no page shows a runnable example').toBeDefined();
    const files = eagerScripts(chapter!, /Example\.astro_/);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length, 'the loader must not statically import the editor').toBeLessThanOrEqual(2);
    expect(gzipBytes(chapter!, files)).toBeLessThanOrEqual(2048);
  });

  it('every page with a calculator runs at most 5 KB gzip of JavaScript before the reader interacts', () => {
    const widgetPages = all.filter((p) => p.document.querySelector('form[data-widget]'));
    expect(widgetPages.length).toBeGreaterThanOrEqual(8);
    for (const page of widgetPages) expect(gzipBytes(page, eagerScripts(page)), page.path).toBeLessThanOrEqual(5 * 1024);
  });

  it('no built page inlines Plot', () => {
    for (const page of all) expect(page.html).not.toMatch(/observablehq|d3-scale/);
  });

  it('the inline loader (theme, copy link, search trigger, previews) stays within 2 KB gzip per page', () => {
    for (const page of all) {
      const inline = [...page.document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('');
      const bytes = page.document.querySelector('[data-widget]') ? 0 : gzipSync(inline).length;
      expect(bytes, page.path).toBeLessThanOrEqual(2048);
    }
  });

  it('KaTeX CSS and fonts are self-hosted', () => {
    const files = distFiles();
    expect(files.some((f) => /^_astro\/.*\.css$/.test(f))).toBe(true);
    expect(files.some((f) => /KaTeX_Main-Regular.*\.woff2$/.test(f))).toBe(true);
    const css = files.filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    expect(css).toContain('.katex');
  });
});
