// @ts-check
/**
 * Previews of cross-references and citations (components/Ref.astro, Cite.astro): shown on hover,
 * keyboard focus and touch (first tap previews, the second follows the link); Escape closes.
 * Loaded by the page's inline loader on the first hover, focus or touch of a reference.
 */

/** @type {HTMLAnchorElement | null} */
let open = null;
let pointer = 'mouse';

/** @param {Element} a */
const preview = (a) => /** @type {HTMLElement} */ (document.getElementById(a.getAttribute('aria-describedby') ?? ''));
const hide = () => {
  if (open) preview(open).hidden = true;
  open = null;
};
/** @param {HTMLAnchorElement} a */
const show = (a) => {
  if (open !== a) hide();
  open = a;
  preview(a).hidden = false;
};
/** @param {Event} e */
const ref = (e) => (e.target instanceof Element ? /** @type {HTMLAnchorElement | null} */ (e.target.closest('a.xref[aria-describedby]')) : null);

/** Install the listeners, then handle the event that caused the load. @param {Event} first */
export function start(first) {
  document.addEventListener('pointerdown', (e) => (pointer = e.pointerType), true);
  document.addEventListener('touchstart', () => (pointer = 'touch'), { capture: true, passive: true });
  const over = (/** @type {Event} */ e) => {
    const a = ref(e);
    if (a && pointer !== 'touch') show(a);
  };
  const focus = (/** @type {Event} */ e) => {
    const a = ref(e);
    if (a) show(a);
    else hide();
  };
  document.addEventListener('mouseover', over);
  document.addEventListener('mouseout', (e) => {
    const wrap = e.target instanceof Element && e.target.closest('.xref-wrap');
    if (wrap && !(e.relatedTarget instanceof Node && wrap.contains(e.relatedTarget))) hide();
  });
  document.addEventListener('focusin', focus);
  document.addEventListener('keydown', (e) => e.key === 'Escape' && hide());
  document.addEventListener('click', (e) => {
    const a = ref(e);
    if (a && pointer === 'touch' && open !== a) {
      e.preventDefault(); // first tap previews, the second follows the link
      show(a);
    } else if (!a && !(e.target instanceof Element && e.target.closest('.xref-preview'))) hide();
  });
  if (first.type === 'touchstart') pointer = 'touch';
  else if (first.type === 'mouseover') over(first);
  else if (first.type === 'focusin') focus(first);
}
