// The one script every page runs (controls it serves carry class "needs-js": hidden until the head
// script marks <html class="js">), inlined (minified) by src/layouts/Base.astro: the theme toggle,
// "Copy link" and "Cite" buttons, and the triggers that load search (public/scripts/search.js) and
// reference previews (public/scripts/previews.js) on first use. Pages without widgets ship only this.
(() => {
  const root = document.documentElement;
  const searchForm = document.querySelector('form.site-search');
  const base = searchForm.dataset.base;
  const toggle = document.getElementById('theme-toggle');
  const isDark = () =>
    (root.dataset.theme || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')) === 'dark';
  const sync = () => toggle.setAttribute('aria-pressed', String(isDark()));
  sync();
  toggle.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {}
    sync();
  });
  const say = (text) => (document.getElementById('announcer').textContent = text);
  // "Copy link" and "Cite" buttons: their code (public/scripts/cite.js) loads on the first click.
  document.addEventListener('click', (event) => {
    const b = event.target instanceof Element && event.target.closest('.copy-link, .cite-button');
    if (b) import(base + 'scripts/cite.js').then((m) => (b.classList.contains('cite-button') ? m.cite : m.copyLink)(b, say));
  });
  // Search: the UI and the index load on first focus of the box or on "/", never before.
  let searchLoading = null;
  const startSearch = () =>
    (searchLoading ??= import(base + 'scripts/search.js').then((m) => m.mountSearch(searchForm)));
  searchForm.addEventListener('focusin', startSearch);
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.key !== '/' || e.ctrlKey || e.metaKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    searchForm.querySelector('input').focus();
  });
  // Reference previews (Ref, Cite): their code loads on the first hover, focus or touch of one.
  {
    let previews = null;
    const go = (e) => {
      if (!previews && e.target instanceof Element && e.target.closest('.xref-wrap'))
        previews = import(base + 'scripts/previews.js').then((m) => m.start(e));
    };
    for (const t of ['mouseover', 'focusin', 'touchstart']) document.addEventListener(t, go, { passive: true });
  }
})();
