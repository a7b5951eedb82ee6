/**
 * Mounts every `form[data-widget="<name>"]` on the page with its calculator's lazy loader. Each
 * calculator component calls it from its own `<script>`, so a page carries the loader of the
 * calculators it shows and no other (there is no central registry to grow with every calculator).
 */
import { mountWidget, type Loader } from './controller.ts';

export function boot(name: string, load: Loader): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-widget]')) {
    if (form.dataset.widget === name) mountWidget(form, load);
  }
}
