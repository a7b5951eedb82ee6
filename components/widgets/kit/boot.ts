/**
 * The only widget code a page loads before the reader interacts (a few hundred bytes). Each calculator
 * component calls `boot(name, loader)` from its own `<script>`, so a page carries the loaders of the
 * calculators it shows and no other. The controls are enabled at once; the kit's controller
 * (validation, the URL codec, sliders) loads on the reader's first focus, pointer entry or change — or at once
 * when the URL carries a state — and then the calculator's code and Plot. Whatever the reader typed or
 * clicked in between is applied when the controller arrives.
 */
import type { Loader } from './controller.ts';

export function boot(name: string, load: Loader): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-widget]')) {
    if (form.dataset.widget !== name) continue;
    // Clicks on the widget's own buttons before its code is ready wait for it (Cite is handled elsewhere).
    const early: HTMLButtonElement[] = [];
    const hold = (event: Event) => {
      const button = (event.target as Element | null)?.closest?.('button:not(.cite-button)');
      if (!(button instanceof HTMLButtonElement) || !form.contains(button)) return;
      early.push(button);
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    // The controls' values now, before the reader can change them: what differs when the controller
    // arrives was typed or picked in between, and is applied then.
    const initial = new Map([...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].map((el) => [el as Element, el.value]));
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      form.addEventListener('click', hold, true);
      void import('./controller.ts')
        .then(({ mountWidget }) => mountWidget(form, load, initial))
        .finally(() => {
          form.removeEventListener('click', hold, true);
          for (const button of early) button.click();
        });
    };
    if (location.search.length > 1) {
      initial.clear(); // nothing typed yet: the URL's state is what the controller applies
      start();
      continue;
    }
    form.querySelector('[data-no-js]')?.remove();
    form.querySelector('fieldset')!.disabled = false;
    for (const type of ['focusin', 'pointerenter', 'input', 'change']) form.addEventListener(type, start, { once: true });
  }
}
