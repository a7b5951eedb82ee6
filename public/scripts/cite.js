// @ts-check
/**
 * "Copy link" and "Cite" buttons (equations, steps, calculator states): loaded on the first click.
 * Copy link puts the page's URL with the anchor on the clipboard (or in the address bar).
 * Shows a dialog with the citation as plain text and as BibTeX, each with a Copy button. The URL is
 * the page's stable URL with the button's anchor, or the current URL (with its state) for
 * calculators. Same format as src/lib/citation.ts (tests/e2e/reference.test.ts compares them).
 */

/** @param {string} s */
const bibEscape = (s) => s.replace(/\\/g, '\\textbackslash ').replace(/([{}%&#_$])/g, '\\$1');

/** @param {{ title: string, label?: string, url: string, version: string, date: string }} c */
export function plainCitation({ title, label, url, version, date }) {
  return `Scaling Ledger (${date.slice(0, 4)}). “${title}”${label ? `, ${label}` : ''}. Version ${version}, updated ${date}. ${url}`;
}

/** @param {string} url */
function citationKey(url) {
  const u = new URL(url);
  const last = u.pathname.split('/').filter(Boolean).at(-1) ?? 'home';
  return ['scalingledger', last, u.hash.slice(1)].filter(Boolean).join(':');
}

/** @param {{ title: string, label?: string, url: string, version: string, date: string }} c */
export function bibtexCitation({ title, label, url, version, date }) {
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

/** @type {HTMLDialogElement | undefined} */
let dialog;

/** @param {string} heading @param {string} text @param {(s: string) => void} say */
function block(heading, text, say) {
  const wrap = document.createElement('div');
  wrap.className = 'cite-block';
  const h = document.createElement('h2');
  h.textContent = heading;
  const pre = document.createElement('pre');
  pre.textContent = text;
  pre.tabIndex = 0;
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.textContent = `Copy ${heading.toLowerCase()}`;
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      say(`${heading} copied`);
    } catch {
      getSelection()?.selectAllChildren(pre);
      say(`${heading} selected: press Ctrl+C to copy`);
    }
  });
  wrap.append(h, pre, copy);
  return wrap;
}

/** Open the citation dialog for one button. @param {HTMLElement} button @param {(s: string) => void} say */
export function cite(button, say) {
  const root = document.documentElement.dataset;
  const anchor = button.dataset.citeAnchor;
  const url = anchor ? `${location.origin}${location.pathname}#${anchor}` : location.href;
  const input = {
    title: (document.querySelector('h1')?.textContent ?? document.title).trim(),
    label: button.dataset.citeLabel || undefined,
    url,
    version: root.version ?? '',
    date: root.updated ?? '',
  };
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.className = 'cite-dialog';
    dialog.setAttribute('aria-labelledby', 'cite-dialog-title');
    document.body.append(dialog);
  }
  const title = document.createElement('p');
  title.id = 'cite-dialog-title';
  title.className = 'cite-dialog-title';
  title.textContent = `Cite ${input.label ?? 'this page'}`;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Close';
  close.addEventListener('click', () => dialog?.close());
  dialog.replaceChildren(title, block('Plain text', plainCitation(input), say), block('BibTeX', bibtexCitation(input), say), close);
  dialog.showModal();
  return input;
}

/** "Copy link": the page URL with the button's anchor. @param {HTMLElement} button @param {(s: string) => void} say */
export async function copyLink(button, say) {
  const url = `${location.origin}${location.pathname}#${button.dataset.copyAnchor}`;
  try {
    await navigator.clipboard.writeText(url);
    button.dataset.copied = '';
    say(`Link copied: ${url}`);
  } catch {
    history.replaceState(null, '', `#${button.dataset.copyAnchor}`);
    say('Link is in the address bar');
  }
}
