// @ts-check
/**
 * Site search UI, loaded on first use (focus on the search box, or "/"), never before. It loads
 * Pagefind's self-hosted index from `<base>pagefind/` and lists results under the box as links.
 * Excerpts are built as text nodes with <mark> elements: nothing typed or indexed is inserted as HTML.
 * Keyboard: type, ArrowDown/ArrowUp move through results, Enter follows, Escape closes.
 */

/** @param {HTMLFormElement} form */
export function mountSearch(form) {
  const input = /** @type {HTMLInputElement} */ (form.querySelector('input[type="search"]'));
  const panel = /** @type {HTMLElement} */ (form.querySelector('.search-results'));
  const status = /** @type {HTMLElement} */ (form.querySelector('.search-status'));
  const base = form.dataset.base ?? '/';
  /** @type {Promise<any> | undefined} */
  let engine;
  let generation = 0;
  const load = () =>
    (engine ??= import(`${base}pagefind/pagefind.js`).then(async (pf) => {
      await pf.options({ excerptLength: 24 });
      return pf;
    }));

  /** "text <mark>hit</mark> text" → text nodes and <mark> elements. @param {string} excerpt */
  function excerptNodes(excerpt) {
    const out = [];
    const parts = excerpt.split(/<mark>|<\/mark>/);
    parts.forEach((part, i) => {
      const text = part.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      if (i % 2) {
        const m = document.createElement('mark');
        m.textContent = text;
        out.push(m);
      } else out.push(document.createTextNode(text));
    });
    return out;
  }

  function close() {
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  }

  async function run() {
    const query = input.value.trim().slice(0, 200);
    const mine = ++generation;
    if (!query) {
      panel.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    let pf;
    try {
      pf = await load();
    } catch {
      status.textContent = 'Search is not available here (the index is built with the site).';
      return;
    }
    const search = await pf.debouncedSearch(query, {}, 120);
    if (search === null || mine !== generation) return;
    const results = await Promise.all(search.results.slice(0, 8).map((/** @type {any} */ r) => r.data()));
    if (mine !== generation) return;
    const items = results.map((/** @type {any} */ d) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = d.url;
      const title = document.createElement('span');
      title.className = 'search-title';
      title.textContent = d.meta?.title ?? d.url;
      const excerpt = document.createElement('span');
      excerpt.className = 'search-excerpt';
      excerpt.append(...excerptNodes(d.excerpt ?? ''));
      a.append(title, excerpt);
      li.append(a);
      return li;
    });
    const list = document.createElement('ul');
    list.append(...items);
    panel.replaceChildren(list);
    panel.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    const n = search.results.length;
    status.textContent = n === 0 ? 'No results' : `${n} result${n === 1 ? '' : 's'}${n > 8 ? ', the first 8 shown' : ''}`;
  }

  const links = () => /** @type {HTMLAnchorElement[]} */ ([...panel.querySelectorAll('a')]);
  input.addEventListener('input', () => void run());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const first = links()[0];
    if (first) first.focus();
    else void run();
  });
  form.addEventListener('keydown', (e) => {
    const all = links();
    const i = all.indexOf(/** @type {HTMLAnchorElement} */ (document.activeElement));
    if (e.key === 'ArrowDown' && all.length) {
      e.preventDefault();
      all[Math.min(i + 1, all.length - 1)]?.focus();
    } else if (e.key === 'ArrowUp' && i >= 0) {
      e.preventDefault();
      (i === 0 ? input : all[i - 1])?.focus();
    } else if (e.key === 'Escape') {
      close();
      input.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!(e.target instanceof Node) || !form.contains(e.target)) close();
  });
  void load();
  if (input.value.trim()) void run();
}
