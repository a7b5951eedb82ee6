/**
 * How to cite a page, an equation or a calculator state of Scaling Ledger: plain text and BibTeX,
 * with the stable URL (anchor or URL state included), the title, the site's version and a date.
 * The inline loader in src/layouts/Base.astro builds the same text in the browser for "Cite"
 * buttons (tests/e2e/reference.test.ts checks that they agree).
 */

export interface CitationInput {
  /** Page title, e.g. "Loss falls as a power law in model size". */
  title: string;
  /** What on the page is cited, e.g. "Kaplan et al. 2020, Eq. (1.1)"; omit for the whole page. */
  label?: string;
  /** Absolute URL, with the #anchor or ?state. */
  url: string;
  /** Site version (package.json). */
  version: string;
  /** YYYY-MM-DD: when the page was last updated. */
  date: string;
}

/** "Scaling Ledger (2026). “Title”, label. Version 0.1.0, updated 2026-11-23. URL" */
export function plainCitation({ title, label, url, version, date }: CitationInput): string {
  return `Scaling Ledger (${date.slice(0, 4)}). “${title}”${label ? `, ${label}` : ''}. Version ${version}, updated ${date}. ${url}`;
}

/** A BibTeX key from the URL: "scalingledger:loss-vs-model-size:eq-kaplan-loss-n". */
export function citationKey(url: string): string {
  const u = new URL(url);
  const parts = u.pathname.split('/').filter(Boolean);
  const last = parts.at(-1) ?? 'home';
  return ['scalingledger', last, u.hash.slice(1)].filter(Boolean).join(':');
}

const bibEscape = (s: string) => s.replace(/\\/g, '\\textbackslash ').replace(/([{}%&#_$])/g, '\\$1');

/** A BibTeX @misc entry. */
export function bibtexCitation({ title, label, url, version, date }: CitationInput): string {
  return [
    `@misc{${citationKey(url)},`,
    `  title = {{${bibEscape(title)}${label ? `, ${bibEscape(label)}` : ''}}},`,
    `  author = {{Scaling Ledger}},`,
    `  year = {${date.slice(0, 4)}},`,
    `  howpublished = {\\url{${url}}},`,
    `  note = {Version ${version}, updated ${date}},`,
    `}`,
  ].join('\n');
}
