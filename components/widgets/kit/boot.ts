/** The one script every widget page loads: mounts each `form[data-widget]` with its calculator's lazy loader. */
import { mountWidget } from './controller.ts';
import { calculators } from './registry.ts';

export function boot(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-widget]')) {
    const name = form.dataset.widget ?? '';
    const load = Object.hasOwn(calculators, name) ? calculators[name] : undefined;
    if (load) mountWidget(form, load);
  }
}
